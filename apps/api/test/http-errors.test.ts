/**
 * The HTTP layer's answers to bad input, as the outside sees them (issue 14): the real entry point
 * (src/serve.ts) as a process, once as `pnpm start` and the compose file run it (no NODE_ENV) and
 * once with NODE_ENV=production, with everything it writes to stdout and stderr kept. Whatever a
 * client sends, the answer is JSON in the API's error shape with a 4xx (never a 5xx, never HTML),
 * and nothing from a request body reaches the output.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { formatError } from '../src/errors.js';
import { type Api, createApi } from '../src/server.js';
import { type Stack, startStack, userWith } from './harness.js';

interface Served {
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts src/serve.ts with `env` on free ports; resolves once it listens. */
function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '..', 'src', 'serve.ts')],
      { cwd: join(import.meta.dirname, '..'), env: { PATH: process.env.PATH, TZ: 'UTC', ...env } },
    );
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve.ts did not start:\n${out}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"msg":"listening[^\n]*/.exec(out) && /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          output: () => out,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.ts exited (${code}):\n${out}`));
    });
  });
}

let stack: Stack;
let token: string;
const modes: Record<'default' | 'production', Served> = {} as never;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  token = await stack.issuer.sign((await userWith(stack.admin, 'JOB_SPECIALIST')).email);
  const env = {
    APP_DATABASE_URL: stack.db.appUrl,
    API_PORT: '0',
    API_METRICS_PORT: '0',
    API_JOBS: 'off',
    API_AUDIT_SEAL_INTERVAL_MS: '0',
    OUTBOX_INTERVAL_MS: '0',
    DEADLINE_DIGEST_HOUR: 'off',
    LOG_LEVEL: 'trace',
  };
  [modes.default, modes.production] = await Promise.all([
    serve(env),
    serve({ ...env, NODE_ENV: 'production' }),
  ]);
});
afterAll(async () => {
  await Promise.all(Object.values(modes).map((m) => m.stop()));
  await stack?.close();
});

type Body = { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown };

/** The answer as a client sees it; fails unless it is JSON in the API's error shape. */
async function answer(res: Response) {
  const text = await res.text();
  expect(res.headers.get('content-type'), text).toMatch(/^application\/json/);
  const body = JSON.parse(text) as Body;
  const error = body.errors?.[0];
  expect(error?.message, text).toEqual(expect.any(String));
  expect(error?.extensions?.code, text).toEqual(expect.any(String));
  expect(error?.extensions?.requestId, text).toEqual(expect.any(String));
  expect(text).not.toMatch(/<html|<pre|\/work\/|node_modules|\bat [^\n]+:\d+:\d+/i);
  return { status: res.status, body, code: error?.extensions?.code, message: error?.message ?? '' };
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
const query = (url: string, q: string, variables?: Record<string, unknown>) =>
  post(url, JSON.stringify({ query: q, variables }));

describe.each(['default', 'production'] as const)('serve.ts (%s mode)', (mode) => {
  it('a malformed JSON body: a JSON 400, and nothing of the body in any output', async () => {
    const served = modes[mode];
    const identityNumber = '01017012345';
    const name = 'Kari Nordmann-Testesen';
    const before = served.output().length;
    for (const body of [
      `{"query":"mutation { x }","variables":{"givenName":"${name}","identityNumber":${identityNumber}x}}`,
      `{"givenName":"${name}","identityNumber":"${identityNumber}"`,
      `givenName=${name}&identityNumber=${identityNumber}`,
    ]) {
      const a = await answer(await post(served.url, body));
      expect(a.status).toBe(400);
      expect(a.code).toBe('BAD_REQUEST');
      expect(a.message).toMatch(/not valid JSON/);
      expect(a.message).not.toContain(identityNumber);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const written = served.output().slice(before);
    expect(written).not.toContain(identityNumber);
    expect(written).not.toContain('Nordmann');
    expect(written).not.toMatch(/SyntaxError|\n\s+at /);
  });

  it('1,000 aliases and 5,000 nested brackets: a 400 with a GraphQL error, not a 500', async () => {
    const url = modes[mode].url;
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ');
    const nested = `{ me ${'{ id '.repeat(5000)}${'}'.repeat(5000)} }`;
    for (const q of [`{ ${aliases} }`, nested, `${'{'.repeat(5000)}${'}'.repeat(5000)}`]) {
      const a = await answer(await query(url, q));
      expect(a.status, a.message).toBe(400);
      expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(a.code);
    }
  });

  it('a query over the token limit is a 400 that says so', async () => {
    const fields = Array.from({ length: 2100 }, () => 'id').join(' ');
    const a = await answer(await query(modes[mode].url, `{ me { ${fields} } }`));
    expect(a.status).toBe(400);
    expect(a.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(a.message).toMatch(/token/i);
  });

  it('twelve aliases of __typename count against the alias limit of 10', async () => {
    const aliases = Array.from({ length: 12 }, (_, i) => `t${i}: __typename`).join(' ');
    const a = await answer(await query(modes[mode].url, `{ ${aliases} }`));
    expect(a.status).toBe(400);
    expect(a.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(a.message).toMatch(/alias/i);
  });

  it('more than 50 invalid variable values: every error BAD_USER_INPUT, a 400, nothing logged as an error', async () => {
    const served = modes[mode];
    const before = served.output().length;
    const phases = Array.from({ length: 60 }, (_, i) => `NO_SUCH_PHASE_${i}`);
    const a = await answer(
      await query(
        served.url,
        'query ($phase: [JobSeekerPhase!]) { jobSeekers(first: 1, phase: $phase) { edges { node { id } } } }',
        { phase: phases },
      ),
    );
    expect(a.status).toBe(400);
    expect(new Set(a.body.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(served.output().slice(before)).not.toMatch(/"level":(50|60)/);
  });

  it('unknown paths, other methods, a body too large, an unsupported encoding: JSON in the API error shape', async () => {
    const url = modes[mode].url;
    const notFound = await answer(await fetch(`${url}/nope`));
    expect([notFound.status, notFound.code]).toEqual([404, 'NOT_FOUND']);
    const metrics = await answer(await fetch(`${url}/metrics`));
    expect([metrics.status, metrics.code]).toEqual([404, 'NOT_FOUND']);
    const put = await answer(await fetch(`${url}/graphql`, { method: 'PUT' }));
    expect([put.status, put.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    const big = await answer(
      await post(url, JSON.stringify({ query: `{ me { id } }`, pad: 'x'.repeat(200_000) })),
    );
    expect([big.status, big.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const encoding = await answer(await post(url, '{}', { 'content-encoding': 'x-unknown' }));
    expect([encoding.status, encoding.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const charset = await answer(
      await post(url, '{}', { 'content-type': 'application/json; charset=x-klingon' }),
    );
    expect([charset.status, charset.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});

describe('error details are masked unless explicitly exposed', () => {
  const log = pino({ level: 'silent' });
  const prismaLike = {
    message:
      '\nInvalid `prisma.jobSeeker.findMany()` invocation in\n/work/apps/api/src/schema/job-seeker.ts:42:7\n\n  39 const x = 1\n→ 42 await prisma.jobSeeker.findMany({ where: { identityNumber: "01017012345" } })\nError creating UUID',
    path: ['jobSeekers'],
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
  const error = Object.assign(new Error(prismaLike.message), { name: 'PrismaClientKnownRequestError' });

  it('masks an unexpected error outside production too (the default of `pnpm start`)', () => {
    const config = readConfig({}, { appDatabaseUrl: 'postgresql://x@h/db' });
    const masked = formatError(prismaLike, error, {
      exposeDetails: config.exposeErrorDetails,
      requestId: () => 'r-1',
      log,
    });
    expect(masked.message).toBe('Internal server error');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'r-1' });
  });

  it('shows it only with API_EXPOSE_ERROR_DETAILS=on (refused in production)', () => {
    const config = readConfig({ API_EXPOSE_ERROR_DETAILS: 'on' }, { appDatabaseUrl: 'postgresql://x@h/db' });
    expect(config.exposeErrorDetails).toBe(true);
    const shown = formatError(prismaLike, error, {
      exposeDetails: config.exposeErrorDetails,
      requestId: () => 'r-1',
      log,
    });
    expect(shown.message).toContain('prisma.jobSeeker.findMany');
  });
});

describe('rate limits', () => {
  let api: Api;
  let url: string;
  beforeAll(async () => {
    api = await createApi(
      readConfig(
        {},
        {
          appDatabaseUrl: stack.db.appUrl,
          port: 0,
          metricsPort: 0,
          rateLimitPerMinute: 3,
          unauthenticatedRateLimitPerMinute: 3,
          trustProxy: ['loopback'],
          sealIntervalMs: 0,
        },
      ),
      { logger: pino({ level: 'silent' }) },
    );
    url = (await api.listen()).url;
  });
  afterAll(async () => {
    await api?.stop();
  });
  const send = (authorization: string | undefined, forwardedFor: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': forwardedFor,
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });

  it('a signed-in user over the limit gets 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(`Bearer ${token}`, '203.0.113.1')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await send(`Bearer ${token}`, '203.0.113.1');
    const a = await answer(limited);
    expect([a.status, a.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('requests without a valid token are limited per client address (behind a trusted proxy: the forwarded one)', async () => {
    const statuses: number[] = [];
    for (const auth of [undefined, 'Bearer nope', `Bearer ${token}x`])
      statuses.push((await send(auth, '198.51.100.7')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await send('Bearer nope', '198.51.100.7');
    const a = await answer(limited);
    expect([a.status, a.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another client behind the same proxy is not affected.
    expect((await send('Bearer nope', '198.51.100.8')).status).toBe(401);
  });

  it('without a trusted proxy, X-Forwarded-For is ignored: a client cannot dodge the limit with it', async () => {
    const direct = await createApi(
      readConfig(
        {},
        {
          appDatabaseUrl: stack.db.appUrl,
          port: 0,
          metricsPort: 0,
          unauthenticatedRateLimitPerMinute: 2,
          sealIntervalMs: 0,
        },
      ),
      { logger: pino({ level: 'silent' }) },
    );
    try {
      const directUrl = (await direct.listen()).url;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${directUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i}` },
          body: JSON.stringify({ query: '{ me { id } }' }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 429, 429]);
    } finally {
      await direct.stop();
    }
  });
});
