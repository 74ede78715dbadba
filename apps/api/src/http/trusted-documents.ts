/**
 * Trusted documents (ADR 0023, step 3): a manifest of the GraphQL documents the admin may send,
 * each under the SHA-256 (hex) of its text. A client may send the hash alone
 * (`extensions.persistedQuery.sha256Hash`, as Apollo's persisted queries), and the API fills the
 * document in from the manifest. With `trustedDocumentsOnly` (on by default in production when a
 * manifest is configured) any other document is refused before the request's transaction opens:
 * 400 with the typed code `UNTRUSTED_DOCUMENT` (or `PERSISTED_QUERY_NOT_FOUND` for an unknown
 * hash), never a 5xx, and no database work.
 *
 * Manifest file (JSON): `{ "format": "ips-trusted-documents/1", "documents": { "<sha256>": "<document>" } }`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const MANIFEST_FORMAT = 'ips-trusted-documents/1';

/** The SHA-256 (hex) of a document's text, as the manifest keys it. */
export const documentHash = (document: string): string => createHash('sha256').update(document).digest('hex');

/** A manifest that cannot be used: the API does not start. */
export class TrustedDocumentsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustedDocumentsError';
  }
}

/** Reads and checks a manifest: its format, and every document under its own hash. */
export function loadManifest(path: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TrustedDocumentsError(
      `the trusted-documents manifest cannot be read: ${(error as Error).name}`,
    );
  }
  const manifest = parsed as { format?: unknown; documents?: unknown };
  if (manifest?.format !== MANIFEST_FORMAT || typeof manifest.documents !== 'object' || !manifest.documents) {
    throw new TrustedDocumentsError(`the trusted-documents manifest is not in the format ${MANIFEST_FORMAT}`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest.documents)) {
    if (typeof document !== 'string' || documentHash(document) !== hash) {
      throw new TrustedDocumentsError(
        `the trusted-documents manifest lists a document under a wrong hash (${hash})`,
      );
    }
    documents.set(hash, document);
  }
  return documents;
}

export type TrustedDocumentOutcome =
  | { ok: true }
  | { ok: false; code: 'UNTRUSTED_DOCUMENT' | 'PERSISTED_QUERY_NOT_FOUND'; message: string };

/**
 * Checks one request's document against the manifest; fills a hash-only POST body's `query` in
 * place. `documents` null: no manifest (everything passes, as before).
 */
export function checkTrustedDocument(
  documents: Map<string, string> | null,
  only: boolean,
  body: unknown,
  search: string,
): TrustedDocumentOutcome {
  if (!documents) return { ok: true };
  const request = (body && typeof body === 'object' ? body : undefined) as
    | { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } }
    | undefined;
  const hash = request?.extensions?.persistedQuery?.sha256Hash;
  if (request && request.query === undefined && typeof hash === 'string') {
    const known = documents.get(hash);
    if (known === undefined) {
      return {
        ok: false,
        code: 'PERSISTED_QUERY_NOT_FOUND',
        message: 'This document is not known to the API',
      };
    }
    request.query = known;
    // The document is now sent whole: Apollo's own persisted-query handling has nothing to do.
    delete request.extensions?.persistedQuery;
    return { ok: true };
  }
  if (!only) return { ok: true };
  // The document from where Apollo takes it: the body of a POST, the address of a GET.
  const query = request ? request.query : (new URLSearchParams(search).get('query') ?? undefined);
  if (typeof query === 'string' && documents.has(documentHash(query))) return { ok: true };
  return {
    ok: false,
    code: 'UNTRUSTED_DOCUMENT',
    message: 'Only the documents the admin was built with are accepted',
  };
}
