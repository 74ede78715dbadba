/**
 * The team's measures against its targets (domain.md §9, seed 002; IPS fidelity items 1, 15, 17,
 * 24), per specialist and per team, for a week, month, quarter or year, and as a trend series.
 * Pure: the caller loads the facts (plain calendar days, Europe/Oslo) and these functions count.
 *
 * Definitions (each stated once, here):
 * - employment rate: of the job seekers in the portfolio on the last day who were out of work at
 *   referral, the share in a competitive job that day (ordinary job on the open labour market, at
 *   least minimum or tariff wage, open to anyone; work practice never counts);
 * - job starts per specialist per year: competitive job starts in the rolling twelve months that end
 *   on the period's last day (`rollingYearStart`), attributed to the specialist following the job
 *   seeker on the start day (team: per full-time specialist). Never a short period scaled up to a
 *   year: the figure is the same whichever period button is pressed, and the period's own count of
 *   job starts is given beside it (`jobStartsInPeriod`);
 * - caseload: job seekers in the portfolio on the last day (team: per full-time specialist). Its
 *   target is a ceiling: 20 per full-time equivalent, so a specialist's own ceiling is scaled by
 *   their FTE (`caseloadCeilingFor`); at or under the ceiling is fine;
 * - employer contacts per specialist per week: face-to-face job-development contacts (for a named
 *   job seeker or relationship building), per week of the period;
 * - time in the community: minutes of meetings held in the community plus face-to-face employer
 *   contacts, of all recorded minutes;
 * - first employer contact within a month: of the one-month deadlines after intake that fell due in
 *   the period, the share met by a face-to-face employer contact about the job seeker (attributed
 *   to the specialist following the job seeker on the due day).
 * Team values divide by the team's full-time equivalents where a measure is "per specialist".
 * The period's last day is the earlier of its end and `asOf` (a running period counts so far).
 */
import { UTCDate } from '@date-fns/utc';
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns';

export type MeasureCode =
  | 'EMPLOYMENT_RATE'
  | 'JOB_STARTS_PER_SPECIALIST_PER_YEAR'
  | 'CASELOAD_PER_SPECIALIST'
  | 'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK'
  | 'COMMUNITY_TIME_SHARE'
  | 'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE';

export const MEASURES: readonly MeasureCode[] = [
  'EMPLOYMENT_RATE',
  'JOB_STARTS_PER_SPECIALIST_PER_YEAR',
  'CASELOAD_PER_SPECIALIST',
  'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK',
  'COMMUNITY_TIME_SHARE',
  'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE',
];

/** The team's targets when it has set none (domain.md §9, seed 002). */
export const DEFAULT_TARGETS: Record<MeasureCode, number> = {
  EMPLOYMENT_RATE: 0.4,
  JOB_STARTS_PER_SPECIALIST_PER_YEAR: 12,
  CASELOAD_PER_SPECIALIST: 20,
  EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK: 6,
  COMMUNITY_TIME_SHARE: 0.65,
  FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE: 1,
};

/** The measures whose target is a ceiling (at or under it is fine); every other target is a floor. */
export const CEILINGS: ReadonlySet<MeasureCode> = new Set<MeasureCode>(['CASELOAD_PER_SPECIALIST']);

/**
 * The value as it is shown (a share as a whole percentage, any other figure with one decimal): a
 * figure is judged as the user reads it, so "20" against a ceiling of 20 is never "over".
 */
export function shownValue(measure: MeasureCode, value: number): number {
  return measure.endsWith('_SHARE') || measure === 'EMPLOYMENT_RATE'
    ? Math.round(value * 100) / 100
    : Math.round(value * 10) / 10;
}

/** Whether the value meets the target: at or under a ceiling, at or over a floor (as shown). */
export function meetsTarget(measure: MeasureCode, value: number | null, target: number): boolean | null {
  if (value === null) return null;
  const shown = shownValue(measure, value);
  return CEILINGS.has(measure) ? shown <= target : shown >= target;
}

/**
 * A specialist's own caseload ceiling: the per-FTE ceiling scaled by their FTE, in whole job seekers
 * (20 at 0,8 → 16; at 0,75 → 15). The staffing view's limit is the same number (`caseloadLimitFor`).
 */
export function caseloadCeilingFor(perFullTime: number, fte: number): number {
  return Math.floor(perFullTime * fte + 1e-9);
}

/** The first day of the rolling twelve months that end on `day` (2028-02-29 → 2027-03-01). */
export function rollingYearStart(day: string): string {
  return toDay(addDays(addMonths(toDate(day), -12), 1));
}

