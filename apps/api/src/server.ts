/**
 * HTTP: /healthz, /readyz and /graphql. One request, end to end (architecture.md §2):
 * verify the access token → resolve the user for that issuer → one database transaction that sets
 * the RLS settings, builds the context and ability, runs the operation and writes the access log →
 * commit (or roll back a failed mutation, leaving nothing behind).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
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
import { AuthenticationError, TokenVerifier, unverifiedIdentity } from './auth.js';
import type { ApiConfig } from './config.js';
import { type Context, createContext, type SignedInUser } from './context.js';
import { isDatabaseUnavailable } from './db-errors.js';
import { formatError } from './errors.js';
import { createMetrics, type Metrics } from './metrics.js';
import { deliverNavSupportPlans, deliverNotificationEmails, HttpNavCaseSystemAdapter } from './outbox.js';
import { type RequestOutcome, requestOutcome } from './request-outcome.js';
import { schema } from './schema/index.js';
import { startTracing } from './tracing.js';

export interface Api {
  app: express.Express;
  prisma: PrismaClient;
  metrics: Metrics;
  listen(): Promise<{ server: Server; url: string }>;
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

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
/** `Idempotency-Key` on a mutation: 8–128 characters a client can generate (a UUID, a ULID …). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** A fixed-window rate limit per user (in memory, per instance). */
function rateLimiter(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): boolean => {
    const now = Date.now();
    const w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      windows.set(key, { start: now, count: 1 });
      if (windows.size > 50_000) windows.clear();
      return true;
    }
    w.count += 1;
    return w.count <= perMinute;
  };
}

/** A header value that may be URI-encoded (non-ASCII text); malformed encodings are kept as they are. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
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
    mutation = getOperationAST(parse(query), name)?.operation === 'mutation';
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
  const allow = rateLimiter(config.rateLimitPerMinute);
  // The request id of the request being served, for error formatting (concurrency-safe).
  const requestIds = new AsyncLocalStorage<string>();

  const armor = new ApolloArmor({
    maxDepth: { n: 12, exposeLimits: !config.production },
    costLimit: { maxCost: 5000, exposeLimits: !config.production },
    maxAliases: { n: 10, exposeLimits: !config.production },
    maxTokens: { n: 2000, exposeLimits: !config.production },
    maxDirectives: { n: 20, exposeLimits: !config.production },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
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
                metrics.graphqlError(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
            },
          };
        },
      },
    ],
    validationRules: insecure ? [] : armor.validationRules,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        production: config.production,
        requestId: () => requestIds.getStore(),
        log,
      }),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(metrics.middleware);
  if (config.metrics) app.get('/metrics', (req, res) => void metrics.handler(req, res));
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

  const sendError = (res: Response, status: number, code: string, message: string, requestId: string) => {
    res
      .status(status)
      .setHeader('x-request-id', requestId)
      .json({ errors: [{ message, extensions: { code, requestId } }] });
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
    let identity: { issuer: string; subject: string };
    try {
      identity = insecure
        ? unverifiedIdentity(req.header('authorization'))
        : await verifier.verify(req.header('authorization'));
    } catch (error) {
      if (error instanceof AuthenticationError) {
        log.info({ requestId, reason: error.reason }, 'authentication failed');
        return sendError(res, 401, 'UNAUTHENTICATED', 'Authentication required', requestId);
      }
      if (isDatabaseUnavailable(error)) return databaseUnavailable(res, requestId, error);
      throw error;
    }
    // Per signed-in identity (known before any database work, so a throttled client costs none).
    if (!allow(`${identity.issuer}\u0000${identity.subject}`)) {
      return sendError(res, 429, 'RATE_LIMITED', 'Too many requests', requestId);
    }

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
            const reason = req.header('x-access-reason');
            const ctx = await createContext(
              tx,
              user,
              requestId,
              config,
              requestedOrganizationId,
              reason
                ? safeDecode(reason)
                    .replace(/\p{Cc}/gu, ' ')
                    .slice(0, 500)
                : undefined,
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
      if (error instanceof AuthenticationError) {
        log.info({ requestId, reason: error.reason }, 'authentication failed');
        return sendError(res, 401, 'UNAUTHENTICATED', 'Authentication required', requestId);
      }
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
    const headerId = req.header('x-request-id');
    const requestId = headerId && REQUEST_ID.test(headerId) ? headerId : randomUUID();
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
          if (navAdapter) deliverNavSupportPlans(pool, navAdapter).catch(failed);
          if (mail) deliverNotificationEmails(pool, mail, config.mailFrom).catch(failed);
        }, config.outboxIntervalMs)
      : undefined;
  deliverer?.unref();

  let server: Server | undefined;
  return {
    app,
    prisma,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        const s = app.listen(config.port, config.host, () => {
          server = s;
          const address = s.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          resolve({ server: s, url: `http://${config.host}:${port}` });
        });
        s.once('error', reject);
      }),
    stop: async () => {
      if (sealer) clearInterval(sealer);
      if (deliverer) clearInterval(deliverer);
      await new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
      mail?.close();
      await closePrismaClient(prisma);
      await pool.end();
      await tracing?.shutdown();
    },
  };
}
