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
