/**
 * The API over real HTTP against a real PostgreSQL with the demo data: health, sign-in, who sees
 * which job seekers (each role against an expectation computed independently in SQL), fields,
 * not-found outside scope, consent withdrawal on the next request, the access log, and armor.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';
import { findCell } from './relations.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
});
afterAll(async () => {
  await stack?.close();
});

const LIST = `query List($after: String, $phase: [JobSeekerPhase!]) {
  jobSeekers(first: 100, after: $after, phase: $phase) {
    edges { node { id givenName identityNumber phase referredBy streetAddress } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ListNode {
  id: string;
  givenName: string | null;
  identityNumber: string | null;
  phase: string | null;
  referredBy: string | null;
  streetAddress: string | null;
}

interface ListPage {
  jobSeekers: { edges: { node: ListNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

async function listAll(as: string, phase?: string[]): Promise<ListNode[]> {
  const out: ListNode[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { data?: ListPage; errors?: unknown } = await stack.gql<ListPage>(as, LIST, { after, phase });
    expect(res.errors).toBeUndefined();
    const page: ListPage['jobSeekers'] | undefined = res.data?.jobSeekers;
    if (!page) throw new Error('no page');
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

/** Database ids of a list of relay nodes (the global id encodes the type and the id). */
const dbIds = (nodes: { id: string }[]) =>
  nodes.map((n) => Buffer.from(n.id, 'base64').toString('utf8').split(':')[1]).sort();

async function sqlIds(sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await stack.admin.query<{ id: string }>(sql, params);
  return rows.map((r) => r.id).sort();
}

const ACTIVE = (alias: string) =>
  `${alias}."withdrawnAt" IS NULL AND ${alias}."validFrom" <= now() AND (${alias}."validUntil" IS NULL OR ${alias}."validUntil" > now())`;

describe('health', () => {
  it('answers /healthz and /readyz (with the database)', async () => {
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${stack.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('authentication', () => {
  const ME = '{ me { id givenName } }';
  let email: string;
  beforeAll(async () => {
    email = (await userWith(stack.admin, 'JOB_SPECIALIST')).email;
  });

  it('accepts a valid token from a trusted issuer', async () => {
    const res = await stack.gql(email, ME);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ me: { givenName: expect.any(String) } });
  });

  it('myTeams lists the caller’s active teams and role in each, as the database has them', async () => {
    const supervisor = (await userWith(stack.admin, 'METHOD_SUPERVISOR')).email;
    const { rows } = await stack.admin.query<{ teamId: string; organizationId: string; role: string }>(
      `SELECT tm."teamId", t."organizationId", tm.role::text AS role FROM team_member tm
       JOIN specialist_team t ON t.id = tm."teamId" JOIN app_user u ON u.id = tm."userId"
       WHERE u.email = $1 AND tm."leftOn" IS NULL ORDER BY tm."teamId"`,
      [supervisor],
    );
    expect(rows.length).toBeGreaterThan(0);
    const res = await stack.gql<{ myTeams: { teamId: string; organizationId: string; role: string }[] }>(
      supervisor,
      '{ myTeams { teamId organizationId role } }',
    );
    expect([...(res.data?.myTeams ?? [])].sort((a, b) => a.teamId.localeCompare(b.teamId))).toEqual(rows);
  });

  const rejects: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a bad signature', () => stack.issuer.sign(email, { key: stack.issuer.otherKey })],
    ['a wrong issuer', () => stack.issuer.sign(email, { issuer: 'https://evil.example' })],
    ['a wrong audience', () => stack.issuer.sign(email, { audience: 'another-api' })],
    ['an expired token', () => stack.issuer.sign(email, { expiresIn: '-10m' })],
    ['an unknown user', () => stack.issuer.sign('nobody@nowhere.test')],
    ['garbage', async () => 'not.a.jwt'],
  ];
  it.each(rejects)('rejects %s with 401 UNAUTHENTICATED, running nothing', async (_name, token) => {
    const t = await token();
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) },
      body: JSON.stringify({ query: ME }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[]; data?: unknown };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });
});