export interface MeasureFacts {
  specialists: readonly { userId: string; fte: number }[];
  /** Who followed whom: from (inclusive) until (exclusive; null = still). */
  assignments: readonly { jobSeekerId: string; specialistId: string; from: string; until: string | null }[];
  jobSeekers: readonly {
    id: string;
    referralDate: string;
    intakeDate: string | null;
    dischargedOn: string | null;
    outOfWorkAtReferral: boolean;
  }[];
  employments: readonly {
    jobSeekerId: string;
    startDate: string;
    endDate: string | null;
    competitive: boolean;
  }[];
  employerContacts: readonly {
    specialistId: string;
    jobSeekerId: string | null;
    day: string;
    faceToFace: boolean;
    jobDevelopment: boolean;
    minutes: number | null;
  }[];
  meetings: readonly {
    specialistId: string;
    day: string;
    location: 'COMMUNITY' | 'OFFICE' | 'REMOTE';
    minutes: number;
  }[];
}

export type MeasureValues = Record<MeasureCode, number | null>;

export interface PeriodMeasures {
  from: string;
  to: string;
  team: MeasureValues;
  bySpecialist: Record<string, MeasureValues>;
  /** Competitive job starts within the period itself (team: the total, not per FTE). */
  jobStartsInPeriod: { team: number; bySpecialist: Record<string, number> };
}

export type Granularity = 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

const toDate = (day: string) => new UTCDate(`${day}T00:00:00Z`);
// The UTC calendar day of a UTC date (the same as date-fns' format(…, 'yyyy-MM-dd') on a UTCDate, at
// a fraction of the cost: the team dashboard converts thousands of days per request).
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const days = (from: string, to: string) => differenceInCalendarDays(toDate(to), toDate(from)) + 1;

/** The period of this granularity that contains `day`. Weeks are ISO weeks (Monday–Sunday). */
export function periodContaining(granularity: Granularity, day: string): { from: string; to: string } {
  const d = toDate(day);
  switch (granularity) {
    case 'WEEK': {
      const start = startOfISOWeek(d);
      return { from: toDay(start), to: toDay(addDays(start, 6)) };
    }
    case 'MONTH':
      return { from: toDay(startOfMonth(d)), to: toDay(endOfMonth(d)) };
    case 'QUARTER':
      return { from: toDay(startOfQuarter(d)), to: toDay(endOfQuarter(d)) };
    case 'YEAR':
      return { from: toDay(startOfYear(d)), to: toDay(endOfYear(d)) };
  }
}

/** The `count` periods up to and including the one containing `asOf`, oldest first. */
export function periodSeries(
  granularity: Granularity,
  asOf: string,
  count: number,
): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  let current = periodContaining(granularity, asOf);
  for (let i = 0; i < count; i++) {
    out.unshift(current);
    const before = toDay(addDays(toDate(current.from), -1));
    current = periodContaining(granularity, before);
  }
  return out;
}

/** One month after a day (the first-contact deadline's rule). */
const monthAfter = new Map<string, string>();
const oneMonthAfter = (day: string) => {
  let after = monthAfter.get(day);
  if (after === undefined) {
    after = toDay(addMonths(toDate(day), 1));
    if (monthAfter.size > 50_000) monthAfter.clear();
    monthAfter.set(day, after);
  }
  return after;
};

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const inPortfolio = (js: MeasureFacts['jobSeekers'][number], day: string) =>
  js.referralDate <= day && (js.dischargedOn === null || js.dischargedOn > day);

const share = (n: number, of: number) => (of === 0 ? null : n / of);

/** The days of face-to-face employer contacts about each job seeker, in day order. */
export function faceToFaceDaysByJobSeeker(contacts: MeasureFacts['employerContacts']): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const c of contacts) {
    if (!c.faceToFace || !c.jobSeekerId) continue;
    const list = days.get(c.jobSeekerId);
    if (list) list.push(c.day);
    else days.set(c.jobSeekerId, [c.day]);
  }
  for (const list of days.values()) list.sort();
  return days;
}

/** The first face-to-face employer contact on or after the intake (one before it does not count). */
export function firstContactAfterIntake(
  days: ReadonlyMap<string, readonly string[]>,
  jobSeekerId: string,
  intakeDate: string,
): string | undefined {
  return days.get(jobSeekerId)?.find((d) => d >= intakeDate);
}

