/**
 * Citus by catalog (ADR 0022): a freshly migrated database, then `packages/db/citus/distribute.sql`,
 * then Citus's rules asserted on the catalog it leaves — every table classified; the distribution
 * column in every primary key and unique index of a distributed table; foreign keys between
 * distributed tables through that column on both sides, never cascading an update of it; reference
 * tables pointing at reference tables only; the cross-tenant links dropped and named. Then the demo
 * data is seeded into the re-keyed database and read back through the row-level security policies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APP_ROLE, OWNER_ROLE } from '../src/roles.js';
import { defaultSeedOptions, seedDatabase } from '../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { inRolledBackTransaction, setContext } from './helpers.js';

const SCRIPT = readFileSync(join(import.meta.dirname, '..', 'citus', 'distribute.sql'), 'utf8');
const ADR = join(import.meta.dirname, '..', '..', '..', 'docs', 'adr', '0022-citus-by-catalog.md');

interface Classified {
  relid: number;
  name: string;
  kind: 'distributed' | 'reference' | 'local';
  dist_column: string | null;
  reason: string;
}
interface ForeignKey {
  name: string;
  referencing: string;
  referenced: string;
  /** ordinal (0-based) of the distribution column among the key's columns, or null */
  referencing_dist: number | null;
  referenced_dist: number | null;
  on_update: string;
  on_delete: string;
  def: string;
}

let db: TestDatabase;
let client: pg.Client;
let before: Map<string, string>;
let classified: Classified[];
let kindOf: Map<string, Classified>;

const FOREIGN_KEYS_SQL = `
  SELECT c.conname AS name, c.conrelid::regclass::text AS referencing, c.confrelid::regclass::text AS referenced,
         pg_get_constraintdef(c.oid) AS def, c.confupdtype AS on_update, c.confdeltype AS on_delete,
         c.conrelid, c.confrelid, c.conkey, c.confkey
  FROM pg_constraint c
  WHERE c.contype = 'f' AND c.conparentid = 0
    AND c.connamespace IN (SELECT oid FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema')`;

async function foreignKeys(): Promise<ForeignKey[]> {
  const { rows } = await client.query(`
    SELECT f.name, f.referencing, f.referenced, f.def, f.on_update, f.on_delete,
           array_position(f.conkey, ra.attnum) - 1 AS referencing_dist,
           array_position(f.confkey, pa.attnum) - 1 AS referenced_dist
    FROM (${FOREIGN_KEYS_SQL}) f
    LEFT JOIN citus_classified r ON r.relid = f.conrelid
    LEFT JOIN citus_classified p ON p.relid = f.confrelid
    LEFT JOIN pg_attribute ra ON ra.attrelid = f.conrelid AND ra.attname = r.dist_column
    LEFT JOIN pg_attribute pa ON pa.attrelid = f.confrelid AND pa.attname = p.dist_column
    ORDER BY 2, 1`);
  return rows as ForeignKey[];
}

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  const { rows } = await client.query<{ referencing: string; name: string; def: string }>(FOREIGN_KEYS_SQL);
  before = new Map(rows.map((r) => [`${r.referencing}.${r.name}`, r.def]));
  // The owner runs it, as in production (docs/operations.md).
  await client.query(`SET ROLE ${OWNER_ROLE}`);
  await client.query(SCRIPT);
  await client.query('RESET ROLE');
  classified = (
    await client.query<Classified>(
      `SELECT relid::int AS relid, relid::regclass::text AS name, kind, dist_column, reason FROM citus_classified ORDER BY 2`,
    )
  ).rows;
  kindOf = new Map(classified.map((c) => [c.name, c]));
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

const ofKind = (kind: Classified['kind']) => classified.filter((c) => c.kind === kind).map((c) => c.name);

