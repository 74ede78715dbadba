/**
 * Logical backup and restore (`pnpm db:backup`, `pnpm db:restore`): `pg_dump` in custom format
 * from one consistent snapshot, a manifest beside the archive (checksum, row counts per table and
 * the audit chains, all read in that same snapshot), and a restore into a fresh database that is
 * then verified against the manifest. See docs/operations.md and adr/0009.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';
import { type AuditChainResult, sealAuditLog, verifyAuditChains } from './audit.js';
import { createDatabase, databaseExists, withAdminClient } from './bootstrap.js';
import { APP_ROLE, OWNER_ROLE } from './roles.js';
import { redact, withDatabase } from './urls.js';

export type BackupErrorCode =
  | 'TOOL_MISSING'
  | 'TOOL_FAILED'
  | 'MANIFEST_MISSING'
  | 'CHECKSUM_MISMATCH'
  | 'SERVER_TOO_OLD'
  | 'ROLES_MISSING'
  | 'TARGET_EXISTS'
  | 'VERIFY_FAILED';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface PgTool {
  path: string;
  version: string;
  major: number;
}

export interface BackupManifest {
  format: 'ips-backup/1';
  createdAt: string;
  database: string;
  serverVersion: string;
  serverMajor: number;
  pgDump: { version: string; major: number };
  bytes: number;
  sha256: string;
  /** Sealed into the audit chains just before the snapshot. */
  sealedBeforeBackup: number;
  /** Exact row count per table (`schema.table`), in the dump's snapshot. */
  tables: Record<string, number>;
  /** Per organisation: rows in its audit chain and the first broken position (null = intact). */
  auditChains: Record<string, { checked: number; firstBroken: number | null }>;
}

export interface RestoreReport {
  database: string;
  tables: number;
  rows: number;
  auditChains: number;
  auditRows: number;
  milliseconds: number;
}

const run = (file: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(file, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve({ stdout, stderr });
    });
  });

/** `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` → 15.18 / 15. */
export async function pgToolVersion(path: string): Promise<PgTool | null> {
  try {
    const { stdout } = await run(path, ['--version']);
    const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    if (!match) return null;
    return { path, version: `${match[1]}${match[2] ? `.${match[2]}` : ''}`, major: Number(match[1]) };
  } catch {
    return null;
  }
}

/** Where to look for the PostgreSQL client programs, in order. */
export function defaultToolDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env.PG_BIN_DIR) dirs.push(env.PG_BIN_DIR);
  // Debian/Ubuntu keep one folder per major version (postgresql-client-NN).
  if (existsSync('/usr/lib/postgresql')) {
    for (const major of readdirSync('/usr/lib/postgresql')
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a))) {
      dirs.push(join('/usr/lib/postgresql', major, 'bin'));
    }
  }
  dirs.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  return [...new Set(dirs)];
}

/**
 * The client program for a server (or an archive) of `major`: the same major version or the
 * nearest newer one. pg_dump refuses servers newer than itself, and pg_restore cannot read
 * archives written by a newer pg_dump.
 */
export async function findPgTool(
  name: 'pg_dump' | 'pg_restore',
  major: number,
  dirs: string[] = defaultToolDirs(),
): Promise<PgTool> {
  const found: PgTool[] = [];
  for (const dir of dirs) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const tool = await pgToolVersion(path);
    if (tool && !found.some((f) => f.version === tool.version)) found.push(tool);
  }
  const fitting = found.filter((t) => t.major >= major).sort((a, b) => a.major - b.major);
  if (fitting[0]) return fitting[0];
  const seen = found.length
    ? `found only ${found.map((t) => `${t.version} (${t.path})`).join(', ')}`
    : 'none found';
  throw new BackupError(
    'TOOL_MISSING',
    `${name} for PostgreSQL ${major} or newer is needed (${seen}). Install the client of that ` +
      `version (Debian: postgresql-client-${major}), or set PG_BIN_DIR to its bin folder.`,
  );
}

/** Connection settings for a client program: the password goes in the environment, not argv. */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function serverVersion(client: pg.ClientBase) {
  const { rows } = await client.query<{ v: string; n: string }>(
    "SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n",
  );
  return { version: rows[0]?.v ?? '?', major: Math.floor(Number(rows[0]?.n) / 10_000) };
}

/** Exact row counts of every table outside the system schemas. */
async function countRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
     ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const name = `${client.escapeIdentifier(t.schema)}.${client.escapeIdentifier(t.name)}`;
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`);
    counts[`${t.schema}.${t.name}`] = Number(rows[0]?.n);
  }
  return counts;
}

const chainMap = (chains: AuditChainResult[]) =>
  Object.fromEntries(
    chains.map((c) => [c.organizationId, { checked: c.checked, firstBroken: c.firstBroken }]),
  );

/**
 * Backs up the database of `adminUrl` (a login that bypasses row-level security: the owner role or
 * a superuser) into `file` (custom format) and writes `<file>.json`, the manifest.
 */
export async function backupDatabase(
  adminUrl: string,
  file: string,
  options: { toolDirs?: string[]; log?: (line: string) => void } = {},
): Promise<BackupManifest> {
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    const server = await serverVersion(client);
    const tool = await findPgTool('pg_dump', server.major, options.toolDirs);
    log(`pg_dump ${tool.version} (${tool.path}) against PostgreSQL ${server.version}`);
    const sealed = await sealAuditLog(client);
    // One snapshot for the counts, the audit chains and pg_dump itself.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s');
    const tables = await countRows(client);
    const chains = await verifyAuditChains(client);
    await mkdir(dirname(file), { recursive: true });
    const { dbname, env } = toolConnection(adminUrl);
    try {
      await run(
        tool.path,
        [
          '--format=custom',
          `--snapshot=${rows[0]?.s}`,
          `--file=${partial}`,
          `--dbname=${dbname}`,
          '--no-password',
        ],
        env,
      );
    } catch (error) {
      throw new BackupError(
        'TOOL_FAILED',
        `pg_dump failed for ${redact(adminUrl)}: ${String((error as { stderr?: string }).stderr ?? error).trim()}`,
      );
    }
    await client.query('COMMIT');
    await rename(partial, file);
    const manifest: BackupManifest = {
      format: 'ips-backup/1',
      createdAt: new Date().toISOString(),
      database: decodeURIComponent(new URL(adminUrl).pathname.slice(1)),
      serverVersion: server.version,
      serverMajor: server.major,
      pgDump: { version: tool.version, major: tool.major },
      bytes: (await stat(file)).size,
      sha256: await sha256(file),
      sealedBeforeBackup: sealed,
      tables,
      auditChains: chainMap(chains),
    };
    await writeFile(`${file}.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end().catch(() => {});
    await rm(partial, { force: true });
  }
}

