/** `pnpm db:migrate`: applies pending migrations (embedded PostgreSQL unless DATABASE_URL is set). */

import { openDatabaseEnvironment } from '../src/environment.js';
import { migrate } from '../src/migrate.js';

const env = await openDatabaseEnvironment(console.log);
try {
  const applied = await migrate(env.adminUrl, { log: console.log });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'The database is up to date.');
} finally {
  await env.stop();
}
