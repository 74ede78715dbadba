/**
 * `pnpm --filter @ips/api fuzz [-- --requests 50000 --seed N]`: the long fuzz run. Its own
 * PostgreSQL (IPS_TEST_DATABASE_URL / DATABASE_URL when set, else a throw-away embedded one), the
 * demo data, the API over real HTTP; cases drawn at random over every operation and role until the
 * request budget is spent (Ctrl-C stops early and reports what it has). Prints the totals per role
 * and the findings grouped; exit 1 on any.
 */
import { parseArgs } from 'node:util';
import { dropTemplate, prepareTemplate, startTestServer } from '@ips/db/testing';
import { capturingLogger, fuzz, totalsTable } from '../test/fuzz/run.js';
import { startStack } from '../test/harness.js';

const args = process.argv.slice(2);
const { values } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  options: {
    requests: { type: 'string', default: '5000' },
    seed: { type: 'string', default: String(Date.now() % 2_147_483_647) },
  },
});
const requests = Number(values.requests);
const seed = Number(values.seed);
if (!Number.isInteger(requests) || requests < 1 || !Number.isInteger(seed)) {
  console.error('--requests must be a whole number ≥ 1 and --seed a whole number');
  process.exit(2);
}
// Express prints every client error's stack to stderr unless NODE_ENV is "test": keep the output
// to the findings (the answers themselves are still checked for stacks).
process.env.NODE_ENV ??= 'test';
let stopped = false;
process.on('SIGINT', () => {
  stopped = true;
});
console.log(`fuzz: seed ${seed}, ${requests} requests — setting up PostgreSQL, demo data and the API …`);
const server = await startTestServer();
const template = await prepareTemplate(server.adminUrl, 'fuzz');
const log = capturingLogger();
const stack = await startStack(template, { logger: log.logger });
let exitCode = 0;
try {
  const today = new Date().toISOString().slice(0, 10);
  const run = await fuzz(stack, () => log.take(), {
    seed,
    requests,
    today,
    log: console.log,
    stopped: () => stopped,
  });
  const seconds = run.milliseconds / 1000;
  console.log(
    `\nfuzz seed ${seed}: ${run.requests} requests${stopped ? ' (stopped early)' : ''} over ${run.operations} operations × 5 roles in ` +
      `${seconds.toFixed(1)} s (${(run.requests / seconds).toFixed(1)} req/s)\n${totalsTable(run.totals)}`,
  );
  if (run.findings.size > 0) {
    exitCode = 1;
    console.log(`\n${run.findings.size} distinct findings (seed ${seed}):\n${run.findings.report()}`);
  } else {
    console.log('no findings');
  }
} finally {
  await stack.close();
  await dropTemplate(template);
  await server.stop();
}
process.exit(exitCode);
