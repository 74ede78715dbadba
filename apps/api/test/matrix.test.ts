/**
 * The authorization matrix, generated from one table: role × relation × operation with the
 * expected outcome, over real HTTP. Every cell names itself; a denied mutation must leave the
 * consent table and the access log untouched. Targets are picked from the demo data by SQL that
 * describes the relation, independently of the rules under test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';
import { addSecondTeam, findCell, type Relation, type Role } from './relations.js';

type Operation =
  | 'read'
  | 'read identity number'
  | 'listed'
  | 'record consent'
  | 'withdraw consent'
  | 'record job start'
  | 'transfer';
type Outcome = 'allowed' | 'not found' | 'null field' | 'forbidden';

// Expected outcome per role and relation:
// [read, read identity number, listed, record consent, withdraw consent, record job start, transfer].
type Row = [Role, Relation, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
const NOT_FOUND: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome] = [
  'not found',
  'not found',
  'not found',
  'not found',
  'not found',
  'not found',
  'not found',
];
const MATRIX: Row[] = [
  ['JOB_SPECIALIST', 'own', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'forbidden'],
  [
    'JOB_SPECIALIST',
    'same team, team consent',
    'allowed',
    'null field',
    'allowed',
    'forbidden',
    'not found',
    'forbidden',
    'forbidden',
  ],
  ['JOB_SPECIALIST', 'same team, no consent', ...NOT_FOUND],
  ['JOB_SPECIALIST', 'other team', ...NOT_FOUND],
  ['JOB_SPECIALIST', 'other tenant', ...NOT_FOUND],
  ['METHOD_SUPERVISOR', 'own', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed'],
  [
    'METHOD_SUPERVISOR',
    'same team, team consent',
    'allowed',
    'null field',
    'allowed',
    'forbidden',
    'forbidden',
    'forbidden',
    'allowed',
  ],
  ['METHOD_SUPERVISOR', 'same team, no consent', ...NOT_FOUND],
  ['METHOD_SUPERVISOR', 'other tenant', ...NOT_FOUND],
  ['HEALTH_SERVICE_LEADER', 'same organisation', ...NOT_FOUND],
  ['HEALTH_SERVICE_LEADER', 'other tenant', ...NOT_FOUND],
  ['TENANT_ADMINISTRATOR', 'same organisation', ...NOT_FOUND],
  ['TENANT_ADMINISTRATOR', 'other tenant', ...NOT_FOUND],
  [
    'NAV_COUNSELLOR',
    'NAV, active grant',
    'allowed',
    'allowed',
    'allowed',
    'forbidden',
    'not found',
    'forbidden',
    'forbidden',
  ],
  ['NAV_COUNSELLOR', 'NAV, consent withdrawn', ...NOT_FOUND],
  ['NAV_COUNSELLOR', 'NAV, consent expired', ...NOT_FOUND],
  ['NAV_COUNSELLOR', 'NAV, grant revoked', ...NOT_FOUND],
  ['NAV_COUNSELLOR', 'NAV, grant expired', ...NOT_FOUND],
  ['NAV_COUNSELLOR', 'NAV, no grant', ...NOT_FOUND],
];

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addSecondTeam(stack);
});
afterAll(async () => {
  await stack?.close();
});

const cell = (role: Role, relation: Relation) => findCell(stack, role, relation);

const count = async (sql: string, params: unknown[]) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

function outcomeOf(
  res: { data?: Record<string, { __typename: string }>; errors?: { extensions?: Record<string, unknown> }[] },
  field: string,
  success: string,
): Outcome {
  if (res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) return 'forbidden';
  const typename = res.data?.[field]?.__typename;
  if (typename === 'NotFoundError') return 'not found';
  if (typename === success) return 'allowed';
  return JSON.stringify(res) as Outcome;
}

/** Reads the job seeker: the name (`read`) or the identity number, as the person page does. */
async function readJobSeeker(email: string, jobSeekerId: string, op: Operation): Promise<Outcome> {
  const res = await stack.gql<{
    jobSeeker: { givenName: string | null; identityNumber: string | null } | null;
  }>(email, `{ jobSeeker(id: "${jobSeekerId}") { givenName identityNumber } }`);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const js = res.data?.jobSeeker;
  if (!js) return 'not found';
  if (op === 'read') return js.givenName ? 'allowed' : 'null field';
  return js.identityNumber ? 'allowed' : 'null field';
}

