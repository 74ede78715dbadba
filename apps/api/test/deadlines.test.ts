/** My deadlines and my team's deadlines over HTTP, and the consent-expiry warning. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
});
afterAll(async () => {
  await stack?.close();
});

type Task = { rule: string; status: string; dueOn: string; jobSeeker: { id: string } | null };
const dbId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1] as string;

describe('my deadlines', () => {
  it('lists my open duties by urgency, filtered by status in SQL', async () => {
    const s = await userWith(
      stack.admin,
      'JOB_SPECIALIST',
      `EXISTS (SELECT 1 FROM task t WHERE t."assigneeId" = m."userId" AND t.status = 'OPEN')`,
    );
    const all = await stack.gql<{ myDeadlines: Task[] }>(
      s.email,
      '{ myDeadlines { rule status dueOn jobSeeker { id } } }',
    );
    expect(all.errors).toBeUndefined();
    const expected = await stack.admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM task WHERE "assigneeId" = $1 AND status = 'OPEN'`,
      [s.userId],
    );
    expect(all.data?.myDeadlines.length).toBe(Number(expected.rows[0]?.n));
    const dues = all.data?.myDeadlines.map((t) => t.dueOn) ?? [];
    expect([...dues].sort()).toEqual(dues);
    const overdue = await stack.gql<{ myDeadlines: Task[] }>(
      s.email,
      '{ myDeadlines(status: OVERDUE) { status } }',
    );
    expect(overdue.data?.myDeadlines.every((t) => t.status === 'OVERDUE')).toBe(true);
    expect(overdue.data?.myDeadlines.length).toBe(
      all.data?.myDeadlines.filter((t) => t.status === 'OVERDUE').length,
    );
  });

  it('a consent with an end date warns 30 days ahead; withdrawing it closes the warning', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    // An own job seeker and a scope not given yet.
    const { rows } = await stack.admin.query<{ id: string; scope: string }>(
      `SELECT j.id, s.scope::text AS scope FROM job_seeker j CROSS JOIN unnest(enum_range(NULL::"ConsentScope")) AS s(scope)
       WHERE j."currentSpecialistId" = $1 AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = s.scope)
       ORDER BY j.id, s.scope LIMIT 1`,
      [s.userId],
    );
    const jobSeekerId = rows[0]?.id as string;
    const scope = rows[0]?.scope as string;
    const validUntil = new Date(Date.now() + 20 * 86_400_000);
    const recorded = await stack.gql<{ recordConsent: { data: { id: string; version: number } } }>(
      s.email,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { ... on MutationRecordConsentSuccess { data { id version } } } }`,
      { input: { jobSeekerId, scope, validUntil: validUntil.toISOString() } },
    );
    const consentId = recorded.data?.recordConsent.data.id as string;

    const mine = async () =>
      (
        await stack.gql<{ myDeadlines: Task[] }>(
          s.email,
          '{ myDeadlines(status: DUE) { rule status jobSeeker { id } } }',
        )
      ).data?.myDeadlines ?? [];
    expect(
      (await mine()).filter(
        (t) => t.rule === 'CONSENT_EXPIRY' && t.jobSeeker && dbId(t.jobSeeker.id) === jobSeekerId,
      ),
    ).toHaveLength(1);
    await stack.gql(
      s.email,
      `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { __typename } }`,
      { input: { id: consentId, version: 1 } },
    );
    expect(
      (await mine()).filter(
        (t) => t.rule === 'CONSENT_EXPIRY' && t.jobSeeker && dbId(t.jobSeeker.id) === jobSeekerId,
      ),
    ).toHaveLength(0);
  });
});

describe("my team's deadlines", () => {
  it('shows a supervisor the open duties of team cases they may read, and a specialist nothing', async () => {
    const sup = await userWith(stack.admin, 'METHOD_SUPERVISOR');
    const res = await stack.gql<{ teamDeadlines: Task[] }>(
      sup.email,
      '{ teamDeadlines { rule jobSeeker { id } } }',
    );
    expect(res.errors).toBeUndefined();
    const seen = new Set((res.data?.teamDeadlines ?? []).map((t) => dbId(t.jobSeeker?.id ?? '')));
    expect(seen.size).toBeGreaterThan(0);
    // every job seeker shown is one the supervisor may read (own, or team case with consent)
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT j.id FROM job_seeker j WHERE j.id = ANY($1) AND NOT (j."currentSpecialistId" = $2 OR EXISTS (
         SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND c."withdrawnAt" IS NULL
           AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now())))`,
      [[...seen], sup.userId],
    );
    expect(rows).toEqual([]);
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    expect(
      (await stack.gql<{ teamDeadlines: Task[] }>(s.email, '{ teamDeadlines { rule } }')).data?.teamDeadlines,
    ).toEqual([]);
  });

  it('answers anyone who supervises no team an empty list, whatever they select (issue 14: 7)', async () => {
    for (const role of ['JOB_SPECIALIST', 'HEALTH_SERVICE_LEADER', 'TENANT_ADMINISTRATOR']) {
      const u = await userWith(
        stack.admin,
        role,
        `NOT EXISTS (SELECT 1 FROM specialist_team t WHERE t."methodSupervisorId" = u.id)
         AND NOT EXISTS (SELECT 1 FROM team_member tm WHERE tm."userId" = u.id AND tm.role = 'METHOD_SUPERVISOR')`,
      );
      const res = await stack.gql<{ teamDeadlines: Task[] }>(
        u.email,
        '{ teamDeadlines { id rule dueOn jobSeeker { id givenName } } }',
      );
      expect(res.errors, role).toBeUndefined();
      expect(res.data?.teamDeadlines, role).toEqual([]);
    }
  });
});
