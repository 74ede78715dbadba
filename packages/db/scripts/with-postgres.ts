/**
 * Runs a command with one PostgreSQL server for the whole run: `tsx with-postgres.ts -- <cmd…>`.
 * Uses DATABASE_URL's server when set, else starts a throw-away embedded server; the command gets
 * IPS_TEST_DATABASE_URL (an administrative connection) and every test file makes its own database.
 */
import { spawn } from 'node:child_process';
import { startTestServer } from '../src/testing/server.js';

const separator = process.argv.indexOf('--');
const command = separator >= 0 ? process.argv.slice(separator + 1) : [];
if (command.length === 0) {
  console.error('usage: with-postgres.ts -- <command> [args…]');
  process.exit(2);
}

const server = await startTestServer();
const child = spawn(command[0] as string, command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, IPS_TEST_DATABASE_URL: server.adminUrl },
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code: number = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
await server.stop();
process.exit(code);