/** Whether the job seeker is on the list filtered by their specialist. */
async function listed(email: string, jobSeekerId: string): Promise<Outcome> {
  const { rows } = await stack.admin.query<{ s: string }>(
    'SELECT "currentSpecialistId" AS s FROM job_seeker WHERE id = $1',
    [jobSeekerId],
  );
  const res = await stack.gql<{ jobSeekers: { edges: { node: { id: string } }[] } }>(
    email,
    `{ jobSeekers(first: 100, specialistId: "${rows[0]?.s}") { edges { node { id } } } }`,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const ids = (res.data?.jobSeekers.edges ?? []).map(
    (e) => Buffer.from(e.node.id, 'base64').toString().split(':')[1],
  );
  return ids.includes(jobSeekerId) ? 'allowed' : 'not found';
}

/** Records a job start; a refused one adds no employment. */
async function recordJobStart(email: string, jobSeekerId: string): Promise<Outcome> {
  const before = await count('SELECT count(*) AS n FROM employment WHERE "jobSeekerId" = $1', [jobSeekerId]);
  const res = await stack.gql<{ recordJobStart: { __typename: string } }>(
    email,
    'mutation($input: RecordJobStartInput!) { recordJobStart(input: $input) { __typename } }',
    {
      input: {
        jobSeekerId,
        kind: 'ORDINARY_JOB',
        jobTitle: 'Lagermedarbeider',
        jobType: '9321',
        startDate: new Date().toISOString().slice(0, 10),
        hoursPerWeek: 20,
        openLabourMarket: true,
        atLeastMinimumWage: true,
        openToAnyone: true,
        employerMeetingWanted: false,
      },
    },
  );
  const outcome = outcomeOf(res, 'recordJobStart', 'MutationRecordJobStartSuccess');
  if (outcome !== 'allowed') {
    expect(await count('SELECT count(*) AS n FROM employment WHERE "jobSeekerId" = $1', [jobSeekerId])).toBe(
      before,
    );
  }
  return outcome;
}

/** Transfers the job seeker to an active, present colleague in the team; a refused one adds no transfer. */
async function transfer(email: string, jobSeekerId: string): Promise<Outcome> {
  // To an active member of the job seeker's team employed by its organisation (no consent needed),
  // who is not away today: whether the demo data has one depends on its day, so a member away
  // today is brought back first.
  await stack.admin.query(
    `UPDATE absence a SET "startDate" = least(a."startDate", CURRENT_DATE - 2), "actualEndDate" = CURRENT_DATE - 1
     WHERE a."startDate" <= CURRENT_DATE AND coalesce(a."actualEndDate", a."expectedEndDate", 'infinity') >= CURRENT_DATE
       AND a."specialistId" = (
         SELECT tm."userId" FROM team_member tm JOIN job_seeker j ON j.id = $1
         WHERE tm."teamId" = j."teamId" AND tm."leftOn" IS NULL AND tm."userId" <> j."currentSpecialistId"
           AND tm."employerOrganizationId" = j."organizationId"
         ORDER BY tm."userId" LIMIT 1)`,
    [jobSeekerId],
  );
  const { rows } = await stack.admin.query<{ from: string; to: string | null }>(
    `SELECT j."currentSpecialistId" AS from,
            (SELECT tm."userId" FROM team_member tm WHERE tm."teamId" = j."teamId" AND tm."leftOn" IS NULL
               AND tm."userId" <> j."currentSpecialistId" AND tm."employerOrganizationId" = j."organizationId"
               AND NOT EXISTS (SELECT 1 FROM absence a WHERE a."specialistId" = tm."userId" AND a."startDate" <= CURRENT_DATE
                                 AND coalesce(a."actualEndDate", a."expectedEndDate", 'infinity') >= CURRENT_DATE)
             ORDER BY tm."userId" LIMIT 1) AS to
     FROM job_seeker j WHERE j.id = $1`,
    [jobSeekerId],
  );
  const before = await count('SELECT count(*) AS n FROM transfer WHERE "jobSeekerId" = $1', [jobSeekerId]);
  const res = await stack.gql<{ transferJobSeeker: { __typename: string } }>(
    email,
    'mutation($input: TransferJobSeekerInput!) { transferJobSeeker(input: $input) { __typename ... on ValidationError { issues { field code } } } }',
    {
      input: {
        jobSeekerId,
        fromSpecialistId: rows[0]?.from,
        toSpecialistId: rows[0]?.to ?? rows[0]?.from,
        reason: 'JOB_SEEKER_WISH',
      },
    },
  );
  const outcome = outcomeOf(res, 'transferJobSeeker', 'MutationTransferJobSeekerSuccess');
  if (outcome !== 'allowed') {
    expect(await count('SELECT count(*) AS n FROM transfer WHERE "jobSeekerId" = $1', [jobSeekerId])).toBe(
      before,
    );
  }
  return outcome;
}

/** Withdraws a consent no other relation depends on; a refused one leaves it in force. */
async function withdrawConsent(email: string, jobSeekerId: string): Promise<Outcome> {
  // A consent that no relation above depends on (not team discussion, not NAV sharing).
  const { rows } = await stack.admin.query<{ id: string; version: number }>(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
     SELECT gen_random_uuid(), j."organizationId", j.id, 'EMPLOYER_CONTACT', now() - interval '1 day', j."currentSpecialistId", now()
     FROM job_seeker j WHERE j.id = $1 AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'EMPLOYER_CONTACT' AND c."withdrawnAt" IS NULL)
     RETURNING id, version`,
    [jobSeekerId],
  );
  const consent =
    rows[0] ??
    (
      await stack.admin.query<{ id: string; version: number }>(
        `SELECT id, version FROM consent WHERE "jobSeekerId" = $1 AND scope = 'EMPLOYER_CONTACT' AND "withdrawnAt" IS NULL LIMIT 1`,
        [jobSeekerId],
      )
    ).rows[0];
  const before = await count('SELECT count(*) AS n FROM consent WHERE id = $1 AND "withdrawnAt" IS NULL', [
    consent?.id,
  ]);
  const res = await stack.gql<{ withdrawConsent: { __typename: string } }>(
    email,
    'mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { __typename } }',
    { input: { id: consent?.id, version: consent?.version } },
  );
  const outcome = outcomeOf(res, 'withdrawConsent', 'MutationWithdrawConsentSuccess');
  if (outcome !== 'allowed') {
    expect(
      await count('SELECT count(*) AS n FROM consent WHERE id = $1 AND "withdrawnAt" IS NULL', [consent?.id]),
    ).toBe(before);
  }
  return outcome;
}

/** Records a consent to a scope the job seeker has none of; a refused one changes nothing. */
async function recordConsent(email: string, jobSeekerId: string): Promise<Outcome> {
  const before = {
    consents: await count('SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1', [jobSeekerId]),
    audit: await count('SELECT count(*) AS n FROM audit_log WHERE action <> $1', ['READ']),
  };
  const scope = (
    await stack.admin.query<{ scope: string }>(
      `SELECT s AS scope FROM unnest(enum_range(NULL::"ConsentScope")) s
     WHERE s <> 'NAV_SHARING' -- (which also names its parts: its own tests)
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = $1 AND c.scope = s AND c."withdrawnAt" IS NULL) LIMIT 1`,
      [jobSeekerId],
    )
  ).rows[0]?.scope;
  const res = await stack.gql<{ recordConsent: { __typename: string } }>(
    email,
    `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { __typename } }`,
    { input: { jobSeekerId, scope: scope ?? 'RELATIVES_NETWORK', validUntil: '2099-01-01T00:00:00Z' } },
  );
  const outcome = outcomeOf(res, 'recordConsent', 'MutationRecordConsentSuccess');
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

async function perform(op: Operation, email: string, jobSeekerId: string): Promise<Outcome> {
  if (op === 'read' || op === 'read identity number') return readJobSeeker(email, jobSeekerId, op);
  if (op === 'listed') return listed(email, jobSeekerId);
  if (op === 'record job start') return recordJobStart(email, jobSeekerId);
  if (op === 'transfer') return transfer(email, jobSeekerId);
  if (op === 'withdraw consent') return withdrawConsent(email, jobSeekerId);
  return recordConsent(email, jobSeekerId);
}

describe('authorization matrix (role × relation × operation)', () => {
  const cells = MATRIX.flatMap(
    ([role, relation, read, identity, listed, record, withdraw, jobStart, transfer]) =>
      (
        [
          ['read', read],
          ['read identity number', identity],
          ['listed', listed],
          ['record consent', record],
          ['withdraw consent', withdraw],
          ['record job start', jobStart],
          ['transfer', transfer],
        ] as [Operation, Outcome][]
      ).map(([op, expected]) => ({ role, relation, op, expected })),
  );
  it.each(cells)('$role × $relation × $op → $expected', async ({ role, relation, op, expected }) => {
    const { email, jobSeekerId } = await cell(role, relation);
    expect(await perform(op, email, jobSeekerId)).toBe(expected);
  });
});

describe('IDOR sweep: every id argument with another tenant’s ids', () => {
  it('answers not found (or nothing) for every id-taking field and mutation, and changes nothing', async () => {
    const { email } = await cell('JOB_SPECIALIST', 'own');
    const me = (await stack.admin.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [email]))
      .rows[0]?.id;
    // A foreign job seeker that has a consent and a NAV grant, its specialist and a foreign membership.
    const { rows } = await stack.admin.query<{
      jobSeekerId: string;
      consentId: string;
      grantId: string;
      orgId: string;
      specialistId: string;
      membershipId: string;
    }>(
      `SELECT j.id AS "jobSeekerId", c.id AS "consentId", g.id AS "grantId", j."organizationId" AS "orgId",
              j."currentSpecialistId" AS "specialistId",
              (SELECT m.id FROM membership m WHERE m."organizationId" = j."organizationId" LIMIT 1) AS "membershipId"
       FROM job_seeker j JOIN consent c ON c."jobSeekerId" = j.id JOIN nav_sharing_grant g ON g."jobSeekerId" = j.id
       WHERE j."organizationId" NOT IN (SELECT "organizationId" FROM membership WHERE "userId" = $1)
       LIMIT 1`,
      [me],
    );
    const target = rows[0];
    if (!target) throw new Error('no foreign job seeker with a consent and a NAV grant in the demo data');
    const { jobSeekerId, consentId, grantId, orgId, specialistId, membershipId } = target;
    const node = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
    const reads = await stack.gql<Record<string, unknown>>(
      email,
      `query($js: ID!, $n1: ID!, $n2: ID!, $sp: ID!) {
        jobSeeker(id: $js) { id }
        node(id: $n1) { id }
        nodes(ids: [$n1, $n2]) { id }
        accessLog(jobSeekerId: $js) { action }
        jobSeekers(first: 50, specialistId: $sp) { edges { node { id } } }
      }`,
      {
        js: jobSeekerId,
        n1: node('JobSeeker', jobSeekerId),
        n2: node('Organization', orgId),
        sp: specialistId,
      },
    );
    expect(reads.errors).toBeUndefined();
    expect(reads.data).toEqual({
      jobSeeker: null,
      node: null,
      nodes: [null, null],
      accessLog: [],
      jobSeekers: { edges: [] },
    });

    const mutations: [string, string, Record<string, unknown>][] = [
      ['recordConsent', 'RecordConsentInput', { jobSeekerId, scope: 'RELATIVES_NETWORK' }],
      ['changeConsent', 'ChangeConsentInput', { id: consentId, version: 1, documentReference: 'x' }],
      ['withdrawConsent', 'WithdrawConsentInput', { id: consentId, version: 1 }],
      [
        'grantNavSharing',
        'GrantNavSharingInput',
        { jobSeekerId, navOfficeId: orgId, scopes: ['EMPLOYMENT_STATUS'] },
      ],
      ['revokeNavSharing', 'RevokeNavSharingInput', { id: grantId, version: 1 }],
      [
        'addMember',
        'AddMemberInput',
        {
          organizationId: orgId,
          email: 'intruder@x.test',
          givenName: 'I',
          familyName: 'X',
          role: 'JOB_SPECIALIST',
        },
      ],
      ['endMembership', 'EndMembershipInput', { id: membershipId, version: 1 }],
    ];
    const snapshot = async () =>
      (
        await stack.admin.query<{ s: string }>(
          `SELECT md5(string_agg(row_to_json(t)::text, '' ORDER BY t.id)) AS s FROM (
             SELECT id, version, "withdrawnAt", "revokedAt", "endedAt" FROM (
               SELECT id, version, "withdrawnAt", NULL::timestamptz AS "revokedAt", NULL::timestamptz AS "endedAt" FROM consent
               UNION ALL SELECT id, version, NULL, "revokedAt", NULL FROM nav_sharing_grant
               UNION ALL SELECT id, version, NULL, NULL, "endedAt" FROM membership) x) t`,
        )
      ).rows[0]?.s;
    const before = await snapshot();
    for (const [field, inputType, input] of mutations) {
      const res = await stack.gql<Record<string, { __typename: string }>>(
        email,
        `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename } }`,
        { input },
      );
      expect({ field, result: res.data?.[field]?.__typename }).toEqual({ field, result: 'NotFoundError' });
    }
    expect(await snapshot()).toBe(before);
  });
});
