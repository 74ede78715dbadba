/**
 * Consents and NAV sharing over HTTP: record, change, withdraw and grant/revoke, with typed errors
 * that change nothing, version conflicts, and access that follows the consent on the next request.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  specialist = await userWith(stack.admin, 'JOB_SPECIALIST');
});
afterAll(async () => {
  await stack?.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

/** An own job seeker of the specialist without an active consent for `scope`. */
async function ownWithout(scope: string): Promise<string> {
  const { rows } = await stack.admin.query<{ id: string }>(
    `SELECT j.id FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND NOT EXISTS (
       SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = $2 AND c."withdrawnAt" IS NULL
         AND (c."validUntil" IS NULL OR c."validUntil" > now())) ORDER BY j.id LIMIT 1`,
    [specialist.userId, scope],
  );
  if (!rows[0]) throw new Error(`no own job seeker without ${scope}`);
  return rows[0].id;
}

const RECORD = `mutation($input: RecordConsentInput!) {
  recordConsent(input: $input) {
    __typename
    ... on MutationRecordConsentSuccess { data { id scope version active } }
    ... on ValidationError { issues { field code } }
    ... on NotFoundError { entity }
  }
}`;

const WITHDRAW = `mutation($input: WithdrawConsentInput!) {
  withdrawConsent(input: $input) {
    __typename
    ... on MutationWithdrawConsentSuccess { data { id version active withdrawnAt } }
    ... on ConflictError { currentVersion }
  }
}`;

const GRANT = `mutation($input: GrantNavSharingInput!) {
  grantNavSharing(input: $input) {
    __typename
    ... on MutationGrantNavSharingSuccess { data { id scopes version } }
    ... on ConsentRequiredError { scope }
    ... on ValidationError { issues { field code } }
  }
}`;

type Result = {
  __typename: string;
  data?: { id: string; version: number; active?: boolean };
  issues?: { field: string; code: string }[];
  currentVersion?: number;
  scope?: string;
  entity?: string;
};

describe('recording consent', () => {
  it('records a scope for an own job seeker, with history and an access-log row', async () => {
    const jobSeekerId = await ownWithout('RELATIVES_NETWORK');
    const res = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: { jobSeekerId, scope: 'RELATIVES_NETWORK', documentReference: 'Signert skjema i journal' },
    });
    expect(res.data?.recordConsent).toMatchObject({
      __typename: 'MutationRecordConsentSuccess',
      data: { scope: 'RELATIVES_NETWORK', version: 1, active: true },
    });
    const id = res.data?.recordConsent.data?.id as string;
    expect(
      await count(`SELECT count(*) AS n FROM consent_event WHERE "consentId" = $1 AND kind = 'GIVEN'`, [id]),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE "entityId" = $1 AND action = 'CREATE'`, [id]),
    ).toBe(1);
  });

  it('refuses a scope that is already given, and a period that ends before it starts, writing nothing', async () => {
    const jobSeekerId = await ownWithout('HEALTH_TEAM_COLLABORATION');
    const first = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: { jobSeekerId, scope: 'HEALTH_TEAM_COLLABORATION' },
    });
    expect(first.data?.recordConsent.__typename).toBe('MutationRecordConsentSuccess');
    const before = await count('SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1', [jobSeekerId]);
    const again = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: { jobSeekerId, scope: 'HEALTH_TEAM_COLLABORATION' },
    });
    expect(again.data?.recordConsent).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'scope', code: 'ALREADY_GIVEN' }],
    });
    const backwards = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: {
        jobSeekerId,
        scope: 'RELATIVES_NETWORK',
        validFrom: '2026-06-01T00:00:00Z',
        validUntil: '2026-05-01T00:00:00Z',
      },
    });
    expect(backwards.data?.recordConsent.issues).toContainEqual({
      field: 'validUntil',
      code: 'BEFORE_START',
    });
    expect(await count('SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1', [jobSeekerId])).toBe(
      before,
    );
  });

  it('answers NotFound for a job seeker of another organisation, and rejects a malformed id', async () => {
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT id FROM job_seeker WHERE "organizationId" <> $1 LIMIT 1`,
      [specialist.organizationId],
    );
    const res = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: { jobSeekerId: rows[0]?.id, scope: 'NAV_SHARING' },
    });
    expect(res.data?.recordConsent).toEqual({ __typename: 'NotFoundError', entity: 'JobSeeker' });
    const bad = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: { jobSeekerId: 'x', scope: 'NAV_SHARING' },
    });
    expect(bad.data?.recordConsent).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'jobSeekerId', code: 'INVALID_ID' }],
    });
  });

  it('forbids a colleague who can read the case from recording consent, and leaves no trace', async () => {
    const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string }>(
      `SELECT u.email, j.id AS "jobSeekerId" FROM job_seeker j
       JOIN team_member tm ON tm."teamId" = j."teamId" AND tm."userId" <> j."currentSpecialistId" AND tm.role = 'JOB_SPECIALIST'
       JOIN membership m ON m."userId" = tm."userId" AND m."organizationId" = j."organizationId"
       JOIN app_user u ON u.id = tm."userId"
       WHERE EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND c."withdrawnAt" IS NULL AND (c."validUntil" IS NULL OR c."validUntil" > now()))
         AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'RELATIVES_NETWORK')
       LIMIT 1`,
    );
    const { email, jobSeekerId } = rows[0] as { email: string; jobSeekerId: string };
    const auditBefore = await count('SELECT count(*) AS n FROM audit_log');
    const res = await stack.gql<{ recordConsent: Result }>(email, RECORD, {
      input: { jobSeekerId, scope: 'RELATIVES_NETWORK' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      await count(
        `SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1 AND scope = 'RELATIVES_NETWORK'`,
        [jobSeekerId],
      ),
    ).toBe(0);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
  });
});

