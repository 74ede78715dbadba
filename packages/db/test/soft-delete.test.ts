/**
 * Soft-deleted case data below the application (docs/adr/0012): every table that holds a job
 * seeker's case carries `deletedAt` under a RESTRICTIVE policy, so the runtime role sees none of a
 * deleted case whatever it asks; only the definer functions stamp, restore and purge, and only for
 * the organisation's tenant administrators and health-service leaders.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultSeedOptions, seedDatabase } from '../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { inRolledBackTransaction, setContext } from './helpers.js';

let db: TestDatabase;
let admin: pg.Client;
/** A job seeker with much of a case (support plan, consents, contacts, meetings). */
let target: { id: string; org: string; version: number; specialist: string };
let tenantAdmin: string;
let leader: string;

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  await seedDatabase(db.adminUrl, defaultSeedOptions({ today: '2026-11-25' }));
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const { rows } = await admin.query(`
    SELECT j.id, j."organizationId" AS org, j.version, j."currentSpecialistId" AS specialist FROM job_seeker j
    WHERE j."currentSpecialistId" IS NOT NULL
      AND EXISTS (SELECT 1 FROM support_plan p WHERE p."jobSeekerId" = j.id)
      AND EXISTS (SELECT 1 FROM employer_contact c WHERE c."jobSeekerId" = j.id)
      AND EXISTS (SELECT 1 FROM follow_up_meeting f WHERE f."jobSeekerId" = j.id)
    ORDER BY (SELECT count(*) FROM consent c WHERE c."jobSeekerId" = j.id) DESC, j.id LIMIT 1`);
  target = rows[0];
  if (!target) throw new Error('the demo data has no job seeker with a support plan, contacts and meetings');
  const role = async (r: string) =>
    (
      await admin.query(
        `SELECT "userId" FROM membership WHERE role = $1 AND "organizationId" = $2 AND "endedAt" IS NULL ORDER BY id LIMIT 1`,
        [r, target.org],
      )
    ).rows[0].userId as string;
  tenantAdmin = await role('TENANT_ADMINISTRATOR');
  leader = await role('HEALTH_SERVICE_LEADER');
});

afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

const asApp = <T>(fn: (c: pg.Client) => Promise<T>) => inRolledBackTransaction(db.appUrl, fn);

async function caseTables(): Promise<{ table_name: string; condition: string }[]> {
  return (await admin.query('SELECT table_name, condition FROM app.case_tables() ORDER BY ord')).rows;
}

/** Rows of the target's case per table, as the client sees them. */
async function caseRows(c: pg.ClientBase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const { rows: plans } = await admin.query('SELECT id FROM support_plan WHERE "jobSeekerId" = $1', [
    target.id,
  ]);
  const planIds = plans.map((p) => p.id);
  const { rows: revs } = await admin.query(
    'SELECT id FROM support_plan_revision WHERE "supportPlanId" = ANY ($1)',
    [planIds],
  );
  const { rows: profiles } = await admin.query('SELECT id FROM career_profile WHERE "jobSeekerId" = $1', [
    target.id,
  ]);
  for (const t of await caseTables()) {
    // The same conditions the purge uses ($1/$2 unused here).
    const sql = `SELECT count(*)::int AS n FROM ${t.table_name} WHERE $1::timestamptz IS NULL AND $2::timestamptz IS NULL AND $3::uuid IS NOT NULL AND $4::uuid IS NOT NULL
       AND cardinality($5::uuid[] || $6::uuid[] || $7::uuid[]) >= 0 AND ${t.condition}`;
    const { rows } = await c.query(sql, [
      null,
      null,
      target.org,
      target.id,
      planIds,
      revs.map((r) => r.id),
      profiles.map((p) => p.id),
    ]);
    counts[t.table_name] = rows[0].n;
  }
  const { rows } = await c.query('SELECT count(*)::int AS n FROM job_seeker WHERE id = $1', [target.id]);
  counts.job_seeker = rows[0].n;
  return counts;
}

