/**
 * Cluster-level set-up that migrations cannot do: the two roles and the database itself.
 * Runs with an administrative connection (superuser, or a role with CREATEROLE and CREATEDB).
 */
import pg from 'pg';
import { APP_ROLE, OWNER_ROLE } from './roles.js';

/** Serialises concurrent bootstraps (parallel test workers) on one cluster. */
const BOOTSTRAP_LOCK = 74_210_001;

export async function withAdminClient<T>(
  adminUrl: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (or updates) `ips_owner` and `ips_app`, and lets the admin act as the owner. */
export async function ensureRoles(adminUrl: string, appPassword: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
    try {
      const { rows } = await client.query<{ rolname: string }>(
        'SELECT rolname FROM pg_roles WHERE rolname = ANY($1)',
        [[OWNER_ROLE, APP_ROLE]],
      );
      const existing = new Set(rows.map((r) => r.rolname));
      if (!existing.has(OWNER_ROLE)) {
        await client.query(`CREATE ROLE ${OWNER_ROLE} NOLOGIN BYPASSRLS`);
      }
      const password = client.escapeLiteral(appPassword);
      if (!existing.has(APP_ROLE)) {
        await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${password}`);
      } else {
        await client.query(`ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${password}`);
      }
      const { rows: me } = await client.query<{ rolsuper: boolean }>(
        'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
      );
      if (!me[0]?.rolsuper) {
        await client.query(`GRANT ${OWNER_ROLE} TO current_user`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]);
    }
  });
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdminClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  });
}

/** Creates the database owned by `ips_owner`, optionally as a copy of a template database. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} OWNER ${OWNER_ROLE}${from}`);
    await client.query(`REVOKE ALL ON DATABASE ${client.escapeIdentifier(name)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(name)} TO ${APP_ROLE}`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}
