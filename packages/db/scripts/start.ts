/**
 * `pnpm start`: the product on one machine. Starts the embedded PostgreSQL (or uses DATABASE_URL),
 * migrates, loads the demo data on the first start, and keeps running until Ctrl-C, when it stops
 * the database cleanly. Data stays in .data/postgres and is reused on the next start.
 */
import pg from 'pg';
import { PortInUseError } from '../src/embedded.js';
import { openDatabaseEnvironment } from '../src/environment.js';
import { migrate } from '../src/migrate.js';
import { defaultSeedOptions, seedDatabase } from '../src/seed/index.js';
import { redact } from '../src/urls.js';

let env: Awaited<ReturnType<typeof openDatabaseEnvironment>>;
try {
  env = await openDatabaseEnvironment(console.log);
} catch (error) {
  if (error instanceof PortInUseError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping …`);
  await env.stop();
  console.log('Stopped cleanly.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  const applied = await migrate(env.adminUrl, { log: console.log });
  if (applied.length === 0) console.log('Database schema is up to date.');
  const client = new pg.Client({ connectionString: env.adminUrl });
  await client.connect();
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM organization');
  await client.end();
  if (Number(rows[0]?.n) === 0) {
    console.log('Loading demo data (first start) …');
    const result = await seedDatabase(env.adminUrl, defaultSeedOptions(), console.log);
    console.log(`Demo data: ${result.organizations} organisations, ${result.jobSeekers} job seekers.`);
  } else {
    console.log('Demo data already loaded (pnpm db:reset starts over).');
  }
  console.log(`\nIPS platform database ready${env.embedded ? ' (embedded PostgreSQL)' : ''}.`);
  console.log(`  admin:   ${redact(env.adminUrl)}`);
  console.log(`  runtime: ${redact(env.appUrl)}`);
  console.log('Press Ctrl-C to stop.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await env.stop();
  process.exit(1);
}
// Keep the process (and the database) running until a signal arrives.
setInterval(() => {}, 1 << 30);
