/**
 * The NAV counsellor's list at national scale (issue 18 item 1, ADR 0020: the page's ids first, then
 * their rows): the same job seekers in the same order as the rule says from scratch (an active grant
 * to the office or the counsellor, on an active NAV-sharing consent) and as the normal path, page by
 * page; the same access-log entries;
 * SQL statements per request that do not grow with the number of grants or rows; and an actor who
 * is more than a NAV counsellor still sees everything else they may read.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { padded } from '../src/services/nav-list.js';
import { type Stack, startStack } from './harness.js';
import { GRANT, GRANT_ACTIVE } from './relations.js';

let stack: Stack;
let nav: { userId: string; email: string; officeId: string };

beforeAll(async () => {
  // This file holds the page-first path (ADR 0020), which serves the NAV documents the shaped list
  // does not answer; the shaped list (ADR 0023 step 5) is compared with it in shaped-list.test.ts.
  process.env.IPS_SHAPED_LISTS = '0';
  stack = await startStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{ userId: string; email: string; officeId: string }>(
    `SELECT m."userId", u.email, m."organizationId" AS "officeId" FROM membership m JOIN app_user u ON u.id = m."userId"
     WHERE m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM membership o WHERE o."userId" = m."userId" AND o.role <> 'NAV_COUNSELLOR')
     ORDER BY u.email LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no NAV counsellor');
  nav = rows[0];
});
afterAll(async () => {
  delete process.env.IPS_SHAPED_LISTS;
  await stack?.close();
});

const LIST = `query($first: Int!, $after: String) {
  jobSeekers(first: $first, after: $after) {
    edges { node { id navSharingGrants { id } employments { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
type Page = {
  jobSeekers: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
};

/** The job seeker's id in a global id (`JobSeeker:<uuid>`, base64). */
const rawId = (globalId: string) =>
  Buffer.from(globalId, 'base64')
    .toString('utf8')
    .replace(/^JobSeeker:/, '');

/** Every page of the list, as the NAV page asks for it. */
async function wholeList(email: string, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const res: { data?: Page; errors?: unknown[] } = await stack.gql<Page>(email, LIST, { first, after });
    expect(res.errors).toBeUndefined();
    const page: Page['jobSeekers'] | undefined = res.data?.jobSeekers;
    if (!page) throw new Error('no list');
    ids.push(...page.edges.map((e) => rawId(e.node.id)));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
  throw new Error('the list did not end');
}

/** The rule from scratch, in SQL written apart from the code under test (relations.ts). */
async function expected(userId: string): Promise<string[]> {
  const { rows } = await stack.admin.query<{ id: string }>(
    `SELECT j.id FROM job_seeker j WHERE j."deletedAt" IS NULL AND ${GRANT(GRANT_ACTIVE)}
     ORDER BY j."referralDate" DESC, j.id DESC`,
    [userId],
  );
  return rows.map((r) => r.id);
}

/** Gives `count` more job seekers of other organisations a NAV-sharing consent and a grant to the office. */
async function grantMore(count: number): Promise<void> {
  await stack.admin.query(
    `WITH picked AS (
       SELECT j.id, j."organizationId", j."currentSpecialistId" AS by FROM job_seeker j
       WHERE j."deletedAt" IS NULL AND j."currentSpecialistId" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM nav_sharing_grant g WHERE g."jobSeekerId" = j.id AND g."navOfficeId" = $1)
       ORDER BY j.id LIMIT $2),
     c AS (INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "navParts", "validFrom", "recordedById", "updatedAt")
           SELECT gen_random_uuid(), p."organizationId", p.id, 'NAV_SHARING', ARRAY['BASIC_DETAILS']::"NavShareScope"[], now() - interval '1 day', p.by, now()
           FROM picked p RETURNING id, "organizationId", "jobSeekerId", "recordedById")
     INSERT INTO nav_sharing_grant (id, "organizationId", "jobSeekerId", "consentId", "navOfficeId", scopes, "validFrom", "grantedById", "updatedAt")
     SELECT gen_random_uuid(), c."organizationId", c."jobSeekerId", c.id, $1, ARRAY['BASIC_DETAILS']::"NavShareScope"[], now() - interval '1 day', c."recordedById", now()
     FROM c`,
    [nav.officeId, count],
  );
}

async function statementsFor(first: number): Promise<{ statements: number; rows: number }> {
  await stack.gql(nav.email, LIST, { first, after: null }); // warm caches (trusted issuers)
  stack.statements.length = 0;
  const res = await stack.gql<Page>(nav.email, LIST, { first, after: null });
  expect(res.errors).toBeUndefined();
  return { statements: stack.statements.length, rows: res.data?.jobSeekers.edges.length ?? 0 };
}

