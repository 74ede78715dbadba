/** Is a GraphQL request a mutation? Known before the transaction opens (idempotency, the rollback rule). */
import { getOperationAST, parse } from 'graphql';

/** The most tokens a GraphQL document may have (graphql-js stops parsing beyond: a 400). */
export const MAX_TOKENS = 2000;

/** Operation kind per (document, operation name): clients send the same few documents again and again. */
const operationKinds = new Map<string, boolean>();

export function isMutation(body: unknown, search: string): boolean {
  const query =
    (body as { query?: unknown } | undefined)?.query ?? new URLSearchParams(search).get('query') ?? undefined;
  if (typeof query !== 'string') return false;
  const name = (body as { operationName?: string } | undefined)?.operationName;
  const key = `${name ?? ''}\u0000${query}`;
  const known = operationKinds.get(key);
  if (known !== undefined) return known;
  let mutation = false;
  try {
    mutation = getOperationAST(parse(query, { maxTokens: MAX_TOKENS }), name)?.operation === 'mutation';
  } catch {
    return false;
  }
  if (operationKinds.size >= 1_000) operationKinds.clear();
  operationKinds.set(key, mutation);
  return mutation;
}
