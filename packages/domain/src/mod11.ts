/**
 * Internal helpers shared by the Norwegian identifier validators. Not re-exported from the package index.
 */

/** Converts a string of ASCII digits into an array of numbers. The caller must have validated the input. */
export function toDigits(digits: string): number[] {
  return Array.from(digits, (char) => char.charCodeAt(0) - 48);
}

/**
 * Computes a Norwegian mod-11 check digit: `11 - (weighted sum % 11)`, where 11 maps to 0.
 * Returns `null` when the result would be 10, which no valid number can carry.
 */
export function mod11CheckDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, weight, index) => acc + weight * (digits[index] ?? 0), 0);
  const check = 11 - (sum % 11);
  if (check === 11) {
    return 0;
  }
  return check === 10 ? null : check;
}
