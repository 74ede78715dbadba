/**
 * The provider's signing key and cookie keys, kept in a git-ignored file so that tokens and
 * sessions survive restarts. Created on first start (RS256, 2048 bits); never used outside
 * development and tests.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** `<repo>/.data/dev-oidc-jwks.json` (`.data/` is git-ignored). */
export const DEFAULT_KEY_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '.data',
  'dev-oidc-jwks.json',
);

export interface DevOidcKeys {
  /** Private signing keys (JWK), the first one signs. */
  keys: JWK[];
  /** Keys for signed cookies (keygrip). */
  cookieKeys: string[];
}

function isKeys(value: unknown): value is DevOidcKeys {
  const v = value as Partial<DevOidcKeys> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.keys) &&
    v.keys.length > 0 &&
    v.keys.every((k) => typeof k === 'object' && k !== null && k.kty === 'RSA' && typeof k.d === 'string') &&
    Array.isArray(v.cookieKeys) &&
    v.cookieKeys.length > 0 &&
    v.cookieKeys.every((k) => typeof k === 'string' && k.length >= 16)
  );
}

async function readKeys(file: string): Promise<DevOidcKeys> {
  const text = await readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isKeys(parsed)) {
    throw new Error(`${file} is not a valid dev-oidc key file: delete it and a new one is created on start.`);
  }
  return parsed;
}

async function generateKeys(): Promise<DevOidcKeys> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }],
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

/** Reads the key file, or creates it (mode 0600) when it does not exist yet. */
export async function loadOrCreateKeys(file: string = DEFAULT_KEY_FILE): Promise<DevOidcKeys> {
  try {
    return await readKeys(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = await generateKeys();
  await mkdir(dirname(file), { recursive: true });
  // Written in full under a temporary name, then linked into place: `link` fails if the file
  // exists, so two processes starting at once end up with one key (whoever linked first).
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(temporary, file);
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeys(file);
  } finally {
    await unlink(temporary).catch(() => {});
  }
}
