/**
 * Prisma's own schema engine, in its WebAssembly build, driven offline: the SQL that takes the
 * committed migrations to `schema.prisma`. Empty when they agree (the drift test), otherwise the
 * body of the next migration (`pnpm db:migration:new`). The Prisma CLI cannot do this here: it
 * insists on downloading a native engine (docs/adr/0002).
 *
 * The committed migrations are replayed in a temporary shadow database on a server we are given,
 * through `@prisma/adapter-pg` with three fixes for bugs it has in 7.10 (see `patchQueryable`).
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as wasmRuntime from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { MIGRATIONS_DIR } from './migrate.js';
import { withDatabase } from './urls.js';

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'schema.prisma');

type Engine = wasmRuntime.SchemaEngine;
type Factory = Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0];
type Queryable = Awaited<ReturnType<Factory['connect']>>;

let engineClass: typeof wasmRuntime.SchemaEngine | undefined;

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, unknown>,
  ) => { exports: { __wbindgen_start(): void } };
}

/** Loads the .wasm shipped in the package (its own entry point needs a Node flag on Node 20). */
async function loadEngineClass(): Promise<typeof wasmRuntime.SchemaEngine> {
  if (engineClass) return engineClass;
  const require = createRequire(import.meta.url);
  const wasmPath = join(
    dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  // Node's WebAssembly global (not in the ES lib typings this package compiles against).
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const module = new wasm.Module(await readFile(wasmPath));
  const instance = new wasm.Instance(module, { './schema_engine_bg.js': wasmRuntime });
  const runtime = wasmRuntime as unknown as { __wbg_set_wasm(exports: unknown): void };
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  engineClass = wasmRuntime.SchemaEngine;
  return engineClass;
}

interface PgQueryableInternals {
  performIO(
    query: unknown,
  ): Promise<{ fields?: { name: string; dataTypeID: number }[]; rows?: unknown[][] } | undefined>;
  executeScript?(script: string): Promise<void>;
  startTransaction?(...args: unknown[]): Promise<Queryable>;
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
}

/**
 * Fixes for @prisma/adapter-pg 7.10 when it serves the schema engine:
 * 1. Postgres' internal `"char"` type (OID 18, e.g. pg_constraint.contype) is reported as text;
 *    and PostgreSQL 18's NOT NULL constraints are left out of the describer's constraint query;
 * 2. `executeScript` runs the script as one simple-protocol query instead of splitting on ';'
 *    (which breaks `DO $$ … $$` blocks, function bodies and ';' inside literals).
 */
function patchQueryable(queryable: Queryable): Queryable {
  const q = queryable as unknown as PgQueryableInternals;
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const fields = result?.fields ?? [];
    for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    // PostgreSQL 18 lists NOT NULL as constraints (contype 'n'), which Prisma 7.10's describer
    // cannot read; nullability is described from the columns anyway, so leave them out.
    const typeColumn = fields.findIndex((f) => f.name === 'constraint_type');
    if (result?.rows && typeColumn >= 0) result.rows = result.rows.filter((row) => row[typeColumn] !== 'n');
    return result;
  };
  if (q.executeScript) {
    q.executeScript = async (script: string) => {
      try {
        await q.client.query(script);
      } catch (error) {
        q.onError(error);
      }
    };
  }
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (...args: unknown[]) => patchQueryable(await start(...args));
  }
  return queryable;
}

/**
 * 3. The adapter's own shadow database is broken (with a connection string it replays the
 *    migrations into the MAIN database; otherwise it drops the shadow before closing its pool).
 *    We create a temporary database ourselves and drop it after its pool is closed.
 */
function factoryFor(serverAdminUrl: string): { factory: Factory; dispose(): Promise<void> } {
  const opened: Queryable[] = [];
  const factory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      const connection = patchQueryable(await new PrismaPg({ connectionString: serverAdminUrl }).connect());
      opened.push(connection);
      return connection;
    },
    async connectToShadowDb() {
      const admin = new pg.Client({ connectionString: serverAdminUrl });
      await admin.connect();
      const name = `ips_shadow_${randomUUID().replaceAll('-', '')}`;
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        await admin.end();
        throw error;
      }
      const shadow = await new PrismaPg({ connectionString: withDatabase(serverAdminUrl, name) }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try {
          await dispose();
        } finally {
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
        }
      };
      return patchQueryable(shadow);
    },
  } as unknown as Factory;
  return {
    factory,
    dispose: async () => {
      await Promise.allSettled(opened.splice(0).map((c) => c.dispose()));
    },
  };
}

async function listMigrations(dir: string) {
  const baseDir = resolve(dir);
  const lock = await readFile(join(baseDir, 'migration_lock.toml'), 'utf8').catch(() => null);
  const entries = (await readdir(baseDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  const migrationDirectories = await Promise.all(
    entries.map(async (entry) => ({
      path: entry.name,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(join(baseDir, entry.name, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  if (lock === null) throw new Error(`${baseDir}/migration_lock.toml is missing`);
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    migrationDirectories,
    shadowDbInitScript: '',
  };
}

export interface SchemaDiff {
  inSync: boolean;
  /** The SQL from the migrations' state to the schema; '' when in sync. */
  sql: string;
}

/**
 * Diffs the committed migrations against the Prisma schema. `serverAdminUrl` is a connection with
 * CREATE DATABASE on a server that has the `ips_owner`/`ips_app` roles (the migrations grant to them).
 */
export async function diffMigrationsToSchema(
  serverAdminUrl: string,
  options: { schemaPath?: string; migrationsDir?: string } = {},
): Promise<SchemaDiff> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const files = [{ path: resolve(schemaPath), content: await readFile(schemaPath, 'utf8') }];
  const migrations = await listMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const Engine = await loadEngineClass();
  const { factory, dispose } = factoryFor(serverAdminUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: Engine | undefined;
  try {
    engine = await Engine.new({ datamodels: files.map((f) => [f.path, f.content]) }, () => {}, adapter);
    const result = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: 'migrations', ...migrations } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    } as Parameters<Engine['diff']>[0]);
    const inSync = result.exitCode === 0;
    return { inSync, sql: inSync ? '' : (result.stdout ?? '') };
  } catch (error) {
    // Driver errors reach us as "External error id#N"; the real error waits in the registry.
    const match = /External error id#(\d+)/.exec(error instanceof Error ? error.message : '');
    const registry = (
      adapter as unknown as { errorRegistry: { consumeError(id: number): { error?: unknown } | undefined } }
    ).errorRegistry;
    const cause = match ? registry.consumeError(Number(match[1]))?.error : undefined;
    if (cause && error instanceof Error)
      error.message += `\nCaused by: ${cause instanceof Error ? cause.message : JSON.stringify(cause)}`;
    throw error;
  } finally {
    engine?.free();
    await dispose();
  }
}
