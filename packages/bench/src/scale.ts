/**
 * `pnpm bench:scale`: a tenant's latency as the database grows — 1, 40 and 400 organisations.
 * A synthetic variant of the seed (not the full national seed, to stay within minutes): one NAV
 * office and municipalities with the same staff (so the smallest point has 2 organisations) (BENCH_SCALE_SPECIALISTS job specialists,
 * 20 job seekers each, a quarter of the demo's history), so the tenant measured has the same size
 * in every database and only the others grow. Each point: the specialist's portfolio and the
 * job-seeker page, one connection at a time (latency, not throughput), through our stack and raw pg.
 *
 * Env: BENCH_SCALE_POINTS (1,40,400), BENCH_SCALE_SPECIALISTS (4), BENCH_SECONDS (4).
 */
import { loadavg } from 'node:os';
import { DEMO_SCALE, type SeedScale } from '@ips/db/seed';
import { startTestServer } from '@ips/db/testing';
import { type Cell, runLadder } from './ladder.js';
import { prepareData } from './setup.js';

const points = (process.env.BENCH_SCALE_POINTS ?? '1,40,400').split(',').map(Number);
const specialists = Number(process.env.BENCH_SCALE_SPECIALISTS ?? 4);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const log = (line: string) => console.error(line);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export function scaleWith(organisations: number): SeedScale {
  return {
    ...DEMO_SCALE,
    // The generator needs one NAV office; the smallest database is the tenant and that office.
    specialistsPerMunicipality: Array.from({ length: Math.max(1, organisations - 1) }, () => specialists),
    specialistsPerTrust: [],
    navOffices: 1,
    jobSeekersPerSpecialist: 20,
    jobSeekersPerSupervisor: 0,
    employersPerRegion: 20,
    historyDetail: 0.25,
  };
}

export interface ScalePoint {
  organisations: number;
  jobSeekers: number;
  cells: Cell[];
}

export async function runScale(
  organisationCounts: number[],
  settings: { seconds: number; warmupSeconds: number },
  /** The PostgreSQL server to use (an embedded server can start only once per process). */
  given?: { adminUrl: string },
): Promise<ScalePoint[]> {
  const out: ScalePoint[] = [];
  const server = given ? { adminUrl: given.adminUrl, stop: async () => {} } : await startTestServer();
  try {
    for (const organisations of organisationCounts) {
      const started = performance.now();
      const data = await prepareData({
        scale: scaleWith(organisations),
        label: `scale${organisations}`,
        planCount: 1,
        server,
      });
      try {
        const { rows } = await data.admin.query<{ orgs: string; js: string }>(
          'SELECT (SELECT count(*) FROM organization) AS orgs, (SELECT count(*) FROM job_seeker) AS js',
        );
        log(
          `${rows[0]?.orgs} organisations, ${rows[0]?.js} job seekers seeded in ${Math.round((performance.now() - started) / 1000)} s`,
        );
        const cells = await runLadder(
          data,
          { seconds: settings.seconds, warmupSeconds: settings.warmupSeconds, connections: 1 },
          log,
          ['raw', 'ours'],
          ['portfolio', 'jobSeekerPage'],
        );
        out.push({ organisations: Number(rows[0]?.orgs), jobSeekers: Number(rows[0]?.js), cells });
      } finally {
        await data.close();
      }
    }
  } finally {
    await server.stop();
  }
  return out;
}

export function formatScale(points: ScalePoint[]): string {
  const lines = [
    `${'organisations'.padStart(13)} ${'job seekers'.padStart(11)}  ${'workload'.padEnd(16)} ${'rung'.padEnd(6)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'SQL/req'.padStart(7)}`,
  ];
  for (const p of points) {
    for (const c of p.cells) {
      lines.push(
        `${String(p.organisations).padStart(13)} ${String(p.jobSeekers).padStart(11)}  ${c.workload.padEnd(16)} ${c.rung.padEnd(6)} ${c.p50.toFixed(1).padStart(7)} ${c.p95.toFixed(1).padStart(7)} ${c.p99.toFixed(1).padStart(7)} ${c.statementsPerRequest.toFixed(1).padStart(7)}`,
      );
    }
  }
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('scale.ts')) {
  const atStart = load();
  const result = await runScale(points, { seconds, warmupSeconds: 2 });
  console.log(
    `IPS bench — scale curve (synthetic: every organisation a municipality with ${specialists} job specialists × 20 job seekers), one connection, ${seconds} s per cell; load average at start ${atStart}, at end ${load()}\n`,
  );
  console.log(formatScale(result));
  process.exit(0);
}
