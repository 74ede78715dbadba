/**
 * `pnpm db:reset [-- --scale national] [--today YYYY-MM-DD] [--seed N]`: drops and recreates the
 * database, migrates and seeds it (the demo data unless `--scale national`).
 */
import { parseArgs } from 'node:util';
import { createDatabase, dropDatabase } from '../src/bootstrap.js';
import { openDatabaseEnvironment } from '../src/environment.js';
import { migrate } from '../src/migrate.js';
import { DEMO_SCALE, defaultSeedOptions, NATIONAL_SCALE, seedDatabase } from '../src/seed/index.js';
import { databaseName, withDatabase } from '../src/urls.js';
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
const env = await openDatabaseEnvironment(console.log);
try {
  const name = databaseName(env.adminUrl);
  const serverAdmin = withDatabase(env.adminUrl, 'postgres');
  console.log(`Dropping and recreating database "${name}" …`);
  await dropDatabase(serverAdmin, name);
  await createDatabase(serverAdmin, name);
  await migrate(env.adminUrl, { log: console.log });
  const options = defaultSeedOptions({
    scale: national ? NATIONAL_SCALE : DEMO_SCALE,
    ...(values.today ? { today: values.today } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
  const result = await seedDatabase(
    env.adminUrl,
    { ...options, skipForeignKeyChecks: national },
    console.log,
  );
  console.log(
    `Seeded ${result.organizations} organisations, ${result.jobSeekers} job seekers: ${result.totalRows} rows in ${(result.milliseconds / 1000).toFixed(1)} s.`,
  );
} finally {
  await env.stop();
}
