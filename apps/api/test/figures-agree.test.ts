/**
 * Figures that agree (issue 16): each measure is computed once here from a fixture this test builds
 * — a new team of a supervisor and two specialists (A full time, B at 0,8) with their job seekers
 * and job starts — and every query that shows the figure must give that number: the team results
 * in every period view, the leader's staffing view, the fidelity review's suggestion and the
 * quarterly portfolio review. The clock is fixed (Wednesday 25 November 2026, Oslo).
 * And a specialist employed by another organisation (seed 002) in a second team: the team page
 * (roster) shows the same caseload as the employer's staffing view, not 0.
 */
import { consentRow, employmentRow, insertRow, jobSeekerRow } from '@ips/db';
import { generateIdentityNumber } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
/** What every job seeker of the fixture shares: referred 1 June 2025, taken in on the 5th, out of work. */
const FIGURE_SEEKER = {
  givenName: 'Figur',
  birthDate: '1990-01-01',
  referralDate: '2025-06-01',
  intakeDate: '2025-06-05',
  outOfWorkAtReferral: true,
} as const;
const ids: Record<string, string> = {};
let orgId = '';
let teamId = '';
let leaderEmail = '';
let otherOrgId = '';
let otherLeaderEmail = '';
let crossTeamId = '';
const TODAY = '2026-11-25';

