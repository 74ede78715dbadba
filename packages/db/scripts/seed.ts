/**
 * `pnpm db:seed [-- --scale national] [--today YYYY-MM-DD] [--seed N]`: loads demo data into an
 * empty database (migrating first). `--scale national` generates ≥ 400 organisations, 6,000
 * specialists and 120,000 job seekers.
 */
import { openDatabaseEnvironment } from '../src/environment.js';
import { migrate } from '../src/migrate.js';
import { DatabaseNotEmptyError, seedDatabase } from '../src/seed/index.js';
import { seedOptionsFromArgs } from './args.js';

const options = seedOptionsFromArgs();
const env = await openDatabaseEnvironment(console.log);
try {
  await migrate(env.adminUrl, { log: console.log });
  console.log(`Seeding ${options.scaleName} data (today = ${options.today}) …`);
  const result = await seedDatabase(env.adminUrl, options, console.log);
  console.log(
    `Seeded ${result.organizations} organisations, ${result.specialists} specialists, ` +
      `${result.jobSeekers} job seekers: ${result.totalRows} rows in ${(result.milliseconds / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  if (!(error instanceof DatabaseNotEmptyError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exitCode = 1;
} finally {
  await env.stop();
}
