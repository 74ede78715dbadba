/**
 * The authorization matrix, generated from one table: role × relation × operation with the
 * expected outcome, over real HTTP. Every cell names itself; a denied mutation must leave the
 * consent table and the access log untouched. Targets are picked from the demo data by SQL that
 * describes the relation, independently of the rules under test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

type Role =
  | 'JOB_SPECIALIST'
  | 'METHOD_SUPERVISOR'
  | 'HEALTH_SERVICE_LEADER'
  | 'TENANT_ADMINISTRATOR'
  | 'NAV_COUNSELLOR';
type Relation =
  | 'own'
  | 'same team, team consent'
  | 'same team, no consent'
  | 'other team'
  | 'same organisation'
  | 'other tenant'
  | 'NAV, active grant'
  | 'NAV, consent withdrawn'
  | 'NAV, grant revoked'
  | 'NAV, grant expired'
  | 'NAV, no grant';
type Operation = 'read' | 'read identity number' | 'record consent';
type Outcome = 'allowed' | 'not found' | 'null field' | 'forbidden';

const ACTIVE = (a: string) =>
  `${a}."withdrawnAt" IS NULL AND ${a}."validFrom" <= now() AND (${a}."validUntil" IS NULL OR ${a}."validUntil" > now())`;
const TEAM_CONSENT = `EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND ${ACTIVE('c')})`;
const MY_ORGS = `j."organizationId" IN (SELECT "organizationId" FROM membership WHERE "userId" = $1 AND "endedAt" IS NULL)`;
const MY_TEAMS = `j."teamId" IN (SELECT "teamId" FROM team_member WHERE "userId" = $1 AND "leftOn" IS NULL)`;
const GRANT = (cond: string) =>
  `EXISTS (SELECT 1 FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
     WHERE g."jobSeekerId" = j.id AND g."navOfficeId" IN (SELECT "organizationId" FROM membership WHERE "userId" = $1)
       AND (g."counsellorId" IS NULL OR g."counsellorId" = $1) AND ${cond})`;
const GRANT_ACTIVE = `g."revokedAt" IS NULL AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now()) AND ${ACTIVE('c')}`;

/** SQL (with $1 = the actor's user id) that finds a job seeker in this relation to the actor. */
const RELATION_SQL: Record<Relation, string> = {
  own: `j."currentSpecialistId" = $1`,
  'same team, team consent': `${MY_ORGS} AND ${MY_TEAMS} AND j."currentSpecialistId" <> $1 AND ${TEAM_CONSENT}`,
  'same team, no consent': `${MY_ORGS} AND ${MY_TEAMS} AND j."currentSpecialistId" <> $1 AND NOT ${TEAM_CONSENT}`,
  'other team': `${MY_ORGS} AND NOT ${MY_TEAMS} AND j."currentSpecialistId" <> $1`,
  'same organisation': MY_ORGS,
  'other tenant': `NOT ${MY_ORGS}`,
  'NAV, active grant': GRANT(GRANT_ACTIVE),
  'NAV, consent withdrawn': `${GRANT(`g."revokedAt" IS NULL AND c."withdrawnAt" IS NOT NULL`)} AND NOT ${GRANT(GRANT_ACTIVE)}`,
  'NAV, grant revoked': `${GRANT(`g."revokedAt" IS NOT NULL`)} AND NOT ${GRANT(GRANT_ACTIVE)}`,
  'NAV, grant expired': `${GRANT(`g."revokedAt" IS NULL AND g."validUntil" <= now()`)} AND NOT ${GRANT(GRANT_ACTIVE)}`,
  'NAV, no grant': `NOT EXISTS (SELECT 1 FROM nav_sharing_grant g WHERE g."jobSeekerId" = j.id)`,
};

