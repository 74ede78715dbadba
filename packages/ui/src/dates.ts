/** Dates are Norwegian days: shown in Europe/Oslo whatever the browser's time zone. */
export const OSLO = { timeZone: 'Europe/Oslo' } as const;
