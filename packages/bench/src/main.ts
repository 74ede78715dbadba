/**
 * `pnpm bench` (or `pnpm --filter @ips/bench bench`): one run, one table. Seeds the demo data into
 * a fresh database, then sends the admin's real GraphQL documents through each rung of the ladder
 * — bare node:http, raw pg (the floor), PostGraphile v5, our stack secure and with its security
 * layers off — and prints req/s, p50/p95/p99 at fixed concurrency and at half of peak rate, SQL
 * statements per request, RSS under load and the ratios, with the machine's load average.
 *
 * Then the scale curve (`scale.ts`): a tenant's latency with 1, 40 and 400 organisations.
 *
 * Env: BENCH_SECONDS (4) per measured run, BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (10),
 * BENCH_RUNGS / BENCH_WORKLOADS (comma-separated subsets), BENCH_SCALE_POINTS (1,40,400; empty:
 * no scale curve), BENCH_SCALE_SECONDS (3), BENCH_DATA (`demo`, or `national`: the ladder on the
 * national-scale seed — 400 organisations, 120,000 job seekers, about 7 million rows; seeding takes
 * minutes), BENCH_TEAM_MEMBERS (the team dashboard's team: the one with this many members, the
 * nearest size if none; default the largest team).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { DEMO_SCALE, NATIONAL_SCALE } from '@ips/db/seed';
import { startTestServer } from '@ips/db/testing';
import { type Cell, RUNGS, runLadder } from './ladder.js';
import { formatScale, runScale, type ScalePoint } from './scale.js';
import { prepareData } from './setup.js';
import { formatRatios, formatTable } from './table.js';
import type { Rung } from './target-process.js';
import { WORKLOADS, type WorkloadName } from './workloads.js';

const settings = {
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
  seconds: Number(process.env.BENCH_SECONDS ?? 4),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
};
const pick = <T extends string>(env: string | undefined, all: T[]): T[] =>
  env ? all.filter((x) => env.split(',').includes(x)) : all;
const rungs = pick(process.env.BENCH_RUNGS, RUNGS.map((r) => r.rung) as Rung[]);
const workloads = pick(process.env.BENCH_WORKLOADS, WORKLOADS.map((w) => w.name) as WorkloadName[]);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const started = new Date();
const loadAtStart = load();
const log = (line: string) => console.error(line);

const dataSet = process.env.BENCH_DATA === 'national' ? 'national' : 'demo';
log(`seeding the ${dataSet} data …`);
// One PostgreSQL server for the whole run (IPS_TEST_DATABASE_URL / DATABASE_URL, or embedded).
const server = await startTestServer();
let cells: Cell[] = [];
let scale: ScalePoint[] = [];
try {
  const data = await prepareData({
    planCount: settings.connections * 3,
    server,
    scale: dataSet === 'national' ? NATIONAL_SCALE : DEMO_SCALE,
  });
  try {
    log(
      `portfolio of ${data.portfolioSize} job seekers; the dashboard's team ${data.teamSize.members} members following ${data.teamSize.jobSeekers} job seekers; ${data.plans.length} support plans; running the ladder …`,
    );
    cells = await runLadder(data, settings, log, rungs, workloads);
  } finally {
    await data.close();
  }
  const scalePoints = (process.env.BENCH_SCALE_POINTS ?? '1,40,400').split(',').filter(Boolean).map(Number);
  if (scalePoints.length) {
    log(`scale curve: ${scalePoints.join(', ')} organisations …`);
    const seconds = Number(process.env.BENCH_SCALE_SECONDS ?? 3);
    scale = await runScale(scalePoints, { seconds, warmupSeconds: 1 }, server);
  }
} finally {
  await server.stop();
}
const finished = new Date();
console.log(
  [
    `IPS bench — ${dataSet} seed, ${started.toISOString()} → ${finished.toISOString()} (${Math.round((finished.getTime() - started.getTime()) / 1000)} s)`,
    `machine: ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB; load average (1/5/15 min) at start ${loadAtStart}, at end ${load()} — shared machine: absolute figures are noisy, ratios less so`,
    `load: autocannon, ${settings.connections} connections; warm-up ${settings.warmupSeconds} s, fixed concurrency ${settings.seconds} s (req/s, p50/p95/p99 ms), then fixed rate at half of that rung's peak for ${settings.seconds} s (@rate req/s, p50/p95/p99 ms)`,
    "SQL/req: every statement sent through pg (BEGIN/COMMIT, settings, actor lookup, queries, access log) per request; CPU ms: CPU time of the rung's process per request (steadier than req/s on a busy machine); RSS: peak resident memory of the rung's process under load",
    '',
    formatTable(cells),
    '',
    formatRatios(cells),
    '',
    'rungs: raw pg and PostGraphile verify the token and look up the actor like the API; raw pg writes the access log, PostGraphile does not.',
    "PostGraphile has no equivalent of the team dashboard's measures or the plan revision (application logic); raw pg has none for the measures.",
    'security off = token signature not checked, no graphql-armor, allow-all ability without field checks, no access log, owner connection (RLS bypassed).',
    ...(scale.length
      ? [
          '',
          `scale: a tenant's latency as the database grows (synthetic seed variant: one NAV office and municipalities of ${process.env.BENCH_SCALE_SPECIALISTS ?? 4} job specialists × 20 job seekers, a quarter of the demo history; one connection, ${process.env.BENCH_SCALE_SECONDS ?? 3} s per cell)`,
          formatScale(scale),
        ]
      : []),
  ].join('\n'),
);
process.exit(0);
