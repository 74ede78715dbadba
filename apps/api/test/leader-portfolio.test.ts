/**
 * The health-service leader moves an absent specialist's portfolio in one step (issue 16), over real
 * HTTP. A fixture of its own: a team of a leader's organisation with its supervisor, the absent
 * specialist X (five job seekers, three who consented to discussion in the team), a receiver R with
 * room and a receiver N at 0,1 FTE (a ceiling of 2). The matrix: the organisation's leader moves;
 * another organisation's (another tenant's) leader finds nothing; the supervisor, the absent
 * specialist and the organisation's administrator are refused or find nothing; a refusal writes
 * nothing. The result and the preview carry counts and positions, never a name, an identity number
 * or an id of a job seeker; the supervisor is told what moved; the single-transfer path stays closed
 * to the leader.
 */
import { generateIdentityNumber } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
const ids: Record<string, string> = {};
let orgId = '';
let leader = '';
let otherLeader = '';
let admin = '';
let absenceId = '';
const seekers: { id: string; identityNumber: string; familyName: string; consent: boolean }[] = [];
const email = (key: string) => `${key.toLowerCase()}.leder16@ips.test`;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  const q = (sql: string, params: unknown[] = []) => stack.admin.query(sql, params);
  const single = `NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x.id <> m.id)`;
  const own = (
    await q(
      `SELECT m."organizationId", u.email FROM membership m JOIN organization o ON o.id = m."organizationId"
       JOIN app_user u ON u.id = m."userId"
       WHERE o.kind = 'MUNICIPALITY' AND m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL AND ${single}
       ORDER BY u.email LIMIT 1`,
    )
  ).rows[0];
  orgId = own.organizationId;
  leader = own.email;
  otherLeader = (
    await q(
      `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId"
       WHERE m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL AND m."organizationId" <> $1 AND ${single}
       ORDER BY u.email LIMIT 1`,
      [orgId],
    )
  ).rows[0].email;
  admin = (
    await q(
      `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId"
       WHERE m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL AND m."organizationId" = $1 AND ${single}
       ORDER BY u.email LIMIT 1`,
      [orgId],
    )
  ).rows[0].email;
  const user = async (key: string, role: string, fte = 1) => {
    const id = (
      await q(
        `INSERT INTO app_user (id, "givenName", "familyName", email, "updatedAt") VALUES (gen_random_uuid(), $1, 'Leder16', $2, now()) RETURNING id`,
        [key, email(key)],
      )
    ).rows[0].id;
    await q(
      `INSERT INTO membership (id, "organizationId", "userId", role, fte, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
      [orgId, id, role, fte],
    );
    await q(
      `INSERT INTO user_identity (id, "userId", issuer, subject) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [id, stack.issuer.url, email(key)],
    );
    ids[key] = id;
  };
  await user('S', 'METHOD_SUPERVISOR');
  await user('X', 'JOB_SPECIALIST');
  await user('R', 'JOB_SPECIALIST');
  await user('N', 'JOB_SPECIALIST', 0.1);
  ids.team = (
    await q(
      `INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt") VALUES (gen_random_uuid(), $1, 'IPS Leder16', $2, now()) RETURNING id`,
      [orgId, ids.S],
    )
  ).rows[0].id;
  for (const [key, role] of [
    ['S', 'METHOD_SUPERVISOR'],
    ['X', 'JOB_SPECIALIST'],
    ['R', 'JOB_SPECIALIST'],
    ['N', 'JOB_SPECIALIST'],
  ] as const)
    await q(
      `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $1, '2025-01-01')`,
      [orgId, ids.team, ids[key], role],
    );
  for (let n = 300, i = 0; seekers.length < 5; n++) {
    const number = generateIdentityNumber({ birthDate: '1931-05-17', synthetic: true, individual: n });
    if (!number || (await q('SELECT 1 FROM job_seeker WHERE "identityNumber" = $1', [number])).rowCount)
      continue;
    const consent = i < 3;
    const familyName = `Porteføljesen${i}`;
    const id = (
      await q(
        `INSERT INTO job_seeker (id, "organizationId", "identityNumber", "givenName", "familyName", "birthDate", "referralDate",
           "intakeDate", phase, "outOfWorkAtReferral", "teamId", "currentSpecialistId", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'Leder', $3, '1990-01-01', '2025-06-01', '2025-06-05', 'JOB_SEARCH', true, $4, $5, now()) RETURNING id`,
        [orgId, number, familyName, ids.team, ids.X],
      )
    ).rows[0].id;
    await q(
      `INSERT INTO assignment (id, "organizationId", "jobSeekerId", "specialistId", reason, "startedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'INTAKE', '2025-06-01T10:00:00+02:00')`,
      [orgId, id, ids.X],
    );
    if (consent)
      await q(
        `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'TEAM_CASE_DISCUSSION', '2025-06-05T10:00:00+02:00', $3, now())`,
        [orgId, id, ids.X],
      );
    seekers.push({ id, identityNumber: number, familyName, consent });
    i += 1;
  }
  absenceId = (
    await q(
      `INSERT INTO absence (id, "organizationId", "specialistId", type, planned, "startDate", "registeredById", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'SICK_LEAVE', false, '2025-06-01', $2, now()) RETURNING id`,
      [orgId, ids.X],
    )
  ).rows[0].id;
});
afterAll(async () => {
  await stack?.close();
});