describe('withdrawing consent and NAV sharing', () => {
  it('grants NAV only from an active NAV-sharing consent; withdrawal ends NAV’s access on the next request', async () => {
    const jobSeekerId = await ownWithout('NAV_SHARING');
    const nav = await stack.admin.query<{ id: string; email: string; userId: string }>(
      `SELECT o.id, u.email, u.id AS "userId" FROM organization o JOIN membership m ON m."organizationId" = o.id AND m.role = 'NAV_COUNSELLOR'
       JOIN app_user u ON u.id = m."userId" WHERE o.kind = 'NAV_OFFICE' ORDER BY u.email LIMIT 1`,
    );
    const office = nav.rows[0] as { id: string; email: string; userId: string };
    const input = { jobSeekerId, navOfficeId: office.id, scopes: ['EMPLOYMENT_STATUS'] };

    const refused = await stack.gql<{ grantNavSharing: Result }>(specialist.email, GRANT, { input });
    expect(refused.data?.grantNavSharing).toEqual({
      __typename: 'ConsentRequiredError',
      scope: 'NAV_SHARING',
    });

    const notNav = await stack.gql<{ grantNavSharing: Result }>(specialist.email, GRANT, {
      input: { ...input, navOfficeId: specialist.organizationId },
    });
    expect(notNav.data?.grantNavSharing.issues).toContainEqual({
      field: 'navOfficeId',
      code: 'NOT_A_NAV_OFFICE',
    });

    const consent = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: { jobSeekerId, scope: 'NAV_SHARING', navParts: ['EMPLOYMENT_STATUS'] },
    });
    const consentId = consent.data?.recordConsent.data?.id as string;
    const wrongCounsellor = await stack.gql<{ grantNavSharing: Result }>(specialist.email, GRANT, {
      input: { ...input, counsellorId: specialist.userId },
    });
    expect(wrongCounsellor.data?.grantNavSharing.issues).toContainEqual({
      field: 'counsellorId',
      code: 'NOT_A_COUNSELLOR_THERE',
    });
    const granted = await stack.gql<{ grantNavSharing: Result & { data: { scopes: string[] } } }>(
      specialist.email,
      GRANT,
      { input },
    );
    expect(granted.data?.grantNavSharing.__typename).toBe('MutationGrantNavSharingSuccess');
    expect(granted.data?.grantNavSharing.data?.scopes.sort()).toEqual(['BASIC_DETAILS', 'EMPLOYMENT_STATUS']);

    const detail = `{ jobSeeker(id: "${jobSeekerId}") { givenName } }`;
    expect((await stack.gql<{ jobSeeker: unknown }>(office.email, detail)).data?.jobSeeker).not.toBeNull();
    const grants = async () =>
      (
        await stack.gql<{ jobSeeker: { navSharingGrants: { id: string; active: boolean }[] } }>(
          specialist.email,
          `{ jobSeeker(id: "${jobSeekerId}") { navSharingGrants { id active } } }`,
        )
      ).data?.jobSeeker.navSharingGrants;
    expect(await grants()).toEqual([{ id: granted.data?.grantNavSharing.data?.id, active: true }]);

    const stale = await stack.gql<{ withdrawConsent: Result }>(specialist.email, WITHDRAW, {
      input: { id: consentId, version: 7 },
    });
    expect(stale.data?.withdrawConsent).toEqual({ __typename: 'ConflictError', currentVersion: 1 });
    expect((await stack.gql<{ jobSeeker: unknown }>(office.email, detail)).data?.jobSeeker).not.toBeNull();

    const withdrawn = await stack.gql<{ withdrawConsent: Result }>(specialist.email, WITHDRAW, {
      input: { id: consentId, version: 1, note: 'Trakk samtykket i samtale' },
    });
    expect(withdrawn.data?.withdrawConsent).toMatchObject({
      __typename: 'MutationWithdrawConsentSuccess',
      data: { version: 2, active: false },
    });
    expect((await stack.gql<{ jobSeeker: unknown }>(office.email, detail)).data?.jobSeeker).toBeNull();
    // The grant stays (not revoked) but no longer reads: the specialist sees it inactive at once.
    expect(await grants()).toEqual([{ id: granted.data?.grantNavSharing.data?.id, active: false }]);
    expect(await count(`SELECT count(*) AS n FROM consent_event WHERE "consentId" = $1`, [consentId])).toBe(
      2,
    );
  });
});

