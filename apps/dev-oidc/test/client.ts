/**
 * A scripted browser and public client for the tests: fetch with `redirect: 'manual'` and a small
 * cookie jar, authorization code + PKCE (S256).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';

export const REDIRECT_URI = 'http://127.0.0.1:5173/callback';
export const CLIENT_ID = 'ips-admin';

/** Cookies by name and path, as a browser keeps them (enough for one host). */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = val;
        if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter(
        (c) =>
          url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

export interface Page {
  url: URL;
  html: string;
  status: number;
}

/** Where a run of redirects ended: at the client's redirect URI, or at a page. */
export interface Landing {
  callback?: URL;
  page?: Page;
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export class Browser {
  readonly jar = new CookieJar();

  constructor(private readonly issuer: string) {}

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.jar.header(target);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.jar.store(response);
    return response;
  }

  async follow(start: Response, from: URL): Promise<Landing> {
    let response = start;
    let url = from;
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { page: { url, html: await response.text(), status: response.status } };
      }
      await response.body?.cancel();
      url = new URL(location, url);
      if (url.href.startsWith(REDIRECT_URI)) return { callback: url };
      response = await this.request(url);
    }
    throw new Error('too many redirects');
  }

  /** Starts an authorization request and follows it as far as it goes without a user. */
  async authorize(params: Record<string, string>): Promise<Landing> {
    const url = new URL(`${this.issuer}/auth`);
    const all = {
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile email api',
      state: randomBytes(8).toString('hex'),
      ...params,
    };
    for (const [key, value] of Object.entries(all)) url.searchParams.set(key, value);
    return this.follow(await this.request(url), url);
  }

  /** Posts a form of the login page (the chosen e-mail) and follows on. */
  async submit(
    page: Page,
    action: string,
    form: Record<string, string>,
  ): Promise<Landing & { response: Response }> {
    const url = new URL(action, page.url);
    const response = await this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    if (response.status !== 303)
      return { response, page: { url, html: await response.text(), status: response.status } };
    return { response, ...(await this.follow(response, url)) };
  }
}

export async function token(issuer: string, code: string, verifier: string): Promise<Response> {
  return fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    }),
  });
}

/** Signs in with a login_hint and returns the token response body. */
export async function signIn(
  issuer: string,
  email: string,
): Promise<{
  access_token: string;
  id_token: string;
  token_type: string;
  scope: string;
  expires_in: number;
}> {
  const { verifier, challenge } = pkce();
  const landing = await new Browser(issuer).authorize({
    code_challenge: challenge,
    code_challenge_method: 'S256',
    login_hint: email,
  });
  const code = landing.callback?.searchParams.get('code');
  if (!code) throw new Error(`no code: ${landing.callback?.href ?? landing.page?.html}`);
  const response = await token(issuer, code, verifier);
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Awaited<ReturnType<typeof signIn>>>;
}

/** What the API does: the issuer's key set at `${issuer}/jwks`, audience ips-api. */
export async function verifyAccessToken(issuer: string, accessToken: string) {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  return jwtVerify(accessToken, jwks, { issuer, audience: 'ips-api' });
}
