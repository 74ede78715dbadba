/**
 * The trusted-documents manifest (ADR 0023 step 3) holds every document the admin sends, exactly
 * as its urql client sends it. Every `graphql()` document of the shell, the micro-frontends and
 * this package is recorded as its module loads, then sent through the admin's own client
 * (`createApiClient`: graphcache adds `__typename`) with a fetch that keeps each body's `query`.
 * Fails when the manifest (`apps/api/trusted-documents.json`) misses one; `pnpm --filter @ips/ui
 * run trusted-documents` adds them (keeping earlier releases' documents for open browsers;
 * `trusted-documents:prune` drops those).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client.js';
import { SESSION_DOCUMENT } from './session.js';

const recorded: unknown[] = [];
vi.mock('./graphql.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./graphql.js')>();
  const recording = ((...args: Parameters<typeof original.graphql>) => {
    const document = original.graphql(...args);
    recorded.push(document);
    return document;
  }) as typeof original.graphql;
  Object.assign(recording, original.graphql);
  return { ...original, graphql: recording };
});

const MANIFEST = new URL('../../../apps/api/trusted-documents.json', import.meta.url);
const FORMAT = 'ips-trusted-documents/1';
/** Entry points that render into the page as they load; they hold no documents of their own. */
const ENTRY_POINTS = /\/(standalone|standalone-app|main|bootstrap)\.tsx?$/;

const modules = import.meta.glob(
  [
    '../../../apps/mf-*/src/**/*.{ts,tsx}',
    '../../../apps/admin-shell/src/**/*.{ts,tsx}',
    './**/*.{ts,tsx}',
    '!**/*.test.{ts,tsx}',
    '!./generated/**',
  ],
  {},
);

interface DocumentLike {
  definitions: readonly { kind: string; operation?: string }[];
}

/** The bodies' `query` texts the admin's client sends for each recorded operation. */
async function sentTexts(): Promise<string[]> {
  const sent: string[] = [];
  const client = createApiClient({
    url: 'http://api.invalid/graphql',
    token: () => 'token',
    organizationId: () => null,
    fetch: async (_url, init) => {
      sent.push((JSON.parse(String(init?.body)) as { query: string }).query);
      return new Response(JSON.stringify({ data: null }), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  for (const document of recorded as DocumentLike[]) {
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    if (!operation) continue;
    const run = operation.operation === 'mutation' ? client.mutation : client.query;
    // biome-ignore lint/suspicious/noExplicitAny: any recorded document, any variables
    await run.call(client, document as any, {}, { requestPolicy: 'network-only' }).toPromise();
  }
  return [...new Set(sent)];
}

describe('the trusted-documents manifest', () => {
  it('lists exactly the documents the admin sends', { timeout: 240_000 }, async () => {
    for (const [path, load] of Object.entries(modules)) {
      if (ENTRY_POINTS.test(path)) continue;
      await load();
    }
    // The client's documents, and the shell's session read (a plain text sent with `fetch`).
    const texts = [...(await sentTexts()), SESSION_DOCUMENT];
    expect(texts.length).toBeGreaterThan(20);
    const documents = Object.fromEntries(
      texts
        .map((t) => [createHash('sha256').update(t).digest('hex'), t] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    const read = () =>
      JSON.parse(readFileSync(MANIFEST, 'utf8')) as { format: string; documents: Record<string, string> };
    if (process.env.WRITE_TRUSTED_DOCUMENTS === '1') {
      // Documents of earlier releases are kept (a browser still running the previous admin keeps
      // working through a rollout); `trusted-documents:prune` writes only today's. The API's test
      // checks every kept one is still valid against the schema.
      const kept = process.env.TRUSTED_DOCUMENTS_PRUNE === '1' ? {} : read().documents;
      const all = Object.fromEntries(
        Object.entries({ ...kept, ...documents }).sort(([a], [b]) => a.localeCompare(b)),
      );
      writeFileSync(MANIFEST, `${JSON.stringify({ format: FORMAT, documents: all }, null, 2)}\n`);
    }
    const manifest = read();
    expect(manifest.format).toBe(FORMAT);
    const missing = Object.keys(documents).filter((h) => !(h in manifest.documents));
    expect(
      missing.map((h) => documents[h]?.slice(0, 80)),
      'run `pnpm --filter @ips/ui run trusted-documents` to add them to apps/api/trusted-documents.json',
    ).toEqual([]);
  });
});
