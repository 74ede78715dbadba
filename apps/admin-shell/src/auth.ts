/**
 * Sign-in with OpenID Connect, authorization code + PKCE (oidc-client-ts), against the configured
 * issuer (the local development provider by default). Tokens live in session storage only.
 *
 * oidc-client-ts (about 65 KiB of minified code) is needed to sign in, to finish a sign-in at the
 * callback and to sign out — not to open a screen when one is signed in already. The start-up code
 * therefore reads the signed-in user from session storage itself (`storedUser`, in the format the
 * library writes it: `test/auth.test.ts` stores a user through the library and reads it back here),
 * and the library loads on first use (`userManager`) in a chunk of its own (docs/adr/0021 §7).
 */
import type { UserManager } from 'oidc-client-ts';
import type { ShellConfig } from './config.js';

/** What the shell needs of the signed-in user: the access token and when it expires. */
export interface SignedInUser {
  accessToken: string;
  /** Seconds since the epoch (as the token endpoint's `expires_in` was stamped), or null if unknown. */
  expiresAt: number | null;
}

type Issuer = Pick<ShellConfig, 'issuer' | 'clientId'>;

/** The session-storage key oidc-client-ts keeps the user under (its store's `oidc.` prefix). */
export function userStorageKey(config: Issuer): string {
  return `oidc.user:${config.issuer}:${config.clientId}`;
}

/**
 * The signed-in user oidc-client-ts left in session storage; null when there is none, it cannot be
 * read, or its access token has expired (the library's `User.expired`: `expires_at` not after now).
 */
export function storedUser(
  config: Issuer,
  storage: Pick<Storage, 'getItem'> = window.sessionStorage,
  nowSeconds: number = Date.now() / 1000,
): SignedInUser | null {
  let raw: string | null;
  try {
    raw = storage.getItem(userStorageKey(config));
  } catch {
    return null;
  }
  if (!raw) return null;
  let stored: { access_token?: unknown; expires_at?: unknown };
  try {
    stored = JSON.parse(raw) as typeof stored;
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null) return null;
  if (typeof stored.access_token !== 'string' || stored.access_token === '') return null;
  const { access_token: accessToken, expires_at: expiresAt } = stored;
  // Absent: no expiry known (the library's `expired` is then undefined). Present, it must be a
  // number (the library writes one; it counts `null` as expired): anything else is not a sign-in.
  if (expiresAt === undefined) return { accessToken, expiresAt: null };
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return null;
  return expiresAt <= Math.floor(nowSeconds) ? null : { accessToken, expiresAt };
}

/** Forgets the stored user (signing out when the library cannot be loaded). */
export function forgetStoredUser(
  config: Issuer,
  storage: Pick<Storage, 'removeItem'> = window.sessionStorage,
) {
  try {
    storage.removeItem(userStorageKey(config));
  } catch {
    // A storage that refuses access holds nothing of ours either.
  }
}

const managers = new Map<string, Promise<UserManager>>();

/** The library's user manager, loaded on first use (one per issuer and client). */
export function userManager(config: Issuer): Promise<UserManager> {
  const key = userStorageKey(config);
  let manager = managers.get(key);
  if (!manager) {
    manager = import('oidc-client-ts').then(
      ({ UserManager, WebStorageStateStore }) =>
        new UserManager({
          authority: config.issuer,
          client_id: config.clientId,
          redirect_uri: `${window.location.origin}/callback`,
          post_logout_redirect_uri: `${window.location.origin}/`,
          response_type: 'code',
          scope: 'openid profile email api',
          userStore: new WebStorageStateStore({ store: window.sessionStorage }),
          automaticSilentRenew: false,
        }),
    );
    // A failed load (the network) is tried again on the next use, not remembered.
    manager.catch(() => managers.delete(key));
    managers.set(key, manager);
  }
  return manager;
}
