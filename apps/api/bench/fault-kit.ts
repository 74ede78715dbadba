/**
 * What the fault and soak scripts share: an embedded PostgreSQL of their own (so it can be stopped
 * and started), migrated and seeded; the API as its own process (src/serve.ts, the production entry
 * point) on loopback; a token issuer; percentiles. Everything they start, they stop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDatabase,
  type EmbeddedServer,
  ensureRoles,
  migrate,
  startEmbeddedPostgres,
  withCredentials,
  withDatabase,
} from '@ips/db';
import { defaultSeedOptions, type SeedScale, seedDatabase } from '@ips/db/seed';
import { type Issuer, startIssuer } from '../test/harness.js';

const APP_PASSWORD = 'ips-app-fault-only';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface FaultDatabase {
  adminUrl: string;
  appUrl: string;
  issuer: Issuer;
  /** Stops the server (fast shutdown: sessions are cut) — the "database restart" fault. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
}

/** `scale`: the seed's size (the demo data unless given; the soak takes the national seed on request). */
export async function startFaultDatabase(options: { scale?: SeedScale } = {}): Promise<FaultDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ips-fault-pg-'));
  const port = await freePort();
  let server: EmbeddedServer | null = await startEmbeddedPostgres({
    dataDir,
    port,
  });
  const issuer = await startIssuer();
  await ensureRoles(server.adminUrl, APP_PASSWORD);
  await createDatabase(server.adminUrl, 'ips');
  const adminUrl = withDatabase(server.adminUrl, 'ips');
  await migrate(adminUrl);
  await seedDatabase(
    adminUrl,
    defaultSeedOptions({
      devIssuer: issuer.url,
      ...(options.scale ? { scale: options.scale } : {}),
    }),
  );
  return {
    adminUrl,
    appUrl: withCredentials(adminUrl, 'ips_app', APP_PASSWORD),
    issuer,
    async stopServer() {
      await server?.stop();
      server = null;
    },
    async startServer() {
      server = await startEmbeddedPostgres({ dataDir, port });
    },
    async close() {
      await server?.stop().catch(() => {});
      await issuer.close().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /**
   * The server's own figures from one read of its /metrics: each name's value, summed over its
   * labels (e.g. the GC's time over its kinds); NaN for a name it does not print.
   */
  metrics<N extends string>(names: readonly N[]): Promise<Record<N, number>>;
  stop(): Promise<void>;
}

/** Starts src/serve.ts on a free port; resolves once it listens. */
export async function startApiProcess(appUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const metricsPort = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '..', 'src', 'serve.ts')],
    {
      cwd: join(import.meta.dirname, '..'),
      env: {
        PATH: process.env.PATH ?? '',
        TZ: 'UTC',
        APP_DATABASE_URL: appUrl,
        API_PORT: String(port),
        API_METRICS_PORT: String(metricsPort),
        API_RATE_LIMIT_PER_MINUTE: '1000000',
        API_JOBS: 'off',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) before listening`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the API did not start within 60 s');
    }
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    async metrics(names) {
      const lines = (await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()).split('\n');
      const out = {} as Record<(typeof names)[number], number>;
      for (const name of names) {
        const values = lines
          .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
          .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
        out[name] = values.length ? values.reduce((a, b) => a + b, 0) : Number.NaN;
      }
      return out;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 12_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');

/** A seeded job specialist and a token for them. */
export async function specialistToken(db: FaultDatabase): Promise<{ token: string; organizationId: string }> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: db.adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ email: string; org: string }>(
      `SELECT u.email, m."organizationId" AS org FROM membership m JOIN app_user u ON u.id = m."userId"
       WHERE m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL ORDER BY u.email LIMIT 1`,
    );
    const row = rows[0];
    if (!row) throw new Error('no seeded job specialist');
    return {
      token: await db.issuer.sign(row.email, { expiresIn: '2h' }),
      organizationId: row.org,
    };
  } finally {
    await c.end();
  }
}