describe('job seekers: each role sees exactly what the rules allow', () => {
  it('a job specialist: the own portfolio and the team’s cases with team-discussion consent', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const expected = await sqlIds(
      `SELECT j.id FROM job_seeker j
       WHERE j."organizationId" IN (SELECT "organizationId" FROM membership WHERE "userId" = $1 AND "endedAt" IS NULL)
         AND (j."currentSpecialistId" = $1 OR (
           j."teamId" IN (SELECT "teamId" FROM team_member WHERE "userId" = $1 AND "leftOn" IS NULL)
           AND EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND ${ACTIVE('c')})))`,
      [s.userId],
    );
    const seen = await listAll(s.email);
    expect(dbIds(seen)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  it('a NAV counsellor: only job seekers with an active grant and consent, basic fields only', async () => {
    const n = await userWith(stack.admin, 'NAV_COUNSELLOR');
    const expected = await sqlIds(
      `SELECT DISTINCT g."jobSeekerId" AS id FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
       WHERE g."navOfficeId" = $2 AND (g."counsellorId" IS NULL OR g."counsellorId" = $1) AND g."revokedAt" IS NULL
         AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now()) AND ${ACTIVE('c')}`,
      [n.userId, n.organizationId],
    );
    const seen = await listAll(n.email);
    expect(dbIds(seen)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    for (const js of seen) {
      expect(js.givenName).not.toBeNull();
      expect(js.referredBy).toBeNull();
      expect(js.streetAddress).toBeNull();
    }
  });

  it.each(['HEALTH_SERVICE_LEADER', 'TENANT_ADMINISTRATOR'])(
    'a %s sees no job seeker at all',
    async (role) => {
      const u = await userWith(stack.admin, role);
      expect(await listAll(u.email)).toEqual([]);
    },
  );

  it('filters by phase in SQL, inside what the user may see', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const all = await listAll(s.email);
    const employed = await listAll(s.email, ['EMPLOYED']);
    expect(employed.length).toBeGreaterThan(0);
    expect(employed.every((j) => j.phase === 'EMPLOYED')).toBe(true);
    expect(employed.length).toBe(all.filter((j) => j.phase === 'EMPLOYED').length);
  });
});

describe('fields', () => {
  it('a colleague reading a team case gets case fields, not the identity number', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const seen = await listAll(s.email);
    const own = new Set(
      await sqlIds('SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1', [s.userId]),
    );
    const colleagues = seen.filter((j) => !own.has(dbIds([j])[0] as string));
    expect(colleagues.length).toBeGreaterThan(0);
    for (const j of colleagues) {
      expect(j.identityNumber).toBeNull();
      expect(j.referredBy).not.toBeNull();
    }
    for (const j of seen.filter((j) => own.has(dbIds([j])[0] as string)))
      expect(j.identityNumber).toMatch(/^\d{11}$/);
  });
});

describe('outside scope answers not found', () => {
  it('a job seeker of another organisation is null by id and by node id, without an error', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const foreign = (
      await stack.admin.query<{ id: string }>(
        `SELECT id FROM job_seeker WHERE "organizationId" NOT IN (SELECT "organizationId" FROM membership WHERE "userId" = $1) LIMIT 1`,
        [s.userId],
      )
    ).rows[0]?.id as string;
    const nodeId = Buffer.from(`JobSeeker:${foreign}`).toString('base64');
    const res = await stack.gql<{ jobSeeker: unknown; node: unknown; nodes: unknown[] }>(
      s.email,
      'query($id: ID!, $node: ID!) { jobSeeker(id: $id) { id } node(id: $node) { id } nodes(ids: [$node]) { id } }',
      { id: foreign, node: nodeId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ jobSeeker: null, node: null, nodes: [null] });
  });

  it('a malformed id is a typed input error, not a lookup', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const res = await stack.gql(s.email, '{ jobSeeker(id: "1 OR 1=1") { id } }');
    expect(res.data?.jobSeeker ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/uuid|Invalid/i);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('consent withdrawal takes effect on the next request', () => {
  it('NAV loses the job seeker as soon as the NAV-sharing consent is withdrawn', async () => {
    const n = await userWith(stack.admin, 'NAV_COUNSELLOR');
    const before = await listAll(n.email);
    const target = dbIds(before)[0] as string;
    const detail = '{ jobSeeker(id: "ID") { givenName } }'.replace('ID', target);
    expect((await stack.gql<{ jobSeeker: unknown }>(n.email, detail)).data?.jobSeeker).not.toBeNull();
    await stack.admin.query(
      `UPDATE consent SET "withdrawnAt" = now() WHERE "jobSeekerId" = $1 AND scope = 'NAV_SHARING'`,
      [target],
    );
    expect((await stack.gql<{ jobSeeker: unknown }>(n.email, detail)).data?.jobSeeker).toBeNull();
    expect(dbIds(await listAll(n.email))).not.toContain(target);
  });
});

describe('access log', () => {
  it('writes a READ row for every job seeker a list returned, with the request id, in the same transaction', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const requestId = `test-${Date.now()}`;
    const res = await stack.gql<{ jobSeekers: { edges: { node: { id: string } }[] } }>(
      s.email,
      '{ jobSeekers(first: 5) { edges { node { id givenName } } } }',
      {},
      { 'x-request-id': requestId },
    );
    const returned = dbIds(res.data?.jobSeekers.edges.map((e) => e.node) ?? []);
    expect(returned.length).toBe(5);
    const { rows } = await stack.admin.query<{
      jobSeekerId: string;
      actorUserId: string;
      action: string;
      actorRole: string;
    }>(
      `SELECT DISTINCT "jobSeekerId", "actorUserId", action::text, "actorRole"::text FROM audit_log WHERE "requestId" = $1`,
      [requestId],
    );
    expect(rows.map((r) => r.jobSeekerId).sort()).toEqual(returned);
    expect(new Set(rows.map((r) => `${r.actorUserId}:${r.action}:${r.actorRole}`))).toEqual(
      new Set([`${s.userId}:READ:JOB_SPECIALIST`]),
    );
  });

  it('logs a NAV counsellor’s read in the job seeker’s organisation', async () => {
    const n = await userWith(stack.admin, 'NAV_COUNSELLOR');
    const requestId = `nav-${Date.now()}`;
    const res = await stack.gql<{ jobSeekers: { edges: { node: { id: string } }[] } }>(
      n.email,
      '{ jobSeekers(first: 3) { edges { node { id givenName } } } }',
      {},
      { 'x-request-id': requestId },
    );
    const returned = dbIds(res.data?.jobSeekers.edges.map((e) => e.node) ?? []);
    const { rows } = await stack.admin.query<{ ok: boolean }>(
      `SELECT a."organizationId" = j."organizationId" AND a."actorOrganizationId" = $2 AS ok
       FROM audit_log a JOIN job_seeker j ON j.id = a."jobSeekerId" WHERE a."requestId" = $1`,
      [requestId, n.organizationId],
    );
    expect(rows.length).toBe(returned.length);
    expect(rows.every((r) => r.ok)).toBe(true);
  });
});

describe('hardening', () => {
  it('rejects a query nested too deep', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const res = await stack.gql(
      s.email,
      `{ me { memberships { organization { memberships { user { memberships { organization { memberships { user { memberships { organization { memberships { user { id } } } } } } } } } } } } } }`,
    );
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(/depth/i);
  });

  it('rejects alias batching', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await stack.gql(s.email, `{ ${aliases} }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('rejects a query with too many tokens', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const fields = Array.from({ length: 2100 }, () => 'id').join(' ');
    const res = await stack.gql(s.email, `{ me { ${fields} } }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(/token/i);
  });

  it('caps the page size (API_MAX_PAGE_SIZE, 100 by default; 50 in this stack)', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const res = await stack.gql<{ jobSeekers: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      s.email,
      '{ jobSeekers(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }',
    );
    expect(res.data?.jobSeekers.edges.length).toBe(50);
    expect(res.data?.jobSeekers.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses a GET without the CSRF preflight header', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const token = await stack.issuer.sign(s.email);
    const res = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    const ok = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });
});

describe('access log for the job seeker (tilgangslogg)', () => {
  it('shows a tenant administrator who read the job seeker, and exports it as CSV and JSON', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const own = (
      await sqlIds('SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1', [s.userId])
    )[0] as string;
    await stack.gql(
      s.email,
      `{ jobSeeker(id: "${own}") { givenName } }`,
      {},
      { 'x-request-id': `read-${Date.now()}` },
    );
    const admin = await userWith(
      stack.admin,
      'TENANT_ADMINISTRATOR',
      `m."organizationId" = '${s.organizationId}'`,
    );
    const res = await stack.gql<{
      accessLog: { action: string; actorName: string | null; actorRole: string; area: string }[];
    }>(
      admin.email,
      `{ accessLog(jobSeekerId: "${own}") { action area actorName actorRole actorOrganization occurredAt } }`,
    );
    expect(res.errors).toBeUndefined();
    const { rows } = await stack.admin.query<{ name: string }>(
      `SELECT "givenName" || ' ' || "familyName" AS name FROM app_user WHERE id = $1`,
      [s.userId],
    );
    expect(res.data?.accessLog).toContainEqual(
      expect.objectContaining({ action: 'READ', actorRole: 'JOB_SPECIALIST', actorName: rows[0]?.name }),
    );

    const csv = await stack.gql<{ accessLogExport: string }>(
      admin.email,
      `{ accessLogExport(jobSeekerId: "${own}", format: CSV) }`,
    );
    const lines = csv.data?.accessLogExport.split('\n') ?? [];
    expect(lines[0]).toBe('occurredAt,action,area,actorName,actorRole,actorOrganization,reason');
    expect(lines.length).toBeGreaterThan(1);
    const json = await stack.gql<{ accessLogExport: string }>(
      admin.email,
      `{ accessLogExport(jobSeekerId: "${own}", format: JSON) }`,
    );
    expect(JSON.parse(json.data?.accessLogExport ?? '[]').length).toBeGreaterThanOrEqual(lines.length - 1);
  });

  it('shows nothing to a job specialist or to an administrator of another organisation', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const own = (
      await sqlIds('SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1', [s.userId])
    )[0] as string;
    await stack.gql(s.email, `{ jobSeeker(id: "${own}") { givenName } }`);
    const query = `{ accessLog(jobSeekerId: "${own}") { action } }`;
    expect((await stack.gql<{ accessLog: unknown[] }>(s.email, query)).data?.accessLog).toEqual([]);
    const other = await userWith(
      stack.admin,
      'TENANT_ADMINISTRATOR',
      `m."organizationId" <> '${s.organizationId}'`,
    );
    expect((await stack.gql<{ accessLog: unknown[] }>(other.email, query)).data?.accessLog).toEqual([]);
  });
});

