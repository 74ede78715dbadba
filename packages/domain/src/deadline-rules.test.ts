import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEADLINE_RULES,
  type DeadlineRuleCode,
  dueWindow,
  RuleTuningError,
  tasksForEvent,
} from './deadline-rules';
import { dutyStatus } from './deadline-status';

describe('due windows (Norwegian calendar days)', () => {
  it.each([
    ['FIRST_EMPLOYER_CONTACT', '2026-01-15', '2026-02-15', '2026-02-08'],
    ['FIRST_EMPLOYER_CONTACT', '2026-01-31', '2026-02-28', '2026-02-21'], // a month later, clamped
    ['FIRST_EMPLOYER_CONTACT', '2026-03-29', '2026-04-29', '2026-04-22'], // starts on the spring DST day
    ['FIRST_FOLLOW_UP_AFTER_START', '2026-10-23', '2026-10-26', '2026-10-23'], // across the autumn DST change
    ['EMPLOYER_MEETING_BEFORE_START', '2026-12-01', '2026-11-30', '2026-11-24'], // the last week before the start
    ['CONTACT_AFTER_JOB_END', '2026-12-30', '2027-01-02', '2026-12-30'],
    ['MEET_AFTER_TRANSFER', '2026-11-25', '2026-12-02', '2026-11-28'],
    ['CONSENT_EXPIRY', '2027-01-15', '2027-01-15', '2026-12-16'], // warns 30 days ahead
  ] as [DeadlineRuleCode, string, string, string][])(
    '%s from %s is due %s, warning from %s',
    (rule, day, dueOn, warnFrom) => {
      expect(dueWindow(rule, day)).toEqual({ dueOn, warnFrom });
    },
  );

  it('lets a tenant tune a rule within its bounds, and refuses outside them', () => {
    expect(dueWindow('MEET_AFTER_TRANSFER', '2026-11-25', { dueDays: 3, warnDaysBefore: 1 })).toEqual({
      dueOn: '2026-11-28',
      warnFrom: '2026-11-27',
    });
    expect(() => dueWindow('FIRST_FOLLOW_UP_AFTER_START', '2026-11-25', { dueDays: 4 })).toThrow(
      RuleTuningError,
    );
    expect(() => dueWindow('FIRST_EMPLOYER_CONTACT', '2026-11-25', { dueDays: 60 })).toThrow(RuleTuningError);
    expect(() => dueWindow('CONSENT_EXPIRY', '2026-11-25', { warnDaysBefore: 365 })).toThrow(RuleTuningError);
    expect(() => dueWindow('MEET_AFTER_TRANSFER', '2026-11-25', { dueDays: 2.5 })).toThrow(RuleTuningError);
  });

  const dayArb = fc
    .integer({ min: 0, max: 365 * 6 })
    .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
  const dayRules = (Object.keys(DEADLINE_RULES) as DeadlineRuleCode[]).filter(
    (r) => 'days' in DEADLINE_RULES[r].due,
  );

  it('counts whole calendar days exactly, whatever the season (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom(...dayRules), (day, rule) => {
        const { dueOn } = dueWindow(rule, day);
        const days = (Date.parse(dueOn) - Date.parse(day)) / 86_400_000;
        expect(days).toBe((DEADLINE_RULES[rule].due as { days: number }).days);
      }),
    );
  });

  it('warns before it is due, is due on its day and overdue the day after (property)', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.constantFrom(...(Object.keys(DEADLINE_RULES) as DeadlineRuleCode[])),
        (day, rule) => {
          const window = dueWindow(rule, day);
          expect(window.warnFrom <= window.dueOn).toBe(true);
          expect(dutyStatus(window, window.dueOn)).toBe('DUE');
          expect(dutyStatus(window, window.warnFrom)).toBe('DUE');
          const after = new Date(Date.parse(window.dueOn) + 86_400_000).toISOString().slice(0, 10);
          expect(dutyStatus(window, after)).toBe('OVERDUE');
        },
      ),
    );
  });
});

