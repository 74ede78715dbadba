import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline.js';

describe('the job seeker timeline', () => {
  const js = {
    referralDate: '2026-01-05',
    intakeDate: '2026-01-12',
    consents: [
      { id: 'c1', scope: 'TEAM_CASE_DISCUSSION', validFrom: '2026-01-12T09:00:00Z', withdrawnAt: null },
      {
        id: 'c2',
        scope: 'NAV_SHARING',
        validFrom: '2026-01-12T09:05:00Z',
        withdrawnAt: '2026-03-01T10:00:00Z',
      },
    ],
    followUpMeetings: [
      {
        id: 'm1',
        scheduledAt: '2026-02-01T10:00:00Z',
        purpose: 'JOB_SEARCH',
        faceToFace: true,
        durationMinutes: 60,
      },
    ],
    employerContacts: [
      {
        id: 'e1',
        contactedAt: '2026-02-10T08:00:00Z',
        purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
        faceToFace: true,
        employer: { name: 'Rema 1000 Lade' },
      },
    ],
    employments: [
      {
        id: 'j1',
        jobTitle: 'Butikkmedarbeider',
        startDate: '2026-03-02',
        endDate: null,
        employer: { name: 'Rema 1000 Lade' },
      },
    ],
    supportPlans: [
      { id: 'p1', revisions: [{ revision: 1, createdAt: '2026-02-27T12:00:00Z', changeNote: null }] },
    ],
    transfers: [
      {
        id: 't1',
        effectiveAt: '2026-04-01T00:00:00Z',
        reason: 'SPECIALIST_ABSENCE',
        temporary: true,
        levelReason: 'Følges allerede av DPS',
        fromSpecialist: { givenName: 'Ola', familyName: 'Hansen' },
        toSpecialist: { givenName: 'Kari', familyName: 'Berg' },
      },
    ],
  };

  it('lists every event once, newest first', () => {
    const events = buildTimeline(js);
    expect(events.map((e) => e.kind)).toEqual([
      'TRANSFERRED',
      'JOB_STARTED',
      'CONSENT_WITHDRAWN',
      'PLAN_REVISED',
      'EMPLOYER_CONTACT',
      'MEETING',
      'CONSENT_GIVEN',
      'CONSENT_GIVEN',
      'INTAKE',
      'REFERRED',
    ]);
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
  });

  it('a bare date sorts at the start of its day: the intake day’s consents come after the intake', () => {
    const events = buildTimeline(js);
    expect(events.findIndex((e) => e.kind === 'INTAKE')).toBeGreaterThan(
      events.findIndex((e) => e.key === 'c+c1'),
    );
  });

  it('carries what the view needs: the transfer’s names, whether it is temporary, why another service level', () => {
    const transfer = buildTimeline(js).find((e) => e.kind === 'TRANSFERRED');
    expect(transfer?.detail).toEqual({
      from: 'Ola Hansen',
      to: 'Kari Berg',
      reason: 'SPECIALIST_ABSENCE',
      temporary: true,
      levelReason: 'Følges allerede av DPS',
    });
  });

  it('shows nothing it was not given (a colleague without the case history sees only the path)', () => {
    expect(buildTimeline({ referralDate: '2026-01-05' }).map((e) => e.kind)).toEqual(['REFERRED']);
  });
});
