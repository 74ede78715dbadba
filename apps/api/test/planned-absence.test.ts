/**
 * Issue 17 item 7 (seed 001 §4.1: "Den enkelte jobbspesialist har ansvar for å varsle leder, og
 * helst også metodeveileder, på et tidlig tidspunkt ved planlagt og langvarig fravær"): a planned
 * absence notifies the method supervisor when it is registered and again the tenant's notice
 * period (14 days by default, 1–60) before it starts — by the hourly job, once, with an injected
 * clock here. Before this, a planned absence notified nobody: the registration test fails on it.
 */
import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jobTasks } from '../src/jobs.js';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
const log = pino({ level: 'silent' });
const quiet = new Logger(() => () => {});
/** A specialist in one organisation, their team's method supervisor and the organisation's administrator. */
let f: {
  specialist: string;
  specialistId: string;
  supervisorId: string;
  organizationId: string;
  admin: string;
};

const osloToday = (at = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(at);
const plusDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** Noon in Oslo (10:00 or 11:00 UTC) of a day: the job's clock. */
const noonOf = (day: string) => new Date(`${day}T10:30:00Z`);
const today = osloToday();

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<typeof f>(
    `SELECT u.email AS specialist, u.id AS "specialistId", t."methodSupervisorId" AS "supervisorId", m."organizationId",
            (SELECT a.email FROM membership am JOIN app_user a ON a.id = am."userId"
              WHERE am."organizationId" = m."organizationId" AND am.role = 'TENANT_ADMINISTRATOR' ORDER BY a.email LIMIT 1) AS admin
     FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN team_member tm ON tm."userId" = u.id AND tm."leftOn" IS NULL AND tm.role = 'JOB_SPECIALIST'
     JOIN specialist_team t ON t.id = tm."teamId" AND t.active AND t."methodSupervisorId" <> u.id
     WHERE m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
       AND (SELECT count(*) FROM membership x WHERE x."userId" = u.id AND x."endedAt" IS NULL) = 1
       AND (SELECT count(DISTINCT t2."methodSupervisorId") FROM team_member tm2 JOIN specialist_team t2 ON t2.id = tm2."teamId"
             WHERE tm2."userId" = u.id AND tm2."leftOn" IS NULL AND t2.active) = 1
       AND EXISTS (SELECT 1 FROM membership am WHERE am."organizationId" = m."organizationId" AND am.role = 'TENANT_ADMINISTRATOR')
     ORDER BY u.email LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no specialist with one supervisor and an administrator');
  f = rows[0];
  // Whatever today's seed holds: the specialist has no absence from today on, the tenant no notice setting.
  await stack.admin.query(
    `DELETE FROM absence WHERE "specialistId" = $1 AND coalesce("actualEndDate", "expectedEndDate", 'infinity') >= $2::date - 1`,
    [f.specialistId, today],
  );
  await stack.admin.query(
    `UPDATE organization SET settings = settings - 'plannedAbsenceNoticeDays' WHERE id = $1`,
    [f.organizationId],
  );
});
afterAll(async () => {
  await stack?.close();
});

async function runJob(at: Date) {
  await quickAddJob({ connectionString: stack.db.appUrl, logger: quiet }, 'planned_absence', {});
  await runOnce({
    connectionString: stack.db.appUrl,
    taskList: jobTasks(null, log, () => at),
    logger: quiet,
  });
}

const notices = async (absenceId: string) =>
  (
    await stack.admin.query<{ recipientId: string; title: string; body: string }>(
      `SELECT "recipientId", title, body FROM notification WHERE kind = 'PLANNED_ABSENCE' AND "linkId" = $1 ORDER BY "createdAt"`,
      [absenceId],
    )
  ).rows;

async function register(startDate: string, endDate: string, planned = true) {
  const res = await stack.gql<{ registerAbsence: { __typename: string; data?: { id: string } } }>(
    f.specialist,
    `mutation($input: RegisterAbsenceInput!) { registerAbsence(input: $input) { __typename
       ... on MutationRegisterAbsenceSuccess { data { id } } ... on ValidationError { issues { field code } } } }`,
    {
      input: { specialistId: f.specialistId, type: 'VACATION', planned, startDate, expectedEndDate: endDate },
    },
  );
  expect(res.data?.registerAbsence.__typename, JSON.stringify(res)).toBe('MutationRegisterAbsenceSuccess');
  return res.data?.registerAbsence.data?.id as string;
}

const SETTINGS = `mutation($input: UpdateStaffingSettingsInput!) { updateStaffingSettings(input: $input) { __typename
  ... on MutationUpdateStaffingSettingsSuccess { data { plannedAbsenceNoticeDays } }
  ... on ValidationError { issues { field code } } } }`;

describe('a planned absence is announced to the method supervisor ahead', () => {
  let absenceId = '';
  const start = plusDays(today, 30);

  it('when registered: the supervisor is notified at once (the old behaviour notified nobody)', async () => {
    absenceId = await register(start, plusDays(start, 6));
    const sent = await notices(absenceId);
    expect(sent.map((n) => n.recipientId)).toEqual([f.supervisorId]);
    expect(sent[0]?.title).toContain(`${start.slice(8, 10)}.${start.slice(5, 7)}.${start.slice(0, 4)}`);
    expect(sent[0]?.body).toContain('nytt varsel');
    const row = await stack.admin.query<{ reminded: string | null }>(
      `SELECT "supervisorRemindedAt" AS reminded FROM absence WHERE id = $1`,
      [absenceId],
    );
    expect(row.rows[0]?.reminded).toBeNull();
  });

  it('the job says nothing before the notice period, then once 14 days before the start, and never twice', async () => {
    await runJob(noonOf(plusDays(start, -15)));
    expect(await notices(absenceId)).toHaveLength(1);
    await runJob(noonOf(plusDays(start, -14)));
    const sent = await notices(absenceId);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.recipientId).toBe(f.supervisorId);
    expect(sent[1]?.title).toContain('har planlagt fravær fra');
    // A retry, another replica, the next hours and days: nothing more.
    await runJob(noonOf(plusDays(start, -14)));
    await runJob(noonOf(plusDays(start, -3)));
    expect(await notices(absenceId)).toHaveLength(2);
  });

  it('the tenant’s setting is typed and bounded; with 20 days the notice comes 20 days ahead', async () => {
    for (const bad of [0, 61]) {
      const res = await stack.gql<{ updateStaffingSettings: { issues?: { field: string; code: string }[] } }>(
        f.admin,
        SETTINGS,
        { input: { organizationId: f.organizationId, plannedAbsenceNoticeDays: bad } },
      );
      expect(res.data?.updateStaffingSettings.issues).toEqual([
        { field: 'plannedAbsenceNoticeDays', code: 'OUT_OF_BOUNDS' },
      ]);
    }
    // Only the tenant administrator changes it.
    const asSpecialist = await stack.gql(f.specialist, SETTINGS, {
      input: { organizationId: f.organizationId, plannedAbsenceNoticeDays: 20 },
    });
    expect(JSON.stringify(asSpecialist.errors ?? [])).toContain('FORBIDDEN');
    const ok = await stack.gql<{ updateStaffingSettings: { data?: { plannedAbsenceNoticeDays: number } } }>(
      f.admin,
      SETTINGS,
      { input: { organizationId: f.organizationId, plannedAbsenceNoticeDays: 20 } },
    );
    expect(ok.data?.updateStaffingSettings.data?.plannedAbsenceNoticeDays).toBe(20);
    const later = plusDays(today, 60);
    const id = await register(later, plusDays(later, 2));
    await runJob(noonOf(plusDays(later, -21)));
    expect(await notices(id)).toHaveLength(1);
    await runJob(noonOf(plusDays(later, -20)));
    expect(await notices(id)).toHaveLength(2);
  });

  it('registered inside the notice period: one notice at registration, the job adds none', async () => {
    const soon = plusDays(today, 3);
    const id = await register(soon, plusDays(soon, 1));
    const first = await notices(id);
    expect(first).toHaveLength(1);
    expect(first[0]?.body).not.toContain('nytt varsel');
    await runJob(noonOf(today));
    expect(await notices(id)).toHaveLength(1);
  });

  it('an unplanned absence is not announced as planned; one that has begun is not announced ahead', async () => {
    const unplanned = await register(plusDays(today, 90), plusDays(today, 91), false);
    await runJob(noonOf(plusDays(today, 80)));
    expect(await notices(unplanned)).toHaveLength(0);
    const started = await register(plusDays(today, 100), plusDays(today, 101));
    const sent = (await notices(started)).length;
    await runJob(noonOf(plusDays(today, 102)));
    expect(await notices(started)).toHaveLength(sent);
  });
});
