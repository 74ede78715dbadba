/**
 * Scheduled jobs on the queue in PostgreSQL (graphile-worker), as the runtime role: each job is
 * idempotent, the schedule survives a restart (missed runs are backfilled, yet nothing is sent
 * twice), retention purges only what is past the tenant's period and audits each purge.
 */
import { osloDay } from '@ips/domain';
import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CRONTAB, jobTasks, startJobs, workerPool } from '../src/jobs.js';
import { addOverdueDuty, type Stack, startStack } from './harness.js';

let stack: Stack;
const log = pino({ level: 'silent' });
const quiet = new Logger(() => () => {});
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
});
afterAll(async () => {
  await stack?.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

/** Queues a job as the runtime role and works the queue once. */
async function runJob(task: string, digestHour: number | null = 0, clock?: () => Date) {
  await quickAddJob({ connectionString: stack.db.appUrl, logger: quiet }, task, {});
  await runOnce({
    connectionString: stack.db.appUrl,
    taskList: jobTasks(digestHour, log, clock),
    logger: quiet,
  });
}

async function waitUntil(check: () => Promise<boolean>, what: string) {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const pendingJobs = () => count('SELECT count(*) AS n FROM graphile_worker._private_jobs');

describe('the job queue', () => {
  it('belongs to the owner; the runtime role only uses it', async () => {
    const { rows } = await stack.admin.query<{ owner: string }>(
      `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'graphile_worker'`,
    );
    expect(rows[0]?.owner).toBe('ips_owner');
    const created = await stack.admin
      .query(`SET ROLE ips_app; CREATE TABLE graphile_worker.x (id int)`)
      .then(() => true)
      .catch(() => false);
    await stack.admin.query('RESET ROLE');
    expect(created).toBe(false);
  });
});

describe('consent expiry', () => {
  it('tells the current specialist once about a consent that runs out within 14 days', async () => {
    const { rows } = await stack.admin.query<{ id: string; org: string; js: string; specialist: string }>(
      `SELECT c.id, c."organizationId" AS org, c."jobSeekerId" AS js, j."currentSpecialistId" AS specialist
       FROM consent c JOIN job_seeker j ON j.id = c."jobSeekerId"
       WHERE c."withdrawnAt" IS NULL AND j."currentSpecialistId" IS NOT NULL AND j."dischargedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM consent o WHERE o."jobSeekerId" = j.id AND o."withdrawnAt" IS NULL
                           AND o."validUntil" > now() AND o."validUntil" <= now() + interval '14 days')
       LIMIT 1`,
    );
    const c = rows[0];
    if (!c) throw new Error('no consent to work with');
    const before = await count(`SELECT count(*) AS n FROM notification WHERE kind = 'CONSENT_EXPIRING'`);
    const expected = await count(
      `SELECT count(DISTINCT j.id) AS n FROM consent c JOIN job_seeker j ON j.id = c."jobSeekerId"
       WHERE c."withdrawnAt" IS NULL AND c."validUntil" > now() AND c."validUntil" <= now() + interval '14 days'
         AND j."currentSpecialistId" IS NOT NULL AND j."dischargedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.kind = 'CONSENT_EXPIRING' AND n."linkId" = j.id)`,
    );
    await stack.admin.query(`UPDATE consent SET "validUntil" = now() + interval '5 days' WHERE id = $1`, [
      c.id,
    ]);
    await runJob('consent_expiry');
    const notes = await stack.admin.query<{ recipientId: string; title: string; body: string }>(
      `SELECT "recipientId", title, body FROM notification WHERE kind = 'CONSENT_EXPIRING' AND "linkId" = $1`,
      [c.js],
    );
    expect(notes.rows).toHaveLength(1);
    expect(notes.rows[0]?.recipientId).toBe(c.specialist);
    expect(await count(`SELECT count(*) AS n FROM notification WHERE kind = 'CONSENT_EXPIRING'`)).toBe(
      before + expected + 1,
    );
    // Again (a retry, another replica): nothing more.
    await runJob('consent_expiry');
    expect(await count(`SELECT count(*) AS n FROM notification WHERE kind = 'CONSENT_EXPIRING'`)).toBe(
      before + expected + 1,
    );
    expect(await pendingJobs()).toBe(0);
  });
});

describe('retention', () => {
  it("purges read notifications and sent outbox messages past the tenant's period, audited; keeps the rest", async () => {
    const { rows } = await stack.admin.query<{ org: string; user: string }>(
      `SELECT "organizationId" AS org, "userId" AS user FROM membership ORDER BY "organizationId" LIMIT 1`,
    );
    const { org, user } = rows[0] as { org: string; user: string };
    await stack.admin.query(
      `UPDATE organization SET settings = settings || '{"retention": {"readNotificationDays": 60}}' WHERE id = $1`,
      [org],
    );
    const note = (readDaysAgo: number | null, tag: string) =>
      stack.admin.query(
        `INSERT INTO notification (id, "organizationId", "recipientId", kind, title, body, "readAt", "createdAt")
         VALUES (gen_random_uuid(), $1, $2, 'TRANSFER', $3, 'x', CASE WHEN $4::int IS NULL THEN NULL ELSE now() - make_interval(days => $4::int) END, now() - interval '400 days')`,
        [org, user, tag, readDaysAgo],
      );
    await note(90, 'retention-old-read'); // past 60 days: purged
    await note(30, 'retention-recent-read'); // kept
    await note(null, 'retention-unread'); // never purged while unread
    const outbox = (status: string, sentDaysAgo: number | null, tag: string) =>
      stack.admin.query(
        `INSERT INTO outbox_message (id, "organizationId", topic, payload, status, "sentAt")
         VALUES (gen_random_uuid(), $1, $2, '{}', $3::"ExportStatus", CASE WHEN $4::int IS NULL THEN NULL ELSE now() - make_interval(days => $4::int) END)`,
        [org, tag, status, sentDaysAgo],
      );
    await outbox('SENT', 120, 'retention-old-sent'); // past the default 90 days: purged
    await outbox('SENT', 10, 'retention-recent-sent');
    await outbox('PENDING', null, 'retention-pending');
    const auditBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE area = 'retention.purge'`);

    await runJob('retention_purge');
    const titles = await stack.admin.query<{ title: string }>(
      `SELECT title FROM notification WHERE title LIKE 'retention-%' ORDER BY title`,
    );
    expect(titles.rows.map((r) => r.title)).toEqual(['retention-recent-read', 'retention-unread']);
    const topics = await stack.admin.query<{ topic: string }>(
      `SELECT topic FROM outbox_message WHERE topic LIKE 'retention-%' ORDER BY topic`,
    );
    expect(topics.rows.map((r) => r.topic)).toEqual(['retention-pending', 'retention-recent-sent']);
    const audit = await stack.admin.query<{ org: string; action: string; details: Record<string, unknown> }>(
      `SELECT "organizationId" AS org, action, details FROM audit_log WHERE area = 'retention.purge' AND "organizationId" = $1`,
      [org],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      action: 'DELETE',
      details: { notifications: 1, outboxMessages: 1, readNotificationDays: 60, sentOutboxDays: 90 },
    });
    // Again: nothing left to purge, nothing audited.
    await runJob('retention_purge');
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE area = 'retention.purge'`)).toBe(
      auditBefore + 1,
    );
  });
});

describe('deadline digest on the schedule', () => {
  it('waits for the hour, sends once a day, and a restart backfills missed runs without sending twice', async () => {
    const day = osloDay(new Date());
    await addOverdueDuty(stack.admin);
    const DIGESTS = `SELECT count(*) AS n FROM notification WHERE kind = 'DEADLINE_DIGEST'
                     AND ("createdAt" AT TIME ZONE 'Europe/Oslo')::date = '${day}'::date`;
    const before = await count(DIGESTS);
    const expected =
      before +
      (await count(
        `SELECT count(*) AS n FROM (SELECT DISTINCT "organizationId", "assigneeId" FROM task t WHERE status = 'OPEN' AND "dueOn" < $1::date
           AND NOT EXISTS (SELECT 1 FROM notification n WHERE n."recipientId" = t."assigneeId" AND n."organizationId" = t."organizationId"
                             AND n.kind = 'DEADLINE_DIGEST' AND (n."createdAt" AT TIME ZONE 'Europe/Oslo')::date = $1::date)) x`,
        [day],
      ));
    expect(expected).toBeGreaterThan(before);
    // A run before the hour (07:00 Oslo) sends nothing.
    const early = new Date(`${day}T02:00:00Z`); // 03:00 or 04:00 in Oslo
    await runJob('deadline_digest', 7, () => early);
    expect(await count(DIGESTS)).toBe(before);

    // The worker with its schedule (digest from midnight): first start, then a stop.
    let runner = await startJobs({
      connectionString: stack.db.appUrl,
      digestHour: 0,
      log,
      pollInterval: 200,
    });
    await waitUntil(
      async () =>
        (await count(`SELECT count(*) AS n FROM graphile_worker._private_known_crontabs`)) ===
        CRONTAB.split('\n').length,
      'the schedule to be recorded',
    );
    await runner.stop();
    // Down for an hour: the schedule's last run is moved back, as if the process had been away.
    await stack.admin.query(
      `UPDATE graphile_worker._private_known_crontabs SET last_execution = now() - interval '61 minutes'`,
    );
    runner = await startJobs({ connectionString: stack.db.appUrl, digestHour: 0, log, pollInterval: 200 });
    try {
      // The missed quarter-hours are queued again (4 or 5 digest runs) and worked off.
      await waitUntil(
        async () => (await count(DIGESTS)) > before && (await pendingJobs()) === 0,
        'the backfilled runs',
      );
      const last = await count(
        `SELECT count(*) AS n FROM graphile_worker._private_known_crontabs
         WHERE identifier = 'deadline_digest' AND last_execution > now() - interval '16 minutes'`,
      );
      expect(last).toBe(1);
    } finally {
      await runner.stop();
    }
    // However many runs: one digest per person and organisation today.
    expect(await count(DIGESTS)).toBe(expected);
    await runJob('deadline_digest', 0);
    expect(await count(DIGESTS)).toBe(expected);
  });
});

describe('the worker when the database cuts its connections', () => {
  it('logs, reconnects and carries on working the queue (no crash)', async () => {
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    const jobs = await startJobs({
      connectionString: stack.db.appUrl,
      digestHour: null,
      log,
      pollInterval: 100,
    });
    try {
      await waitUntil(
        async () =>
          (await count(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE usename = 'ips_app' AND datname = current_database()`,
          )) > 0,
        'the worker to connect',
      );
      await stack.admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'ips_app' AND datname = current_database()`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(crashes).toEqual([]);
      await quickAddJob({ connectionString: stack.db.appUrl, logger: quiet }, 'consent_expiry', {});
      await waitUntil(async () => (await pendingJobs()) === 0, 'the job to be worked after the cut');
      expect(crashes).toEqual([]);
    } finally {
      process.off('uncaughtException', onCrash);
      await jobs.stop();
    }
  });
});

describe('stopping the worker while the database goes down (Ctrl-C, SIGTERM during a failover)', () => {
  it('gives a connection back twice without throwing (graphile-worker does, when cut while stopping)', async () => {
    const warnings: string[] = [];
    const pool = workerPool({ connectionString: stack.db.appUrl, max: 1 }, {
      warn: (_fields: unknown, message: string) => warnings.push(message),
    } as unknown as Pick<import('pino').Logger, 'warn'>);
    try {
      const client = await pool.connect();
      client.release();
      expect(() => client.release()).not.toThrow();
      expect(warnings).toEqual(['job queue connection released twice (cut while stopping); ignored']);
      // The pool still works and was not corrupted by the second release.
      const again = await pool.connect();
      expect((await again.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
      again.release();
      expect(pool.totalCount).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('does not crash the process', async () => {
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    try {
      for (let round = 0; round < 3; round++) {
        const jobs = await startJobs({
          connectionString: stack.db.appUrl,
          digestHour: null,
          log,
          pollInterval: 50,
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        await Promise.all([
          jobs.stop(),
          stack.admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'ips_app' AND datname = current_database()`,
          ),
        ]);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(crashes).toEqual([]);
    } finally {
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    }
  });
});
