/**
 * A development-only OpenID Connect provider (oidc-provider) for the demo data: sign in as any
 * active user of the product database, get an RS256 JWT access token for the API (`aud` ips-api,
 * `sub` the user's e-mail = the `user_identity.subject` the seed stores for this issuer).
 *
 * One public client, `ips-admin`: authorization code with PKCE (S256, required). The signing key
 * lives in `<repo>/.data/dev-oidc-jwks.json` (git-ignored), so tokens survive restarts.
 *
 * It refuses to start with NODE_ENV=production.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, errors } from 'oidc-provider';
import { DevUsers } from './accounts.js';
import { errorPage, interactions } from './interactions.js';
import { DEFAULT_KEY_FILE, loadOrCreateKeys } from './keys.js';

export { DEFAULT_KEY_FILE } from './keys.js';

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';
export const API_AUDIENCE = 'ips-api';
/**
 * The API's resource indicator (RFC 8707). oidc-provider accepts only absolute URIs there, so not
 * `ips-api` itself; it is the default resource, and its tokens carry `aud: ips-api`.
 */
export const API_RESOURCE = 'urn:ips:api';
export const API_SCOPE = 'api';
export const CLIENT_ID = 'ips-admin';
export const DEFAULT_REDIRECT_URIS = ['http://127.0.0.1:5173/callback', 'http://localhost:5173/callback'];

export interface DevOidcOptions {
  /** Port to listen on; 0 picks a free one (the issuer then carries it). Default: the issuer's port, else 4010. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Issuer identifier, an origin without a path. Default `http://127.0.0.1:<port>`. */
  issuer?: string;
  /** Admin connection string of the product database (where `app_user` is). */
  databaseUrl: string;
  /** Redirect URIs of the `ips-admin` client. */
  redirectUris?: string[];
  /** Signing and cookie keys. Default `<repo>/.data/dev-oidc-jwks.json`. */
  keyFile?: string;
}

export interface DevOidc {
  issuer: string;
  stop(): Promise<void>;
}

export class ProductionRefusedError extends Error {
  constructor() {
    super(
      'The development OIDC provider (@ips/dev-oidc) refuses to run with NODE_ENV=production: ' +
        'it signs anybody in without a password. Use a real identity provider in production.',
    );
    this.name = 'ProductionRefusedError';
  }
}

/**
 * Options from OIDC_DEV_PORT, OIDC_DEV_HOST, OIDC_DEV_ISSUER, OIDC_DEV_REDIRECT_URIS and
 * OIDC_DEV_KEY_FILE (all optional).
 */
export function devOidcOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Omit<DevOidcOptions, 'databaseUrl'> {
  const options: Omit<DevOidcOptions, 'databaseUrl'> = {};
  if (env.OIDC_DEV_PORT) options.port = Number(env.OIDC_DEV_PORT);
  if (env.OIDC_DEV_HOST) options.host = env.OIDC_DEV_HOST;
  if (env.OIDC_DEV_ISSUER) options.issuer = env.OIDC_DEV_ISSUER;
  if (env.OIDC_DEV_KEY_FILE) options.keyFile = env.OIDC_DEV_KEY_FILE;
  if (env.OIDC_DEV_REDIRECT_URIS) {
    options.redirectUris = env.OIDC_DEV_REDIRECT_URIS.split(',')
      .map((uri) => uri.trim())
      .filter(Boolean);
  }
  return options;
}

function normalizeIssuer(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`OIDC issuer "${issuer}" is not a URL.`);
  }
  if (url.pathname !== '/' || url.search || url.hash || !/^https?:$/.test(url.protocol)) {
    throw new Error(
      `OIDC issuer "${issuer}" must be an http(s) origin without a path, e.g. http://127.0.0.1:4010.`,
    );
  }
  return url.origin;
}

function portOf(issuer: string): number {
  const url = new URL(issuer);
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

function configuration(options: {
  keys: Awaited<ReturnType<typeof loadOrCreateKeys>>;
  users: DevUsers;
  redirectUris: string[];
}): Configuration {
  const postLogout = [...new Set(options.redirectUris.map((uri) => `${new URL(uri).origin}/`))];
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: 'IPS (utvikling)',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: postLogout,
      },
    ],
    jwks: { keys: options.keys.keys as NonNullable<Configuration['jwks']>['keys'] },
    cookies: { keys: options.keys.cookieKeys },
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    findAccount: async (_ctx, sub) => {
      const user = await options.users.find(sub);
      if (!user) return undefined;
      return {
        accountId: user.email,
        claims: () => ({ sub: user.email, email: user.email, name: user.name }),
      };
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: API_AUDIENCE,
            accessTokenTTL: 900,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // A browser app on one of the redirect URIs' origins calls /token itself.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    ttl: {
      AccessToken: 900,
      AuthorizationCode: 60,
      IdToken: 900,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(
        [out.error, out.error_description].filter((part) => typeof part === 'string').join(': '),
      );
    },
  };
}

export async function startDevOidc(options: DevOidcOptions): Promise<DevOidc> {
  if (process.env.NODE_ENV === 'production') throw new ProductionRefusedError();
  if (!options.databaseUrl) throw new Error('startDevOidc: databaseUrl is required.');

  const givenIssuer = options.issuer ? normalizeIssuer(options.issuer) : undefined;
  const port = options.port ?? (givenIssuer ? portOf(givenIssuer) : DEFAULT_PORT);
  const host = options.host ?? DEFAULT_HOST;
  const redirectUris = options.redirectUris?.length ? options.redirectUris : DEFAULT_REDIRECT_URIS;
  const keys = await loadOrCreateKeys(options.keyFile ?? DEFAULT_KEY_FILE);

  // Listen first: with port 0 the issuer needs the port the system picked.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const users = new DevUsers(options.databaseUrl);
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await users.close();
  };
  try {
    const actualPort = (server.address() as AddressInfo).port;
    const wildcard = host === '0.0.0.0' || host === '::';
    const issuerHost = wildcard ? DEFAULT_HOST : host.includes(':') ? `[${host}]` : host;
    const issuer = givenIssuer ?? `http://${issuerHost}:${actualPort}`;
    const provider = new Provider(issuer, configuration({ keys, users, redirectUris }));
    provider.use(interactions(provider, users));
    handle = provider.callback();
    return { issuer, stop: close };
  } catch (error) {
    await close();
    throw error;
  }
}
