/**
 * The job-seeker list shaped by one SQL statement (ADR 0023 step 5) against the normal path
 * (Pothos and Prisma, `IPS_SHAPED_LISTS=0`): the same bytes for every role and relation, page by
 * page, with hostile arguments too; the same access-log entries; fewer statements, not growing
 * with the page; and the SQL writer's reading of every role's rules row for row equal to Prisma's
 * reading of the same `where`.
 */
import { readFileSync } from 'node:fs';
import { type Actor, accessibleWhere, defineAbilityFor } from '@ips/authz';
import { createPrismaClient, type PrismaClient } from '@ips/db';
import { getDatamodel } from '@ips/db/pothos-types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readableOnEveryRow } from '../src/shaped/job-seeker-list.js';
import { type ModelName, Params, relationOf, tableOf, whereSql } from '../src/shaped/where-sql.js';
import { type Stack, startStack } from './harness.js';
import { addSecondTeam } from './relations.js';

let stack: Stack;
let prisma: PrismaClient;
type User = { userId: string; email: string; role: string };
let users: User[];

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addSecondTeam(stack);
  prisma = createPrismaClient({ connectionString: stack.db.adminUrl, max: 2 });
  // Edge cases the rules must tell apart, made here rather than hoped for in the demo data: a grant
  // revoked, a NAV-sharing consent withdrawn, a grant expired, a job seeker with a strictly
  // confidential address (kode 6) and a job.
  await stack.admin.query(
    `UPDATE nav_sharing_grant SET "revokedAt" = now() - interval '1 hour'
     WHERE id = (SELECT id FROM nav_sharing_grant WHERE "revokedAt" IS NULL ORDER BY id LIMIT 1)`,
  );
  await stack.admin.query(
    `UPDATE consent SET "withdrawnAt" = now() - interval '1 hour'
     WHERE id = (SELECT "consentId" FROM nav_sharing_grant WHERE "revokedAt" IS NULL ORDER BY id OFFSET 1 LIMIT 1)`,
  );
  await stack.admin.query(
    `UPDATE nav_sharing_grant SET "validUntil" = now() - interval '1 hour'
     WHERE id = (SELECT id FROM nav_sharing_grant WHERE "revokedAt" IS NULL ORDER BY id OFFSET 2 LIMIT 1)`,
  );
  await stack.admin.query(
    `UPDATE job_seeker SET "protectedAddress" = 'STRICTLY_CONFIDENTIAL'
     WHERE id = (SELECT g."jobSeekerId" FROM nav_sharing_grant g JOIN employment e ON e."jobSeekerId" = g."jobSeekerId"
                 WHERE g."revokedAt" IS NULL ORDER BY g.id DESC LIMIT 1)`,
  );
  // Up to three users of each role, and everyone who is a NAV counsellor somewhere.
  users = (
    await stack.admin.query<User>(
      `SELECT DISTINCT ON (m.role, u.email) m."userId", u.email, m.role::text AS role
       FROM membership m JOIN app_user u ON u.id = m."userId" WHERE m."endedAt" IS NULL
       ORDER BY m.role, u.email`,
    )
  ).rows;
  const byRole = new Map<string, User[]>();
  for (const u of users) byRole.set(u.role, [...(byRole.get(u.role) ?? []), u]);
  users = [...byRole.entries()].flatMap(([role, list]) =>
    role === 'NAV_COUNSELLOR' ? list : list.slice(0, 3),
  );
});
afterAll(async () => {
  await prisma?.$disconnect();
  await stack?.close();
});

/** A document exactly as the admin sends it: its text in the trusted-documents manifest. */
function adminDocument(start: string): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../trusted-documents.json', import.meta.url), 'utf8'),
  ) as { documents: Record<string, string> };
  const found = Object.values(manifest.documents).filter((d) => d.startsWith(start));
  if (found.length !== 1) throw new Error(`the manifest holds ${found.length} documents starting ${start}`);
  return found[0] as string;
}

/** The NAV counsellor's list and the portfolio (a root field beside the list, per-row field rules). */
const NAV_LIST = adminDocument('query SharedWithNav(');
const PORTFOLIO = adminDocument('query Portfolio(');

