/**
 * `pnpm db:backup [-- --out <file>]`: a logical backup of the product database (embedded
 * PostgreSQL unless DATABASE_URL is set) with pg_dump in custom format, plus `<file>.json`, the
 * manifest the restore verifies against. Default file: .data/backups/ips-<UTC time>.dump.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase } from '../src/backup.js';
import { openDatabaseEnvironment, REPO_ROOT } from '../src/environment.js';
import { scriptArgs } from './args.js';

const { values } = parseArgs({ args: scriptArgs(), options: { out: { type: 'string' } } });
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
// pnpm runs the script in packages/db: a relative path is taken from where the command was typed.
const file = values.out
  ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
  : join(REPO_ROOT, '.data', 'backups', `ips-${stamp}.dump`);

const env = await openDatabaseEnvironment(console.log);
const started = performance.now();
try {
  const m = await backupDatabase(env.adminUrl, file, { log: console.log });
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
  const audit = Object.values(m.auditChains).reduce((a, c) => a + c.checked, 0);
  console.log(`Backup written: ${file}`);
  console.log(
    `  ${Object.keys(m.tables).length} tables, ${rows} rows, ${Object.keys(m.auditChains).length} audit chains ` +
      `(${audit} rows, ${m.sealedBeforeBackup} sealed first), ${(m.bytes / 1024 / 1024).toFixed(1)} MiB, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`  manifest: ${file}.json (sha256 ${m.sha256.slice(0, 16)}…)`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exitCode = 1;
} finally {
  await env.stop();
}
