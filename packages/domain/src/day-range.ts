/**
 * The range every calendar day and point in time the API accepts must lie in (issue 14): 1900-01-01
 * to 2100-12-31, both in Europe/Oslo days. Wide enough for any birth date, referral, consent or
 * meeting of a living person's case; narrow enough that no date arithmetic (adding a deadline's
 * days, formatting a day in Europe/Oslo) leaves JavaScript's or PostgreSQL's range. Forms check
 * the same range before sending.
 */
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2100-12-31';

/** True when a YYYY-MM-DD day lies in the accepted range. */
export function dayInRange(day: string): boolean {
  return day >= EARLIEST_DAY && day <= LATEST_DAY;
}

/** True when a point in time lies in the accepted range: from 1900-01-01T00:00Z up to 2101-01-01T00:00Z. */
export function instantInRange(at: Date): boolean {
  const t = at.getTime();
  return (
    Number.isFinite(t) &&
    t >= Date.parse(`${EARLIEST_DAY}T00:00:00Z`) &&
    t < Date.parse(`${LATEST_DAY}T00:00:00Z`) + 86_400_000
  );
}
