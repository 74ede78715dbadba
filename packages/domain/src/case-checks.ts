/**
 * Checks the case-work flows share, on calendar days (YYYY-MM-DD, Norwegian days): something that
 * happened cannot lie after today, and a job or a study cannot start for a discharged job seeker
 * or before the referral (docs/domain.md §4).
 */

export interface DayIssue {
  field: string;
  code: 'IN_FUTURE' | 'DISCHARGED' | 'BEFORE_REFERRAL';
  message: string;
}

/** A calendar day as the UTC midnight a database `date` column holds. */
export const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * An issue when a day on which something happened (a job ended, the specialist learned of it, an
 * intake, a discharge, an application, a review) lies after `today` — today in Europe/Oslo, as
 * every deadline counts days.
 */
export function futureDayIssue(
  today: string,
  field: string,
  day: string | null | undefined,
  message: string,
): DayIssue | null {
  return day && day > today ? { field, code: 'IN_FUTURE', message } : null;
}

/**
 * What stops a job or a study from starting on this day: a discharged job seeker, or a start
 * before the referral. `what` names the start in the message ("A job start", "A study start").
 */
export function startIssues(
  js: { phase: string; referralDate: Date },
  startDate: string,
  what: string,
): DayIssue[] {
  const issues: DayIssue[] = [];
  if (js.phase === 'DISCHARGED')
    issues.push({ field: 'jobSeekerId', code: 'DISCHARGED', message: 'The job seeker is discharged' });
  if (asDate(startDate) < js.referralDate)
    issues.push({
      field: 'startDate',
      code: 'BEFORE_REFERRAL',
      message: `${what} cannot be before the referral`,
    });
  return issues;
}
