/**
 * The rules with deadlines (domain.md §5, seeds 000/001/003) as data, and the pure function that
 * turns a case event into the tasks it opens and closes. Days are Norwegian calendar days
 * (YYYY-MM-DD); callers convert instants with `osloDay`. Tenants may tune a rule within bounds.
 */
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, format } from 'date-fns';

export type DeadlineRuleCode =
  | 'FIRST_EMPLOYER_CONTACT'
  | 'EMPLOYER_MEETING_BEFORE_START'
  | 'FIRST_FOLLOW_UP_AFTER_START'
  | 'CONTACT_AFTER_JOB_END'
  | 'MEET_AFTER_TRANSFER'
  | 'CONSENT_EXPIRY'
  | 'NAV_DIALOGUE_ANSWER';

export interface DeadlineRule {
  code: DeadlineRuleCode;
  /** What the duty is, in bokmål (the UI's words). */
  title: string;
  source: string;
  /** When it is due, counted from the event's day: days, or calendar months. */
  due: { days: number } | { months: number };
  /** How many days before the due day it starts to warn. */
  warnDaysBefore: number;
  /** The tuning a tenant may apply (days), so a rule can never be switched into meaninglessness. */
  bounds: { minDueDays: number; maxDueDays: number; maxWarnDays: number };
}

export const DEADLINE_RULES: Record<DeadlineRuleCode, DeadlineRule> = {
  FIRST_EMPLOYER_CONTACT: {
    code: 'FIRST_EMPLOYER_CONTACT',
    title: 'Første arbeidsgiverkontakt innen én måned etter inntak',
    source: 'Seed 003 §6 (IPS-prinsipp 6); kvalitetsskala item 15',
    due: { months: 1 },
    warnDaysBefore: 7,
    bounds: { minDueDays: 14, maxDueDays: 31, maxWarnDays: 14 },
  },
  EMPLOYER_MEETING_BEFORE_START: {
    code: 'EMPLOYER_MEETING_BEFORE_START',
    title: 'Møte med arbeidsgiver siste uka før jobbstart',
    source: 'Seed 000 §4.1',
    due: { days: -1 },
    warnDaysBefore: 6,
    bounds: { minDueDays: -7, maxDueDays: -1, maxWarnDays: 7 },
  },
  FIRST_FOLLOW_UP_AFTER_START: {
    code: 'FIRST_FOLLOW_UP_AFTER_START',
    title: 'Første oppfølgingsmøte innen tre dager etter jobbstart',
    source: 'Seed 000 §7',
    due: { days: 3 },
    warnDaysBefore: 3,
    bounds: { minDueDays: 1, maxDueDays: 3, maxWarnDays: 3 },
  },
  CONTACT_AFTER_JOB_END: {
    code: 'CONTACT_AFTER_JOB_END',
    title: 'Kontakt jobbsøker senest tre dager etter at jobben ble avsluttet',
    source: 'Seed 000 §8',
    due: { days: 3 },
    warnDaysBefore: 3,
    bounds: { minDueDays: 1, maxDueDays: 3, maxWarnDays: 3 },
  },
  MEET_AFTER_TRANSFER: {
    code: 'MEET_AFTER_TRANSFER',
    title: 'Ny jobbspesialist møter jobbsøker snarlig etter overføring',
    source: 'Seed 001 §4.2',
    due: { days: 7 },
    warnDaysBefore: 4,
    bounds: { minDueDays: 1, maxDueDays: 14, maxWarnDays: 14 },
  },
  CONSENT_EXPIRY: {
    code: 'CONSENT_EXPIRY',
    title: 'Samtykke utløper: forny det eller avslutt delingen',
    source: 'domain.md §3 (a consent in force); its row in domain.md §5',
    due: { days: 0 },
    warnDaysBefore: 30,
    bounds: { minDueDays: 0, maxDueDays: 0, maxWarnDays: 90 },
  },
  // Issue 17 (docs/nav-dialogue.md): in a NAV dialogue the other side answers within 48 hours, NAV
  // Oslo's guideline. A duty has a due day, not an hour: two days from the day of the message. Not
  // tunable (NAV's side keeps the same promise whatever the tenant).
  NAV_DIALOGUE_ANSWER: {
    code: 'NAV_DIALOGUE_ANSWER',
    title: 'Svar i dialogen med NAV innen 48 timer',
    source: 'NAV Oslos retningslinje (sak 17; docs/nav-dialogue.md); seed 000 §5, seed 001 §3',
    due: { days: 2 },
    warnDaysBefore: 1,
    bounds: { minDueDays: 2, maxDueDays: 2, maxWarnDays: 2 },
  },
};

