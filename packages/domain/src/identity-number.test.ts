import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateIdentityNumber,
  type IdentityNumberKind,
  isValidIdentityNumber,
  maskIdentityNumber,
  parseIdentityNumber,
} from './identity-number';

// ---------------------------------------------------------------------------------------------------------
// Independent oracles, written from the specification rather than from the implementation.
// ---------------------------------------------------------------------------------------------------------

/**
 * Check-digit oracle in "zero-sum" form: with the check digit weighted by 1, a valid number has
 * 3,7,6,1,8,9,4,5,2,1 · d1..d10 ≡ 0 and 5,4,3,2,7,6,5,4,3,2,1 · d1..d11 ≡ 0 (mod 11).
 * This is equivalent to k = 11 - (sum mod 11), 11 → 0, and a single digit can never hold 10.
 */
function oracleChecksumValid(number: string): boolean {
  const digits = Array.from(number, Number);
  const weighted = (weights: number[]): number =>
    weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? Number.NaN), 0);
  return (
    weighted([3, 7, 6, 1, 8, 9, 4, 5, 2, 1]) % 11 === 0 &&
    weighted([5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0
  );
}

/** Completes nine digits with the only check digits (searched 00..99) that satisfy the oracle, if any. */
function completeWithOracle(firstNine: string): string | null {
  for (let k = 0; k < 100; k++) {
    const candidate = `${firstNine}${String(k).padStart(2, '0')}`;
    if (oracleChecksumValid(candidate)) {
      return candidate;
    }
  }
  return null;
}

/** Individual-number allocation table, copied from the specification. */
const CENTURY_RULES = [
  { individual: [0, 499], twoDigitYear: [0, 99], century: 1900 },
  { individual: [500, 749], twoDigitYear: [54, 99], century: 1800 },
  { individual: [500, 999], twoDigitYear: [0, 39], century: 2000 },
  { individual: [900, 999], twoDigitYear: [40, 99], century: 1900 },
] as const;

function oracleBirthYear(twoDigitYear: number, individual: number): number | null {
  const inRange = (value: number, [from, to]: readonly [number, number]): boolean =>
    value >= from && value <= to;
  const rule = CENTURY_RULES.find(
    (candidate) => inRange(individual, candidate.individual) && inRange(twoDigitYear, candidate.twoDigitYear),
  );
  return rule === undefined ? null : rule.century + twoDigitYear;
}

/** Birth-date oracle using the platform calendar (Date.UTC round-trip) instead of hand-written month lengths. */
function oracleBirthDate(number: string): string | null {
  const dayField = Number(number.slice(0, 2));
  const monthField = Number(number.slice(2, 4));
  const day = dayField >= 41 && dayField <= 71 ? dayField - 40 : dayField;
  const month = monthField >= 81 && monthField <= 92 ? monthField - 80 : monthField;
  const year = oracleBirthYear(Number(number.slice(4, 6)), Number(number.slice(6, 9)));
  if (year === null || month < 1 || month > 12 || day < 1) {
    return null;
  }
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

function oracleIndividualValidForYear(year: number, individual: number): boolean {
  return oracleBirthYear(year % 100, individual) === year;
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1) / MS_PER_DAY;
const LAST_DAY = Date.UTC(2039, 11, 31) / MS_PER_DAY;

const birthDateArb = fc
  .integer({ min: FIRST_DAY, max: LAST_DAY })
  .map((day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10));

const kindArb = fc.constantFrom<IdentityNumberKind>('fodselsnummer', 'd-number');

/** Generator arguments with an optional individual number that is valid for the birth year. */
const generateArgsArb = fc
  .record({ birthDate: birthDateArb, kind: kindArb, synthetic: fc.boolean(), seed: fc.option(fc.nat()) })
  .map(({ birthDate, kind, synthetic, seed }) => {
    const year = Number(birthDate.slice(0, 4));
    const valid = Array.from({ length: 1000 }, (_, i) => i).filter((i) =>
      oracleIndividualValidForYear(year, i),
    );
    const individual = seed === null ? undefined : valid[seed % valid.length];
    return { birthDate, kind, synthetic, individual };
  });

/** A generated (non-null) number together with the arguments that produced it. */
const generatedArb = generateArgsArb.map((args) => ({ args, number: generateIdentityNumber(args) }));

const elevenDigitsArb = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 11, maxLength: 11 });

