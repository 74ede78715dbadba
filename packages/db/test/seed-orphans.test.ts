/**
 * The national-scale path loads without per-row foreign-key triggers (for speed). Here the same
 * path runs at a small scale with national settings, and every foreign key in the catalog is then
 * checked by hand: not one row may point at a missing parent.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultSeedOptions, NATIONAL_SCALE, seedDatabase } from '../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  const scale = {
    ...NATIONAL_SCALE,
    specialistsPerMunicipality: [16, 16, 12, 0],
    specialistsPerTrust: [25, 10],
    navOffices: 3,
    employersPerRegion: 10,
  };
  await seedDatabase(db.adminUrl, {
    ...defaultSeedOptions({ today: '2026-11-25', scale }),
    skipForeignKeyChecks: true,
  });
  client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('seed without foreign-key triggers', () => {
  it('loads a national-shaped data set (several trusts, teams of ten, no supervisor portfolios)', async () => {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM job_seeker');
    expect(Number(rows[0]?.n)).toBe((16 + 16 + 12 + 25 + 10) * NATIONAL_SCALE.jobSeekersPerSpecialist);
  });

  it('leaves no orphan row behind any foreign key', async () => {
    const { rows: fks } = await client.query<{
      name: string;
      child: string;
      parent: string;
      cols: string[];
      refs: string[];
    }>(`
      SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
             array(SELECT quote_ident(attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY o) AS cols,
             array(SELECT quote_ident(attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY o) AS refs
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    expect(fks.length).toBeGreaterThan(80);
    const orphans: string[] = [];
    for (const fk of fks) {
      const notNull = fk.cols.map((c) => `ch.${c} IS NOT NULL`).join(' AND ');
      const join = fk.cols.map((c, i) => `p.${fk.refs[i]} = ch.${c}`).join(' AND ');
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${fk.child} ch WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${join})`,
      );
      if (Number(rows[0]?.n) > 0) orphans.push(`${fk.name}: ${rows[0]?.n}`);
    }
    expect(orphans).toEqual([]);
  });
});
