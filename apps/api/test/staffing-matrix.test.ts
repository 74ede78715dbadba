/**
 * The staffing part of the authorization matrix, over real HTTP: role × relation to the absent
 * specialist × operation (register an absence, see it listed, open its coverage view), and the
 * inbox (only the recipient reads or marks a notification). Targets are found by SQL describing
 * the relation; a denied registration writes nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

type Role =
  | 'JOB_SPECIALIST'
  | 'METHOD_SUPERVISOR'
  | 'HEALTH_SERVICE_LEADER'
  | 'TENANT_ADMINISTRATOR'
  | 'NAV_COUNSELLOR';
type Relation = 'self' | 'team member' | 'same organisation, other team' | 'other tenant';
type Outcome = 'allowed' | 'not found' | 'forbidden';

const CASE_ROLE = `m2.role IN ('JOB_SPECIALIST', 'METHOD_SUPERVISOR') AND m2."endedAt" IS NULL`;
const MY_ORGS = `m2."organizationId" IN (SELECT "organizationId" FROM membership WHERE "userId" = $1 AND "endedAt" IS NULL)`;
const MY_TEAMS = `(SELECT "teamId" FROM team_member WHERE "userId" = $1 AND "leftOn" IS NULL
                    UNION SELECT id FROM specialist_team WHERE "methodSupervisorId" = $1)`;
const IN_MY_TEAM = `EXISTS (SELECT 1 FROM team_member t WHERE t."userId" = m2."userId" AND t."leftOn" IS NULL AND t."teamId" IN ${MY_TEAMS})`;

/** SQL (with $1 = the actor's user id) for the case membership of a specialist in this relation. */
const RELATION_SQL: Record<Relation, string> = {
  self: `m2."userId" = $1 AND ${CASE_ROLE}`,
  'team member': `m2."userId" <> $1 AND ${CASE_ROLE} AND ${MY_ORGS} AND ${IN_MY_TEAM}`,
  'same organisation, other team': `m2."userId" <> $1 AND ${CASE_ROLE} AND ${MY_ORGS} AND NOT ${IN_MY_TEAM}`,
  'other tenant': `${CASE_ROLE} AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m2."userId" AND x."organizationId" IN
                     (SELECT "organizationId" FROM membership WHERE "userId" = $1))`,
};

// [register, listed, coverage]
type Row = [Role, Relation, Outcome, Outcome, Outcome];
const MATRIX: Row[] = [
  ['JOB_SPECIALIST', 'self', 'allowed', 'allowed', 'allowed'],
  ['JOB_SPECIALIST', 'team member', 'forbidden', 'not found', 'not found'],
  ['JOB_SPECIALIST', 'other tenant', 'not found', 'not found', 'not found'],
  ['METHOD_SUPERVISOR', 'self', 'allowed', 'allowed', 'allowed'],
  ['METHOD_SUPERVISOR', 'team member', 'forbidden', 'allowed', 'allowed'],
  ['METHOD_SUPERVISOR', 'same organisation, other team', 'forbidden', 'not found', 'not found'],
  ['METHOD_SUPERVISOR', 'other tenant', 'not found', 'not found', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'same organisation, other team', 'allowed', 'allowed', 'allowed'],
  ['HEALTH_SERVICE_LEADER', 'other tenant', 'not found', 'not found', 'not found'],
  ['TENANT_ADMINISTRATOR', 'same organisation, other team', 'forbidden', 'not found', 'not found'],
  ['TENANT_ADMINISTRATOR', 'other tenant', 'not found', 'not found', 'not found'],
  ['NAV_COUNSELLOR', 'other tenant', 'not found', 'not found', 'not found'],
];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // A second team in one organisation (led by someone else), with one specialist moved there, so
  // "same organisation, other team" is a real cell for the first team's supervisor.
  await stack.admin.query(`
    WITH lead AS (
      SELECT m."organizationId" FROM membership m WHERE m.role = 'METHOD_SUPERVISOR'
        AND EXISTS (SELECT 1 FROM specialist_team t WHERE t."methodSupervisorId" = m."userId" AND t."organizationId" = m."organizationId")
      ORDER BY m."organizationId" LIMIT 1
    ), other AS (
      SELECT m."userId" FROM membership m JOIN lead ON m."organizationId" = lead."organizationId"
      WHERE m.role = 'HEALTH_SERVICE_LEADER' ORDER BY m."userId" LIMIT 1
    ), team AS (
      INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt")
      SELECT gen_random_uuid(), lead."organizationId", 'IPS Ungdom', other."userId", now() FROM lead, other RETURNING id
    ), mover AS (
      SELECT tm.id FROM team_member tm JOIN lead ON tm."organizationId" = lead."organizationId"
      WHERE tm.role = 'JOB_SPECIALIST' AND tm."employerOrganizationId" = lead."organizationId" ORDER BY tm."userId" LIMIT 1
    )
    UPDATE team_member SET "teamId" = (SELECT id FROM team) WHERE id = (SELECT id FROM mover)`);
});
afterAll(async () => {
  await stack?.close();
});

