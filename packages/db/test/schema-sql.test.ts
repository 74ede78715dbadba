/**
 * `packages/db/schema.sql` is the database the migrations build, read from the catalog: it fails
 * when a migration changes a table, a policy, an index, a function or a grant and the file was not
 * rewritten (`pnpm --filter @ips/db run schema:sql`). On another PostgreSQL major version than the
 * file's, the outline (every object and column by name) is compared instead of the printed text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { schemaOutline, schemaSql } from '../src/schema-sql.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let client: pg.Client;
let current: string;
const committed = readFileSync(join(import.meta.dirname, '..', 'schema.sql'), 'utf8');

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  current = await schemaSql(client);
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('schema.sql', () => {
  it('holds the tables, row-level security and the functions', () => {
    expect(current).toMatch(/CREATE TABLE public\."job_seeker"/);
    expect(current).toMatch(/ALTER TABLE public\."job_seeker" FORCE ROW LEVEL SECURITY;/);
    expect(current).toMatch(/CREATE POLICY "[^"]+" ON public\."job_seeker"/);
    expect(current).toMatch(/FUNCTION app\.resolve_actor/);
  });

  it('matches the migrated database (rewrite it with `pnpm --filter @ips/db run schema:sql`)', () => {
    const version = (s: string) => /^-- PostgreSQL (\S+)$/m.exec(s)?.[1];
    if (version(current) === version(committed)) {
      expect(current).toBe(committed);
    } else {
      expect(schemaOutline(current)).toEqual(schemaOutline(committed));
    }
  });

  it('the outline catches a table, a policy or a column gone', () => {
    const outline = schemaOutline(committed);
    expect(outline.some((o) => o.startsWith('CREATE POLICY'))).toBe(true);
    expect(outline).toContain('column deletedAt');
    const without = committed.replace(/^CREATE POLICY .*$/m, '');
    expect(schemaOutline(without)).not.toEqual(outline);
  });
});