describe('access log by identity number (how a request for access arrives)', () => {
  const QUERY = `query($n: String!) { accessLogByIdentityNumber(identityNumber: $n) {
    __typename
    ... on QueryAccessLogByIdentityNumberSuccess { data { action area occurredAt } }
    ... on ValidationError { issues { field code } }
  } }`;
  type Res = {
    accessLogByIdentityNumber: {
      __typename: string;
      data?: { action: string; area: string; occurredAt: string }[];
      issues?: { field: string; code: string }[];
    };
  };

  it('gives the administrator of the organisation the same log as by id; others get not found', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const { rows } = await stack.admin.query<{ id: string; identityNumber: string }>(
      'SELECT id, "identityNumber" FROM job_seeker WHERE "currentSpecialistId" = $1 ORDER BY id LIMIT 1',
      [s.userId],
    );
    const js = rows[0] as { id: string; identityNumber: string };
    await stack.gql(s.email, `{ jobSeeker(id: "${js.id}") { givenName } }`);
    const admin = await userWith(
      stack.admin,
      'TENANT_ADMINISTRATOR',
      `m."organizationId" = '${s.organizationId}'`,
    );
    const byId = await stack.gql<{ accessLog: { action: string; area: string; occurredAt: string }[] }>(
      admin.email,
      `{ accessLog(jobSeekerId: "${js.id}") { action area occurredAt } }`,
    );
    const byNumber = await stack.gql<Res>(admin.email, QUERY, { n: js.identityNumber });
    expect(byNumber.data?.accessLogByIdentityNumber.__typename).toBe('QueryAccessLogByIdentityNumberSuccess');
    // The log by id was read first, so the lookup's own entry comes on top of the same list.
    expect(byNumber.data?.accessLogByIdentityNumber.data?.slice(1)).toEqual(byId.data?.accessLog);
    expect(byNumber.data?.accessLogByIdentityNumber.data?.[0]).toMatchObject({
      action: 'READ',
      area: 'AccessLog',
    });

    for (const who of [
      s,
      await userWith(stack.admin, 'TENANT_ADMINISTRATOR', `m."organizationId" <> '${s.organizationId}'`),
    ]) {
      const res = await stack.gql<Res>(who.email, QUERY, { n: js.identityNumber });
      expect(res.data?.accessLogByIdentityNumber.__typename).toBe('NotFoundError');
    }
  });

  it('refuses a malformed number with a typed error at the field', async () => {
    const admin = await userWith(stack.admin, 'TENANT_ADMINISTRATOR');
    const res = await stack.gql<Res>(admin.email, QUERY, { n: '12345678901' });
    expect(res.data?.accessLogByIdentityNumber).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'identityNumber', code: 'CHECKSUM' }],
    });
  });
});

