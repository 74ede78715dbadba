import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatOrganizationNumber,
  generateOrganizationNumber,
  isValidOrganizationNumber,
  parseOrganizationNumber,
} from './organization-number';

/**
 * Independent check-digit oracle in "zero-sum" form: with the check digit weighted by 1, a valid number has
 * 3,2,7,6,5,4,3,2,1 · d1..d9 ≡ 0 (mod 11). Equivalent to check = 11 - (Σ mod 11), 11 → 0, 10 impossible.
 */
function oracleValid(digits: string): boolean {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2, 1];
  return weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0) % 11 === 0;
}

const digitsArb = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

const baseArb = fc.integer({ min: 10_000_000, max: 99_999_999 });

/** Valid organisation numbers produced by the generator (bases whose check digit would be 10 are skipped). */
const validArb = baseArb.map(generateOrganizationNumber).filter((value): value is string => value !== null);

describe('parseOrganizationNumber: examples', () => {
  // Hand-computed (check = 11 - (Σ mod 11), 11 → 0):
  // 974760673 (Brønnøysundregistrene)
  //   9·3 + 7·2 + 4·7 + 7·6 + 6·5 + 0·4 + 6·3 + 7·2 = 27 + 14 + 28 + 42 + 30 + 0 + 18 + 14 = 173;
  //   173 mod 11 = 8; 11 - 8 = 3 ✓
  // 923609016 (Equinor ASA)
  //   9·3 + 2·2 + 3·7 + 6·6 + 0·5 + 9·4 + 0·3 + 1·2 = 27 + 4 + 21 + 36 + 0 + 36 + 0 + 2 = 126;
  //   126 mod 11 = 5; 11 - 5 = 6 ✓
  // 800000017
  //   8·3 + 1·2 = 26; 26 mod 11 = 4; 11 - 4 = 7 ✓
  it.each(['974760673', '923609016', '800000017'])('accepts %s', (value) => {
    expect(oracleValid(value)).toBe(true);
    expect(parseOrganizationNumber(value)).toEqual({ ok: true, value });
    expect(isValidOrganizationNumber(value)).toBe(true);
  });

  it.each(['974 760 673', '  974760673\n', '\t974 760 673 '])('normalises %j to 9 digits', (input) => {
    expect(parseOrganizationNumber(input)).toEqual({ ok: true, value: '974760673' });
  });

  it.each([
    '',
    '97476067',
    '9747606730',
    '974-760-673',
    '974.760.673',
    '974  760 673',
    '97 4760 673',
    '974 760673',
    '974760 673',
    '9 7 4 7 6 0 6 7 3',
    '974\u00a0760\u00a0673',
    'abcdefghi',
    '97476067a',
  ])('format: %j', (input) => {
    expect(parseOrganizationNumber(input)).toEqual({ ok: false, error: 'format' });
    expect(isValidOrganizationNumber(input)).toBe(false);
  });

  // 800000050: 8·3 + 5·2 = 34; 34 mod 11 = 1; 11 - 1 = 10 → no check digit exists, so every final digit fails.
  it.each(['974760674', '974760670', '923609061', '800000050', '800000059'])('checksum: %s', (input) => {
    expect(oracleValid(input)).toBe(false);
    expect(parseOrganizationNumber(input)).toEqual({ ok: false, error: 'checksum' });
  });
});

describe('generateOrganizationNumber', () => {
  it('appends the hand-computed check digit', () => {
    expect(generateOrganizationNumber(97_476_067)).toBe('974760673');
    expect(generateOrganizationNumber(92_360_901)).toBe('923609016');
    expect(generateOrganizationNumber(80_000_001)).toBe('800000017');
  });

  it('returns null when the check digit would be 10', () => {
    // 80000005: 8·3 + 5·2 = 34; 34 mod 11 = 1; 11 - 1 = 10.
    expect(generateOrganizationNumber(80_000_005)).toBeNull();
  });

  it.each([9_999_999, 100_000_000, 1_234_567, 0, 80_000_000.5, Number.NaN, -90_000_000])(
    'throws RangeError for base %d',
    (base) => {
      expect(() => generateOrganizationNumber(base)).toThrow(RangeError);
    },
  );
});

describe('formatOrganizationNumber', () => {
  it.each([
    ['974760673', '974 760 673'],
    [' 974 760 673 ', '974 760 673'],
    ['974760674', '974 760 674'],
  ])('formats %j as %j', (input, expected) => {
    expect(formatOrganizationNumber(input)).toBe(expected);
  });

  it.each(['abc', '97476067', '974-760-673', ' 97476067 '])(
    'returns unparseable input %j unchanged',
    (input) => {
      expect(formatOrganizationNumber(input)).toBe(input);
    },
  );
});

describe('organisation number properties', () => {
  it('for any 9 digits, validity agrees with the zero-sum oracle', () => {
    fc.assert(
      fc.property(fc.oneof(digitsArb(9), validArb), (input) => {
        expect(isValidOrganizationNumber(input)).toBe(oracleValid(input));
      }),
    );
  });

  it('the generator keeps the base, is valid, and returns null only when no check digit exists', () => {
    fc.assert(
      fc.property(baseArb, (base) => {
        const generated = generateOrganizationNumber(base);
        const anyValid = Array.from({ length: 10 }, (_, check) => `${base}${check}`).some(oracleValid);
        expect(generated !== null).toBe(anyValid);
        if (generated !== null) {
          expect(generated.slice(0, 8)).toBe(String(base));
          expect(generated).toMatch(/^[1-9]\d{8}$/);
          expect(parseOrganizationNumber(generated)).toEqual({ ok: true, value: generated });
        }
      }),
    );
  });

  it('changing any single digit of a valid number makes it invalid (checksum)', () => {
    fc.assert(
      fc.property(
        validArb,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (valid, position, delta) => {
          const digit = (Number(valid[position]) + delta) % 10;
          const mutated = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
          expect(mutated).not.toBe(valid);
          expect(parseOrganizationNumber(mutated)).toEqual({ ok: false, error: 'checksum' });
        },
      ),
    );
  });

  it('formatting round-trips through parsing', () => {
    fc.assert(
      fc.property(validArb, (valid) => {
        const formatted = formatOrganizationNumber(valid);
        expect(formatted).toMatch(/^\d{3} \d{3} \d{3}$/);
        expect(formatted.replaceAll(' ', '')).toBe(valid);
        expect(parseOrganizationNumber(formatted)).toEqual({ ok: true, value: valid });
      }),
    );
  });
});
