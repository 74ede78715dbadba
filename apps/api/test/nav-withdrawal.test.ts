/**
 * Issue 17 item 3 (seed 000 §6: "Om pasienten samtykker kan jobbstøtteplanen også nedfelles i
 * Modia"): withdrawing the consent to record the support plan in NAV's case system cancels what is
 * queued in the withdrawal's transaction and sends NAV a retraction for what it holds; a delivery in
 * flight during the withdrawal is retracted once NAV accepts it; a new revision replaces the one
 * NAV holds. Real HTTP for the API, the real worker functions, NAV's case system in memory.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverNavRetractions, deliverNavSupportPlans, InMemoryNavCaseSystem } from '../src/outbox.js';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let pool: pg.Pool;
let specialist: { email: string; userId: string; organizationId: string };
let jobSeekerId: string;
let planId: string;
const nav = new InMemoryNavCaseSystem();

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  pool = new pg.Pool({ connectionString: stack.db.appUrl, max: 2 });
  specialist = await userWith(
    stack.admin,
    'JOB_SPECIALIST',
    `EXISTS (SELECT 1 FROM support_plan p JOIN job_seeker j ON j.id = p."jobSeekerId"
       WHERE j."currentSpecialistId" = m."userId" AND j."organizationId" = m."organizationId" AND p.status <> 'CLOSED')`,
  );
  const { rows } = await stack.admin.query<{ jobSeekerId: string; planId: string }>(
    `SELECT j.id AS "jobSeekerId", p.id AS "planId" FROM support_plan p JOIN job_seeker j ON j.id = p."jobSeekerId"
     WHERE j."currentSpecialistId" = $1 AND j."organizationId" = $2 AND p.status <> 'CLOSED' ORDER BY p.id LIMIT 1`,
    [specialist.userId, specialist.organizationId],
  );
  jobSeekerId = rows[0]?.jobSeekerId as string;
  planId = rows[0]?.planId as string;
});
afterAll(async () => {
  await pool?.end();
  await stack?.close();
});

/** A fresh consent to record the plan in NAV's case system (every other one withdrawn). */
async function giveConsent(): Promise<{ id: string; version: number }> {
  await stack.admin.query(
    `UPDATE consent SET "withdrawnAt" = now() - interval '1 minute', "withdrawnById" = "recordedById"
     WHERE "jobSeekerId" = $1 AND scope = 'SUPPORT_PLAN_TO_NAV_SYSTEM' AND "withdrawnAt" IS NULL`,
    [jobSeekerId],
  );
  const { rows } = await stack.admin.query<{ id: string; version: number }>(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'SUPPORT_PLAN_TO_NAV_SYSTEM', now() - interval '1 day', $3, now())
     RETURNING id, version`,
    [specialist.organizationId, jobSeekerId, specialist.userId],
  );
  return rows[0] as { id: string; version: number };
}

async function share(): Promise<string> {
  const res = await stack.gql<{ shareSupportPlanWithNav: { __typename: string } }>(
    specialist.email,
    `mutation($id: ID!) { shareSupportPlanWithNav(supportPlanId: $id) { __typename } }`,
    { id: planId },
  );
  expect(res.data?.shareSupportPlanWithNav.__typename).toBe('MutationShareSupportPlanWithNavSuccess');
  const { rows } = await stack.admin.query<{ id: string }>(
    `SELECT x.id FROM support_plan_export x JOIN support_plan_revision r ON r.id = x."revisionId"
     WHERE r."supportPlanId" = $1 ORDER BY x."createdAt" DESC, x.id DESC LIMIT 1`,
    [planId],
  );
  return rows[0]?.id as string;
}

async function withdraw(consent: { id: string; version: number }) {
  const res = await stack.gql<{ withdrawConsent: { __typename: string } }>(
    specialist.email,
    `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { __typename } }`,
    { input: { id: consent.id, version: consent.version } },
  );
  expect(res.data?.withdrawConsent.__typename).toBe('MutationWithdrawConsentSuccess');
}

/** The states the specialist sees on the plan, by export id. */
async function states(): Promise<Record<string, string>> {
  const res = await stack.gql<{
    jobSeeker: { supportPlans: { id: string; navDeliveries: { id: string; state: string }[] | null }[] };
  }>(
    specialist.email,
    `{ jobSeeker(id: "${jobSeekerId}") { supportPlans { id navDeliveries { id state } } } }`,
  );
  const plan = res.data?.jobSeeker.supportPlans.find((p) => p.id.length > 0 && p.navDeliveries?.length);
  return Object.fromEntries((plan?.navDeliveries ?? []).map((d) => [d.id, d.state]));
}

const outboxStatus = async (exportId: string) =>
  (
    await stack.admin.query<{ status: string }>(
      `SELECT o.status::text FROM outbox_message o JOIN support_plan_export x ON x."outboxMessageId" = o.id WHERE x.id = $1`,
      [exportId],
    )
  ).rows[0]?.status;

describe('withdrawal reaches the outbox', () => {
  it('a new revision replaces the delivered one; withdrawal cancels the queued one and retracts the delivered one', async () => {
    const consent = await giveConsent();
    const first = await share();
    await deliverNavSupportPlans(pool, nav);
    expect(nav.held.has(first)).toBe(true);
    const second = await share();
    await deliverNavSupportPlans(pool, nav);
    // The second delivery names the first as the one it replaces: NAV holds one revision.
    expect(nav.held.get(second)?.replacesExportId).toBe(first);
    expect(nav.held.has(first)).toBe(false);
    expect((await states())[first]).toBe('REPLACED');
    expect((await states())[second]).toBe('SENT');

    const queued = await share();
    expect((await states())[queued]).toBe('QUEUED');
    await withdraw(consent);
    // At once, in the same transaction: the queued one is cancelled, its message never claimed again.
    expect(await outboxStatus(queued)).toBe('CANCELLED');
    const after = await states();
    expect(after[queued]).toBe('CANCELLED');
    expect(after[second]).toBe('RETRACTING');
    await deliverNavSupportPlans(pool, nav);
    expect(nav.held.has(queued)).toBe(false);
    expect(await outboxStatus(queued)).toBe('CANCELLED');
    // The worker sends the retraction; NAV no longer holds the plan.
    await deliverNavRetractions(pool, nav);
    expect(nav.retracted).toContain(second);
    expect(nav.held.has(second)).toBe(false);
    expect((await states())[second]).toBe('RETRACTED');
    // Nothing is retried: a second round sends nothing more of this plan.
    const retractedBefore = nav.retracted.length;
    await deliverNavRetractions(pool, nav);
    expect(nav.retracted.length).toBe(retractedBefore);
  });

  it('a delivery in flight during the withdrawal is retracted once NAV accepts it; a failed one stays cancelled', async () => {
    const consent = await giveConsent();
    const inFlight = await share();
    const failing = await share();
    // The worker has claimed both (a lease) before the withdrawal…
    const claimed = await pool.query<{ id: string }>(
      `SELECT id FROM app.claim_outbox('nav.support-plan', 50)`,
    );
    const messageOf = async (exportId: string) =>
      (
        await stack.admin.query<{ id: string }>(
          `SELECT "outboxMessageId" AS id FROM support_plan_export WHERE id = $1`,
          [exportId],
        )
      ).rows[0]?.id as string;
    const inFlightMessage = await messageOf(inFlight);
    const failingMessage = await messageOf(failing);
    expect(claimed.rows.map((r) => r.id)).toEqual(expect.arrayContaining([inFlightMessage, failingMessage]));
    await withdraw(consent);
    expect((await states())[inFlight]).toBe('CANCELLED');
    // …then NAV accepts one and the other fails.
    await pool.query('SELECT app.complete_outbox($1, true)', [inFlightMessage]);
    await pool.query('SELECT app.complete_outbox($1, false, $2)', [failingMessage, 'NAV answered 503']);
    const after = await states();
    expect(after[inFlight]).toBe('RETRACTING');
    expect(after[failing]).toBe('CANCELLED');
    expect(await outboxStatus(failing)).toBe('CANCELLED');
    await deliverNavRetractions(pool, nav);
    expect(nav.retracted).toContain(inFlight);
    expect((await states())[inFlight]).toBe('RETRACTED');
  });
});
