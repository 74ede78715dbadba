/**
 * Brings the database to "ready for the product": server up (embedded unless DATABASE_URL),
 * roles and database present, migrations applied, demo data loaded on the first start.
 */
import pg from 'pg';
import { type DatabaseEnvironment, openDatabaseEnvironment } from './environment.js';
import { migrate } from './migrate.js';
import { defaultSeedOptions, seedDatabase } from './seed/index.js';

export async function prepareDatabase(
  log: (line: string) => void = console.log,
): Promise<DatabaseEnvironment> {
  const env = await openDatabaseEnvironment(log);
  try {
    const applied = await migrate(env.adminUrl, { log });
    if (applied.length === 0) log('Database schema is up to date.');
    const client = new pg.Client({ connectionString: env.adminUrl });
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM organization');
    await client.end();
    if (Number(rows[0]?.n) === 0) {
      log('Loading demo data (first start) …');
      const result = await seedDatabase(env.adminUrl, defaultSeedOptions(), log);
      log(`Demo data: ${result.organizations} organisations, ${result.jobSeekers} job seekers.`);
    } else {
      log('Demo data already loaded (pnpm db:reset starts over).');
    }
    return env;
  } catch (error) {
    await env.stop();
    throw error;
  }
}
