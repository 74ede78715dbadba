/**
 * Calendar days in Europe/Oslo and the status of a dated duty (domain.md §5): deadlines are whole
 * Norwegian calendar days, whatever the server's time zone, across daylight-saving changes.
 */

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Norway's offsets from UTC are whole hours and its days change at whole UTC hours, so every
// instant of one UTC hour falls on the same Norwegian day: one Intl call per hour, not per instant.
const HOUR_MS = 3_600_000;
const osloDayOfHour = new Map<number, string>();

/** The calendar day (YYYY-MM-DD) in Norway at the instant `now`. */
export function osloDay(now: Date): string {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  let day = osloDayOfHour.get(hour);
  if (day === undefined) {
    day = OSLO_DAY.format(now);
    if (osloDayOfHour.size > 100_000) osloDayOfHour.clear();
    osloDayOfHour.set(hour, day);
  }
  return day;
}

export type DeadlineStatus = 'OVERDUE' | 'DUE' | 'UPCOMING' | 'NONE';

export interface OpenDuty {
  /** YYYY-MM-DD: the last day to do it. */
  dueOn: string;
  /** YYYY-MM-DD: from this day on it warns. */
  warnFrom: string;
}

/** A condition on an open duty's two days; each bound is a calendar day (YYYY-MM-DD). */
export interface DutyDayCondition {
  dueOn?: { lt?: string; gte?: string };
  warnFrom?: { lte?: string; gt?: string };
}

export const DUTY_STATUSES = ['OVERDUE', 'DUE', 'UPCOMING'] as const;

/**
 * The one definition of deadline status (docs/domain.md §5), as conditions on an open duty's days
 * relative to today (Europe/Oslo): OVERDUE once its last day has passed, DUE inside its warning
 * window (from `warnFrom` to `dueOn`, both included), UPCOMING before the window opens. Since
 * `warnFrom` ≤ `dueOn`, every open duty meets exactly one. `dutyStatus` below decides by these
 * conditions, the API's list filters are built from them (`apps/api/src/services/duties.ts`), and
 * the deadline digest's SQL counts OVERDUE with the same bound, rendered by `dutyConditionSql`
 * (`packages/db/test/duty-status-sql.test.ts` fails when the SQL functions stop matching it).
 */
export function dutyStatusCondition(status: (typeof DUTY_STATUSES)[number], today: string): DutyDayCondition {
  switch (status) {
    case 'OVERDUE':
      return { dueOn: { lt: today } };
    case 'DUE':
      return { warnFrom: { lte: today }, dueOn: { gte: today } };
    case 'UPCOMING':
      return { warnFrom: { gt: today } };
  }
}

/**
 * A condition as SQL on the task table's alias `table`, with `day` standing for today (a column,
 * a parameter or a literal): how the database's functions must write the same status.
 */
export function dutyConditionSql(c: DutyDayCondition, table: string, day: string): string {
  const parts: string[] = [];
  if (c.dueOn?.lt !== undefined) parts.push(`${table}."dueOn" < ${day}`);
  if (c.dueOn?.gte !== undefined) parts.push(`${table}."dueOn" >= ${day}`);
  if (c.warnFrom?.lte !== undefined) parts.push(`${table}."warnFrom" <= ${day}`);
  if (c.warnFrom?.gt !== undefined) parts.push(`${table}."warnFrom" > ${day}`);
  return parts.join(' AND ');
}

/** Whether a duty's days meet a condition. */
export function meetsDutyCondition(duty: OpenDuty, c: DutyDayCondition): boolean {
  const { dueOn, warnFrom } = c;
  return (
    (dueOn?.lt === undefined || duty.dueOn < dueOn.lt) &&
    (dueOn?.gte === undefined || duty.dueOn >= dueOn.gte) &&
    (warnFrom?.lte === undefined || duty.warnFrom <= warnFrom.lte) &&
    (warnFrom?.gt === undefined || duty.warnFrom > warnFrom.gt)
  );
}

/** OVERDUE when a duty's day has passed, DUE inside its warning window, UPCOMING before it. */
export function dutyStatus(duty: OpenDuty, today: string): Exclude<DeadlineStatus, 'NONE'> {
  for (const status of DUTY_STATUSES)
    if (meetsDutyCondition(duty, dutyStatusCondition(status, today))) return status;
  // Only a duty whose warning starts after its last day (never written) meets none.
  return 'UPCOMING';
}

const RANK: Record<DeadlineStatus, number> = { OVERDUE: 3, DUE: 2, UPCOMING: 1, NONE: 0 };

/** The most urgent status among open duties (NONE without any). */
export function worstStatus(duties: readonly OpenDuty[], today: string): DeadlineStatus {
  let worst: DeadlineStatus = 'NONE';
  for (const duty of duties) {
    const status = dutyStatus(duty, today);
    if (RANK[status] > RANK[worst]) worst = status;
  }
  return worst;
}
