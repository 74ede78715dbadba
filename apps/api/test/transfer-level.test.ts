/**
 * Same service level first (seed 001 §4.2: "Primært skal jobbspesialist tilknyttet samme
 * tjenestenivå overta oppfølgingen av jobbsøker"; issue 17 item 5), over real HTTP. A team of a
 * municipality: its supervisor, the current specialist F, a municipal colleague M with room, and H
 * employed by a specialist health service (another level). A transfer to H while M has room needs a
 * recorded reason: without it a typed ValidationError at `levelReason` and nothing changes (single
 * and portfolio); with it the transfer is made and the reason is in the transfer's history. With M
 * and the supervisor away no reason is needed.
 */
import { generateIdentityNumber } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
const ids: Record<string, string> = {};
const seekers: string[] = [];
const email = (key: string) => `${key.toLowerCase()}.niva17@ips.test`;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  const q = (sql: string, params: unknown[] = []) => stack.admin.query(sql, params);
  const orgOf = async (kind: string) =>
    (await q(`SELECT id FROM organization WHERE kind = $1 ORDER BY id LIMIT 1`, [kind])).rows[0].id as string;
  ids.A = await orgOf('MUNICIPALITY');
  ids.B = await orgOf('SPECIALIST_HEALTH_SERVICE');
  const user = async (key: string, role: string, org: string) => {
    const id = (
      await q(
        `INSERT INTO app_user (id, "givenName", "familyName", email, "updatedAt") VALUES (gen_random_uuid(), $1, 'Nivå', $2, now()) RETURNING id`,
        [key, email(key)],
      )
    ).rows[0].id;
    await q(
      `INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now())`,
      [org, id, role],
    );
    await q(
      `INSERT INTO user_identity (id, "userId", issuer, subject) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [id, stack.issuer.url, email(key)],
    );
    ids[key] = id;
  };
  await user('S', 'METHOD_SUPERVISOR', ids.A);
  // The supervisor acts in every organisation whose specialists are in the team (as the seed has it).
  await q(
    `INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'METHOD_SUPERVISOR', now())`,
    [ids.B, ids.S],
  );
  await user('F', 'JOB_SPECIALIST', ids.A);
  await user('M', 'JOB_SPECIALIST', ids.A);
  await user('H', 'JOB_SPECIALIST', ids.B);
  ids.team = (
    await q(
      `INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt") VALUES (gen_random_uuid(), $1, 'IPS Nivå', $2, now()) RETURNING id`,
      [ids.A, ids.S],
    )
  ).rows[0].id;
  for (const [key, role, employer] of [
    ['S', 'METHOD_SUPERVISOR', ids.A],
    ['F', 'JOB_SPECIALIST', ids.A],
    ['M', 'JOB_SPECIALIST', ids.A],
    ['H', 'JOB_SPECIALIST', ids.B],
  ] as const)
    await q(
      `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, '2025-01-01')`,
      [ids.A, ids.team, ids[key], role, employer],
    );
  for (let n = 300; seekers.length < 4; n++) {
    const number = generateIdentityNumber({ birthDate: '1934-07-21', synthetic: true, individual: n });
    if (!number || (await q('SELECT 1 FROM job_seeker WHERE "identityNumber" = $1', [number])).rowCount)
      continue;
    const id = (
      await q(
        `INSERT INTO job_seeker (id, "organizationId", "identityNumber", "givenName", "familyName", "birthDate", "referralDate",
           "intakeDate", phase, "outOfWorkAtReferral", "teamId", "currentSpecialistId", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'Nivå', $3, '1990-01-01', '2025-06-01', '2025-06-05', 'JOB_SEARCH', true, $4, $5, now()) RETURNING id`,
        [ids.A, number, `Nivåsen${seekers.length}`, ids.team, ids.F],
      )
    ).rows[0].id;
    await q(
      `INSERT INTO assignment (id, "organizationId", "jobSeekerId", "specialistId", reason, "startedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'INTAKE', '2025-06-01T10:00:00+02:00')`,
      [ids.A, id, ids.F],
    );
    for (const scope of ['TEAM_CASE_DISCUSSION', 'CROSS_SERVICE_TRANSFER'])
      await q(
        `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, '2025-06-05T10:00:00+02:00', $4, now())`,
        [ids.A, id, scope, ids.F],
      );
    seekers.push(id);
  }
});
afterAll(async () => {
  await stack?.close();
});

