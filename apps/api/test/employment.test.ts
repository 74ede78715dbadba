/** Job starts and ends over HTTP: competitive work vs work practice, the deadlines, phases, NAV's view. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };
let jobSeekerId: string;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // A specialist with both a job seeker in job search and a discharged one, referred before the
  // fixed dates of these tests (the demo data is generated around today, so pick by what it holds).
  const referred = (phase: string) =>
    `EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = u.id AND j.phase = '${phase}' AND j."referralDate" <= '2026-11-01')`;
  specialist = await userWith(
    stack.admin,
    'JOB_SPECIALIST',
    `${referred('JOB_SEARCH')} AND ${referred('DISCHARGED')}`,
  );
  const { rows } = await stack.admin.query<{ id: string }>(
    `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 AND phase = 'JOB_SEARCH' AND "referralDate" <= '2026-11-01' ORDER BY id LIMIT 1`,
    [specialist.userId],
  );
  jobSeekerId = rows[0]?.id as string;
  if (!jobSeekerId)
    throw new Error(
      'the demo data has no own job seeker in job search referred before the fixed dates of this test',
    );
});
afterAll(async () => {
  await stack?.close();
});

const START = `mutation($input: RecordJobStartInput!) {
  recordJobStart(input: $input) {
    __typename
    ... on MutationRecordJobStartSuccess { data { id kind competitive version } }
    ... on ValidationError { issues { field code } }
  }
}`;
const END = `mutation($input: EndEmploymentInput!) {
  endEmployment(input: $input) {
    __typename
    ... on MutationEndEmploymentSuccess { data { endDate endedBy version } }
    ... on ValidationError { issues { field code } }
    ... on ConflictError { currentVersion }
  }
}`;
type Result = {
  __typename: string;
  data?: { id: string; kind?: string; competitive?: boolean; version: number };
  issues?: { field: string; code: string }[];
};
const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);
const phase = async () =>
  (
    await stack.admin.query<{ phase: string }>('SELECT phase::text FROM job_seeker WHERE id = $1', [
      jobSeekerId,
    ])
  ).rows[0]?.phase;
const openTasks = async () =>
  (
    await stack.admin.query<{ rule: string; dueOn: string }>(
      `SELECT rule::text, to_char("dueOn", 'YYYY-MM-DD') AS "dueOn" FROM task WHERE "jobSeekerId" = $1 AND status = 'OPEN' AND rule <> 'FIRST_EMPLOYER_CONTACT' ORDER BY rule`,
      [jobSeekerId],
    )
  ).rows;

const job = (overrides: Record<string, unknown> = {}) => ({
  jobSeekerId,
  kind: 'ORDINARY_JOB',
  jobTitle: 'Butikkmedarbeider',
  jobType: '5223',
  startDate: '2026-11-23',
  hoursPerWeek: 20,
  hourlyWage: 215,
  openLabourMarket: true,
  atLeastMinimumWage: true,
  openToAnyone: true,
  employerMeetingWanted: true,
  ...overrides,
});

describe('jobs', () => {
  it('refuses a job or study start before the referral with a typed error, writing nothing', async () => {
    const referral = (
      await stack.admin.query<{ day: string; before: string }>(
        `SELECT to_char("referralDate", 'YYYY-MM-DD') AS day,
                to_char("referralDate" - 1, 'YYYY-MM-DD') AS before FROM job_seeker WHERE id = $1`,
        [jobSeekerId],
      )
    ).rows[0];
    const rowsBefore = await count(
      `SELECT (SELECT count(*) FROM employment WHERE "jobSeekerId" = $1) + (SELECT count(*) FROM study WHERE "jobSeekerId" = $1) + (SELECT count(*) FROM task WHERE "jobSeekerId" = $1) AS n`,
      [jobSeekerId],
    );
    const early = await stack.gql<{ recordJobStart: Result }>(specialist.email, START, {
      input: job({ startDate: referral?.before }),
    });
    expect(early.data?.recordJobStart).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'startDate', code: 'BEFORE_REFERRAL' }],
    });
    const earlyStudy = await stack.gql<{ recordStudyStart: Result }>(
      specialist.email,
      `mutation($input: RecordStudyStartInput!) { recordStudyStart(input: $input) { __typename ... on ValidationError { issues { field code } } } }`,
      {
        input: {
          jobSeekerId,
          institution: 'OsloMet',
          programme: 'Bachelor i sosialt arbeid',
          startDate: referral?.before,
        },
      },
    );
    expect(earlyStudy.data?.recordStudyStart).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'startDate', code: 'BEFORE_REFERRAL' }],
    });
    expect(await phase()).toBe('JOB_SEARCH');
    expect(
      await count(
        `SELECT (SELECT count(*) FROM employment WHERE "jobSeekerId" = $1) + (SELECT count(*) FROM study WHERE "jobSeekerId" = $1) + (SELECT count(*) FROM task WHERE "jobSeekerId" = $1) AS n`,
        [jobSeekerId],
      ),
    ).toBe(rowsBefore);
  });

  it('refuses a job or study start for a discharged job seeker, writing nothing', async () => {
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 AND phase = 'DISCHARGED' AND "referralDate" <= '2026-11-01' ORDER BY id LIMIT 1`,
      [specialist.userId],
    );
    const dischargedId = rows[0]?.id;
    if (!dischargedId) throw new Error('the demo data has no discharged job seeker of this specialist');
    const writes = () =>
      count(
        `SELECT (SELECT count(*) FROM employment WHERE "jobSeekerId" = $1) + (SELECT count(*) FROM study WHERE "jobSeekerId" = $1) + (SELECT count(*) FROM task WHERE "jobSeekerId" = $1 AND status = 'OPEN') AS n`,
        [dischargedId],
      );
    const before = await writes();
    const jobStart = await stack.gql<{ recordJobStart: Result }>(specialist.email, START, {
      input: job({ jobSeekerId: dischargedId }),
    });
    expect(jobStart.data?.recordJobStart).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'jobSeekerId', code: 'DISCHARGED' }],
    });
    const studyStart = await stack.gql<{ recordStudyStart: Result }>(
      specialist.email,
      `mutation($input: RecordStudyStartInput!) { recordStudyStart(input: $input) { __typename ... on ValidationError { issues { field code } } } }`,
      {
        input: {
          jobSeekerId: dischargedId,
          institution: 'OsloMet',
          programme: 'Bachelor i sosialt arbeid',
          startDate: '2026-11-23',
        },
      },
    );
    expect(studyStart.data?.recordStudyStart).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'jobSeekerId', code: 'DISCHARGED' }],
    });
    expect(await writes()).toBe(before);
  });

  it('records work practice without making it a job start', async () => {
    const res = await stack.gql<{ recordJobStart: Result }>(specialist.email, START, {
      input: job({
        kind: 'WORK_PRACTICE',
        hourlyWage: null,
        atLeastMinimumWage: false,
        employerMeetingWanted: false,
      }),
    });
    expect(res.data?.recordJobStart).toMatchObject({ data: { kind: 'WORK_PRACTICE', competitive: false } });
    expect(await phase()).toBe('JOB_SEARCH');
    expect(await openTasks()).toEqual([]);
  });
});

describe('jobs: starts, ends and what NAV sees', () => {
  it('a competitive job start moves the job seeker to EMPLOYED and opens the follow-up deadlines', async () => {
    const res = await stack.gql<{ recordJobStart: Result }>(specialist.email, START, { input: job() });
    expect(res.data?.recordJobStart).toMatchObject({
      data: { kind: 'ORDINARY_JOB', competitive: true, version: 1 },
    });
    expect(await phase()).toBe('EMPLOYED');
    expect(await openTasks()).toEqual([
      { rule: 'EMPLOYER_MEETING_BEFORE_START', dueOn: '2026-11-22' },
      { rule: 'FIRST_FOLLOW_UP_AFTER_START', dueOn: '2026-11-26' },
    ]);
  });

  it('refuses an end before the start and a stale version, writing nothing; a real end opens the 3-day contact', async () => {
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT id FROM employment WHERE "jobSeekerId" = $1 AND kind = 'ORDINARY_JOB' AND "endDate" IS NULL`,
      [jobSeekerId],
    );
    const employmentId = rows[0]?.id as string;
    const input = {
      employmentId,
      version: 1,
      endDate: '2026-12-01',
      learnedOn: '2026-12-02',
      endedBy: 'EMPLOYER',
      reason: 'Prøvetiden ble ikke forlenget',
    };
    const backwards = await stack.gql<{ endEmployment: Result }>(specialist.email, END, {
      input: { ...input, endDate: '2026-11-01' },
    });
    expect(backwards.data?.endEmployment.issues).toContainEqual({
      field: 'endDate',
      code: 'END_BEFORE_START',
    });
    const stale = await stack.gql<{ endEmployment: Result }>(specialist.email, END, {
      input: { ...input, version: 4 },
    });
    expect(stale.data?.endEmployment.__typename).toBe('ConflictError');
    expect(
      await count('SELECT count(*) AS n FROM employment WHERE id = $1 AND "endDate" IS NULL', [employmentId]),
    ).toBe(1);

    const ended = await stack.gql<{ endEmployment: Result }>(specialist.email, END, { input });
    expect(ended.data?.endEmployment.__typename).toBe('MutationEndEmploymentSuccess');
    expect(await phase()).toBe('JOB_SEARCH');
    expect(await openTasks()).toEqual([{ rule: 'CONTACT_AFTER_JOB_END', dueOn: '2026-12-05' }]);
  });

  it('NAV sees employments only with the EMPLOYMENT_STATUS scope', async () => {
    const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string; scopes: string[] }>(
      `SELECT u.email, g."jobSeekerId", g.scopes::text[] AS scopes
       FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
       JOIN membership m ON m."organizationId" = g."navOfficeId" AND m.role = 'NAV_COUNSELLOR' AND (g."counsellorId" IS NULL OR g."counsellorId" = m."userId")
       JOIN app_user u ON u.id = m."userId"
       WHERE g."revokedAt" IS NULL AND (g."validUntil" IS NULL OR g."validUntil" > now()) AND c."withdrawnAt" IS NULL
         AND (c."validUntil" IS NULL OR c."validUntil" > now())
         AND EXISTS (SELECT 1 FROM employment e WHERE e."jobSeekerId" = g."jobSeekerId")
         AND NOT EXISTS (SELECT 1 FROM nav_sharing_grant g2 WHERE g2."jobSeekerId" = g."jobSeekerId" AND g2.id <> g.id)`,
    );
    const withScope = rows.find((r) => r.scopes.includes('EMPLOYMENT_STATUS'));
    if (!withScope)
      throw new Error('no NAV grant with EMPLOYMENT_STATUS over a job seeker with jobs in the demo data');
    const query = (id: string) => `{ jobSeeker(id: "${id}") { employments { jobTitle competitive } } }`;
    const seen = await stack.gql<{ jobSeeker: { employments: unknown[] } }>(
      withScope.email,
      query(withScope.jobSeekerId),
    );
    expect(seen.data?.jobSeeker.employments.length).toBeGreaterThan(0);
    // the same job seeker's employments once the scope is removed from the grant
    await stack.admin.query(
      `UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS}' WHERE "jobSeekerId" = $1`,
      [withScope.jobSeekerId],
    );
    const hidden = await stack.gql<{ jobSeeker: { employments: unknown[] } }>(
      withScope.email,
      query(withScope.jobSeekerId),
    );
    expect(hidden.data?.jobSeeker.employments).toEqual([]);
  });
});

describe('follow-up meetings', () => {
  const MEET = `mutation($input: RecordFollowUpMeetingInput!) {
    recordFollowUpMeeting(input: $input) { __typename ... on ValidationError { issues { field code } } }
  }`;
  it('a face-to-face follow-up fulfils the job-end contact; a remote one does not; contradictions are typed', async () => {
    const base = {
      jobSeekerId,
      purpose: 'JOB_END_FOLLOW_UP',
      heldAt: new Date(Date.now() - 3_600_000).toISOString(),
      participants: ['JOB_SEEKER'],
      durationMinutes: 45,
    };
    const contradiction = await stack.gql<{ recordFollowUpMeeting: Result }>(specialist.email, MEET, {
      input: { ...base, faceToFace: true, location: 'REMOTE' },
    });
    expect(contradiction.data?.recordFollowUpMeeting.issues).toEqual([
      { field: 'location', code: 'CONTRADICTION' },
    ]);
    const phone = await stack.gql<{ recordFollowUpMeeting: Result }>(specialist.email, MEET, {
      input: { ...base, faceToFace: false, location: 'REMOTE' },
    });
    expect(phone.data?.recordFollowUpMeeting.__typename).toBe('MutationRecordFollowUpMeetingSuccess');
    expect(await openTasks()).toEqual([{ rule: 'CONTACT_AFTER_JOB_END', dueOn: '2026-12-05' }]);
    const community = `SELECT count(*) AS n FROM follow_up_meeting WHERE "jobSeekerId" = $1 AND location = 'COMMUNITY' AND "faceToFace"`;
    const before = await count(community, [jobSeekerId]);
    const met = await stack.gql<{ recordFollowUpMeeting: Result }>(specialist.email, MEET, {
      input: { ...base, faceToFace: true, location: 'COMMUNITY' },
    });
    expect(met.data?.recordFollowUpMeeting.__typename).toBe('MutationRecordFollowUpMeetingSuccess');
    expect(await openTasks()).toEqual([]);
    expect(await count(community, [jobSeekerId])).toBe(before + 1);
  });
});
