/**
 * Finding a job seeker (issue 15, item 1): `jobSeekers(search:)` by name or identity number finds
 * only what the caller may see — a matrix of role × relation, each cell searched by name and by
 * number — and a number only where the caller may read it. The search term is never written to
 * the access log. A duplicate referral names the existing case only to whom may read its number.
 */
import { generateIdentityNumber } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';
import { addSecondTeam, findCell, type Relation, type Role } from './relations.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addSecondTeam(stack);
});
afterAll(async () => {
  await stack?.close();
});

const SEARCH = `query($search: String) { jobSeekers(first: 50, search: $search) { edges { node { id givenName } } } }`;
const dbId = (nodeId: string) => Buffer.from(nodeId, 'base64').toString().split(':')[1] as string;

async function found(email: string, search: string): Promise<string[]> {
  const res = await stack.gql<{ jobSeekers: { edges: { node: { id: string } }[] } }>(email, SEARCH, {
    search,
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data?.jobSeekers.edges ?? []).map((e) => dbId(e.node.id));
}

async function person(id: string) {
  const { rows } = await stack.admin.query<{ givenName: string; familyName: string; identityNumber: string }>(
    'SELECT "givenName", "familyName", "identityNumber" FROM job_seeker WHERE id = $1',
    [id],
  );
  return rows[0] as { givenName: string; familyName: string; identityNumber: string };
}

type Found = 'found' | 'not found';
// [role, relation, by name, by number]
const MATRIX: [Role, Relation, Found, Found][] = [
  ['JOB_SPECIALIST', 'own', 'found', 'found'],
  // A colleague discussing the case sees the name, never the number: not found by number.
  ['JOB_SPECIALIST', 'same team, team consent', 'found', 'not found'],
  ['JOB_SPECIALIST', 'same team, no consent', 'not found', 'not found'],
  ['JOB_SPECIALIST', 'other team', 'not found', 'not found'],
  ['JOB_SPECIALIST', 'other tenant', 'not found', 'not found'],
  ['METHOD_SUPERVISOR', 'own', 'found', 'found'],
  ['METHOD_SUPERVISOR', 'same team, team consent', 'found', 'not found'],
  ['METHOD_SUPERVISOR', 'same team, no consent', 'not found', 'not found'],
  ['METHOD_SUPERVISOR', 'other tenant', 'not found', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'same organisation', 'not found', 'not found'],
  ['TENANT_ADMINISTRATOR', 'same organisation', 'not found', 'not found'],
  ['TENANT_ADMINISTRATOR', 'other tenant', 'not found', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, active grant', 'found', 'found'],
  ['NAV_COUNSELLOR', 'NAV, consent withdrawn', 'not found', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, no grant', 'not found', 'not found'],
];

describe('search finds only what the caller may see', () => {
  it.each(MATRIX)('%s × %s: by name %s, by number %s', async (role, relation, byName, byNumber) => {
    const { email, jobSeekerId } = await findCell(stack, role, relation);
    const js = await person(jobSeekerId);
    // Lower case, the family name first, and the number written with a space: all as typed.
    const name = `${js.familyName.toLowerCase()} ${js.givenName.slice(0, 3).toUpperCase()}`;
    const number = `${js.identityNumber.slice(0, 6)} ${js.identityNumber.slice(6)}`;
    expect((await found(email, name)).includes(jobSeekerId) ? 'found' : 'not found').toBe(byName);
    expect((await found(email, number)).includes(jobSeekerId) ? 'found' : 'not found').toBe(byNumber);
  });
});

describe('what a search matches', () => {
  it('matches the start of a name part, not the middle of a name; a number only exactly', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    await stack.admin.query(
      `UPDATE job_seeker SET "givenName" = 'Anne Kari', "familyName" = 'Nilsen-Olsen' WHERE id = $1`,
      [jobSeekerId],
    );
    const js = await person(jobSeekerId);
    expect(await found(email, 'kari')).toContain(jobSeekerId);
    expect(await found(email, 'OLS')).toContain(jobSeekerId);
    expect(await found(email, 'anne nilsen')).toContain(jobSeekerId);
    expect(await found(email, 'ari')).not.toContain(jobSeekerId);
    expect(await found(email, 'anne hansen')).not.toContain(jobSeekerId);
    expect(await found(email, '%')).toEqual([]);
    expect(await found(email, js.identityNumber.slice(0, 10))).not.toContain(jobSeekerId);
    const other = js.identityNumber.slice(0, 10) + String((Number(js.identityNumber[10]) + 1) % 10);
    expect(await found(email, other)).toEqual([]);
    expect(await found(email, js.identityNumber)).toEqual([jobSeekerId]);
  });

  it('writes the hits to the access log as a search, and never the search term', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const js = await person(jobSeekerId);
    const before = new Date();
    expect(await found(email, js.identityNumber)).toEqual([jobSeekerId]);
    const { rows } = await stack.admin.query<{ area: string; row: string }>(
      `SELECT area, row_to_json(a)::text AS row FROM audit_log a WHERE "jobSeekerId" = $1 AND "occurredAt" >= $2`,
      [jobSeekerId, before],
    );
    expect(rows.map((r) => r.area)).toContain('JobSeeker.search');
    for (const r of rows) expect(r.row).not.toContain(js.identityNumber);
  });

  it('refuses a search term longer than 100 characters as bad input', async () => {
    const { email } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const res = await stack.gql(email, SEARCH, { search: 'a'.repeat(101) });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const REFER = `mutation($input: ReferJobSeekerInput!) {
  referJobSeeker(input: $input) {
    __typename
    ... on ValidationError { issues { field code existingId } }
  }
}`;

describe('a duplicate referral', () => {
  async function refer(email: string, jobSeekerId: string) {
    const { rows } = await stack.admin.query<{ organizationId: string; identityNumber: string }>(
      'SELECT "organizationId", "identityNumber" FROM job_seeker WHERE id = $1',
      [jobSeekerId],
    );
    await stack.admin.query('UPDATE organization SET "allowSyntheticIdentityNumbers" = true WHERE id = $1', [
      rows[0]?.organizationId,
    ]);
    const res = await stack.gql<{
      referJobSeeker: {
        __typename: string;
        issues?: { field: string; code: string; existingId: string | null }[];
      };
    }>(email, REFER, {
      input: {
        organizationId: rows[0]?.organizationId,
        identityNumber: rows[0]?.identityNumber,
        givenName: 'Ny',
        familyName: 'Henvisning',
        referralDate: '2026-01-05',
        outOfWorkAtReferral: true,
      },
    });
    return res.data?.referJobSeeker.issues?.find((i) => i.field === 'identityNumber');
  }

  it('names the existing case to its own specialist', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const issue = await refer(email, jobSeekerId);
    expect(issue?.code).toBe('DUPLICATE');
    expect(dbId(issue?.existingId as string)).toBe(jobSeekerId);
  });

  it('does not name a case the caller may not read the number of (a colleague’s, a hidden one)', async () => {
    for (const relation of ['same team, team consent', 'same team, no consent'] as const) {
      const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', relation);
      const issue = await refer(email, jobSeekerId);
      expect(issue).toEqual({ field: 'identityNumber', code: 'DUPLICATE', existingId: null });
    }
  });

  it('a new number is no duplicate', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const { rows } = await stack.admin.query<{ organizationId: string }>(
      'SELECT "organizationId" FROM job_seeker WHERE id = $1',
      [jobSeekerId],
    );
    const res = await stack.gql<{ referJobSeeker: { __typename: string } }>(email, REFER, {
      input: {
        organizationId: rows[0]?.organizationId,
        identityNumber: generateIdentityNumber({ birthDate: '1993-03-03', synthetic: true, individual: 321 }),
        givenName: 'Ny',
        familyName: 'Henvisning',
        referralDate: '2026-01-05',
        outOfWorkAtReferral: true,
      },
    });
    expect(res.data?.referJobSeeker.__typename).toBe('MutationReferJobSeekerSuccess');
  });
});
