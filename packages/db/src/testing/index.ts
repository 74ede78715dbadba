/**
 * Test databases: one PostgreSQL for the whole run, one freshly migrated database per test file.
 *
 * The vitest global set-up (`globalSetup`) migrates a template database once; each test file
 * clones it with `CREATE DATABASE … TEMPLATE` (fast: a file copy), so files run in parallel
 * without sharing data.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, dropDatabase, ensureRoles } from '../bootstrap.js';
import { createPrismaClient, type PrismaClient } from '../client.js';
import { migrate } from '../migrate.js';
import { APP_ROLE } from '../roles.js';
import { withCredentials, withDatabase } from '../urls.js';

export { startTestServer } from './server.js';

export const TEST_APP_PASSWORD = 'ips-app-test-only';

export interface TestTemplate {
  /** Admin connection string to the server's `postgres` database. */
  serverAdminUrl: string;
  templateName: string;
}

/** Creates the roles and a migrated template database; returns its name. */
export async function prepareTemplate(serverAdminUrl: string, label: string): Promise<TestTemplate> {
  await ensureRoles(serverAdminUrl, TEST_APP_PASSWORD);
  const templateName = `ips_tmpl_${label}_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverAdminUrl, templateName);
  await migrate(withDatabase(serverAdminUrl, templateName));
  return { serverAdminUrl, templateName };
}

export async function dropTemplate(template: TestTemplate): Promise<void> {
  const client = new pg.Client({ connectionString: template.serverAdminUrl });
  await client.connect();
  try {
    const prefix = `${template.templateName}_`;
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR left(datname, length($2)) = $2',
      [template.templateName, prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  /** Superuser/owner-capable connection: for arranging data below RLS. */
  adminUrl: string;
  /** The runtime role (`ips_app`): row-level security applies. */
  appUrl: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(template: TestTemplate): Promise<TestDatabase> {
  const name = `${template.templateName}_${randomBytes(4).toString('hex')}`;
  await createDatabase(template.serverAdminUrl, name, template.templateName);
  const adminUrl = withDatabase(template.serverAdminUrl, name);
  return {
    name,
    adminUrl,
    appUrl: withCredentials(adminUrl, APP_ROLE, TEST_APP_PASSWORD),
    drop: () => dropDatabase(template.serverAdminUrl, name),
  };
}

export function createTestPrisma(url: string): PrismaClient {
  return createPrismaClient({ connectionString: url, max: 4 });
}
