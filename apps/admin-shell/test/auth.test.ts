/**
 * The shell reads the signed-in user from session storage without loading oidc-client-ts
 * (src/auth.ts, docs/adr/0021 §7). This holds that reading to the format the library itself writes:
 * a user stored through the library's own user manager is read back here, and what the library
 * counts as expired is not signed in here either.
 */
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { forgetStoredUser, storedUser, userStorageKey } from '../src/auth.js';

const config = { issuer: 'http://127.0.0.1:7091', clientId: 'ips-admin' };

/** A session storage of the test's own (the tests run in Node, without a window). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** Stores a user the way the shell's sign-in does: through the library's user manager. */
async function storeThroughLibrary(storage: Storage, expiresAt: number, token = 'eyJ.access.token') {
  const manager = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: 'http://127.0.0.1:7090/callback',
    userStore: new WebStorageStateStore({ store: storage }),
  });
  const user = new User({
    access_token: token,
    token_type: 'Bearer',
    profile: { sub: 'u1', iss: config.issuer, aud: config.clientId, exp: expiresAt, iat: expiresAt - 900 },
    expires_at: expiresAt,
  });
  await manager.storeUser(user);
  return { manager, user };
}

describe('the signed-in user, read without the library', () => {
  it('is the one the library stored, under the key the library uses', async () => {
    const storage = memoryStorage();
    const now = 1_800_000_000;
    const { manager } = await storeThroughLibrary(storage, now + 600);
    expect(storage.getItem(userStorageKey(config))).not.toBeNull();
    expect(storedUser(config, storage, now)).toEqual({
      accessToken: 'eyJ.access.token',
      expiresAt: now + 600,
    });
    // The library agrees: the same user, not expired.
    expect((await manager.getUser())?.access_token).toBe('eyJ.access.token');
  });

  it('is nobody once the token has expired, as the library counts it', async () => {
    const storage = memoryStorage();
    const now = 1_800_000_000;
    await storeThroughLibrary(storage, now);
    expect(storedUser(config, storage, now)).toBeNull();
    expect(storedUser(config, storage, now + 0.5)).toBeNull();
    expect(storedUser(config, storage, now - 1)).not.toBeNull();
    // Against the real clock, as the shell reads it: the library's verdict and ours agree.
    const real = Math.floor(Date.now() / 1000);
    const gone = await storeThroughLibrary(memoryStorage(), real - 5);
    expect(gone.user.expired).toBe(true);
    expect(storedUser(config, { getItem: () => gone.user.toStorageString() })).toBeNull();
    const fresh = await storeThroughLibrary(memoryStorage(), real + 600);
    expect(fresh.user.expired).toBe(false);
    expect(storedUser(config, { getItem: () => fresh.user.toStorageString() })?.accessToken).toBe(
      'eyJ.access.token',
    );
  });

  it('is nobody for another issuer or client, or when the stored text is not a user', async () => {
    const storage = memoryStorage();
    const now = 1_800_000_000;
    await storeThroughLibrary(storage, now + 600);
    expect(storedUser({ ...config, clientId: 'other' }, storage, now)).toBeNull();
    expect(storedUser({ ...config, issuer: 'http://127.0.0.1:9999' }, storage, now)).toBeNull();
    for (const text of [
      'not json',
      'null',
      '42',
      '{"access_token":""}',
      '{"access_token":7}',
      // An expiry that is not a number: the library never writes one (it counts null as expired).
      '{"access_token":"t","expires_at":null}',
      '{"access_token":"t","expires_at":"2000000000"}',
    ]) {
      storage.setItem(userStorageKey(config), text);
      expect(storedUser(config, storage, now), text).toBeNull();
    }
    // A storage that refuses to be read (a browser's privacy setting) is nobody signed in.
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(storedUser(config, refusing, now)).toBeNull();
    // Without an expiry at all the library's user is not expired; neither is ours.
    storage.setItem(userStorageKey(config), '{"access_token":"t"}');
    expect(storedUser(config, storage, now)).toEqual({ accessToken: 't', expiresAt: null });
  });

  it('is forgotten when the shell signs out without the library', async () => {
    const storage = memoryStorage();
    const now = 1_800_000_000;
    await storeThroughLibrary(storage, now + 600);
    forgetStoredUser(config, storage);
    expect(storedUser(config, storage, now)).toBeNull();
  });
});
