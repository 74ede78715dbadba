/** The bench's table lists every cell that ran, whichever rungs BENCH_RUNGS picked. */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../src/ladder.js';
import { formatTable } from '../src/table.js';

const cell = (rung: Cell['rung'], workload: Cell['workload']): Cell => ({
  rung,
  workload,
  rps: 10,
  p50: 1,
  p95: 2,
  p99: 3,
  rate: 5,
  rateP50: 1,
  rateP95: 2,
  rateP99: 3,
  statementsPerRequest: 3,
  cpuMsPerRequest: 1,
  rssMb: 100,
  errors: 0,
  rows: '19',
});

describe('formatTable', () => {
  it('shows the portfolio rows without the bare rung', () => {
    const table = formatTable([cell('ours', 'portfolio'), cell('raw', 'portfolio'), cell('ours', 'navList')]);
    const rows = table.split('\n').slice(2);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^specialist's portfolio\s+raw pg/);
    expect(rows[1]).toMatch(/^specialist's portfolio\s+ours, secure/);
    expect(rows[2]).toMatch(/^NAV counsellor's list\s+ours, secure/);
  });

  it('puts the bare rung first, once', () => {
    const table = formatTable([cell('ours', 'portfolio'), cell('bare', 'portfolio')]);
    const rows = table.split('\n').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^fixed JSON \(no work\)\s+bare node:http/);
    expect(rows[1]).toMatch(/^specialist's portfolio\s+ours, secure/);
  });
});
