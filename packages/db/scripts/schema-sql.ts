/** `pnpm --filter @ips/db run schema:sql`: migrates a throw-away database and writes `schema.sql`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { schemaSql } from '../src/schema-sql.js';
import { createTestDatabase, dropTemplate, prepareTemplate, startTestServer } from '../src/testing/index.js';

const server = await startTestServer();
const template = await prepareTemplate(server.adminUrl, 'schema');
try {
  const db = await createTestDatabase(template);
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    writeFileSync(join(import.meta.dirname, '..', 'schema.sql'), await schemaSql(client));
  } finally {
    await client.end();
    await db.drop();
  }
  console.log('packages/db/schema.sql written');
} finally {
  await dropTemplate(template);
  await server.stop();
}