// ---------------------------------------------------------------------------------------------------------
// Example tests
// ---------------------------------------------------------------------------------------------------------

describe('parseIdentityNumber: known valid numbers', () => {
  // Each number's check digits computed by hand (k = 11 - (Σ mod 11), 11 → 0):
  //
  // 01010750160 (widely published test number; 2007-01-01, individual 501)
  //   k1: 0·3 + 1·7 + 0·6 + 1·1 + 0·8 + 7·9 + 5·4 + 0·5 + 1·2 = 93; 93 mod 11 = 5; 11 - 5 = 6
  //   k2: 0·5 + 1·4 + 0·3 + 1·2 + 0·7 + 7·6 + 5·5 + 0·4 + 1·3 + 6·2 = 88; 88 mod 11 = 0; 11 → 0
  // 15038500047 (1985-03-15, individual 000)
  //   k1: 1·3 + 5·7 + 0·6 + 3·1 + 8·8 + 5·9 + 0·4 + 0·5 + 0·2 = 150; 150 mod 11 = 7; 11 - 7 = 4
  //   k2: 1·5 + 5·4 + 0·3 + 3·2 + 8·7 + 5·6 + 0·5 + 0·4 + 0·3 + 4·2 = 125; 125 mod 11 = 4; 11 - 4 = 7
  // 55038500030 (D-number: day 15 + 40)
  //   k1: 5·3 + 5·7 + 0·6 + 3·1 + 8·8 + 5·9 + 0·4 + 0·5 + 0·2 = 162; 162 mod 11 = 8; 11 - 8 = 3
  //   k2: 5·5 + 5·4 + 0·3 + 3·2 + 8·7 + 5·6 + 0·5 + 0·4 + 0·3 + 3·2 = 143; 143 mod 11 = 0; 11 → 0
  // 15838500002 (synthetic: month 03 + 80)
  //   k1: 1·3 + 5·7 + 8·6 + 3·1 + 8·8 + 5·9 + 0·4 + 0·5 + 0·2 = 198; 198 mod 11 = 0; 11 → 0
  //   k2: 1·5 + 5·4 + 8·3 + 3·2 + 8·7 + 5·6 + 0·5 + 0·4 + 0·3 + 0·2 = 141; 141 mod 11 = 9; 11 - 9 = 2
  // 55838500187 (synthetic D-number, individual 001)
  //   k1: 5·3 + 5·7 + 8·6 + 3·1 + 8·8 + 5·9 + 0·4 + 0·5 + 1·2 = 212; 212 mod 11 = 3; 11 - 3 = 8
  //   k2: 5·5 + 5·4 + 8·3 + 3·2 + 8·7 + 5·6 + 0·5 + 0·4 + 1·3 + 8·2 = 180; 180 mod 11 = 4; 11 - 4 = 7
  // 29020050088 (2000-02-29: 2000 is a leap year; individual 500 + year 00 → 2000)
  //   k1: 2·3 + 9·7 + 0·6 + 2·1 + 0·8 + 0·9 + 5·4 + 0·5 + 0·2 = 91; 91 mod 11 = 3; 11 - 3 = 8
  //   k2: 2·5 + 9·4 + 0·3 + 2·2 + 0·7 + 0·6 + 5·5 + 0·4 + 0·3 + 8·2 = 91; 91 mod 11 = 3; 11 - 3 = 8
  // 30065095056 (individual 950 + year 50 → 1950)
  //   k1: 3·3 + 0·7 + 0·6 + 6·1 + 5·8 + 0·9 + 9·4 + 5·5 + 0·2 = 116; 116 mod 11 = 6; 11 - 6 = 5
  //   k2: 3·5 + 0·4 + 0·3 + 6·2 + 5·7 + 0·6 + 9·5 + 5·4 + 0·3 + 5·2 = 137; 137 mod 11 = 5; 11 - 5 = 6
  // 01018550063 (individual 500 + year 85 → 1885)
  //   k1: 0·3 + 1·7 + 0·6 + 1·1 + 8·8 + 5·9 + 5·4 + 0·5 + 0·2 = 137; 137 mod 11 = 5; 11 - 5 = 6
  //   k2: 0·5 + 1·4 + 0·3 + 1·2 + 8·7 + 5·6 + 5·5 + 0·4 + 0·3 + 6·2 = 129; 129 mod 11 = 8; 11 - 8 = 3
  // 01014090017 (individual 900 + year 40 → 1940)
  //   k1: 0·3 + 1·7 + 0·6 + 1·1 + 4·8 + 0·9 + 9·4 + 0·5 + 0·2 = 76; 76 mod 11 = 10; 11 - 10 = 1
  //   k2: 0·5 + 1·4 + 0·3 + 1·2 + 4·7 + 0·6 + 9·5 + 0·4 + 0·3 + 1·2 = 81; 81 mod 11 = 4; 11 - 4 = 7
  // 15033990054 (individual 900 + year 39 → 2039)
  //   k1: 1·3 + 5·7 + 0·6 + 3·1 + 3·8 + 9·9 + 9·4 + 0·5 + 0·2 = 182; 182 mod 11 = 6; 11 - 6 = 5
  //   k2: 1·5 + 5·4 + 0·3 + 3·2 + 3·7 + 9·6 + 9·5 + 0·4 + 0·3 + 5·2 = 161; 161 mod 11 = 7; 11 - 7 = 4
  const cases = [
    { number: '01010750160', kind: 'fodselsnummer', synthetic: false, birthDate: '2007-01-01' },
    { number: '15038500047', kind: 'fodselsnummer', synthetic: false, birthDate: '1985-03-15' },
    { number: '55038500030', kind: 'd-number', synthetic: false, birthDate: '1985-03-15' },
    { number: '15838500002', kind: 'fodselsnummer', synthetic: true, birthDate: '1985-03-15' },
    { number: '55838500187', kind: 'd-number', synthetic: true, birthDate: '1985-03-15' },
    { number: '29020050088', kind: 'fodselsnummer', synthetic: false, birthDate: '2000-02-29' },
    { number: '30065095056', kind: 'fodselsnummer', synthetic: false, birthDate: '1950-06-30' },
    { number: '01018550063', kind: 'fodselsnummer', synthetic: false, birthDate: '1885-01-01' },
    { number: '01014090017', kind: 'fodselsnummer', synthetic: false, birthDate: '1940-01-01' },
    { number: '15033990054', kind: 'fodselsnummer', synthetic: false, birthDate: '2039-03-15' },
  ] as const;

  it.each(cases)('$number → $kind, synthetic=$synthetic, $birthDate', (expected) => {
    expect(oracleChecksumValid(expected.number)).toBe(true);
    expect(parseIdentityNumber(expected.number, { allowSynthetic: true })).toEqual({
      ok: true,
      value: expected,
    });
  });

  it('trims surrounding whitespace and returns the normalised number', () => {
    expect(parseIdentityNumber(' \t01010750160\n ')).toEqual({
      ok: true,
      value: { number: '01010750160', kind: 'fodselsnummer', synthetic: false, birthDate: '2007-01-01' },
    });
  });

  it('accepts non-synthetic numbers without options and with allowSynthetic: false', () => {
    expect(isValidIdentityNumber('15038500047')).toBe(true);
    expect(isValidIdentityNumber('55038500030', { allowSynthetic: false })).toBe(true);
  });
});

