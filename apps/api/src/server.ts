/**
 * The API process: /healthz, /readyz and /graphql on the public port; /metrics on a port of its own.
 * Errors outside GraphQL are JSON in the API's shape (`http-errors.ts`). One request, end to end
 * (docs/architecture.md, "One request"), a file per step:
 * `http/graphql-route.ts` (limits, token, response) → `request-transaction.ts` (BEGIN with
 * `actor.ts`, `context.ts`, `idempotency.ts`, the operation on `apollo.ts`, the rollback rule, the
 * access log with COMMIT). Background timers: `background.ts`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Server } from 'node:http';
import { closePrismaClient, createPrismaClient, type PrismaClient, poolOf, poolTimeouts } from '@ips/db';
import { osloDay } from '@ips/domain';
import { trace } from '@opentelemetry/api';
import express from 'express';
import pg from 'pg';
import pino, { type Logger } from 'pino';
import { startApollo } from './apollo.js';
import { TokenVerifier } from './auth.js';
import { startBackgroundTimers } from './background.js';
import type { ApiConfig } from './config.js';
import { graphqlRoute } from './http/graphql-route.js';
import { rateLimiter } from './http/rate-limit.js';
import { loadManifest } from './http/trusted-documents.js';
import { errorHandler, methodNotAllowed, notFound } from './http-errors.js';
import { createMetrics, type Metrics } from './metrics.js';
import { startTracing } from './tracing.js';

export interface Api {
  app: express.Express;
  prisma: PrismaClient;
  metrics: Metrics;
  /** Starts the public port and, when metrics are on, the metrics port (`metricsUrl`). */
  listen(): Promise<{ server: Server; url: string; metricsUrl: string | null }>;
  stop(): Promise<void>;
}

interface ApiOptions {
  logger?: Logger;
  onQuery?: (sql: string) => void;
  /** The application's clock (tests drive deadlines through time with it; never from a request). */
  clock?: () => Date;
  /**
   * BENCHMARK ONLY (packages/bench, "security layers off"): skip the token's signature check
   * (the subject is read from the unverified token), graphql-armor's limits, the CASL ability
   * (allow everything, no field checks) and the access log. Never read from the environment, and
   * refused when the configuration or NODE_ENV says production. Row-level security is not
   * switched here: the benchmark prices it by connecting as a role that bypasses it.
   */
  benchmarkOnlyWithoutSecurity?: boolean;
}

export async function createApi(config: ApiConfig, options: ApiOptions = {}): Promise<Api> {
  const insecure = options.benchmarkOnlyWithoutSecurity === true;
  if (insecure && (config.production || process.env.NODE_ENV === 'production')) {
    throw new Error('benchmarkOnlyWithoutSecurity is for the benchmark only and refused in production');
  }
  // Before anything is opened: a bad manifest stops the start (ADR 0023).
  const trustedDocuments = config.trustedDocuments ? loadManifest(config.trustedDocuments) : null;
  const log = options.logger ?? pino({ level: config.logLevel, base: { service: 'ips-api' } });
  // Before anything that may trace; without an endpoint the API's tracer is a no-op.
  const tracing = config.tracing ? startTracing(config.tracing) : null;
  const { pool, prisma } = openDatabase(config, log, options.onQuery);
  const metrics = metricsFor(config, log, pool, prisma, options.clock);
  // The request id of the request being served, for error formatting (concurrency-safe).
  const requestIds = new AsyncLocalStorage<string>();
  const apollo = await startApollo({ config, log, metrics, requestIds, insecure });
  const handleGraphQL = graphqlRoute({
    log,
    verifier: TokenVerifier.fromPool(pool, config.clockToleranceSeconds),
    perUser: rateLimiter(config.rateLimitPerMinute),
    // Requests without a valid token, per client address: counted on each 401, refused with a 429
    // before the token is looked at once over the limit (a flood of bad tokens costs no verification).
    perAddress: rateLimiter(config.unauthenticatedRateLimitPerMinute),
    requestIds,
    prisma,
    apollo,
    tracer: trace.getTracer('ips-api'),
    config,
    clock: options.clock,
    insecure,
    trustedDocuments,
  });
  const app = publicApp(config, log, metrics, pool, handleGraphQL);
  const timers = startBackgroundTimers(pool, config, log);
  const servers = new Servers();
  return {
    app,
    prisma,
    metrics,
    listen: async () => {
      const url = await servers.listen(app, config.port, config.host);
      const server = servers.last();
      const metricsUrl = config.metrics
        ? await servers
            .listen(metricsOnlyApp(log, metrics), config.metricsPort, config.metricsHost)
            .catch((error: unknown) => {
              server.close();
              throw error;
            })
        : null;
      return { server, url, metricsUrl };
    },
    stop: async () => {
      timers.stop();
      await servers.closeAll();
      await apollo.stop();
      await closePrismaClient(prisma);
      await pool.end();
      await tracing?.shutdown();
    },
  };
}

