/** Outbox delivery to NAV's case system over real HTTP: sent once, failures retried later, nothing lost. */
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverNavSupportPlans, HttpNavCaseSystemAdapter } from '../src/outbox.js';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
let pool: pg.Pool;
let receiver: Server;
let url: string;
const received: { idempotencyKey: string | undefined; body: { exportId: string; revision: number } }[] = [];
let failNext = 0;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  pool = new pg.Pool({ connectionString: stack.db.appUrl, max: 2 });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.statusCode = 503;
        res.end();
        return;
      }
      received.push({
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        body: JSON.parse(body),
      });
      res.statusCode = 202;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  const address = receiver.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/support-plans`;
  // Two exports waiting in the outbox, as shareSupportPlanWithNav leaves them.
  await stack.admin.query(`
    INSERT INTO outbox_message (id, "organizationId", topic, payload)
    SELECT gen_random_uuid(), o.id, 'nav.support-plan', jsonb_build_object('exportId', gen_random_uuid(), 'revision', n)
    FROM (SELECT id FROM organization WHERE kind = 'MUNICIPALITY' ORDER BY id LIMIT 1) o, generate_series(1, 2) n`);
});
afterAll(async () => {
  await pool?.end();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await stack?.close();
});

describe('outbox delivery', () => {
  it('delivers each message once with an idempotency key; a failure is retried after a back-off', async () => {
    failNext = 1;
    const adapter = new HttpNavCaseSystemAdapter(url);
    expect(await deliverNavSupportPlans(pool, adapter)).toEqual({ sent: 1, failed: 1 });
    // the failed one is not due yet (back-off); nothing is sent twice
    expect(await deliverNavSupportPlans(pool, adapter)).toEqual({ sent: 0, failed: 0 });
    await stack.admin.query(`UPDATE outbox_message SET "availableAt" = now() WHERE status = 'FAILED'`);
    expect(await deliverNavSupportPlans(pool, adapter)).toEqual({ sent: 1, failed: 0 });
    expect(received.map((r) => r.body.revision).sort()).toEqual([1, 2]);
    expect(received.every((r) => r.idempotencyKey === r.body.exportId)).toBe(true);
    const { rows } = await stack.admin.query<{ status: string; attempts: number }>(
      `SELECT status::text, attempts FROM outbox_message WHERE topic = 'nav.support-plan' ORDER BY attempts`,
    );
    expect(rows).toEqual([
      { status: 'SENT', attempts: 1 },
      { status: 'SENT', attempts: 2 },
    ]);
  });
});