describe("the NAV counsellor's list, the page's ids first", () => {
  it('lists exactly the job seekers the rule gives, in referral order, across pages', async () => {
    await grantMore(7);
    const want = await expected(nav.userId);
    expect(want.length).toBeGreaterThan(7);
    expect(await wholeList(nav.email, 5)).toEqual(want);
    expect(await wholeList(nav.email, 50)).toEqual(want);
  });

  it('gives the same pages as the list read in one statement (the normal path)', async () => {
    const fast = await wholeList(nav.email, 7);
    const fastStatements = (await statementsFor(7)).statements;
    process.env.IPS_NAV_LIST_PAGE_FIRST = '0';
    try {
      expect(await wholeList(nav.email, 7)).toEqual(fast);
      // The normal path reads the page in one statement (so this test compares two paths).
      expect((await statementsFor(7)).statements).toBe(fastStatements - 1);
    } finally {
      delete process.env.IPS_NAV_LIST_PAGE_FIRST;
    }
  });

  it('leaves out a job seeker whose grant is revoked or whose consent is withdrawn', async () => {
    const [first, second] = await expected(nav.userId);
    await stack.admin.query(
      `UPDATE nav_sharing_grant SET "revokedAt" = now() WHERE "jobSeekerId" = $1 AND "navOfficeId" = $2`,
      [first, nav.officeId],
    );
    await stack.admin.query(
      `UPDATE consent SET "withdrawnAt" = now() WHERE scope = 'NAV_SHARING'
         AND id IN (SELECT "consentId" FROM nav_sharing_grant WHERE "jobSeekerId" = $1 AND "navOfficeId" = $2)`,
      [second, nav.officeId],
    );
    const list = await wholeList(nav.email, 50);
    expect(list).not.toContain(first);
    expect(list).not.toContain(second);
    expect(list).toEqual(await expected(nav.userId));
  });

  it('writes one access-log entry per job seeker shown, as before', async () => {
    const count = async () =>
      Number(
        (
          await stack.admin.query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_log WHERE "actorUserId" = $1 AND area = 'JobSeeker.list'`,
            [nav.userId],
          )
        ).rows[0]?.n,
      );
    const before = await count();
    const res = await stack.gql<Page>(nav.email, LIST, { first: 3, after: null });
    const shown = res.data?.jobSeekers.edges.map((e) => rawId(e.node.id)) ?? [];
    expect(shown.length).toBe(3);
    expect(await count()).toBe(before + 3);
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT "jobSeekerId" AS id FROM audit_log WHERE "actorUserId" = $1 AND area = 'JobSeeker.list'
       ORDER BY sequence DESC LIMIT 3`,
      [nav.userId],
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...shown].sort());
  });

  it('pads the ids to a power of two, so the statement text does not vary with each count', () => {
    expect(padded([])).toEqual([]);
    expect(padded(['a', 'b'])).toEqual(['a', 'b', 'b', 'b', 'b', 'b', 'b', 'b']);
    expect(padded(Array.from({ length: 9 }, (_, i) => String(i)))).toHaveLength(16);
    expect(new Set(padded(Array.from({ length: 100 }, (_, i) => String(i)))).size).toBe(100);
  });

  it('sends as many SQL statements for 40 rows as for 2, and as many with 60 more grants', async () => {
    const small = await statementsFor(2);
    const big = await statementsFor(40);
    await grantMore(60);
    const grown = await statementsFor(40);
    expect(small.rows).toBe(2);
    expect(big.rows).toBeGreaterThan(small.rows);
    expect(grown.rows).toBe(40);
    expect(big.statements).toBe(small.statements);
    expect(grown.statements).toBe(big.statements);
    expect(small.statements).toBeGreaterThanOrEqual(4); // BEGIN, the page, its rows, COMMIT at least
  });

  it('does not narrow the list of someone who is more than a NAV counsellor', async () => {
    // The counsellor also becomes a tenant administrator of a municipality: no job seeker there is
    // readable to that role, and the list is the NAV part alone; as a job specialist of a team
    // their own case appears beside the granted ones.
    const { rows } = await stack.admin.query<{ org: string; team: string; teamOrg: string; js: string }>(
      `SELECT j."organizationId" AS org, j."teamId" AS team, t."organizationId" AS "teamOrg", j.id AS js
       FROM job_seeker j JOIN specialist_team t ON t.id = j."teamId"
       WHERE j."teamId" IS NOT NULL AND j."deletedAt" IS NULL AND NOT ${GRANT('true')}
       ORDER BY j.id LIMIT 1`,
      [nav.userId],
    );
    const own = rows[0];
    if (!own) throw new Error('the demo data has no job seeker without a grant');
    await stack.admin.query(
      `INSERT INTO membership (id, "organizationId", "userId", role, "validFrom", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'JOB_SPECIALIST', now() - interval '1 day', now())`,
      [own.org, nav.userId],
    );
    await stack.admin.query(
      `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
       VALUES (gen_random_uuid(), $1, $2, $3, 'JOB_SPECIALIST', $4, current_date - 1)`,
      [own.teamOrg, own.team, nav.userId, own.org],
    );
    await stack.admin.query(`UPDATE job_seeker SET "currentSpecialistId" = $2 WHERE id = $1`, [
      own.js,
      nav.userId,
    ]);
    const list = await wholeList(nav.email, 50);
    expect(list).toContain(own.js);
    for (const id of await expected(nav.userId)) expect(list).toContain(id);
  });
});
