/**
 * The administration screens' part of the authorization matrix (issue 16), over real HTTP:
 * - adding a NAV counsellor: role × relation to the NAV office (its own administrator, a
 *   municipality's administrator for its own organisation, another tenant's administrator, the
 *   office's own counsellor); a refused addition writes no membership;
 * - finding a case to delete by identity number (`caseToDelete`): only the tenant administrators
 *   and health-service leaders of the job seeker's organisation find it; its own specialist, the
 *   supervisor, NAV and another tenant's administrator learn nothing (not even the number's format);
 * - reading the staffing settings: the organisation's members; anyone else finds nothing;
 * - changing them: the organisation's health-service leaders and tenant administrators; its
 *   supervisors, specialists and NAV counsellors are refused; another organisation's leader (another
 *   tenant) finds nothing; a refused change writes nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
});
afterAll(async () => {
  await stack?.close();
});

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
  const { rows } = await stack.admin.query(sql, params);
  if (!rows[0]) throw new Error(`the demo data has no row for: ${sql}`);
  return rows[0] as T;
};
const count = async (sql: string, params: unknown[]) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

/** A user with this role (active) in an organisation matching `org` (SQL on `o`), and that organisation. */
const member = (role: string, org: string) =>
  one<{ email: string; organizationId: string }>(
    `SELECT u.email, m."organizationId" FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN organization o ON o.id = m."organizationId"
     WHERE m.role = $1 AND m."endedAt" IS NULL AND ${org}
       AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x.id <> m.id)
     ORDER BY u.email LIMIT 1`,
    [role],
  );

type Outcome = 'allowed' | 'not found' | 'forbidden' | 'role not for organisation';