const SINGLE = `mutation($input: TransferJobSeekerInput!) { transferJobSeeker(input: $input) { __typename
  ... on MutationTransferJobSeekerSuccess { data { id levelReason crossService } }
  ... on ValidationError { issues { field code } } } }`;
const BULK = `mutation($input: TransferPortfolioInput!) { transferPortfolio(input: $input) { applied
  items { jobSeekerId problem { type issues { field code } } } } }`;

const state = async (id: string) =>
  (
    await stack.admin.query<{ current: string; transfers: string }>(
      `SELECT "currentSpecialistId" AS current, (SELECT count(*) FROM transfer t WHERE t."jobSeekerId" = j.id) AS transfers
       FROM job_seeker j WHERE id = $1`,
      [id],
    )
  ).rows[0];

const single = (jobSeekerId: string, levelReason?: string) =>
  stack.gql<{
    transferJobSeeker: {
      __typename: string;
      data?: { levelReason: string | null; crossService: boolean };
      issues?: { field: string; code: string }[];
    };
  }>(email('S'), SINGLE, {
    input: {
      jobSeekerId,
      fromSpecialistId: ids.F,
      toSpecialistId: ids.H,
      reason: 'JOB_SEEKER_WISH',
      ...(levelReason ? { levelReason } : {}),
    },
  });

describe('same service level first', () => {
  it('another level while a same-level colleague has room: a reason is required, nothing changes without it', async () => {
    const id = seekers[0] as string;
    const res = await single(id);
    expect(res.errors).toBeUndefined();
    expect(res.data?.transferJobSeeker).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'levelReason', code: 'REQUIRED' }],
    });
    expect(await state(id)).toEqual({ current: ids.F, transfers: '0' });
  });

  it('with the reason the transfer is made, and the reason is in the transfer’s history', async () => {
    const id = seekers[0] as string;
    const reason = 'Jobbsøker følges allerede av DPS og ønsker samme kontaktperson';
    const res = await single(id, reason);
    expect(res.data?.transferJobSeeker).toMatchObject({
      __typename: 'MutationTransferJobSeekerSuccess',
      data: { levelReason: reason, crossService: true },
    });
    expect(await state(id)).toEqual({ current: ids.H, transfers: '1' });
    const history = await stack.gql<{
      jobSeeker: { transfers: { levelReason: string | null; toSpecialist: { id: string } }[] };
    }>(
      email('S'),
      'query($id: ID!) { jobSeeker(id: $id) { transfers { levelReason toSpecialist { id } } } }',
      {
        id,
      },
    );
    expect(history.errors).toBeUndefined();
    expect(history.data?.jobSeeker.transfers).toEqual([{ levelReason: reason, toSpecialist: { id: ids.H } }]);
  });

  it('a portfolio move to another level needs the reason per job seeker: without it none is moved', async () => {
    const [a, b] = [seekers[1] as string, seekers[2] as string];
    const res = await stack.gql<{
      transferPortfolio: {
        applied: boolean;
        items: {
          jobSeekerId: string;
          problem: { type: string; issues: { field: string; code: string }[] } | null;
        }[];
      };
    }>(email('S'), BULK, {
      input: {
        fromSpecialistId: ids.F,
        reason: 'SPECIALIST_LEAVING',
        moves: [
          { jobSeekerId: a, toSpecialistId: ids.M },
          { jobSeekerId: b, toSpecialistId: ids.H },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.transferPortfolio.applied).toBe(false);
    expect(res.data?.transferPortfolio.items.find((i) => i.jobSeekerId === b)?.problem).toEqual({
      type: 'ValidationError',
      issues: [{ field: 'levelReason', code: 'REQUIRED' }],
    });
    expect(await state(a)).toEqual({ current: ids.F, transfers: '0' });
    expect(await state(b)).toEqual({ current: ids.F, transfers: '0' });
  });

  it('with no same-level colleague available (M and the supervisor away), no reason is needed', async () => {
    // The supervisor may hold a small portfolio: a same-level candidate too, so away as well.
    for (const who of [ids.M, ids.S])
      await stack.admin.query(
        `INSERT INTO absence (id, "organizationId", "specialistId", type, planned, "startDate", "registeredById", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'SICK_LEAVE', false, '2025-01-01', $2, now())`,
        [ids.A, who],
      );
    const id = seekers[3] as string;
    const res = await single(id);
    expect(res.data?.transferJobSeeker).toMatchObject({
      __typename: 'MutationTransferJobSeekerSuccess',
      data: { levelReason: null },
    });
    expect(await state(id)).toEqual({ current: ids.H, transfers: '1' });
  });
});
