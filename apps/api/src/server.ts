/**
 * HTTP: /healthz, /readyz and /graphql on the public port; /metrics on a port of its own. Errors
 * outside GraphQL are JSON in the API's shape (`http-errors.ts`). One request, end to end (architecture.md §2):
 * verify the access token → resolve the user for that issuer → one database transaction that sets
 * the RLS settings, builds the context and ability, runs the operation and writes the access log →
 * commit (or roll back a failed mutation, leaving nothing behind).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  closePrismaClient,
  createPrismaClient,
  type PrismaClient,
  poolOf,
  poolTimeouts,
  type RequestPipeline,
  requestPipeline,
  sqlLiteral,
} from '@ips/db';
import { osloDay } from '@ips/domain';
import { context as otelContext, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import express, { type Request, type Response } from 'express';
import { getOperationAST, parse } from 'graphql';
import { createTransport } from 'nodemailer';
import pg from 'pg';
import pino, { type Logger } from 'pino';
import { cleanAccessReason } from './access-reason.js';
import { AuthenticationError, TokenVerifier, unverifiedIdentity } from './auth.js';
import type { ApiConfig } from './config.js';
import { type Context, createContext, type SignedInUser } from './context.js';
import { isDatabaseUnavailable } from './db-errors.js';
import { formatError, isTooManyVariableErrors } from './errors.js';
import {
  apolloLogger,
  errorHandler,
  methodNotAllowed,
  notFound,
  requestIdOf,
  sendError,
} from './http-errors.js';
import { createMetrics, type Metrics } from './metrics.js';
import {
  deliverNavRetractions,
  deliverNavSupportPlans,
  deliverNotificationEmails,
  HttpNavCaseSystemAdapter,
} from './outbox.js';
import { type RequestOutcome, requestOutcome } from './request-outcome.js';
import { schema } from './schema/index.js';
import { startTracing } from './tracing.js';

export interface Api {
  app: express.Express;
  prisma: PrismaClient;
  metrics: Metrics;
  /** Starts the public port and, when metrics are on, the metrics port (`metricsUrl`). */
  listen(): Promise<{ server: Server; url: string; metricsUrl: string | null }>;
  stop(): Promise<void>;
}

class RollBack extends Error {}

interface ActorRow {
  user_id: string;
  platform_operator: boolean;
  memberships: SignedInUser['memberships'];
  teams: SignedInUser['teams'];
  /** What `app.org_ids` was set to (the organisations this request acts in). */
  org_ids: string;
}

/**
 * The statement that rides with the request's BEGIN: the user for this issuer and subject
 * (`app.resolve_actor`), and the two settings row-level security reads, set from the same row —
 * the organisations narrowed to the one the client asked for (`x-organization-id`), never widened.
 * Literals only (simple protocol); every value is escaped.
 */
function actorAndSettingsSql(
  identity: { issuer: string; subject: string },
  requestedOrganizationId?: string,
) {
  const requested = sqlLiteral(requestedOrganizationId ?? null);
  return `SELECT a.user_id, a.platform_operator, a.memberships, a.teams,
  set_config('app.user_id', a.user_id::text, true),
  set_config('app.org_ids', coalesce((SELECT string_agg(DISTINCT m ->> 'organizationId', ',')
    FROM jsonb_array_elements(a.memberships) m
    WHERE ${requested}::text IS NULL OR m ->> 'organizationId' = ${requested}::text), ''), true) AS org_ids
FROM app.resolve_actor(${sqlLiteral(identity.issuer)}, ${sqlLiteral(identity.subject)}) a`;
}

/** The most tokens a GraphQL document may have (graphql-js stops parsing beyond: a 400). */
const MAX_TOKENS = 2000;
/** `Idempotency-Key` on a mutation: 8–128 characters a client can generate (a UUID, a ULID …). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * A fixed-window rate limit per key (in memory, per instance). `hit` counts a request; `blocked`
 * only asks. Both answer the seconds until the window ends when the key is over the limit, else 0.
 */