describe("NAV sharing: the consent's parts and revoking a grant", () => {
  it('the NAV-sharing consent records its parts; a grant covers no more; narrowing narrows every grant (issue 17 item 1)', async () => {
    const jobSeekerId = await ownWithout('NAV_SHARING');
    const office = (
      await stack.admin.query<{ id: string; email: string }>(
        `SELECT o.id, u.email FROM organization o JOIN membership m ON m."organizationId" = o.id AND m.role = 'NAV_COUNSELLOR'
         JOIN app_user u ON u.id = m."userId" WHERE o.kind = 'NAV_OFFICE' AND m."endedAt" IS NULL ORDER BY u.email LIMIT 1`,
      )
    ).rows[0] as { id: string; email: string };
    const consents = () => count('SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1', [jobSeekerId]);
    const before = await consents();
    const noParts = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: { jobSeekerId, scope: 'NAV_SHARING' },
    });
    expect(noParts.data?.recordConsent.issues).toContainEqual({ field: 'navParts', code: 'REQUIRED' });
    const partsElsewhere = await stack.gql<{ recordConsent: Result }>(specialist.email, RECORD, {
      input: { jobSeekerId, scope: 'CROSS_SERVICE_TRANSFER', navParts: ['SUPPORT_PLAN'] },
    });
    expect(partsElsewhere.data?.recordConsent.issues).toContainEqual({
      field: 'navParts',
      code: 'ONLY_NAV_SHARING',
    });
    expect(await consents()).toBe(before);

    const given = await stack.gql<{ recordConsent: { data: { id: string; navParts: string[] } } }>(
      specialist.email,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) {
        ... on MutationRecordConsentSuccess { data { id navParts } } } }`,
      { input: { jobSeekerId, scope: 'NAV_SHARING', navParts: ['CAREER_PROFILE', 'EMPLOYMENT_STATUS'] } },
    );
    const consentId = given.data?.recordConsent.data.id as string;
    // Basic details always go with it; the order is fixed.
    expect(given.data?.recordConsent.data.navParts).toEqual([
      'BASIC_DETAILS',
      'EMPLOYMENT_STATUS',
      'CAREER_PROFILE',
    ]);

    const grants = () =>
      count('SELECT count(*) AS n FROM nav_sharing_grant WHERE "jobSeekerId" = $1', [jobSeekerId]);
    const grantsBefore = await grants();
    const beyond = await stack.gql<{ grantNavSharing: Result }>(specialist.email, GRANT, {
      input: { jobSeekerId, navOfficeId: office.id, scopes: ['EMPLOYMENT_STATUS', 'SUPPORT_PLAN'] },
    });
    expect(beyond.data?.grantNavSharing).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'scopes', code: 'NOT_CONSENTED' }],
    });
    expect(await grants()).toBe(grantsBefore);
    const granted = await stack.gql<{ grantNavSharing: Result & { data: { scopes: string[] } } }>(
      specialist.email,
      GRANT,
      { input: { jobSeekerId, navOfficeId: office.id, scopes: ['EMPLOYMENT_STATUS', 'CAREER_PROFILE'] } },
    );
    expect(granted.data?.grantNavSharing.data?.scopes).toEqual([
      'BASIC_DETAILS',
      'EMPLOYMENT_STATUS',
      'CAREER_PROFILE',
    ]);

    const navReads = async () =>
      (
        await stack.gql<{ jobSeeker: { careerProfile: unknown; employments: unknown[] | null } | null }>(
          office.email,
          `{ jobSeeker(id: "${jobSeekerId}") { careerProfile { id } employments { id } } }`,
        )
      ).data?.jobSeeker;
    const profileId = (
      await stack.admin.query<{ id: string }>(`SELECT id FROM career_profile WHERE "jobSeekerId" = $1`, [
        jobSeekerId,
      ])
    ).rows[0]?.id;
    if (profileId) expect((await navReads())?.careerProfile).not.toBeNull();

    // The job seeker takes the career profile out of the consent: the grant loses it at once.
    const narrowed = await stack.gql<{ changeConsent: { __typename: string } }>(
      specialist.email,
      `mutation($input: ChangeConsentInput!) { changeConsent(input: $input) { __typename } }`,
      { input: { id: consentId, version: 1, navParts: ['EMPLOYMENT_STATUS'] } },
    );
    expect(narrowed.data?.changeConsent.__typename).toBe('MutationChangeConsentSuccess');
    expect((await navReads())?.careerProfile ?? null).toBeNull();
    const row = (
      await stack.admin.query<{ scopes: string; version: number }>(
        `SELECT array_to_string(scopes, ',') AS scopes, version FROM nav_sharing_grant WHERE id = $1`,
        [granted.data?.grantNavSharing.data?.id],
      )
    ).rows[0];
    expect(row).toEqual({ scopes: 'BASIC_DETAILS,EMPLOYMENT_STATUS', version: 2 });
    const shared = await stack.gql<{ jobSeeker: { navSharingGrants: { sharedParts: string[] }[] } }>(
      specialist.email,
      `{ jobSeeker(id: "${jobSeekerId}") { navSharingGrants { id sharedParts } } }`,
    );
    expect(shared.data?.jobSeeker.navSharingGrants).toContainEqual({
      id: granted.data?.grantNavSharing.data?.id,
      sharedParts: ['BASIC_DETAILS', 'EMPLOYMENT_STATUS'],
    });
  });

  it('revoking a grant ends access on the next request; a stale version is a conflict', async () => {
    const { rows } = await stack.admin.query<{
      grantId: string;
      version: number;
      email: string;
      jobSeekerId: string;
      specialist: string;
    }>(
      `SELECT g.id AS "grantId", g.version, u.email, g."jobSeekerId", s.email AS specialist
       FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
       JOIN job_seeker j ON j.id = g."jobSeekerId" JOIN app_user s ON s.id = j."currentSpecialistId"
       JOIN membership m ON m."organizationId" = g."navOfficeId" AND m.role = 'NAV_COUNSELLOR' AND (g."counsellorId" IS NULL OR g."counsellorId" = m."userId")
       JOIN app_user u ON u.id = m."userId"
       WHERE g."revokedAt" IS NULL AND (g."validUntil" IS NULL OR g."validUntil" > now()) AND g."validFrom" <= now()
         AND c."withdrawnAt" IS NULL AND (c."validUntil" IS NULL OR c."validUntil" > now())
         AND NOT EXISTS (SELECT 1 FROM nav_sharing_grant g2 WHERE g2."jobSeekerId" = g."jobSeekerId" AND g2.id <> g.id)
       LIMIT 1`,
    );
    const row = rows[0] as {
      grantId: string;
      version: number;
      email: string;
      jobSeekerId: string;
      specialist: string;
    };
    const detail = `{ jobSeeker(id: "${row.jobSeekerId}") { givenName } }`;
    expect((await stack.gql<{ jobSeeker: unknown }>(row.email, detail)).data?.jobSeeker).not.toBeNull();
    const REVOKE = `mutation($input: RevokeNavSharingInput!) { revokeNavSharing(input: $input) { __typename ... on ConflictError { currentVersion } } }`;
    const stale = await stack.gql<{ revokeNavSharing: Result }>(row.specialist, REVOKE, {
      input: { id: row.grantId, version: row.version + 1 },
    });
    expect(stale.data?.revokeNavSharing.__typename).toBe('ConflictError');
    const ok = await stack.gql<{ revokeNavSharing: Result }>(row.specialist, REVOKE, {
      input: { id: row.grantId, version: row.version },
    });
    expect(ok.data?.revokeNavSharing.__typename).toBe('MutationRevokeNavSharingSuccess');
    expect((await stack.gql<{ jobSeeker: unknown }>(row.email, detail)).data?.jobSeeker).toBeNull();
  });
});

describe('the NAV offices a grant can name', () => {
  it('lists the active NAV offices by name and nothing else, to a signed-in user only', async () => {
    const offices = await stack.gql<{ navOffices: { id: string; name: string; kind: string }[] }>(
      specialist.email,
      '{ navOffices { id name kind } }',
    );
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT id FROM organization WHERE kind = 'NAV_OFFICE' AND active ORDER BY name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    // Node ids (base64 of `Organization:<uuid>`); a grant takes the raw uuid.
    const raw = (id: string) =>
      Buffer.from(id, 'base64')
        .toString('utf8')
        .replace(/^Organization:/, '');
    expect(offices.data?.navOffices.map((o) => raw(o.id))).toEqual(rows.map((r) => r.id));
    expect(new Set(offices.data?.navOffices.map((o) => o.kind))).toEqual(new Set(['NAV_OFFICE']));
    const anonymous = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ navOffices { id } }' }),
    });
    expect(anonymous.status).toBe(401);
  });
});