/** The API's own small pool (readiness, metrics, token keys, timers) and Prisma's pool. */
function openDatabase(config: ApiConfig, log: Logger, onQuery?: (sql: string) => void) {
  const pool = new pg.Pool({
    connectionString: config.appDatabaseUrl,
    max: 4,
    ...poolTimeouts(config.dbAcquireTimeoutMs, config.dbStatementTimeoutMs),
  });
  // An idle connection closed by the server (restart, failover, terminated session) must not crash
  // the process: the pool drops it and the next query opens a fresh one.
  pool.on('error', (error) =>
    log.warn(
      { error: { name: error.name, code: (error as { code?: string }).code } },
      'idle database connection lost',
    ),
  );
  const prisma = createPrismaClient({
    connectionString: config.appDatabaseUrl,
    max: config.dbPoolSize,
    acquireTimeoutMs: config.dbAcquireTimeoutMs,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    onQuery,
  });
  return { pool, prisma };
}

function metricsFor(config: ApiConfig, log: Logger, pool: pg.Pool, prisma: PrismaClient, clock?: () => Date) {
  const prismaPool = poolOf(prisma);
  return createMetrics({
    pools: [
      { name: 'api', pool, max: 4 },
      ...(prismaPool ? [{ name: 'prisma', pool: prismaPool, max: config.dbPoolSize }] : []),
    ],
    overdue: async () => {
      const { rows } = await pool.query<{ organization_id: string; overdue: string }>(
        'SELECT organization_id, overdue FROM app.overdue_deadlines_per_organization($1::date)',
        [osloDay(clock?.() ?? new Date())],
      );
      return rows.map((r) => ({ organizationId: r.organization_id, overdue: Number(r.overdue) }));
    },
    onError: (error) =>
      log.warn(
        { error: { name: (error as Error)?.name, code: (error as { code?: string })?.code } },
        'metrics',
      ),
  });
}

/** The public port: health, readiness and /graphql; anything else a JSON 404/405. */
function publicApp(
  config: ApiConfig,
  log: Logger,
  metrics: Metrics,
  pool: pg.Pool,
  handleGraphQL: express.RequestHandler,
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Who the client is (the per-address limit): the socket's address, or behind trusted proxies the
  // address they forwarded (API_TRUST_PROXY).
  app.set('trust proxy', config.trustProxy);
  app.use(metrics.middleware);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await pool.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.post('/graphql', express.json({ limit: '100kb' }), handleGraphQL);
  app.get('/graphql', handleGraphQL);
  app.all('/graphql', methodNotAllowed(['GET', 'POST']));
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}

/** Metrics are served on a port of their own (API_METRICS_PORT), never on the public one. */
function metricsOnlyApp(log: Logger, metrics: Metrics): express.Express {
  const metricsApp = express();
  metricsApp.disable('x-powered-by');
  metricsApp.get('/metrics', (req, res) => void metrics.handler(req, res));
  metricsApp.use(notFound);
  metricsApp.use(errorHandler(log));
  return metricsApp;
}

/** The process's listening servers, closed together on stop. */
class Servers {
  private readonly servers: Server[] = [];

  listen(handler: express.Express, port: number, host: string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const s = handler.listen(port, host, () => {
        this.servers.push(s);
        const address = s.address();
        const bound = typeof address === 'object' && address ? address.port : port;
        resolve(`http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
      });
      s.once('error', reject);
    });
  }

  last(): Server {
    return this.servers[this.servers.length - 1] as Server;
  }

  async closeAll(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  }
}
