/**
 * Access-log rows for the restore drill, written the way production writes them: the API
 * (apps/api/src/serve.ts, the container's entry point) as its own process against the drill's
 * database, signed-in users reading their job seekers and registering an employer over HTTP. The
 * API writes the rows in each request's transaction as `ips_app` under row-level security, and its
 * sealer chains them. The tokens come from a throw-away issuer (a JWKS on loopback) that the seed
 * names as the organisations' trusted issuer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export interface DrillIssuer {
  url: string;
  token(subject: string): string;
  close(): Promise<void>;
}

/** An RS256 issuer publishing its key at `/jwks`; tokens for audience `ips-api`, 1 hour. */
export async function startDrillIssuer(): Promise<DrillIssuer> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...(publicKey as KeyObject).export({ format: 'jwk' }),
    kid: 'drill',
    alg: 'RS256',
    use: 'sig',
  };
  const server = createHttpServer((req, res) => {
    if (req.url === '/jwks') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    token(subject) {
      const now = Math.floor(Date.now() / 1000);
      const head = b64url(JSON.stringify({ alg: 'RS256', kid: 'drill', typ: 'JWT' }));
      const body = b64url(
        JSON.stringify({
          iss: url,
          sub: subject,
          aud: 'ips-api',
          iat: now,
          exp: now + 3600,
          scope: 'openid',
        }),
      );
      const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey);
      return `${head}.${body}.${b64url(signature)}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface DrillApi {
  url: string;
  stop(): Promise<void>;
}

/** The API's production entry point as a child process on a free loopback port. */
export async function startDrillApi(appUrl: string): Promise<DrillApi> {
  const port = await freePort();
  const apiDir = join(import.meta.dirname, '..', '..', '..', 'apps', 'api');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(apiDir, 'src', 'serve.ts')], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      APP_DATABASE_URL: appUrl,
      API_PORT: String(port),
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      API_AUDIT_SEAL_INTERVAL_MS: '500',
      API_JOBS: 'off',
      API_METRICS: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) before listening`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the API did not start within 60 s');
    }
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 12_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

const LIST = `query { jobSeekers(first: 20) { edges { node { id } } } }`;
const REGISTER = `mutation($input: RegisterEmployerInput!) {
  registerEmployer(input: $input) { __typename }
}`;

/**
 * Every active job specialist and method supervisor (at most 200) lists their job seekers (READ rows) and
 * registers one employer (a CREATE row), in every organisation that has them. Returns the
 * requests sent; throws on any answer that is not a success.
 */
export async function writeAccessLogThroughApi(
  adminUrl: string,
  api: DrillApi,
  issuer: DrillIssuer,
): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let users: { email: string; org: string }[];
  try {
    ({ rows: users } = await client.query<{ email: string; org: string }>(
      `SELECT u.email, m."organizationId" AS org FROM membership m JOIN app_user u ON u.id = m."userId"
       WHERE m.role IN ('JOB_SPECIALIST', 'METHOD_SUPERVISOR') AND m."endedAt" IS NULL ORDER BY u.email LIMIT 200`,
    ));
  } finally {
    await client.end();
  }
  let requests = 0;
  const send = async (email: string, org: string, query: string, variables: object, expect: string) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${issuer.token(email)}`,
        'x-organization-id': org,
      },
      body: JSON.stringify({ query, variables }),
    });
    requests++;
    const text = await res.text();
    if (res.status !== 200 || !text.includes(expect) || text.includes('"errors"')) {
      throw new Error(`the API answered ${res.status} to the drill's traffic: ${text.slice(0, 300)}`);
    }
  };
  for (const u of users) {
    await send(u.email, u.org, LIST, {}, '"jobSeekers"');
    await send(
      u.email,
      u.org,
      REGISTER,
      { input: { organizationId: u.org, name: `Drill ${randomUUID().slice(0, 8)}` } },
      'MutationRegisterEmployerSuccess',
    );
  }
  return requests;
}
