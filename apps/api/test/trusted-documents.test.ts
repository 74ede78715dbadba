/**
 * Trusted documents (ADR 0023 step 3) over real HTTP: with a manifest in production mode, a known
 * document runs (sent whole or by its hash alone), an unknown one is refused with a typed 400 and
 * no 5xx; a manifest with a document under a wrong hash stops the start; without the switch
 * (development) an unknown document still runs; every document of the admin's manifest is valid
 * against today's schema.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { documentHash, loadManifest, MANIFEST_FORMAT } from '../src/http/trusted-documents.js';
import { type Api, createApi } from '../src/server.js';
import { type Stack, startStack, userWith } from './harness.js';

const KNOWN = 'query Me {\n  me {\n    id\n  }\n}';
const dir = mkdtempSync(join(tmpdir(), 'ips-trusted-'));
const manifestPath = join(dir, 'manifest.json');
writeFileSync(
  manifestPath,
  JSON.stringify({ format: MANIFEST_FORMAT, documents: { [documentHash(KNOWN)]: KNOWN } }),
);

let stack: Stack;
const apis: Api[] = [];
let token: string;

async function start(env: Record<string, string>) {
  const api = await createApi(
    readConfig(env, { appDatabaseUrl: stack.db.appUrl, port: 0, metricsPort: 0, sealIntervalMs: 0 }),
    { logger: pino({ level: 'silent' }) },
  );
  apis.push(api);
  return (await api.listen()).url;
}

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  token = await stack.issuer.sign((await userWith(stack.admin, 'JOB_SPECIALIST')).email);
});
afterAll(async () => {
  for (const api of apis) await api.stop();
  await stack?.close();
});

const post = (url: string, body: unknown) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const codeOf = async (res: Response) =>
  ((await res.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

describe('trusted documents', () => {
  it('in production with a manifest: known documents run, others are refused with a typed 400', async () => {
    const config = readConfig(
      { NODE_ENV: 'production', API_TRUSTED_DOCUMENTS: manifestPath },
      { appDatabaseUrl: 'postgres://u@localhost/x' },
    );
    expect(config.trustedDocumentsOnly).toBe(true);
    const url = await start({ NODE_ENV: 'production', API_TRUSTED_DOCUMENTS: manifestPath });

    const known = await post(url, { query: KNOWN });
    expect(known.status).toBe(200);
    expect(((await known.json()) as { data?: { me?: { id?: string } } }).data?.me?.id).toBeTruthy();

    const byHash = await post(url, {
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(KNOWN) } },
    });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as { data?: { me?: { id?: string } } }).data?.me?.id).toBeTruthy();

    for (const query of ['{ me { id } }', 'query Me { me { id email } }', KNOWN.replace('id', 'id ')]) {
      const refused = await post(url, { query });
      expect(refused.status).toBe(400);
      expect(await codeOf(refused)).toBe('UNTRUSTED_DOCUMENT');
    }
    const unknownHash = await post(url, {
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHash('{ me { id } }') } },
    });
    expect(unknownHash.status).toBe(400);
    expect(await codeOf(unknownHash)).toBe('PERSISTED_QUERY_NOT_FOUND');

    // Whatever the body, no 5xx.
    for (const body of [{}, { query: 42 }, { extensions: { persistedQuery: { sha256Hash: 7 } } }, []]) {
      const res = await post(url, body);
      expect(res.status).toBeLessThan(500);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    // A POST's document is its body's: a known one in the address vouches for no other body.
    const mixed = await fetch(`${url}/graphql?query=${encodeURIComponent(KNOWN)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: null }),
    });
    expect(mixed.status).toBe(400);
    expect(await codeOf(mixed)).toBe('UNTRUSTED_DOCUMENT');
    const get = await fetch(`${url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(await codeOf(get)).toBe('UNTRUSTED_DOCUMENT');
  });

  it('in development the switch is off unless turned on: unknown documents still run', async () => {
    const url = await start({ API_TRUSTED_DOCUMENTS: manifestPath });
    expect((await post(url, { query: '{ me { id } }' })).status).toBe(200);
    const onUrl = await start({ API_TRUSTED_DOCUMENTS: manifestPath, API_TRUSTED_DOCUMENTS_ONLY: 'on' });
    expect(await codeOf(await post(onUrl, { query: '{ me { id } }' }))).toBe('UNTRUSTED_DOCUMENT');
    expect((await post(onUrl, { query: KNOWN })).status).toBe(200);
  });

  it('refuses to start with a manifest that lists a document under a wrong hash, or none at all', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: MANIFEST_FORMAT, documents: { [documentHash('{ x }')]: KNOWN } }),
    );
    await expect(start({ API_TRUSTED_DOCUMENTS: bad })).rejects.toThrow(/wrong hash/);
    expect(() =>
      readConfig({ APP_DATABASE_URL: 'postgres://u@localhost/x', API_TRUSTED_DOCUMENTS_ONLY: 'on' }),
    ).toThrow(/API_TRUSTED_DOCUMENTS/);
  });

  it("loads the admin's manifest (apps/api/trusted-documents.json): every document under its own hash", () => {
    const documents = loadManifest(new URL('../trusted-documents.json', import.meta.url).pathname);
    expect(documents.size).toBeGreaterThan(20);
    expect([...documents.values()].some((d) => d.startsWith('query JobSeekerPage('))).toBe(true);
  });

  it("every document in the admin's manifest, earlier releases' included, is valid against today's schema", () => {
    const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    const documents = loadManifest(new URL('../trusted-documents.json', import.meta.url).pathname);
    const invalid = [...documents]
      .filter(([, d]) => validate(schema, parse(d)).length > 0)
      .map(([h, d]) => `${h.slice(0, 12)} ${d.slice(0, 60)}`);
    expect(invalid, 'run `pnpm --filter @ips/ui run trusted-documents:prune`').toEqual([]);
    // The check can fail: a document asking for a field the schema lacks.
    expect(validate(schema, parse('query X { me { noSuchField } }')).length).toBeGreaterThan(0);
  });
});