// ── The fixture, and each figure computed once from it ──
const FTE = { A: 1, B: 0.8 } as const;
/** Job seekers in each portfolio today (B's two discharged ones are not). */
const CASELOAD = { A: 20, B: 16 } as const;
/** Competitive job starts: A's four (one just outside the rolling year), B's one; a work practice. */
const STARTS: { who: 'A' | 'B'; on: string; kind: 'ORDINARY_JOB' | 'WORK_PRACTICE' }[] = [
  { who: 'A', on: '2026-11-24', kind: 'ORDINARY_JOB' }, // this week
  { who: 'B', on: '2026-11-02', kind: 'ORDINARY_JOB' }, // this month
  { who: 'A', on: '2026-10-05', kind: 'ORDINARY_JOB' }, // this quarter
  { who: 'A', on: '2026-03-01', kind: 'ORDINARY_JOB' }, // this year
  { who: 'A', on: '2025-11-25', kind: 'ORDINARY_JOB' }, // twelve months and a day ago: outside
  { who: 'B', on: '2026-11-10', kind: 'WORK_PRACTICE' }, // never a job start
];
/** C: employed by another organisation, in a team of this one; the records are the employer's. */
const CROSS = { fte: 0.5, caseload: 7 } as const;
const ROLLING_YEAR_START = '2025-11-26';
const expected = {
  caseloadA: CASELOAD.A,
  caseloadB: CASELOAD.B,
  ceilingA: 20, // 20 per full-time equivalent
  ceilingB: 16, // scaled by 0,8
  teamCaseloadPerFte: (CASELOAD.A + CASELOAD.B) / (FTE.A + FTE.B),
  startsA: STARTS.filter((s) => s.who === 'A' && s.kind === 'ORDINARY_JOB' && s.on >= ROLLING_YEAR_START)
    .length,
  startsB: STARTS.filter((s) => s.who === 'B' && s.kind === 'ORDINARY_JOB' && s.on >= ROLLING_YEAR_START)
    .length,
  /** The period's own count of job starts (team), per period view. */
  inPeriod: { WEEK: 1, MONTH: 2, QUARTER: 3, YEAR: 4 } as Record<string, number>,
};
const teamStartsPerFte = (expected.startsA + expected.startsB) / (FTE.A + FTE.B);

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'), { clock: () => new Date(`${TODAY}T12:00:00Z`) });
  const q = (sql: string, params: unknown[] = []) => stack.admin.query(sql, params);
  const leader = (
    await q(`SELECT m."organizationId", u.email FROM membership m JOIN organization o ON o.id = m."organizationId"
             JOIN app_user u ON u.id = m."userId"
             WHERE o.kind = 'MUNICIPALITY' AND m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL
             ORDER BY m."organizationId" LIMIT 1`)
  ).rows[0];
  orgId = leader.organizationId;
  leaderEmail = leader.email;
  const other = (
    await q(
      `SELECT m."organizationId", u.email FROM membership m JOIN organization o ON o.id = m."organizationId"
       JOIN app_user u ON u.id = m."userId"
       WHERE m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL AND o.kind <> 'NAV_OFFICE'
         AND m."organizationId" <> $1
       ORDER BY m."organizationId" LIMIT 1`,
      [orgId],
    )
  ).rows[0];
  otherOrgId = other.organizationId;
  otherLeaderEmail = other.email;
  const user = async (key: string, role: string, fte = 1) => {
    const email = `${key.toLowerCase()}.figur@ips.test`;
    const id = (
      await q(
        `INSERT INTO app_user (id, "givenName", "familyName", email, "updatedAt") VALUES (gen_random_uuid(), $1, 'Figur', $2, now()) RETURNING id`,
        [key, email],
      )
    ).rows[0].id;
    await q(
      `INSERT INTO membership (id, "organizationId", "userId", role, fte, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
      [orgId, id, role, fte],
    );
    await q(
      `INSERT INTO user_identity (id, "userId", issuer, subject) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [id, stack.issuer.url, email],
    );
    ids[key] = id;
  };
  await user('S', 'METHOD_SUPERVISOR');
  await user('A', 'JOB_SPECIALIST', FTE.A);
  await user('B', 'JOB_SPECIALIST', FTE.B);
  teamId = (
    await q(
      `INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt") VALUES (gen_random_uuid(), $1, 'IPS Figurer', $2, now()) RETURNING id`,
      [orgId, ids.S],
    )
  ).rows[0].id;
  for (const [key, role] of [
    ['S', 'METHOD_SUPERVISOR'],
    ['A', 'JOB_SPECIALIST'],
    ['B', 'JOB_SPECIALIST'],
  ] as const)
    await q(
      `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $1, '2025-01-01')`,
      [orgId, teamId, ids[key], role],
    );
  const employerId = (
    await q(
      `INSERT INTO employer (id, "organizationId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'Figurbedriften AS', now()) RETURNING id`,
      [orgId],
    )
  ).rows[0].id;
  // A's 20 and B's 16 in the portfolio, and 2 of B's discharged; every one consents to team discussion.
  const seekers = [
    ...Array.from({ length: CASELOAD.A }, (_, i) => ({ who: 'A', key: `a${i}`, discharged: null })),
    ...Array.from({ length: CASELOAD.B }, (_, i) => ({ who: 'B', key: `b${i}`, discharged: null })),
    { who: 'B', key: 'bx1', discharged: '2026-06-30' },
    { who: 'B', key: 'bx2', discharged: '2026-11-01' },
  ];
  const numbers: string[] = [];
  for (let n = 200; numbers.length < seekers.length; n++) {
    const candidate = generateIdentityNumber({ birthDate: '1932-03-18', synthetic: true, individual: n });
    if (
      candidate &&
      !numbers.includes(candidate) &&
      (await q('SELECT 1 FROM job_seeker WHERE "identityNumber" = $1', [candidate])).rowCount === 0
    )
      numbers.push(candidate);
  }
  for (const [i, s] of seekers.entries()) {
    const specialist = ids[s.who] as string;
    const id = await insertRow(
      stack.admin,
      'job_seeker',
      jobSeekerRow({
        ...FIGURE_SEEKER,
        organizationId: orgId,
        identityNumber: numbers[i] ?? '',
        familyName: s.key,
        dischargedAt: s.discharged,
        phase: s.discharged ? 'DISCHARGED' : 'JOB_SEARCH',
        teamId,
        currentSpecialistId: specialist,
      }),
    );
    ids[s.key] = id;
    await q(
      `INSERT INTO assignment (id, "organizationId", "jobSeekerId", "specialistId", reason, "startedAt", "endedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'INTAKE', '2025-06-01T10:00:00+02:00', NULL)`,
      [orgId, id, specialist],
    );
    await insertRow(
      stack.admin,
      'consent',
      consentRow({
        organizationId: orgId,
        jobSeekerId: id,
        scope: 'TEAM_CASE_DISCUSSION',
        validFrom: new Date('2025-06-05T10:00:00+02:00'),
        recordedById: specialist,
      }),
    );
  }
  // Each job start on a job seeker of its specialist still in the portfolio.
  // A competitive job (the factory's default flags).
  for (const [i, start] of STARTS.entries())
    await insertRow(
      stack.admin,
      'employment',
      employmentRow({
        organizationId: orgId,
        jobSeekerId: ids[`${start.who.toLowerCase()}${i}`] ?? '',
        employerId,
        kind: start.kind,
        jobTitle: 'Medarbeider',
        jobType: '9321',
        startDate: start.on,
        hoursPerWeek: 20,
      }),
    );
});
beforeAll(async () => {
  // The cross-organisation case (seed 002): team "IPS Figurer Tvers" of this organisation, its
  // supervisor acting in both organisations (as the seed models it), and C employed by the other
  // organisation with their job seekers in that organisation's records.
  const q = (sql: string, params: unknown[] = []) => stack.admin.query(sql, params);
  const user = async (key: string, role: string, org: string, fte = 1) => {
    const email = `${key.toLowerCase()}.figur@ips.test`;
    const id = (
      await q(
        `INSERT INTO app_user (id, "givenName", "familyName", email, "updatedAt") VALUES (gen_random_uuid(), $1, 'Figur', $2, now()) RETURNING id`,
        [key, email],
      )
    ).rows[0].id;
    await q(
      `INSERT INTO user_identity (id, "userId", issuer, subject) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [id, stack.issuer.url, email],
    );
    await q(
      `INSERT INTO membership (id, "organizationId", "userId", role, fte, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
      [org, id, role, fte],
    );
    ids[key] = id;
  };
  await user('S2', 'METHOD_SUPERVISOR', orgId);
  await q(
    `INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'METHOD_SUPERVISOR', now())`,
    [otherOrgId, ids.S2],
  );
  await user('C', 'JOB_SPECIALIST', otherOrgId, CROSS.fte);
  crossTeamId = (
    await q(
      `INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt") VALUES (gen_random_uuid(), $1, 'IPS Figurer Tvers', $2, now()) RETURNING id`,
      [orgId, ids.S2],
    )
  ).rows[0].id;
  for (const [key, role, employer] of [
    ['S2', 'METHOD_SUPERVISOR', orgId],
    ['C', 'JOB_SPECIALIST', otherOrgId],
  ] as const)
    await q(
      `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, '2025-01-01')`,
      [orgId, crossTeamId, ids[key], role, employer],
    );
  const numbers: string[] = [];
  for (let n = 400; numbers.length < CROSS.caseload; n++) {
    const candidate = generateIdentityNumber({ birthDate: '1933-04-19', synthetic: true, individual: n });
    if (
      candidate &&
      !numbers.includes(candidate) &&
      (await q('SELECT 1 FROM job_seeker WHERE "identityNumber" = $1', [candidate])).rowCount === 0
    )
      numbers.push(candidate);
  }
  for (const [i, number] of numbers.entries())
    await insertRow(
      stack.admin,
      'job_seeker',
      jobSeekerRow({
        ...FIGURE_SEEKER,
        organizationId: otherOrgId,
        identityNumber: number,
        familyName: `c${i}`,
        phase: 'JOB_SEARCH',
        currentSpecialistId: ids.C ?? null,
      }),
    );
});
afterAll(async () => {
  await stack?.close();
});

const email = (key: string) => `${key.toLowerCase()}.figur@ips.test`;

type Value = {
  measure: string;
  value: number | null;
  target: number;
  met: boolean | null;
  ceiling: boolean;
  periodCount: number | null;
};
const RESULTS = `query($teamId: ID!, $g: Granularity) { teamResults(teamId: $teamId, granularity: $g, periods: 3) {
  __typename ... on QueryTeamResultsSuccess { data { periods { from to
    team { measure value target met ceiling periodCount }
    specialists { userId values { measure value target met ceiling periodCount } } } } } } }`;
type Results = {
  teamResults: {
    data?: { periods: { team: Value[]; specialists: { userId: string; values: Value[] }[] }[] };
  };
};
const of = (values: Value[] | undefined, measure: string) => values?.find((v) => v.measure === measure);

describe('figures that agree', () => {
  it('team results: job starts per specialist per year do not swing with the period; the period’s count beside it', async () => {
    for (const g of ['WEEK', 'MONTH', 'QUARTER', 'YEAR']) {
      const res = await stack.gql<Results>(email('S'), RESULTS, { teamId, g });
      expect(res.errors, g).toBeUndefined();
      const latest = res.data?.teamResults.data?.periods.at(-1);
      const team = of(latest?.team, 'JOB_STARTS_PER_SPECIALIST_PER_YEAR');
      expect(team?.value, g).toBeCloseTo(teamStartsPerFte, 10);
      expect(team?.periodCount, g).toBe(expected.inPeriod[g]);
      expect(team?.target, g).toBe(12);
      const a = latest?.specialists.find((s) => s.userId === ids.A);
      const b = latest?.specialists.find((s) => s.userId === ids.B);
      expect(of(a?.values, 'JOB_STARTS_PER_SPECIALIST_PER_YEAR')?.value, g).toBe(expected.startsA);
      expect(of(b?.values, 'JOB_STARTS_PER_SPECIALIST_PER_YEAR')?.value, g).toBe(expected.startsB);
      // The caseload today, whatever the period view.
      expect(of(a?.values, 'CASELOAD_PER_SPECIALIST')?.value, g).toBe(expected.caseloadA);
      expect(of(b?.values, 'CASELOAD_PER_SPECIALIST')?.value, g).toBe(expected.caseloadB);
      expect(of(latest?.team, 'CASELOAD_PER_SPECIALIST')?.value, g).toBeCloseTo(
        expected.teamCaseloadPerFte,
        10,
      );
    }
  });

  it('caseload: a ceiling of 20 per full-time equivalent, scaled by FTE; at the ceiling is fine', async () => {
    const res = await stack.gql<Results>(email('S'), RESULTS, { teamId, g: 'MONTH' });
    const latest = res.data?.teamResults.data?.periods.at(-1);
    const team = of(latest?.team, 'CASELOAD_PER_SPECIALIST');
    expect(team).toMatchObject({ value: 20, target: 20, met: true, ceiling: true, periodCount: null });
    const a = of(latest?.specialists.find((s) => s.userId === ids.A)?.values, 'CASELOAD_PER_SPECIALIST');
    const b = of(latest?.specialists.find((s) => s.userId === ids.B)?.values, 'CASELOAD_PER_SPECIALIST');
    expect(a).toMatchObject({
      value: expected.caseloadA,
      target: expected.ceilingA,
      met: true,
      ceiling: true,
    });
    expect(b).toMatchObject({
      value: expected.caseloadB,
      target: expected.ceilingB,
      met: true,
      ceiling: true,
    });
    expect(of(latest?.team, 'EMPLOYMENT_RATE')?.ceiling).toBe(false);
  });

  it('staffing: the same caseloads and the same ceilings as the team results', async () => {
    const res = await stack.gql<{
      staffing: {
        data?: { userId: string; caseload: number; caseloadLimit: number; overCaseloadLimit: boolean }[];
      };
    }>(
      leaderEmail,
      `query($org: ID!) { staffing(organizationId: $org) { __typename
         ... on QueryStaffingSuccess { data { userId caseload caseloadLimit overCaseloadLimit } } } }`,
      { org: orgId },
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data?.staffing.data ?? [];
    expect(rows.find((r) => r.userId === ids.A)).toMatchObject({
      caseload: expected.caseloadA,
      caseloadLimit: expected.ceilingA,
      overCaseloadLimit: false,
    });
    expect(rows.find((r) => r.userId === ids.B)).toMatchObject({
      caseload: expected.caseloadB,
      caseloadLimit: expected.ceilingB,
      overCaseloadLimit: false,
    });
  });

  it('roster: a specialist employed by another organisation has the caseload the employer’s staffing view shows', async () => {
    const ROSTER = `query($t: ID!) { teamRoster(teamId: $t) { __typename
      ... on QueryTeamRosterSuccess { data { members { userId caseload caseloadLimit } } } } }`;
    type Roster = {
      teamRoster: { data?: { members: { userId: string; caseload: number; caseloadLimit: number }[] } };
    };
    const cross = await stack.gql<Roster>(email('S2'), ROSTER, { t: crossTeamId });
    expect(cross.errors).toBeUndefined();
    expect(cross.data?.teamRoster.data?.members.find((m) => m.userId === ids.C)).toMatchObject({
      caseload: CROSS.caseload,
      caseloadLimit: 10, // 20 per full-time equivalent, at 0,5
    });
    const staffing = await stack.gql<{ staffing: { data?: { userId: string; caseload: number }[] } }>(
      otherLeaderEmail,
      `query($org: ID!) { staffing(organizationId: $org) { __typename
         ... on QueryStaffingSuccess { data { userId caseload } } } }`,
      { org: otherOrgId },
    );
    expect(staffing.errors).toBeUndefined();
    expect(staffing.data?.staffing.data?.find((r) => r.userId === ids.C)?.caseload).toBe(CROSS.caseload);
    // And the same-organisation team: the roster agrees with the staffing view and the results.
    const own = await stack.gql<Roster>(email('S'), ROSTER, { t: teamId });
    const members = own.data?.teamRoster.data?.members ?? [];
    expect(members.find((m) => m.userId === ids.A)?.caseload).toBe(expected.caseloadA);
    expect(members.find((m) => m.userId === ids.B)?.caseload).toBe(expected.caseloadB);
  });

  it('the fidelity review suggests from the same caseload per full-time specialist', async () => {
    const res = await stack.gql<{
      startFidelityReview: {
        data?: { items: { item: number; computedEvidence: { figure: number } | null }[] };
      };
    }>(
      email('S'),
      `mutation($input: StartFidelityReviewInput!) { startFidelityReview(input: $input) { __typename
         ... on MutationStartFidelityReviewSuccess { data { items { item computedScore computedEvidence { figure } } } } } }`,
      { input: { teamId, reviewedOn: TODAY, reviewers: 'Figurtesten' } },
    );
    expect(res.errors).toBeUndefined();
    const item1 = res.data?.startFidelityReview.data?.items.find((i) => i.item === 1);
    expect(item1?.computedEvidence?.figure).toBe(Math.round(expected.teamCaseloadPerFte * 10) / 10);
  });

  it('the quarterly portfolio review lists the same portfolio (every case consents to team discussion)', async () => {
    for (const [key, caseload] of [
      ['A', expected.caseloadA],
      ['B', expected.caseloadB],
    ] as const) {
      const res = await stack.gql<{
        startPortfolioReview: { data?: { items: { jobSeeker: { id: string } }[] } };
      }>(
        email('S'),
        `mutation($input: StartPortfolioReviewInput!) { startPortfolioReview(input: $input) { __typename
           ... on MutationStartPortfolioReviewSuccess { data { items { jobSeeker { id } } } } } }`,
        { input: { teamId, specialistId: ids[key], reviewedOn: TODAY } },
      );
      expect(res.errors, key).toBeUndefined();
      expect(res.data?.startPortfolioReview.data?.items, key).toHaveLength(caseload);
    }
  });
});