// Expected outcome per role and relation: [read, read identity number, record consent].
const MATRIX: [Role, Relation, Outcome, Outcome, Outcome][] = [
  ['JOB_SPECIALIST', 'own', 'allowed', 'allowed', 'allowed'],
  ['JOB_SPECIALIST', 'same team, team consent', 'allowed', 'null field', 'forbidden'],
  ['JOB_SPECIALIST', 'same team, no consent', 'not found', 'not found', 'not found'],
  ['JOB_SPECIALIST', 'other team', 'not found', 'not found', 'not found'],
  ['JOB_SPECIALIST', 'other tenant', 'not found', 'not found', 'not found'],
  ['METHOD_SUPERVISOR', 'own', 'allowed', 'allowed', 'allowed'],
  ['METHOD_SUPERVISOR', 'same team, team consent', 'allowed', 'null field', 'forbidden'],
  ['METHOD_SUPERVISOR', 'same team, no consent', 'not found', 'not found', 'not found'],
  ['METHOD_SUPERVISOR', 'other tenant', 'not found', 'not found', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'same organisation', 'not found', 'not found', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'other tenant', 'not found', 'not found', 'not found'],
  ['TENANT_ADMINISTRATOR', 'same organisation', 'not found', 'not found', 'not found'],
  ['TENANT_ADMINISTRATOR', 'other tenant', 'not found', 'not found', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, active grant', 'allowed', 'allowed', 'forbidden'],
  ['NAV_COUNSELLOR', 'NAV, consent withdrawn', 'not found', 'not found', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, grant revoked', 'not found', 'not found', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, grant expired', 'not found', 'not found', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, no grant', 'not found', 'not found', 'not found'],
];

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // The demo has one team per organisation; add a second team to one organisation and move a
  // job seeker (with team-discussion consent) there, so "other team" is a real cell.
  await stack.admin.query(`
    WITH org AS (
      SELECT m."organizationId", m."userId" FROM membership m WHERE m.role = 'HEALTH_SERVICE_LEADER' ORDER BY m."organizationId" LIMIT 1
    ), team AS (
      INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt")
      SELECT gen_random_uuid(), org."organizationId", 'IPS Ungdom', org."userId", now() FROM org RETURNING id, "organizationId"
    )
    UPDATE job_seeker j SET "teamId" = team.id FROM team
    WHERE j.id = (SELECT j2.id FROM job_seeker j2 JOIN team t2 ON t2."organizationId" = j2."organizationId"
                  WHERE ${TEAM_CONSENT.replaceAll('j.id', 'j2.id')} ORDER BY j2.id LIMIT 1)`);
});
afterAll(async () => {
  await stack?.close();
});

/** An actor with the role for whom a job seeker in the relation exists, and that job seeker. */
async function cell(role: Role, relation: Relation): Promise<{ email: string; jobSeekerId: string }> {
  const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string }>(
    `SELECT u.email, (SELECT j.id FROM job_seeker j WHERE ${RELATION_SQL[relation]} ORDER BY j.id LIMIT 1) AS "jobSeekerId"
     FROM membership m JOIN app_user u ON u.id = m."userId"
     WHERE m.role = $2 AND EXISTS (SELECT 1 FROM job_seeker j WHERE ${RELATION_SQL[relation]})
     ORDER BY u.email LIMIT 1`
      .replaceAll('$1', 'm."userId"')
      .replace('$2', '$1'),
    [role],
  );
  const found = rows[0];
  if (!found?.jobSeekerId)
    throw new Error(`the demo data has no ${role} with a job seeker in relation "${relation}"`);
  return found;
}

const count = async (sql: string, params: unknown[]) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

async function perform(op: Operation, email: string, jobSeekerId: string): Promise<Outcome> {
  if (op === 'read' || op === 'read identity number') {
    const res = await stack.gql<{
      jobSeeker: { givenName: string | null; identityNumber: string | null } | null;
    }>(email, `{ jobSeeker(id: "${jobSeekerId}") { givenName identityNumber } }`);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const js = res.data?.jobSeeker;
    if (!js) return 'not found';
    if (op === 'read') return js.givenName ? 'allowed' : 'null field';
    return js.identityNumber ? 'allowed' : 'null field';
  }
  const before = {
    consents: await count('SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1', [jobSeekerId]),
    audit: await count('SELECT count(*) AS n FROM audit_log WHERE action <> $1', ['READ']),
  };
  const scope = (
    await stack.admin.query<{ scope: string }>(
      `SELECT s AS scope FROM unnest(enum_range(NULL::"ConsentScope")) s
     WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = $1 AND c.scope = s AND c."withdrawnAt" IS NULL) LIMIT 1`,
      [jobSeekerId],
    )
  ).rows[0]?.scope;
  const res = await stack.gql<{ recordConsent: { __typename: string } }>(
    email,
    `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { __typename } }`,
    { input: { jobSeekerId, scope: scope ?? 'RELATIVES_NETWORK', validUntil: '2099-01-01T00:00:00Z' } },
  );
  const outcome: Outcome = res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')
    ? 'forbidden'
    : res.data?.recordConsent.__typename === 'NotFoundError'
      ? 'not found'
      : res.data?.recordConsent.__typename === 'MutationRecordConsentSuccess'
        ? 'allowed'
        : (JSON.stringify(res) as Outcome);
  if (outcome !== 'allowed') {
    // A denied mutation changes nothing: no consent, no access-log row of a change.
    expect(await count('SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1', [jobSeekerId])).toBe(
      before.consents,
    );
    expect(await count('SELECT count(*) AS n FROM audit_log WHERE action <> $1', ['READ'])).toBe(
      before.audit,
    );
  }
  return outcome;
}