export interface RuleTuning {
  dueDays?: number;
  warnDaysBefore?: number;
}

export class RuleTuningError extends Error {
  constructor(
    readonly rule: DeadlineRuleCode,
    readonly field: 'dueDays' | 'warnDaysBefore',
  ) {
    super(`${field} for ${rule} is outside the safe bounds`);
    this.name = 'RuleTuningError';
  }
}

/** Checks a tenant's tuning against the rule's bounds (throws RuleTuningError). */
export function checkTuning(code: DeadlineRuleCode, tuning: RuleTuning): void {
  const { bounds } = DEADLINE_RULES[code];
  if (
    tuning.dueDays !== undefined &&
    (!Number.isInteger(tuning.dueDays) ||
      tuning.dueDays < bounds.minDueDays ||
      tuning.dueDays > bounds.maxDueDays)
  ) {
    throw new RuleTuningError(code, 'dueDays');
  }
  if (
    tuning.warnDaysBefore !== undefined &&
    (!Number.isInteger(tuning.warnDaysBefore) ||
      tuning.warnDaysBefore < 0 ||
      tuning.warnDaysBefore > bounds.maxWarnDays)
  ) {
    throw new RuleTuningError(code, 'warnDaysBefore');
  }
}

const toDate = (day: string) => new UTCDate(`${day}T00:00:00Z`);
const toDay = (date: Date) => format(new UTCDate(date), 'yyyy-MM-dd');

export interface DueWindow {
  dueOn: string;
  warnFrom: string;
}

/** The due day and the first warning day for a rule, counted from the event's calendar day. */
export function dueWindow(code: DeadlineRuleCode, eventDay: string, tuning: RuleTuning = {}): DueWindow {
  checkTuning(code, tuning);
  const rule = DEADLINE_RULES[code];
  const start = toDate(eventDay);
  const due =
    tuning.dueDays !== undefined
      ? addDays(start, tuning.dueDays)
      : 'months' in rule.due
        ? addMonths(start, rule.due.months)
        : addDays(start, rule.due.days);
  const warn = addDays(due, -(tuning.warnDaysBefore ?? rule.warnDaysBefore));
  return { dueOn: toDay(due), warnFrom: toDay(warn) };
}

/** Case events that open or close duties. */
export type CaseEvent =
  | { kind: 'INTAKE'; day: string }
  | { kind: 'EMPLOYER_CONTACT'; day: string; faceToFace: boolean }
  | { kind: 'JOB_START'; day: string; employmentId: string; employerMeetingWanted: boolean }
  | {
      kind: 'FOLLOW_UP_MEETING';
      day: string;
      faceToFace: boolean;
      /** How it was held, when recorded (face to face, phone, video); null: not recorded. */
      contactKind?: 'FACE_TO_FACE' | 'PHONE' | 'VIDEO' | null;
      employmentId?: string;
      purpose: 'EMPLOYER_MEETING_BEFORE_START' | 'FOLLOW_ALONG' | 'JOB_END_FOLLOW_UP' | 'OTHER';
    }
  | { kind: 'JOB_END_LEARNED'; day: string; employmentId: string }
  | { kind: 'TRANSFER'; day: string; transferId: string }
  | { kind: 'CONSENT_GIVEN'; consentId: string; validUntil: string | null }
  | { kind: 'CONSENT_ENDED'; consentId: string }
  | { kind: 'DISCHARGE'; day: string };

export interface OpenTask extends DueWindow {
  rule: DeadlineRuleCode;
  sourceId: string | null;
}