describe('Citus by catalog: the classification', () => {
  it('classifies every table exactly once, and classifies no table that is not there', async () => {
    const { rows: tables } = await client.query<{ name: string; times: string }>(`
      SELECT c.oid::regclass::text AS name, (SELECT count(*) FROM citus_classified k WHERE k.relid = c.oid)::text AS times
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
      ORDER BY 1`);
    expect(tables.filter((t) => t.times !== '1')).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(59);
    const { rows: stale } = await client.query<{ entry: string }>(`
      SELECT k.schema_name || '.' || k.table_name AS entry FROM citus_table_class k
      WHERE k.table_name <> '*' AND NOT EXISTS (
        SELECT 1 FROM citus_classified c WHERE c.schema_name = k.schema_name AND c.table_name = k.table_name)`);
    expect(stale).toEqual([]);
  });

  it('distributes every tenant-owned table by a NOT NULL uuid column it has', async () => {
    const { rows } = await client.query<{ name: string; ok: boolean }>(`
      SELECT k.relid::regclass::text AS name,
             coalesce((SELECT a.attnotnull AND a.atttypid = 'uuid'::regtype FROM pg_attribute a
                       WHERE a.attrelid = k.relid AND a.attname = k.dist_column AND NOT a.attisdropped), false) AS ok
      FROM citus_classified k WHERE k.kind = 'distributed'`);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    // A table with an organisation column is distributed by it, unless it is a reference table
    // with a reason (memberships, identity providers) — never local.
    const { rows: tenantOwned } = await client.query<{
      name: string;
      kind: string;
      dist_column: string | null;
    }>(`
      SELECT k.relid::regclass::text AS name, k.kind, k.dist_column FROM citus_classified k
      WHERE EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.relid AND a.attname = 'organizationId' AND NOT a.attisdropped)
        AND NOT (k.kind = 'distributed' AND k.dist_column = 'organizationId')`);
    expect(tenantOwned).toEqual([
      { name: 'identity_provider', kind: 'reference', dist_column: null },
      { name: 'membership', kind: 'reference', dist_column: null },
    ]);
    for (const c of classified) expect(c.reason.length, c.name).toBeGreaterThan(5);
  });

  it('lists the distributed and the reference tables in ADR 0022 exactly as classified', async () => {
    const adr = readFileSync(ADR, 'utf8');
    const listed = (marker: string) => {
      const m = adr.match(new RegExp(`<!-- ${marker}:start -->([\\s\\S]*?)<!-- ${marker}:end -->`));
      expect(m, marker).not.toBeNull();
      return [...(m?.[1] ?? '').matchAll(/`([a-z_.*]+)`/g)].map((x) => x[1]).sort();
    };
    expect(listed('distributed')).toEqual(ofKind('distributed').sort());
    expect(listed('reference')).toEqual(ofKind('reference').sort());
    const { rows: local } = await client.query<{ entry: string }>(
      `SELECT CASE schema_name WHEN 'public' THEN table_name ELSE schema_name || '.' || table_name END AS entry
       FROM citus_table_class WHERE kind = 'local' ORDER BY 1`,
    );
    expect(listed('local')).toEqual(local.map((l) => l.entry).sort());
  });
});

describe("Citus by catalog: Citus's rules on the re-keyed schema", () => {
  it('every distributed table has a primary key, and it and every unique index include the distribution column', async () => {
    const { rows } = await client.query<{ name: string; index: string }>(`
      SELECT k.relid::regclass::text AS name, coalesce(i.indexrelid::regclass::text, '(no primary key)') AS index
      FROM citus_classified k
      JOIN pg_attribute a ON a.attrelid = k.relid AND a.attname = k.dist_column
      LEFT JOIN pg_index i ON i.indrelid = k.relid AND i.indisunique
      WHERE k.kind = 'distributed'
        AND (i.indexrelid IS NULL AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = k.relid AND x.indisprimary)
             OR i.indexrelid IS NOT NULL AND NOT a.attnum = ANY (i.indkey::int2[]))`);
    expect(rows).toEqual([]);
    const { rows: missingPk } = await client.query<{ name: string }>(`
      SELECT k.relid::regclass::text AS name FROM citus_classified k
      WHERE k.kind = 'distributed' AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = k.relid AND x.indisprimary)`);
    expect(missingPk).toEqual([]);
  });

  it('no unique or exclusion constraint of a distributed table spans tenants', async () => {
    const { rows } = await client.query<{ name: string }>(`
      SELECT c.conname AS name FROM pg_constraint c
      JOIN citus_classified k ON k.relid = c.conrelid AND k.kind = 'distributed'
      JOIN pg_attribute a ON a.attrelid = k.relid AND a.attname = k.dist_column
      WHERE c.contype IN ('p', 'u', 'x') AND NOT a.attnum = ANY (c.conkey)`);
    expect(rows).toEqual([]);
  });

  it('foreign keys between distributed tables carry the distribution column in the same place on both sides', async () => {
    const offenders = (await foreignKeys())
      .filter(
        (f) =>
          kindOf.get(f.referencing)?.kind === 'distributed' &&
          kindOf.get(f.referenced)?.kind === 'distributed',
      )
      .filter((f) => f.referencing_dist === null || f.referencing_dist !== f.referenced_dist)
      .map((f) => `${f.referencing}.${f.name}`);
    expect(offenders).toEqual([]);
  });

  it('no foreign key through the distribution column cascades an update or sets it to null or a default', async () => {
    const offenders = (await foreignKeys())
      .filter((f) => kindOf.get(f.referencing)?.kind === 'distributed' && f.referencing_dist !== null)
      .filter((f) => ['c', 'n', 'd'].includes(f.on_update) || ['n', 'd'].includes(f.on_delete))
      .map((f) => `${f.referencing}.${f.name}: ${f.def}`);
    expect(offenders).toEqual([]);
  });

  it('reference tables point at reference tables only; local tables are linked with no distributed or reference table', async () => {
    const fks = await foreignKeys();
    const kind = (t: string) => kindOf.get(t)?.kind ?? 'unclassified';
    expect(
      fks
        .filter((f) => kind(f.referencing) === 'reference' && kind(f.referenced) !== 'reference')
        .map((f) => f.name),
    ).toEqual([]);
    expect(
      fks
        .filter((f) => (kind(f.referencing) === 'local') !== (kind(f.referenced) === 'local'))
        .map((f) => `${f.referencing}.${f.name}`),
    ).toEqual([]);
    // the rule is not vacuous: distributed tables do point at reference tables
    expect(
      fks.filter((f) => kind(f.referencing) === 'distributed' && kind(f.referenced) === 'reference').length,
    ).toBeGreaterThan(50);
  });
});

