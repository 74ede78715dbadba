/**
 * The HTTP side of /graphql: the request id and server span, rate limits (per address before the
 * token, per user after it), the bearer token (401), the idempotency key's shape (400), then the
 * request's transaction (`request-transaction.ts`), and the response: 200 with the GraphQL body,
 * 503 with Retry-After when the database is away or busy, 422 for a reused idempotency key, the
 * first response again (`idempotent-replayed: true`) for a retry. Never an internal in the body.
 */
import type { AsyncLocalStorage } from 'node:async_hooks';
import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { context as otelContext, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { cleanAccessReason } from '../access-reason.js';
import { AuthenticationError, type TokenVerifier, unverifiedIdentity } from '../auth.js';
import { isDatabaseUnavailable } from '../db-errors.js';
import { requestIdOf, sendError } from '../http-errors.js';
import { IDEMPOTENCY_KEY, requestHash } from '../idempotency.js';
import { runInTransaction, type TransactionDeps } from '../request-transaction.js';
import { isMutation } from './operation-kind.js';
import type { RateLimiter } from './rate-limit.js';
import { checkTrustedDocument } from './trusted-documents.js';

export interface GraphQLRouteDeps extends TransactionDeps {
  log: Logger;
  verifier: TokenVerifier;
  perUser: RateLimiter;
  /** Requests without a valid token, per client address (a flood of bad tokens costs no verification). */
  perAddress: RateLimiter;
  requestIds: AsyncLocalStorage<string>;
  /** The trusted-documents manifest (ADR 0023); null = none. */
  trustedDocuments: Map<string, string> | null;
}

export function graphqlRoute(deps: GraphQLRouteDeps) {
  const { log, verifier, perUser, perAddress, insecure, tracer } = deps;

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
    // Trusted documents (ADR 0023): a hash-only body gets its document; unknown ones are refused.
    const trusted = checkTrustedDocument(
      deps.trustedDocuments,
      deps.config.trustedDocumentsOnly,
      req.method === 'GET' ? undefined : req.body,
      search,
    );
    if (!trusted.ok) return sendError(res, 400, trusted.code, trusted.message, requestId);
    const mutation = isMutation(req.body, search);
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
    let outcome: Awaited<ReturnType<typeof runInTransaction>>;
    try {
      outcome = await runInTransaction(deps, {
        identity,
        requestId,
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search, body: req.body },
        mutation,
        idempotency: idempotencyKey ? { key: idempotencyKey, hash: requestHash(req.body) } : undefined,
        requestedOrganizationId: req.header('x-organization-id') || undefined,
        accessReason: cleanAccessReason(req.header('x-access-reason')) ?? undefined,
      });
    } catch (error) {
      if (error instanceof AuthenticationError) return unauthenticated(req, res, requestId, error.reason);
      if (isDatabaseUnavailable(error)) return databaseUnavailable(res, requestId, error);
      log.error(
        { requestId, error: { name: (error as Error)?.name, code: (error as { code?: string })?.code } },
        'request failed',
      );
      return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', requestId);
    }
    const { response, replayed } = outcome;
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
    await sendGraphQLResponse(res, response, requestId, () =>
      log.info({ requestId, ms: Math.round(performance.now() - started), status: res.statusCode }, 'graphql'),
    );
  };

  return (req: Request, res: Response) => {
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
        deps.requestIds
          .run(requestId, () => handle(req, res, requestId))
          .finally(() => {
            span.setAttribute('http.response.status_code', res.statusCode);
            if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
          }),
    );
  };
}

/** Writes the operation's response: Apollo's headers and status, a 503 when the database failed. */
async function sendGraphQLResponse(
  res: Response,
  response: HTTPGraphQLResponse,
  requestId: string,
  logDone: () => void,
): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.setHeader('x-request-id', requestId);
  res.status(response.status ?? 200);
  // The database failed during the operation (formatError named it): 503, so clients retry.
  if (response.body.kind === 'complete' && response.body.string.includes('"code":"DATABASE_UNAVAILABLE"')) {
    res.status(503).setHeader('retry-after', '1');
  }
  logDone();
  if (response.body.kind === 'complete') {
    res.send(response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}