describe('no N+1', () => {
  it('sends as many SQL statements for 50 job seekers as for 1 (with their specialist, organisation and consents)', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const query = (n: number) =>
      `{ jobSeekers(first: ${n}) { edges { node { id givenName phase currentSpecialist { givenName } organization { name } consents { scope active } } } } }`;
    await stack.gql(s.email, query(1)); // warm caches (trusted issuers)
    const countFor = async (n: number) => {
      stack.statements.length = 0;
      const res = await stack.gql<{ jobSeekers: { edges: unknown[] } }>(s.email, query(n));
      expect(res.data?.jobSeekers.edges.length).toBe(n);
      return stack.statements.length;
    };
    const one = await countFor(1);
    const fifty = await countFor(50);
    expect(fifty).toBe(one);
    expect(one).toBeGreaterThanOrEqual(4); // BEGIN, settings, the list, COMMIT at least: the count is real
    expect(one).toBeLessThanOrEqual(10);
  });
});

describe('deadline status', () => {
  it('filters the list by open deadlines in SQL and shows the most urgent status (Europe/Oslo days)', async () => {
    const s = await userWith(
      stack.admin,
      'JOB_SPECIALIST',
      `EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = m."userId" AND j."organizationId" = m."organizationId" AND j.phase <> 'DISCHARGED')`,
    );
    // An overdue duty of its own, three days past (whether the demo data has one depends on the day
    // it is generated for).
    await stack.admin.query(
      `INSERT INTO task (id, "organizationId", rule, "jobSeekerId", "assigneeId", title, "dueOn", "warnFrom", "updatedAt")
       SELECT gen_random_uuid(), j."organizationId", 'FIRST_EMPLOYER_CONTACT', j.id, j."currentSpecialistId", 'overdue',
              (now() AT TIME ZONE 'Europe/Oslo')::date - 3, (now() AT TIME ZONE 'Europe/Oslo')::date - 10, now()
       FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j."organizationId" = $2 AND j.phase <> 'DISCHARGED'
       ORDER BY j.id LIMIT 1`,
      [s.userId, s.organizationId],
    );
    const res = await stack.gql<{
      jobSeekers: { edges: { node: { id: string; deadlineStatus: string } }[] };
    }>(
      s.email,
      '{ jobSeekers(first: 40, deadlineStatus: OVERDUE) { edges { node { id deadlineStatus } } } }',
    );
    const nodes = res.data?.jobSeekers.edges.map((e) => e.node) ?? [];
    const expected = await sqlIds(
      `SELECT j.id FROM job_seeker j WHERE j."currentSpecialistId" = $1
         AND EXISTS (SELECT 1 FROM task t WHERE t."jobSeekerId" = j.id AND t.status = 'OPEN'
                     AND t."dueOn" < (now() AT TIME ZONE 'Europe/Oslo')::date)`,
      [s.userId],
    );
    expect(expected.length).toBeGreaterThan(0);
    const own = new Set(
      await sqlIds('SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1', [s.userId]),
    );
    expect(dbIds(nodes).filter((id) => own.has(id as string))).toEqual(expected);
    expect(nodes.every((n) => n.deadlineStatus === 'OVERDUE')).toBe(true);
  });

  it('is not shown to NAV', async () => {
    const n = await userWith(stack.admin, 'NAV_COUNSELLOR');
    const res = await stack.gql<{ jobSeekers: { edges: { node: { deadlineStatus: string | null } }[] } }>(
      n.email,
      '{ jobSeekers(first: 10) { edges { node { deadlineStatus } } } }',
    );
    const nodes = res.data?.jobSeekers.edges.map((e) => e.node) ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((x) => x.deadlineStatus === null)).toBe(true);
  });
});

