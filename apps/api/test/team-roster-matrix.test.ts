/**
 * The supervisor's team page (issue 16): `teamRoster` — the team's job specialists with FTE and
 * caseload, and who could be added — is for those who manage the team's members (its method
 * supervisor, the organisation's tenant administrators). Role × relation to the team, over real
 * HTTP; the teams are found by SQL describing the relation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

type Role =
  | 'JOB_SPECIALIST'
  | 'METHOD_SUPERVISOR'
  | 'HEALTH_SERVICE_LEADER'
  | 'TENANT_ADMINISTRATOR'
  | 'NAV_COUNSELLOR';
type Relation = 'own team' | 'same organisation, other team' | 'other tenant';
type Outcome = 'allowed' | 'forbidden' | 'not found';

const MY_TEAMS = `(SELECT "teamId" FROM team_member WHERE "userId" = m."userId" AND "leftOn" IS NULL
                   UNION SELECT id FROM specialist_team WHERE "methodSupervisorId" = m."userId")`;
const RELATION_SQL: Record<Relation, string> = {
  'own team': `t."organizationId" = m."organizationId" AND t.id IN ${MY_TEAMS}`,
  'same organisation, other team': `t."organizationId" = m."organizationId" AND t.id NOT IN ${MY_TEAMS}`,
  'other tenant': `NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x."organizationId" = t."organizationId")`,
};

const MATRIX: [Role, Relation, Outcome][] = [
  ['METHOD_SUPERVISOR', 'own team', 'allowed'],
  ['METHOD_SUPERVISOR', 'same organisation, other team', 'forbidden'],
  ['METHOD_SUPERVISOR', 'other tenant', 'not found'],
  ['JOB_SPECIALIST', 'own team', 'forbidden'],
  ['JOB_SPECIALIST', 'other tenant', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'same organisation, other team', 'forbidden'],
  ['HEALTH_SERVICE_LEADER', 'other tenant', 'not found'],
  ['TENANT_ADMINISTRATOR', 'same organisation, other team', 'allowed'],
  ['TENANT_ADMINISTRATOR', 'other tenant', 'not found'],
  ['NAV_COUNSELLOR', 'other tenant', 'not found'],
];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // A second team in a supervisor's organisation, led by its health-service leader, so "same
  // organisation, other team" is a real cell for the first team's supervisor.
  await stack.admin.query(`
    WITH lead AS (
      SELECT m."organizationId" FROM membership m WHERE m.role = 'METHOD_SUPERVISOR'
        AND EXISTS (SELECT 1 FROM specialist_team t WHERE t."methodSupervisorId" = m."userId" AND t."organizationId" = m."organizationId")
      ORDER BY m."organizationId" LIMIT 1
    ), other AS (
      SELECT m."userId" FROM membership m JOIN lead ON m."organizationId" = lead."organizationId"
      WHERE m.role = 'HEALTH_SERVICE_LEADER' ORDER BY m."userId" LIMIT 1
    )
    INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt")
    SELECT gen_random_uuid(), lead."organizationId", 'IPS Ungdom', other."userId", now() FROM lead, other`);
});
afterAll(async () => {
  await stack?.close();
});

async function cell(role: Role, relation: Relation) {
  const { rows } = await stack.admin.query<{
    email: string;
    teamId: string;
    userId: string;
  }>(
    `SELECT u.email, t.id AS "teamId", m."userId"
     FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN specialist_team t ON ${RELATION_SQL[relation]}
     WHERE m.role = $1 AND m."endedAt" IS NULL AND t.active
     ORDER BY u.email, t.name, t.id LIMIT 1`,
    [role],
  );
  if (!rows[0]) throw new Error(`the demo data has no ${role} with a team in relation "${relation}"`);
  return rows[0];
}

const ROSTER = `query($id: ID!) { teamRoster(teamId: $id) { __typename
  ... on QueryTeamRosterSuccess { data { teamId members { userId fte caseload caseloadLimit joinedOn }
    candidates { userId joinedOn } } } } }`;

interface RosterAnswer {
  teamRoster: {
    __typename: string;
    data?: {
      teamId: string;
      members: {
        userId: string;
        fte: number;
        caseload: number;
        caseloadLimit: number;
        joinedOn: string;
      }[];
      candidates: { userId: string; joinedOn: string | null }[];
    };
  };
}

async function roster(email: string, teamId: string) {
  const res = await stack.gql<RosterAnswer>(email, ROSTER, { id: teamId });
  if (res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) return { outcome: 'forbidden' as const };
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const typename = res.data?.teamRoster.__typename;
  if (typename === 'NotFoundError') return { outcome: 'not found' as const };
  if (typename === 'QueryTeamRosterSuccess')
    return { outcome: 'allowed' as const, data: res.data?.teamRoster.data };
  throw new Error(JSON.stringify(res));
}

describe('team roster matrix (role × relation to the team)', () => {
  it.each(MATRIX.map(([role, relation, expected]) => ({ role, relation, expected })))(
    '$role × $relation → $expected',
    async ({ role, relation, expected }) => {
      const { email, teamId } = await cell(role, relation);
      expect((await roster(email, teamId)).outcome).toBe(expected);
    },
  );
});

describe('what the supervisor sees', () => {
  it('the team’s job specialists with FTE and caseload, and the organisation’s others as candidates', async () => {
    const { email, teamId } = await cell('METHOD_SUPERVISOR', 'own team');
    const answer = await roster(email, teamId);
    const data = answer.data;
    if (!data) throw new Error('no roster');
    const { rows: members } = await stack.admin.query<{ userId: string }>(
      `SELECT "userId" FROM team_member WHERE "teamId" = $1 AND "leftOn" IS NULL AND role = 'JOB_SPECIALIST'`,
      [teamId],
    );
    expect(data.members.map((m) => m.userId).sort()).toEqual(members.map((m) => m.userId).sort());
    const first = data.members[0];
    if (!first) throw new Error('the team has no member');
    const { rows } = await stack.admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM job_seeker j JOIN specialist_team t ON t.id = $2
       WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED' AND j."deletedAt" IS NULL
         AND j."organizationId" = t."organizationId"`,
      [first.userId, teamId],
    );
    expect(first.caseload).toBe(Number(rows[0]?.n));
    expect(first.caseloadLimit).toBe(Math.floor(20 * first.fte));
    expect(first.joinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A candidate is a job specialist of the organisation, never one already in the team.
    for (const c of data.candidates) {
      expect(members.some((m) => m.userId === c.userId)).toBe(false);
      expect(c.joinedOn).toBeNull();
    }
    const { rows: others } = await stack.admin.query<{ userId: string }>(
      `SELECT m."userId" FROM membership m JOIN specialist_team t ON t.id = $1
       WHERE m."organizationId" = t."organizationId" AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
         AND m."userId" <> t."methodSupervisorId"
         AND m."userId" NOT IN (SELECT "userId" FROM team_member WHERE "teamId" = $1 AND "leftOn" IS NULL)`,
      [teamId],
    );
    expect(data.candidates.map((c) => c.userId).sort()).toEqual(others.map((o) => o.userId).sort());
  });
});
