/** The one table the bench prints, and the ratios under it. */
import type { Cell } from './ladder.js';
import { RUNGS } from './ladder.js';
import { WORKLOADS } from './workloads.js';

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

export function formatTable(cells: Cell[]): string {
  const head = [
    ['workload', 26],
    ['rung', 20],
    ['req/s', 7],
    ['p50', 6],
    ['p95', 6],
    ['p99', 6],
    ['@rate', 6],
    ['p50', 6],
    ['p95', 6],
    ['p99', 6],
    ['SQL/req', 8],
    ['CPU ms', 7],
    ['RSS MB', 7],
    ['errors', 6],
    ['rows', 14],
  ] as const;
  const lines: string[] = [];
  lines.push(head.map(([h, n], i) => pad(h, n, i >= 2 && i < 14)).join(' '));
  lines.push(head.map(([, n]) => '-'.repeat(n)).join(' '));
  const label = (name: string) =>
    name === 'bare' ? 'fixed JSON (no work)' : (WORKLOADS.find((w) => w.name === name)?.label ?? name);
  // The bare rung first (one row: fixed JSON), then each workload through the other rungs. Rows
  // follow whichever rungs ran (BENCH_RUNGS), with or without the bare one.
  type Row = [string, (typeof RUNGS)[number]];
  const order: Row[] = [
    ...RUNGS.filter((r) => r.rung === 'bare').map((r): Row => ['portfolio', r]),
    ...WORKLOADS.flatMap((w) => RUNGS.filter((r) => r.rung !== 'bare').map((r): Row => [w.name, r])),
  ];
  for (const [w, r] of order) {
    const c = cells.find((x) => x.rung === r.rung && x.workload === w);
    if (!c) continue;
    lines.push(
      [
        pad(r.rung === 'bare' ? label('bare') : label(w), 26),
        pad(r.label, 20),
        pad(f(c.rps, 0), 7, true),
        pad(f(c.p50), 6, true),
        pad(f(c.p95), 6, true),
        pad(f(c.p99), 6, true),
        pad(String(c.rate), 6, true),
        pad(f(c.rateP50), 6, true),
        pad(f(c.rateP95), 6, true),
        pad(f(c.rateP99), 6, true),
        pad(f(c.statementsPerRequest), 8, true),
        pad(f(c.cpuMsPerRequest, 2), 7, true),
        pad(f(c.rssMb, 0), 7, true),
        pad(String(c.errors), 6, true),
        pad(c.rows, 14),
      ].join(' '),
    );
  }
  return lines.join('\n');
}

export function formatRatios(cells: Cell[]): string {
  const rps = (rung: string, w: string) =>
    cells.find((c) => c.rung === rung && c.workload === w)?.rps ?? Number.NaN;
  const lines = ['throughput ratios (req/s at fixed concurrency):'];
  lines.push(
    `${pad('workload', 26)} ${pad('ours/raw', 9, true)} ${pad('ours/PGL', 9, true)} ${pad('secure/insecure', 16, true)}`,
  );
  for (const w of WORKLOADS) {
    const ours = rps('ours', w.name);
    lines.push(
      `${pad(w.label, 26)} ${pad(f(ours / rps('raw', w.name), 2), 9, true)} ${pad(f(ours / rps('postgraphile', w.name), 2), 9, true)} ${pad(f(ours / rps('ours-insecure', w.name), 2), 16, true)}`,
    );
  }
  return lines.join('\n');
}