function rateLimiter(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string, now: number) => {
    const w = windows.get(key);
    return w && now - w.start < 60_000 ? w : undefined;
  };
  const wait = (w: { start: number }, now: number) => Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000));
  return {
    hit(key: string): number {
      const now = Date.now();
      const w = current(key, now);
      if (!w) {
        if (windows.size >= 50_000) windows.clear();
        windows.set(key, { start: now, count: 1 });
        return 1 > perMinute ? 60 : 0;
      }
      w.count += 1;
      return w.count > perMinute ? wait(w, now) : 0;
    },
    blocked(key: string): number {
      const now = Date.now();
      const w = current(key, now);
      return w && w.count >= perMinute ? wait(w, now) : 0;
    },
  };
}

/** Operation kind per (document, operation name): clients send the same few documents again and again. */
const operationKinds = new Map<string, boolean>();

function isMutation(body: unknown, search: string): boolean {
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

export async function createApi(
  config: ApiConfig,
  options: {
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
  } = {},
): Promise<Api> {
  const insecure = options.benchmarkOnlyWithoutSecurity === true;
  if (insecure && (config.production || process.env.NODE_ENV === 'production')) {
    throw new Error('benchmarkOnlyWithoutSecurity is for the benchmark only and refused in production');
  }
  const log = options.logger ?? pino({ level: config.logLevel, base: { service: 'ips-api' } });
  // Before anything that may trace; without an endpoint the API's tracer is a no-op.
  const tracing = config.tracing ? startTracing(config.tracing) : null;
  const tracer = trace.getTracer('ips-api');
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
    onQuery: options.onQuery,
  });
  const prismaPool = poolOf(prisma);
  const metrics = createMetrics({
    pools: [
      { name: 'api', pool, max: 4 },
      ...(prismaPool ? [{ name: 'prisma', pool: prismaPool, max: config.dbPoolSize }] : []),
    ],
    overdue: async () => {
      const { rows } = await pool.query<{ organization_id: string; overdue: string }>(
        'SELECT organization_id, overdue FROM app.overdue_deadlines_per_organization($1::date)',
        [osloDay(options.clock?.() ?? new Date())],
      );
      return rows.map((r) => ({ organizationId: r.organization_id, overdue: Number(r.overdue) }));
    },
    onError: (error) =>
      log.warn(
        { error: { name: (error as Error)?.name, code: (error as { code?: string })?.code } },
        'metrics',
      ),
  });
  const verifier = TokenVerifier.fromPool(pool, config.clockToleranceSeconds);
  const perUser = rateLimiter(config.rateLimitPerMinute);
  // Requests without a valid token, per client address: counted on each 401, refused with a 429
  // before the token is looked at once over the limit (a flood of bad tokens costs no verification).
  const perAddress = rateLimiter(config.unauthenticatedRateLimitPerMinute);
  // The request id of the request being served, for error formatting (concurrency-safe).
  const requestIds = new AsyncLocalStorage<string>();

  // Limits as validation rules, reported by Apollo as GRAPHQL_VALIDATION_FAILED with a 400. Every
  // alias counts (armor lets `__typename` aliases through by default). The token limit is
  // graphql-js's own (`parseOptions.maxTokens`: GRAPHQL_PARSE_FAILED, a 400): armor's Apollo plugin
  // for it throws from a hook, which Apollo answers with a 500.
  const exposeLimits = !config.production;
  const armor = new ApolloArmor({
    maxDepth: { n: 12, exposeLimits, errorMessage: 'The query is nested too deep.' },
    costLimit: { maxCost: 5000, exposeLimits, errorMessage: 'The query is too costly.' },
    maxAliases: { n: 10, allowList: [], exposeLimits, errorMessage: 'The query has too many aliases.' },
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits, errorMessage: 'The query has too many directives.' },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: insecure ? undefined : MAX_TOKENS },
    logger: apolloLogger(log),
    // No HTTP caching of GraphQL answers (authorised POSTs), so no cache-control plugin: Apollo
    // would otherwise wrap every field's resolver to compute cache hints nobody reads.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ...(insecure ? [] : armor.plugins),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors }) {
              for (const e of errors)
                metrics.graphqlError(
                  String(
                    e.extensions?.code ??
                      (isTooManyVariableErrors(e.message) ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR'),
                  ),
                );
            },
          };
        },
      },
    ],
    validationRules: insecure ? [] : armor.validationRules,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        exposeDetails: config.exposeErrorDetails,
        requestId: () => requestIds.getStore(),
        log,
      }),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Who the client is (the per-address limit): the socket's address, or behind trusted proxies the
  // address they forwarded (API_TRUST_PROXY).
  app.set('trust proxy', config.trustProxy);
  app.use(metrics.middleware);
  // Metrics are served on a port of their own (API_METRICS_PORT), never on the public one.
  const metricsApp = express();
  metricsApp.disable('x-powered-by');
  metricsApp.get('/metrics', (req, res) => void metrics.handler(req, res));
  metricsApp.use(notFound);
  metricsApp.use(errorHandler(log));
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

  const tooManyRequests = (res: Response, requestId: string, retryAfterSeconds: number) => {
    res.setHeader('retry-after', String(retryAfterSeconds));
    return sendError(res, 429, 'RATE_LIMITED', 'Too many requests', requestId);
  };
  const unauthenticated = (req: Request, res: Response, requestId: string, reason: string) => {
    perAddress.hit(req.ip ?? 'unknown');
    log.info({ requestId, reason }, 'authentication failed');
    return sendError(res, 401, 'UNAUTHENTICATED', 'Authentication required', requestId);
  };

  /** 503 with Retry-After: the database is away or busy; the client may retry (idempotency key). */
  const databaseUnavailable = (res: Response, requestId: string, error: unknown) => {
    log.warn(
      { requestId, error: { name: (error as Error)?.name, code: (error as { code?: string })?.code } },
      'database unavailable',
    );
    res.setHeader('retry-after', '1');
    return sendError(
      res,
      503,
      'DATABASE_UNAVAILABLE',
      'The database is unavailable or busy; try again shortly',
      requestId,
    );
  };

  const handle = async (req: Request, res: Response, requestId: string) => {
    const started = performance.now();
    const addressWait = insecure ? 0 : perAddress.blocked(req.ip ?? 'unknown');
    if (addressWait > 0) return tooManyRequests(res, requestId, addressWait);
    let identity: { issuer: string; subject: string };
    try {
      identity = insecure
        ? unverifiedIdentity(req.header('authorization'))
        : await verifier.verify(req.header('authorization'));
    } catch (error) {
      if (error instanceof AuthenticationError) return unauthenticated(req, res, requestId, error.reason);
      if (isDatabaseUnavailable(error)) return databaseUnavailable(res, requestId, error);
      throw error;
    }
    // Per signed-in identity (known before any database work, so a throttled client costs none).
    const userWait = perUser.hit(`${identity.issuer}\u0000${identity.subject}`);
    if (userWait > 0) return tooManyRequests(res, requestId, userWait);

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const search = new URL(req.originalUrl, 'http://localhost').search;
    const httpGraphQLRequest = { method: req.method.toUpperCase(), headers, search, body: req.body };
    const mutation = isMutation(req.body, search);
    // A mutation with an idempotency key runs once per user and key; a retry (after a timeout, a
    // lost response, a database restart) gets the first response back instead of a second write.
    const idempotencyKey = mutation ? req.header('idempotency-key') : undefined;
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      return sendError(
        res,
        400,
        'BAD_REQUEST',
        'Idempotency-Key must be 8–128 of A-Z a-z 0-9 . _ : -',
        requestId,
      );
    }
    const requestHash = idempotencyKey
      ? createHash('sha256')
          .update(
            JSON.stringify([req.body?.query, req.body?.operationName ?? null, req.body?.variables ?? null]),
          )
          .digest('hex')
      : '';
    let response: HTTPGraphQLResponse | undefined;
    let replayed: { status: number; body: string } | 'conflict' | undefined;
    const requestedOrganizationId = req.header('x-organization-id') || undefined;
    // One message opens the transaction, looks the user up and sets what row-level security reads;
    // one message writes the access log and commits (ADR 0014).
    const pipeline: RequestPipeline = { withBegin: actorAndSettingsSql(identity, requestedOrganizationId) };
    try {
      await requestPipeline.run(pipeline, () =>
        prisma.$transaction(
          async (tx) => {
            const found = pipeline.beginRows
              ? { rows: pipeline.beginRows as unknown as ActorRow[], settingsApplied: true }
              : {
                  // Not pipelined (never expected): the same lookup as a statement of its own.
                  rows: await tx.$queryRawUnsafe<ActorRow[]>(
                    'SELECT user_id, platform_operator, memberships, teams FROM app.resolve_actor($1, $2)',
                    identity.issuer,
                    identity.subject,
                  ),
                  settingsApplied: false,
                };
            const row = found.rows[0];
            if (!row) throw new AuthenticationError('unknown user');
            const user: SignedInUser = {
              userId: row.user_id,
              platformOperator: row.platform_operator,
              memberships: row.memberships,
              teams: row.teams,
            };
            const ctx = await createContext(
              tx,
              user,
              requestId,
              config,
              requestedOrganizationId,
              cleanAccessReason(req.header('x-access-reason')) ?? undefined,
              options.clock,
              insecure,
              found.settingsApplied ? row.org_ids : undefined,
            );
            if (idempotencyKey) {
              // A concurrent first request holds the key's row: this insert waits for its outcome.
              const inserted = await tx.$executeRawUnsafe(
                `INSERT INTO idempotency_key ("userId", key, "requestHash") VALUES ($1::uuid, $2, $3) ON CONFLICT DO NOTHING`,
                user.userId,
                idempotencyKey,
                requestHash,
              );
              if (inserted === 0) {
                const [first] = await tx.$queryRawUnsafe<
                  { requestHash: string; status: number | null; response: string | null }[]
                >(
                  `SELECT "requestHash", status, response FROM idempotency_key WHERE "userId" = $1::uuid AND key = $2`,
                  user.userId,
                  idempotencyKey,
                );
                replayed =
                  first?.requestHash === requestHash && first.response !== null
                    ? { status: first.status ?? 200, body: first.response }
                    : 'conflict';
                return;
              }
            }
            const outcome: RequestOutcome = { failed: false };
            response = await tracer.startActiveSpan(
              'graphql.execute',
              {
                attributes: {
                  'graphql.operation.type': mutation ? 'mutation' : 'query',
                  'ips.request_id': requestId,
                },
              },
              (span) =>
                requestOutcome
                  .run(outcome, () =>
                    apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => ctx }),
                  )
                  .finally(() => span.end()),
            );
            const body = response.body.kind === 'complete' ? response.body.string : '';
            // A GraphQL error or a typed domain error: the mutation leaves nothing behind.
            if (mutation && (outcome.failed || /"errors"\s*:/.test(body))) throw new RollBack();
            if (idempotencyKey) {
              await tx.$executeRawUnsafe(
                `UPDATE idempotency_key SET status = $3, response = $4 WHERE "userId" = $1::uuid AND key = $2`,
                user.userId,
                idempotencyKey,
                response.status ?? 200,
                body,
              );
            }
            // The access log goes with the COMMIT: written in the same transaction, no extra round trip.
            if (!insecure) pipeline.beforeCommit = ctx.audit.insertSql() ?? undefined;
          },
          { maxWait: config.dbAcquireTimeoutMs, timeout: config.dbStatementTimeoutMs },
        ),
      );
    } catch (error) {
      if (error instanceof AuthenticationError) return unauthenticated(req, res, requestId, error.reason);
      if (!(error instanceof RollBack)) {
        if (isDatabaseUnavailable(error)) return databaseUnavailable(res, requestId, error);
        log.error(
          { requestId, error: { name: (error as Error)?.name, code: (error as { code?: string })?.code } },
          'request failed',
        );
        return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', requestId);
      }
    }
    if (replayed === 'conflict') {
      return sendError(
        res,
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request',
        requestId,
      );
    }
    if (replayed) {
      log.info({ requestId, status: replayed.status }, 'graphql (idempotent replay)');
      res
        .status(replayed.status)
        .setHeader('x-request-id', requestId)
        .setHeader('idempotent-replayed', 'true');
      res.type('application/json').send(replayed.body);
      return;
    }
    if (!response) return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', requestId);
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader('x-request-id', requestId);
    res.status(response.status ?? 200);
    // The database failed during the operation (formatError named it): 503, so clients retry.
    if (response.body.kind === 'complete' && response.body.string.includes('"code":"DATABASE_UNAVAILABLE"')) {
      res.status(503).setHeader('retry-after', '1');
    }
    log.info({ requestId, ms: Math.round(performance.now() - started), status: res.statusCode }, 'graphql');
    if (response.body.kind === 'complete') {
      res.send(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };
  const handleInContext = (req: Request, res: Response) => {
    const requestId = requestIdOf(req);
    // A server span per request, continuing the caller's trace (W3C traceparent) when given.
    const parent = propagation.extract(otelContext.active(), req.headers);
    return tracer.startActiveSpan(
      `${req.method} /graphql`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'http.route': '/graphql',
          'ips.request_id': requestId,
        },
      },
      parent,
      (span) =>
        requestIds
          .run(requestId, () => handle(req, res, requestId))
          .finally(() => {
            span.setAttribute('http.response.status_code', res.statusCode);
            if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
          }),
    );
  };
  app.post('/graphql', express.json({ limit: '100kb' }), handleInContext);
  app.get('/graphql', handleInContext);
  app.all('/graphql', methodNotAllowed(['GET', 'POST']));
  app.use(notFound);
  app.use(errorHandler(log));

  // Chain the audit log in the background (the function only links rows; it cannot change them).
  const sealer =
    config.sealIntervalMs > 0
      ? setInterval(() => {
          pool
            .query('SELECT app.seal_audit_log()')
            .catch((error: unknown) =>
              log.error(
                { error: { name: (error as Error)?.name, code: (error as { code?: string })?.code } },
                'audit sealing failed',
              ),
            );
        }, config.sealIntervalMs)
      : undefined;
  sealer?.unref();
  // Deliver the outbox: support plans to NAV's case system and notification e-mails over SMTP, each
  // only when its endpoint is configured.
  const navAdapter = config.navCaseSystemUrl ? new HttpNavCaseSystemAdapter(config.navCaseSystemUrl) : null;
  const mail = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  const deliverer =
    (navAdapter || mail) && config.outboxIntervalMs > 0
      ? setInterval(() => {
          const failed = (error: unknown) =>
            log.error({ error: { name: (error as Error)?.name } }, 'outbox delivery failed');
          if (navAdapter) {
            deliverNavSupportPlans(pool, navAdapter).catch(failed);
            deliverNavRetractions(pool, navAdapter).catch(failed);
          }
          if (mail) deliverNotificationEmails(pool, mail, config.mailFrom).catch(failed);
        }, config.outboxIntervalMs)
      : undefined;
  deliverer?.unref();

  const servers: Server[] = [];
  const listenOn = (handler: express.Express, port: number, host: string) =>
    new Promise<string>((resolve, reject) => {
      const s = handler.listen(port, host, () => {
        servers.push(s);
        const address = s.address();
        const bound = typeof address === 'object' && address ? address.port : port;
        resolve(`http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
      });
      s.once('error', reject);
    });
  return {
    app,
    prisma,
    metrics,
    listen: async () => {
      const url = await listenOn(app, config.port, config.host);
      const server = servers[servers.length - 1] as Server;
      const metricsUrl = config.metrics
        ? await listenOn(metricsApp, config.metricsPort, config.metricsHost).catch((error: unknown) => {
            server.close();
            throw error;
          })
        : null;
      return { server, url, metricsUrl };
    },
    stop: async () => {
      if (sealer) clearInterval(sealer);
      if (deliverer) clearInterval(deliverer);
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      await apollo.stop();
      mail?.close();
      await closePrismaClient(prisma);
      await pool.end();
      await tracing?.shutdown();
    },
  };
}
