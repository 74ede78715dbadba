import { mod11CheckDigit, toDigits } from './mod11';

/**
 * Validation and deterministic generation of Norwegian identity numbers (fødselsnummer and D-numbers),
 * including synthetic test numbers from the Norwegian Tax Administration's Tenor test data
 * (month + 80). The older NAV "H-number" convention (month + 40) is deliberately not recognised.
 *
 * Layout: DDMMYY III K1 K2 — birth date, individual number, two mod-11 check digits.
 */

/** The kind of identity number: an ordinary fødselsnummer or a D-number (day + 40). */
export type IdentityNumberKind = 'fodselsnummer' | 'd-number';

/**
 * Why an identity number was rejected:
 * - `format`: not exactly 11 ASCII digits after trimming surrounding whitespace
 * - `checksum`: one of the two mod-11 check digits is wrong (or would have to be 10)
 * - `date`: the encoded birth date is impossible, or the individual number does not fit the year
 * - `synthetic-not-allowed`: a valid synthetic (Tenor) number while synthetic numbers are not allowed
 */
export type IdentityNumberError = 'format' | 'checksum' | 'date' | 'synthetic-not-allowed';

/** A successfully parsed identity number. */
export interface IdentityNumber {
  /** The normalised 11-digit number. */
  readonly number: string;
  readonly kind: IdentityNumberKind;
  /** True for Tenor synthetic test numbers (month + 80). */
  readonly synthetic: boolean;
  /** The birth date encoded in the number, as YYYY-MM-DD. */
  readonly birthDate: string;
}

export type ParseIdentityNumberResult =
  | { readonly ok: true; readonly value: IdentityNumber }
  | { readonly ok: false; readonly error: IdentityNumberError };

export interface IdentityNumberOptions {
  /** Accept synthetic (Tenor, month + 80) test numbers. Defaults to false: production must reject them. */
  readonly allowSynthetic?: boolean;
}

export interface GenerateIdentityNumberArgs {
  /** Birth date as YYYY-MM-DD, between 1900-01-01 and 2039-12-31. */
  readonly birthDate: string;
  /** Defaults to 'fodselsnummer'. */
  readonly kind?: IdentityNumberKind;
  /** Generate a Tenor synthetic number (month + 80). Defaults to false. */
  readonly synthetic?: boolean;
  /** Preferred individual number (0–999); must be valid for the birth year. Defaults to the first valid one. */
  readonly individual?: number;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const D_NUMBER_DAY_OFFSET = 40;
const SYNTHETIC_MONTH_OFFSET = 80;
const IDENTITY_NUMBER_PATTERN = /^\d{11}$/;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_GENERATED_YEAR = 1900;
const MAX_GENERATED_YEAR = 2039;

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) {
    return null;
  }
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    return null;
  }
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/**
 * Resolves the four-digit birth year from the two-digit year and the individual number:
 * 000–499 → 1900–1999; 500–749 with year 54–99 → 1854–1899; 500–999 with year 00–39 → 2000–2039;
 * 900–999 with year 40–99 → 1940–1999. Any other combination is not allocated and yields null.
 */
function resolveBirthYear(twoDigitYear: number, individual: number): number | null {
  if (individual <= 499) {
    return 1900 + twoDigitYear;
  }
  if (individual <= 749 && twoDigitYear >= 54) {
    return 1800 + twoDigitYear;
  }
  if (twoDigitYear <= 39) {
    return 2000 + twoDigitYear;
  }
  if (individual >= 900) {
    return 1900 + twoDigitYear;
  }
  return null;
}

/** The individual numbers, in ascending order, that encode a birth year between 1900 and 2039. */
function individualNumbersForYear(year: number): number[] {
  const range = (from: number, to: number): number[] =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (year >= 2000) {
    return range(500, 999);
  }
  return year % 100 >= 40 ? [...range(0, 499), ...range(900, 999)] : range(0, 499);
}

/** Returns both check digits for the first nine digits, or null if either would be 10. */
function checkDigits(firstNine: readonly number[]): readonly [number, number] | null {
  const k1 = mod11CheckDigit(firstNine, K1_WEIGHTS);
  if (k1 === null) {
    return null;
  }
  const k2 = mod11CheckDigit([...firstNine, k1], K2_WEIGHTS);
  return k2 === null ? null : [k1, k2];
}

function hasValidCheckDigits(number: string): boolean {
  const digits = toDigits(number);
  const expected = checkDigits(digits.slice(0, 9));
  return expected !== null && expected[0] === digits[9] && expected[1] === digits[10];
}

