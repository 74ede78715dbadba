/** The API as it runs in production: no introspection, no field suggestions, a per-user rate limit. */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { type Api, createApi } from '../src/server.js';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let api: Api;
let url: string;
let token: string;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  api = await createApi(
    readConfig(
      { NODE_ENV: 'production' },
      { appDatabaseUrl: stack.db.appUrl, port: 0, metricsPort: 0, rateLimitPerMinute: 5, sealIntervalMs: 0 },
    ),
    { logger: pino({ level: 'silent' }) },
  );
  url = (await api.listen()).url;
  token = await stack.issuer.sign((await userWith(stack.admin, 'JOB_SPECIALIST')).email);
});
afterAll(async () => {
  await api?.stop();
  await stack?.close();
});

const post = (query: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });

describe('production hardening', () => {
  it('refuses the benchmark-only switch that turns the security layers off', async () => {
    await expect(
      createApi(
        readConfig(
          { NODE_ENV: 'production' },
          { appDatabaseUrl: stack.db.appUrl, port: 0, metricsPort: 0, sealIntervalMs: 0 },
        ),
        { logger: pino({ level: 'silent' }), benchmarkOnlyWithoutSecurity: true },
      ),
    ).rejects.toThrow(/benchmark only and refused in production/);
  });

  it('refuses introspection and suggests no field names, then rate-limits the user', async () => {
    const introspection = (await (await post('{ __schema { types { name } } }')).json()) as {
      errors?: { message: string }[];
    };
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);

    const typo = (await (await post('{ jobSeekerz { id } }')).json()) as { errors?: { message: string }[] };
    expect(typo.errors?.[0]?.message).toBeDefined();
    expect(typo.errors?.map((e) => e.message).join(' ')).not.toMatch(/did you mean/i);

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('{ me { id } }')).status);
    expect(statuses).toContain(429);
    const limited = await post('{ me { id } }');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(
      ((await limited.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('RATE_LIMITED');
  });

  it('serves no landing page (ADR 0023: Apollo plugins nothing uses are off in production)', async () => {
    const first = (await userWith(stack.admin, 'JOB_SPECIALIST')).email;
    const other = await stack.issuer.sign(
      (await userWith(stack.admin, 'JOB_SPECIALIST', `u.email <> '${first}'`)).email,
    );
    const res = await fetch(`${url}/graphql`, {
      headers: { accept: 'text/html', authorization: `Bearer ${other}` },
    });
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).not.toMatch(/<html/i);
  });
});