/** A specialist's list with the deadline status (the portfolio's columns). */
const WITH_DEADLINES = `query($sp: ID) {
  jobSeekers(first: 100, specialistId: $sp) { edges { node { id givenName familyName phase deadlineStatus referralDate } } }
}`;

/** Every field a shaped list answers, aliased and reordered, on small pages. */
const EVERYTHING = `query Everything($first: Int, $after: String, $sp: ID) {
  __typename
  list: jobSeekers(first: $first, after: $after, specialistId: $sp, orderBy: REFERRAL_DATE_DESC) {
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
    edges { cursor node { jobs: employments { kind jobType endedBy version id jobTitle startDate endDate }
      __typename id version dischargedAt intakeDate referralDate phase who: familyName givenName
      deadlineStatus teamDiscussionConsent protectedAddress
      navSharingGrants { version revokedAt validUntil validFrom scopes id } } }
  }
}`;

type Response = { status: number; data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };

/** The response without what differs per request anyway (the request id in errors). */
const comparable = (res: Response) =>
  JSON.stringify({
    status: res.status,
    data: res.data,
    errors: res.errors?.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: undefined } })),
  });

async function bothPaths(email: string, query: string, variables: Record<string, unknown>) {
  stack.statements.length = 0;
  const shaped = (await stack.gql(email, query, variables)) as Response;
  const shapedStatements = stack.statements.length;
  process.env.IPS_SHAPED_LISTS = '0';
  try {
    stack.statements.length = 0;
    const normal = (await stack.gql(email, query, variables)) as Response;
    return { shaped, normal, shapedStatements, normalStatements: stack.statements.length };
  } finally {
    delete process.env.IPS_SHAPED_LISTS;
  }
}

type Page = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[] };

