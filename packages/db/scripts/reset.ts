/**
 * `pnpm db:reset [-- --scale national] [--today YYYY-MM-DD] [--seed N]`: drops and recreates the
 * database, migrates and seeds it (the demo data unless `--scale national`).
 */
import { createDatabase, dropDatabase } from '../src/bootstrap.js';
import { openDatabaseEnvironment } from '../src/environment.js';
import { migrate } from '../src/migrate.js';
import { seedDatabase } from '../src/seed/index.js';
import { databaseName, withDatabase } from '../src/urls.js';
import { seedOptionsFromArgs } from './args.js';

const options = seedOptionsFromArgs();
const env = await openDatabaseEnvironment(console.log);
try {
  const name = databaseName(env.adminUrl);
  const serverAdmin = withDatabase(env.adminUrl, 'postgres');
  console.log(`Dropping and recreating database "${name}" …`);
  await dropDatabase(serverAdmin, name);
  await createDatabase(serverAdmin, name);
  await migrate(env.adminUrl, { log: console.log });
  const result = await seedDatabase(env.adminUrl, options, console.log);
  console.log(
    `Seeded ${result.organizations} organisations, ${result.jobSeekers} job seekers: ` +
      `${result.totalRows} rows in ${(result.milliseconds / 1000).toFixed(1)} s.`,
  );
} finally {
  await env.stop();
}
