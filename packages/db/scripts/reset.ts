/** `pnpm db:reset`: drops and recreates the database, migrates and seeds the demo data. */
import { createDatabase, dropDatabase } from '../src/bootstrap.js';
import { openDatabaseEnvironment } from '../src/environment.js';
import { migrate } from '../src/migrate.js';
import { defaultSeedOptions, seedDatabase } from '../src/seed/index.js';
import { databaseName, withDatabase } from '../src/urls.js';

const env = await openDatabaseEnvironment(console.log);
try {
  const name = databaseName(env.adminUrl);
  const serverAdmin = withDatabase(env.adminUrl, 'postgres');
  console.log(`Dropping and recreating database "${name}" …`);
  await dropDatabase(serverAdmin, name);
  await createDatabase(serverAdmin, name);
  await migrate(env.adminUrl, { log: console.log });
  const result = await seedDatabase(env.adminUrl, defaultSeedOptions(), console.log);
  console.log(`Seeded ${result.jobSeekers} job seekers (${result.totalRows} rows).`);
} finally {
  await env.stop();
}
