/**
 * The request pipeline (ADR 0014): SQL handed to the pool rides with Prisma's BEGIN and COMMIT as
 * one message each; a failure before COMMIT rolls back and leaves the connection usable; without a
 * request nothing changes; literals are escaped.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePrismaClient, createPrismaClient, type PrismaClient, poolOf } from '../src/client.js';
import { requestPipeline, sqlLiteral } from '../src/pipeline.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let admin: pg.Client;
let prisma: PrismaClient;
const sent: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query('CREATE TABLE pipeline_probe (note text NOT NULL)');
  // One connection: a connection left inside a failed transaction would break the next request.
  prisma = createPrismaClient({ connectionString: db.adminUrl, max: 1, onQuery: (sql) => sent.push(sql) });
});
afterAll(async () => {
  if (prisma) await closePrismaClient(prisma);
  await admin?.end();
  await db?.drop();
});

const notes = async () =>
  (await admin.query<{ note: string }>('SELECT note FROM pipeline_probe ORDER BY note')).rows.map(
    (r) => r.note,
  );

describe('the request pipeline', () => {
  it('sends the first statement with BEGIN and the last with COMMIT, one message each', async () => {
    sent.length = 0;
    const pipeline: { withBegin?: string; beginRows?: Record<string, unknown>[]; beforeCommit?: string } = {
      withBegin: `SELECT 41 + 1 AS answer, set_config('app.probe', 'set with BEGIN', true) AS probe`,
    };
    const seen = await requestPipeline.run(pipeline, () =>
      prisma.$transaction(async (tx) => {
        // The setting made with BEGIN holds inside the transaction.
        const [row] = await tx.$queryRaw<{ probe: string }[]>`SELECT current_setting('app.probe') AS probe`;
        pipeline.beforeCommit = `INSERT INTO pipeline_probe (note) VALUES ('written with COMMIT')`;
        return row?.probe;
      }),
    );
    expect(pipeline.beginRows).toEqual([{ answer: 42, probe: 'set with BEGIN' }]);
    expect(seen).toBe('set with BEGIN');
    expect(await notes()).toContain('written with COMMIT');
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^BEGIN;\nSELECT 41 \+ 1/);
    expect(sent[2]).toMatch(/^INSERT INTO pipeline_probe[\s\S]*;\nCOMMIT$/);
  });

  it('a failing statement before COMMIT fails the transaction, writes nothing, and the connection works on', async () => {
    await admin.query('TRUNCATE pipeline_probe');
    const pipeline: { beforeCommit?: string } = {};
    await expect(
      requestPipeline.run(pipeline, () =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO pipeline_probe (note) VALUES ('inside the transaction')`;
          pipeline.beforeCommit = 'INSERT INTO pipeline_probe (note) VALUES (NULL)'; // violates NOT NULL
        }),
      ),
    ).rejects.toThrow();
    expect(await notes()).toEqual([]);
    // The only connection of the pool is not stuck in an aborted transaction.
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO pipeline_probe (note) VALUES ('next request')`;
    });
    expect(await notes()).toEqual(['next request']);
  });

  it('leaves BEGIN and COMMIT alone outside a request', async () => {
    sent.length = 0;
    await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
    });
    expect(sent).toEqual(['BEGIN', 'SELECT 1', 'COMMIT']);
  });

  it('escapes literals: what goes in comes back, and nothing else runs', async () => {
    const nasty = ["O'Brien", 'back\\slash', "'); DROP TABLE pipeline_probe; --", 'æøå "quoted"', ''];
    for (const value of nasty) {
      const { rows } = await admin.query<{ v: string }>(`SELECT ${sqlLiteral(value)}::text AS v`);
      expect(rows[0]?.v).toBe(value);
    }
    expect((await admin.query(`SELECT ${sqlLiteral(null)} IS NULL AS n`)).rows[0]).toEqual({ n: true });
    expect(await admin.query('SELECT count(*) FROM pipeline_probe')).toBeTruthy();
  });
});

describe('named statements', () => {
  it('one name per SQL text, never one name for two texts; a statement runs again on its connection by name', async () => {
    const { statementNameFor } = await import('../src/client.js');
    const a = statementNameFor({ sql: 'SELECT 1 AS probe_a' });
    const b = statementNameFor({ sql: 'SELECT 2 AS probe_b' });
    expect(a).toMatch(/^ips_/);
    expect(b).not.toBe(a);
    expect(statementNameFor({ sql: 'SELECT 1 AS probe_a' })).toBe(a);
    // Through Prisma on the one connection: the statement is prepared there under its name, once.
    for (let i = 0; i < 3; i++) await prisma.$queryRaw`SELECT ${i}::int AS probe_n`;
    const prepared = await prisma.$queryRaw<{ name: string; statement: string }[]>`
      SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%probe_n%' AND statement NOT LIKE '%pg_prepared_statements%'`;
    expect(prepared).toHaveLength(1);
    expect(prepared[0]?.name).toMatch(/^ips_/);
  });

  it('never begins a request inside a transaction a connection was given back in (aborted or open)', async () => {
    // A request cut off at the wrong moment (a statement cancelled by its timeout while Prisma's own
    // transaction timeout fires) can give its connection back inside an aborted transaction: the
    // next request's BEGIN is then a no-op and its statements fail with 25P02 (seen as a 500).
    const pool = poolOf(prisma) as pg.Pool;
    for (const leftover of ['BEGIN; SELECT 1 / 0', 'BEGIN; SELECT 1']) {
      const client = await pool.connect();
      await client.query(leftover).catch(() => {});
      expect(['E', 'T']).toContain(
        (client as unknown as { getTransactionStatus(): string }).getTransactionStatus(),
      );
      client.release();
      const rows = await prisma.$transaction(async (tx) =>
        tx.$queryRawUnsafe<{ n: number }[]>('SELECT 7 AS n'),
      );
      expect(rows).toEqual([{ n: 7 }]);
    }
  });
});
