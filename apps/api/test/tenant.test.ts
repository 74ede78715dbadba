/** Onboarding a tenant, adding people and ending memberships — and who may not. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let operator: string;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{ email: string }>(
    'SELECT u.email FROM platform_operator p JOIN app_user u ON u.id = p."userId" LIMIT 1',
  );
  operator = rows[0]?.email as string;
});
afterAll(async () => {
  await stack?.close();
});

const ONBOARD = `mutation($input: OnboardOrganizationInput!) {
  onboardOrganization(input: $input) {
    __typename
    ... on MutationOnboardOrganizationSuccess { data { id name kind } }
    ... on ValidationError { issues { field code } }
  }
}`;

const input = (overrides: Record<string, unknown> = {}) => ({
  kind: 'MUNICIPALITY',
  serviceLevel: 'MUNICIPAL',
  name: 'Vefsn kommune',
  organizationNumber: '390000014',
  municipalityNumber: '1824',
  identityProviderKind: 'GENERIC_OIDC',
  issuer: stack.issuer.url,
  audience: 'ips-api',
  adminEmail: 'ingrid.admin@vefsn.kommune.test',
  adminGivenName: 'Ingrid',
  adminFamilyName: 'Haugen',
  adminSubject: 'ingrid.admin@vefsn.kommune.test',
  ...overrides,
});

describe('onboarding a tenant', () => {
  it('is refused to everyone but platform operators, writing nothing', async () => {
    const admin = await userWith(stack.admin, 'TENANT_ADMINISTRATOR');
    const res = await stack.gql(admin.email, ONBOARD, { input: input() });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await stack.admin.query(`SELECT 1 FROM organization WHERE "organizationNumber" = '390000014'`))
        .rowCount,
    ).toBe(0);
  });

  it('rejects an invalid organisation number and a service level that does not fit the kind', async () => {
    const bad = await stack.gql<{ onboardOrganization: { issues: unknown[] } }>(operator, ONBOARD, {
      input: input({ organizationNumber: '390000015' }),
    });
    expect(bad.data?.onboardOrganization.issues).toEqual([{ field: 'organizationNumber', code: 'CHECKSUM' }]);
    const level = await stack.gql<{ onboardOrganization: { issues: unknown[] } }>(operator, ONBOARD, {
      input: input({ serviceLevel: 'NAV' }),
    });
    expect(level.data?.onboardOrganization.issues).toEqual([{ field: 'serviceLevel', code: 'MISMATCH' }]);
  });

  it('creates the organisation, its identity provider and the first administrator, who can then sign in and add people', async () => {
    const res = await stack.gql<{
      onboardOrganization: { __typename: string; data: { id: string; name: string } };
    }>(operator, ONBOARD, { input: input() });
    expect(res.data?.onboardOrganization).toMatchObject({
      __typename: 'MutationOnboardOrganizationSuccess',
      data: { name: 'Vefsn kommune' },
    });
    const again = await stack.gql<{ onboardOrganization: { issues: unknown[] } }>(operator, ONBOARD, {
      input: input(),
    });
    expect(again.data?.onboardOrganization.issues).toEqual([
      { field: 'organizationNumber', code: 'DUPLICATE' },
    ]);

    const orgId = Buffer.from(res.data?.onboardOrganization.data.id as string, 'base64')
      .toString()
      .split(':')[1];
    const me = await stack.gql<{ me: { memberships: { role: string; organization: { name: string } }[] } }>(
      'ingrid.admin@vefsn.kommune.test',
      '{ me { memberships { role organization { name } } } }',
    );
    expect(me.data?.me.memberships).toEqual([
      { role: 'TENANT_ADMINISTRATOR', organization: { name: 'Vefsn kommune' } },
    ]);

    const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { __typename ... on MutationAddMemberSuccess { data { id role version user { givenName } } } ... on ValidationError { issues { code } } } }`;
    const person = {
      organizationId: orgId,
      email: 'ola.spesialist@vefsn.kommune.test',
      givenName: 'Ola',
      familyName: 'Berg',
      role: 'JOB_SPECIALIST',
    };
    const added = await stack.gql<{
      addMember: { __typename: string; data: { id: string; version: number } };
    }>('ingrid.admin@vefsn.kommune.test', ADD, { input: person });
    expect(added.data?.addMember).toMatchObject({
      __typename: 'MutationAddMemberSuccess',
      data: { role: 'JOB_SPECIALIST', user: { givenName: 'Ola' } },
    });
    const twice = await stack.gql<{ addMember: { issues: unknown[] } }>(
      'ingrid.admin@vefsn.kommune.test',
      ADD,
      { input: person },
    );
    expect(twice.data?.addMember.issues).toEqual([{ code: 'ALREADY_MEMBER' }]);

    // the new specialist signs in with the organisation's issuer and e-mail as subject
    const olaMe = await stack.gql<{ me: { givenName: string } }>(
      'ola.spesialist@vefsn.kommune.test',
      '{ me { givenName } }',
    );
    expect(olaMe.data?.me.givenName).toBe('Ola');

    // someone else's administrator cannot add people here
    const otherAdmin = await userWith(
      stack.admin,
      'TENANT_ADMINISTRATOR',
      `m."organizationId" <> '${orgId}'`,
    );
    const foreign = await stack.gql<{ addMember: { __typename: string } }>(otherAdmin.email, ADD, {
      input: { ...person, email: 'x@y.test' },
    });
    expect(foreign.data?.addMember.__typename).toBe('NotFoundError');

    const END = `mutation($input: EndMembershipInput!) { endMembership(input: $input) { __typename ... on ConflictError { currentVersion } ... on MutationEndMembershipSuccess { data { endedAt } } } }`;
    const membershipId = added.data?.addMember.data.id as string;
    const stale = await stack.gql<{ endMembership: { __typename: string } }>(
      'ingrid.admin@vefsn.kommune.test',
      END,
      { input: { id: membershipId, version: 5 } },
    );
    expect(stale.data?.endMembership.__typename).toBe('ConflictError');
    const ended = await stack.gql<{ endMembership: { __typename: string } }>(
      'ingrid.admin@vefsn.kommune.test',
      END,
      { input: { id: membershipId, version: 1 } },
    );
    expect(ended.data?.endMembership.__typename).toBe('MutationEndMembershipSuccess');
    const after = await stack.gql<{ me: { memberships: unknown[] } }>(
      'ola.spesialist@vefsn.kommune.test',
      '{ me { memberships { role } } }',
    );
    expect(after.data?.me.memberships).toEqual([]);
  });
});

describe('adding a person who already exists elsewhere', () => {
  it('never gives them a new sign-in (no account takeover) and keeps roles to the kind of organisation', async () => {
    const victim = await userWith(stack.admin, 'JOB_SPECIALIST');
    const navAdmin = await userWith(
      stack.admin,
      'TENANT_ADMINISTRATOR',
      `m."organizationId" IN (SELECT id FROM organization WHERE kind = 'NAV_OFFICE')`,
    );
    const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { __typename ... on ValidationError { issues { code } } } }`;
    const base = {
      organizationId: navAdmin.organizationId,
      email: victim.email,
      givenName: 'X',
      familyName: 'Y',
      subject: 'attacker-controlled-subject',
    };
    const wrongRole = await stack.gql<{ addMember: { issues: unknown[] } }>(navAdmin.email, ADD, {
      input: { ...base, role: 'JOB_SPECIALIST' },
    });
    expect(wrongRole.data?.addMember.issues).toEqual([{ code: 'ROLE_NOT_FOR_ORGANIZATION' }]);
    const added = await stack.gql<{ addMember: { __typename: string } }>(navAdmin.email, ADD, {
      input: { ...base, role: 'NAV_COUNSELLOR' },
    });
    expect(added.data?.addMember.__typename).toBe('MutationAddMemberSuccess');
    // a token for the attacker's chosen subject signs in as nobody
    const takeover = await stack.gql('attacker-controlled-subject', '{ me { id } }');
    expect(takeover.status).toBe(401);
    const identities = await stack.admin.query('SELECT 1 FROM user_identity WHERE subject = $1', [
      'attacker-controlled-subject',
    ]);
    expect(identities.rowCount).toBe(0);
  });
});

describe('a team member employed by another organisation (issue 14: 8)', () => {
  it('shows the leader the team without that person’s name, with the reason, and no error', async () => {
    // A leader's organisation hosting an active team with room for one more specialist.
    const { rows } = await stack.admin.query<{ email: string; orgId: string; teamId: string }>(
      `SELECT u.email, m."organizationId" AS "orgId", t.id AS "teamId"
       FROM membership m JOIN app_user u ON u.id = m."userId"
       JOIN specialist_team t ON t."organizationId" = m."organizationId" AND t.active
       WHERE m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL
         AND (SELECT count(*) FROM team_member tm WHERE tm."teamId" = t.id AND tm.role = 'JOB_SPECIALIST' AND tm."leftOn" IS NULL) < 10
       ORDER BY u.email, t.id LIMIT 1`,
    );
    const leader = rows[0] as { email: string; orgId: string; teamId: string };
    const other = await stack.admin.query<{ id: string; name: string }>(
      `SELECT id, name FROM organization WHERE id <> $1 AND kind <> 'NAV_OFFICE' ORDER BY id LIMIT 1`,
      [leader.orgId],
    );
    const elsewhere = other.rows[0] as { id: string; name: string };
    // Someone employed only there, with no case in the leader's organisation.
    const person = await stack.admin.query<{ id: string }>(
      `INSERT INTO app_user (id, email, "givenName", "familyName", "updatedAt")
       VALUES (gen_random_uuid(), 'ukjent.utlaant@annen.test', 'Utlånt', 'Spesialist', now()) RETURNING id`,
    );
    const userId = person.rows[0]?.id as string;
    await stack.admin.query(
      `INSERT INTO membership (id, "organizationId", "userId", role, "validFrom", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'JOB_SPECIALIST', now(), now())`,
      [elsewhere.id, userId],
    );
    await stack.admin.query(
      `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
       VALUES (gen_random_uuid(), $1, $2, $3, 'JOB_SPECIALIST', $4, current_date)`,
      [leader.orgId, leader.teamId, userId, elsewhere.id],
    );
    const orgNodeId = Buffer.from(`Organization:${leader.orgId}`).toString('base64');
    const res = await stack.gql<{
      node: {
        specialistTeams: {
          id: string;
          members: {
            user: { id: string; givenName: string } | null;
            userHiddenReason: string | null;
            employerOrganization: { id: string; name: string } | null;
          }[];
        }[];
      } | null;
    }>(
      leader.email,
      `query($id: ID!) { node(id: $id) { ... on Organization { specialistTeams { id members {
         user { id givenName } userHiddenReason employerOrganization { id name } } } } } }`,
      { id: orgNodeId },
      { 'x-organization-id': leader.orgId },
    );
    expect(res.errors).toBeUndefined();
    const team = res.data?.node?.specialistTeams.find((t) => t.id === leader.teamId);
    expect(team).toBeDefined();
    const hidden = team?.members.filter((m) => m.user === null) ?? [];
    expect(hidden).toContainEqual({
      user: null,
      userHiddenReason: 'NOT_IN_YOUR_ORGANIZATION',
      employerOrganization: {
        id: Buffer.from(`Organization:${elsewhere.id}`).toString('base64'),
        name: elsewhere.name,
      },
    });
    // The leak wall: nothing of the person crosses into the leader's answer.
    expect(JSON.stringify(res)).not.toContain('Utlånt');
    expect(JSON.stringify(res)).not.toContain(userId);
    // Colleagues the leader may see keep their names.
    const shown = team?.members.filter((m) => m.user !== null) ?? [];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((m) => m.userHiddenReason === null && m.user?.givenName)).toBe(true);
  });
});
