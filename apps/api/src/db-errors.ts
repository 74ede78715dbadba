/**
 * "The database is away or busy" — as opposed to a bug: connection refused or cut (restart,
 * failover), no connection free within the acquire timeout, a statement cancelled by its timeout.
 * Such requests fail fast with 503 DATABASE_UNAVAILABLE and Retry-After, so clients retry (with
 * their idempotency key) instead of reporting a server error.
 */

/** PostgreSQL error classes: 08 connection exception, 53 insufficient resources, 57 operator intervention. */
const PG_CODES = /^(08|53|57P0|57014|25P03)/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** Prisma: can't reach, timed out, closed, pool timeout, transaction could not start or timed out. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const KINDS =
  /ConnectionClosed|SocketTimeout|DatabaseNotReachable|TooManyConnections|TransactionAlreadyClosed/;
const MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connection error|Query read timeout|terminating connection|the database system is (starting up|shutting down)|Unable to start a transaction|Transaction already closed|canceling statement due to statement timeout/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    originalCode?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : typeof e.originalCode === 'string' ? e.originalCode : '';
  if (code && (PG_CODES.test(code) || NODE_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  if (typeof e.kind === 'string' && KINDS.test(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (error instanceof AggregateError && error.errors.some((x) => isDatabaseUnavailable(x, depth + 1)))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