describe('adding a NAV counsellor', () => {
  const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { __typename
    ... on MutationAddMemberSuccess { data { role } } ... on ValidationError { issues { field code } } } }`;
  let n = 0;
  async function add(email: string, organizationId: string, role: string): Promise<Outcome> {
    n += 1;
    const person = `ny.veileder.${n}@nav.test`;
    const res = await stack.gql<{
      addMember: { __typename: string; issues?: { field: string; code: string }[] };
    }>(email, ADD, {
      input: { organizationId, email: person, givenName: 'Nora', familyName: 'Veileder', role },
    });
    const written = await count(
      'SELECT count(*) AS n FROM membership m JOIN app_user u ON u.id = m."userId" WHERE u.email = $1',
      [person],
    );
    if (res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) {
      expect(written).toBe(0);
      return 'forbidden';
    }
    const r = res.data?.addMember;
    if (r?.__typename === 'MutationAddMemberSuccess') {
      expect(written).toBe(1);
      return 'allowed';
    }
    expect(written).toBe(0);
    if (r?.__typename === 'NotFoundError') return 'not found';
    if (r?.__typename === 'ValidationError' && r.issues?.[0]?.code === 'ROLE_NOT_FOR_ORGANIZATION')
      return 'role not for organisation';
    throw new Error(JSON.stringify(res));
  }

  it('the NAV office’s administrator adds a counsellor there; nobody else does, and no other kind of organisation has one', async () => {
    const nav = `o.kind = 'NAV_OFFICE'`;
    const navAdmin = await member('TENANT_ADMINISTRATOR', nav);
    const office = navAdmin.organizationId;
    const municipalAdmin = await member('TENANT_ADMINISTRATOR', `o.kind = 'MUNICIPALITY'`);
    const otherAdmin = await member('TENANT_ADMINISTRATOR', `o.id <> '${office}'`);
    const counsellor = await member('NAV_COUNSELLOR', `o.id = '${office}'`).catch(() => null);
    const rows: [string, string, string, string, Outcome][] = [
      ['NAV office administrator', navAdmin.email, office, 'NAV_COUNSELLOR', 'allowed'],
      ['NAV office administrator', navAdmin.email, office, 'TENANT_ADMINISTRATOR', 'allowed'],
      ['NAV office administrator', navAdmin.email, office, 'JOB_SPECIALIST', 'role not for organisation'],
      [
        'municipality administrator, own organisation',
        municipalAdmin.email,
        municipalAdmin.organizationId,
        'NAV_COUNSELLOR',
        'role not for organisation',
      ],
      ['another tenant’s administrator', otherAdmin.email, office, 'NAV_COUNSELLOR', 'not found'],
    ];
    if (counsellor)
      rows.push(['the office’s counsellor', counsellor.email, office, 'NAV_COUNSELLOR', 'forbidden']);
    const got = [];
    for (const [who, email, org, role, expected] of rows)
      got.push([who, role, await add(email, org, role), expected]);
    expect(got.map(([who, role, outcome]) => [who, role, outcome])).toEqual(
      got.map(([who, role, , expected]) => [who, role, expected]),
    );
  });
});

describe('finding a case to delete by identity number', () => {
  const FIND = `query($n: String!) { caseToDelete(identityNumber: $n) { __typename
    ... on QueryCaseToDeleteSuccess { data { id version givenName familyName } } ... on ValidationError { issues { code } } } }`;

  it('answers the organisation’s administrators and leaders, and nobody else', async () => {
    // A job seeker with a specialist and a supervisor in its organisation.
    const js = await one<{
      id: string;
      org: string;
      identityNumber: string;
      specialist: string;
      givenName: string;
    }>(
      `SELECT j.id, j."organizationId" AS org, j."identityNumber", j."givenName", u.email AS specialist
       FROM job_seeker j JOIN app_user u ON u.id = j."currentSpecialistId"
       WHERE j."deletedAt" IS NULL
         AND EXISTS (SELECT 1 FROM membership a WHERE a."organizationId" = j."organizationId" AND a.role = 'TENANT_ADMINISTRATOR')
         AND EXISTS (SELECT 1 FROM membership l WHERE l."organizationId" = j."organizationId" AND l.role = 'HEALTH_SERVICE_LEADER')
       ORDER BY j.id LIMIT 1`,
    );
    const here = `o.id = '${js.org}'`;
    // [who, e-mail, the case found, a malformed number: checked (they delete cases somewhere) or not]
    const cells: [string, string, Outcome, 'ValidationError' | 'NotFoundError'][] = [
      [
        'tenant administrator, same organisation',
        (await member('TENANT_ADMINISTRATOR', here)).email,
        'allowed',
        'ValidationError',
      ],
      [
        'health-service leader, same organisation',
        (await member('HEALTH_SERVICE_LEADER', here)).email,
        'allowed',
        'ValidationError',
      ],
      ['the job seeker’s own specialist', js.specialist, 'not found', 'NotFoundError'],
      [
        'method supervisor, same organisation',
        (await member('METHOD_SUPERVISOR', here)).email,
        'not found',
        'NotFoundError',
      ],
      ['NAV counsellor', (await member('NAV_COUNSELLOR', 'true')).email, 'not found', 'NotFoundError'],
      [
        'tenant administrator, other tenant',
        (await member('TENANT_ADMINISTRATOR', `o.id <> '${js.org}'`)).email,
        'not found',
        'ValidationError',
      ],
      [
        'health-service leader, other tenant',
        (await member('HEALTH_SERVICE_LEADER', `o.id <> '${js.org}'`)).email,
        'not found',
        'ValidationError',
      ],
    ];
    for (const [who, email, expected, malformed] of cells) {
      const res = await stack.gql<{
        caseToDelete: { __typename: string; data?: { id: string; givenName: string } };
      }>(email, FIND, { n: js.identityNumber });
      const r = res.data?.caseToDelete;
      const outcome: Outcome =
        r?.__typename === 'QueryCaseToDeleteSuccess'
          ? 'allowed'
          : r?.__typename === 'NotFoundError'
            ? 'not found'
            : 'forbidden';
      expect([who, outcome]).toEqual([who, expected]);
      if (outcome === 'allowed') expect(r?.data).toMatchObject({ id: js.id, givenName: js.givenName });
      // Someone who may delete no case anywhere learns nothing of a malformed number either.
      const bad = await stack.gql<{ caseToDelete: { __typename: string } }>(email, FIND, { n: '123' });
      expect([who, bad.data?.caseToDelete.__typename]).toEqual([who, malformed]);
    }
    // The lookup is in the job seeker's access log.
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE "jobSeekerId" = $1 AND area = 'JobSeeker.deletionLookup'`,
        [js.id],
      ),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('reading the staffing settings', () => {
  const READ = `query($o: ID!) { staffingSettings(organizationId: $o) { __typename
    ... on QueryStaffingSettingsSuccess { data { longAbsenceThresholdDays stalledAfterWeeks } } } }`;

  it('a member reads them (the defaults until tuned); another tenant finds nothing', async () => {
    const leader = await member('HEALTH_SERVICE_LEADER', 'true');
    const outsider = await member('TENANT_ADMINISTRATOR', `o.id <> '${leader.organizationId}'`);
    const own = await stack.gql<{
      staffingSettings: { __typename: string; data: { longAbsenceThresholdDays: number } };
    }>(leader.email, READ, { o: leader.organizationId });
    expect(own.data?.staffingSettings.__typename).toBe('QueryStaffingSettingsSuccess');
    expect(own.data?.staffingSettings.data.longAbsenceThresholdDays).toBeGreaterThan(0);
    const other = await stack.gql<{ staffingSettings: { __typename: string } }>(outsider.email, READ, {
      o: leader.organizationId,
    });
    expect(other.data?.staffingSettings.__typename).toBe('NotFoundError');
  });
});

