/**
 * Scheduled jobs on a queue in PostgreSQL (graphile-worker, schema `graphile_worker`, installed by
 * the migrations). The schedule lives in the database (`known_crontabs`), so a restart — or every
 * replica running a worker — neither loses nor repeats a run: missed runs are backfilled after a
 * restart, each scheduled run is queued once, and each job is an idempotent database function.
 *
 *   deadline_digest   every 15 min: from DEADLINE_DIGEST_HOUR (Europe/Oslo) the day's digest
 *   consent_expiry    hourly: the specialist is told of consents that run out within 14 days
 *   planned_absence   hourly: the method supervisors are told of a planned absence the tenant's
 *                     notice period (14 days by default) before it starts, once (issue 17 item 7)
 *   retention_purge   daily 02:30 UTC: read notifications and delivered outbox messages past the
 *                     tenant's retention period are deleted, each purge audited; deleted cases
 *                     past the tenant's period are purged, one audit row per job seeker (ADR 0012);
 *                     months of the access log past the online period are archived (ADR 0017)
 */

import { osloDay } from '@ips/domain';
import { Logger, type Runner, run, type Task } from 'graphile-worker';
import pg from 'pg';
import type { Logger as Pino } from 'pino';

export const CRONTAB = [
  '*/15 * * * * deadline_digest ?fill=2h&max=3',
  '5 * * * * consent_expiry ?fill=6h&max=3',
  '10 * * * * planned_absence ?fill=6h&max=3',
  '30 2 * * * retention_purge ?fill=2d&max=3',
].join('\n');

export interface JobOptions {
  /** Runtime-role connection (the worker never needs more). */
  connectionString: string;
  /** The hour (Europe/Oslo) from which the digest goes out; null = never. */
  digestHour: number | null;
  log: Pino;
  /** Poll interval for jobs added outside the worker (ms). */
  pollInterval?: number;
  /** The application's clock (tests). */
  clock?: () => Date;
}

const osloHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hour: 'numeric',
  hourCycle: 'h23',
});

/**
 * The tasks, each one call of an idempotent database function. They act on the time they run, not
 * the time they were scheduled for: a run backfilled after a restart (possibly from before
 * midnight) must not send yesterday's digest today, so it does what a run now would do.
 */
export function jobTasks(
  digestHour: number | null,
  log: Pino,
  clock: () => Date = () => new Date(),
): Record<string, Task> {
  return {
    deadline_digest: async (_payload, helpers) => {
      const at = clock();
      if (digestHour === null || Number(osloHour.format(at)) < digestHour) return;
      const sent = await helpers.withPgClient(async (c: pg.PoolClient) => {
        const { rows } = await c.query<{ sent: number }>(
          'SELECT app.send_deadline_digest($1::date) AS sent',
          [osloDay(at)],
        );
        return rows[0]?.sent ?? 0;
      });
      if (sent > 0) log.info({ job: 'deadline_digest', sent, day: osloDay(at) }, 'job done');
    },
    consent_expiry: async (_payload, helpers) => {
      const sent = await helpers.withPgClient(async (c: pg.PoolClient) => {
        const { rows } = await c.query<{ sent: number }>('SELECT app.notify_expiring_consents($1) AS sent', [
          clock(),
        ]);
        return rows[0]?.sent ?? 0;
      });
      if (sent > 0) log.info({ job: 'consent_expiry', sent }, 'job done');
    },
    planned_absence: async (_payload, helpers) => {
      const sent = await helpers.withPgClient(async (c: pg.PoolClient) => {
        const { rows } = await c.query<{ sent: number }>('SELECT app.notify_planned_absences($1) AS sent', [
          clock(),
        ]);
        return rows[0]?.sent ?? 0;
      });
      if (sent > 0) log.info({ job: 'planned_absence', sent }, 'job done');
    },
    retention_purge: async (_payload, helpers) => {
      const purged = await helpers.withPgClient(async (c: pg.PoolClient) => {
        const { rows } = await c.query<{
          organization_id: string;
          notifications: string;
          outbox_messages: string;
        }>('SELECT * FROM app.purge_expired_operational_data($1)', [clock()]);
        return rows;
      });
      for (const r of purged) {
        log.info(
          {
            job: 'retention_purge',
            organizationId: r.organization_id,
            notifications: Number(r.notifications),
            outboxMessages: Number(r.outbox_messages),
          },
          'job done',
        );
      }
      // Deleted cases past the tenant's period, each with all its rows, in one transaction of its
      // own (the function takes an advisory lock; a second run finds nothing left to purge).
      const cases = await helpers.withPgClient(async (c: pg.PoolClient) => {
        const { rows } = await c.query<{ organization_id: string; job_seeker_id: string }>(
          'SELECT organization_id, job_seeker_id FROM app.purge_deleted_job_seekers($1)',
          [clock()],
        );
        return rows;
      });
      for (const r of cases) {
        // Ids only: the audit row holds the counts; nothing that names the person is logged.
        log.info(
          { job: 'retention_purge', organizationId: r.organization_id, jobSeekerId: r.job_seeker_id },
          'deleted case purged',
        );
      }
      // Months of the access log past the online period are detached and kept in the archive
      // schema, whole and still verifiable (ADR 0017); never deleted.
      const archived = await helpers.withPgClient(async (c: pg.PoolClient) => {
        const { rows } = await c.query<{ month: string; row_count: string }>(
          `SELECT to_char(month, 'YYYY-MM') AS month, row_count FROM app.archive_audit_partitions($1)`,
          [clock()],
        );
        return rows;
      });
      for (const r of archived) {
        log.info(
          { job: 'retention_purge', month: r.month, rows: Number(r.row_count) },
          'access log month archived',
        );
      }
    },
  };
}

