/**
 * Authentication: an OIDC access token (JWT) verified with `jose` against the key set of an issuer
 * some tenant trusts (issuer, audience, expiry with clock tolerance, signature). There is no other
 * way in: no development shortcut exists in any build.
 */
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type pg from 'pg';

export interface TrustedIssuer {
  issuer: string;
  audience: string;
  jwksUri: string | null;
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
}

export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super('Authentication required');
    this.name = 'AuthenticationError';
  }
}

/** Tokens remembered as verified at most (the oldest is forgotten first). */
const MAX_VERIFIED_TOKENS = 10_000;

export interface TokenVerifierOptions {
  /** How long the trusted-issuer list, and so a verified token, is remembered (ms). */
  cacheMs?: number;
  /** Most verified tokens remembered. */
  maxVerifiedTokens?: number;
  /** The clock (tests move it; expiry is checked against it, cached or not). */
  now?: () => number;
}

/** Loads trusted issuers (cached briefly) and verifies tokens against their JWKS. */
export class TokenVerifier {
  private issuers: { at: number; list: TrustedIssuer[] } | null = null;
  private readonly keySets = new Map<string, JWTVerifyGetKey>();
  /**
   * Tokens already verified (ADR 0023), keyed by the token's SHA-256 (the token itself is never
   * kept), until the token's `exp` but never longer than the issuer cache: a client sends the same
   * access token with every request, and the signature check (WebCrypto RSA) was the largest
   * single cost of authentication. Bounded: the oldest entry goes first. Memberships are still
   * resolved per request.
   */
  private readonly verified = new Map<string, { identity: VerifiedIdentity; until: number }>();
  private readonly cacheMs: number;
  private readonly maxVerifiedTokens: number;
  private readonly now: () => number;
  /** Signature checks done (not answered from the cache): for tests. */
  signatureChecks = 0;

  constructor(
    private readonly loadIssuers: () => Promise<TrustedIssuer[]>,
    private readonly clockToleranceSeconds: number,
    options: TokenVerifierOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 60_000;
    this.maxVerifiedTokens = options.maxVerifiedTokens ?? MAX_VERIFIED_TOKENS;
    this.now = options.now ?? Date.now;
  }

  /** How many verified tokens are remembered now. */
  get rememberedTokens(): number {
    return this.verified.size;
  }

  static fromPool(pool: pg.Pool, clockToleranceSeconds: number): TokenVerifier {
    return new TokenVerifier(async () => {
      const { rows } = await pool.query<{ issuer: string; audience: string; jwks_uri: string | null }>(
        'SELECT issuer, audience, jwks_uri FROM app.trusted_issuers()',
      );
      return rows.map((r) => ({ issuer: r.issuer, audience: r.audience, jwksUri: r.jwks_uri }));
    }, clockToleranceSeconds);
  }

  private async trusted(): Promise<TrustedIssuer[]> {
    if (!this.issuers || this.now() - this.issuers.at > this.cacheMs) {
      this.issuers = { at: this.now(), list: await this.loadIssuers() };
    }
    return this.issuers.list;
  }

  private keySet(issuer: TrustedIssuer): JWTVerifyGetKey {
    const uri = issuer.jwksUri ?? `${issuer.issuer.replace(/\/$/, '')}/jwks`;
    let set = this.keySets.get(uri);
    if (!set) {
      set = createRemoteJWKSet(new URL(uri), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
      this.keySets.set(uri, set);
    }
    return set;
  }

  async verify(authorization: string | undefined): Promise<VerifiedIdentity> {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '');
    if (!match?.[1]) throw new AuthenticationError('missing bearer token');
    const token = match[1];
    const key = createHash('sha256').update(token).digest('base64url');
    const known = this.verified.get(key);
    if (known) {
      if (known.until > this.now()) return known.identity;
      this.verified.delete(key);
    }
    let claimedIssuer: string | undefined;
    try {
      claimedIssuer = decodeJwt(token).iss;
    } catch {
      throw new AuthenticationError('malformed token');
    }
    const candidates = (await this.trusted()).filter((i) => i.issuer === claimedIssuer);
    if (candidates.length === 0) throw new AuthenticationError('untrusted issuer');
    for (const candidate of candidates) {
      try {
        this.signatureChecks++;
        const { payload } = await jwtVerify(token, this.keySet(candidate), {
          currentDate: new Date(this.now()),
          issuer: candidate.issuer,
          audience: candidate.audience,
          clockTolerance: this.clockToleranceSeconds,
          requiredClaims: ['sub', 'exp'],
        });
        if (typeof payload.sub === 'string' && payload.sub) {
          const identity = { issuer: candidate.issuer, subject: payload.sub };
          this.remember(key, identity, (payload.exp ?? 0) * 1000);
          return identity;
        }
      } catch {
        // try the next configuration of the same issuer (another audience), else fail below
      }
    }
    throw new AuthenticationError('invalid token');
  }

  /** Remembers a verified token until its expiry, at most `cacheMs`; forgets the oldest when full. */
  private remember(key: string, identity: VerifiedIdentity, expiresAt: number): void {
    const until = Math.min(this.now() + this.cacheMs, expiresAt);
    if (until <= this.now()) return;
    while (this.verified.size >= this.maxVerifiedTokens) {
      const oldest = this.verified.keys().next().value;
      if (oldest === undefined) break;
      this.verified.delete(oldest);
    }
    this.verified.set(key, { identity, until });
  }
}

/**
 * BENCHMARK ONLY: the issuer and subject a token claims, without checking its signature, audience
 * or expiry. Used solely by `createApi`'s `benchmarkOnlyWithoutSecurity`, which production refuses.
 */
export function unverifiedIdentity(authorization: string | undefined): VerifiedIdentity {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '');
  if (!match?.[1]) throw new AuthenticationError('missing bearer token');
  try {
    const { iss, sub } = decodeJwt(match[1]);
    if (typeof iss === 'string' && typeof sub === 'string' && sub) return { issuer: iss, subject: sub };
  } catch {
    // fall through
  }
  throw new AuthenticationError('malformed token');
}