describe('parseIdentityNumber: rejections', () => {
  it.each([
    '',
    '0101075016', // 10 digits
    '010107501600', // 12 digits
    '010107 50160', // internal space
    '010107-50160',
    '0101075016a',
    '+1010750160',
    '1.010750160',
    '０１０１０７５０１６０', // full-width digits are not ASCII digits
  ])('format: %j', (input) => {
    expect(parseIdentityNumber(input)).toEqual({ ok: false, error: 'format' });
    expect(isValidIdentityNumber(input, { allowSynthetic: true })).toBe(false);
  });

  it.each(['01010750161', '01010750170', '11010750160', '01010750106', '15038500300', '55838500180'])(
    'checksum: %s',
    (input) => {
      expect(oracleChecksumValid(input)).toBe(false);
      expect(parseIdentityNumber(input, { allowSynthetic: true })).toEqual({ ok: false, error: 'checksum' });
    },
  );

  it('reports date for 00000000000: its check digits are valid but day 00 is not', () => {
    // k1: Σ = 0 → 11 - 0 = 11 → 0 and k2: Σ = 0 → 11 → 0, so only the date can fail.
    expect(oracleChecksumValid('00000000000')).toBe(true);
    expect(parseIdentityNumber('00000000000')).toEqual({ ok: false, error: 'date' });
  });

  // All of these have correct check digits (k = 11 - (Σ mod 11), 11 → 0), so only the date can fail:
  // 31020050066 31 Feb 2000:           k1 Σ 38 (mod 11 = 5) → 6;   k2 Σ 60 (mod 11 = 5) → 6
  // 29029900076 29 Feb 1999:           k1 Σ 224 (mod 11 = 4) → 7;  k2 Σ 181 (mod 11 = 5) → 6
  // 29020000064 29 Feb 1900 (no leap): k1 Σ 71 (mod 11 = 5) → 6;   k2 Σ 62 (mod 11 = 7) → 4
  // 29138500002 month 13:              k1 Σ 187 (mod 11 = 0) → 0;  k2 Σ 141 (mod 11 = 9) → 2
  // 15438500100 month 43 (NAV H-no.):  k1 Σ 176 (mod 11 = 0) → 0;  k2 Σ 132 (mod 11 = 0) → 0
  // 15938500050 month 93 (80 + 13):    k1 Σ 204 (mod 11 = 6) → 5;  k2 Σ 154 (mod 11 = 0) → 0
  // 00108500069 day 00:                k1 Σ 115 (mod 11 = 5) → 6;  k2 Σ 101 (mod 11 = 2) → 9
  // 32018500182 day 32:                k1 Σ 135 (mod 11 = 3) → 8;  k2 Σ 130 (mod 11 = 9) → 2
  // 40018500185 day 40 (D-number 00):  k1 Σ 124 (mod 11 = 3) → 8;  k2 Σ 127 (mod 11 = 6) → 5
  // 72018500095 day 72 (D-number 32):  k1 Σ 145 (mod 11 = 2) → 9;  k2 Σ 149 (mod 11 = 6) → 5
  // 71028500046 D-number 31 Feb:       k1 Σ 139 (mod 11 = 7) → 4;  k2 Σ 137 (mod 11 = 5) → 6
  // 15038575063 individual 750, yy 85: k1 Σ 203 (mod 11 = 5) → 6;  k2 Σ 184 (mod 11 = 8) → 3
  // 15034560010 individual 600, yy 45: k1 Σ 142 (mod 11 = 10) → 1; k2 Σ 121 (mod 11 = 0) → 0
  it.each([
    '31020050066',
    '29029900076',
    '29020000064',
    '29138500002',
    '15438500100',
    '15938500050',
    '00108500069',
    '32018500182',
    '40018500185',
    '72018500095',
    '71028500046',
    '15038575063',
    '15034560010',
  ])('date: %s', (input) => {
    expect(oracleChecksumValid(input)).toBe(true);
    expect(parseIdentityNumber(input, { allowSynthetic: true })).toEqual({ ok: false, error: 'date' });
  });

  it.each(['15838500002', '55838500187'])('synthetic-not-allowed by default: %s', (input) => {
    expect(parseIdentityNumber(input)).toEqual({ ok: false, error: 'synthetic-not-allowed' });
    expect(parseIdentityNumber(input, { allowSynthetic: false })).toEqual({
      ok: false,
      error: 'synthetic-not-allowed',
    });
    expect(isValidIdentityNumber(input)).toBe(false);
    expect(isValidIdentityNumber(input, { allowSynthetic: true })).toBe(true);
  });

  it('reports date before synthetic-not-allowed for a synthetic number with an impossible date', () => {
    expect(parseIdentityNumber('15938500050')).toEqual({ ok: false, error: 'date' });
  });
});

