/**
 * Archiving the access log by month (ADR 0017), with an injected clock: months past the online
 * period (the longest any organisation sets in settings.retention.accessLogOnlineMonths, default
 * 24) are detached into schema audit_archive once wholly sealed, never deleted; the chain still
 * verifies across online and archived months, and the runtime role reaches no archived row.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sealAuditLog } from '../src/audit.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { setContext } from './helpers.js';

const ORG = '01900000-0000-7000-8000-0000000000bb';
const USER = '01900000-0000-7000-8000-0000000000b1';
// The injected clock: a leap day just after midnight in Oslo (23:30 UTC the day before), so the
// current UTC month is February 2028 and, with 24 months online, January 2026 is the last to go.
const NOW = '2028-02-29T00:30:00+01:00';
let db: TestDatabase;
let admin: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`
    INSERT INTO organization (id, kind, "serviceLevel", name, "organizationNumber", "updatedAt") VALUES ('${ORG}', 'MUNICIPALITY', 'MUNICIPAL', 'B', '310000022', now());
    INSERT INTO app_user (id, email, "givenName", "familyName", "updatedAt") VALUES ('${USER}', 'b@b.test', 'B', 'B', now());
    INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), '${ORG}', '${USER}', 'JOB_SPECIALIST', now());`);
});
afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

const insert = (at: string, area: string) =>
  admin.query(
    `INSERT INTO audit_log ("organizationId", "occurredAt", "actorUserId", action, area) VALUES ($1, $2, $3, 'READ', $4)`,
    [ORG, at, USER, area],
  );
const archive = async (now = NOW) =>
  (
    await admin.query<{ month: string; table_name: string; row_count: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS month, table_name, row_count::text FROM app.archive_audit_partitions($1)`,
      [now],
    )
  ).rows;
/** Where a row lives: a partition of the online log, or an archived month (outside the log). */
const where = async (area: string) => {
  const online = await admin.query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM audit_log a
     JOIN pg_class c ON c.oid = a.tableoid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.area = $1`,
    [area],
  );
  if (online.rows.length > 0) return online.rows.map((r) => r.schema);
  const all = await admin.query('SELECT 1 FROM app.audit_log_everything WHERE area = $1', [area]);
  return all.rows.map(() => 'audit_archive');
};
const verify = async () =>
  (await admin.query('SELECT checked::text, first_broken FROM app.verify_audit_chain($1)', [ORG])).rows[0];

describe('archiving the access log by month', () => {
  it('detaches only months past the online period that are wholly sealed, and keeps every row', async () => {
    await insert('2025-12-15T12:00:00Z', 'dec-2025');
    await insert('2026-01-31T23:59:59Z', 'jan-2026');
    await insert('2026-02-01T00:00:00Z', 'feb-2026');
    await insert('2028-02-28T12:00:00Z', 'feb-2028');
    // their months' partitions (rows waiting in the default partition move into them)
    await admin.query(`SELECT app.ensure_audit_partitions($1::timestamptz - interval '27 months', 28)`, [
      NOW,
    ]);
    expect(await where('dec-2025')).toEqual(['audit_part']);
    await sealAuditLog(admin);
    // a late, unsealed row keeps January 2026 online for now
    await insert('2026-01-10T08:00:00Z', 'jan-2026-late');

    const first = await archive();
    expect(first.map((r) => r.month)).toContain('2025-12');
    expect(first.map((r) => r.month)).not.toContain('2026-01');
    expect(first.map((r) => r.month)).not.toContain('2026-02');
    expect(await where('dec-2025')).toEqual(['audit_archive']);
    expect(await where('jan-2026')).toEqual(['audit_part']);

    await sealAuditLog(admin);
    const second = await archive();
    expect(second.map((r) => r.month)).toEqual(['2026-01']);
    expect(second[0]?.row_count).toBe('2');
    expect(await where('jan-2026')).toEqual(['audit_archive']);
    expect(await where('jan-2026-late')).toEqual(['audit_archive']);
    expect(await where('feb-2026')).toEqual(['audit_part']);
    expect(await where('feb-2028')).toEqual(['audit_part']);
    // again: nothing more to archive; the chain verifies over online and archived months alike
    expect(await archive()).toEqual([]);
    expect(await verify()).toEqual({ checked: '5', first_broken: null });
    // an archived row edited is still found
    await admin.query('BEGIN');
    await admin.query(`UPDATE audit_archive.audit_log_2025_12 SET area = 'edited' WHERE area = 'dec-2025'`);
    expect((await verify())?.first_broken).not.toBeNull();
    await admin.query('ROLLBACK');
  });

  it('keeps a month online as long as the organisation that wants it longest', async () => {
    await admin.query(
      `UPDATE organization SET settings = '{"retention": {"accessLogOnlineMonths": 36}}' WHERE id = $1`,
      [ORG],
    );
    // in June 2028, February 2026 is past 24 months online, not past 36
    expect((await archive('2028-06-15T12:00:00Z')).map((r) => r.month)).not.toContain('2026-02');
    expect(await where('feb-2026')).toEqual(['audit_part']);
    await admin.query(`UPDATE organization SET settings = '{}' WHERE id = $1`, [ORG]);
    expect((await archive('2028-06-15T12:00:00Z')).map((r) => r.month)).toContain('2026-02');
  });

  it('the runtime role reads only the online months, and cannot archive by hand', async () => {
    const c = new pg.Client({ connectionString: db.appUrl });
    await c.connect();
    try {
      await c.query('BEGIN');
      await setContext(c, USER, [ORG]);
      const { rows } = await c.query<{ area: string }>('SELECT area FROM audit_log ORDER BY sequence');
      expect(rows.map((r) => r.area)).toEqual(['feb-2028']);
      await c.query('ROLLBACK');
      for (const sql of [
        'SELECT 1 FROM audit_archive.audit_log_2025_12',
        'SELECT 1 FROM app.audit_log_everything',
        'ALTER TABLE audit_log DETACH PARTITION audit_part.audit_log_default',
      ]) {
        await expect(c.query(sql), sql).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await c.end();
    }
  });
});
