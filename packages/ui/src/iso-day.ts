/**
 * ISO days (`YYYY-MM-DD`) and the browser's local dates a date picker works with. A module of its own
 * so that the date picker (`./date-picker.tsx`, built into each micro-frontend) carries only these.
 */
/** `YYYY-MM-DD`, the year, month and day captured (not checked to be a day of the calendar). */
export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The ISO day of a date picked in the browser (its local calendar day, never shifted to UTC). */
export function isoDayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The browser-local Date of an ISO day (for the picker), or undefined when not a valid day. */
export function dateOfIsoDay(day: string | null | undefined): Date | undefined {
  const m = ISO_DAY.exec(day ?? '');
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isoDayOf(date) === day ? date : undefined;
}
