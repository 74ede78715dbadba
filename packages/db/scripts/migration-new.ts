/**
 * `pnpm db:migration:new -- --name <name>`: writes prisma/migrations/<UTC timestamp>_<name>/migration.sql
 * with the SQL that takes the committed migrations to schema.prisma (Prisma's own schema engine,
 * WebAssembly build, offline). Review it, add row-level security for new tenant tables, commit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureRoles } from '../src/bootstrap.js';
import { openDatabaseEnvironment } from '../src/environment.js';
import { MIGRATIONS_DIR } from '../src/migrate.js';
import { diffMigrationsToSchema } from '../src/schema-diff.js';
import { withDatabase } from '../src/urls.js';
import { scriptArgs } from './args.js';

const { values } = parseArgs({ args: scriptArgs(), options: { name: { type: 'string' } } });
const slug = (values.name ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_+|_+$/g, '');
if (!slug) {
  console.error('usage: pnpm db:migration:new -- --name <what_changes>');
  process.exit(2);
}
const env = await openDatabaseEnvironment(console.log);
try {
  const serverAdmin = withDatabase(env.adminUrl, 'postgres');
  await ensureRoles(serverAdmin, process.env.APP_DB_PASSWORD ?? 'ips-app-local-only');
  const diff = await diffMigrationsToSchema(serverAdmin);
  if (diff.inSync) {
    console.log('schema.prisma and the migrations agree: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = join(MIGRATIONS_DIR, `${stamp}_${slug}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), `${diff.sql.trimEnd()}\n`);
    console.log(
      `Wrote ${dir}/migration.sql — review it; new tenant tables need RLS (see prisma/SQL-CONVENTIONS.md).`,
    );
  }
} finally {
  await env.stop();
}
