/**
 * The verified-token cache (ADR 0023): a token is remembered until its `exp` and never longer than
 * the issuer cache, keyed by its hash; an expired token is refused even when remembered; another
 * token is verified afresh; the cache is bounded. A local JWKS endpoint and a clock the test moves.
 */
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, TokenVerifier, type TrustedIssuer } from '../src/auth.js';

const AUDIENCE = 'ips-api';
let server: Server;
let issuer: TrustedIssuer;
type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let privateKey: Key;
let otherKey: Key;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  issuer = {
    issuer: `http://127.0.0.1:${port}`,
    audience: AUDIENCE,
    jwksUri: `http://127.0.0.1:${port}/jwks`,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A clock the test moves, starting now. */
function clock() {
  let at = Date.now();
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

function token(opts: { sub: string; expiresAt: number; at: number; key?: Key }) {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(issuer.issuer)
    .setAudience(AUDIENCE)
    .setSubject(opts.sub)
    .setIssuedAt(Math.floor(opts.at / 1000))
    .setExpirationTime(Math.floor(opts.expiresAt / 1000))
    .sign(opts.key ?? privateKey);
}

const verifier = (c: ReturnType<typeof clock>, maxVerifiedTokens?: number) =>
  new TokenVerifier(async () => [issuer], 0, { now: c.now, maxVerifiedTokens });

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof AuthenticationError ? e.reason : `unexpected: ${String(e)}`),
  );

describe('the verified-token cache', () => {
  it('answers a token sent again from the cache, keyed by its hash, not the token', async () => {
    const c = clock();
    const v = verifier(c);
    const t = await token({ sub: 'a', at: c.now(), expiresAt: c.now() + 30 * 60_000 });
    expect(await v.verify(`Bearer ${t}`)).toEqual({ issuer: issuer.issuer, subject: 'a' });
    expect(await v.verify(`Bearer ${t}`)).toEqual({ issuer: issuer.issuer, subject: 'a' });
    expect(v.signatureChecks).toBe(1);
    expect(v.rememberedTokens).toBe(1);
    const keys = [...(v as unknown as { verified: Map<string, unknown> }).verified.keys()];
    expect(keys.some((k) => t.includes(k) || k.includes(t))).toBe(false);
  });

  it('refuses an expired token even when it was remembered', async () => {
    const c = clock();
    const v = verifier(c);
    const t = await token({ sub: 'a', at: c.now(), expiresAt: c.now() + 20_000 });
    await v.verify(`Bearer ${t}`);
    c.advance(10_000);
    expect(await refusal(v.verify(`Bearer ${t}`))).toBe('accepted');
    expect(v.signatureChecks).toBe(1);
    c.advance(11_000);
    expect(await refusal(v.verify(`Bearer ${t}`))).toBe('invalid token');
    expect(v.signatureChecks).toBe(2);
  });

  it('remembers a token no longer than the issuer cache, then verifies it again', async () => {
    const c = clock();
    const v = verifier(c);
    const t = await token({ sub: 'a', at: c.now(), expiresAt: c.now() + 30 * 60_000 });
    await v.verify(`Bearer ${t}`);
    c.advance(61_000);
    expect(await refusal(v.verify(`Bearer ${t}`))).toBe('accepted');
    expect(v.signatureChecks).toBe(2);
  });

  it('verifies a different token afresh: a forged one for the same user is refused', async () => {
    const c = clock();
    const v = verifier(c);
    const good = await token({ sub: 'a', at: c.now(), expiresAt: c.now() + 30 * 60_000 });
    await v.verify(`Bearer ${good}`);
    const forged = await token({ sub: 'a', at: c.now(), expiresAt: c.now() + 30 * 60_000, key: otherKey });
    expect(await refusal(v.verify(`Bearer ${forged}`))).toBe('invalid token');
    const [header, payload] = good.split('.');
    expect(await refusal(v.verify(`Bearer ${header}.${payload}.AAAA`))).toBe('invalid token');
    expect(v.signatureChecks).toBe(3);
  });

  it('is bounded: the oldest token is forgotten first and verified again', async () => {
    const c = clock();
    const v = verifier(c, 3);
    const tokens = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((sub) => token({ sub, at: c.now(), expiresAt: c.now() + 30 * 60_000 })),
    );
    for (const t of tokens) await v.verify(`Bearer ${t}`);
    expect(v.rememberedTokens).toBe(3);
    expect(v.signatureChecks).toBe(5);
    await v.verify(`Bearer ${tokens[4]}`);
    expect(v.signatureChecks).toBe(5);
    await v.verify(`Bearer ${tokens[0]}`);
    expect(v.signatureChecks).toBe(6);
    expect(v.rememberedTokens).toBe(3);
  });
});
