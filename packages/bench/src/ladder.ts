/**
 * The ladder: each rung in its own process, every workload through it with the same load —
 * warm-up, fixed concurrency (throughput, latency, SQL statements per request, RSS), then a fixed
 * rate at half of that rung's peak (latency when not saturated).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LoadSpec, load } from './load.js';
import type { BenchData, PlanForUpdate } from './setup.js';
import type { FromTarget, Rung, TargetConfig, ToTarget } from './target-process.js';
import {
  type GraphQLCall,
  graphqlCall,
  postgraphileCall,
  reviseCall,
  WORKLOADS,
  type WorkloadName,
} from './workloads.js';

export interface Settings {
  warmupSeconds: number;
  seconds: number;
  connections: number;
}

export interface Cell {
  rung: Rung;
  workload: WorkloadName;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  rate: number;
  rateP50: number;
  rateP95: number;
  rateP99: number;
  statementsPerRequest: number;
  /** CPU time of the rung's process per request (user + system): steadier than req/s on a busy machine. */
  cpuMsPerRequest: number;
  rssMb: number;
  errors: number;
  /** Rows (edges or deadlines) in one answer: the rungs must answer the same. */
  rows: string;
}

export const RUNGS: { rung: Rung; label: string }[] = [
  { rung: 'bare', label: 'bare node:http' },
  { rung: 'raw', label: 'raw pg (floor)' },
  { rung: 'postgraphile', label: 'PostGraphile v5' },
  { rung: 'ours', label: 'ours, secure' },
  { rung: 'ours-insecure', label: 'ours, security off' },
];

class Target {
  private waiting: ((m: FromTarget) => void)[] = [];
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (m: FromTarget) => this.waiting.shift()?.(m));
  }

  static start(config: TargetConfig): Promise<Target> {
    const child = fork(fileURLToPath(new URL('./target-process.ts', import.meta.url)), [], {
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each rung's process, for profiling the hot path.
      execArgv: [
        '--import',
        'tsx',
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ],
      env: { ...process.env, BENCH_TARGET: JSON.stringify(config), GRAPHILE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`${config.rung} did not start within 60 s`));
      }, 60_000);
      child.once('message', (m: FromTarget) => {
        clearTimeout(timer);
        if (m.type === 'ready') resolve(new Target(child, m.url));
        else {
          child.kill();
          reject(new Error(`${config.rung} failed to start: ${m.type === 'error' ? m.message : m.type}`));
        }
      });
      child.once('exit', (code) => reject(new Error(`${config.rung} exited (${code}) before it was ready`)));
    });
  }

  ask(message: ToTarget): Promise<FromTarget> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.send(message);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.send({ type: 'stop' } satisfies ToTarget);
    });
  }
}

const payload = (call: GraphQLCall) => ({
  token: call.token,
  payload: JSON.stringify({ query: call.query, variables: call.variables }),
});

/** One answer, summarised: how many rows it carries (or its first error). */
function rowsOf(body: string): string {
  const json = JSON.parse(body) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (json.errors?.length) return `error: ${json.errors[0]?.message.slice(0, 60)}`;
  const d = json.data ?? {};
  const count = (v: unknown): string => {
    if (Array.isArray(v)) return String(v.length);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.edges)) return String(o.edges.length);
      if (Array.isArray(o.nodes)) return String(o.nodes.length);
      if (o.data && typeof o.data === 'object') {
        const inner = o.data as Record<string, unknown>;
        if (Array.isArray(inner.periods)) return `${inner.periods.length} periods`;
        if (Array.isArray(inner.revisions)) return `${inner.revisions.length} revisions`;
      }
      return '1';
    }
    return v === null ? 'null' : '1';
  };
  // A scalar beside the list (the portfolio's count of today's meetings) carries no rows.
  return Object.values(d)
    .filter((v) => v === null || typeof v === 'object')
    .map(count)
    .join('+');
}

