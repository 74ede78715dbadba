/**
 * Idempotency keys on mutations, and failing fast when the database is away or busy: a retried
 * create never writes twice; a request that cannot get a connection gets 503 DATABASE_UNAVAILABLE
 * (not a hang, not a 500) while /healthz keeps answering.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { createApi } from '../src/server.js';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; organizationId: string };
let token: string;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  specialist = await userWith(stack.admin, 'JOB_SPECIALIST');
  token = await stack.issuer.sign(specialist.email);
});
afterAll(async () => {
  await stack?.close();
});

const REGISTER = `mutation($input: RegisterEmployerInput!) {
  registerEmployer(input: $input) { __typename ... on MutationRegisterEmployerSuccess { data { id name } } }
}`;

const post = (body: unknown, headers: Record<string, string> = {}, url = stack.url, bearer = token) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...headers },
    body: JSON.stringify(body),
  });

const register = (name: string, key?: string) =>
  post(
    { query: REGISTER, variables: { input: { organizationId: specialist.organizationId, name } } },
    key ? { 'idempotency-key': key } : {},
  );

const errorCode = async (r: Response) =>
  ((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code;

const employers = async (name: string) =>
  Number((await stack.admin.query('SELECT count(*) AS n FROM employer WHERE name = $1', [name])).rows[0]?.n);

describe('Idempotency-Key on mutations', () => {
  it('without a key, a retried create writes twice (what the key prevents)', async () => {
    const name = `No key ${randomUUID()}`;
    await register(name);
    await register(name);
    expect(await employers(name)).toBe(2);
  });

  it('a retry with the key gets the first response and writes nothing', async () => {
    const name = `Keyed ${randomUUID()}`;
    const key = randomUUID();
    const first = await register(name, key);
    const again = await register(name, key);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(await first.text());
    expect(await employers(name)).toBe(1);
  });

  it('concurrent requests with one key: one write, the same answer for all', async () => {
    const name = `Concurrent ${randomUUID()}`;
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 8 }, () => register(name, key)));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] as string).data.registerEmployer.__typename).toBe(
      'MutationRegisterEmployerSuccess',
    );
    expect(await employers(name)).toBe(1);
  });

  it('the same key for another request is refused; another user has their own keys', async () => {
    const key = randomUUID();
    expect((await register(`A ${key}`, key)).status).toBe(200);
    const reused = await register(`B ${key}`, key);
    expect(reused.status).toBe(422);
    expect(await errorCode(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await employers(`B ${key}`)).toBe(0);
    const other = await userWith(
      stack.admin,
      'JOB_SPECIALIST',
      `m."organizationId" = '${specialist.organizationId}' AND u.email <> '${specialist.email}'`,
    );
    const res = await post(
      {
        query: REGISTER,
        variables: { input: { organizationId: specialist.organizationId, name: `C ${key}` } },
      },
      { 'idempotency-key': key },
      stack.url,
      await stack.issuer.sign(other.email),
    );
    expect(res.status).toBe(200);
    expect(await employers(`C ${key}`)).toBe(1);
  });

  it('a failed mutation keeps no key: the retry runs again', async () => {
    const key = randomUUID();
    const bad = { organizationId: specialist.organizationId, name: 'X', organizationNumber: '123' };
    const first = await post({ query: REGISTER, variables: { input: bad } }, { 'idempotency-key': key });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post({ query: REGISTER, variables: { input: bad } }, { 'idempotency-key': key });
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    const { rows } = await stack.admin.query('SELECT 1 FROM idempotency_key WHERE key = $1', [key]);
    expect(rows).toEqual([]);
  });

  it('refuses a malformed key', async () => {
    const res = await register('Malformed', 'short');
    expect(res.status).toBe(400);
    expect(await employers('Malformed')).toBe(0);
  });

  it('the runtime role sees only its own user’s keys and cannot delete them', async () => {
    const c = new pg.Client({ connectionString: stack.db.appUrl });
    await c.connect();
    try {
      expect((await c.query('SELECT count(*) AS n FROM idempotency_key')).rows[0].n).toBe('0');
      await expect(c.query('DELETE FROM idempotency_key')).rejects.toThrow(/permission denied/);
    } finally {
      await c.end();
    }
  });
});

/**
 * Retries a request answered 503 (the pool still busy) for up to 10 s; any other answer ends it.
 * Returns the status and, when it is not 200, the body (so a failure says what went wrong).
 */
async function onceReady(send: () => Promise<Response>): Promise<{ status: number; body?: string }> {
  const until = Date.now() + 10_000;
  for (;;) {
    const res = await send();
    if (res.status === 200) return { status: 200 };
    const body = await res.text();
    if (res.status !== 503 || Date.now() > until) return { status: res.status, body };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the database away or busy', () => {
  it('no database: 503 DATABASE_UNAVAILABLE at once, /healthz still 200, /readyz 503', async () => {
    const url = new URL(stack.db.appUrl);
    url.port = '1'; // nothing listens there
    const api = await createApi(
      readConfig(
        {},
        {
          appDatabaseUrl: url.toString(),
          port: 0,
          metricsPort: 0,
          sealIntervalMs: 0,
          outboxIntervalMs: 0,
        },
      ),
      { logger: pino({ level: 'silent' }) },
    );
    try {
      const { url: base } = await api.listen();
      const res = await post({ query: '{ me { id } }' }, {}, base);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(await errorCode(res)).toBe('DATABASE_UNAVAILABLE');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
    } finally {
      await api.stop();
    }
  });

  it('pool exhausted: requests beyond the pool fail with 503 after the acquire timeout, health answers, all end', async () => {
    const api = await createApi(
      readConfig(
        { DB_POOL_SIZE: '1', DB_ACQUIRE_TIMEOUT_MS: '300', DB_STATEMENT_TIMEOUT_MS: '1500' },
        { appDatabaseUrl: stack.db.appUrl, port: 0, metricsPort: 0, sealIntervalMs: 0, outboxIntervalMs: 0 },
      ),
      { logger: pino({ level: 'silent' }) },
    );
    const locker = new pg.Client({ connectionString: stack.db.adminUrl });
    await locker.connect();
    try {
      const { url: base } = await api.listen();
      const list = { query: '{ jobSeekers(first: 5) { edges { node { id } } } }' };
      // Warm: the one connection exists (on a loaded machine, opening it may outlast the 300 ms
      // acquire timeout once; that 503 is the behaviour under test, not a failure to warm up).
      expect(await onceReady(() => post(list, {}, base))).toEqual({ status: 200 });
      // Hold every job seeker row: the first request waits on the lock with the only connection.
      await locker.query('BEGIN; LOCK TABLE job_seeker IN ACCESS EXCLUSIVE MODE');
      const held = post(list, {}, base);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const rejected = await Promise.all(Array.from({ length: 4 }, () => post(list, {}, base)));
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      for (const r of rejected) {
        expect(r.status).toBe(503);
        expect(await errorCode(r)).toBe('DATABASE_UNAVAILABLE');
      }
      // The held request ends too: its statement is cancelled by the statement timeout.
      const first = await held;
      expect(first.status).toBe(503);
      await locker.query('ROLLBACK');
      // The API recovers: never a 500 on the way, and a 200 once the connection is back.
      expect(await onceReady(() => post(list, {}, base))).toEqual({ status: 200 });
    } finally {
      await locker.query('ROLLBACK').catch(() => {});
      await locker.end();
      await api.stop();
    }
  });
});
