/**
 * The team's results over HTTP equal hand-computed values: the fixture of the domain's measure
 * tests (October 2026, specialists A full time and B half time) is written into a new team of the
 * demo database, and `teamResults` must count exactly it — through the real loading queries,
 * Oslo days and row-level security. Also who sees what, and that the number of SQL statements
 * does not grow with the number of periods or specialists.
 */
import { employerContactRow, employmentRow, followUpMeetingRow, insertRow, jobSeekerRow } from '@ips/db';
import { generateIdentityNumber } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
const ids: Record<string, string> = {};
let orgId = '';
let teamId = '';

const QUERY = `query($teamId: ID!, $g: Granularity, $n: Int) { teamResults(teamId: $teamId, granularity: $g, periods: $n) {
  __typename
  ... on QueryTeamResultsSuccess { data { teamName granularity periods { from to
    team { measure value target met }
    specialists { userId fte values { measure value } } } } } } }`;

type Value = { measure: string; value: number | null; target?: number; met?: boolean | null };
type Result = {
  teamResults: {
    __typename: string;
    data?: {
      periods: {
        from: string;
        to: string;
        team: Value[];
        specialists: { userId: string; fte: number; values: Value[] }[];
      }[];
    };
  };
};

const figure = (values: Value[] | undefined, measure: string) =>
  values?.find((v) => v.measure === measure)?.value;

const q = (sql: string, params: unknown[] = []) => stack.admin.query(sql, params);

/** The organisation, the team (supervisor S, specialists A full time and B half time) and an employer. */
async function buildTeam(): Promise<{ supervisor: string; employerId: string }> {
  orgId = (
    await q(`SELECT m."organizationId" FROM membership m JOIN organization o ON o.id = m."organizationId"
             WHERE o.kind = 'MUNICIPALITY' AND m.role = 'HEALTH_SERVICE_LEADER' ORDER BY m."organizationId" LIMIT 1`)
  ).rows[0].organizationId;
  const user = async (key: string, role: string, fte = 1) => {
    const id = (
      await q(
        `INSERT INTO app_user (id, "givenName", "familyName", email, "updatedAt") VALUES (gen_random_uuid(), $1, 'Måling', $2, now()) RETURNING id`,
        [key, `${key.toLowerCase()}.maling@ips.test`],
      )
    ).rows[0].id;
    await q(
      `INSERT INTO membership (id, "organizationId", "userId", role, fte, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
      [orgId, id, role, fte],
    );
    await q(
      `INSERT INTO user_identity (id, "userId", issuer, subject) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [id, stack.issuer.url, `${key.toLowerCase()}.maling@ips.test`],
    );
    ids[key] = id;
    return id;
  };
  const supervisor = await user('S', 'METHOD_SUPERVISOR');
  await user('A', 'JOB_SPECIALIST', 1);
  await user('B', 'JOB_SPECIALIST', 0.5);
  teamId = (
    await q(
      `INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt") VALUES (gen_random_uuid(), $1, 'IPS Måling', $2, now()) RETURNING id`,
      [orgId, supervisor],
    )
  ).rows[0].id;
  for (const [key, role] of [
    ['S', 'METHOD_SUPERVISOR'],
    ['A', 'JOB_SPECIALIST'],
    ['B', 'JOB_SPECIALIST'],
  ] as const)
    await q(
      `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $1, '2026-01-01')`,
      [orgId, teamId, ids[key], role],
    );
  const employerId = (
    await q(
      `INSERT INTO employer (id, "organizationId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'Målebedriften AS', now()) RETURNING id`,
      [orgId],
    )
  ).rows[0].id;
  return { supervisor, employerId };
}

