/** Employers and employer contacts over HTTP: validation, deduplication, and the deadline they fulfil. */
import { generateOrganizationNumber } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // A specialist with an own job seeker whose first-employer-contact deadline is still open.
  specialist = await userWith(
    stack.admin,
    'JOB_SPECIALIST',
    `EXISTS (SELECT 1 FROM task t JOIN job_seeker j ON j.id = t."jobSeekerId" WHERE j."currentSpecialistId" = m."userId"
       AND t.rule = 'FIRST_EMPLOYER_CONTACT' AND t.status = 'OPEN')`,
  );
});
afterAll(async () => {
  await stack?.close();
});

const REGISTER = `mutation($input: RegisterEmployerInput!) {
  registerEmployer(input: $input) {
    __typename
    ... on MutationRegisterEmployerSuccess { data { id name organizationNumber } }
    ... on ValidationError { issues { field code } }
  }
}`;
const CONTACT = `mutation($input: RecordEmployerContactInput!) {
  recordEmployerContact(input: $input) {
    __typename
    ... on MutationRecordEmployerContactSuccess { data { id faceToFace employer { name } } }
    ... on ValidationError { issues { field code } }
    ... on NotFoundError { entity }
  }
}`;
type Result = {
  __typename: string;
  data?: { id: string; organizationNumber?: string };
  issues?: { field: string; code: string }[];
  entity?: string;
};
const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

