/**
 * `pnpm --filter @ips/api soak`: a soak at half of peak (loopback only, bounded, stops by itself).
 * An embedded PostgreSQL with the demo data, the API as its own process. First the peak: a closed
 * loop of 10 clients for 10 s (a specialist's list). Then an open loop at half that rate for
 * SOAK_MINUTES (default 30) — 9 in 10 requests the list, 1 in 10 a create with an idempotency key —
 * in windows of a tenth of the run. Prints per window: requests, errors, p50/p99 and the server's
 * resident memory (from its /metrics); then errors, RSS growth and p99 drift against the targets (no
 * errors, RSS < +10 %, p99 < +20 %). The first window is warm-up (JIT, caches, pools): growth and
 * drift compare windows 2–3 with the last two (RSS: window 2 with the last).
 * SOAK_DATA=national: on the national-scale seed (6,000 job specialists, 120,000 job seekers; seeding
 * takes minutes) instead of the demo data. Prints the access log's rows before and after and the
 * rate it grew at (each list read writes a row per job seeker read, ADR 0017).
 */
import { randomUUID } from 'node:crypto';
import { NATIONAL_SCALE } from '@ips/db/seed';
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

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const WINDOWS = 10;
const MAX_IN_FLIGHT = 100;
const DATA = process.env.SOAK_DATA === 'national' ? 'national' : 'demo';

async function accessLogRows(adminUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    return Number(rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}

let db: FaultDatabase | undefined;
let api: ApiProcess | undefined;
let exitCode = 0;
try {
  console.log(`setting up: embedded PostgreSQL, ${DATA} data, API process …`);
  const seeded = performance.now();
  db = await startFaultDatabase(DATA === 'national' ? { scale: NATIONAL_SCALE } : {});
  console.log(`  seeded in ${((performance.now() - seeded) / 1000).toFixed(0)} s`);
  api = await startApiProcess(db.appUrl);
  const { token, organizationId } = await specialistToken(db);
  const base = api.url;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const LIST = JSON.stringify({
    query: '{ jobSeekers(first: 20) { edges { node { id givenName phase } } } }',
  });
  const CREATE = `mutation($input: RegisterEmployerInput!) { registerEmployer(input: $input) { __typename } }`;
  const request = async (write: boolean): Promise<{ ms: number; ok: boolean }> => {
    const t = performance.now();
    try {
      const key = randomUUID();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: write ? { ...headers, 'idempotency-key': key } : headers,
        body: write
          ? JSON.stringify({ query: CREATE, variables: { input: { organizationId, name: `soak-${key}` } } })
          : LIST,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      return { ms: performance.now() - t, ok: res.status === 200 && !text.includes('"errors"') };
    } catch {
      return { ms: performance.now() - t, ok: false };
    }
  };

  // Peak: closed loop, 10 clients, 10 s (after a warm-up).
  for (let i = 0; i < 50; i++) await request(false);
  let peakCount = 0;
  const peakEnd = performance.now() + 10_000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() < peakEnd) {
        await request(false);
        peakCount++;
      }
    }),
  );
  const peak = peakCount / 10;
  const rate = peak / 2;
  console.log(`peak ${peak.toFixed(1)} req/s; soaking at ${rate.toFixed(1)} req/s for ${MINUTES} min`);
  const logBefore = await accessLogRows(db.adminUrl);
  const soakStart = performance.now();

  const windowMs = (MINUTES * 60_000) / WINDOWS;
  const rows: {
    window: number;
    requests: number;
    errors: number;
    p50: number;
    p99: number;
    rssMiB: number;
  }[] = [];
  const perWindow: number[][] = [];
  let inFlight = 0;
  let dropped = 0;
  let sent = 0;
  for (let w = 0; w < WINDOWS; w++) {
    const latencies: number[] = [];
    let errors = 0;
    const pending: Promise<void>[] = [];
    const start = performance.now();
    const end = start + windowMs;
    let next = start;
    while (performance.now() < end) {
      if (inFlight >= MAX_IN_FLIGHT) dropped++;
      else {
        inFlight++;
        const write = sent++ % 10 === 9;
        pending.push(
          request(write).then((r) => {
            inFlight--;
            latencies.push(r.ms);
            if (!r.ok) errors++;
          }),
        );
      }
      next += 1000 / rate;
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await Promise.all(pending);
    latencies.sort((a, b) => a - b);
    perWindow.push(latencies);
    const rss = await api.metric('ips_process_resident_memory_bytes');
    const row = {
      window: w + 1,
      requests: latencies.length,
      errors,
      p50: +percentile(latencies, 50).toFixed(1),
      p99: +percentile(latencies, 99).toFixed(1),
      rssMiB: +(rss / 1024 / 1024).toFixed(1),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  const logAfter = await accessLogRows(db.adminUrl);
  const soakSeconds = (performance.now() - soakStart) / 1000;
  const pooled = (ws: number[][]) => ws.flat().sort((a, b) => a - b);
  const baseP99 = percentile(pooled(perWindow.slice(1, 3)), 99);
  const endP99 = percentile(pooled(perWindow.slice(-2)), 99);
  const baseRss = rows[1]?.rssMiB ?? Number.NaN;
  const endRss = rows.at(-1)?.rssMiB ?? Number.NaN;
  const errors = rows.reduce((a, r) => a + r.errors, 0);
  const requests = rows.reduce((a, r) => a + r.requests, 0);
  const rssGrowth = ((endRss - baseRss) / baseRss) * 100;
  const p99Drift = ((endP99 - baseP99) / baseP99) * 100;
  const sign = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)} %`;
  console.log(
    `\nSoak at half of peak (${rate.toFixed(1)} req/s, 1 in 10 a create), ${MINUTES} min, ${WINDOWS} windows, ${DATA} data`,
  );
  console.log(
    `  access log ${logBefore} → ${logAfter} rows (+${logAfter - logBefore}, ${((logAfter - logBefore) / soakSeconds).toFixed(0)} rows/s)`,
  );
  console.log(
    `  requests ${requests}, errors ${errors}, not sent (over ${MAX_IN_FLIGHT} in flight) ${dropped}`,
  );
  console.log(
    `  server RSS ${baseRss} → ${endRss} MiB (window 2 → last: ${sign(rssGrowth)}; target < +10 %)`,
  );
  console.log(
    `  p99 ${ms(baseP99)} → ${ms(endP99)} (windows 2–3 → last two: ${sign(p99Drift)}; target < +20 %)`,
  );
  if (errors > 0 || dropped > 0 || rssGrowth >= 10 || p99Drift >= 20) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await api?.stop().catch(() => {});
  await db?.close().catch(() => {});
}
process.exit(exitCode);