describe('generateIdentityNumber', () => {
  it('generates the hand-verified examples', () => {
    expect(generateIdentityNumber({ birthDate: '1985-03-15' })).toBe('15038500047');
    expect(generateIdentityNumber({ birthDate: '1985-03-15', kind: 'd-number' })).toBe('55038500030');
    expect(generateIdentityNumber({ birthDate: '1985-03-15', synthetic: true })).toBe('15838500002');
    expect(generateIdentityNumber({ birthDate: '1985-03-15', kind: 'd-number', synthetic: true })).toBe(
      '55838500187',
    );
    expect(generateIdentityNumber({ birthDate: '2000-02-29' })).toBe('29020050088');
    expect(generateIdentityNumber({ birthDate: '1950-06-30', individual: 950 })).toBe('30065095056');
    expect(generateIdentityNumber({ birthDate: '2007-01-01', individual: 501 })).toBe('01010750160');
  });

  it('skips an individual number whose check digit would be 10', () => {
    // 150385003: k1 Σ 156 (mod 11 = 2) → 9; k2 Σ 126 + 9·2 = 144 (mod 11 = 1) → 10 → invalid.
    // 150385004: k1 Σ 158 (mod 11 = 4) → 7; k2 Σ 143 (mod 11 = 0) → 0 → 15038500470.
    expect(completeWithOracle('150385003')).toBeNull();
    expect(generateIdentityNumber({ birthDate: '1985-03-15', individual: 3 })).toBe('15038500470');
  });

  it('continues from 499 to 900 for years 1940–1999', () => {
    // 030185499: k1 0·3+3·7+0·6+1·1+8·8+5·9+4·4+9·5+9·2 = 210 (mod 11 = 1) → 10 → invalid.
    // 030185900: k1 Σ 167 (mod 11 = 2) → 9; k2 Σ 163 (mod 11 = 9) → 2 → 03018590092.
    expect(completeWithOracle('030185499')).toBeNull();
    expect(generateIdentityNumber({ birthDate: '1985-01-03', individual: 499 })).toBe('03018590092');
  });

  it('wraps around to the start of the range after the last individual number', () => {
    // 060139999: k1 Σ 247 (mod 11 = 5) → 6; k2 Σ 221 (mod 11 = 1) → 10 → invalid.
    // 060139500: k1 Σ 168 (mod 11 = 3) → 8; k2 Σ 142 (mod 11 = 10) → 1 → 06013950081.
    expect(completeWithOracle('060139999')).toBeNull();
    expect(generateIdentityNumber({ birthDate: '2039-01-06', individual: 999 })).toBe('06013950081');
  });

  it('is deterministic', () => {
    const args = { birthDate: '1972-11-05', kind: 'd-number', synthetic: true, individual: 123 } as const;
    expect(generateIdentityNumber(args)).toBe(generateIdentityNumber(args));
  });

  it.each(['1899-12-31', '2040-01-01', '2023-02-29', '1985-3-15', '1985-13-01', '15.03.1985', ''])(
    'throws RangeError for birth date %j',
    (birthDate) => {
      expect(() => generateIdentityNumber({ birthDate })).toThrow(RangeError);
    },
  );

  it.each([
    { birthDate: '1985-03-15', individual: 500 }, // 500 + yy 85 encodes 1885
    { birthDate: '1920-03-15', individual: 900 }, // 900 + yy 20 encodes 2020
    { birthDate: '2005-03-15', individual: 499 }, // 499 encodes 1905
    { birthDate: '1985-03-15', individual: 1000 },
    { birthDate: '1985-03-15', individual: -1 },
    { birthDate: '1985-03-15', individual: 1.5 },
  ])('throws RangeError for individual $individual with $birthDate', (args) => {
    expect(() => generateIdentityNumber(args)).toThrow(RangeError);
  });
});