describe('changing the staffing settings', () => {
  const SET = `mutation($input: UpdateStaffingSettingsInput!) { updateStaffingSettings(input: $input) { __typename
    ... on MutationUpdateStaffingSettingsSuccess { data { stalledAfterWeeks } } } }`;
  const settingsOf = async (organizationId: string) =>
    (
      await one<{ s: string }>("SELECT coalesce(settings::text, '') AS s FROM organization WHERE id = $1", [
        organizationId,
      ])
    ).s;
  let weeks = 3;
  async function change(email: string, organizationId: string): Promise<Outcome> {
    weeks += 1;
    const before = await settingsOf(organizationId);
    const res = await stack.gql<{
      updateStaffingSettings: { __typename: string; data?: { stalledAfterWeeks: number } };
    }>(email, SET, { input: { organizationId, stalledAfterWeeks: weeks } });
    const after = await settingsOf(organizationId);
    if (res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) {
      expect(after).toBe(before);
      return 'forbidden';
    }
    const typename = res.data?.updateStaffingSettings.__typename;
    if (typename === 'NotFoundError') {
      expect(after).toBe(before);
      return 'not found';
    }
    if (typename === 'MutationUpdateStaffingSettingsSuccess') {
      expect(res.data?.updateStaffingSettings.data?.stalledAfterWeeks).toBe(weeks);
      expect(JSON.parse(after).stalledAfterWeeks).toBe(weeks);
      return 'allowed';
    }
    throw new Error(JSON.stringify(res));
  }
  const SERVICE = `o.kind <> 'NAV_OFFICE'`;
  it.each([
    ['HEALTH_SERVICE_LEADER', 'own organisation', 'allowed'],
    ['HEALTH_SERVICE_LEADER', 'other organisation (other tenant)', 'not found'],
    ['TENANT_ADMINISTRATOR', 'own organisation', 'allowed'],
    ['TENANT_ADMINISTRATOR', 'other organisation (other tenant)', 'not found'],
    ['METHOD_SUPERVISOR', 'own organisation', 'forbidden'],
    ['JOB_SPECIALIST', 'own organisation', 'forbidden'],
    ['NAV_COUNSELLOR', 'own organisation', 'forbidden'],
  ] as const)('%s × %s → %s', async (role, relation, expected) => {
    const actor = await member(role, role === 'NAV_COUNSELLOR' ? `o.kind = 'NAV_OFFICE'` : SERVICE);
    const target =
      relation === 'own organisation'
        ? actor.organizationId
        : (await member('HEALTH_SERVICE_LEADER', `${SERVICE} AND o.id <> '${actor.organizationId}'`))
            .organizationId;
    expect(await change(actor.email, target)).toBe(expected);
  });
});

describe('who is a platform operator', () => {
  it('the operator learns it of themselves; anyone else learns false (onboarding itself: tenant.test.ts)', async () => {
    const operator = await one<{ email: string }>(
      'SELECT u.email FROM platform_operator p JOIN app_user u ON u.id = p."userId" ORDER BY u.email LIMIT 1',
    );
    const admin = await member('TENANT_ADMINISTRATOR', 'true');
    const ME = '{ me { platformOperator } }';
    const asOperator = await stack.gql<{ me: { platformOperator: boolean | null } }>(operator.email, ME);
    expect(asOperator.data?.me.platformOperator).toBe(true);
    const asAdmin = await stack.gql<{ me: { platformOperator: boolean | null } }>(admin.email, ME);
    expect(asAdmin.data?.me.platformOperator).toBe(false);
  });
});