/** Every measure for the period, per specialist and for the team. */
export function computeMeasures(
  facts: MeasureFacts,
  period: { from: string; to: string },
  asOf: string,
): PeriodMeasures {
  const from = period.from;
  const to = asOf < period.to ? asOf : period.to;
  const length = Math.max(days(from, to), 1);
  const ids = facts.specialists.map((s) => s.userId);
  const fte = facts.specialists.reduce((sum, s) => sum + s.fte, 0);
  const counters = new Map(
    ids.map((id) => [
      id,
      {
        rateIn: 0,
        rateOf: 0,
        starts: 0,
        periodStarts: 0,
        caseload: 0,
        contacts: 0,
        communityMinutes: 0,
        minutes: 0,
        firstIn: 0,
        firstOf: 0,
      },
    ]),
  );
  const at = (id: string | null) => (id ? counters.get(id) : undefined);
  const assignments = groupBy(facts.assignments, (a) => a.jobSeekerId);
  const employments = groupBy(facts.employments, (e) => e.jobSeekerId);
  const specialistOn = (jobSeekerId: string, day: string) =>
    assignments.get(jobSeekerId)?.find((a) => a.from <= day && (a.until === null || a.until > day))
      ?.specialistId ?? null;
  const competitiveOn = (jobSeekerId: string, day: string) =>
    (employments.get(jobSeekerId) ?? []).some(
      (e) => e.competitive && e.startDate <= day && (e.endDate === null || e.endDate >= day),
    );
  const faceToFace = faceToFaceDaysByJobSeeker(facts.employerContacts);

  for (const js of facts.jobSeekers) {
    if (inPortfolio(js, to)) {
      const c = at(specialistOn(js.id, to));
      if (c) {
        c.caseload++;
        if (js.outOfWorkAtReferral) {
          c.rateOf++;
          if (competitiveOn(js.id, to)) c.rateIn++;
        }
      }
    }
    // The first-contact deadlines that fell due in the period, attributed to whoever had to meet them.
    const deadline = js.intakeDate ? oneMonthAfter(js.intakeDate) : null;
    if (js.intakeDate && deadline && deadline >= from && deadline <= to) {
      const first = firstContactAfterIntake(faceToFace, js.id, js.intakeDate);
      const met = first !== undefined && first <= deadline;
      const c = at(specialistOn(js.id, deadline));
      if (c) {
        c.firstOf++;
        if (met) c.firstIn++;
      }
    }
  }
  // Job starts: the rolling twelve months up to the last day, and the period's own count.
  const yearFrom = rollingYearStart(to);
  for (const e of facts.employments) {
    if (!e.competitive || e.startDate > to) continue;
    const inYear = e.startDate >= yearFrom;
    const inPeriod = e.startDate >= from;
    if (!inYear && !inPeriod) continue;
    const c = at(specialistOn(e.jobSeekerId, e.startDate));
    if (!c) continue;
    if (inYear) c.starts++;
    if (inPeriod) c.periodStarts++;
  }
  for (const contact of facts.employerContacts) {
    if (contact.day < from || contact.day > to) continue;
    const c = at(contact.specialistId);
    if (!c) continue;
    if (contact.faceToFace && contact.jobDevelopment) c.contacts++;
    if (contact.minutes !== null) {
      c.minutes += contact.minutes;
      if (contact.faceToFace) c.communityMinutes += contact.minutes;
    }
  }
  for (const m of facts.meetings) {
    if (m.day < from || m.day > to) continue;
    const c = at(m.specialistId);
    if (!c) continue;
    c.minutes += m.minutes;
    if (m.location === 'COMMUNITY') c.communityMinutes += m.minutes;
  }

  const perWeek = 7 / length;
  const bySpecialist: Record<string, MeasureValues> = {};
  const total = {
    rateIn: 0,
    rateOf: 0,
    starts: 0,
    periodStarts: 0,
    caseload: 0,
    contacts: 0,
    communityMinutes: 0,
    minutes: 0,
    firstIn: 0,
    firstOf: 0,
  };
  for (const [id, c] of counters) {
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
    bySpecialist[id] = {
      EMPLOYMENT_RATE: share(c.rateIn, c.rateOf),
      JOB_STARTS_PER_SPECIALIST_PER_YEAR: c.starts,
      CASELOAD_PER_SPECIALIST: c.caseload,
      EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK: c.contacts * perWeek,
      COMMUNITY_TIME_SHARE: share(c.communityMinutes, c.minutes),
      FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE: share(c.firstIn, c.firstOf),
    };
  }
  const perFte = (n: number) => (fte === 0 ? null : n / fte);
  return {
    from,
    to,
    bySpecialist,
    jobStartsInPeriod: {
      team: total.periodStarts,
      bySpecialist: Object.fromEntries([...counters].map(([id, c]) => [id, c.periodStarts])),
    },
    team: {
      EMPLOYMENT_RATE: share(total.rateIn, total.rateOf),
      JOB_STARTS_PER_SPECIALIST_PER_YEAR: perFte(total.starts),
      CASELOAD_PER_SPECIALIST: perFte(total.caseload),
      EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK: perFte(total.contacts * perWeek),
      COMMUNITY_TIME_SHARE: share(total.communityMinutes, total.minutes),
      FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE: share(total.firstIn, total.firstOf),
    },
  };
}
