/**
 * Prisma client factory. RLS reads two transaction-local settings (prisma/SQL-CONVENTIONS.md); the
 * API sets both with the first statement of each request's transaction (`apps/api/src/actor.ts`).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';
import { pipelineQuery } from './pipeline.js';

export type * from './generated/prisma/client.js';
export { Prisma } from './generated/prisma/client.js';
export { PrismaClient };

export interface CreateClientOptions {
  connectionString: string;
  /** Pool size of the underlying `pg` pool. */
  max?: number;
  /** Called with every SQL statement Prisma sends (tests count statements per request). */
  onQuery?: (sql: string) => void;
  /** How long a caller waits for a pooled connection (or a new one) before an error, in ms. */
  acquireTimeoutMs?: number;
  /** The server cancels a statement running longer than this, in ms (0 = no limit). */
  statementTimeoutMs?: number;
}

export function createPrismaClient({
  connectionString,
  max = 10,
  onQuery,
  acquireTimeoutMs = 5_000,
  statementTimeoutMs = 15_000,
}: CreateClientOptions): PrismaClient {
  const pool = new pg.Pool({ connectionString, max, ...poolTimeouts(acquireTimeoutMs, statementTimeoutMs) });
  // An idle connection closed by the server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    const c = client as unknown as { query: (...args: unknown[]) => unknown };
    // Looked up on every call, so a wrapper installed on pg's prototype later (a statement counter)
    // still sees these clients.
    const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
    const base = (...args: unknown[]) => proto.query.apply(client, args);
    // Count at the driver: every message on the wire, BEGIN and COMMIT included (a BEGIN or COMMIT
    // carrying the request's pipelined SQL is one message, counted once).
    const counted = onQuery
      ? (...args: unknown[]) => {
          const first = args[0];
          onQuery(typeof first === 'string' ? first : String((first as { text?: string })?.text ?? ''));
          return base(...args);
        }
      : base;
    const status = client as unknown as { getTransactionStatus?: () => string | null };
    c.query = pipelineQuery(counted as never, () => status.getTransactionStatus?.() ?? null);
  });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool as never, {
      statementNameGenerator: process.env.IPS_PREPARED_STATEMENTS === '0' ? undefined : statementNameFor,
    }),
  });
  pools.set(client, pool);
  return client;
}

/**
 * Names for Prisma's statements, so each connection parses and plans a statement once and then only
 * binds and executes it (ADR 0014). One name per distinct SQL text, never reused for another text;
 * past the cap, new texts go unnamed (statements built with values inlined must not grow the
 * server's per-connection cache without bound).
 */
const statementNames = new Map<string, string>();
export function statementNameFor(query: { sql: string }): string {
  let name = statementNames.get(query.sql);
  if (name === undefined) {
    if (statementNames.size >= 2_000) return undefined as unknown as string;
    name = `ips_${statementNames.size.toString(36)}`;
    statementNames.set(query.sql, name);
  }
  return name;
}

/**
 * Bounds for a pool: waiting for a connection, a statement on the server, and a transaction left
 * idle (a stuck client must not hold locks). Nothing waits forever when the database is away.
 */
export function poolTimeouts(acquireTimeoutMs: number, statementTimeoutMs: number): pg.PoolConfig {
  return {
    connectionTimeoutMillis: acquireTimeoutMs,
    ...(statementTimeoutMs > 0
      ? {
          statement_timeout: statementTimeoutMs,
          idle_in_transaction_session_timeout: statementTimeoutMs * 2,
          // Client side as well: a server that stops answering (a dead host) is not waited on.
          query_timeout: statementTimeoutMs + 5_000,
        }
      : {}),
  };
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** The `pg` pool a client was created with (for pool metrics). */
export function poolOf(client: PrismaClient): pg.Pool | undefined {
  return pools.get(client);
}

/** Disconnects the client and closes the pool it was created with. */
export async function closePrismaClient(client: PrismaClient): Promise<void> {
  await client.$disconnect();
  await pools.get(client)?.end();
}

export type TransactionClient = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