describe('access reason', () => {
  it('records the reason a client gives (x-access-reason) with the read', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const own = (
      await sqlIds('SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1', [s.userId])
    )[0] as string;
    const requestId = `reason-${Date.now()}`;
    await stack.gql(
      s.email,
      `{ jobSeeker(id: "${own}") { givenName } }`,
      {},
      {
        'x-request-id': requestId,
        'x-access-reason': encodeURIComponent('Forberede oppfølgingsmøte'),
      },
    );
    const { rows } = await stack.admin.query<{ reason: string }>(
      'SELECT reason FROM audit_log WHERE "requestId" = $1',
      [requestId],
    );
    expect(rows).toEqual([{ reason: 'Forberede oppfølgingsmøte' }]);
  });

  it('keeps a reason with quotes, backslashes and SQL exactly, control characters blanked (the log rides with COMMIT as literals)', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const own = (
      await sqlIds('SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1', [s.userId])
    )[0] as string;
    const requestId = `reason-sql-${Date.now()}`;
    const reason = `O'Brien \\ "sitat" '); DELETE FROM audit_log; --\u0000slutt`;
    const res = await stack.gql<{ jobSeeker: { givenName: string } | null }>(
      s.email,
      `{ jobSeeker(id: "${own}") { givenName } }`,
      {},
      { 'x-request-id': requestId, 'x-access-reason': encodeURIComponent(reason) },
    );
    expect(res.data?.jobSeeker?.givenName).toBeTruthy();
    const { rows } = await stack.admin.query<{ reason: string }>(
      'SELECT reason FROM audit_log WHERE "requestId" = $1',
      [requestId],
    );
    expect(rows).toEqual([{ reason: `O'Brien \\ "sitat" '); DELETE FROM audit_log; -- slutt` }]);
    expect(
      Number((await stack.admin.query('SELECT count(*) FROM audit_log')).rows[0]?.count),
    ).toBeGreaterThan(1);
  });
});

