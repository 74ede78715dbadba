import { mod11CheckDigit, toDigits } from './mod11';

/**
 * Validation, formatting and deterministic generation of Norwegian organisation numbers
 * (organisasjonsnummer): 8 digits followed by one mod-11 check digit with weights 3,2,7,6,5,4,3,2.
 */

/** Why an organisation number was rejected. */
export type OrganizationNumberError = 'format' | 'checksum';

export type ParseOrganizationNumberResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: OrganizationNumberError };

const ORGANIZATION_NUMBER_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;
const PLAIN_PATTERN = /^\d{9}$/;
const GROUPED_PATTERN = /^\d{3} \d{3} \d{3}$/;
const MIN_BASE = 10_000_000;
const MAX_BASE = 99_999_999;

/** Trims and removes the group spaces of "123 456 789"; null if the input has any other shape. */
function normalizeOrganizationNumber(input: string): string | null {
  const trimmed = input.trim();
  if (PLAIN_PATTERN.test(trimmed)) {
    return trimmed;
  }
  return GROUPED_PATTERN.test(trimmed) ? trimmed.replaceAll(' ', '') : null;
}

/**
 * Parses and validates a Norwegian organisation number.
 *
 * Accepts surrounding whitespace and either 9 consecutive digits or three groups separated by single
 * spaces ("123 456 789"); the value is normalised to 9 digits. The leading digit is not restricted,
 * so test-environment numbers are accepted as long as the check digit is correct.
 */
export function parseOrganizationNumber(input: string): ParseOrganizationNumberResult {
  const value = normalizeOrganizationNumber(input);
  if (value === null) {
    return { ok: false, error: 'format' };
  }
  const digits = toDigits(value);
  const check = mod11CheckDigit(digits.slice(0, 8), ORGANIZATION_NUMBER_WEIGHTS);
  if (check === null || check !== digits[8]) {
    return { ok: false, error: 'checksum' };
  }
  return { ok: true, value };
}

/** Returns true when `parseOrganizationNumber(input)` would succeed. */
export function isValidOrganizationNumber(input: string): boolean {
  return parseOrganizationNumber(input).ok;
}

/**
 * Deterministically appends the check digit to an 8-digit base (10000000–99999999). Real organisation
 * numbers start with 8 or 9; demo and test data use bases starting with 3, a range no real
 * organisation holds. Returns null when the check digit would be 10, i.e. no valid number exists.
 *
 * @throws RangeError if `base8` is not an integer between 10000000 and 99999999.
 */
export function generateOrganizationNumber(base8: number): string | null {
  if (!Number.isInteger(base8) || base8 < MIN_BASE || base8 > MAX_BASE) {
    throw new RangeError(`base8 must be an integer between ${MIN_BASE} and ${MAX_BASE}, got ${base8}`);
  }
  const base = String(base8);
  const check = mod11CheckDigit(toDigits(base), ORGANIZATION_NUMBER_WEIGHTS);
  return check === null ? null : `${base}${check}`;
}

/**
 * Formats an organisation number as "123 456 789". The check digit is not verified; input that is neither
 * 9 digits nor already grouped (after trimming) is returned unchanged.
 */
export function formatOrganizationNumber(input: string): string {
  const value = normalizeOrganizationNumber(input);
  if (value === null) {
    return input;
  }
  return `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}`;
}
