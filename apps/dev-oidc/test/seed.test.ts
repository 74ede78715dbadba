/**
 * Against the product's real schema and demo seed: the login page lists the seeded users with
 * their roles, and a token of this provider resolves to a user through the database's own sign-in
 * function (`app.resolve_sign_in(issuer, subject)`), as the API resolves it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeedOptions, seedDatabase } from '@ips/db/seed';
import {
  createTestDatabase,
  dropTemplate,
  prepareTemplate,
  startTestServer,
  type TestDatabase,
  type TestTemplate,
} from '@ips/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevOidc, startDevOidc } from '../src/index.js';
import { Browser, pkce, signIn, verifyAccessToken } from './client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let template: TestTemplate;
let db: TestDatabase;
let keyDir: string;
let oidc: DevOidc;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  template = await prepareTemplate(server.adminUrl, 'devoidc');
  db = await createTestDatabase(template);
  keyDir = await mkdtemp(join(tmpdir(), 'ips-dev-oidc-'));
  // The provider first: the seed stores its issuer (with the port it got) in user_identity.
  oidc = await startDevOidc({ port: 0, databaseUrl: db.adminUrl, keyFile: join(keyDir, 'jwks.json') });
  await seedDatabase(db.adminUrl, defaultSeedOptions({ devIssuer: oidc.issuer }));
});

afterAll(async () => {
  await oidc?.stop();
  await db?.drop();
  if (template) await dropTemplate(template);
  await server?.stop();
  if (keyDir) await rm(keyDir, { recursive: true, force: true });
});

describe('dev OIDC provider on the demo seed', () => {
  it('lists the seeded users with their organisations and roles', async () => {
    const landing = await new Browser(oidc.issuer).authorize({
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    });
    const html = landing.page?.html ?? '';
    expect(landing.page?.status).toBe(200);
    expect(html).toContain('plattformoperatør');
    expect(html).toContain('jobbspesialist');
    expect(html).toContain('virksomhetsadministrator');
    // Platform operators first.
    expect(html.indexOf('plattformoperatør')).toBeLessThan(html.indexOf('jobbspesialist'));
  });

  it('issues tokens the database resolves to the user and their organisations', async () => {
    const [trusted] = await query<{ issuer: string; audience: string; jwks_uri: string | null }>(
      'SELECT * FROM app.trusted_issuers() WHERE issuer = $1',
      [oidc.issuer],
    );
    expect(trusted).toEqual({ issuer: oidc.issuer, audience: 'ips-api', jwks_uri: null });

    const [specialist] = await query<{ subject: string; id: string }>(
      `SELECT i.subject, u.id FROM user_identity i JOIN app_user u ON u.id = i."userId"
         JOIN membership m ON m."userId" = u.id
        WHERE i.issuer = $1 AND m.role = 'JOB_SPECIALIST' AND u.active
        ORDER BY u.email LIMIT 1`,
      [oidc.issuer],
    );
    expect(specialist).toBeDefined();
    const tokens = await signIn(oidc.issuer, specialist!.subject);
    // What the API does: the key set at `${issuer}/jwks` (jwks_uri is null), audience ips-api.
    const { payload } = await verifyAccessToken(trusted!.issuer, tokens.access_token);
    expect(payload.sub).toBe(specialist!.subject);

    const [resolved] = await query<{ user_id: string; organization_ids: string[] }>(
      'SELECT * FROM app.resolve_sign_in($1, $2)',
      [payload.iss, payload.sub],
    );
    expect(resolved?.user_id).toBe(specialist!.id);
    expect(resolved?.organization_ids.length).toBeGreaterThan(0);
  });
});
