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
 * What the tail moves with, per window: the machine's CPU busy share (all processes, /proc/stat),
 * the API's and this client's CPU share, the API's GC time and worst event-loop delay, PostgreSQL's
 * checkpoints and autovacuum/autoanalyze runs on the access log, what the API's database sessions
 * were waiting for (pg_stat_activity sampled ten times a second: the most seen wait events, and how
 * often one waited for the WAL's flush to disk, `IO:WalSync`: a commit's fsync), this
 * client's own worst event-loop delay, and requests over 100 ms; at the end,
 * how closely each window's p99 follows each of them (Pearson r over the windows).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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

/** CPU time of the whole machine so far, in clock ticks: busy and total. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const t = line.trim().split(/\s+/).slice(1).map(Number);
  const total = t.reduce((a, b) => a + b, 0);
  const idle = (t[3] ?? 0) + (t[4] ?? 0);
  return { busy: total - idle, total };
}

/** PostgreSQL's checkpoints so far, and the access log's autovacuum and autoanalyze runs. */
async function databaseActivity(adminUrl: string): Promise<{ checkpoints: number; autovacuums: number }> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const cp = await c.query<{ n: string }>(
      'SELECT num_timed + num_requested AS n FROM pg_stat_checkpointer',
    );
    const av = await c.query<{ n: string }>(
      `SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) AS n FROM pg_stat_all_tables
       WHERE relname LIKE 'audit_log%'`,
    );
    return {
      checkpoints: Number(cp.rows[0]?.n ?? 0),
      autovacuums: Number(av.rows[0]?.n ?? 0),
    };
  } finally {
    await c.end();
  }
}

/**
 * Samples what the API's sessions wait for, ten times a second, on a connection of its own: counts
 * per wait event (e.g. `IO:WalSync`, `Lock:transactionid`), `CPU` for an active session waiting for
 * nothing. `take()` returns the counts since the last take.
 */
async function waitSampler(adminUrl: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  let counts = new Map<string, number>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await c.query<{ w: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w FROM pg_stat_activity
         WHERE usename = 'ips_app' AND state = 'active'`,
      );
      for (const r of rows) counts.set(r.w, (counts.get(r.w) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    take(): { top: string; walSync: number } {
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
      const walSync = counts.get('IO:WalSync') ?? 0;
      counts = new Map();
      return { top: top.map(([w, n]) => `${w} ${n}`).join(', '), walSync };
    },
    async stop() {
      stopped = true;
      await loop.catch(() => {});
      await c.end();
    },
  };
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const SERVER_FIGURES = [
  'ips_process_resident_memory_bytes',
  'ips_process_cpu_seconds_total',
  'ips_nodejs_gc_duration_seconds_sum',
  'ips_nodejs_eventloop_lag_max_seconds',
] as const;

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
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  };
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
          ? JSON.stringify({
              query: CREATE,
              variables: { input: { organizationId, name: `soak-${key}` } },
            })
          : LIST,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      return {
        ms: performance.now() - t,
        ok: res.status === 200 && !text.includes('"errors"'),
      };
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
    over100ms: number;
    machineBusyPct: number;
    apiCpuPct: number;
    clientCpuPct: number;
    gcMs: number;
    loopDelayMaxMs: number;
    checkpoints: number;
    autovacuums: number;
    clientLoopDelayMaxMs: number;
    walSyncSamples: number;
    waits: string;
  }[] = [];
  const clientLoop = monitorEventLoopDelay({ resolution: 10 });
  clientLoop.enable();
  const waits = await waitSampler(db.adminUrl);
  const cores = cpus().length;
  let server = await api.metrics(SERVER_FIGURES);
  let machine = machineTicks();
  let client = process.cpuUsage();
  let database = await databaseActivity(db.adminUrl);
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
    const seconds = (performance.now() - start) / 1000;
    const serverNow = await api.metrics(SERVER_FIGURES);
    const machineNow = machineTicks();
    const clientNow = process.cpuUsage(client);
    const databaseNow = await databaseActivity(db.adminUrl);
    const waited = waits.take();
    const pct = (cpuSeconds: number) => +((cpuSeconds / seconds / cores) * 100).toFixed(1);
    const row = {
      window: w + 1,
      requests: latencies.length,
      errors,
      p50: +percentile(latencies, 50).toFixed(1),
      p99: +percentile(latencies, 99).toFixed(1),
      rssMiB: +(serverNow.ips_process_resident_memory_bytes / 1024 / 1024).toFixed(1),
      over100ms: latencies.filter((l) => l > 100).length,
      machineBusyPct: +(
        ((machineNow.busy - machine.busy) / (machineNow.total - machine.total)) *
        100
      ).toFixed(1),
      apiCpuPct: pct(serverNow.ips_process_cpu_seconds_total - server.ips_process_cpu_seconds_total),
      clientCpuPct: pct((clientNow.user + clientNow.system) / 1e6),
      gcMs: Math.round(
        (serverNow.ips_nodejs_gc_duration_seconds_sum - server.ips_nodejs_gc_duration_seconds_sum) * 1000,
      ),
      loopDelayMaxMs: Math.round(serverNow.ips_nodejs_eventloop_lag_max_seconds * 1000),
      checkpoints: databaseNow.checkpoints - database.checkpoints,
      autovacuums: databaseNow.autovacuums - database.autovacuums,
      clientLoopDelayMaxMs: Math.round(clientLoop.max / 1e6),
      walSyncSamples: waited.walSync,
      waits: waited.top,
    };
    clientLoop.reset();
    server = serverNow;
    machine = machineNow;
    client = process.cpuUsage();
    database = databaseNow;
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  await waits.stop();
  clientLoop.disable();
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
  const p99s = rows.map((r) => r.p99);
  const follows = (
    key:
      | 'machineBusyPct'
      | 'apiCpuPct'
      | 'gcMs'
      | 'loopDelayMaxMs'
      | 'clientLoopDelayMaxMs'
      | 'checkpoints'
      | 'autovacuums'
      | 'walSyncSamples',
  ) =>
    `${key} ${pearson(
      p99s,
      rows.map((r) => r[key]),
    ).toFixed(2)}`;
  console.log(
    `  window p99 follows (Pearson r): ${[
      follows('machineBusyPct'),
      follows('apiCpuPct'),
      follows('gcMs'),
      follows('loopDelayMaxMs'),
      follows('clientLoopDelayMaxMs'),
      follows('checkpoints'),
      follows('autovacuums'),
      follows('walSyncSamples'),
    ].join(', ')}`,
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
