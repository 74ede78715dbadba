/**
 * Staffing rules (domain.md §2, §7; seeds 001 and 002): absences and when the method supervisor
 * must hear of one, the order in which colleagues are proposed to take over a job seeker, and the
 * team's size limit. Pure: callers load the facts, these functions decide.
 */
import { UTCDate } from '@date-fns/utc';
import { differenceInCalendarDays } from 'date-fns';
import { caseloadCeilingFor } from './measures.js';

/** A specialist team has one method supervisor and at most this many job specialists (seed 002). */
export const MAX_TEAM_SPECIALISTS = 10;
/** Caseload per full-time specialist: at most 20 (domain.md §9). */
export const CASELOAD_LIMIT = 20;
/** An unplanned absence expected to last longer than this many days is "long" (seed 001 §4.1). */
export const DEFAULT_LONG_ABSENCE_DAYS = 14;
/** The bounds a tenant may set the long-absence threshold within. */
export const LONG_ABSENCE_BOUNDS = { min: 3, max: 60 } as const;
/**
 * A planned absence is announced to the method supervisor this many days before it starts (issue
 * 17 item 7; seed 001 §4.1: the specialist warns "på et tidlig tidspunkt ved planlagt og langvarig
 * fravær"), so that cover is planned, not improvised.
 */
export const DEFAULT_PLANNED_ABSENCE_NOTICE_DAYS = 14;
/** The bounds a tenant may set that notice within. */
export const PLANNED_ABSENCE_NOTICE_BOUNDS = { min: 1, max: 60 } as const;

export function checkPlannedAbsenceNoticeDays(days: number): boolean {
  return (
    Number.isInteger(days) &&
    days >= PLANNED_ABSENCE_NOTICE_BOUNDS.min &&
    days <= PLANNED_ABSENCE_NOTICE_BOUNDS.max
  );
}

const toDate = (day: string) => new UTCDate(`${day}T00:00:00Z`);

export interface AbsencePeriod {
  startDate: string;
  /** The last day of absence, if known (expected or actual). */
  endDate: string | null;
}

export type AbsenceIssue =
  | { field: 'expectedEndDate'; code: 'END_BEFORE_START' }
  | { field: 'startDate'; code: 'OVERLAPS'; otherStartDate: string };

/** Two periods share at least one day (an open end runs on). */
export function periodsOverlap(a: AbsencePeriod, b: AbsencePeriod): boolean {
  const aEndsBeforeB = a.endDate !== null && a.endDate < b.startDate;
  const bEndsBeforeA = b.endDate !== null && b.endDate < a.startDate;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** What is wrong with a new absence next to the specialist's other absences. */
export function absenceIssues(absence: AbsencePeriod, others: readonly AbsencePeriod[]): AbsenceIssue[] {
  const issues: AbsenceIssue[] = [];
  if (absence.endDate !== null && absence.endDate < absence.startDate) {
    issues.push({ field: 'expectedEndDate', code: 'END_BEFORE_START' });
    return issues;
  }
  const clash = others.find((o) => periodsOverlap(absence, o));
  if (clash) issues.push({ field: 'startDate', code: 'OVERLAPS', otherStartDate: clash.startDate });
  return issues;
}

/** Days of absence, both ends included; null when the end is not known. */
export function absenceLength(absence: AbsencePeriod): number | null {
  if (absence.endDate === null) return null;
  return differenceInCalendarDays(toDate(absence.endDate), toDate(absence.startDate)) + 1;
}

export function checkLongAbsenceThreshold(days: number): boolean {
  return Number.isInteger(days) && days >= LONG_ABSENCE_BOUNDS.min && days <= LONG_ABSENCE_BOUNDS.max;
}

/**
 * The method supervisor must be told (seed 001 §4.1): an unplanned absence that looks long —
 * expected to last longer than the threshold, or with no expected end at all. A planned absence is
 * announced by the specialist in advance and handled in the team meeting.
 */
export function supervisorMustBeNotified(
  absence: AbsencePeriod & { planned: boolean },
  thresholdDays: number = DEFAULT_LONG_ABSENCE_DAYS,
): boolean {
  if (absence.planned) return false;
  const length = absenceLength(absence);
  return length === null || length > thresholdDays;
}

/** Whether a period covers a day. */
export function coversDay(absence: AbsencePeriod, day: string): boolean {
  return absence.startDate <= day && (absence.endDate === null || absence.endDate >= day);
}

// ─── transfer candidates ───

export interface TransferTarget {
  organizationId: string;
  serviceLevel: string;
  teamId: string | null;
  healthTeamId: string | null;
  currentSpecialistId: string | null;
}

export interface Colleague {
  userId: string;
  /** The organisation that employs the specialist, and its service level. */
  employerOrganizationId: string;
  serviceLevel: string;
  teamIds: readonly string[];
  healthTeamIds: readonly string[];
  /** Job seekers currently in the portfolio (not discharged). */
  caseload: number;
  /** Full-time equivalent (1 = full time): the caseload limit is per full-time specialist. */
  fte: number;
  /** Absent on the day of the transfer. */
  absent: boolean;
}

export interface RankedCandidate extends Colleague {
  sameServiceLevel: boolean;
  underCaseloadLimit: boolean;
  sameHealthTeam: boolean;
  sameTeam: boolean;
  /** Employed by another organisation than the one holding the job seeker's record. */
  crossService: boolean;
}

/** Employed outside the organisation that holds the record: needs the cross-service consent. */
export function isCrossService(target: { organizationId: string }, employerOrganizationId: string): boolean {
  return target.organizationId !== employerOrganizationId;
}

/** The caseload limit scaled by the specialist's full-time equivalent (0.8 FTE → 16). */
export function caseloadLimitFor(fte: number): number {
  return caseloadCeilingFor(CASELOAD_LIMIT, fte);
}

/**
 * The colleagues who could take over, best first (seed 001 §4.2): a specialist at the same service
 * level first, then one with room in the caseload (under the limit), then one attached to the job
 * seeker's health team, then one in the same specialist team; ties go to the smaller caseload, then
 * the user id (a stable order). The current specialist and anyone absent that day are left out.
 */
export function rankTransferCandidates(
  target: TransferTarget,
  colleagues: readonly Colleague[],
): RankedCandidate[] {
  const ranked = colleagues
    .filter((c) => c.userId !== target.currentSpecialistId && !c.absent)
    .map(
      (c): RankedCandidate => ({
        ...c,
        sameServiceLevel: c.serviceLevel === target.serviceLevel,
        underCaseloadLimit: c.caseload < caseloadLimitFor(c.fte),
        sameHealthTeam: target.healthTeamId !== null && c.healthTeamIds.includes(target.healthTeamId),
        sameTeam: target.teamId !== null && c.teamIds.includes(target.teamId),
        crossService: isCrossService(target, c.employerOrganizationId),
      }),
    );
  const key = (c: RankedCandidate) => [
    c.sameServiceLevel ? 0 : 1,
    c.underCaseloadLimit ? 0 : 1,
    c.sameHealthTeam ? 0 : 1,
    c.sameTeam ? 0 : 1,
    c.caseload,
  ];
  return ranked.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const d = (ka[i] as number) - (kb[i] as number);
      if (d !== 0) return d;
    }
    return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
  });
}

/** The 11th specialist is refused: a team holds at most MAX_TEAM_SPECIALISTS (seed 002). */
export function teamHasRoom(activeSpecialists: number): boolean {
  return activeSpecialists < MAX_TEAM_SPECIALISTS;
}
