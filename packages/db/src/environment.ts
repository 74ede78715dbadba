/**
 * Where the database is: DATABASE_URL when set (any PostgreSQL ≥ 15), otherwise the embedded
 * PostgreSQL with its data under <repo>/.data/postgres (kept between starts, git-ignored).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, databaseExists, ensureRoles } from './bootstrap.js';
import { startEmbeddedPostgres } from './embedded.js';
import { APP_ROLE, DEFAULT_APP_PASSWORD } from './roles.js';
import { databaseName, withCredentials, withDatabase } from './urls.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DEFAULT_EMBEDDED_PORT = 54329;
export const DEFAULT_DATABASE = 'ips';

export interface DatabaseEnvironment {
  /** Administrative connection to the product database (migrations, seed). */
  adminUrl: string;
  /** Runtime-role connection (what the API uses; row-level security applies). */
  appUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function appPassword(): string {
  return process.env.APP_DB_PASSWORD ?? DEFAULT_APP_PASSWORD;
}

/** Starts (if needed) and prepares the server: roles and database exist afterwards. */
export async function openDatabaseEnvironment(
  log: (line: string) => void = () => {},
): Promise<DatabaseEnvironment> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = databaseName(external);
    const serverAdmin = withDatabase(external, 'postgres');
    await ensureRoles(serverAdmin, appPassword());
    if (!(await databaseExists(serverAdmin, name))) await createDatabase(serverAdmin, name);
    return {
      adminUrl: external,
      appUrl: process.env.APP_DATABASE_URL ?? withCredentials(external, APP_ROLE, appPassword()),
      embedded: false,
      stop: async () => {},
    };
  }
  const port = Number(process.env.PGPORT ?? DEFAULT_EMBEDDED_PORT);
  const dataDir = process.env.IPS_PGDATA ?? join(REPO_ROOT, '.data', 'postgres');
  log(`Starting the embedded PostgreSQL on port ${port} (data: ${dataDir})`);
  const server = await startEmbeddedPostgres({ dataDir, port });
  try {
    await ensureRoles(server.adminUrl, appPassword());
    if (!(await databaseExists(server.adminUrl, DEFAULT_DATABASE))) {
      await createDatabase(server.adminUrl, DEFAULT_DATABASE);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  const adminUrl = withDatabase(server.adminUrl, DEFAULT_DATABASE);
  return {
    adminUrl,
    appUrl: withCredentials(adminUrl, APP_ROLE, appPassword()),
    embedded: true,
    stop: () => server.stop(),
  };
}