export async function readManifest(file: string): Promise<BackupManifest> {
  const path = `${file}.json`;
  if (!existsSync(path)) {
    throw new BackupError(
      'MANIFEST_MISSING',
      `No manifest ${path} beside the archive: it cannot be verified.`,
    );
  }
  return JSON.parse(await readFile(path, 'utf8')) as BackupManifest;
}

/** What differs between a database and a manifest (empty = the same). Reads only. */
export async function compareWithManifest(adminUrl: string, manifest: BackupManifest): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await countRows(client);
    const chains = chainMap(await verifyAuditChains(client));
    await client.query('COMMIT');
    const problems: string[] = [];
    for (const name of new Set([...Object.keys(manifest.tables), ...Object.keys(tables)])) {
      if (manifest.tables[name] !== tables[name]) {
        problems.push(
          `${name}: ${tables[name] ?? 'missing'} row(s), the backup had ${manifest.tables[name] ?? 'none'}`,
        );
      }
    }
    for (const org of new Set([...Object.keys(manifest.auditChains), ...Object.keys(chains)])) {
      const was = manifest.auditChains[org];
      const is = chains[org];
      if (is?.firstBroken != null && was?.firstBroken == null) {
        problems.push(`audit chain of ${org}: broken at batch ${is.firstBroken}`);
      } else if (was?.checked !== is?.checked) {
        problems.push(
          `audit chain of ${org}: ${is?.checked ?? 0} row(s), the backup had ${was?.checked ?? 0}`,
        );
      }
    }
    return problems;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Restores `file` into a new database `target` on the server of `serverAdminUrl` (it must not
 * exist), then verifies it against the manifest: row counts per table and every audit chain.
 * A restore that fails leaves no database behind; one that restores but does not verify is kept
 * for inspection and reported.
 */
export async function restoreDatabase(
  file: string,
  serverAdminUrl: string,
  target: string,
  options: { toolDirs?: string[]; log?: (line: string) => void } = {},
): Promise<RestoreReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const manifest = await readManifest(file);
  const actual = await sha256(file);
  if (actual !== manifest.sha256) {
    throw new BackupError(
      'CHECKSUM_MISMATCH',
      `${file} does not match its manifest (sha256 ${actual.slice(0, 12)}…, expected ${manifest.sha256.slice(0, 12)}…): ` +
        'the archive is damaged or not the one the manifest describes.',
    );
  }
  await withAdminClient(serverAdminUrl, async (client) => {
    const server = await serverVersion(client);
    if (server.major < manifest.serverMajor) {
      throw new BackupError(
        'SERVER_TOO_OLD',
        `The backup comes from PostgreSQL ${manifest.serverVersion}; it cannot be restored into ${server.version}.`,
      );
    }
    const { rows } = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_roles WHERE rolname = ANY($1)',
      [[OWNER_ROLE, APP_ROLE]],
    );
    if (Number(rows[0]?.n) !== 2) {
      throw new BackupError(
        'ROLES_MISSING',
        `The roles ${OWNER_ROLE} and ${APP_ROLE} must exist on the target server first (infra/db/roles.sql).`,
      );
    }
  });
  if (await databaseExists(serverAdminUrl, target)) {
    throw new BackupError('TARGET_EXISTS', `Database ${target} exists: restore only into a new database.`);
  }
  const tool = await findPgTool('pg_restore', manifest.pgDump.major, options.toolDirs);
  log(`pg_restore ${tool.version} (${tool.path}) into ${target}`);
  await createDatabase(serverAdminUrl, target);
  const targetUrl = withDatabase(serverAdminUrl, target);
  const { dbname, env } = toolConnection(targetUrl);
  try {
    await run(
      tool.path,
      ['--exit-on-error', '--single-transaction', '--no-password', `--dbname=${dbname}`, file],
      env,
    );
  } catch (error) {
    await withAdminClient(serverAdminUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(target)} WITH (FORCE)`),
    );
    throw new BackupError(
      'TOOL_FAILED',
      `pg_restore failed (nothing was kept): ${String((error as { stderr?: string }).stderr ?? error).trim()}`,
    );
  }
  const problems = await compareWithManifest(targetUrl, manifest);
  if (problems.length > 0) {
    throw new BackupError(
      'VERIFY_FAILED',
      `The restored database ${target} differs from the backup (kept for inspection):\n  ${problems.join('\n  ')}`,
    );
  }
  const chains = Object.values(manifest.auditChains);
  return {
    database: target,
    tables: Object.keys(manifest.tables).length,
    rows: Object.values(manifest.tables).reduce((a, b) => a + b, 0),
    auditChains: chains.length,
    auditRows: chains.reduce((a, c) => a + c.checked, 0),
    milliseconds: Math.round(performance.now() - started),
  };
}