describe('maskIdentityNumber', () => {
  it('keeps the first six digits', () => {
    expect(maskIdentityNumber('01010750160')).toBe('010107*****');
    expect(maskIdentityNumber(' 15038500047 ')).toBe('150385*****');
  });

  it.each(['', 'abc', '0101075016', '010107501600', '010107 50160'])(
    'masks malformed %j completely',
    (input) => {
      expect(maskIdentityNumber(input)).toBe('***********');
    },
  );
});

// ---------------------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------------------

describe('identity number properties', () => {
  it('every generated number parses back with the same number, date, kind and synthetic flag', () => {
    fc.assert(
      fc.property(generatedArb, ({ args, number }) => {
        expect(number).not.toBeNull();
        expect(oracleChecksumValid(number ?? '')).toBe(true);
        expect(parseIdentityNumber(number ?? '', { allowSynthetic: true })).toEqual({
          ok: true,
          value: { number, kind: args.kind, synthetic: args.synthetic, birthDate: args.birthDate },
        });
      }),
    );
  });

  it('the generator keeps the requested individual number unless it has no valid check digits', () => {
    fc.assert(
      fc.property(generatedArb, ({ args, number }) => {
        fc.pre(args.individual !== undefined && number !== null);
        const requested = String(args.individual).padStart(3, '0');
        const firstSix = number?.slice(0, 6) ?? '';
        const usedRequested = number?.slice(6, 9) === requested;
        expect(usedRequested).toBe(completeWithOracle(`${firstSix}${requested}`) !== null);
      }),
    );
  });

  it('changing any single digit of a valid number makes it invalid (checksum)', () => {
    fc.assert(
      fc.property(
        generatedArb,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        ({ number }, position, delta) => {
          const valid = number ?? '';
          const digit = (Number(valid[position]) + delta) % 10;
          const mutated = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
          expect(mutated).not.toBe(valid);
          expect(isValidIdentityNumber(mutated, { allowSynthetic: true })).toBe(false);
          expect(parseIdentityNumber(mutated, { allowSynthetic: true })).toEqual({
            ok: false,
            error: 'checksum',
          });
        },
      ),
    );
  });

  it('synthetic numbers are rejected unless allowSynthetic; others are accepted either way', () => {
    fc.assert(
      fc.property(generatedArb, ({ args, number }) => {
        const value = number ?? '';
        expect(isValidIdentityNumber(value, { allowSynthetic: true })).toBe(true);
        expect(isValidIdentityNumber(value)).toBe(!args.synthetic);
        const result = parseIdentityNumber(value);
        if (args.synthetic) {
          expect(result).toEqual({ ok: false, error: 'synthetic-not-allowed' });
        } else {
          expect(result.ok).toBe(true);
        }
      }),
    );
  });

  it('D-numbers have day field 41–71, fødselsnummer 01–31; synthetic month field is 81–92, else 01–12', () => {
    fc.assert(
      fc.property(generatedArb, ({ args, number }) => {
        const dayField = Number(number?.slice(0, 2));
        const monthField = Number(number?.slice(2, 4));
        const [minDay, maxDay] = args.kind === 'd-number' ? [41, 71] : [1, 31];
        const [minMonth, maxMonth] = args.synthetic ? [81, 92] : [1, 12];
        expect(dayField).toBeGreaterThanOrEqual(minDay);
        expect(dayField).toBeLessThanOrEqual(maxDay);
        expect(monthField).toBeGreaterThanOrEqual(minMonth);
        expect(monthField).toBeLessThanOrEqual(maxMonth);
      }),
    );
  });

  it('for any 11 digits, the checksum verdict agrees with the zero-sum oracle', () => {
    const candidates = fc.oneof(
      elevenDigitsArb,
      generatedArb.map(({ number }) => number ?? ''),
    );
    fc.assert(
      fc.property(candidates, (input) => {
        const result = parseIdentityNumber(input, { allowSynthetic: true });
        expect(!result.ok && result.error === 'checksum').toBe(!oracleChecksumValid(input));
      }),
    );
  });

  it('for numbers with valid check digits, the date verdict agrees with the calendar oracle', () => {
    const firstNineArb = fc
      .record({
        day: fc.integer({ min: 0, max: 79 }),
        month: fc.integer({ min: 0, max: 99 }),
        year: fc.integer({ min: 0, max: 99 }),
        individual: fc.integer({ min: 0, max: 999 }),
      })
      .map(
        ({ day, month, year, individual }) =>
          [day, month, year].map((field) => String(field).padStart(2, '0')).join('') +
          String(individual).padStart(3, '0'),
      );
    fc.assert(
      fc.property(firstNineArb, (firstNine) => {
        const number = completeWithOracle(firstNine);
        fc.pre(number !== null);
        const input = number ?? '';
        const expectedDate = oracleBirthDate(input);
        const result = parseIdentityNumber(input, { allowSynthetic: true });
        if (expectedDate === null) {
          expect(result).toEqual({ ok: false, error: 'date' });
        } else {
          expect(result.ok && result.value.birthDate).toBe(expectedDate);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parsing never throws for arbitrary strings and only accepts 11 digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (input) => {
        const result = parseIdentityNumber(input, { allowSynthetic: true });
        if (result.ok) {
          expect(result.value.number).toMatch(/^\d{11}$/);
        }
      }),
    );
  });
});
