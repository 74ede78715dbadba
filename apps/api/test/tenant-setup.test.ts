/**
 * Setting a tenant up over real HTTP: teams, health teams and identity providers — what the tenant
 * administrator may do in their organisation, with typed errors that change nothing, and what every
 * other role (and another tenant's administrator) may not: a matrix of role × operation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let admin: { email: string; userId: string; organizationId: string };

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  admin = await userWith(
    stack.admin,
    'TENANT_ADMINISTRATOR',
    `EXISTS (SELECT 1 FROM membership s WHERE s."organizationId" = m."organizationId" AND s.role = 'METHOD_SUPERVISOR' AND s."endedAt" IS NULL)`,
  );
});
afterAll(async () => {
  await stack?.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

const CREATE_TEAM = `mutation($input: CreateSpecialistTeamInput!) { createSpecialistTeam(input: $input) {
  __typename ... on MutationCreateSpecialistTeamSuccess { data { id name methodSupervisor { id } } }
  ... on ValidationError { issues { field code } } } }`;
const CREATE_HEALTH_TEAM = `mutation($input: CreateHealthTeamInput!) { createHealthTeam(input: $input) {
  __typename ... on MutationCreateHealthTeamSuccess { data { id name unit } }
  ... on ValidationError { issues { field code } } } }`;
const SET_IDP = `mutation($input: SetIdentityProviderEnabledInput!) { setIdentityProviderEnabled(input: $input) {
  __typename ... on MutationSetIdentityProviderEnabledSuccess { data { id enabled version } }
  ... on ValidationError { issues { field code } } ... on ConflictError { currentVersion } } }`;

type Res = {
  data?: Record<string, { __typename: string; data?: Record<string, unknown>; issues?: unknown }>;
  errors?: { extensions?: { code?: string } }[];
};

const supervisorOf = async (organizationId: string) =>
  (
    await stack.admin.query<{ userId: string }>(
      `SELECT "userId" FROM membership WHERE "organizationId" = $1 AND role = 'METHOD_SUPERVISOR' AND "endedAt" IS NULL ORDER BY "userId" LIMIT 1`,
      [organizationId],
    )
  ).rows[0]?.userId as string;

describe('specialist and health teams', () => {
  it('the administrator creates a team led by a supervisor of the organisation, who joins it; typed errors change nothing', async () => {
    const supervisor = await supervisorOf(admin.organizationId);
    const input = {
      organizationId: admin.organizationId,
      name: 'IPS Ungdom Nord',
      methodSupervisorId: supervisor,
    };
    const created = (await stack.gql(admin.email, CREATE_TEAM, { input })) as Res;
    expect(created.data?.createSpecialistTeam?.__typename).toBe('MutationCreateSpecialistTeamSuccess');
    const teamId = created.data?.createSpecialistTeam?.data?.id as string;
    expect(
      await count(
        `SELECT count(*) AS n FROM team_member WHERE "teamId" = $1 AND "userId" = $2 AND role = 'METHOD_SUPERVISOR' AND "leftOn" IS NULL`,
        [teamId, supervisor],
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE "entityId" = $1 AND action = 'CREATE'`, [
        teamId,
      ]),
    ).toBe(1);

    const teams = () =>
      count('SELECT count(*) AS n FROM specialist_team WHERE "organizationId" = $1', [admin.organizationId]);
    const before = await teams();
    const again = (await stack.gql(admin.email, CREATE_TEAM, {
      input: { ...input, name: 'ips ungdom nord' },
    })) as Res;
    expect(again.data?.createSpecialistTeam).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'name', code: 'DUPLICATE' }],
    });
    const notSupervisor = (await stack.gql(admin.email, CREATE_TEAM, {
      input: { ...input, name: 'IPS Sør', methodSupervisorId: admin.userId },
    })) as Res;
    expect(notSupervisor.data?.createSpecialistTeam).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'methodSupervisorId', code: 'NOT_A_SUPERVISOR' }],
    });
    expect(await teams()).toBe(before);
  });

  it('the administrator creates a health team; the same name again is refused', async () => {
    const input = {
      organizationId: admin.organizationId,
      name: 'DPS Poliklinikk Vest',
      unit: 'Allmennpsykiatrisk',
    };
    const created = (await stack.gql(admin.email, CREATE_HEALTH_TEAM, { input })) as Res;
    expect(created.data?.createHealthTeam?.data).toMatchObject({
      name: 'DPS Poliklinikk Vest',
      unit: 'Allmennpsykiatrisk',
    });
    const again = (await stack.gql(admin.email, CREATE_HEALTH_TEAM, { input })) as Res;
    expect(again.data?.createHealthTeam).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'name', code: 'DUPLICATE' }],
    });
    const listed = await stack.gql<{ node: { healthTeams: { name: string }[] } }>(
      admin.email,
      `query($id: ID!) { node(id: $id) { ... on Organization { healthTeams { name } } } }`,
      { id: Buffer.from(`Organization:${admin.organizationId}`).toString('base64') },
    );
    expect(listed.data?.node.healthTeams.map((h) => h.name)).toContain('DPS Poliklinikk Vest');
  });

  // Every other role of the same organisation is refused; another tenant's administrator finds nothing.
  for (const role of [
    'JOB_SPECIALIST',
    'METHOD_SUPERVISOR',
    'HEALTH_SERVICE_LEADER',
    'other tenant admin',
  ] as const) {
    it(`${role}: may not create a team or a health team, and nothing is written`, async () => {
      const who =
        role === 'other tenant admin'
          ? await userWith(
              stack.admin,
              'TENANT_ADMINISTRATOR',
              `m."organizationId" <> '${admin.organizationId}'`,
            )
          : await userWith(stack.admin, role, `m."organizationId" = '${admin.organizationId}'`);
      const before = await count(
        `SELECT (SELECT count(*) FROM specialist_team WHERE "organizationId" = $1) + (SELECT count(*) FROM health_team WHERE "organizationId" = $1) AS n`,
        [admin.organizationId],
      );
      const team = (await stack.gql(who.email, CREATE_TEAM, {
        input: {
          organizationId: admin.organizationId,
          name: `Team ${role}`,
          methodSupervisorId: await supervisorOf(admin.organizationId),
        },
      })) as Res;
      const health = (await stack.gql(who.email, CREATE_HEALTH_TEAM, {
        input: { organizationId: admin.organizationId, name: `Helse ${role}` },
      })) as Res;
      for (const [res, field] of [
        [team, 'createSpecialistTeam'],
        [health, 'createHealthTeam'],
      ] as const) {
        const outcome = res.errors?.[0]?.extensions?.code ?? res.data?.[field]?.__typename;
        expect(outcome).toBe(role === 'other tenant admin' ? 'NotFoundError' : 'FORBIDDEN');
      }
      expect(
        await count(
          `SELECT (SELECT count(*) FROM specialist_team WHERE "organizationId" = $1) + (SELECT count(*) FROM health_team WHERE "organizationId" = $1) AS n`,
          [admin.organizationId],
        ),
      ).toBe(before);
    });
  }
});

describe('identity providers', () => {
  const providers = (email: string) =>
    stack.gql<{
      node: { identityProviders: { id: string; issuer: string; enabled: boolean; version: number }[] };
    }>(
      email,
      `query($id: ID!) { node(id: $id) { ... on Organization { identityProviders { id issuer enabled version } } } }`,
      { id: Buffer.from(`Organization:${admin.organizationId}`).toString('base64') },
    );

  it('lists them to the administrator only; the last enabled one cannot be switched off; a stale version is a conflict', async () => {
    const listed = (await providers(admin.email)).data?.node.identityProviders ?? [];
    expect(listed.length).toBe(
      await count('SELECT count(*) AS n FROM identity_provider WHERE "organizationId" = $1', [
        admin.organizationId,
      ]),
    );
    const leader = await userWith(
      stack.admin,
      'HEALTH_SERVICE_LEADER',
      `m."organizationId" = '${admin.organizationId}'`,
    );
    expect((await providers(leader.email)).data?.node.identityProviders).toEqual([]);

    // Only one enabled: switching it off would lock everyone out.
    await stack.admin.query(
      `UPDATE identity_provider SET enabled = false WHERE "organizationId" = $1 AND id <> $2`,
      [admin.organizationId, listed[0]?.id],
    );
    const only = (await providers(admin.email)).data?.node.identityProviders.find(
      (p) => p.id === listed[0]?.id,
    );
    const refused = (await stack.gql(admin.email, SET_IDP, {
      input: { identityProviderId: only?.id, enabled: false, version: only?.version },
    })) as Res;
    expect(refused.data?.setIdentityProviderEnabled).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'enabled', code: 'LAST_PROVIDER' }],
    });
    expect(
      await count('SELECT count(*) AS n FROM identity_provider WHERE id = $1 AND enabled', [only?.id]),
    ).toBe(1);

    // A second provider: now one may be switched off, once; the same version again is a conflict.
    const { rows } = await stack.admin.query<{ id: string }>(
      `INSERT INTO identity_provider (id, "organizationId", kind, issuer, audience, enabled, "updatedAt")
       VALUES (gen_random_uuid(), $1, 'GENERIC_OIDC', 'https://login.example.test/second', 'ips-api', true, now()) RETURNING id`,
      [admin.organizationId],
    );
    const second = rows[0]?.id as string;
    const off = (await stack.gql(admin.email, SET_IDP, {
      input: { identityProviderId: second, enabled: false, version: 1 },
    })) as Res;
    expect(off.data?.setIdentityProviderEnabled?.data).toMatchObject({ enabled: false, version: 2 });
    const stale = (await stack.gql(admin.email, SET_IDP, {
      input: { identityProviderId: second, enabled: true, version: 1 },
    })) as Res;
    expect(stale.data?.setIdentityProviderEnabled).toEqual({
      __typename: 'ConflictError',
      currentVersion: 2,
    });

    // Nobody else may touch it: the leader and another tenant's administrator find nothing.
    const other = await userWith(
      stack.admin,
      'TENANT_ADMINISTRATOR',
      `m."organizationId" <> '${admin.organizationId}'`,
    );
    for (const who of [leader, other]) {
      const res = (await stack.gql(who.email, SET_IDP, {
        input: { identityProviderId: second, enabled: true, version: 2 },
      })) as Res;
      expect(res.data?.setIdentityProviderEnabled?.__typename).toBe('NotFoundError');
    }
    expect(
      await count('SELECT count(*) AS n FROM identity_provider WHERE id = $1 AND enabled', [second]),
    ).toBe(0);
  });
});
