/**
 * Fewer round trips per request (ADR 0014). Prisma opens an interactive transaction with `BEGIN` and
 * ends it with `COMMIT`, each a round trip of its own. A request that knows, before it starts, what
 * its first statement must be (the actor lookup and the settings row-level security reads) and,
 * before it ends, what its last must be (the access log) hands them to the pool here; the pool then
 * sends `BEGIN; <first>` and `<last>; COMMIT` as one simple-protocol message each.
 *
 * Only literal SQL (no parameters) can ride along: the simple protocol has none. Callers build it
 * with `pg.escapeLiteral` / `sqlLiteral` from values they validated.
 *
 * Safe by construction:
 * - Nothing rides along unless the request asked for it (the async context carries the request).
 * - The first statement's rows are handed back; a request that finds no rows where it expected some
 *   (the pipeline not engaged) does the work itself, as before.
 * - If the statement before `COMMIT` fails, the transaction is rolled back on that connection before
 *   the error goes back to Prisma, so no connection returns to the pool inside a failed transaction.
 * - A `BEGIN` on a connection still inside a transaction (given back aborted or open by a request cut
 *   off between a cancelled statement and Prisma's own transaction timeout) is preceded by a
 *   `ROLLBACK`: no request runs inside another's transaction. Costs a round trip only then.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

export interface RequestPipeline {
  /** SQL (literals only) to send in the same message as the transaction's `BEGIN`. */
  withBegin?: string;
  /** The rows of the last statement sent with `BEGIN` (set when it ran). */
  beginRows?: Record<string, unknown>[];
  /** SQL (literals only) to send in the same message as the transaction's `COMMIT`. */
  beforeCommit?: string;
}

export const requestPipeline = new AsyncLocalStorage<RequestPipeline>();

type Query = (...args: unknown[]) => Promise<unknown> | unknown;

/** A SQL literal for a value (strings are escaped; null is NULL). */
export function sqlLiteral(value: string | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : pg.escapeLiteral(value);
}

/**
 * Wraps a pooled client's `query` so that `BEGIN` and `COMMIT` carry the request's pipelined SQL.
 * Any other call goes through unchanged.
 */
export function pipelineQuery(query: Query, transactionStatus?: () => string | null): Query {
  const piped = pipelined(query);
  return (...args: unknown[]) => {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    // 'I' idle, 'T' in a transaction, 'E' in a failed one (pg's ReadyForQuery status).
    const status = text === 'BEGIN' ? transactionStatus?.() : null;
    if (status === 'T' || status === 'E') {
      return Promise.resolve(query('ROLLBACK')).then(() => piped(...args));
    }
    return piped(...args);
  };
}

function pipelined(query: Query): Query {
  return (...args: unknown[]) => {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    if (text !== 'BEGIN' && text !== 'COMMIT') return query(...args);
    const pipeline = requestPipeline.getStore();
    if (text === 'BEGIN' && pipeline?.withBegin) {
      const sql = pipeline.withBegin;
      pipeline.withBegin = undefined;
      return (query(`BEGIN;\n${sql}`) as Promise<pg.QueryResult | pg.QueryResult[]>).then((results) => {
        const all = Array.isArray(results) ? results : [results];
        pipeline.beginRows = all.at(-1)?.rows ?? [];
        return all[0];
      });
    }
    if (text === 'COMMIT' && pipeline?.beforeCommit) {
      const sql = pipeline.beforeCommit;
      pipeline.beforeCommit = undefined;
      return (query(`${sql};\nCOMMIT`) as Promise<pg.QueryResult | pg.QueryResult[]>).then(
        (results) => {
          const all = Array.isArray(results) ? results : [results];
          return all.at(-1);
        },
        async (error: unknown) => {
          // The statement before COMMIT failed: the transaction is aborted and COMMIT never ran.
          await Promise.resolve(query('ROLLBACK')).catch(() => {});
          throw error;
        },
      );
    }
    return query(...args);
  };
}