describe('the schema', () => {
  it('every table with a jobSeekerId, and every table of a case, has deletedAt under a RESTRICTIVE policy for the runtime role', async () => {
    const { rows: withJobSeeker } = await admin.query<{ table: string }>(`
      SELECT DISTINCT c.relname AS table FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attname = 'jobSeekerId' AND NOT a.attisdropped`);
    const stamped = new Set((await caseTables()).map((t) => t.table_name));
    // The audit log keeps its rows for ever and is hidden by its own policy (below).
    const missing = withJobSeeker.map((r) => r.table).filter((t) => t !== 'audit_log' && !stamped.has(t));
    expect(missing).toEqual([]);
    const { rows: policies } = await admin.query<{
      table: string;
      permissive: string;
      roles: string[];
      qual: string;
    }>(
      `SELECT tablename AS table, permissive, roles::text[] AS roles, qual FROM pg_policies
       WHERE schemaname = 'public' AND policyname = 'not_deleted'`,
    );
    const policy = new Map(policies.map((p) => [p.table, p]));
    for (const table of [...stamped, 'job_seeker']) {
      expect(policy.get(table), table).toMatchObject({
        permissive: 'RESTRICTIVE',
        roles: ['ips_app'],
        qual: '("deletedAt" IS NULL)',
      });
    }
    // …and a trigger refuses new rows for a deleted case on each table with a jobSeekerId.
    const { rows: triggers } = await admin.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE t.tgname = 'not_deleted_case' AND NOT t.tgisinternal`,
    );
    expect(triggers.map((t) => t.table).sort()).toEqual(
      withJobSeeker
        .map((r) => r.table)
        .filter((t) => t !== 'audit_log')
        .sort(),
    );
    const { rows: audit } = await admin.query(
      `SELECT permissive, cmd FROM pg_policies WHERE tablename = 'audit_log' AND policyname = 'not_deleted_case'`,
    );
    expect(audit).toEqual([{ permissive: 'RESTRICTIVE', cmd: 'SELECT' }]);
  });

  it('the definer functions are executable by the runtime role only, and the helpers not at all', async () => {
    const { rows } = await admin.query<{ name: string; app: boolean; public: boolean }>(`
      SELECT p.proname AS name, has_function_privilege('ips_app', p.oid, 'EXECUTE') AS app,
             coalesce(bool_or(acl.grantee = 0), false) AS public
      FROM pg_proc p LEFT JOIN LATERAL aclexplode(p.proacl) acl ON true
      WHERE p.pronamespace = 'app'::regnamespace
        AND p.proname IN ('soft_delete_job_seeker', 'restore_job_seeker', 'deleted_job_seekers',
                          'purge_deleted_job_seekers', 'stamp_case', 'may_delete_cases', 'case_tables')
      GROUP BY p.proname, p.oid ORDER BY 1`);
    expect(rows).toEqual([
      { name: 'case_tables', app: false, public: false },
      { name: 'deleted_job_seekers', app: true, public: false },
      { name: 'may_delete_cases', app: false, public: false },
      { name: 'purge_deleted_job_seekers', app: true, public: false },
      { name: 'restore_job_seeker', app: true, public: false },
      { name: 'soft_delete_job_seeker', app: true, public: false },
      { name: 'stamp_case', app: false, public: false },
    ]);
  });
});

describe('a deleted case as the runtime role', () => {
  it('is stamped whole and then invisible in every table, to its own specialist too', async () => {
    await asApp(async (c) => {
      await setContext(c, target.specialist, [target.org]);
      const before = await caseRows(c);
      expect(before.job_seeker).toBe(1);
      expect(before.support_plan).toBeGreaterThan(0);
      expect(before.employer_contact).toBeGreaterThan(0);
      expect(before.follow_up_meeting).toBeGreaterThan(0);
      await setContext(c, tenantAdmin, [target.org]);
      const { rows } = await c.query('SELECT * FROM app.soft_delete_job_seeker($1, $2, $3)', [
        target.id,
        target.version,
        'Registrert på feil person ved en feil',
      ]);
      expect(rows[0].outcome).toBe('DELETED');
      await setContext(c, target.specialist, [target.org]);
      const after = await caseRows(c);
      expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
      // What the specialist saw is what was stamped, table by table.
      for (const [table, n] of Object.entries(before))
        if (
          table !== 'job_seeker' &&
          table !== 'team_meeting_agenda_item' &&
          table !== 'portfolio_review_item'
        )
          expect(rows[0].row_counts[table] ?? 0, table).toBeGreaterThanOrEqual(n);
      // The runtime role can neither undo the stamp nor write a stamped row.
      const undo = await c.query('UPDATE job_seeker SET "deletedAt" = NULL WHERE id = $1', [target.id]);
      expect(undo.rowCount).toBe(0);
      // Nor attach a new row to the deleted case (a foreign key alone would let it).
      await c.query('SAVEPOINT attach');
      await expect(
        c.query(
          `INSERT INTO journal_note (id, "organizationId", "jobSeekerId", kind, text, "createdById")
           VALUES (gen_random_uuid(), $1, $2, 'OTHER', 'x', $3)`,
          [target.org, target.id, target.specialist],
        ),
      ).rejects.toThrow(/case of this job seeker is deleted/);
      await c.query('ROLLBACK TO SAVEPOINT attach');
    });
  });

  it('cannot be stamped by the runtime role itself', async () => {
    await asApp(async (c) => {
      await setContext(c, target.specialist, [target.org]);
      await expect(
        c.query('UPDATE follow_up_meeting SET "deletedAt" = now() WHERE "jobSeekerId" = $1', [target.id]),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('is refused to anyone but the organisation’s administrators and leaders (not found, nothing stamped)', async () => {
    const { rows: other } = await admin.query(
      `SELECT "userId", "organizationId" FROM membership WHERE role = 'TENANT_ADMINISTRATOR' AND "organizationId" <> $1 ORDER BY id LIMIT 1`,
      [target.org],
    );
    for (const [user, orgs] of [
      [target.specialist, [target.org]],
      [other[0].userId, [other[0].organizationId]],
      // An administrator of another organisation naming this one: current_org_ids narrows it away.
      [other[0].userId, [target.org]],
    ] as [string, string[]][]) {
      await asApp(async (c) => {
        await setContext(c, user, orgs);
        const { rows } = await c.query('SELECT outcome FROM app.soft_delete_job_seeker($1, $2, $3)', [
          target.id,
          target.version,
          'Registrert på feil person ved en feil',
        ]);
        expect(rows[0].outcome).toBe('NOT_FOUND');
        const { rows: js } = await c.query(
          'SELECT 1 FROM job_seeker WHERE id = $1 AND "deletedAt" IS NOT NULL',
          [target.id],
        );
        expect(js).toEqual([]);
      });
    }
    const { rows } = await admin.query(
      'SELECT count(*)::int AS n FROM job_seeker WHERE "deletedAt" IS NOT NULL',
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('a deleted case: conflicts and restoring', () => {
  it('a stale version is a conflict; a short reason is refused', async () => {
    await asApp(async (c) => {
      await setContext(c, leader, [target.org]);
      const { rows } = await c.query(
        'SELECT outcome, current_version FROM app.soft_delete_job_seeker($1, $2, $3)',
        [target.id, target.version - 1, 'Registrert på feil person ved en feil'],
      );
      expect(rows[0]).toEqual({ outcome: 'CONFLICT', current_version: target.version });
      await expect(
        c.query('SELECT * FROM app.soft_delete_job_seeker($1, $2, $3)', [
          target.id,
          target.version,
          ' kort  ',
        ]),
      ).rejects.toThrow(/at least 10 characters/);
    });
  });

  it('restores exactly the rows of that deletion, and only within the period', async () => {
    // A note deleted earlier on its own (another stamp) stays deleted after the restore.
    const { rows: notes } = await admin.query(
      'SELECT id FROM journal_note WHERE "jobSeekerId" = $1 LIMIT 1',
      [target.id],
    );
    const earlier = notes[0]?.id as string | undefined;
    if (earlier)
      await admin.query(`UPDATE journal_note SET "deletedAt" = '2026-01-01T00:00:00Z' WHERE id = $1`, [
        earlier,
      ]);
    try {
      await asApp(async (c) => {
        await setContext(c, target.specialist, [target.org]);
        const before = await caseRows(c);
        await setContext(c, tenantAdmin, [target.org]);
        await c.query('SELECT * FROM app.soft_delete_job_seeker($1, $2, $3)', [
          target.id,
          target.version,
          'Registrert på feil person ved en feil',
        ]);
        const listed = await c.query(
          'SELECT id, given_name, reason, purge_after - deleted_at AS period FROM app.deleted_job_seekers()',
        );
        expect(listed.rows).toEqual([
          expect.objectContaining({ id: target.id, reason: 'Registrert på feil person ved en feil' }),
        ]);
        expect(listed.rows[0].period).toEqual({ days: 90 });
        const { rows } = await c.query('SELECT outcome, current_version FROM app.restore_job_seeker($1)', [
          target.id,
        ]);
        expect(rows[0]).toEqual({ outcome: 'RESTORED', current_version: target.version + 2 });
        await setContext(c, target.specialist, [target.org]);
        expect(await caseRows(c)).toEqual(before);
        if (earlier) {
          const { rows: hidden } = await c.query('SELECT id FROM journal_note WHERE id = $1', [earlier]);
          expect(hidden).toEqual([]);
        }
        // Restoring what is not deleted: not found.
        await setContext(c, tenantAdmin, [target.org]);
        const again = await c.query('SELECT outcome FROM app.restore_job_seeker($1)', [target.id]);
        expect(again.rows[0].outcome).toBe('NOT_FOUND');
      });
    } finally {
      if (earlier) await admin.query('UPDATE journal_note SET "deletedAt" = NULL WHERE id = $1', [earlier]);
    }
    // Past the tenant's period (here 30 days) a restore is refused, and nothing is restored.
    await admin.query(
      `UPDATE organization SET settings = settings || '{"retention": {"deletedCaseDays": 30}}' WHERE id = $1`,
      [target.org],
    );
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await setContext(app, tenantAdmin, [target.org]);
      const { rows } = await app.query('SELECT deleted_at FROM app.soft_delete_job_seeker($1, $2, $3)', [
        target.id,
        target.version,
        'Registrert på feil person ved en feil',
      ]);
      await app.query('COMMIT');
      // 31 days pass (only the owner can move a stamp).
      for (const t of [...(await caseTables()).map((x) => x.table_name), 'job_seeker'])
        await admin.query(
          `UPDATE ${t} SET "deletedAt" = "deletedAt" - interval '31 days' WHERE "deletedAt" = $1`,
          [rows[0].deleted_at],
        );
      await app.query('BEGIN');
      await setContext(app, tenantAdmin, [target.org]);
      const restored = await app.query('SELECT outcome FROM app.restore_job_seeker($1)', [target.id]);
      expect(restored.rows[0].outcome).toBe('EXPIRED');
      await app.query('COMMIT');
      const still = await admin.query('SELECT "deletedAt" FROM job_seeker WHERE id = $1', [target.id]);
      expect(still.rows[0].deletedAt).not.toBeNull();
    } finally {
      await app.end();
      await admin.query(`UPDATE organization SET settings = settings - 'retention' WHERE id = $1`, [
        target.org,
      ]);
    }
  });
});
