/**
 * Runs a command with one PostgreSQL server for the whole run: `tsx with-postgres.ts -- <cmd…>`.
 * Uses DATABASE_URL's server when set, else starts a throw-away embedded server; the command gets
 * IPS_TEST_DATABASE_URL (an administrative connection) and every test file makes its own database.
 *
 * With IPS_TODAY set (`YYYY-MM-DD`, noon in Oslo, or an ISO instant with offset) the whole run —
 * the embedded server, the seed, the API and the tests — lives at that date: this script restarts
 * itself under libfaketime with one clock offset for every process (src/testing/clock.ts), always
 * on its own embedded server (a server given by DATABASE_URL keeps its own clock).
 */
import { spawn } from 'node:child_process';
import {
  ensureLibfaketime,
  fakeClockEnvironment,
  osloDate,
  parseRunInstant,
  TODAY_VARIABLE,
} from '../src/testing/clock.js';
import { startTestServer } from '../src/testing/server.js';

const separator = process.argv.indexOf('--');
const command = separator >= 0 ? process.argv.slice(separator + 1) : [];
if (command.length === 0) {
  console.error('usage: with-postgres.ts -- <command> [args…]');
  process.exit(2);
}

function run(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(argv[0] as string, argv.slice(1), { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
}

const today = process.env[TODAY_VARIABLE];
if (today && !process.env.FAKETIME) {
  let instant: Date;
  let library: string;
  try {
    instant = parseRunInstant(today);
    library = ensureLibfaketime();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.log(`clock: this run lives at ${instant.toISOString()} (Oslo day ${osloDate(instant)})`);
  const env = { ...process.env, ...fakeClockEnvironment(instant, library) };
  // Only a server started here lives at the run's date: a given DATABASE_URL is not used.
  if (env.IPS_TEST_DATABASE_URL ?? env.DATABASE_URL)
    console.log('clock: DATABASE_URL is set, but a run at another date uses its own embedded PostgreSQL');
  delete env.IPS_TEST_DATABASE_URL;
  delete env.DATABASE_URL;
  process.exit(await run([process.execPath, ...process.execArgv, ...process.argv.slice(1)], env));
}

const server = await startTestServer();
const code = await run(command, { ...process.env, IPS_TEST_DATABASE_URL: server.adminUrl });
await server.stop();
process.exit(code);
