/**
 * The job seeker's timeline: one list, newest first, of what happened on the way to work —
 * referral, intake, consents given and withdrawn, follow-up meetings, employer contacts, jobs
 * started and ended, support-plan revisions, transfers and discharge. Built from what the page's
 * query returned, so it shows exactly what the caller may read.
 */
export type TimelineKind =
  | 'REFERRED'
  | 'INTAKE'
  | 'CONSENT_GIVEN'
  | 'CONSENT_WITHDRAWN'
  | 'MEETING'
  | 'EMPLOYER_CONTACT'
  | 'JOB_STARTED'
  | 'JOB_ENDED'
  | 'PLAN_REVISED'
  | 'TRANSFERRED'
  | 'DISCHARGED';

export interface TimelineEvent {
  /** ISO date or date-time; events sort by it. */
  at: string;
  kind: TimelineKind;
  /** Stable key for lists. */
  key: string;
  /** Enum values and names the view turns into text. */
  detail: Record<string, string | boolean | number | null>;
}

export interface TimelineSource {
  referralDate?: string | null;
  intakeDate?: string | null;
  dischargedAt?: string | null;
  consents?: readonly {
    id: string;
    scope: string;
    validFrom: string;
    withdrawnAt?: string | null;
  }[];
  followUpMeetings?: readonly {
    id: string;
    scheduledAt: string;
    purpose: string;
    faceToFace: boolean;
    durationMinutes: number;
  }[];
  employerContacts?: readonly {
    id: string;
    contactedAt: string;
    purpose: string;
    faceToFace: boolean;
    employer: { name: string };
  }[];
  employments?: readonly {
    id: string;
    jobTitle: string;
    startDate: string;
    endDate?: string | null;
    employer?: { name: string } | null;
  }[];
  supportPlans?: readonly {
    id: string;
    revisions: readonly { revision: number; createdAt: string; changeNote?: string | null }[];
  }[];
  transfers?: readonly {
    id: string;
    effectiveAt: string;
    reason: string;
    temporary: boolean;
    /** Why another service level (seed 001 §4.2), when one was recorded. */
    levelReason?: string | null;
    fromSpecialist: { givenName: string; familyName: string };
    toSpecialist: { givenName: string; familyName: string };
  }[];
}

const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

export function buildTimeline(js: TimelineSource): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (js.referralDate) events.push({ at: js.referralDate, kind: 'REFERRED', key: 'referred', detail: {} });
  if (js.intakeDate) events.push({ at: js.intakeDate, kind: 'INTAKE', key: 'intake', detail: {} });
  if (js.dischargedAt)
    events.push({ at: js.dischargedAt, kind: 'DISCHARGED', key: 'discharged', detail: {} });
  for (const c of js.consents ?? []) {
    events.push({ at: c.validFrom, kind: 'CONSENT_GIVEN', key: `c+${c.id}`, detail: { scope: c.scope } });
    if (c.withdrawnAt)
      events.push({
        at: c.withdrawnAt,
        kind: 'CONSENT_WITHDRAWN',
        key: `c-${c.id}`,
        detail: { scope: c.scope },
      });
  }
  for (const m of js.followUpMeetings ?? []) {
    events.push({
      at: m.scheduledAt,
      kind: 'MEETING',
      key: `m${m.id}`,
      detail: { purpose: m.purpose, faceToFace: m.faceToFace, minutes: m.durationMinutes },
    });
  }
  for (const c of js.employerContacts ?? []) {
    events.push({
      at: c.contactedAt,
      kind: 'EMPLOYER_CONTACT',
      key: `e${c.id}`,
      detail: { purpose: c.purpose, faceToFace: c.faceToFace, employer: c.employer.name },
    });
  }
  for (const e of js.employments ?? []) {
    const employer = e.employer?.name ?? null;
    events.push({
      at: e.startDate,
      kind: 'JOB_STARTED',
      key: `j+${e.id}`,
      detail: { title: e.jobTitle, employer },
    });
    if (e.endDate)
      events.push({
        at: e.endDate,
        kind: 'JOB_ENDED',
        key: `j-${e.id}`,
        detail: { title: e.jobTitle, employer },
      });
  }
  for (const p of js.supportPlans ?? []) {
    for (const r of p.revisions) {
      events.push({
        at: r.createdAt,
        kind: 'PLAN_REVISED',
        key: `p${p.id}:${r.revision}`,
        detail: { revision: r.revision, note: r.changeNote ?? null },
      });
    }
  }
  for (const t of js.transfers ?? []) {
    events.push({
      at: t.effectiveAt,
      kind: 'TRANSFERRED',
      key: `t${t.id}`,
      detail: {
        from: name(t.fromSpecialist),
        to: name(t.toSpecialist),
        reason: t.reason,
        temporary: t.temporary,
        levelReason: t.levelReason ?? null,
      },
    });
  }
  // Newest first; a bare date counts as the start of its day, and ties keep a stable order.
  const time = (at: string) => Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
  return events.sort((a, b) => time(b.at) - time(a.at) || a.key.localeCompare(b.key));
}
