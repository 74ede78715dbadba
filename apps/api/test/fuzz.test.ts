/**
 * The GraphQL API under a seeded fuzzer (cheap mode; the long run is `pnpm --filter @ips/api fuzz`).
 * Real stack: PostgreSQL, HTTP, tokens. For every mutation and every query field with arguments,
 * as each of the five roles, FUZZ_CASES (2) generated cases; plus a few protocol-level abuses.
 * Every answer: no 5xx, no INTERNAL_SERVER_ERROR, no internals; no row changed by a refused
 * mutation. FUZZ_SEED picks another run; a failure prints its seed and the findings grouped.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { capturingLogger, fuzz, totalsTable } from './fuzz/run.js';
import { type Stack, startStack } from './harness.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const CASES = Number(process.env.FUZZ_CASES ?? 2);
let stack: Stack;
const log = capturingLogger();

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'), { logger: log.logger });
});

afterAll(async () => {
  await stack?.close();
});

describe('fuzz (cheap mode)', () => {
  it('no 5xx, no internal error, no internals, no change by a refused call', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const run = await fuzz(stack, () => log.take(), { seed: SEED, casesPerOperation: CASES, today });
    const summary =
      `fuzz seed ${SEED}: ${run.operations} operations × 5 roles × ${CASES} cases in ${run.milliseconds} ms\n` +
      totalsTable(run.totals);
    console.log(summary);
    if (run.findings.size > 0) {
      console.log(`\n${run.findings.size} distinct findings (seed ${SEED}):\n${run.findings.report()}`);
    }
    expect(
      run.findings.size,
      `fuzz seed ${SEED} (FUZZ_SEED=${SEED} to reproduce): ${run.findings.size} distinct findings\n` +
        run.findings.report(),
    ).toBe(0);
  }, 300_000);
});