/** Decodes kind, synthetic flag and birth date from an 11-digit string, or null if the date is impossible. */
function decodeIdentityNumber(number: string): Omit<IdentityNumber, 'number'> | null {
  const field = (start: number, end: number): number => Number(number.slice(start, end));
  const dayField = field(0, 2);
  const monthField = field(2, 4);
  const isDNumber = dayField > D_NUMBER_DAY_OFFSET && dayField <= D_NUMBER_DAY_OFFSET + 31;
  const synthetic = monthField > SYNTHETIC_MONTH_OFFSET && monthField <= SYNTHETIC_MONTH_OFFSET + 12;
  const day = isDNumber ? dayField - D_NUMBER_DAY_OFFSET : dayField;
  const month = synthetic ? monthField - SYNTHETIC_MONTH_OFFSET : monthField;
  const year = resolveBirthYear(field(4, 6), field(6, 9));
  if (year === null || !isCalendarDate(year, month, day)) {
    return null;
  }
  return {
    kind: isDNumber ? 'd-number' : 'fodselsnummer',
    synthetic,
    birthDate: formatIsoDate({ year, month, day }),
  };
}

/**
 * Parses and validates a Norwegian identity number (fødselsnummer or D-number).
 *
 * Surrounding whitespace is trimmed; internal spaces are not allowed. Checks are applied in the order
 * format → checksum → date → synthetic, and the first failure is reported. Synthetic (Tenor, month + 80)
 * numbers are rejected with `synthetic-not-allowed` unless `options.allowSynthetic` is true.
 */
export function parseIdentityNumber(
  input: string,
  options: IdentityNumberOptions = {},
): ParseIdentityNumberResult {
  const number = input.trim();
  if (!IDENTITY_NUMBER_PATTERN.test(number)) {
    return { ok: false, error: 'format' };
  }
  if (!hasValidCheckDigits(number)) {
    return { ok: false, error: 'checksum' };
  }
  const decoded = decodeIdentityNumber(number);
  if (decoded === null) {
    return { ok: false, error: 'date' };
  }
  if (decoded.synthetic && options.allowSynthetic !== true) {
    return { ok: false, error: 'synthetic-not-allowed' };
  }
  return { ok: true, value: { number, ...decoded } };
}

/** Returns true when `parseIdentityNumber(input, options)` would succeed. */
export function isValidIdentityNumber(input: string, options: IdentityNumberOptions = {}): boolean {
  return parseIdentityNumber(input, options).ok;
}

function composeIdentityNumber(
  date: CalendarDate,
  individual: number,
  kind: IdentityNumberKind,
  synthetic: boolean,
): string | null {
  const dayField = date.day + (kind === 'd-number' ? D_NUMBER_DAY_OFFSET : 0);
  const monthField = date.month + (synthetic ? SYNTHETIC_MONTH_OFFSET : 0);
  const firstNine = `${pad(dayField, 2)}${pad(monthField, 2)}${pad(date.year % 100, 2)}${pad(individual, 3)}`;
  const checks = checkDigits(toDigits(firstNine));
  return checks === null ? null : `${firstNine}${checks[0]}${checks[1]}`;
}

/**
 * Deterministically generates a valid identity number for a birth date between 1900-01-01 and 2039-12-31.
 *
 * Starts at `individual` (or the first individual number valid for the birth year) and, whenever a check
 * digit would be 10, tries the next individual number valid for that year, wrapping around to the start of
 * the range once. Returns null only if no individual number in the range yields valid check digits.
 * The result always round-trips through `parseIdentityNumber` (with `allowSynthetic: true` for synthetic).
 *
 * @throws RangeError if `birthDate` is not a real YYYY-MM-DD date within 1900–2039, or if `individual`
 *   is not an integer individual number that encodes the birth year.
 */
export function generateIdentityNumber(args: GenerateIdentityNumberArgs): string | null {
  const date = parseIsoDate(args.birthDate);
  if (date === null || date.year < MIN_GENERATED_YEAR || date.year > MAX_GENERATED_YEAR) {
    throw new RangeError(`birthDate must be a valid YYYY-MM-DD date in 1900–2039, got '${args.birthDate}'`);
  }
  const candidates = individualNumbersForYear(date.year);
  const start = args.individual === undefined ? 0 : candidates.indexOf(args.individual);
  if (start === -1) {
    throw new RangeError(`individual ${args.individual} cannot encode the birth year ${date.year}`);
  }
  const kind = args.kind ?? 'fodselsnummer';
  const synthetic = args.synthetic ?? false;
  for (let offset = 0; offset < candidates.length; offset++) {
    const individual = candidates[(start + offset) % candidates.length];
    const number = individual === undefined ? null : composeIdentityNumber(date, individual, kind, synthetic);
    if (number !== null) {
      return number;
    }
  }
  return null;
}

/**
 * Masks an identity number for logs and UI: the first 6 digits followed by '*****'.
 * Input that is not exactly 11 digits (after trimming) is masked completely as '***********',
 * so malformed input can never leak more than the birth-date part.
 */
export function maskIdentityNumber(input: string): string {
  const number = input.trim();
  return IDENTITY_NUMBER_PATTERN.test(number) ? `${number.slice(0, 6)}*****` : '*'.repeat(11);
}