describe('employers', () => {
  it('validates the organisation number and deduplicates per organisation', async () => {
    const number = generateOrganizationNumber(39000102) as string;
    const input = {
      organizationId: specialist.organizationId,
      name: 'Kafé Nordlys AS',
      organizationNumber: number,
      industryCode: '56.1',
    };
    const bad = await stack.gql<{ registerEmployer: Result }>(specialist.email, REGISTER, {
      input: { ...input, organizationNumber: `${number.slice(0, 8)}${(Number(number[8]) + 1) % 10}` },
    });
    expect(bad.data?.registerEmployer.issues).toEqual([{ field: 'organizationNumber', code: 'CHECKSUM' }]);
    const first = await stack.gql<{ registerEmployer: Result }>(specialist.email, REGISTER, { input });
    const again = await stack.gql<{ registerEmployer: Result }>(specialist.email, REGISTER, {
      input: {
        ...input,
        organizationNumber: `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`,
      },
    });
    expect(first.data?.registerEmployer.data?.organizationNumber).toBe(number);
    expect(again.data?.registerEmployer.data?.id).toBe(first.data?.registerEmployer.data?.id);
    expect(await count('SELECT count(*) AS n FROM employer WHERE "organizationNumber" = $1', [number])).toBe(
      1,
    );
  });

  it('is job development: not for health-service leaders', async () => {
    const leader = await userWith(
      stack.admin,
      'HEALTH_SERVICE_LEADER',
      `m."organizationId" = '${specialist.organizationId}'`,
    );
    const res = await stack.gql(leader.email, REGISTER, {
      input: { organizationId: specialist.organizationId, name: 'X AS' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('employer contacts', () => {
  it('a face-to-face contact for an own job seeker fulfils the first-employer-contact deadline; a phone call does not', async () => {
    const { rows } = await stack.admin.query<{ jobSeekerId: string; employerId: string }>(
      `SELECT t."jobSeekerId", (SELECT e.id FROM employer e WHERE e."organizationId" = j."organizationId" LIMIT 1) AS "employerId"
       FROM task t JOIN job_seeker j ON j.id = t."jobSeekerId"
       WHERE j."currentSpecialistId" = $1 AND t.rule = 'FIRST_EMPLOYER_CONTACT' AND t.status = 'OPEN' ORDER BY j.id LIMIT 1`,
      [specialist.userId],
    );
    const { jobSeekerId, employerId } = rows[0] as { jobSeekerId: string; employerId: string };
    // Naming the job seeker to an employer needs their employer-contact consent (seed 000 §3).
    await stack.admin.query(
      `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
       SELECT gen_random_uuid(), "organizationId", id, 'EMPLOYER_CONTACT', now() - interval '1 day', $2, now()
       FROM job_seeker WHERE id = $1`,
      [jobSeekerId, specialist.userId],
    );
    const base = {
      employerId,
      jobSeekerId,
      purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
      contactedAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    const phone = await stack.gql<{ recordEmployerContact: Result }>(specialist.email, CONTACT, {
      input: { ...base, faceToFace: false },
    });
    expect(phone.data?.recordEmployerContact.__typename).toBe('MutationRecordEmployerContactSuccess');
    const open = `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND rule = 'FIRST_EMPLOYER_CONTACT' AND status = 'OPEN'`;
    expect(await count(open, [jobSeekerId])).toBe(1);
    const met = await stack.gql<{ recordEmployerContact: Result }>(specialist.email, CONTACT, {
      input: { ...base, faceToFace: true, outcome: 'FOLLOW_UP_AGREED' },
    });
    expect(met.data?.recordEmployerContact.__typename).toBe('MutationRecordEmployerContactSuccess');
    expect(await count(open, [jobSeekerId])).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND rule = 'FIRST_EMPLOYER_CONTACT' AND status = 'DONE'`,
        [jobSeekerId],
      ),
    ).toBe(1);
  });

  it('gives typed errors (no named job seeker, a future time, a foreign employer) and writes nothing', async () => {
    const employerId = (
      await stack.admin.query<{ id: string }>('SELECT id FROM employer WHERE "organizationId" = $1 LIMIT 1', [
        specialist.organizationId,
      ])
    ).rows[0]?.id;
    const foreign = (
      await stack.admin.query<{ id: string }>(
        'SELECT id FROM employer WHERE "organizationId" <> $1 LIMIT 1',
        [specialist.organizationId],
      )
    ).rows[0]?.id;
    const before = await count('SELECT count(*) AS n FROM employer_contact');
    const now = new Date().toISOString();
    const noSeeker = await stack.gql<{ recordEmployerContact: Result }>(specialist.email, CONTACT, {
      input: { employerId, contactedAt: now, faceToFace: true, purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER' },
    });
    expect(noSeeker.data?.recordEmployerContact.issues).toContainEqual({
      field: 'jobSeekerId',
      code: 'REQUIRED',
    });
    const future = await stack.gql<{ recordEmployerContact: Result }>(specialist.email, CONTACT, {
      input: {
        employerId,
        contactedAt: '2099-01-01T10:00:00Z',
        faceToFace: true,
        purpose: 'RELATIONSHIP_BUILDING',
      },
    });
    expect(future.data?.recordEmployerContact.issues).toContainEqual({
      field: 'contactedAt',
      code: 'IN_FUTURE',
    });
    const other = await stack.gql<{ recordEmployerContact: Result }>(specialist.email, CONTACT, {
      input: { employerId: foreign, contactedAt: now, faceToFace: true, purpose: 'RELATIONSHIP_BUILDING' },
    });
    expect(other.data?.recordEmployerContact).toEqual({ __typename: 'NotFoundError', entity: 'Employer' });
    expect(await count('SELECT count(*) AS n FROM employer_contact')).toBe(before);
  });

  it('a contact about a colleague’s job seeker is refused, even when the case may be read', async () => {
    const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string; employerId: string }>(
      `SELECT u.email, j.id AS "jobSeekerId", (SELECT e.id FROM employer e WHERE e."organizationId" = j."organizationId" LIMIT 1) AS "employerId"
       FROM job_seeker j
       JOIN team_member tm ON tm."teamId" = j."teamId" AND tm."userId" <> j."currentSpecialistId" AND tm.role = 'JOB_SPECIALIST'
       JOIN membership m ON m."userId" = tm."userId" AND m."organizationId" = j."organizationId" AND m.role = 'JOB_SPECIALIST'
       JOIN app_user u ON u.id = tm."userId"
       WHERE EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION'
         AND c."withdrawnAt" IS NULL AND (c."validUntil" IS NULL OR c."validUntil" > now()))
       LIMIT 1`,
    );
    const row = rows[0] as { email: string; jobSeekerId: string; employerId: string };
    const before = await count('SELECT count(*) AS n FROM employer_contact WHERE "jobSeekerId" = $1', [
      row.jobSeekerId,
    ]);
    const res = await stack.gql(row.email, CONTACT, {
      input: {
        employerId: row.employerId,
        jobSeekerId: row.jobSeekerId,
        contactedAt: new Date().toISOString(),
        faceToFace: true,
        purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      await count('SELECT count(*) AS n FROM employer_contact WHERE "jobSeekerId" = $1', [row.jobSeekerId]),
    ).toBe(before);
  });
});

describe('job applications', () => {
  const RECORD = `mutation($input: RecordApplicationInput!) { recordApplication(input: $input) { __typename ... on MutationRecordApplicationSuccess { data { id version status } } ... on ValidationError { issues { field code } } } }`;
  const STATUS = `mutation($input: UpdateApplicationStatusInput!) { updateApplicationStatus(input: $input) { __typename ... on ConflictError { currentVersion } ... on MutationUpdateApplicationStatusSuccess { data { status version } } } }`;
  it('records an application for an own job seeker, follows its status with versions, and refuses a future date', async () => {
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 ORDER BY id LIMIT 1`,
      [specialist.userId],
    );
    const jobSeekerId = rows[0]?.id as string;
    const base = { jobSeekerId, position: 'Butikkmedarbeider', source: 'JOB_DEVELOPMENT', status: 'SENT' };
    const future = await stack.gql<{ recordApplication: { issues: unknown[] } }>(specialist.email, RECORD, {
      input: { ...base, appliedOn: '2099-01-01' },
    });
    expect(future.data?.recordApplication.issues).toEqual([{ field: 'appliedOn', code: 'IN_FUTURE' }]);
    const created = await stack.gql<{ recordApplication: { data: { id: string; version: number } } }>(
      specialist.email,
      RECORD,
      { input: { ...base, appliedOn: '2026-11-20' } },
    );
    const id = created.data?.recordApplication.data.id as string;
    const stale = await stack.gql<{ updateApplicationStatus: { __typename: string } }>(
      specialist.email,
      STATUS,
      { input: { id, version: 3, status: 'INTERVIEW' } },
    );
    expect(stale.data?.updateApplicationStatus.__typename).toBe('ConflictError');
    const moved = await stack.gql<{ updateApplicationStatus: { data: { status: string; version: number } } }>(
      specialist.email,
      STATUS,
      { input: { id, version: 1, status: 'INTERVIEW' } },
    );
    expect(moved.data?.updateApplicationStatus.data).toEqual({ status: 'INTERVIEW', version: 2 });
    const list = await stack.gql<{ jobSeeker: { applications: { position: string; status: string }[] } }>(
      specialist.email,
      `{ jobSeeker(id: "${jobSeekerId}") { applications { position status } } }`,
    );
    expect(list.data?.jobSeeker.applications).toContainEqual({
      position: 'Butikkmedarbeider',
      status: 'INTERVIEW',
    });
  });
});
