/**
 * A real stack for one test file: a fresh database with the demo data, a real OIDC-style issuer
 * (an HTTP server publishing a JWKS) whose tokens the API verifies, and the API over real HTTP.
 */
import { createServer, type Server } from 'node:http';
import { DEMO_SCALE, defaultSeedOptions, type SeedOptions, seedDatabase } from '@ips/db/seed';

export { DEMO_SCALE };

import { createTestDatabase, type TestDatabase } from '@ips/db/testing';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

type CryptoKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

import type { TestTemplate } from '@ips/db/testing';
import pg from 'pg';
import pino from 'pino';
import { readConfig } from '../src/config.js';
import { type Api, createApi } from '../src/server.js';

export interface Issuer {
  url: string;
  sign(
    subject: string,
    options?: { audience?: string; expiresIn?: string; issuer?: string; key?: CryptoKey },
  ): Promise<string>;
  otherKey: CryptoKey;
  close(): Promise<void>;
}

export async function startIssuer(): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    if (req.url === '/jwks') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    otherKey: other.privateKey,
    sign: (subject, o = {}) =>
      new SignJWT({ scope: 'openid' })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setSubject(subject)
        .setIssuer(o.issuer ?? url)
        .setAudience(o.audience ?? 'ips-api')
        .setIssuedAt()
        .setExpirationTime(o.expiresIn ?? '5m')
        .sign(o.key ?? privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Stack {
  db: TestDatabase;
  admin: pg.Client;
  issuer: Issuer;
  api: Api;
  url: string;
  /** Where the API serves /metrics (a port of its own). */
  metricsUrl: string;
  /** SQL statements Prisma sent since the last reset. */
  statements: string[];
  /** POST a GraphQL operation as the user with this e-mail (the seeded sign-in subject). */
  gql<T = Record<string, unknown>>(
    as: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }>;
  close(): Promise<void>;
}

export async function startStack(
  template: TestTemplate,
  options: { clock?: () => Date; seed?: Partial<SeedOptions>; logger?: pino.Logger } = {},
): Promise<Stack> {
  const db = await createTestDatabase(template);
  const issuer = await startIssuer();
  await seedDatabase(db.adminUrl, defaultSeedOptions({ devIssuer: issuer.url, ...options.seed }));
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const statements: string[] = [];
  const api = await createApi(
    readConfig(
      {},
      {
        appDatabaseUrl: db.appUrl,
        port: 0,
        metricsPort: 0,
        rateLimitPerMinute: 100_000,
        unauthenticatedRateLimitPerMinute: 100_000,
        maxPageSize: 50,
        sealIntervalMs: 0,
      },
    ),
    {
      logger: options.logger ?? pino({ level: 'silent' }),
      onQuery: (sql) => statements.push(sql),
      ...(options.clock ? { clock: options.clock } : {}),
    },
  );
  const { url, metricsUrl } = await api.listen();
  const tokens = new Map<string, string>();
  return {
    db,
    admin,
    issuer,
    api,
    url,
    metricsUrl: metricsUrl as string,
    statements,
    async gql(as, query, variables = {}, headers = {}) {
      let token: string | undefined;
      if (as) {
        token = tokens.get(as) ?? (await issuer.sign(as));
        tokens.set(as, token);
      }
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: never; errors?: never };
      return { status: res.status, ...body };
    },
    async close() {
      await api.stop();
      await admin.end();
      await issuer.close();
      await db.drop();
    },
  };
}

/** E-mail (sign-in subject) of a seeded user with this role, in the n-th organisation of a kind. */
/**
 * An open duty two days overdue (Europe/Oslo) for a job specialist: whether the demo data holds
 * one depends on the day it is generated for, so a test about overdue duties makes its own.
 */
export async function addOverdueDuty(admin: pg.Client): Promise<void> {
  await admin.query(
    `INSERT INTO task (id, "organizationId", rule, "assigneeId", title, "dueOn", "warnFrom", "updatedAt")
     SELECT gen_random_uuid(), m."organizationId", 'ACTION_POINT', m."userId", 'Overdue (test)',
            (now() AT TIME ZONE 'Europe/Oslo')::date - 2, (now() AT TIME ZONE 'Europe/Oslo')::date - 4, now()
     FROM membership m WHERE m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL ORDER BY m."userId" LIMIT 1`,
  );
}

export async function userWith(
  admin: pg.Client,
  role: string,
  where = 'true',
): Promise<{ email: string; userId: string; organizationId: string }> {
  const { rows } = await admin.query(
    `SELECT u.email, u.id AS "userId", m."organizationId" FROM membership m JOIN app_user u ON u.id = m."userId"
     WHERE m.role = $1 AND ${where} ORDER BY u.email LIMIT 1`,
    [role],
  );
  if (!rows[0]) throw new Error(`no seeded user with role ${role} (${where})`);
  return rows[0];
}