const MOVE = `mutation($input: MoveAbsentPortfolioInput!) { moveAbsentPortfolio(input: $input) { __typename
  ... on MutationMoveAbsentPortfolioSuccess { data { applied total moved items { position outcome } } }
  ... on ValidationError { issues { field code } } } }`;
const PREVIEW = `query($a: ID!) { absencePortfolio(absenceId: $a) { __typename
  ... on QueryAbsencePortfolioSuccess { data { total movable withoutTeamConsent receivers { userId caseload caseloadLimit } } } } }`;

type Move = {
  moveAbsentPortfolio: {
    __typename: string;
    data?: { applied: boolean; total: number; moved: number; items: { position: number; outcome: string }[] };
    issues?: { field: string; code: string }[];
  };
};

const withX = async () =>
  Number(
    (
      await stack.admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM job_seeker WHERE "currentSpecialistId" = $1 AND phase <> 'DISCHARGED'`,
        [ids.X],
      )
    ).rows[0]?.n,
  );

async function attempt(as: string, to = ids.R): Promise<'allowed' | 'not found' | 'forbidden' | string> {
  const before = await withX();
  const res = await stack.gql<Move>(as, MOVE, { input: { absenceId, toSpecialistId: to } });
  const typename = res.data?.moveAbsentPortfolio.__typename;
  if (typename === 'MutationMoveAbsentPortfolioSuccess') return 'allowed';
  expect(await withX()).toBe(before);
  if (res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) return 'forbidden';
  if (typename === 'NotFoundError') return 'not found';
  return String(typename);
}

describe('the leader moves an absent specialist’s portfolio', () => {
  it('preview: counts and colleagues with room, for the leader only; nothing that names a job seeker', async () => {
    const res = await stack.gql<{
      absencePortfolio: {
        __typename: string;
        data?: {
          total: number;
          movable: number;
          withoutTeamConsent: number;
          receivers: { userId: string; caseload: number; caseloadLimit: number }[];
        };
      };
    }>(leader, PREVIEW, { a: absenceId });
    expect(res.errors).toBeUndefined();
    expect(res.data?.absencePortfolio.data).toMatchObject({ total: 5, movable: 3, withoutTeamConsent: 2 });
    expect(res.data?.absencePortfolio.data?.receivers).toEqual(
      expect.arrayContaining([
        { userId: ids.R, caseload: 0, caseloadLimit: 20 },
        { userId: ids.N, caseload: 0, caseloadLimit: 2 },
      ]),
    );
    expect(res.data?.absencePortfolio.data?.receivers.map((r) => r.userId)).not.toContain(ids.X);
    for (const [who, expected] of [
      [otherLeader, 'NotFoundError'],
      [email('S'), 'forbidden'],
      [email('X'), 'forbidden'],
      [admin, 'NotFoundError'],
    ] as const) {
      const other = await stack.gql<{ absencePortfolio: { __typename: string } }>(who, PREVIEW, {
        a: absenceId,
      });
      const got = other.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')
        ? 'forbidden'
        : other.data?.absencePortfolio.__typename;
      expect({ who, got }).toEqual({ who, got: expected });
    }
  });

  const who = {
    otherLeader: () => otherLeader,
    S: () => email('S'),
    X: () => email('X'),
    admin: () => admin,
  };
  it.each([
    ['another organisation’s (another tenant’s) leader', 'otherLeader', 'not found'],
    ['the team’s method supervisor', 'S', 'forbidden'],
    ['the absent specialist', 'X', 'forbidden'],
    ['the organisation’s tenant administrator', 'admin', 'not found'],
  ] as const)('%s → %s → %s, nothing moved', async (_label, key, expected) => {
    expect(await attempt(who[key]())).toBe(expected);
  });

  it('over the receiver’s caseload ceiling: refused at the receiver, nothing moved', async () => {
    const before = await withX();
    const res = await stack.gql<Move>(leader, MOVE, { input: { absenceId, toSpecialistId: ids.N } });
    expect(res.data?.moveAbsentPortfolio).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'toSpecialistId', code: 'OVER_CASELOAD_LIMIT' }],
    });
    expect(await withX()).toBe(before);
  });

  it('a colleague outside the team is refused: OUT_OF_REACH', async () => {
    const res = await stack.gql<Move>(leader, MOVE, { input: { absenceId, toSpecialistId: ids.S } });
    expect(res.data?.moveAbsentPortfolio).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'toSpecialistId', code: 'OUT_OF_REACH' }],
    });
  });

  it('the single-transfer path stays closed to the leader', async () => {
    const js = seekers.find((s) => s.consent)?.id as string;
    const res = await stack.gql<Record<string, { __typename: string }>>(
      leader,
      `mutation($input: TransferJobSeekerInput!) { transferJobSeeker(input: $input) { __typename } }`,
      {
        input: {
          jobSeekerId: js,
          fromSpecialistId: ids.X,
          toSpecialistId: ids.R,
          reason: 'SPECIALIST_ABSENCE',
        },
      },
    );
    expect(res.data?.transferJobSeeker?.__typename).toBe('NotFoundError');
    const candidates = await stack.gql<Record<string, { __typename: string }>>(
      leader,
      'query($js: ID!) { transferCandidates(jobSeekerId: $js) { __typename } }',
      { js },
    );
    expect(candidates.data?.transferCandidates?.__typename).toBe('NotFoundError');
  });

  it('the leader of the organisation moves every job seeker who consented, in one step; the result names no one', async () => {
    const res = await stack.gql<Move>(leader, MOVE, { input: { absenceId, toSpecialistId: ids.R } });
    expect(res.errors).toBeUndefined();
    const data = res.data?.moveAbsentPortfolio.data;
    expect(data).toMatchObject({ applied: true, total: 5, moved: 3 });
    expect(data?.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    expect(data?.items.filter((i) => i.outcome === 'MOVED')).toHaveLength(3);
    expect(data?.items.filter((i) => i.outcome === 'NO_TEAM_CONSENT')).toHaveLength(2);
    const raw = JSON.stringify(res);
    for (const s of seekers) {
      expect(raw).not.toContain(s.id);
      expect(raw).not.toContain(s.identityNumber);
      expect(raw).not.toContain(s.familyName);
    }
    // In the database: the three with consent are the receiver's, as temporary cover for the
    // absence, decided by the leader; the two without stay.
    const { rows } = await stack.admin.query<{ id: string; current: string; transfers: string }>(
      `SELECT j.id, j."currentSpecialistId" AS current,
              (SELECT count(*) FROM transfer t WHERE t."jobSeekerId" = j.id AND t.temporary AND t.reason = 'SPECIALIST_ABSENCE'
                 AND t."decidedById" = (SELECT id FROM app_user WHERE email = $2)) AS transfers
       FROM job_seeker j WHERE j.id = ANY($1::uuid[])`,
      [seekers.map((s) => s.id), leader],
    );
    for (const s of seekers) {
      const row = rows.find((r) => r.id === s.id);
      expect(row).toMatchObject(
        s.consent ? { current: ids.R, transfers: '1' } : { current: ids.X, transfers: '0' },
      );
    }
    // The supervisor is told what moved, with no job seeker named.
    const told = await stack.admin.query<{ title: string; body: string }>(
      `SELECT title, body FROM notification WHERE "recipientId" = $1 AND kind = 'TRANSFER'`,
      [ids.S],
    );
    expect(told.rows).toHaveLength(1);
    expect(told.rows[0]?.title).toContain('har flyttet 3 jobbsøkere fra X Leder16 til R Leder16');
    expect(told.rows[0]?.body).toContain('2 ble ikke flyttet fordi samtykke til drøfting i team mangler');
    for (const s of seekers) expect(JSON.stringify(told.rows)).not.toContain(s.familyName);
    // Nothing left to move: the next attempt says so.
    const again = await stack.gql<Move>(leader, MOVE, { input: { absenceId, toSpecialistId: ids.R } });
    expect(again.data?.moveAbsentPortfolio).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'absenceId', code: 'EMPTY' }],
    });
  });
});
