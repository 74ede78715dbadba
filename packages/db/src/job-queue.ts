/**
 * The job queue's schema (graphile-worker, `graphile_worker`): installed and upgraded by the
 * migration step as the owner role, then granted to the runtime role — the API's worker only
 * reads and writes jobs, it never needs to create anything.
 */
import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';
import { APP_ROLE, OWNER_ROLE } from './roles.js';

export const JOB_QUEUE_SCHEMA = 'graphile_worker';

const silentLogger = new Logger(() => () => {});

export async function installJobQueue(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('connect', (client) => {
    // Queued before anything graphile-worker sends on this connection.
    void client.query(`SET ROLE ${OWNER_ROLE}`);
  });
  pool.on('error', () => {});
  try {
    await runMigrations({ pgPool: pool, schema: JOB_QUEUE_SCHEMA, logger: silentLogger });
    const client = await pool.connect();
    try {
      // graphile-worker turns row-level security on for its tables (no policy: owner only). The
      // runtime role works the queue, so it gets one policy per table; the queue holds no personal
      // data (jobs carry only their schedule).
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relrowsecurity`,
        [JOB_QUEUE_SCHEMA],
      );
      for (const { name } of rows) {
        const table = `${JOB_QUEUE_SCHEMA}.${client.escapeIdentifier(name)}`;
        await client.query(`DROP POLICY IF EXISTS runtime_role ON ${table}`);
        await client.query(
          `CREATE POLICY runtime_role ON ${table} TO ${APP_ROLE} USING (true) WITH CHECK (true)`,
        );
      }
      await client.query(`
        GRANT USAGE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE};
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE};`);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}
