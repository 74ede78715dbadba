/**
 * `pnpm --filter @ips/api fault:pool`: the request pool exhausted (loopback only, bounded, stops by
 * itself). An embedded PostgreSQL with the demo data, the API as its own process with a pool of 4
 * (acquire timeout 1 s, statement timeout 3 s). An administrator's transaction locks the job-seeker
 * table for HOLD seconds, so list requests take every connection and wait; meanwhile a burst of 40
 * concurrent list requests arrives and /healthz is asked every 50 ms. Prints how /healthz answered,
 * what the burst got and how fast, and that every request ended. Env: FAULT_HOLD (5).
 */
import pg from 'pg';
import {
  type ApiProcess,
  type FaultDatabase,
  ms,
  percentile,
  specialistToken,
  startApiProcess,
  startFaultDatabase,
} from './fault-kit.js';

const HOLD = Number(process.env.FAULT_HOLD ?? 5) * 1000;
const BURST = 40;

let db: FaultDatabase | undefined;
let api: ApiProcess | undefined;
let exitCode = 0;
try {
  console.log('setting up: embedded PostgreSQL, demo data, API process …');
  db = await startFaultDatabase();
  api = await startApiProcess(db.appUrl, {
    DB_POOL_SIZE: '4',
    DB_ACQUIRE_TIMEOUT_MS: '1000',
    DB_STATEMENT_TIMEOUT_MS: '3000',
  });
  const { token } = await specialistToken(db);
  const base = api.url;
  const list = JSON.stringify({ query: '{ jobSeekers(first: 20) { edges { node { id } } } }' });
  const get = async () => {
    const t = performance.now();
    try {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: list,
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      return {
        ms: performance.now() - t,
        what: `${res.status}${body.errors?.[0]?.extensions?.code ? ` ${body.errors[0].extensions.code}` : ''}`,
      };
    } catch (error) {
      return { ms: performance.now() - t, what: (error as Error).name };
    }
  };
  for (let i = 0; i < 20; i++) await get(); // warm the pool

  const locker = new pg.Client({ connectionString: db.adminUrl });
  await locker.connect();
  await locker.query('BEGIN; LOCK TABLE job_seeker IN ACCESS EXCLUSIVE MODE');
  const lockedAt = performance.now();
  const health: number[] = [];
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const t = performance.now();
      const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.ok,
        () => false,
      );
      health.push(ok ? performance.now() - t : Number.POSITIVE_INFINITY);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const burst = Promise.all(Array.from({ length: BURST }, get));
  setTimeout(() => void locker.query('ROLLBACK'), HOLD);
  const results = await burst;
  const allEnded = performance.now() - lockedAt;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, HOLD - allEnded) + 200));
  polling = false;
  await poll;
  await locker.end();
  const after = await get();

  const kinds = new Map<string, number[]>();
  for (const r of results) kinds.set(r.what, [...(kinds.get(r.what) ?? []), r.ms]);
  const h = [...health].sort((a, b) => a - b);
  console.log('\nRequest pool exhausted (pool 4, acquire timeout 1 s, statement timeout 3 s)');
  console.log(`  table locked for ${HOLD / 1000} s; burst of ${BURST} concurrent list requests`);
  for (const [what, times] of kinds) {
    const t = times.sort((a, b) => a - b);
    console.log(
      `  ${what}: ${t.length} request(s), answered in p50 ${ms(percentile(t, 50))}, max ${ms(t.at(-1) ?? Number.NaN)}`,
    );
  }
  console.log(`  every request of the burst ended after ${ms(allEnded)} at most (none hung)`);
  const failedHealth = h.filter((x) => !Number.isFinite(x)).length;
  console.log(
    `  /healthz meanwhile: ${h.length} checks, ${failedHealth} failed, p50 ${ms(percentile(h, 50))}, p99 ${ms(percentile(h, 99))}, max ${ms(h.at(-1) ?? Number.NaN)}`,
  );
  console.log(`  after the lock: ${after.what} in ${ms(after.ms)}`);
  if (failedHealth > 0 || !after.what.startsWith('200')) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await api?.stop().catch(() => {});
  await db?.close().catch(() => {});
}
process.exit(exitCode);
