/**
 * The authorization-code + PKCE flow end to end, as a browser and a client run it, against a
 * throw-away PostgreSQL with just an `app_user` table (no product migrations).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '@ips/db/testing';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevOidc, startDevOidc } from '../src/index.js';
import { Browser, pkce, signIn, token, verifyAccessToken } from './client.js';

const ADA = { email: 'ada.lovelace@demo.test', name: 'Ada Lovelace' };
const ALAN = { email: 'alan.turing@demo.test', name: 'Alan Turing' };
const INACTIVE = 'inactive.user@demo.test';

let server: Awaited<ReturnType<typeof startTestServer>>;
let databaseUrl: string;
let dropDatabase: () => Promise<void>;
let keyDir: string;
let oidc: DevOidc;

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  // A database of its own: the server may be shared with other packages' tests (IPS_TEST_DATABASE_URL).
  const name = `ips_dev_oidc_${randomBytes(4).toString('hex')}`;
  await admin(server.adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  dropDatabase = async () => {
    await admin(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  await admin(databaseUrl, async (c) => {
    await c.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY, email text UNIQUE NOT NULL, "givenName" text NOT NULL, "familyName" text NOT NULL,
      active boolean NOT NULL DEFAULT true)`);
    await c.query(
      `INSERT INTO app_user (id, email, "givenName", "familyName", active) VALUES
         ($1, $2, 'Ada', 'Lovelace', true), ($3, $4, 'Alan', 'Turing', true), ($5, $6, 'Inactive', 'User', false)`,
      [randomUUID(), ADA.email, randomUUID(), ALAN.email, randomUUID(), INACTIVE],
    );
  });
  keyDir = await mkdtemp(join(tmpdir(), 'ips-dev-oidc-'));
  oidc = await startDevOidc({ port: 0, databaseUrl, keyFile: join(keyDir, 'jwks.json') });
});

afterAll(async () => {
  await oidc?.stop();
  await dropDatabase?.();
  await server?.stop();
  if (keyDir) await rm(keyDir, { recursive: true, force: true });
});

describe('dev OIDC provider', () => {
  it('publishes discovery with the issuer, /jwks and S256 only', async () => {
    expect(oidc.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${oidc.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(oidc.issuer);
    expect(discovery.jwks_uri).toBe(`${oidc.issuer}/jwks`);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    const jwks = (await (await fetch(`${oidc.issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('signs in at once with a login_hint naming an active user, and the token verifies', async () => {
    const browser = new Browser(oidc.issuer);
    const { verifier, challenge } = pkce();
    const landing = await browser.authorize({
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'state-hint',
      login_hint: ADA.email,
    });
    expect(landing.page).toBeUndefined();
    const callback = landing.callback!;
    expect(callback.searchParams.get('state')).toBe('state-hint');
    expect(callback.searchParams.get('iss')).toBe(oidc.issuer);
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const response = await token(oidc.issuer, code!, verifier);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      access_token: string;
      id_token: string;
      token_type: string;
      scope: string;
    };
    expect(body.token_type).toBe('Bearer');
    expect(body.scope.split(' ')).toContain('api');
    expect(decodeProtectedHeader(body.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const { payload } = await verifyAccessToken(oidc.issuer, body.access_token);
    expect(payload).toMatchObject({
      sub: ADA.email,
      aud: 'ips-api',
      iss: oidc.issuer,
      client_id: 'ips-admin',
    });
    expect(payload.exp! - payload.iat!).toBe(900);

    // The ID token carries the profile for the client.
    const jwks = createRemoteJWKSet(new URL(`${oidc.issuer}/jwks`));
    const id = await jwtVerify(body.id_token, jwks, { issuer: oidc.issuer, audience: 'ips-admin' });
    expect(id.payload).toMatchObject({ sub: ADA.email, email: ADA.email, name: ADA.name });

    // Another authorization in the same browser needs no sign-in (the session cookie).
    const again = await browser.authorize({
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    });
    expect(again.callback?.searchParams.get('code')).toBeTruthy();
  });

  it('signs in through the login page', async () => {
    const browser = new Browser(oidc.issuer);
    const { verifier, challenge } = pkce();
    const landing = await browser.authorize({ code_challenge: challenge, code_challenge_method: 'S256' });
    const page = landing.page!;
    expect(page.status).toBe(200);
    expect(page.url.pathname).toMatch(/^\/interaction\/[^/]+$/);
    expect(page.html).toContain('Utviklings-innlogging – kun for demo');
    expect(page.html).toContain(`Logg inn som ${ALAN.name}`);
    expect(page.html).toContain(`Logg inn som ${ADA.name}`);
    expect(page.html).not.toContain(INACTIVE);

    // The button of Alan Turing: a form posting his e-mail to /interaction/:uid/login.
    const action = new RegExp(
      `<form method="post" action="([^"]+)">\\s*<input type="hidden" name="email" value="${ALAN.email.replaceAll('.', '\\.')}">`,
    ).exec(page.html)?.[1];
    expect(action).toBe(`${page.url.pathname}/login`);
    const done = await browser.submit(page, action!, { email: ALAN.email });
    expect(done.response.status).toBe(303);
    const code = done.callback?.searchParams.get('code');
    expect(code).toBeTruthy();

    const tokens = (await (await token(oidc.issuer, code!, verifier)).json()) as { access_token: string };
    const { payload } = await verifyAccessToken(oidc.issuer, tokens.access_token);
    expect(payload.sub).toBe(ALAN.email);
  });
});

describe('dev OIDC provider: refusals and restarts', () => {
  it('matches a login_hint regardless of case, with the stored e-mail as subject', async () => {
    const tokens = await signIn(oidc.issuer, ADA.email.toUpperCase());
    const { payload } = await verifyAccessToken(oidc.issuer, tokens.access_token);
    expect(payload.sub).toBe(ADA.email);
  });

  it('does not sign in with an unknown or inactive login_hint, nor by posting such an e-mail', async () => {
    for (const hint of ['nobody@demo.test', INACTIVE]) {
      const browser = new Browser(oidc.issuer);
      const landing = await browser.authorize({
        code_challenge: pkce().challenge,
        code_challenge_method: 'S256',
        login_hint: hint,
      });
      expect(landing.callback).toBeUndefined();
      expect(landing.page?.status).toBe(200);
      expect(landing.page?.html).toContain(`Fant ingen aktiv bruker med e-postadressen «${hint}»`);
      expect(landing.page?.html).toContain(`Logg inn som ${ADA.name}`);

      const posted = await browser.submit(landing.page!, `${landing.page!.url.pathname}/login`, {
        email: hint,
      });
      expect(posted.response.status).toBe(400);
      expect(posted.callback).toBeUndefined();
      expect(posted.page?.html).toContain('Fant ingen aktiv bruker');
    }
  });

  it('ends the request with access_denied when the user cancels', async () => {
    const browser = new Browser(oidc.issuer);
    const landing = await browser.authorize({
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    });
    const done = await browser.submit(landing.page!, `${landing.page!.url.pathname}/abort`, {});
    expect(done.callback?.searchParams.get('error')).toBe('access_denied');
  });

  it('rejects a wrong code_verifier at /token', async () => {
    const landing = await new Browser(oidc.issuer).authorize({
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
      login_hint: ADA.email,
    });
    const code = landing.callback!.searchParams.get('code')!;
    const response = await token(oidc.issuer, code, pkce().verifier);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('requires PKCE with S256', async () => {
    const browser = new Browser(oidc.issuer);
    const missing = await browser.authorize({ login_hint: ADA.email });
    expect(missing.callback?.searchParams.get('error')).toBe('invalid_request');
    const plain = await browser.authorize({
      login_hint: ADA.email,
      code_challenge: pkce().verifier,
      code_challenge_method: 'plain',
    });
    expect(plain.callback?.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses an unregistered redirect URI', async () => {
    const url = new URL(`${oidc.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: 'ips-admin',
      response_type: 'code',
      redirect_uri: 'http://evil.test/callback',
      scope: 'openid',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri');
  });

  it('keeps its signing key across restarts', async () => {
    const keyFile = join(keyDir, 'jwks.json');
    const stored = JSON.parse(await readFile(keyFile, 'utf8')) as { keys: { kid: string }[] };
    const tokens = await signIn(oidc.issuer, ADA.email);
    const second = await startDevOidc({ port: 0, databaseUrl, keyFile });
    try {
      const jwks = (await (await fetch(`${second.issuer}/jwks`)).json()) as { keys: { kid: string }[] };
      expect(jwks.keys.map((k) => k.kid)).toEqual(stored.keys.map((k) => k.kid));
      // A token of the first instance verifies against the second one's key set.
      const keys = createRemoteJWKSet(new URL(`${second.issuer}/jwks`));
      await expect(jwtVerify(tokens.access_token, keys, { audience: 'ips-api' })).resolves.toBeTruthy();
    } finally {
      await second.stop();
    }
  });

  it('refuses to start with NODE_ENV=production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(
        startDevOidc({ port: 0, databaseUrl, keyFile: join(keyDir, 'never.json') }),
      ).rejects.toThrow(/refuses to run with NODE_ENV=production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