async function cell(role: Role, relation: Relation) {
  const { rows } = await stack.admin.query<{ email: string; specialistId: string; organizationId: string }>(
    `SELECT u.email, m2."userId" AS "specialistId", m2."organizationId"
     FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN membership m2 ON ${RELATION_SQL[relation].replaceAll('$1', 'm."userId"')}
     WHERE m.role = $1 AND m."endedAt" IS NULL
     ORDER BY u.email, m2."userId" LIMIT 1`,
    [role],
  );
  if (!rows[0]) throw new Error(`the demo data has no ${role} with a specialist in relation "${relation}"`);
  return rows[0];
}

const count = async (sql: string, params: unknown[]) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

let day = 0;
/** A fresh period far from the seeded absences, so an allowed registration never overlaps. */
const freshPeriod = () => {
  day += 5;
  const start = new Date(Date.UTC(2031, 0, 1 + day));
  const end = new Date(start.getTime() + 2 * 86_400_000);
  return { startDate: start.toISOString().slice(0, 10), expectedEndDate: end.toISOString().slice(0, 10) };
};

async function register(email: string, specialistId: string): Promise<Outcome> {
  const before = await count('SELECT count(*) AS n FROM absence WHERE "specialistId" = $1', [specialistId]);
  const res = await stack.gql<{ registerAbsence: { __typename: string } }>(
    email,
    'mutation($input: RegisterAbsenceInput!) { registerAbsence(input: $input) { __typename } }',
    { input: { specialistId, type: 'COURSE', planned: true, ...freshPeriod() } },
  );
  if (res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) {
    expect(await count('SELECT count(*) AS n FROM absence WHERE "specialistId" = $1', [specialistId])).toBe(
      before,
    );
    return 'forbidden';
  }
  const typename = res.data?.registerAbsence.__typename;
  if (typename === 'MutationRegisterAbsenceSuccess') return 'allowed';
  if (typename === 'NotFoundError') {
    expect(await count('SELECT count(*) AS n FROM absence WHERE "specialistId" = $1', [specialistId])).toBe(
      before,
    );
    return 'not found';
  }
  throw new Error(JSON.stringify(res));
}

/** An absence of the specialist written below the API, for the read operations. */
async function seededAbsence(specialistId: string, organizationId: string): Promise<string> {
  const { rows } = await stack.admin.query<{ id: string }>(
    `INSERT INTO absence (id, "organizationId", "specialistId", type, planned, "startDate", "expectedEndDate", "registeredById", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'VACATION', true, $3, $4, $2, now()) RETURNING id`,
    [organizationId, specialistId, freshPeriod().startDate, freshPeriod().expectedEndDate],
  );
  return rows[0]?.id as string;
}

