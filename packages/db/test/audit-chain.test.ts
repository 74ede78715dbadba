/**
 * The access log's hash chain per sealed batch (ADR 0017): rows are only ever inserted; sealing
 * writes one batch per organisation and round; the verifier finds an edited, deleted, added or cut
 * row and an edited, deleted or cut batch; the runtime role can append but never change a row.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sealAuditLog, verifyAuditChains } from '../src/audit.js';
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

/** Appends n rows as the runtime role, in one transaction (as a request does). */
async function appendAsApp(n: number, prefix = 'area') {
  const c = new pg.Client({ connectionString: db.appUrl });
  await c.connect();
  try {
    await c.query('BEGIN');
    await setContext(c, USER, [ORG]);
    for (let i = 0; i < n; i++) {
      await c.query(
        `INSERT INTO audit_log ("organizationId", "actorUserId", action, area) VALUES ($1, $2, 'READ', $3)`,
        [ORG, USER, `${prefix}-${i}`],
      );
    }
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

/** Seals as the runtime role does in the background. */
async function sealAsApp(timeoutMs?: number): Promise<number> {
  const c = new pg.Client({ connectionString: db.appUrl });
  await c.connect();
  try {
    return await sealAuditLog(c, timeoutMs);
  } finally {
    await c.end();
  }
}

const verify = async () =>
  (
    await admin.query<{ checked: string; first_broken: string | null }>(
      'SELECT * FROM app.verify_audit_chain($1)',
      [ORG],
    )
  ).rows[0];

/** Runs `tamper` as the owner inside a transaction, returns the verdict, and rolls back. */
async function verdictAfter(tamper: string) {
  await admin.query('BEGIN');
  try {
    await admin.query(tamper);
    return await verify();
  } finally {
    await admin.query('ROLLBACK');
  }
}

const batches = async () =>
  (
    await admin.query<{ n: string; rows: number }>(
      `SELECT "batchNumber"::text AS n, "rowCount" AS rows FROM app.audit_log_batch WHERE "organizationId" = $1 ORDER BY 1`,
      [ORG],
    )
  ).rows;

describe('access log hash chain per sealed batch', () => {
  it('seals appended rows into one batch per round and verifies intact, across rounds', async () => {
    await appendAsApp(5, 'first');
    expect(await sealAsApp()).toBe(5);
    await appendAsApp(3, 'second');
    await appendAsApp(2, 'third');
    expect(await sealAsApp()).toBe(5);
    expect(await verify()).toEqual({ checked: '10', first_broken: null });
    expect((await batches()).map((b) => b.rows)).toEqual([5, 5]);
    // sealing wrote batches only: no row was updated (every row version is its insert)
    const { rows } = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE "organizationId" = $1 AND xmax <> 0`,
      [ORG],
    );
    expect(rows[0]?.n).toBe('0');
    // a round with nothing new writes no batch
    expect(await sealAsApp()).toBe(0);
    expect(await batches()).toHaveLength(2);
  });

  it('leaves a transaction still open out of the batch, and seals it after it commits', async () => {
    const open = new pg.Client({ connectionString: db.appUrl });
    await open.connect();
    try {
      await open.query('BEGIN');
      await setContext(open, USER, [ORG]);
      await open.query(
        `INSERT INTO audit_log ("organizationId", "actorUserId", action, area) VALUES ($1, $2, 'READ', 'slow')`,
        [ORG, USER],
      );
      await appendAsApp(2, 'fast');
      // seals what it may; the open transaction's row (and what came after it) waits
      await sealAsApp(300);
      await sealAsApp(300);
      const sealed = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log a, app.audit_seal_state s WHERE a.area IN ('slow', 'fast-0', 'fast-1') AND a.sequence <= s."sealedThrough"`,
      );
      expect(sealed.rows[0]?.n).toBe('0');
      await open.query('COMMIT');
    } finally {
      await open.end();
    }
    await sealAsApp();
    expect(await verify()).toEqual({ checked: '13', first_broken: null });
  });

  it('bounds a round by p_limit, and seals at once in a database restored on a server with lower transaction ids', async () => {
    const before = (await batches()).length;
    await appendAsApp(3, 'limited');
    // rounds of at most two rows (the first notes the three rows; later ones seal them once safe)
    const target = (await admin.query<{ s: string }>(`SELECT max(sequence)::text AS s FROM audit_log`))
      .rows[0]?.s;
    for (let i = 0; i < 200; i++) {
      await admin.query('SELECT app.seal_audit_log(NULL, 2)');
      const { rows } = await admin.query<{ done: boolean }>(
        `SELECT "sealedThrough" >= $1::bigint AS done FROM app.audit_seal_state`,
        [target],
      );
      if (rows[0]?.done) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await batches()).slice(before).map((b) => b.rows)).toEqual([2, 1]);
    // as if restored elsewhere: the noted transaction id is far ahead of this server's
    await appendAsApp(1, 'restored');
    await admin.query('SELECT app.seal_audit_log()'); // notes the row
    await admin.query(`UPDATE app.audit_seal_state SET "pendingXmax" = '99999999999'`);
    expect((await admin.query<{ n: number }>('SELECT app.seal_audit_log() AS n')).rows[0]?.n).toBe(1);
    expect(await verify()).toEqual({ checked: '17', first_broken: null });
  });
});

