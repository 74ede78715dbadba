/**
 * The API survives its database connections being cut (a database restart, a failover, an
 * administrator terminating sessions): idle pooled connections that die must not crash the
 * process, and the next requests are served on fresh connections.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
});
afterAll(async () => {
  await stack?.close();
});

describe('cut database connections', () => {
  it('do not crash the API; it answers again on fresh connections', async () => {
    const { email } = await userWith(stack.admin, 'JOB_SPECIALIST');
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      // Warm both pools (the API's own and Prisma's), then cut every runtime-role session.
      expect((await fetch(`${stack.url}/readyz`)).status).toBe(200);
      expect((await stack.gql(email, '{ me { id } }')).errors).toBeUndefined();
      const { rows } = await stack.admin.query(
        `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE usename = 'ips_app' AND datname = current_database()`,
      );
      expect(Number(rows[0]?.n)).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors).toEqual([]);
      expect((await fetch(`${stack.url}/readyz`)).status).toBe(200);
      const again = await stack.gql<{ me: { id: string } }>(email, '{ me { id } }');
      expect(again.errors).toBeUndefined();
      expect(again.data?.me.id).toBeTruthy();
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});
