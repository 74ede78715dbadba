/**
 * Idempotency keys (ADR 0013): a mutation sent with an `Idempotency-Key` runs once per user and key;
 * a retry (after a timeout, a lost response, a database restart) gets the first response back
 * instead of a second write, and the same key with a different request is refused (422). The key's
 * row is written in the request's own transaction, so it exists exactly when the mutation committed.
 */
import { createHash } from 'node:crypto';
import type { TransactionClient } from '@ips/db';

/** `Idempotency-Key` on a mutation: 8–128 characters a client can generate (a UUID, a ULID …). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** What identifies "the same request" under one key. */
export function requestHash(
  body: { query?: unknown; operationName?: unknown; variables?: unknown } | undefined,
) {
  return createHash('sha256')
    .update(JSON.stringify([body?.query, body?.operationName ?? null, body?.variables ?? null]))
    .digest('hex');
}

export type Replay = { status: number; body: string } | 'conflict';

/**
 * Claims the key for this request. Returns undefined when this request is the first (run it), or
 * what to answer instead: the first response, or 'conflict' when the key was used for another
 * request (or the first has not produced a response). A concurrent first request holds the key's
 * row: the insert waits for its outcome.
 */
export async function claimKey(
  tx: TransactionClient,
  userId: string,
  key: string,
  hash: string,
): Promise<Replay | undefined> {
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO idempotency_key ("userId", key, "requestHash") VALUES ($1::uuid, $2, $3) ON CONFLICT DO NOTHING`,
    userId,
    key,
    hash,
  );
  if (inserted > 0) return undefined;
  const [first] = await tx.$queryRawUnsafe<
    { requestHash: string; status: number | null; response: string | null }[]
  >(
    `SELECT "requestHash", status, response FROM idempotency_key WHERE "userId" = $1::uuid AND key = $2`,
    userId,
    key,
  );
  return first?.requestHash === hash && first.response !== null
    ? { status: first.status ?? 200, body: first.response }
    : 'conflict';
}

/** Keeps the response with the key, in the same transaction as the mutation. */
export async function storeResponse(
  tx: TransactionClient,
  userId: string,
  key: string,
  status: number,
  body: string,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE idempotency_key SET status = $3, response = $4 WHERE "userId" = $1::uuid AND key = $2`,
    userId,
    key,
    status,
    body,
  );
}