export interface TaskChanges {
  open: OpenTask[];
  /** Rules (and source ids) whose open tasks this event fulfils. */
  close: {
    rule: DeadlineRuleCode | 'ALL';
    sourceId?: string | null;
    reason: 'completed' | 'discharged' | 'not needed';
  }[];
}

/** What an event does to the job seeker's duties. Pure: same event and tuning, same answer. */
export function tasksForEvent(
  event: CaseEvent,
  tuning: Partial<Record<DeadlineRuleCode, RuleTuning>> = {},
): TaskChanges {
  const open = (rule: DeadlineRuleCode, day: string, sourceId: string | null): OpenTask => ({
    rule,
    sourceId,
    ...dueWindow(rule, day, tuning[rule]),
  });
  switch (event.kind) {
    case 'INTAKE':
      return { open: [open('FIRST_EMPLOYER_CONTACT', event.day, null)], close: [] };
    case 'EMPLOYER_CONTACT':
      // Rapid job search counts face-to-face employer contact (fidelity item 15).
      return event.faceToFace
        ? { open: [], close: [{ rule: 'FIRST_EMPLOYER_CONTACT', reason: 'completed' }] }
        : { open: [], close: [] };
    case 'JOB_START':
      return {
        open: [
          open('FIRST_FOLLOW_UP_AFTER_START', event.day, event.employmentId),
          ...(event.employerMeetingWanted
            ? [open('EMPLOYER_MEETING_BEFORE_START', event.day, event.employmentId)]
            : []),
        ],
        close: [],
      };
    case 'FOLLOW_UP_MEETING': {
      // Seed 000 §8: the contact after a job ends may be any contact (phone, video or face to face),
      // as long as its kind is recorded (issue 17 item 4).
      if (!event.faceToFace) {
        return event.purpose === 'JOB_END_FOLLOW_UP' && event.contactKind
          ? {
              open: [],
              close: [
                { rule: 'CONTACT_AFTER_JOB_END', sourceId: event.employmentId ?? null, reason: 'completed' },
              ],
            }
          : { open: [], close: [] };
      }
      // The other duties are meetings face to face: the follow-up after a job start (§7: "Disse
      // møtene skal være ansikt til ansikt"), the employer meeting (§4.1), and meeting the job
      // seeker after a transfer (seed 001 §4.2: "kontakter bruker for et snarlig møte").
      const rule: DeadlineRuleCode | null =
        event.purpose === 'EMPLOYER_MEETING_BEFORE_START'
          ? 'EMPLOYER_MEETING_BEFORE_START'
          : event.purpose === 'JOB_END_FOLLOW_UP'
            ? 'CONTACT_AFTER_JOB_END'
            : event.purpose === 'FOLLOW_ALONG'
              ? 'FIRST_FOLLOW_UP_AFTER_START'
              : null;
      const close: TaskChanges['close'] = rule
        ? [{ rule, sourceId: event.employmentId ?? null, reason: 'completed' }]
        : [];
      // Any face-to-face meeting is the "meet soon" after a transfer.
      close.push({ rule: 'MEET_AFTER_TRANSFER', reason: 'completed' });
      return { open: [], close };
    }
    case 'JOB_END_LEARNED':
      return {
        open: [open('CONTACT_AFTER_JOB_END', event.day, event.employmentId)],
        close: [
          { rule: 'FIRST_FOLLOW_UP_AFTER_START', sourceId: event.employmentId, reason: 'not needed' },
          { rule: 'EMPLOYER_MEETING_BEFORE_START', sourceId: event.employmentId, reason: 'not needed' },
        ],
      };
    case 'TRANSFER':
      return { open: [open('MEET_AFTER_TRANSFER', event.day, event.transferId)], close: [] };
    case 'CONSENT_GIVEN':
      return event.validUntil
        ? { open: [open('CONSENT_EXPIRY', event.validUntil, event.consentId)], close: [] }
        : { open: [], close: [] };
    case 'CONSENT_ENDED':
      return {
        open: [],
        close: [{ rule: 'CONSENT_EXPIRY', sourceId: event.consentId, reason: 'not needed' }],
      };
    case 'DISCHARGE':
      return { open: [], close: [{ rule: 'ALL', reason: 'discharged' }] };
  }
}