describe('Citus by catalog: what the script changed', () => {
  it('dropped exactly the cross-tenant links, each named with what holds it instead', async () => {
    const after = new Set((await foreignKeys()).map((f) => `${f.referencing}.${f.name}`));
    const gone = [...before.keys()].filter((k) => !after.has(k)).sort();
    const { rows: links } = await client.query<{ key: string; referenced: string; held_by: string }>(
      `SELECT table_name || '.' || constraint_name AS key, referenced_table AS referenced, held_by FROM citus_cross_tenant_link ORDER BY 1`,
    );
    expect(gone).toEqual(links.map((l) => l.key));
    expect(links.length).toBe(4);
    for (const l of links) {
      // the live schema really had the single-column link to that table
      expect(before.get(l.key)).toMatch(new RegExp(`REFERENCES ${l.referenced}\\(id\\)`));
      expect(l.held_by.length).toBeGreaterThan(40);
    }
    const { rows: dropped } = await client.query<{ key: string }>(
      `SELECT table_name || '.' || object_name AS key FROM citus_change WHERE step = 'foreign key dropped' ORDER BY 1`,
    );
    expect(dropped.map((d) => d.key)).toEqual(links.map((l) => l.key));
  });

  it('the case purge reaches the rows whose link to the job seeker was dropped, across tenants', async () => {
    const { rows: links } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM citus_cross_tenant_link WHERE referenced_table = 'job_seeker' ORDER BY 1`,
    );
    const { rows: purge } = await client.query<{ table_name: string; condition: string }>(
      'SELECT table_name, condition FROM app.case_tables()',
    );
    for (const { table_name } of links) {
      const row = purge.find((p) => p.table_name === table_name);
      expect(row, table_name).toBeDefined();
      expect(row?.condition).toBe('"jobSeekerId" = $4'); // by job seeker alone: the row may be in another tenant
    }
  });

  it('re-made every primary key of a distributed table with the distribution column in front', async () => {
    const { rows } = await client.query<{ object_name: string; after: string }>(
      `SELECT object_name, after FROM citus_change WHERE step = 'primary key' ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(45);
    const { rows: redundant } = await client.query<{ object_name: string }>(
      `SELECT object_name FROM citus_change WHERE step = 'redundant unique index' ORDER BY 1`,
    );
    expect(redundant.map((r) => r.object_name)).toContain('"job_seeker_organizationId_id_key"');
    expect(redundant.length).toBeGreaterThanOrEqual(17);
    expect(rows.find((r) => r.object_name === 'job_seeker_pkey')?.after).toBe(
      'PRIMARY KEY ("organizationId", id)',
    );
    expect(rows.find((r) => r.object_name === 'audit_log_pkey')?.after).toBe(
      'PRIMARY KEY ("organizationId", id, "occurredAt")',
    );
  });

  it('plans each distributed and reference table once, after every table it references', async () => {
    const { rows: plan } = await client.query<{
      position: number;
      name: string;
      kind: string;
      statement: string;
    }>(`SELECT position, relid::regclass::text AS name, kind, statement FROM citus_plan ORDER BY position`);
    const planned = plan.map((p) => p.name);
    expect([...planned].sort()).toEqual([...ofKind('distributed'), ...ofKind('reference')].sort());
    const at = new Map(planned.map((n, i) => [n, i]));
    for (const f of await foreignKeys()) {
      if (!at.has(f.referencing) || f.referencing === f.referenced) continue;
      expect(at.get(f.referenced), `${f.referencing} → ${f.referenced}`).toBeLessThan(
        at.get(f.referencing) as number,
      );
    }
    for (const p of plan) {
      const c = kindOf.get(p.name);
      expect(p.statement).toBe(
        c?.kind === 'reference'
          ? `SELECT create_reference_table('${p.name}')`
          : `SELECT create_distributed_table('${p.name}', '${c?.dist_column}')`,
      );
    }
  });
});