export interface Jobs {
  runner: Runner;
  /** Lets running jobs finish, then closes the worker's connections. */
  stop(): Promise<void>;
}

/**
 * The worker's pool, where giving a connection back twice is logged instead of thrown.
 * graphile-worker's listening connection can be released twice when the server cuts it while the
 * worker stops (its error handler and its shutdown both release it; the error handler does not
 * await the release, so pg-pool's throw became an unhandled rejection — a crash of the process
 * in production, seen in the date runs). Overrides pg-pool's `_releaseOnce` (pg-pool 3.x).
 */
export function workerPool(config: pg.PoolConfig, log: Pick<Pino, 'warn'>): pg.Pool {
  const pool = new pg.Pool(config);
  type ReleaseOnce = (client: pg.PoolClient, idleListener: unknown) => (error?: Error | boolean) => void;
  const internals = pool as unknown as { _releaseOnce: ReleaseOnce };
  const releaseOnce = internals._releaseOnce.bind(pool);
  if (typeof releaseOnce !== 'function') throw new Error('pg-pool changed: _releaseOnce is gone');
  internals._releaseOnce = (client, idleListener) => {
    const release = releaseOnce(client, idleListener);
    let released = false;
    return (error) => {
      if (released) {
        log.warn({}, 'job queue connection released twice (cut while stopping); ignored');
        return;
      }
      released = true;
      release(error);
    };
  };
  return pool;
}

/** Starts the worker with the schedule. */
export async function startJobs(options: JobOptions): Promise<Jobs> {
  const logger = new Logger((scope) => (level, message, meta) => {
    const fields = { job: scope.taskIdentifier, jobId: scope.jobId, ...(meta as object) };
    if (level === 'error') options.log.error(fields, message);
    else if (level === 'warning') options.log.warn(fields, message);
    else options.log.debug(fields, message);
  });
  // The worker's own pool, so that a connection the server drops (restart, failover) is logged
  // and replaced instead of crashing the process through an unhandled 'error' event — also while
  // the worker stops. No client-side timeouts here: graphile-worker keeps a listening connection
  // and recovers by itself; with pg's connection/query timeouts it did not (tested).
  const pool = workerPool(
    {
      connectionString: options.connectionString,
      // Concurrency 1: a listening connection, the job's, the schedule's, one spare.
      max: 4,
    },
    options.log,
  );
  pool.on('error', (error) =>
    options.log.warn(
      { error: { name: error.name, code: (error as { code?: string }).code } },
      'job queue connection lost',
    ),
  );
  try {
    const runner = await run({
      pgPool: pool,
      concurrency: 1,
      noHandleSignals: true,
      pollInterval: options.pollInterval ?? 2_000,
      taskList: jobTasks(options.digestHour, options.log, options.clock),
      crontab: CRONTAB,
      logger,
    });
    return {
      runner,
      async stop() {
        await runner.stop();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
