/**
 * Issue 17 item 2 (seed 000 §3): an employer contact or an employer meeting that names a job seeker
 * needs the job seeker's employer-contact consent in force. Matrix: consent given / withdrawn /
 * expired / not yet valid / none × contact, meeting held, meeting booked. Without the consent the
 * answer is ConsentRequiredError and nothing is written; a contact that names nobody (job
 * development, relation building) is still logged. Row-level security refuses the same insert.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };
let jobSeekerId: string;
let employerId: string;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  specialist = await userWith(
    stack.admin,
    'JOB_SPECIALIST',
    `EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = m."userId" AND j.phase <> 'DISCHARGED'
       AND j."organizationId" = m."organizationId")
     AND EXISTS (SELECT 1 FROM employer e WHERE e."organizationId" = m."organizationId")`,
  );
  const { rows } = await stack.admin.query<{ id: string; employerId: string }>(
    `SELECT j.id, (SELECT e.id FROM employer e WHERE e."organizationId" = j."organizationId" ORDER BY e.id LIMIT 1) AS "employerId"
     FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED' AND j."organizationId" = $2
     ORDER BY j.id LIMIT 1`,
    [specialist.userId, specialist.organizationId],
  );
  jobSeekerId = rows[0]?.id as string;
  employerId = rows[0]?.employerId as string;
});
afterAll(async () => {
  await stack?.close();
});

type ConsentState = 'given' | 'withdrawn' | 'expired' | 'not yet valid' | 'none';

/** Leaves the job seeker with exactly one employer-contact consent in this state (or none in force). */
async function setConsent(state: ConsentState) {
  await stack.admin.query(
    `UPDATE consent SET "withdrawnAt" = now() - interval '1 minute', "withdrawnById" = "recordedById"
     WHERE "jobSeekerId" = $1 AND scope = 'EMPLOYER_CONTACT' AND "withdrawnAt" IS NULL`,
    [jobSeekerId],
  );
  if (state === 'none') return;
  const period = {
    given: [`now() - interval '30 days'`, 'NULL', 'NULL'],
    withdrawn: [`now() - interval '30 days'`, 'NULL', `now() - interval '1 hour'`],
    expired: [`now() - interval '30 days'`, `now() - interval '1 hour'`, 'NULL'],
    'not yet valid': [`now() + interval '2 days'`, 'NULL', 'NULL'],
  }[state];
  await stack.admin.query(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "validUntil", "recordedById", "withdrawnAt", "withdrawnById", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'EMPLOYER_CONTACT', ${period[0]}, ${period[1]}, $3, ${period[2]}, ${period[2] === 'NULL' ? 'NULL' : '$3::uuid'}, now())`,
    [specialist.organizationId, jobSeekerId, specialist.userId],
  );
}

const CONTACT = `mutation($input: RecordEmployerContactInput!) {
  recordEmployerContact(input: $input) {
    __typename
    ... on ConsentRequiredError { scope }
    ... on ValidationError { issues { field code } }
  }
}`;
const RECORD = `mutation($input: RecordFollowUpMeetingInput!) {
  recordFollowUpMeeting(input: $input) {
    __typename
    ... on ConsentRequiredError { scope }
    ... on ValidationError { issues { field code } }
  }
}`;
const PLAN = `mutation($input: PlanFollowUpMeetingInput!) {
  planFollowUpMeeting(input: $input) {
    __typename
    ... on ConsentRequiredError { scope }
    ... on ValidationError { issues { field code } }
  }
}`;
type Answer = { __typename: string; scope?: string; issues?: unknown[] };

const count = async (sql: string, params: unknown[]) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);
const contacts = () =>
  count('SELECT count(*) AS n FROM employer_contact WHERE "jobSeekerId" = $1', [jobSeekerId]);
const meetings = () =>
  count('SELECT count(*) AS n FROM follow_up_meeting WHERE "jobSeekerId" = $1', [jobSeekerId]);

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const tomorrow = () => new Date(Date.now() + 26 * 3_600_000).toISOString();

async function nameJobSeeker(op: 'contact' | 'meeting held' | 'meeting booked'): Promise<Answer> {
  if (op === 'contact') {
    const res = await stack.gql<{ recordEmployerContact: Answer }>(specialist.email, CONTACT, {
      input: {
        employerId,
        jobSeekerId,
        contactedAt: hourAgo(),
        faceToFace: true,
        purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
      },
    });
    return res.data?.recordEmployerContact as Answer;
  }
  const common = {
    jobSeekerId,
    participants: ['JOB_SEEKER', 'EMPLOYER'],
    faceToFace: true,
    location: 'COMMUNITY',
    durationMinutes: 30,
  };
  if (op === 'meeting held') {
    const res = await stack.gql<{ recordFollowUpMeeting: Answer }>(specialist.email, RECORD, {
      input: { ...common, purpose: 'FOLLOW_ALONG', heldAt: hourAgo() },
    });
    return res.data?.recordFollowUpMeeting as Answer;
  }
  const res = await stack.gql<{ planFollowUpMeeting: Answer }>(specialist.email, PLAN, {
    input: {
      ...common,
      participants: ['JOB_SEEKER'],
      purpose: 'EMPLOYER_MEETING_BEFORE_START',
      plannedAt: tomorrow(),
    },
  });
  return res.data?.planFollowUpMeeting as Answer;
}

const SUCCESS = {
  contact: 'MutationRecordEmployerContactSuccess',
  'meeting held': 'MutationRecordFollowUpMeetingSuccess',
  'meeting booked': 'MutationPlanFollowUpMeetingSuccess',
} as const;

describe('naming a job seeker to an employer needs the employer-contact consent', () => {
  const states: ConsentState[] = ['given', 'withdrawn', 'expired', 'not yet valid', 'none'];
  for (const state of states) {
    for (const op of ['contact', 'meeting held', 'meeting booked'] as const) {
      it(`${op}, consent ${state}`, async () => {
        await setConsent(state);
        const before = { contacts: await contacts(), meetings: await meetings() };
        const answer = await nameJobSeeker(op);
        if (state === 'given') {
          expect(answer.__typename).toBe(SUCCESS[op]);
          expect((await contacts()) + (await meetings())).toBe(before.contacts + before.meetings + 1);
        } else {
          expect(answer).toEqual({ __typename: 'ConsentRequiredError', scope: 'EMPLOYER_CONTACT' });
          expect({ contacts: await contacts(), meetings: await meetings() }).toEqual(before);
        }
      });
    }
  }

  it('without the consent, job development is logged without naming the job seeker, and a meeting without the employer is recorded', async () => {
    await setConsent('withdrawn');
    const before = await count('SELECT count(*) AS n FROM employer_contact WHERE "specialistId" = $1', [
      specialist.userId,
    ]);
    const anonymous = await stack.gql<{ recordEmployerContact: Answer }>(specialist.email, CONTACT, {
      input: { employerId, contactedAt: hourAgo(), faceToFace: true, purpose: 'RELATIONSHIP_BUILDING' },
    });
    expect(anonymous.data?.recordEmployerContact.__typename).toBe('MutationRecordEmployerContactSuccess');
    expect(
      await count(
        'SELECT count(*) AS n FROM employer_contact WHERE "specialistId" = $1 AND "jobSeekerId" IS NULL',
        [specialist.userId],
      ),
    ).toBeGreaterThan(0);
    expect(
      await count('SELECT count(*) AS n FROM employer_contact WHERE "specialistId" = $1', [
        specialist.userId,
      ]),
    ).toBe(before + 1);
    const alone = await stack.gql<{ recordFollowUpMeeting: Answer }>(specialist.email, RECORD, {
      input: {
        jobSeekerId,
        participants: ['JOB_SEEKER'],
        faceToFace: true,
        location: 'COMMUNITY',
        durationMinutes: 30,
        purpose: 'FOLLOW_ALONG',
        heldAt: hourAgo(),
      },
    });
    expect(alone.data?.recordFollowUpMeeting.__typename).toBe('MutationRecordFollowUpMeetingSuccess');
  });

  it('a colleague is refused even with the consent given (the own specialist names the job seeker)', async () => {
    await setConsent('given');
    const colleague = await userWith(
      stack.admin,
      'JOB_SPECIALIST',
      `m."organizationId" = '${specialist.organizationId}' AND m."userId" <> '${specialist.userId}'`,
    );
    const before = await contacts();
    const res = await stack.gql(colleague.email, CONTACT, {
      input: {
        employerId,
        jobSeekerId,
        contactedAt: hourAgo(),
        faceToFace: true,
        purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
      },
    });
    const answer = (res.data as { recordEmployerContact?: Answer } | undefined)?.recordEmployerContact;
    // Not readable for the colleague: not found; readable (team consent): forbidden. Never written.
    expect(answer?.__typename === 'NotFoundError' || res.errors?.[0]?.extensions?.code === 'FORBIDDEN').toBe(
      true,
    );
    expect(await contacts()).toBe(before);
  });

  it('JobSeeker.employerContactConsent: true only while the consent is in force, and only for a reader of the consents', async () => {
    const read = async (as: string) => {
      const res = await stack.gql<{ jobSeeker: { employerContactConsent: boolean } | null }>(
        as,
        `{ jobSeeker(id: "${jobSeekerId}") { employerContactConsent } }`,
      );
      return res.data?.jobSeeker?.employerContactConsent ?? null;
    };
    for (const state of ['given', 'withdrawn', 'expired', 'not yet valid', 'none'] as const) {
      await setConsent(state);
      expect({ state, value: await read(specialist.email) }).toEqual({ state, value: state === 'given' });
    }
    await setConsent('given');
    // A leader of the same organisation reads no case (null), never the consent.
    const leader = await userWith(
      stack.admin,
      'HEALTH_SERVICE_LEADER',
      `m."organizationId" = '${specialist.organizationId}'`,
    );
    expect(await read(leader.email)).not.toBe(true);
  });

  it('row-level security refuses the insert without the consent, below the API', async () => {
    const insert = async () => {
      const c = new pg.Client({ connectionString: stack.db.appUrl });
      await c.connect();
      try {
        await c.query('BEGIN');
        await c.query("SELECT set_config('app.user_id', $1, true), set_config('app.org_ids', $2, true)", [
          specialist.userId,
          specialist.organizationId,
        ]);
        const attempt = async (sql: string) => {
          await c.query('SAVEPOINT s');
          try {
            await c.query(sql, [specialist.organizationId, jobSeekerId, specialist.userId, employerId]);
            await c.query('RELEASE SAVEPOINT s');
            return 'written';
          } catch (error) {
            await c.query('ROLLBACK TO SAVEPOINT s');
            return (error as { code?: string }).code === '42501' ? 'refused' : String(error);
          }
        };
        return {
          contact: await attempt(
            `INSERT INTO employer_contact (id, "organizationId", "jobSeekerId", "specialistId", "employerId", "contactedAt", "faceToFace", purpose)
             VALUES (gen_random_uuid(), $1, $2, $3, $4, now(), true, 'JOB_DEVELOPMENT_FOR_JOB_SEEKER')`,
          ),
          meeting: await attempt(
            `INSERT INTO follow_up_meeting (id, "organizationId", "jobSeekerId", "specialistId", purpose, "scheduledAt", participants, "faceToFace", location, "durationMinutes")
             SELECT gen_random_uuid(), $1, $2, $3, 'FOLLOW_ALONG', now(), ARRAY['JOB_SEEKER','EMPLOYER']::"MeetingParticipant"[], true, 'COMMUNITY', 30 WHERE $4::uuid IS NOT NULL`,
          ),
          anonymous: await attempt(
            `INSERT INTO employer_contact (id, "organizationId", "specialistId", "employerId", "contactedAt", "faceToFace", purpose)
             SELECT gen_random_uuid(), $1, $3, $4, now(), true, 'RELATIONSHIP_BUILDING' WHERE $2::uuid IS NOT NULL`,
          ),
        };
      } finally {
        await c.query('ROLLBACK');
        await c.end();
      }
    };
    await setConsent('expired');
    expect(await insert()).toEqual({ contact: 'refused', meeting: 'refused', anonymous: 'written' });
    await setConsent('given');
    expect(await insert()).toEqual({ contact: 'written', meeting: 'written', anonymous: 'written' });
  });
});
