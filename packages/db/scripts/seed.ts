/**
 * `pnpm db:seed [--scale national] [--today YYYY-MM-DD] [--seed N]`: loads demo data into an
 * empty database (migrating first). `--scale national` generates ≥ 400 organisations, 6,000
 * specialists and 120,000 job seekers.
 */
import { parseArgs } from 'node:util';
import { openDatabaseEnvironment } from '../src/environment.js';
import { migrate } from '../src/migrate.js';
import { DEMO_SCALE, defaultSeedOptions, NATIONAL_SCALE, seedDatabase } from '../src/seed/index.js';
import { scriptArgs } from './args.js';

const { values } = parseArgs({
  args: scriptArgs(),
  options: {
    scale: { type: 'string', default: 'demo' },
    today: { type: 'string' },
    seed: { type: 'string' },
  },
});
if (values.scale !== 'demo' && values.scale !== 'national') {
  console.error('--scale must be "demo" or "national"');
  process.exit(2);
}
const national = values.scale === 'national';
const options = defaultSeedOptions({
  scale: national ? NATIONAL_SCALE : DEMO_SCALE,
  ...(values.today ? { today: values.today } : {}),
  ...(values.seed ? { seed: Number(values.seed) } : {}),
});
const env = await openDatabaseEnvironment(console.log);
try {
  await migrate(env.adminUrl, { log: console.log });
  console.log(`Seeding ${values.scale} data (today = ${options.today}) …`);
  const result = await seedDatabase(
    env.adminUrl,
    { ...options, skipForeignKeyChecks: national },
    console.log,
  );
  console.log(
    `Seeded ${result.organizations} organisations, ${result.specialists} specialists, ` +
      `${result.jobSeekers} job seekers: ${result.totalRows} rows in ${(result.milliseconds / 1000).toFixed(1)} s.`,
  );
} finally {
  await env.stop();
}