async function listed(email: string, absenceId: string, specialistId: string): Promise<Outcome> {
  const res = await stack.gql<{ absences: { id: string }[] }>(
    email,
    'query($s: ID) { absences(filter: { specialistId: $s }) { id } }',
    { s: specialistId },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data?.absences.some((a) => a.id === absenceId) ? 'allowed' : 'not found';
}

async function coverage(email: string, absenceId: string): Promise<Outcome> {
  const res = await stack.gql<{ absenceCoverage: { __typename: string } }>(
    email,
    'query($id: ID!) { absenceCoverage(absenceId: $id) { __typename } }',
    { id: absenceId },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const typename = res.data?.absenceCoverage.__typename;
  return typename === 'QueryAbsenceCoverageSuccess'
    ? 'allowed'
    : typename === 'NotFoundError'
      ? 'not found'
      : (String(typename) as Outcome);
}

describe('staffing matrix (role × relation × operation)', () => {
  const cells = MATRIX.flatMap(([role, relation, reg, list, cover]) =>
    (
      [
        ['register absence', reg],
        ['absence listed', list],
        ['coverage view', cover],
      ] as const
    ).map(([op, expected]) => ({ role, relation, op, expected })),
  );
  it.each(cells)('$role × $relation × $op → $expected', async ({ role, relation, op, expected }) => {
    const { email, specialistId, organizationId } = await cell(role, relation);
    if (op === 'register absence') return expect(await register(email, specialistId)).toBe(expected);
    const absenceId = await seededAbsence(specialistId, organizationId);
    if (op === 'absence listed') return expect(await listed(email, absenceId, specialistId)).toBe(expected);
    expect(await coverage(email, absenceId)).toBe(expected);
  });
});

describe('inbox', () => {
  it('is read and marked read by its recipient only', async () => {
    const { email: owner, specialistId: ownerId, organizationId } = await cell('JOB_SPECIALIST', 'self');
    const { email: colleague } = await cell('JOB_SPECIALIST', 'team member');
    const { rows } = await stack.admin.query<{ id: string }>(
      `INSERT INTO notification (id, "organizationId", "recipientId", kind, title, body)
       VALUES (gen_random_uuid(), $1, $2, 'TRANSFER', 'Ny jobbsøker', 'Avtal et møte') RETURNING id`,
      [organizationId, ownerId],
    );
    const id = rows[0]?.id as string;
    const mine = await stack.gql<{ notifications: { id: string }[] }>(owner, '{ notifications { id } }');
    expect(mine.data?.notifications.map((n) => n.id)).toContain(id);
    const theirs = await stack.gql<{ notifications: { id: string }[] }>(
      colleague,
      '{ notifications { id } }',
    );
    expect(theirs.data?.notifications.map((n) => n.id)).not.toContain(id);
    const MARK = 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { __typename } }';
    const denied = await stack.gql<{ markNotificationsRead: { __typename: string } }>(colleague, MARK, {
      ids: [id],
    });
    expect(denied.data?.markNotificationsRead.__typename).toBe('NotFoundError');
    expect(
      await count('SELECT count(*) AS n FROM notification WHERE id = $1 AND "readAt" IS NULL', [id]),
    ).toBe(1);
    const ok = await stack.gql<{ markNotificationsRead: { __typename: string } }>(owner, MARK, { ids: [id] });
    expect(ok.data?.markNotificationsRead.__typename).toBe('MutationMarkNotificationsReadSuccess');
    expect(
      await count('SELECT count(*) AS n FROM notification WHERE id = $1 AND "readAt" IS NOT NULL', [id]),
    ).toBe(1);
  });
});

describe('IDOR sweep: staffing and team work with another tenant’s ids', () => {
  it('answers not found (or nothing) and changes nothing', async () => {
    const { rows } = await stack.admin.query<{ email: string; userId: string }>(
      `SELECT u.email, u.id AS "userId" FROM specialist_team t JOIN app_user u ON u.id = t."methodSupervisorId" ORDER BY t.id LIMIT 1`,
    );
    const me = rows[0] as { email: string; userId: string };
    const MINE = `(SELECT "organizationId" FROM membership WHERE "userId" = $1)`;
    const foreign = (
      await stack.admin.query(
        `SELECT t.id AS "teamId", t."organizationId" AS "orgId",
                (SELECT a.id FROM absence a WHERE a."organizationId" NOT IN ${MINE} LIMIT 1) AS "absenceId",
                (SELECT j.id FROM job_seeker j WHERE j."organizationId" NOT IN ${MINE} AND j."teamId" IS NOT NULL AND j.phase <> 'DISCHARGED' LIMIT 1) AS "jobSeekerId",
                (SELECT n.id FROM notification n WHERE n."recipientId" <> $1 LIMIT 1) AS "notificationId",
                (SELECT m."userId" FROM membership m WHERE m.role = 'JOB_SPECIALIST' AND m."organizationId" NOT IN ${MINE} LIMIT 1) AS "specialistId"
         FROM specialist_team t WHERE t."organizationId" NOT IN ${MINE} LIMIT 1`,
        [me.userId],
      )
    ).rows[0];
    expect(
      foreign?.teamId && foreign.absenceId && foreign.jobSeekerId && foreign.notificationId,
    ).toBeTruthy();
    const snapshot = async () =>
      (
        await stack.admin.query<{ s: string }>(
          `SELECT md5(concat((SELECT count(*) FROM absence), (SELECT count(*) FROM transfer), (SELECT count(*) FROM team_member),
                   (SELECT count(*) FROM team_meeting), (SELECT count(*) FROM fidelity_review), (SELECT count(*) FROM notification WHERE "readAt" IS NOT NULL),
                   (SELECT string_agg(settings::text, '') FROM organization))) AS s`,
        )
      ).rows[0]?.s;
    const before = await snapshot();
    const reads = await stack.gql<Record<string, unknown>>(
      me.email,
      `query($absence: ID!, $js: ID!, $team: ID!, $org: ID!) {
        absenceCoverage(absenceId: $absence) { __typename }
        transferCandidates(jobSeekerId: $js) { __typename }
        teamResults(teamId: $team) { __typename }
        staffing(organizationId: $org) { __typename }
        teamMeetings(teamId: $team) { id }
        openActionPoints(teamId: $team) { id }
        fieldMentorings(teamId: $team) { id }
        portfolioReviews(teamId: $team) { id }
        fidelityReviews(teamId: $team) { id }
        absences(filter: { specialistId: "${foreign?.specialistId}" }) { id }
      }`,
      { absence: foreign?.absenceId, js: foreign?.jobSeekerId, team: foreign?.teamId, org: foreign?.orgId },
    );
    expect(reads.errors).toBeUndefined();
    expect(reads.data).toEqual({
      absenceCoverage: { __typename: 'NotFoundError' },
      transferCandidates: { __typename: 'NotFoundError' },
      teamResults: { __typename: 'NotFoundError' },
      staffing: { __typename: 'NotFoundError' },
      teamMeetings: [],
      openActionPoints: [],
      fieldMentorings: [],
      portfolioReviews: [],
      fidelityReviews: [],
      absences: [],
    });
    const today = new Date().toISOString().slice(0, 10);
    const mutations: [string, string, Record<string, unknown>][] = [
      [
        'registerAbsence',
        'RegisterAbsenceInput',
        { specialistId: foreign?.specialistId, type: 'COURSE', planned: true, startDate: '2032-01-01' },
      ],
      [
        'updateAbsence',
        'UpdateAbsenceInput',
        { absenceId: foreign?.absenceId, version: 1, actualEndDate: '2032-01-02' },
      ],
      [
        'transferJobSeeker',
        'TransferJobSeekerInput',
        {
          jobSeekerId: foreign?.jobSeekerId,
          fromSpecialistId: me.userId,
          toSpecialistId: me.userId,
          reason: 'JOB_SEEKER_WISH',
        },
      ],
      [
        'addTeamMember',
        'AddTeamMemberInput',
        { teamId: foreign?.teamId, userId: me.userId, joinedOn: today },
      ],
      [
        'removeTeamMember',
        'RemoveTeamMemberInput',
        { teamId: foreign?.teamId, userId: foreign?.specialistId, leftOn: today },
      ],
      [
        'createTeamMeeting',
        'CreateTeamMeetingInput',
        { teamId: foreign?.teamId, scheduledAt: new Date().toISOString() },
      ],
      [
        'logFieldMentoring',
        'LogFieldMentoringInput',
        {
          teamId: foreign?.teamId,
          observedSpecialistId: me.userId,
          observerId: me.userId,
          occurredOn: today,
          setting: 'EMPLOYER_MEETING',
        },
      ],
      [
        'startPortfolioReview',
        'StartPortfolioReviewInput',
        { teamId: foreign?.teamId, specialistId: me.userId, reviewedOn: today },
      ],
      [
        'startFidelityReview',
        'StartFidelityReviewInput',
        { teamId: foreign?.teamId, reviewedOn: today, reviewers: 'X Y' },
      ],
      [
        'updateStaffingSettings',
        'UpdateStaffingSettingsInput',
        { organizationId: foreign?.orgId, stalledAfterWeeks: 4 },
      ],
    ];
    for (const [field, inputType, input] of mutations) {
      const res = await stack.gql<Record<string, { __typename: string }>>(
        me.email,
        `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename } }`,
        { input },
      );
      expect({ field, result: res.data?.[field]?.__typename }).toEqual({ field, result: 'NotFoundError' });
    }
    const marked = await stack.gql<{ markNotificationsRead: { __typename: string } }>(
      me.email,
      'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { __typename } }',
      { ids: [foreign?.notificationId] },
    );
    expect(marked.data?.markNotificationsRead.__typename).toBe('NotFoundError');
    expect(await snapshot()).toBe(before);
  });
});
