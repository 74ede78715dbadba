/** How a measure reads: shares as percentages, the rest with one decimal. */
export const SHARES = new Set([
  'EMPLOYMENT_RATE',
  'COMMUNITY_TIME_SHARE',
  'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE',
]);

/**
 * The figure with Norwegian formats in either language (decimal comma, "40 %"): the product's
 * formats are Norwegian; only the words change with the language.
 */
export function formatMeasure(measure: string, value: number | null, _language?: string): string {
  if (value === null) return '–';
  const locale = 'nb-NO';
  return SHARES.has(measure)
    ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value)
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
