/** The audit log's hash chain: sealing links rows; the verifier finds an edited, deleted or cut row. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { setContext } from './helpers.js';

const ORG = '01900000-0000-7000-8000-0000000000aa';
const USER = '01900000-0000-7000-8000-0000000000a1';
let db: TestDatabase;
let admin: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`
    INSERT INTO organization (id, kind, "serviceLevel", name, "organizationNumber", "updatedAt") VALUES ('${ORG}', 'MUNICIPALITY', 'MUNICIPAL', 'A', '310000011', now());
    INSERT INTO app_user (id, email, "givenName", "familyName", "updatedAt") VALUES ('${USER}', 'a@a.test', 'A', 'A', now());
    INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), '${ORG}', '${USER}', 'JOB_SPECIALIST', now());`);
});
afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

async function appendAsApp(n: number) {
  const c = new pg.Client({ connectionString: db.appUrl });
  await c.connect();
  await c.query('BEGIN');
  await setContext(c, USER, [ORG]);
  for (let i = 0; i < n; i++) {
    await c.query(
      `INSERT INTO audit_log (id, "organizationId", "actorUserId", action, area) VALUES (gen_random_uuid(), $1, $2, 'READ', $3)`,
      [ORG, USER, `area-${i}`],
    );
  }
  // the runtime role may seal (chain) but not rewrite
  const { rows } = await c.query<{ n: number }>('SELECT app.seal_audit_log($1) AS n', [ORG]);
  await c.query('COMMIT');
  await c.end();
  return rows[0]?.n;
}

const verify = async () =>
  (
    await admin.query<{ checked: string; first_broken: string | null }>(
      'SELECT * FROM app.verify_audit_chain($1)',
      [ORG],
    )
  ).rows[0];

describe('audit hash chain', () => {
  it('seals appended rows in order and verifies intact, across several sealing rounds', async () => {
    expect(await appendAsApp(5)).toBe(5);
    expect(await appendAsApp(3)).toBe(3);
    expect(await verify()).toEqual({ checked: '8', first_broken: null });
    const { rows } = await admin.query<{ p: string }>(
      `SELECT "chainPosition" AS p FROM audit_log ORDER BY sequence`,
    );
    expect(rows.map((r) => Number(r.p))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('finds an edited row', async () => {
    await admin.query('BEGIN');
    await admin.query(`UPDATE audit_log SET area = 'tampered' WHERE "chainPosition" = 4`);
    expect(await verify()).toEqual({ checked: '4', first_broken: '4' });
    await admin.query('ROLLBACK');
  });

  it('finds a deleted row in the middle and rows cut off the end', async () => {
    await admin.query('BEGIN');
    await admin.query(`DELETE FROM audit_log WHERE "chainPosition" = 2`);
    expect((await verify())?.first_broken).toBe('2');
    await admin.query('ROLLBACK');
    await admin.query('BEGIN');
    await admin.query(`DELETE FROM audit_log WHERE "chainPosition" >= 7`);
    expect((await verify())?.first_broken).toBe('7');
    await admin.query('ROLLBACK');
    expect(await verify()).toEqual({ checked: '8', first_broken: null });
  });
});