/** The job seekers of the domain fixture, with synthetic identity numbers nobody in the demo has. */
async function addJobSeekers(): Promise<void> {
  // The job seekers of the domain fixture (see packages/domain/src/measures.test.ts).
  const seekers: [string, string, string | null, string | null, boolean][] = [
    ['j1', '2026-01-10', '2026-01-15', null, true],
    ['j2', '2026-09-20', '2026-09-20', null, true],
    ['j3', '2026-10-02', '2026-10-03', null, false],
    ['j4', '2026-03-01', '2026-03-02', '2026-10-15', true],
    ['j5', '2026-08-01', '2026-09-25', null, true],
    ['j6', '2026-09-01', '2026-09-10', null, true],
  ];
  // Synthetic identity numbers nobody in the demo data has.
  const numbers: string[] = [];
  for (let n = 100; numbers.length < seekers.length; n++) {
    const candidate = generateIdentityNumber({ birthDate: '1931-02-17', synthetic: true, individual: n });
    if (
      candidate &&
      !numbers.includes(candidate) &&
      (await q('SELECT 1 FROM job_seeker WHERE "identityNumber" = $1', [candidate])).rowCount === 0
    )
      numbers.push(candidate);
  }
  for (const [i, [key, referral, intake, discharged, outOfWork]] of seekers.entries()) {
    const current = key === 'j2' || key === 'j3' || key === 'j5' ? ids.B : ids.A;
    ids[key] = await insertRow(
      stack.admin,
      'job_seeker',
      jobSeekerRow({
        organizationId: orgId,
        identityNumber: numbers[i] ?? '',
        givenName: 'Måle',
        familyName: key,
        birthDate: '1990-01-01',
        referralDate: referral,
        intakeDate: intake,
        dischargedAt: discharged,
        phase: discharged ? 'DISCHARGED' : 'JOB_SEARCH',
        outOfWorkAtReferral: outOfWork,
        teamId,
        currentSpecialistId: current,
      }),
    );
  }
}

/** Who followed whom when, the jobs, the employer contacts and the follow-up meetings. */
async function addWork(employerId: string): Promise<void> {
  // Assignments: Oslo noon on the given days.
  const assign = (js: string, sp: string, from: string, until: string | null) =>
    q(
      `INSERT INTO assignment (id, "organizationId", "jobSeekerId", "specialistId", reason, "startedAt", "endedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'INTAKE', ($4 || 'T12:00:00+02:00')::timestamptz, ($5 || 'T12:00:00+02:00')::timestamptz)`,
      [orgId, ids[js], ids[sp], from, until],
    );
  await assign('j1', 'A', '2026-01-10', null);
  await assign('j2', 'A', '2026-09-20', '2026-10-25');
  await assign('j2', 'B', '2026-10-25', null);
  await assign('j3', 'B', '2026-10-02', null);
  await assign('j4', 'A', '2026-03-01', '2026-10-15');
  await assign('j5', 'B', '2026-08-01', null);
  await assign('j6', 'A', '2026-09-01', null);
  // A competitive job (the factory's default flags: open labour market, at least minimum wage, open to anyone).
  const job = (js: string, start: string, kind: 'ORDINARY_JOB' | 'WORK_PRACTICE') =>
    insertRow(
      stack.admin,
      'employment',
      employmentRow({
        organizationId: orgId,
        jobSeekerId: ids[js] ?? '',
        employerId,
        kind,
        jobTitle: 'Medarbeider',
        jobType: '9321',
        startDate: start,
        hoursPerWeek: 20,
      }),
    );
  await job('j1', '2026-09-01', 'ORDINARY_JOB');
  await job('j3', '2026-10-10', 'WORK_PRACTICE');
  await job('j4', '2026-10-01', 'ORDINARY_JOB');
  await job('j5', '2026-10-25', 'ORDINARY_JOB');
  const contact = (
    sp: string,
    js: string | null,
    dayIso: string,
    f2f: boolean,
    purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER' | 'RELATIONSHIP_BUILDING' | 'FOLLOW_UP_IN_EMPLOYMENT',
    minutes: number | null,
  ) =>
    insertRow(
      stack.admin,
      'employer_contact',
      employerContactRow({
        organizationId: orgId,
        employerId,
        specialistId: ids[sp] ?? '',
        jobSeekerId: js ? ids[js] : null,
        contactedAt: new Date(`${dayIso}T10:00:00+02:00`),
        faceToFace: f2f,
        purpose,
        durationMinutes: minutes,
      }),
    );
  await contact('A', 'j2', '2026-10-12', true, 'JOB_DEVELOPMENT_FOR_JOB_SEEKER', 60);
  await contact('A', 'j6', '2026-10-15', true, 'JOB_DEVELOPMENT_FOR_JOB_SEEKER', 30);
  await contact('A', null, '2026-10-20', true, 'RELATIONSHIP_BUILDING', null);
  await contact('A', 'j6', '2026-10-22', false, 'JOB_DEVELOPMENT_FOR_JOB_SEEKER', 15);
  await contact('A', 'j1', '2026-09-30', true, 'JOB_DEVELOPMENT_FOR_JOB_SEEKER', 60);
  await contact('B', 'j5', '2026-10-05', true, 'FOLLOW_UP_IN_EMPLOYMENT', 45);
  // Held, with the job seeker only, face to face unless remote (the factory's defaults).
  const meeting = (
    sp: string,
    js: string,
    dayIso: string,
    location: 'COMMUNITY' | 'OFFICE' | 'REMOTE',
    minutes: number,
  ) =>
    insertRow(
      stack.admin,
      'follow_up_meeting',
      followUpMeetingRow({
        organizationId: orgId,
        jobSeekerId: ids[js] ?? '',
        specialistId: ids[sp] ?? '',
        purpose: 'FOLLOW_ALONG',
        scheduledAt: new Date(`${dayIso}T09:00:00+02:00`),
        location,
        durationMinutes: minutes,
      }),
    );
  await meeting('A', 'j1', '2026-10-02', 'COMMUNITY', 60);
  await meeting('A', 'j6', '2026-10-09', 'OFFICE', 45);
  await meeting('B', 'j3', '2026-10-03', 'REMOTE', 30);
  await meeting('B', 'j5', '2026-10-28', 'COMMUNITY', 90);
}

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'), { clock: () => new Date('2026-11-25T12:00:00Z') });
  const { supervisor, employerId } = await buildTeam();
  await addJobSeekers();
  await addWork(employerId);
  // A target of the team's own for the employment rate.
  await q(
    `INSERT INTO target (id, "organizationId", "teamId", measure, value, "validFrom", "setById") VALUES (gen_random_uuid(), $1, $2, 'EMPLOYMENT_RATE', 0.5, '2026-01-01', $3)`,
    [orgId, teamId, supervisor],
  );
});
afterAll(async () => {
  await stack?.close();
});

