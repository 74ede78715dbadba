/**
 * `pnpm db:restore -- --from <file> [--database <name>]`: restores a backup of `pnpm db:backup`
 * into a new database on the same server (default name ips_restored_<UTC time>), then verifies it
 * against the backup's manifest: row counts per table and every audit hash chain. Exits 1 when the
 * archive is damaged, the target exists, pg_restore fails or the verification finds a difference.
 * Switching the product to the restored database is a separate, deliberate step
 * (docs/operations.md).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, restoreDatabase } from '../src/backup.js';
import { openDatabaseEnvironment } from '../src/environment.js';
import { withDatabase } from '../src/urls.js';
import { scriptArgs } from './args.js';

const { values } = parseArgs({
  args: scriptArgs(),
  options: { from: { type: 'string' }, database: { type: 'string' } },
});
if (!values.from) {
  console.error('usage: pnpm db:restore -- --from <backup file> [--database <new database name>]');
  process.exit(2);
}
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, '')
  .replace('T', '_')
  .toLowerCase();
const target = values.database ?? `ips_restored_${stamp}`;
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(target)) {
  console.error(`--database must be a plain lower-case name (letters, digits, _): ${target}`);
  process.exit(2);
}

const env = await openDatabaseEnvironment(console.log);
try {
  // pnpm runs the script in packages/db: a relative path is taken from where the command was typed.
  const from = resolve(process.env.INIT_CWD ?? process.cwd(), values.from);
  const r = await restoreDatabase(from, withDatabase(env.adminUrl, 'postgres'), target, { log: console.log });
  console.log(`Restored and verified: database ${r.database}`);
  console.log(
    `  ${r.tables} tables and ${r.rows} rows as in the backup, ${r.auditChains} audit chains intact ` +
      `(${r.auditRows} rows), ${(r.milliseconds / 1000).toFixed(1)} s`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`\n${error.code}: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await env.stop();
}
