/**
 * Runs the day-sensitive suites (API and domain by default) at several dates, each a whole run
 * with its own PostgreSQL living at that date (with-postgres.ts, IPS_TODAY), and prints a table.
 *
 *   tsx test-dates.ts                                  every date below
 *   tsx test-dates.ts --dates today,2028-02-29         some of them (a day is noon in Oslo)
 *   tsx test-dates.ts --filter @ips/api                other packages (repeatable)
 *
 * Exit 1 when any run fails. The root `pnpm test` runs one fixed date other than today after the
 * full suite, so a test that holds only on the day it was written fails in CI.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { osloDate, parseRunInstant } from '../src/testing/clock.js';
import { scriptArgs } from './args.js';

/** The dates a calendar bug shows at, as instants (offsets are Oslo's at that moment). */
export const CALENDAR_DATES: { spec: string; why: string }[] = [
  { spec: 'today', why: 'the real clock' },
  { spec: '2028-02-29T00:30+01:00', why: 'leap day, half past midnight in Oslo (still 28 Feb in UTC)' },
  { spec: '2027-03-28T03:30+02:00', why: 'last Sunday of March, just after clocks go forward' },
  { spec: '2027-10-31T02:30+01:00', why: 'last Sunday of October, the repeated hour' },
  { spec: '2027-12-31T23:30+01:00', why: 'New Year’s Eve, late evening' },
  { spec: '2028-01-01T00:30+01:00', why: 'New Year’s Day in Oslo, still 31 Dec in UTC' },
];

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const { values } = parseArgs({
  args: scriptArgs(),
  options: { dates: { type: 'string' }, filter: { type: 'string', multiple: true } },
});
const dates = values.dates
  ? values.dates.split(',').map((text) => {
      const spec = text.trim();
      return { spec, why: CALENDAR_DATES.find((d) => d.spec === spec)?.why ?? 'asked for' };
    })
  : CALENDAR_DATES;
const filters = values.filter?.length ? values.filter : ['@ips/api', '@ips/domain'];

interface Outcome {
  spec: string;
  why: string;
  oslo: string;
  passed: number;
  failed: number;
  seconds: number;
  ok: boolean;
}

async function runAt(spec: string, log: string): Promise<Omit<Outcome, 'spec' | 'why'>> {
  const env = { ...process.env };
  let oslo = osloDate(new Date());
  if (spec === 'today') delete env.IPS_TODAY;
  else {
    env.IPS_TODAY = spec;
    oslo = osloDate(parseRunInstant(spec));
  }
  const started = Date.now();
  const out = createWriteStream(log);
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      join(here, 'with-postgres.ts'),
      '--',
      'turbo',
      'run',
      'test',
      ...filters.map((f) => `--filter=${f}`),
      '--concurrency=2',
      '--output-logs=full',
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  const take = (chunk: Buffer) => {
    out.write(chunk);
    process.stdout.write(chunk);
    text += chunk.toString();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const code: number = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  out.end();
  // Vitest's summary lines, one per package: "Tests  3 failed | 360 passed (363)".
  let passed = 0;
  let failed = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal's colour codes
  for (const line of text.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
    const summary = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line);
    if (!summary) continue;
    passed += Number(/(\d+) passed/.exec(summary[1] as string)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(summary[1] as string)?.[1] ?? 0);
  }
  return { oslo, passed, failed, seconds: Math.round((Date.now() - started) / 1000), ok: code === 0 };
}

const logs = await mkdtemp(join(tmpdir(), 'ips-test-dates-'));
const outcomes: Outcome[] = [];
for (const [i, { spec, why }] of dates.entries()) {
  console.log(`\n=== ${spec} (${why}) ===`);
  outcomes.push({ spec, why, ...(await runAt(spec, join(logs, `run-${i}.log`))) });
}

console.log(`\nSuites ${filters.join(', ')} at ${outcomes.length} dates (logs in ${logs}):`);
console.log('date (run starts at)          Oslo day    passed failed   time  result');
for (const o of outcomes) {
  console.log(
    `${o.spec.padEnd(29)} ${o.oslo}  ${String(o.passed).padStart(6)} ${String(o.failed).padStart(6)} ${String(o.seconds).padStart(5)} s  ${o.ok ? 'green' : 'RED'}   ${o.why}`,
  );
}
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