const email = (key: string) => `${key.toLowerCase()}.maling@ips.test`;

describe('team results', () => {
  it('equal the hand-computed values for October 2026', async () => {
    const res = await stack.gql<Result>(email('S'), QUERY, { teamId, g: 'MONTH', n: 2 });
    expect(res.errors).toBeUndefined();
    const [october, november] = res.data?.teamResults.data?.periods ?? [];
    expect(october).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(november).toMatchObject({ from: '2026-11-01', to: '2026-11-25' }); // running: counted so far
    const team = october?.team;
    expect(figure(team, 'EMPLOYMENT_RATE')).toBe(0.5);
    expect(team?.find((v) => v.measure === 'EMPLOYMENT_RATE')).toMatchObject({ target: 0.5, met: true });
    // The rolling twelve months up to 31 October (j1 in September, j4, j5), per full-time specialist.
    expect(figure(team, 'JOB_STARTS_PER_SPECIALIST_PER_YEAR')).toBeCloseTo(3 / 1.5, 6);
    expect(figure(team, 'CASELOAD_PER_SPECIALIST')).toBeCloseTo(5 / 1.5, 6);
    expect(team?.find((v) => v.measure === 'CASELOAD_PER_SPECIALIST')).toMatchObject({
      target: 20,
      met: true,
    });
    expect(figure(team, 'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK')).toBeCloseTo((3 * 7) / 31 / 1.5, 6);
    expect(figure(team, 'COMMUNITY_TIME_SHARE')).toBeCloseTo(285 / 375, 6);
    expect(figure(team, 'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE')).toBeCloseTo(2 / 3, 6);
    const a = october?.specialists.find((s) => s.userId === ids.A);
    const b = october?.specialists.find((s) => s.userId === ids.B);
    expect(b?.fte).toBe(0.5);
    expect(figure(a?.values, 'CASELOAD_PER_SPECIALIST')).toBe(2);
    expect(figure(b?.values, 'CASELOAD_PER_SPECIALIST')).toBe(3);
    expect(figure(a?.values, 'COMMUNITY_TIME_SHARE')).toBeCloseTo(150 / 210, 6);
    expect(figure(a?.values, 'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE')).toBe(0.5);
    // The supervisor has no portfolio: every figure of theirs is zero or nothing to count.
    const s = october?.specialists.find((x) => x.userId === ids.S);
    expect(figure(s?.values, 'CASELOAD_PER_SPECIALIST')).toBe(0);
  });

  it('show a specialist the team and themself, a leader the team only, others nothing', async () => {
    const own = await stack.gql<Result>(email('A'), QUERY, { teamId, g: 'MONTH', n: 1 });
    expect(own.data?.teamResults.data?.periods[0]?.specialists.map((s) => s.userId)).toEqual([ids.A]);
    const leader = (
      await stack.admin.query(
        `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId" WHERE m."organizationId" = $1 AND m.role = 'HEALTH_SERVICE_LEADER' LIMIT 1`,
        [orgId],
      )
    ).rows[0].email;
    const led = await stack.gql<Result>(leader, QUERY, { teamId, g: 'MONTH', n: 1 });
    expect(led.data?.teamResults.data?.periods[0]?.specialists).toEqual([]);
    expect(led.data?.teamResults.data?.periods[0]?.team).toHaveLength(6);
    const other = (
      await stack.admin.query(
        `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId"
         WHERE m.role = 'METHOD_SUPERVISOR' AND m."userId" <> $1 ORDER BY u.email LIMIT 1`,
        [ids.S],
      )
    ).rows[0].email;
    const foreign = await stack.gql<Result>(other, QUERY, { teamId, g: 'MONTH', n: 1 });
    expect(foreign.data?.teamResults.__typename).toBe('NotFoundError');
  });

  it('sends the same number of SQL statements for 1 or 52 periods', async () => {
    stack.statements.length = 0;
    await stack.gql<Result>(email('S'), QUERY, { teamId, g: 'WEEK', n: 1 });
    const one = stack.statements.length;
    stack.statements.length = 0;
    const res = await stack.gql<Result>(email('S'), QUERY, { teamId, g: 'WEEK', n: 52 });
    expect(res.data?.teamResults.data?.periods).toHaveLength(52);
    expect(stack.statements.length).toBe(one);
  });

  it('follows the target the supervisor sets, from its first day; only the supervisor sets one, within bounds', async () => {
    const SET = `mutation($input: SetTeamTargetInput!) { setTeamTarget(input: $input) { __typename
      ... on ValidationError { issues { field code } } } }`;
    const input = { teamId, measure: 'EMPLOYMENT_RATE', value: 0.6, validFrom: '2026-10-15' };
    const bad = await stack.gql<{ setTeamTarget: unknown }>(email('S'), SET, {
      input: { ...input, value: 1.5 },
    });
    expect(bad.data?.setTeamTarget).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'value', code: 'OUT_OF_BOUNDS' }],
    });
    const bySpecialist = await stack.gql(email('A'), SET, { input });
    expect(bySpecialist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await stack.gql<{ setTeamTarget: { __typename: string } }>(email('S'), SET, { input });
    expect(ok.data?.setTeamTarget.__typename).toBe('MutationSetTeamTargetSuccess');
    const res = await stack.gql<Result>(email('S'), QUERY, { teamId, g: 'MONTH', n: 2 });
    const [october, november] = [
      res.data?.teamResults.data?.periods[0],
      res.data?.teamResults.data?.periods[1],
    ];
    // October's last day is past 15 October: the new target, not met by 0.5; the earlier one ended the day before.
    expect(october?.team.find((v) => v.measure === 'EMPLOYMENT_RATE')).toMatchObject({
      value: 0.5,
      target: 0.6,
      met: false,
    });
    expect(november?.team.find((v) => v.measure === 'EMPLOYMENT_RATE')?.target).toBe(0.6);
    const rows = await stack.admin.query(
      `SELECT "validFrom"::text AS "from", "validUntil"::text AS until, value::float AS value FROM target WHERE "teamId" = $1 AND measure = 'EMPLOYMENT_RATE' ORDER BY "validFrom"`,
      [teamId],
    );
    expect(rows.rows).toEqual([
      { from: '2026-01-01', until: '2026-10-14', value: 0.5 },
      { from: '2026-10-15', until: null, value: 0.6 },
    ]);
  });
});
