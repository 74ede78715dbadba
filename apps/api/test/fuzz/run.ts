/**
 * One fuzz run against a started stack: the roles' tokens, the harvest of ids, the cases (a fixed
 * number per operation × role, or until a request budget is spent), the totals per role.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { type Stack, userWith } from '../harness.js';
import {
  buildCase,
  emptyTotals,
  Findings,
  harvest,
  idSource,
  loadSchema,
  operations,
  post,
  productTables,
  Rng,
  ROLES,
  type Role,
  runCase,
  runTransport,
  type Target,
  type Totals,
} from './engine.js';

/** A pino logger that keeps the server's warnings and errors (names and codes only, as it logs). */
export function capturingLogger() {
  let lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line) continue;
        try {
          const o = JSON.parse(line) as { level: number; msg: string; error?: unknown; reason?: unknown };
          if (o.level >= 40) {
            lines.push(
              `${o.msg}${o.error ? ` ${JSON.stringify(o.error)}` : ''}${o.reason ? ` ${o.reason}` : ''}`,
            );
          }
        } catch {
          lines.push(line.slice(0, 200));
        }
      }
      done();
    },
  });
  return {
    logger: pino({ level: 'warn' }, stream),
    take(): string[] {
      const out = [...new Set(lines)];
      lines = [];
      return out;
    },
  };
}

const SEED_QUERIES = [
  '{ me { id memberships { role organization { id } } } }',
  '{ myTeams { __typename } }',
  '{ jobSeekers(first: 20) { edges { node { id } } } }',
  '{ employers(first: 20) { edges { node { id } } } }',
  '{ myDeadlines { id } }',
  '{ notifications { id } }',
  '{ absences { id } }',
  '{ deletedJobSeekers { __typename } }',
];

export interface RunOptions {
  seed: number;
  /** Cases per operation and role (cheap mode); ignored when `requests` is set. */
  casesPerOperation?: number;
  /** A request budget: cases are drawn at random until it is spent. */
  requests?: number;
  today: string;
  log?: (line: string) => void;
  /** Stops drawing cases when it returns true (Ctrl-C in the long run): the run reports what it has. */
  stopped?: () => boolean;
}

export interface RunResult {
  findings: Findings;
  totals: Map<string, Totals>;
  operations: number;
  requests: number;
  milliseconds: number;
}

export async function fuzz(stack: Stack, takeLog: () => string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const schema = loadSchema();
  const ops = operations(schema);
  const tables = await productTables(stack.admin);
  const ids = await idSource(stack.admin, schema);
  const roles: Role[] = [];
  for (const name of ROLES) {
    const u = await userWith(stack.admin, name, 'm."endedAt" IS NULL');
    roles.push({ name, email: u.email, token: await stack.issuer.sign(u.email, { expiresIn: '12h' }) });
  }
  const target: Target = { url: stack.url, admin: stack.admin, takeLog };
  const findings = new Findings();
  const totals = new Map(roles.map((r) => [r.name, emptyTotals()]));
  // What each role can see: ids from its own everyday queries.
  for (const role of roles) {
    for (const q of SEED_QUERIES) {
      const a = await post(stack.url, role.token, JSON.stringify({ query: q }));
      if (a.body?.data) harvest(a.body.data, ids.seen.get(role.name) ?? []);
    }
  }
  const first = roles[0] as Role;
  await runTransport(target, first, findings, totals.get(first.name) ?? emptyTotals(), options.seed);
  const rng = new Rng(options.seed);
  let caseNo = 0;
  const one = async (op: (typeof ops)[number], role: Role) => {
    const r = rng.fork(caseNo);
    const c = buildCase(schema, op, r, role.name, ids, options.today);
    await runCase(target, c, role, ids, tables, findings, totals.get(role.name) ?? emptyTotals(), {
      seed: options.seed,
      caseNo,
    });
    caseNo++;
  };
  if (options.requests) {
    let sent = 0;
    let lastLog = performance.now();
    while (sent < options.requests && !options.stopped?.()) {
      await one(rng.pick(ops), rng.pick(roles));
      sent++;
      if (options.log && performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        options.log(`… ${sent} requests, ${findings.size} distinct findings`);
      }
    }
  } else {
    const n = options.casesPerOperation ?? 2;
    for (const op of ops) {
      for (const role of roles) {
        for (let i = 0; i < n; i++) await one(op, role);
      }
    }
  }
  return {
    findings,
    totals,
    operations: ops.length,
    requests: [...totals.values()].reduce((a, t) => a + t.requests, 0),
    milliseconds: Math.round(performance.now() - started),
  };
}

export function totalsTable(totals: Map<string, Totals>): string {
  const head = [
    'role',
    'requests',
    '5xx',
    'internal',
    'leaks',
    'rows changed (refused)',
    'mutations ok/refused',
  ];
  const rows = [...totals].map(([role, t]) => [
    role,
    String(t.requests),
    String(t.fiveXx),
    String(t.internal),
    String(t.leaks),
    String(t.rowsChanged),
    `${t.succeededMutations}/${t.refusedMutations}`,
  ]);
  const sum = (k: Exclude<keyof Totals, 'refusals'>) => [...totals.values()].reduce((a, t) => a + t[k], 0);
  rows.push([
    'all',
    String(sum('requests')),
    String(sum('fiveXx')),
    String(sum('internal')),
    String(sum('leaks')),
    String(sum('rowsChanged')),
    `${sum('succeededMutations')}/${sum('refusedMutations')}`,
  ]);
  const refusals = new Map<string, number>();
  for (const t of totals.values()) {
    for (const [k, n] of t.refusals ?? []) refusals.set(k, (refusals.get(k) ?? 0) + n);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const why = [...refusals]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [line(head), ...rows.map(line), `mutations refused by: ${why || 'none'}`].join('\n');
}