/** The current version of each plan (re-read before each mutation run: the other rungs revise too). */
async function planVersions(data: BenchData): Promise<Map<string, number>> {
  const { rows } = await data.admin.query<{ id: string; version: number }>(
    'SELECT id, version FROM support_plan WHERE id = ANY($1)',
    [data.plans.map((p) => p.supportPlanId)],
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * The mutation's load: a pool of plans, each revised by one request at a time, so versions never
 * collide. autocannon builds a connection's next request before the previous answer arrives, so a
 * request takes a free plan with its known version, and the answer (the connection's oldest
 * request: no pipelining) frees it with the new version. Re-read before every run: the other
 * rungs and runs revise the same plans.
 */
function mutationLoad(data: BenchData): NonNullable<LoadSpec['perConnection']> & {
  refresh(): Promise<void>;
} {
  let versions = new Map<string, number>();
  let free: PlanForUpdate[] = [];
  let n = 0;
  const make = () => {
    const inFlight: PlanForUpdate[] = [];
    return {
      next: () => {
        // Pool exhausted (should not happen with ≥ 2 plans per connection): reuse the oldest.
        const plan = free.shift() ?? (data.plans[n % data.plans.length] as PlanForUpdate);
        inFlight.push(plan);
        return payload(reviseCall(plan, versions.get(plan.supportPlanId) ?? 1, ++n));
      },
      onResponse: (_status: number, body: string) => {
        const plan = inFlight.shift();
        if (!plan) return;
        const version = /"(?:version|currentVersion)":(\d+)/.exec(body)?.[1];
        if (version) versions.set(plan.supportPlanId, Number(version));
        free.push(plan);
      },
    };
  };
  return Object.assign(make, {
    refresh: async () => {
      // Let the requests the previous run left in flight finish first.
      await new Promise((resolve) => setTimeout(resolve, 500));
      versions = await planVersions(data);
      free = [...data.plans];
    },
  });
}

export async function runLadder(
  data: BenchData,
  settings: Settings,
  log: (line: string) => void,
  rungs: Rung[] = RUNGS.map((r) => r.rung),
  workloads: WorkloadName[] = WORKLOADS.map((w) => w.name),
): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const rung of rungs) {
    const target = await Target.start({
      rung,
      appUrl: data.db.appUrl,
      adminUrl: data.db.adminUrl,
      issuerUrl: data.issuer.url,
    });
    try {
      for (const workload of rung === 'bare' ? (['portfolio'] as WorkloadName[]) : workloads) {
        if (workload === 'supportPlanUpdate') {
          if (rung === 'postgraphile') continue;
          const make = mutationLoad(data);
          await make.refresh();
          const res = await post(target.url, make().next());
          const spec = { url: target.url, perConnection: make, beforeRun: make.refresh };
          cells.push(await measure(rung, workload, target, spec, settings, rowsOf(res.body), log, data));
          continue;
        }
        const call = rung === 'postgraphile' ? postgraphileCall(data, workload) : graphqlCall(data, workload);
        if (!call) continue;
        if (workload === 'teamDashboard' && rung === 'raw') continue;
        const sample = payload(call);
        const res = await post(target.url, sample);
        const spec = { url: target.url, body: sample };
        cells.push(await measure(rung, workload, target, spec, settings, rowsOf(res.body), log, data));
      }
    } finally {
      await target.stop();
    }
  }
  return cells;
}

async function post(url: string, call: { token: string; payload: string }) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${call.token}` },
    body: call.payload,
  });
  return { status: res.status, body: await res.text() };
}

async function measure(
  rung: Rung,
  workload: WorkloadName,
  target: Target,
  spec: Parameters<typeof load>[0],
  settings: Settings,
  rows: string,
  log: (line: string) => void,
  _data: BenchData,
): Promise<Cell> {
  await load(spec, { seconds: settings.warmupSeconds, connections: settings.connections });
  await target.ask({ type: 'reset' });
  const peak = await load(spec, { seconds: settings.seconds, connections: settings.connections });
  const stats = await target.ask({ type: 'stats' });
  const rate = Math.max(1, Math.round(peak.rps / 2));
  const steady = await load(spec, { seconds: settings.seconds, connections: settings.connections, rate });
  const s = stats.type === 'stats' ? stats : { statements: 0, rssMax: 0, cpuMs: 0 };
  const cell: Cell = {
    rung,
    workload,
    rps: peak.rps,
    p50: peak.p50,
    p95: peak.p95,
    p99: peak.p99,
    rate,
    rateP50: steady.p50,
    rateP95: steady.p95,
    rateP99: steady.p99,
    statementsPerRequest: peak.requests ? s.statements / peak.requests : 0,
    cpuMsPerRequest: peak.requests ? s.cpuMs / peak.requests : 0,
    rssMb: s.rssMax / 1024 / 1024,
    errors: peak.errors + steady.errors,
    rows,
  };
  log(
    `  ${rung} · ${workload}: ${Math.round(peak.rps)} req/s, p95 ${peak.p95.toFixed(1)} ms, ${cell.statementsPerRequest.toFixed(1)} SQL/req, ${cell.cpuMsPerRequest.toFixed(2)} CPU ms/req, rows ${rows}`,
  );
  return cell;
}
