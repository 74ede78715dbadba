/**
 * Migrations: they build the whole schema on an empty database, re-running them changes nothing,
 * an edited migration is refused, and the committed migrations agree with schema.prisma (drift).
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase } from '../src/bootstrap.js';
import { MIGRATIONS_DIR, MigrationChecksumError, migrate, readMigrations } from '../src/migrate.js';
import { diffMigrationsToSchema, SCHEMA_PATH } from '../src/schema-diff.js';
import { withDatabase } from '../src/urls.js';

const template = inject('ipsTemplate');
const name = `${template.templateName}_empty`;
const url = withDatabase(template.serverAdminUrl, name);

beforeAll(async () => {
  await createDatabase(template.serverAdminUrl, name);
});
afterAll(async () => {
  await dropDatabase(template.serverAdminUrl, name);
});

describe('migrations', () => {
  it('build the schema on an empty database and record themselves as Prisma does', async () => {
    const applied = await migrate(url);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; owner: string }>(
        `SELECT migration_name, checksum, (SELECT tableowner FROM pg_tables WHERE tablename = 'job_seeker') AS owner
         FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(
        readMigrations().map((m) => [m.name, m.checksum]),
      );
      expect(rows[0]?.owner).toBe('ips_owner');
    } finally {
      await client.end();
    }
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect(await migrate(url)).toEqual([]);
  });

  it('refuse a migration that was edited after it was applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ips-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = readMigrations(dir)[0];
    if (!first) throw new Error('no migrations');
    writeFileSync(join(dir, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
    await expect(migrate(url, { dir })).rejects.toBeInstanceOf(MigrationChecksumError);
  });
});

describe('drift between schema.prisma and the committed migrations', () => {
  it('there is none (run `pnpm db:migration:new` after changing the schema)', async () => {
    const diff = await diffMigrationsToSchema(template.serverAdminUrl);
    expect(diff.sql).toBe('');
    expect(diff.inSync).toBe(true);
  });

  it('is detected when the schema changes without a migration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ips-schema-'));
    const changed = join(dir, 'schema.prisma');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      changed,
      readFileSync(SCHEMA_PATH, 'utf8').replace(
        '  referredBy          String?',
        '  referredBy          String?\n  nickname            String?',
      ),
    );
    const diff = await diffMigrationsToSchema(template.serverAdminUrl, { schemaPath: changed });
    expect(diff.inSync).toBe(false);
    expect(diff.sql).toMatch(/ALTER TABLE "job_seeker" ADD COLUMN\s+"nickname" TEXT/);
  });
});
