/** How a measure reads: shares as percentages, the rest with one decimal. */
export const SHARES = new Set([
  'EMPLOYMENT_RATE',
  'COMMUNITY_TIME_SHARE',
  'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE',
]);

export function formatMeasure(measure: string, value: number | null, language: string): string {
  if (value === null) return '–';
  const locale = language === 'en' ? 'en-GB' : 'nb-NO';
  return SHARES.has(measure)
    ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value)
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
