/**
 * `pnpm --filter @ips/api bench`: a job specialist's job-seeker list (first 20, newest referrals
 * first: own portfolio + team cases with consent), at concurrency 10, through the whole API (HTTP,
 * token verification, RLS transaction, CASL, Pothos, Prisma, access log) and through raw `pg` doing
 * the same work (one transaction: settings, the same filtered query, the access-log insert).
 * Prints throughput and latency percentiles for both. Env: BENCH_SECONDS (default 10).
 */

import { dropTemplate, prepareTemplate, startTestServer } from '@ips/db/testing';
import pg from 'pg';
import { startStack, userWith } from '../test/harness.js';

const LIST_SQL = `SELECT j.id, j."organizationId", j."givenName", j."familyName", j.phase, j."referralDate" FROM job_seeker j
         WHERE j."organizationId" = ANY($1) AND (j."currentSpecialistId" = $2 OR (j."teamId" = ANY($3) AND EXISTS (
           SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND c."withdrawnAt" IS NULL
             AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))))
         ORDER BY j."referralDate" DESC, j.id DESC LIMIT 21`;

const AUDIT_SQL = `INSERT INTO audit_log (id, "organizationId", "actorUserId", "jobSeekerId", action, area, "entityType", "entityId")
         SELECT gen_random_uuid(), o, $1, j, 'READ', 'JobSeeker.list', 'JobSeeker', j FROM unnest($2::uuid[], $3::uuid[]) AS t(j, o)`;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 10;

async function measure(name: string, once: () => Promise<void>) {
  for (let i = 0; i < 20; i++) await once(); // warm-up
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await once();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const row = {
    name,
    requests: latencies.length,
    'req/s': Math.round(latencies.length / SECONDS),
    'p50 ms': +pct(50).toFixed(1),
    'p95 ms': +pct(95).toFixed(1),
    'p99 ms': +pct(99).toFixed(1),
  };
  console.log(JSON.stringify(row));
  return row;
}

const server = await startTestServer();
const template = await prepareTemplate(server.adminUrl, 'bench');
const stack = await startStack(template);
try {
  const s = await userWith(stack.admin, 'JOB_SPECIALIST');
  const token = await stack.issuer.sign(s.email, { expiresIn: '1h' });
  const query = `{ jobSeekers(first: 20) { edges { node { id givenName familyName phase referralDate } } pageInfo { hasNextPage endCursor } } }`;
  const body = JSON.stringify({ query });

  const api = await measure('api (Apollo + Pothos + Prisma + CASL + RLS)', async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.arrayBuffer();
  });

  const { rows: orgRows } = await stack.admin.query<{ organizationId: string }>(
    'SELECT "organizationId" FROM membership WHERE "userId" = $1 AND "endedAt" IS NULL',
    [s.userId],
  );
  const orgIds = orgRows.map((r) => r.organizationId);
  const { rows: teamRows } = await stack.admin.query<{ teamId: string }>(
    'SELECT "teamId" FROM team_member WHERE "userId" = $1 AND "leftOn" IS NULL',
    [s.userId],
  );
  const teamIds = teamRows.map((r) => r.teamId);
  const pool = new pg.Pool({ connectionString: stack.db.appUrl, max: CONCURRENCY });
  const raw = await measure('raw pg (same filters, same access log)', async () => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query("SELECT set_config('app.user_id', $1, true), set_config('app.org_ids', $2, true)", [
        s.userId,
        orgIds.join(','),
      ]);
      const { rows } = await c.query<{ id: string; organizationId: string }>(LIST_SQL, [
        orgIds,
        s.userId,
        teamIds,
      ]);
      const page = rows.slice(0, 20);
      await c.query(AUDIT_SQL, [s.userId, page.map((r) => r.id), page.map((r) => r.organizationId)]);
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    } finally {
      c.release();
    }
  });
  // The same work with the settings applied per operation (each statement its own transaction),
  // the pattern of a per-operation transaction extension: what one transaction per request saves.
  const perOperation = await measure('raw pg, one transaction per operation', async () => {
    const c = await pool.connect();
    try {
      const settings = "SELECT set_config('app.user_id', $1, true), set_config('app.org_ids', $2, true)";
      await c.query('BEGIN');
      await c.query(settings, [s.userId, orgIds.join(',')]);
      const { rows } = await c.query<{ id: string; organizationId: string }>(LIST_SQL, [
        orgIds,
        s.userId,
        teamIds,
      ]);
      await c.query('COMMIT');
      const page = rows.slice(0, 20);
      await c.query('BEGIN');
      await c.query(settings, [s.userId, orgIds.join(',')]);
      await c.query(AUDIT_SQL, [s.userId, page.map((r) => r.id), page.map((r) => r.organizationId)]);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  });
  await pool.end();
  console.log(
    `one transaction per operation: ${perOperation['req/s']} req/s (p95 ${perOperation['p95 ms']} ms) vs per request ${raw['req/s']} req/s`,
  );
  console.log(
    `\nSpecialist's list, concurrency ${CONCURRENCY}, ${SECONDS} s each: API ${api['req/s']} req/s (p95 ${api['p95 ms']} ms), ` +
      `raw pg ${raw['req/s']} req/s (p95 ${raw['p95 ms']} ms); the API reaches ${Math.round((100 * api['req/s']) / raw['req/s'])} % of raw pg.`,
  );
} finally {
  // Each step on its own: a failure in one must not leave the PostgreSQL server running.
  for (const step of [() => stack.close(), () => dropTemplate(template), () => server.stop()]) {
    await step().catch((error: unknown) =>
      console.error('cleanup:', error instanceof Error ? error.message : error),
    );
  }
}
process.exit(0);
