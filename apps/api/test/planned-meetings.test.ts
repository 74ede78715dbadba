/**
 * Planning ahead (issue 15 item 10, ADR 0016) over HTTP: a follow-up meeting booked ahead is PLANNED,
 * counts under "meetings today" and in "my planned meetings", fulfils no duty until it is recorded
 * as held, and can be cancelled; only the job seeker's own specialist plans, records or cancels.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };
let jobSeekerId: string;
let employmentId: string;

const osloToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const FIELDS = `__typename
  ... on ValidationError { issues { field code } }
  ... on NotFoundError { entity }`;
const PLAN = `mutation($input: PlanFollowUpMeetingInput!) {
  planFollowUpMeeting(input: $input) { ${FIELDS} ... on MutationPlanFollowUpMeetingSuccess { data { id status scheduledAt } } }
}`;
const RECORD = `mutation($input: RecordFollowUpMeetingInput!) {
  recordFollowUpMeeting(input: $input) { ${FIELDS} ... on MutationRecordFollowUpMeetingSuccess { data { id status summary } } }
}`;
const CANCEL = `mutation($input: CancelFollowUpMeetingInput!) {
  cancelFollowUpMeeting(input: $input) { ${FIELDS} ... on MutationCancelFollowUpMeetingSuccess { data { id status } } }
}`;
const TODAY = `{ myMeetingsToday myPlannedMeetings { id status scheduledAt jobSeeker { id } } }`;

type Result = {
  __typename: string;
  data?: { id: string; status: string };
  issues?: { field: string; code: string }[];
  entity?: string;
};

const meeting = (overrides: Record<string, unknown> = {}) => ({
  jobSeekerId,
  employmentId,
  purpose: 'FOLLOW_ALONG',
  participants: ['JOB_SEEKER'],
  faceToFace: true,
  location: 'COMMUNITY',
  durationMinutes: 45,
  ...overrides,
});
const openFollowUpTasks = async () =>
  Number(
    (
      await stack.admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND rule = 'FIRST_FOLLOW_UP_AFTER_START' AND status = 'OPEN'`,
        [jobSeekerId],
      )
    ).rows[0]?.n,
  );

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  const mine = `EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = u.id AND j.phase = 'JOB_SEARCH' AND j."referralDate" < current_date - 7)
    AND EXISTS (SELECT 1 FROM team_member tm WHERE tm."userId" = u.id AND tm."leftOn" IS NULL)`;
  specialist = await userWith(stack.admin, 'JOB_SPECIALIST', mine);
  jobSeekerId = (
    await stack.admin.query<{ id: string }>(
      `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 AND phase = 'JOB_SEARCH' AND "referralDate" < current_date - 7 ORDER BY id LIMIT 1`,
      [specialist.userId],
    )
  ).rows[0]?.id as string;
  // A job start today opens the first follow-up within three days (seed 000 §7).
  const start = await stack.gql<{ recordJobStart: Result }>(
    specialist.email,
    `mutation($input: RecordJobStartInput!) { recordJobStart(input: $input) { __typename ... on MutationRecordJobStartSuccess { data { id } } ... on ValidationError { issues { field code } } } }`,
    {
      input: {
        jobSeekerId,
        kind: 'ORDINARY_JOB',
        jobTitle: 'Lagermedarbeider',
        jobType: '9321',
        startDate: osloToday(),
        hoursPerWeek: 20,
        hourlyWage: 220,
        openLabourMarket: true,
        atLeastMinimumWage: true,
        openToAnyone: true,
        employerMeetingWanted: false,
      },
    },
  );
  employmentId = start.data?.recordJobStart.data?.id as string;
  if (!employmentId) throw new Error(`no job start: ${JSON.stringify(start)}`);
});
afterAll(async () => {
  await stack?.close();
});

describe('planned follow-up meetings', () => {
  it('a booking counts under meetings today and in my planned meetings, and closes its duty only when recorded as held', async () => {
    expect(await openFollowUpTasks()).toBe(1);
    const before = await stack.gql<{ myMeetingsToday: number }>(specialist.email, TODAY);
    const plannedAt = new Date().toISOString();
    const plan = await stack.gql<{ planFollowUpMeeting: Result }>(specialist.email, PLAN, {
      input: meeting({ plannedAt }),
    });
    expect(plan.data?.planFollowUpMeeting.data?.status).toBe('PLANNED');
    const id = plan.data?.planFollowUpMeeting.data?.id as string;
    const during = await stack.gql<{
      myMeetingsToday: number;
      myPlannedMeetings: { id: string; jobSeeker: { id: string } }[];
    }>(specialist.email, TODAY);
    expect(during.data?.myMeetingsToday).toBe((before.data?.myMeetingsToday ?? 0) + 1);
    expect(during.data?.myPlannedMeetings.map((m) => m.id)).toContain(id);
    // Planned is not held: the duty stays open.
    expect(await openFollowUpTasks()).toBe(1);

    const held = await stack.gql<{ recordFollowUpMeeting: Result }>(specialist.email, RECORD, {
      input: { ...meeting({ heldAt: plannedAt, summary: 'Første uke gikk fint.' }), plannedMeetingId: id },
    });
    expect(held.data?.recordFollowUpMeeting.data).toMatchObject({ id, status: 'HELD' });
    expect(await openFollowUpTasks()).toBe(0);
    const after = await stack.gql<{ myMeetingsToday: number; myPlannedMeetings: { id: string }[] }>(
      specialist.email,
      TODAY,
    );
    expect(after.data?.myMeetingsToday).toBe(before.data?.myMeetingsToday);
    expect(after.data?.myPlannedMeetings.map((m) => m.id)).not.toContain(id);
    // One booking is recorded once.
    const again = await stack.gql<{ recordFollowUpMeeting: Result }>(specialist.email, RECORD, {
      input: { ...meeting({ heldAt: plannedAt }), plannedMeetingId: id },
    });
    expect(again.data?.recordFollowUpMeeting.issues).toEqual([
      { field: 'plannedMeetingId', code: 'NOT_OPEN' },
    ]);
    expect(
      Number(
        (await stack.admin.query(`SELECT count(*) AS n FROM follow_up_meeting WHERE id = $1`, [id])).rows[0]
          ?.n,
      ),
    ).toBe(1);
  });

  it('is booked from today on, and refuses a contradiction', async () => {
    const past = await stack.gql<{ planFollowUpMeeting: Result }>(specialist.email, PLAN, {
      input: meeting({ plannedAt: `${addDays(osloToday(), -2)}T10:00:00Z` }),
    });
    expect(past.data?.planFollowUpMeeting.issues).toEqual([{ field: 'plannedAt', code: 'IN_PAST' }]);
    const remote = await stack.gql<{ planFollowUpMeeting: Result }>(specialist.email, PLAN, {
      input: meeting({ plannedAt: `${addDays(osloToday(), 5)}T10:00:00Z`, location: 'REMOTE' }),
    });
    expect(remote.data?.planFollowUpMeeting.issues).toEqual([{ field: 'location', code: 'CONTRADICTION' }]);
  });

  it('is cancelled once, and then neither planned nor held', async () => {
    const plan = await stack.gql<{ planFollowUpMeeting: Result }>(specialist.email, PLAN, {
      input: meeting({ plannedAt: `${addDays(osloToday(), 7)}T09:00:00Z` }),
    });
    const id = plan.data?.planFollowUpMeeting.data?.id as string;
    const cancel = await stack.gql<{ cancelFollowUpMeeting: Result }>(specialist.email, CANCEL, {
      input: { meetingId: id },
    });
    expect(cancel.data?.cancelFollowUpMeeting.data?.status).toBe('CANCELLED');
    const twice = await stack.gql<{ cancelFollowUpMeeting: Result }>(specialist.email, CANCEL, {
      input: { meetingId: id },
    });
    expect(twice.data?.cancelFollowUpMeeting.issues).toEqual([{ field: 'meetingId', code: 'NOT_OPEN' }]);
    const record = await stack.gql<{ recordFollowUpMeeting: Result }>(specialist.email, RECORD, {
      input: { ...meeting({ heldAt: new Date().toISOString() }), plannedMeetingId: id },
    });
    expect(record.data?.recordFollowUpMeeting.issues).toEqual([
      { field: 'plannedMeetingId', code: 'NOT_OPEN' },
    ]);
  });

  it('only the own specialist plans or cancels (same team, other tenant: refused, nothing written)', async () => {
    const plan = await stack.gql<{ planFollowUpMeeting: Result }>(specialist.email, PLAN, {
      input: meeting({ plannedAt: `${addDays(osloToday(), 3)}T09:00:00Z` }),
    });
    const id = plan.data?.planFollowUpMeeting.data?.id as string;
    const colleague = await userWith(
      stack.admin,
      'JOB_SPECIALIST',
      `u.id <> '${specialist.userId}' AND EXISTS (SELECT 1 FROM team_member a JOIN team_member b ON a."teamId" = b."teamId"
         WHERE a."userId" = u.id AND b."userId" = '${specialist.userId}')`,
    );
    const stranger = await userWith(
      stack.admin,
      'JOB_SPECIALIST',
      `m."organizationId" <> '${specialist.organizationId}'`,
    );
    const count = async () =>
      Number(
        (
          await stack.admin.query(
            `SELECT count(*) AS n FROM follow_up_meeting WHERE "jobSeekerId" = $1 AND status = 'PLANNED'`,
            [jobSeekerId],
          )
        ).rows[0]?.n,
      );
    const before = await count();
    for (const who of [colleague, stranger]) {
      const theirs = await stack.gql<{ planFollowUpMeeting: Result }>(who.email, PLAN, {
        input: meeting({ plannedAt: `${addDays(osloToday(), 3)}T09:00:00Z` }),
      });
      const outcome = theirs.data?.planFollowUpMeeting?.__typename ?? theirs.errors?.[0]?.extensions?.code;
      expect(['NotFoundError', 'FORBIDDEN']).toContain(outcome);
      const cancel = await stack.gql<{ cancelFollowUpMeeting: Result }>(who.email, CANCEL, {
        input: { meetingId: id },
      });
      expect(cancel.data?.cancelFollowUpMeeting.__typename).toBe('NotFoundError');
    }
    expect(await count()).toBe(before);
  });
});