describe('authorization matrix (role × relation × operation)', () => {
  const cells = MATRIX.flatMap(([role, relation, read, identity, record]) =>
    (
      [
        ['read', read],
        ['read identity number', identity],
        ['record consent', record],
      ] as [Operation, Outcome][]
    ).map(([op, expected]) => ({ role, relation, op, expected })),
  );
  it.each(cells)('$role × $relation × $op → $expected', async ({ role, relation, op, expected }) => {
    const { email, jobSeekerId } = await cell(role, relation);
    expect(await perform(op, email, jobSeekerId)).toBe(expected);
  });
});

describe('IDOR sweep: every id argument with another tenant’s ids', () => {
  it('answers not found (or nothing) for every id-taking field and mutation', async () => {
    const { email, jobSeekerId } = await cell('JOB_SPECIALIST', 'other tenant');
    const { rows } = await stack.admin.query<{ consentId: string; grantId: string | null; orgId: string }>(
      `SELECT (SELECT id FROM consent WHERE "jobSeekerId" = $1 LIMIT 1) AS "consentId",
              (SELECT id FROM nav_sharing_grant WHERE "jobSeekerId" = $1 LIMIT 1) AS "grantId",
              (SELECT "organizationId" FROM job_seeker WHERE id = $1) AS "orgId"`,
      [jobSeekerId],
    );
    const { consentId, grantId, orgId } = rows[0] as {
      consentId: string;
      grantId: string | null;
      orgId: string;
    };
    const node = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
    const reads = await stack.gql<Record<string, unknown>>(
      email,
      `query($js: ID!, $n1: ID!, $n2: ID!) {
        jobSeeker(id: $js) { id }
        node(id: $n1) { id }
        nodes(ids: [$n1, $n2]) { id }
        accessLog(jobSeekerId: $js) { action }
      }`,
      { js: jobSeekerId, n1: node('JobSeeker', jobSeekerId), n2: node('Organization', orgId) },
    );
    expect(reads.errors).toBeUndefined();
    expect(reads.data).toEqual({ jobSeeker: null, node: null, nodes: [null, null], accessLog: [] });

    const mutations: [string, string, Record<string, unknown>][] = [
      ['recordConsent', 'RecordConsentInput', { jobSeekerId, scope: 'NAV_SHARING' }],
      ['changeConsent', 'ChangeConsentInput', { id: consentId, version: 1, documentReference: 'x' }],
      ['withdrawConsent', 'WithdrawConsentInput', { id: consentId, version: 1 }],
      [
        'grantNavSharing',
        'GrantNavSharingInput',
        { jobSeekerId, navOfficeId: orgId, scopes: ['EMPLOYMENT_STATUS'] },
      ],
      ...(grantId
        ? ([['revokeNavSharing', 'RevokeNavSharingInput', { id: grantId, version: 1 }]] as [
            string,
            string,
            Record<string, unknown>,
          ][])
        : []),
    ];
    for (const [field, inputType, input] of mutations) {
      const before = await count(
        'SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1 AND version > 1 OR "jobSeekerId" = $1 AND "withdrawnAt" IS NOT NULL',
        [jobSeekerId],
      );
      const res = await stack.gql<Record<string, { __typename: string }>>(
        email,
        `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename } }`,
        { input },
      );
      expect({ field, result: res.data?.[field]?.__typename }).toEqual({ field, result: 'NotFoundError' });
      expect(
        await count(
          'SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1 AND version > 1 OR "jobSeekerId" = $1 AND "withdrawnAt" IS NOT NULL',
          [jobSeekerId],
        ),
      ).toBe(before);
    }
  });
});
