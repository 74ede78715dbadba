/**
 * The database catalog, checked as it is after all migrations: every table that carries an
 * organisation id is isolated by forced row-level security, its secondary indexes start with the
 * organisation id, and the runtime role can neither bypass RLS nor rewrite the audit log.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APP_ROLE } from '../src/roles.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

async function tenantTables(): Promise<{ table: string; rls: boolean; forced: boolean }[]> {
  const { rows } = await client.query<{ table: string; rls: boolean; forced: boolean }>(`
    SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organizationId' AND NOT a.attisdropped)
    ORDER BY 1`);
  return rows;
}

describe('catalog', () => {
  it('finds the tenant-owned tables of the whole domain', async () => {
    const tables = (await tenantTables()).map((t) => t.table);
    expect(tables.length).toBeGreaterThanOrEqual(44);
    for (const t of ['job_seeker', 'consent', 'nav_sharing_grant', 'support_plan', 'audit_log', 'transfer']) {
      expect(tables).toContain(t);
    }
  });

  it('every table with organizationId has ENABLE + FORCE row-level security and a policy', async () => {
    const tables = await tenantTables();
    const { rows: policies } = await client.query<{ tablename: string }>(
      "SELECT DISTINCT tablename FROM pg_policies WHERE schemaname = 'public'",
    );
    const withPolicy = new Set(policies.map((p) => p.tablename));
    const offenders = tables
      .filter((t) => !t.rls || !t.forced || !withPolicy.has(t.table))
      .map((t) => `${t.table} (rls=${t.rls}, forced=${t.forced}, policy=${withPolicy.has(t.table)})`);
    expect(offenders).toEqual([]);
  });

  it('the platform tables without an organisation are under RLS too', async () => {
    const { rows } = await client.query<{ relname: string; ok: boolean }>(`
      SELECT relname, relrowsecurity AND relforcerowsecurity AS ok FROM pg_class
      WHERE relname IN ('organization', 'app_user', 'user_identity', 'platform_operator') ORDER BY 1`);
    expect(rows).toEqual([
      { relname: 'app_user', ok: true },
      { relname: 'organization', ok: true },
      { relname: 'platform_operator', ok: true },
      { relname: 'user_identity', ok: true },
    ]);
  });

  it('every secondary index of a tenant-owned table starts with organizationId', async () => {
    const { rows } = await client.query<{ index: string }>(`
      SELECT i.relname AS index
      FROM pg_index x
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      WHERE NOT x.indisprimary
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'organizationId')
        AND (SELECT attname FROM pg_attribute WHERE attrelid = t.oid AND attnum = x.indkey[0]) <> 'organizationId'
        -- deliberate cross-tenant lookups: a NAV office's grants; a user's own memberships; the
        -- access-log sealer's rounds over every organisation's new rows (ADR 0017)
        AND i.relname NOT IN ('nav_sharing_grant_navOfficeId_counsellorId_idx', 'membership_userId_idx', 'audit_log_sequence_idx')`);
    expect(rows.map((r) => r.index)).toEqual([]);
  });

  it('the runtime role is neither superuser, nor owner of any table, nor BYPASSRLS', async () => {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
      `SELECT rolsuper, rolbypassrls,
              (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace)::text AS owned
       FROM pg_roles r WHERE rolname = $1`,
      [APP_ROLE],
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, owned: '0' }]);
  });

  it('the runtime role may only read the audit log and append content (never the chain columns)', async () => {
    const { rows } = await client.query<{ privilege: string }>(
      `SELECT privilege_type AS privilege FROM information_schema.role_table_grants
       WHERE grantee = $1 AND table_name = 'audit_log' ORDER BY 1`,
      [APP_ROLE],
    );
    expect(rows.map((r) => r.privilege)).toEqual(['SELECT']);
    const { rows: columns } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.column_privileges
       WHERE grantee = $1 AND table_name = 'audit_log' AND privilege_type = 'INSERT'`,
      [APP_ROLE],
    );
    const insertable = columns.map((c) => c.column_name);
    expect(insertable).toEqual(
      expect.arrayContaining(['organizationId', 'jobSeekerId', 'action', 'area', 'requestId']),
    );
    // the sequence decides which sealed batch holds a row (ADR 0017): only its default sets it
    expect(insertable).not.toContain('sequence');
  });

  it("the access log is partitioned by month, its partitions and batches out of the runtime role's reach", async () => {
    const { rows } = await client.query<{ kind: string; key: string }>(
      `SELECT c.relkind::text AS kind, pg_get_partkeydef(c.oid) AS key FROM pg_class c WHERE c.oid = 'public.audit_log'::regclass`,
    );
    expect(rows).toEqual([{ kind: 'p', key: 'RANGE ("occurredAt")' }]);
    const { rows: parts } = await client.query<{ schema: string; granted: boolean }>(
      `SELECT n.nspname AS schema,
              has_table_privilege($1, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE') AS granted
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE i.inhparent = 'public.audit_log'::regclass`,
      [APP_ROLE],
    );
    expect(parts.length).toBeGreaterThanOrEqual(2); // the default and this month's, at least
    for (const p of parts) expect(p).toEqual({ schema: 'audit_part', granted: false });
    const { rows: batch } = await client.query<{
      rls: boolean;
      forced: boolean;
      policies: string;
      granted: boolean;
    }>(
      `SELECT c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'app' AND p.tablename = 'audit_log_batch')::text AS policies,
              has_table_privilege($1, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE') AS granted
       FROM pg_class c WHERE c.oid = 'app.audit_log_batch'::regclass`,
      [APP_ROLE],
    );
    expect(batch).toEqual([{ rls: true, forced: true, policies: '1', granted: false }]);
    const { rows: schemas } = await client.query<{ usable: boolean }>(
      `SELECT bool_or(has_schema_privilege($1, s, 'USAGE')) AS usable FROM unnest(ARRAY['audit_part', 'audit_archive']) s`,
      [APP_ROLE],
    );
    expect(schemas).toEqual([{ usable: false }]);
  });

  it('mutable aggregates carry a version column', async () => {
    const aggregates = [
      'job_seeker',
      'consent',
      'nav_sharing_grant',
      'support_plan',
      'employment',
      'career_profile',
      'task',
      'absence',
      'team_meeting',
      'fidelity_review',
    ];
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'version' AND table_name = ANY($1)`,
      [aggregates],
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...aggregates].sort());
  });
});