describe('Citus by catalog: the re-keyed database still works', () => {
  let specialist: { userId: string; orgId: string };
  let counsellor: { userId: string; orgId: string };

  beforeAll(async () => {
    await seedDatabase(db.adminUrl, defaultSeedOptions());
    const s = await client.query(
      `SELECT "userId", "organizationId" FROM membership WHERE role = 'JOB_SPECIALIST' AND "endedAt" IS NULL ORDER BY id LIMIT 1`,
    );
    specialist = { userId: s.rows[0].userId, orgId: s.rows[0].organizationId };
    const c = await client.query(`
      SELECT m."userId", m."organizationId" FROM membership m
      JOIN nav_sharing_grant g ON g."navOfficeId" = m."organizationId" AND (g."counsellorId" IS NULL OR g."counsellorId" = m."userId")
      WHERE m.role = 'NAV_COUNSELLOR' AND g."revokedAt" IS NULL
      GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`);
    counsellor = { userId: c.rows[0].userId, orgId: c.rows[0].organizationId };
  });

  it('seeds the demo data (every foreign key checked on insert) and shows a specialist only their own organisation', async () => {
    // every table distributed by organisation that the runtime role may read at all
    const { rows: readable } = await client.query<{ name: string }>(
      `SELECT relid::regclass::text AS name FROM citus_classified
       WHERE kind = 'distributed' AND dist_column = 'organizationId' AND has_table_privilege($1, relid, 'SELECT')`,
      [APP_ROLE],
    );
    expect(readable.length).toBeGreaterThanOrEqual(44);
    await inRolledBackTransaction(db.appUrl, async (c) => {
      await setContext(c, specialist.userId, [specialist.orgId]);
      const leaks: string[] = [];
      for (const { name } of readable) {
        const r = await c.query(`SELECT count(*) AS n FROM ${name} WHERE "organizationId" <> $1`, [
          specialist.orgId,
        ]);
        if (Number(r.rows[0].n) > 0) leaks.push(name);
      }
      expect(leaks).toEqual([]);
      const own = await c.query('SELECT count(*) AS n FROM job_seeker');
      expect(Number(own.rows[0].n)).toBeGreaterThan(0);
    });
  });

  it('lets a NAV counsellor read the granted job seekers of another organisation, and nothing else of it', async () => {
    await inRolledBackTransaction(db.appUrl, async (c) => {
      await setContext(c, counsellor.userId, [counsellor.orgId]);
      const { rows } = await c.query<{ n: string; foreign: string }>(
        `SELECT count(*)::text AS n, count(*) FILTER (WHERE "organizationId" <> $1)::text AS foreign FROM job_seeker`,
        [counsellor.orgId],
      );
      expect(Number(rows[0]?.foreign)).toBeGreaterThan(0);
      const notes = await c.query('SELECT count(*) AS n FROM journal_note');
      expect(Number(notes.rows[0].n)).toBe(0);
    });
  });

  it('still refuses a row that points into another tenant (the composite key now leans on the primary key)', async () => {
    const { rows } = await client.query<{ org: string; other: string }>(`
      SELECT a."organizationId" AS org, b.id AS other FROM job_seeker a JOIN job_seeker b ON b."organizationId" <> a."organizationId" LIMIT 1`);
    const target = rows[0] as { org: string; other: string };
    await inRolledBackTransaction(db.adminUrl, async (c) => {
      const error = await c
        .query(
          `INSERT INTO reminder (id, "organizationId", "jobSeekerId", "authorId", "dueOn", text)
           SELECT gen_random_uuid(), $1, $2, id, current_date, 'x' FROM app_user LIMIT 1`,
          [target.org, target.other],
        )
        .then(() => null)
        .catch((e: { code?: string; constraint?: string }) => e);
      expect(error?.code).toBe('23503');
      expect(error?.constraint).toBe('reminder_organizationId_jobSeekerId_fkey');
    });
  });

  it('a second run on the seeded database changes nothing and plans the same calls', async () => {
    const again = new pg.Client({ connectionString: db.adminUrl });
    await again.connect();
    try {
      await again.query(`SET ROLE ${OWNER_ROLE}`);
      await again.query(SCRIPT);
      const { rows: changes } = await again.query('SELECT step, object_name FROM citus_change');
      expect(changes).toEqual([]);
      const plan = async (c: pg.Client) =>
        (await c.query('SELECT position, statement FROM citus_plan ORDER BY position')).rows;
      expect(await plan(again)).toEqual(await plan(client));
    } finally {
      await again.end();
    }
  });
});