describe('access facts', () => {
  it("field checks never trust relations the client selected itself: a colleague's case with consents selected still shows what team consent allows", async () => {
    const cell = await findCell(stack, 'JOB_SPECIALIST', 'same team, team consent');
    const fields = 'id givenName identityNumber';
    type One = { jobSeeker: Record<string, unknown> | null };
    const plain = await stack.gql<One>(cell.email, `{ jobSeeker(id: "${cell.jobSeekerId}") { ${fields} } }`);
    const withConsents = await stack.gql<One>(
      cell.email,
      `{ jobSeeker(id: "${cell.jobSeekerId}") { ${fields} consents { scope } } }`,
    );
    for (const answer of [plain, withConsents]) {
      expect(answer.errors).toBeUndefined();
      // Team consent: the case discussion's fields, not the identity number.
      expect(answer.data?.jobSeeker?.givenName).toEqual(expect.any(String));
      expect(answer.data?.jobSeeker?.identityNumber).toBeNull();
    }
    // The colleague may not read the consents themselves: the selection gives nothing to trust.
    expect(withConsents.data?.jobSeeker?.consents).toEqual([]);
  });
});

describe('review fixes', () => {
  it('logs a job seeker read through node(id), also when only relations are selected', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const own = (
      await sqlIds('SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1', [s.userId])
    )[0] as string;
    const requestId = `node-${Date.now()}`;
    const res = await stack.gql<{ node: { consents: unknown[] } | null }>(
      s.email,
      `{ node(id: "${Buffer.from(`JobSeeker:${own}`).toString('base64')}") { ... on JobSeeker { consents { scope } } } }`,
      {},
      { 'x-request-id': requestId },
    );
    expect(res.data?.node).not.toBeNull();
    const { rows } = await stack.admin.query<{ jobSeekerId: string }>(
      'SELECT "jobSeekerId" FROM audit_log WHERE "requestId" = $1',
      [requestId],
    );
    expect(rows).toEqual([{ jobSeekerId: own }]);
  });

  it('neutralises spreadsheet formulas in the access-log CSV and logs the export as EXPORT', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const own = (
      await sqlIds('SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1', [s.userId])
    )[1] as string;
    await stack.gql(
      s.email,
      `{ jobSeeker(id: "${own}") { givenName } }`,
      {},
      { 'x-access-reason': encodeURIComponent('=HYPERLINK("http://evil")') },
    );
    const admin = await userWith(
      stack.admin,
      'TENANT_ADMINISTRATOR',
      `m."organizationId" = '${s.organizationId}'`,
    );
    const requestId = `export-${Date.now()}`;
    const csv = await stack.gql<{ accessLogExport: string }>(
      admin.email,
      `{ accessLogExport(jobSeekerId: "${own}", format: CSV) }`,
      {},
      { 'x-request-id': requestId },
    );
    expect(csv.data?.accessLogExport).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.data?.accessLogExport).not.toMatch(/,=HYPERLINK/);
    const { rows } = await stack.admin.query<{ action: string }>(
      'SELECT action::text FROM audit_log WHERE "requestId" = $1',
      [requestId],
    );
    expect(rows).toEqual([{ action: 'EXPORT' }]);
  });

  it('rejects a query that would cost too much', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const res = await stack.gql(
      s.email,
      '{ jobSeekers(first: 100) { edges { node { organization { memberships { user { memberships { organization { specialistTeams { members { user { givenName } } } } } } } } } } } }',
    );
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(/cost/i);
  });
});