describe('the job-seeker list shaped by one SQL statement', () => {
  it('answers every role, page by page, byte for byte as the normal path does', async () => {
    let pages = 0;
    let rows = 0;
    for (const user of users) {
      let after: string | null = null;
      for (let i = 0; i < 40; i += 1) {
        const { shaped, normal } = await bothPaths(user.email, EVERYTHING, { first: 4, after });
        expect(comparable(shaped), `${user.role} ${user.email} page ${i}`).toBe(comparable(normal));
        const page = (shaped.data as { list?: Page } | undefined)?.list;
        pages += 1;
        rows += page?.edges.length ?? 0;
        if (!page?.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const nav = await bothPaths(user.email, NAV_LIST, { after: null });
      expect(comparable(nav.shaped), `${user.role} ${user.email} NAV list`).toBe(comparable(nav.normal));
      const specialists = users.filter((u) => u.role === 'JOB_SPECIALIST').map((u) => u.userId);
      for (const sp of new Set([user.userId, ...specialists])) {
        const portfolio = await bothPaths(user.email, PORTFOLIO, { specialistId: sp });
        expect(comparable(portfolio.shaped), `${user.role} ${user.email} portfolio ${sp}`).toBe(
          comparable(portfolio.normal),
        );
      }
      const deadlines = await bothPaths(user.email, WITH_DEADLINES, { sp: user.userId });
      expect(comparable(deadlines.shaped), `${user.role} ${user.email} deadlines`).toBe(
        comparable(deadlines.normal),
      );
    }
    // The comparison compared lists, not empty pages.
    expect(rows).toBeGreaterThan(50);
    expect(pages).toBeGreaterThan(users.length);
  });

  it("answers each specialist's list filtered by specialist (the matrix's 'listed') as the normal path", async () => {
    const { rows: specialists } = await stack.admin.query<{ id: string }>(
      `SELECT DISTINCT "currentSpecialistId" AS id FROM job_seeker WHERE "currentSpecialistId" IS NOT NULL ORDER BY 1 LIMIT 6`,
    );
    for (const user of users)
      for (const sp of specialists) {
        const query = `{ jobSeekers(first: 100, specialistId: "${sp.id}") { edges { node { id } } } }`;
        const { shaped, normal } = await bothPaths(user.email, query, {});
        expect(comparable(shaped), `${user.role} ${user.email} specialist ${sp.id}`).toBe(comparable(normal));
      }
  });

  it('answers hostile arguments as the normal path does (its own errors), and leaks no row through a cursor', async () => {
    const nav = users.find((u) => u.role === 'NAV_COUNSELLOR');
    const specialist = users.find((u) => u.role === 'JOB_SPECIALIST');
    if (!nav || !specialist) throw new Error('the demo data lacks a role');
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT j.id FROM job_seeker j WHERE j."organizationId" NOT IN (SELECT "organizationId" FROM membership WHERE "userId" = $1)
       ORDER BY j."referralDate" LIMIT 1`,
      [specialist.userId],
    );
    const foreign = rows[0]?.id as string;
    const cursor = (value: string) => Buffer.from(`GPC:S:${value}`).toString('base64');
    // A job seeker the specialist sees, named by a cursor of another shape than the list's.
    const { rows: own } = await stack.admin.query<{ id: string }>(
      `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 ORDER BY id LIMIT 1`,
      [specialist.userId],
    );
    const visible = own[0]?.id as string;
    const cases: Record<string, unknown>[] = [
      { first: 3, after: 'not a cursor' },
      { first: 3, after: cursor('not-a-uuid') },
      { first: 3, after: cursor(foreign) },
      { first: 3, after: cursor('00000000-0000-4000-8000-000000000000') },
      { first: Buffer.from('x').toString('base64').length, after: Buffer.from('GPC:N:5').toString('base64') },
      { first: -1 },
      { first: 0 },
      { first: 10_000 },
      { first: 3, after: Buffer.from(`GPC:J:"${visible}"`).toString('base64') },
      { first: 3, sp: 'not-a-uuid' },
      { first: 3, sp: foreign },
      { first: '3' },
    ];
    for (const user of [nav, specialist])
      for (const variables of cases) {
        const { shaped, normal } = await bothPaths(user.email, EVERYTHING, variables);
        expect(comparable(shaped), `${user.role} ${JSON.stringify(variables)}`).toBe(comparable(normal));
        expect(shaped.status).toBeLessThan(500);
      }
    // A response key that names an object's machinery is answered by the normal path.
    const odd = `{ jobSeekers(first: 2) { edges { node { id __proto__: givenName constructor: familyName } } } }`;
    const { shaped, normal } = await bothPaths(specialist.email, odd, {});
    expect(comparable(shaped)).toBe(comparable(normal));
  });

  it("answers the admin's NAV list and a specialist's deadlines with one statement", async () => {
    const nav = users.find((u) => u.role === 'NAV_COUNSELLOR') as User;
    const specialist = users.find((u) => u.role === 'JOB_SPECIALIST') as User;
    const list = await bothPaths(nav.email, NAV_LIST, { after: null });
    const grants = (
      list.shaped.data as { jobSeekers: { edges: { node: { navSharingGrants: unknown[] } }[] } }
    ).jobSeekers.edges.flatMap((e) => e.node.navSharingGrants);
    expect(grants.length).toBeGreaterThan(0);
    expect(list.shapedStatements).toBe(3);
    // Three of the specialist's job seekers: one with a duty overdue, one due soon, one with none
    // (made here, whatever the demo data's day holds).
    const { rows: mine } = await stack.admin.query<{ id: string; org: string; rule: string }>(
      `SELECT j.id, j."organizationId" AS org, (SELECT rule::text FROM task LIMIT 1) AS rule
       FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j."deletedAt" IS NULL ORDER BY j.id LIMIT 3`,
      [specialist.userId],
    );
    expect(mine).toHaveLength(3);
    await stack.admin.query(
      `UPDATE task SET status = 'DONE' WHERE "jobSeekerId" = ANY($1) AND status = 'OPEN'`,
      [mine.map((m) => m.id)],
    );
    for (const [i, offset] of [
      [0, -3],
      [1, 2],
    ] as const) {
      const m = mine[i] as { id: string; org: string; rule: string };
      await stack.admin.query(
        `INSERT INTO task (id, "organizationId", "jobSeekerId", "assigneeId", rule, title, "dueOn", "warnFrom", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4::"DeadlineRule", 'Frist', current_date + $5::int, current_date + $5::int - 7, now())`,
        [m.org, m.id, specialist.userId, m.rule, offset],
      );
    }
    const deadlines = await bothPaths(specialist.email, WITH_DEADLINES, { sp: specialist.userId });
    expect(comparable(deadlines.shaped)).toBe(comparable(deadlines.normal));
    const statuses = (
      deadlines.shaped.data as { jobSeekers: { edges: { node: { deadlineStatus: string } }[] } }
    ).jobSeekers.edges.map((e) => e.node.deadlineStatus);
    expect(new Set(statuses).size).toBeGreaterThan(2);
    expect(deadlines.shapedStatements).toBe(3);
  });

  it("answers the admin's portfolio with the list's statement and its meetings' count, field rules row by row", async () => {
    // A specialist in a team: the list without a specialist holds own cases (every field) and the
    // team's consented cases (no team-consent state, no address protection).
    const { rows } = await stack.admin.query<{ email: string; userId: string }>(
      `SELECT u.email, u.id AS "userId" FROM app_user u
       JOIN membership m ON m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
       JOIN team_member tm ON tm."userId" = u.id AND tm."leftOn" IS NULL
       WHERE EXISTS (SELECT 1 FROM job_seeker j WHERE j."teamId" = tm."teamId" AND j."currentSpecialistId" <> u.id
                       AND EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION'
                                     AND c."withdrawnAt" IS NULL AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now())))
         AND EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = u.id)
       ORDER BY u.email LIMIT 1`,
    );
    const specialist = rows[0] as { email: string; userId: string };
    const mixed = await bothPaths(specialist.email, EVERYTHING, { first: 50 });
    expect(comparable(mixed.shaped)).toBe(comparable(mixed.normal));
    expect(mixed.shapedStatements).toBe(3);
    const states = (
      mixed.shaped.data as { list: { edges: { node: { teamDiscussionConsent: string | null } }[] } }
    ).list.edges.map((e) => e.node.teamDiscussionConsent);
    expect(states).toContain(null);
    expect(states.some((s) => s !== null)).toBe(true);
    const portfolio = await bothPaths(specialist.email, PORTFOLIO, { specialistId: specialist.userId });
    expect(comparable(portfolio.shaped)).toBe(comparable(portfolio.normal));
    // The request's first message, the meetings' count, the list, the access log with the COMMIT.
    expect(portfolio.shapedStatements).toBe(4);
    expect(portfolio.normalStatements).toBeGreaterThan(4);
  });

  it('sends fewer statements than the normal path, as many for 40 rows as for 2', async () => {
    for (const role of ['NAV_COUNSELLOR', 'JOB_SPECIALIST']) {
      const user = users.find((u) => u.role === role) as User;
      await stack.gql(user.email, EVERYTHING, { first: 2 }); // warm caches (trusted issuers)
      const small = await bothPaths(user.email, EVERYTHING, { first: 2 });
      const big = await bothPaths(user.email, EVERYTHING, { first: 40 });
      expect((big.shaped.data as { list: Page }).list.edges.length, role).toBeGreaterThan(2);
      expect(big.shapedStatements, role).toBe(small.shapedStatements);
      // The request's first message, the list, the access log with the COMMIT.
      expect(big.shapedStatements, role).toBe(3);
      expect(big.normalStatements, role).toBeGreaterThan(big.shapedStatements);
    }
  });

  it('writes the same access-log entries as the normal path: one per job seeker shown', async () => {
    const nav = users.find((u) => u.role === 'NAV_COUNSELLOR') as User;
    const entries = async (after: string) =>
      (
        await stack.admin.query<{ e: string }>(
          `SELECT action || ' ' || area || ' ' || "entityType" || ' ' || "jobSeekerId" || ' ' || "organizationId" AS e
           FROM audit_log WHERE "actorUserId" = $1 AND sequence > $2 ORDER BY 1`,
          [nav.userId, after],
        )
      ).rows.map((r) => r.e);
    const mark = async () =>
      (await stack.admin.query<{ s: string }>(`SELECT coalesce(max(sequence), 0)::text AS s FROM audit_log`))
        .rows[0]?.s as string;
    const before = await mark();
    const shaped = (await stack.gql(nav.email, NAV_LIST, { after: null })) as Response;
    const shown = (shaped.data as { jobSeekers: Page }).jobSeekers.edges.length;
    const afterShaped = await mark();
    const shapedEntries = await entries(before);
    process.env.IPS_SHAPED_LISTS = '0';
    try {
      await stack.gql(nav.email, NAV_LIST, { after: null });
    } finally {
      delete process.env.IPS_SHAPED_LISTS;
    }
    expect(shown).toBeGreaterThan(0);
    expect(shapedEntries).toHaveLength(shown);
    expect(await entries(afterShaped)).toEqual(shapedEntries);
  });
});

/** The actor as the API builds it, from the tables (memberships and teams in force). */
async function actorOf(userId: string): Promise<Actor> {
  const memberships = (
    await stack.admin.query<{ organizationId: string; role: Actor['memberships'][number]['role'] }>(
      `SELECT "organizationId", role FROM membership WHERE "userId" = $1 AND "endedAt" IS NULL`,
      [userId],
    )
  ).rows;
  const teams = (
    await stack.admin.query<Actor['teams'][number]>(
      `SELECT "teamId", "organizationId", role FROM team_member WHERE "userId" = $1 AND "leftOn" IS NULL`,
      [userId],
    )
  ).rows;
  return { userId, memberships, teams, platformOperator: false };
}

describe("the SQL writer's reading of the rules", () => {
  const MODELS: ModelName[] = ['JobSeeker', 'NavSharingGrant', 'Consent', 'Employment'];
  const delegate = (model: ModelName) =>
    ({
      JobSeeker: prisma.jobSeeker,
      NavSharingGrant: prisma.navSharingGrant,
      Consent: prisma.consent,
      Employment: prisma.employment,
    })[model] as unknown as { findMany(a: object): Promise<{ id: string }[]> };

  it("selects the rows Prisma selects for every role's read rules, model by model", async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const user of users) {
      const ability = defineAbilityFor(await actorOf(user.userId));
      for (const model of MODELS) {
        const where = accessibleWhere(ability, 'read', model);
        const params = new Params();
        const sql = whereSql(model, where, 'x', params);
        expect(sql, `${user.role} ${model}`).not.toBeNull();
        const mine = (
          await prisma.$queryRawUnsafe<{ id: string }[]>(
            `SELECT x.id::text FROM ${tableOf(model)} x WHERE x."deletedAt" IS NULL AND ${sql} ORDER BY 1`,
            ...params.values,
          )
        ).map((r) => r.id);
        const theirs = (
          await delegate(model).findMany({
            where: { AND: [where, { deletedAt: null }] },
            select: { id: true },
          })
        )
          .map((r) => r.id)
          .sort();
        expect(mine, `${user.role} ${user.email} ${model}`).toEqual(theirs);
        compared += 1;
        if (mine.length > 0) nonEmpty += 1;
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('reads the operators it knows as Prisma does, and refuses the rest (the normal path answers then)', async () => {
    const now = new Date();
    const wheres: object[] = [
      { phase: { in: [] } },
      { phase: { in: ['EMPLOYED', 'JOB_SEARCH'] }, NOT: { intakeDate: null } },
      { NOT: [{ phase: 'EMPLOYED' }, { phase: 'DISCHARGED' }] },
      { OR: [{ intakeDate: { not: null } }, { dischargedAt: { gte: now } }] },
      { AND: { referralDate: { lt: now }, version: { gt: 1 } } },
      { consents: { none: { scope: 'TEAM_CASE_DISCUSSION' } } },
      {
        navSharingGrants: {
          some: { scopes: { has: 'CAREER_PROFILE' }, consent: { is: { withdrawnAt: { equals: null } } } },
        },
      },
    ];
    for (const where of wheres) {
      const params = new Params();
      const sql = whereSql('JobSeeker', where, 'x', params);
      const mine = (
        await prisma.$queryRawUnsafe<{ id: string }[]>(
          `SELECT x.id::text FROM job_seeker x WHERE ${sql} ORDER BY 1`,
          ...params.values,
        )
      ).map((r) => r.id);
      const theirs = (await delegate('JobSeeker').findMany({ where, select: { id: true } }))
        .map((r) => r.id)
        .sort();
      expect(mine, JSON.stringify(where)).toEqual(theirs);
    }
    for (const where of [
      { givenName: { contains: 'a' } },
      { OR: [] },
      { NOT: [] },
      { navSharingGrants: { every: { revokedAt: null } } },
      { tasks: { some: {} } },
      { scopes: ['BASIC_DETAILS'] },
      { phase: { notIn: ['EMPLOYED'] } },
      { noSuchField: 1 },
    ])
      expect(whereSql('JobSeeker', where, 'x', new Params()), JSON.stringify(where)).toBeNull();
  });

  it('lets the list answer alone only fields every read rule of the user grants', async () => {
    const nav = users.find((u) => u.role === 'NAV_COUNSELLOR') as User;
    const { rows } = await stack.admin.query<{ userId: string }>(
      `SELECT tm."userId" FROM team_member tm JOIN membership m ON m."userId" = tm."userId" AND m.role = 'JOB_SPECIALIST'
       WHERE tm."leftOn" IS NULL ORDER BY 1 LIMIT 1`,
    );
    const inTeam = defineAbilityFor(await actorOf(rows[0]?.userId as string));
    const navAbility = defineAbilityFor(await actorOf(nav.userId));
    // A specialist in a team: the own portfolio grants everything, the team's cases the case fields.
    expect(readableOnEveryRow(inTeam, 'JobSeeker', ['givenName', 'healthTeamId'])).toBe(true);
    expect(readableOnEveryRow(inTeam, 'JobSeeker', ['givenName', 'identityNumber'])).toBe(false);
    expect(readableOnEveryRow(inTeam, 'JobSeeker', ['teamConsentRefusedAt'])).toBe(false);
    // NAV: names, never the case fields the deadline status follows.
    expect(readableOnEveryRow(navAbility, 'JobSeeker', ['givenName', 'phase'])).toBe(true);
    expect(readableOnEveryRow(navAbility, 'JobSeeker', ['healthTeamId'])).toBe(false);
    expect(readableOnEveryRow(navAbility, 'Employment', ['jobTitle', 'startDate'])).toBe(true);
    expect(readableOnEveryRow(navAbility, 'Employment', ['employerId'])).toBe(false);
  });

  it("joins each relation on the keys the schema's relation names", () => {
    const models = getDatamodel().datamodel.models as unknown as Record<
      string,
      { fields: { name: string; type: string; relationName?: string; relationFromFields?: string[] }[] }
    >;
    const cases: [ModelName, string][] = [
      ['JobSeeker', 'navSharingGrants'],
      ['JobSeeker', 'consents'],
      ['JobSeeker', 'employments'],
      ['NavSharingGrant', 'jobSeeker'],
      ['NavSharingGrant', 'consent'],
      ['Consent', 'jobSeeker'],
      ['Employment', 'jobSeeker'],
    ];
    for (const [model, name] of cases) {
      const relation = relationOf(model, name);
      const field = models[model]?.fields.find((f) => f.name === name);
      if (!relation || !field) throw new Error(`${model}.${name}`);
      expect(field.type).toBe(relation.model);
      // The side holding the foreign key names it; the join pairs it with the other side's key.
      const from = relation.list
        ? models[relation.model]?.fields.find((f) => f.relationName === field.relationName)
            ?.relationFromFields
        : field.relationFromFields;
      const fk = relation.on.map(([mine, theirs]) => (relation.list ? theirs : mine));
      expect(fk, `${model}.${name}`).toEqual(from);
    }
  });
});