describe('events open and close duties', () => {
  it('intake opens the first employer contact; only a face-to-face contact closes it', () => {
    expect(tasksForEvent({ kind: 'INTAKE', day: '2026-11-02' }).open).toEqual([
      { rule: 'FIRST_EMPLOYER_CONTACT', sourceId: null, dueOn: '2026-12-02', warnFrom: '2026-11-25' },
    ]);
    expect(tasksForEvent({ kind: 'EMPLOYER_CONTACT', day: '2026-11-10', faceToFace: false }).close).toEqual(
      [],
    );
    expect(tasksForEvent({ kind: 'EMPLOYER_CONTACT', day: '2026-11-10', faceToFace: true }).close).toEqual([
      { rule: 'FIRST_EMPLOYER_CONTACT', reason: 'completed' },
    ]);
  });

  it('a job start opens the 3-day follow-up, and the employer meeting only when wanted', () => {
    const wanted = tasksForEvent({
      kind: 'JOB_START',
      day: '2026-12-01',
      employmentId: 'e1',
      employerMeetingWanted: true,
    });
    expect(wanted.open.map((t) => t.rule).sort()).toEqual([
      'EMPLOYER_MEETING_BEFORE_START',
      'FIRST_FOLLOW_UP_AFTER_START',
    ]);
    const notWanted = tasksForEvent({
      kind: 'JOB_START',
      day: '2026-12-01',
      employmentId: 'e1',
      employerMeetingWanted: false,
    });
    expect(notWanted.open.map((t) => t.rule)).toEqual(['FIRST_FOLLOW_UP_AFTER_START']);
  });

  it('learning that a job ended opens the 3-day contact and drops the start duties of that job', () => {
    const changes = tasksForEvent({ kind: 'JOB_END_LEARNED', day: '2026-12-30', employmentId: 'e1' });
    expect(changes.open).toEqual([
      { rule: 'CONTACT_AFTER_JOB_END', sourceId: 'e1', dueOn: '2027-01-02', warnFrom: '2026-12-30' },
    ]);
    expect(changes.close.map((c) => c.rule).sort()).toEqual([
      'EMPLOYER_MEETING_BEFORE_START',
      'FIRST_FOLLOW_UP_AFTER_START',
    ]);
  });

  it('a face-to-face follow-up closes its duty and the meet-after-transfer; a phone call closes nothing', () => {
    const met = tasksForEvent({
      kind: 'FOLLOW_UP_MEETING',
      day: '2026-12-02',
      faceToFace: true,
      employmentId: 'e1',
      purpose: 'FOLLOW_ALONG',
    });
    expect(met.close).toEqual([
      { rule: 'FIRST_FOLLOW_UP_AFTER_START', sourceId: 'e1', reason: 'completed' },
      { rule: 'MEET_AFTER_TRANSFER', reason: 'completed' },
    ]);
    expect(
      tasksForEvent({
        kind: 'FOLLOW_UP_MEETING',
        day: '2026-12-02',
        faceToFace: false,
        purpose: 'FOLLOW_ALONG',
      }).close,
    ).toEqual([]);
  });

  it('the contact after a job ends is closed by any recorded kind; the other duties only face to face (issue 17 item 4)', () => {
    const contact = (
      contactKind: 'FACE_TO_FACE' | 'PHONE' | 'VIDEO' | null,
      purpose: 'JOB_END_FOLLOW_UP' | 'FOLLOW_ALONG' | 'EMPLOYER_MEETING_BEFORE_START',
    ) =>
      tasksForEvent({
        kind: 'FOLLOW_UP_MEETING',
        day: '2026-12-31',
        faceToFace: contactKind === 'FACE_TO_FACE',
        contactKind,
        employmentId: 'e1',
        purpose,
      }).close.map((c) => c.rule);
    for (const kind of ['PHONE', 'VIDEO', 'FACE_TO_FACE'] as const) {
      expect(contact(kind, 'JOB_END_FOLLOW_UP'), kind).toContain('CONTACT_AFTER_JOB_END');
    }
    // A contact whose kind was not recorded does not count.
    expect(contact(null, 'JOB_END_FOLLOW_UP')).toEqual([]);
    // Seed 000 §7: the follow-up meetings after a start are face to face; §4.1 the employer meeting too.
    for (const kind of ['PHONE', 'VIDEO'] as const) {
      expect(contact(kind, 'FOLLOW_ALONG'), kind).toEqual([]);
      expect(contact(kind, 'EMPLOYER_MEETING_BEFORE_START'), kind).toEqual([]);
    }
    expect(contact('FACE_TO_FACE', 'FOLLOW_ALONG')).toContain('FIRST_FOLLOW_UP_AFTER_START');
  });

  it('a consent with an end date opens its expiry warning; a discharge closes every open duty', () => {
    expect(
      tasksForEvent({ kind: 'CONSENT_GIVEN', consentId: 'c1', validUntil: '2027-06-30' }).open[0],
    ).toMatchObject({
      rule: 'CONSENT_EXPIRY',
      warnFrom: '2027-05-31',
    });
    expect(tasksForEvent({ kind: 'CONSENT_GIVEN', consentId: 'c1', validUntil: null }).open).toEqual([]);
    expect(tasksForEvent({ kind: 'DISCHARGE', day: '2026-12-01' }).close).toEqual([
      { rule: 'ALL', reason: 'discharged' },
    ]);
  });
});
