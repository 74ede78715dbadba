/**
 * Row-level security swept over every tenant-owned table with the demo data loaded: remove RLS (or
 * its policy) from any table that holds data and a test here fails, naming the table.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultSeedOptions, seedDatabase } from '../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { inRolledBackTransaction, setContext } from './helpers.js';

/** Tables a NAV counsellor may read across tenants (through active grants) — nothing else. */
const NAV_READABLE = new Set([
  'job_seeker',
  'consent',
  'nav_sharing_grant',
  'employment',
  'study',
  'employer',
  'support_plan',
  'support_plan_revision',
  'support_plan_agreement',
  'support_plan_meeting',
  'career_profile',
  'career_profile_revision',
]);

let db: TestDatabase;
let admin: pg.Client;
let tables: string[];
let specialist: { userId: string; orgId: string };
let counsellor: { userId: string; orgId: string };

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  await seedDatabase(db.adminUrl, defaultSeedOptions({ today: '2026-11-25' }));
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ table: string }>(`
    SELECT c.relname AS table FROM pg_class c
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relnamespace = 'public'::regnamespace
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organizationId')
    ORDER BY 1`);
  tables = rows.map((r) => r.table);
  const s = await admin.query(
    `SELECT "userId", "organizationId" FROM membership WHERE role = 'JOB_SPECIALIST' ORDER BY id LIMIT 1`,
  );
  specialist = { userId: s.rows[0].userId, orgId: s.rows[0].organizationId };
  // The counsellor with the most active grants, so the NAV checks below see real data.
  const c = await admin.query(`
    SELECT m."userId", m."organizationId" FROM membership m
    JOIN nav_sharing_grant g ON g."navOfficeId" = m."organizationId" AND (g."counsellorId" IS NULL OR g."counsellorId" = m."userId")
    WHERE m.role = 'NAV_COUNSELLOR' AND g."revokedAt" IS NULL
    GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`);
  counsellor = { userId: c.rows[0].userId, orgId: c.rows[0].organizationId };
});
afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

const countAll = async (c: pg.ClientBase, table: string) =>
  Number((await c.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);

describe('RLS sweep over every tenant table (seeded)', () => {
  it('sees data in most tables as the owner (the sweep is not vacuous)', async () => {
    let withData = 0;
    for (const t of tables) if ((await countAll(admin, t)) > 0) withData++;
    expect(withData).toBeGreaterThanOrEqual(38);
  });

  it('shows no rows of any table without a request context', async () => {
    await inRolledBackTransaction(db.appUrl, async (c) => {
      const leaks: string[] = [];
      for (const t of tables) if ((await countAll(c, t)) > 0) leaks.push(t);
      expect(leaks).toEqual([]);
    });
  });

  it('shows a job specialist only their own organisation’s rows, in every table', async () => {
    await inRolledBackTransaction(db.appUrl, async (c) => {
      await setContext(c, specialist.userId, [specialist.orgId]);
      const leaks: string[] = [];
      for (const t of tables) {
        const foreign = await c.query(`SELECT count(*) AS n FROM "${t}" WHERE "organizationId" <> $1`, [
          specialist.orgId,
        ]);
        if (Number(foreign.rows[0].n) > 0) leaks.push(t);
      }
      expect(leaks).toEqual([]);
      expect(await countAll(c, 'job_seeker')).toBeGreaterThan(0);
    });
  });

  it('shows a NAV counsellor foreign rows only in the shared tables, only for actively granted job seekers', async () => {
    const granted = (
      await admin.query<{ id: string }>(
        `SELECT DISTINCT g."jobSeekerId" AS id FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
         WHERE g."navOfficeId" = $1 AND (g."counsellorId" IS NULL OR g."counsellorId" = $2)
           AND g."revokedAt" IS NULL AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now())
           AND c."withdrawnAt" IS NULL AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now())`,
        [counsellor.orgId, counsellor.userId],
      )
    ).rows.map((r) => r.id);
    expect(granted.length).toBeGreaterThan(0);
    await inRolledBackTransaction(db.appUrl, async (c) => {
      await setContext(c, counsellor.userId, [counsellor.orgId]);
      const leaks: string[] = [];
      for (const t of tables) {
        if (NAV_READABLE.has(t)) continue;
        const foreign = await c.query(`SELECT count(*) AS n FROM "${t}" WHERE "organizationId" <> $1`, [
          counsellor.orgId,
        ]);
        if (Number(foreign.rows[0].n) > 0) leaks.push(t);
      }
      expect(leaks).toEqual([]);
      const seen = (await c.query<{ id: string }>('SELECT id FROM job_seeker')).rows.map((r) => r.id).sort();
      expect(seen).toEqual([...granted].sort());
      const employmentOwners = (
        await c.query<{ id: string }>('SELECT DISTINCT "jobSeekerId" AS id FROM employment')
      ).rows;
      for (const { id } of employmentOwners) expect(granted).toContain(id);
    });
  });
});

describe('NAV and consents', () => {
  it('shows a NAV counsellor only NAV-sharing consents', async () => {
    await inRolledBackTransaction(db.appUrl, async (c) => {
      await setContext(c, counsellor.userId, [counsellor.orgId]);
      const { rows } = await c.query<{ scope: string }>('SELECT DISTINCT scope::text FROM consent');
      expect(rows.map((r) => r.scope)).toEqual(['NAV_SHARING']);
    });
  });
});