describe('access log hash chain: what verification finds', () => {
  it('finds an edited row (its batch)', async () => {
    expect(await verdictAfter(`UPDATE audit_log SET area = 'tampered' WHERE area = 'third-1'`)).toEqual({
      checked: '5',
      first_broken: '2',
    });
    expect(
      (
        await verdictAfter(
          `UPDATE audit_log SET "occurredAt" = "occurredAt" - interval '40 days' WHERE area = 'first-0'`,
        )
      )?.first_broken,
    ).toBe('1');
  });

  it('finds a deleted row, a row added into a sealed batch, and rows cut off the end', async () => {
    expect((await verdictAfter(`DELETE FROM audit_log WHERE area = 'first-2'`))?.first_broken).toBe('1');
    expect(
      (
        await verdictAfter(
          `INSERT INTO audit_log (sequence, "organizationId", action, area)
           SELECT sequence - 1, "organizationId", 'READ', 'forged' FROM audit_log WHERE area = 'second-0'`,
        )
      )?.first_broken,
    ).not.toBeNull();
    expect(
      (
        await verdictAfter(
          `INSERT INTO audit_log (sequence, "occurredAt", "organizationId", action, area)
           SELECT sequence, "occurredAt", "organizationId", 'READ', 'forged twin' FROM audit_log WHERE area = 'second-0'`,
        )
      )?.first_broken,
    ).toBe('2');
    const last = (await batches()).length;
    // the newest rows (the last batch's) removed
    expect(
      (
        await verdictAfter(
          `DELETE FROM audit_log WHERE sequence > (SELECT "fromSequence" FROM app.audit_log_batch WHERE "organizationId" = '${ORG}' ORDER BY "batchNumber" DESC LIMIT 1)`,
        )
      )?.first_broken,
    ).toBe(String(last));
    expect(await verify()).toEqual({ checked: '17', first_broken: null });
  });

  it('finds an edited batch, a deleted batch and batches cut off the end (with or without their rows)', async () => {
    const last = (await batches()).length;
    expect(
      (
        await verdictAfter(
          `UPDATE app.audit_log_batch SET "rowCount" = "rowCount" - 1 WHERE "batchNumber" = 1`,
        )
      )?.first_broken,
    ).toBe('1');
    // an edited batch re-hashed by the tamperer no longer links to the next
    expect(
      (
        await verdictAfter(
          `UPDATE app.audit_log_batch SET "rowsHash" = repeat('a', 64) WHERE "batchNumber" = 1 AND "organizationId" = '${ORG}';
           UPDATE app.audit_log_batch b SET hash = app.audit_batch_hash(b) WHERE "batchNumber" = 1 AND "organizationId" = '${ORG}'`,
        )
      )?.first_broken,
    ).toBe('1');
    expect(
      (
        await verdictAfter(
          `DELETE FROM app.audit_log_batch WHERE "batchNumber" = 2 AND "organizationId" = '${ORG}'`,
        )
      )?.first_broken,
    ).toBe('2');
    // the last batch removed: its rows are outside every batch
    expect(
      (
        await verdictAfter(
          `DELETE FROM app.audit_log_batch WHERE "batchNumber" = ${last} AND "organizationId" = '${ORG}'`,
        )
      )?.first_broken,
    ).toBe(String(last));
    // the last batch and its rows removed: the head says the chain was longer
    expect(
      (
        await verdictAfter(
          `DELETE FROM audit_log WHERE sequence > (SELECT "fromSequence" FROM app.audit_log_batch WHERE "organizationId" = '${ORG}' AND "batchNumber" = ${last});
           DELETE FROM app.audit_log_batch WHERE "batchNumber" = ${last} AND "organizationId" = '${ORG}'`,
        )
      )?.first_broken,
    ).toBe(String(last));
    expect(await verify()).toEqual({ checked: '17', first_broken: null });
    expect((await verifyAuditChains(admin)).find((c) => c.organizationId === ORG)?.firstBroken).toBeNull();
  });

  it('the runtime role appends but never updates, deletes or truncates the log, nor touches a batch', async () => {
    const c = new pg.Client({ connectionString: db.appUrl });
    await c.connect();
    try {
      await c.query('BEGIN');
      await setContext(c, USER, [ORG]);
      await expect(c.query(`UPDATE audit_log SET area = 'x'`)).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
      await c.query('BEGIN');
      await setContext(c, USER, [ORG]);
      await expect(c.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
      await expect(c.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
      await expect(
        c.query(
          `INSERT INTO audit_log (sequence, "organizationId", action, area) VALUES (1, '${ORG}', 'READ', 'x')`,
        ),
      ).rejects.toThrow(/permission denied/);
      for (const sql of [
        'SELECT 1 FROM app.audit_log_batch',
        'DELETE FROM app.audit_log_batch',
        `UPDATE app.audit_chain_head SET position = 0`,
        `SELECT 1 FROM audit_part.audit_log_default`,
        `SELECT app.verify_audit_chain('${ORG}')`,
        `SELECT app.ensure_audit_partitions(now() + interval '10 years', 0)`,
      ]) {
        await expect(c.query(sql), sql).rejects.toThrow(/permission denied/);
      }
      // the background sealer's partitions: this month and the next two, nothing of its choosing
      await c.query('SELECT app.ensure_current_audit_partitions()');
      const { rows: months } = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_class WHERE relnamespace = 'audit_part'::regnamespace AND relname IN (
           SELECT 'audit_log_' || to_char(date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => g), 'YYYY_MM')
           FROM generate_series(0, 2) g)`,
      );
      expect(months[0]?.n).toBe('3');
      const { rows } = await c.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid
         WHERE i.inhparent = 'public.audit_log'::regclass AND has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE')`,
      );
      expect(rows).toEqual([]);
    } finally {
      await c.end();
    }
    expect(await verify()).toEqual({ checked: '17', first_broken: null });
  });
});
