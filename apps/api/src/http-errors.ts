/**
 * Errors outside GraphQL, answered in the API's own shape — `{ errors: [{ message, extensions:
 * { code, requestId } }] }`, JSON, with `x-request-id` — instead of Express's HTML pages: a body
 * that is not JSON (400), too large (413) or in an encoding or charset we do not read (415), an
 * unknown path (404), another method on /graphql (405), and anything unexpected (500, masked).
 *
 * Nothing from the request reaches a log line: body-parser's errors carry the raw body (`body`)
 * and the JSON parser's message quotes it (Node 22: `Unexpected token … "…" is not valid JSON`),
 * so only the error's type and status are logged — never its message or stack. Express's default
 * handler, which prints the stack (and with it the message) to stderr, is never reached.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The caller's `x-request-id` when well formed, else a new one. */
export function requestIdOf(req: Request): string {
  const headerId = req.header('x-request-id');
  return headerId && REQUEST_ID.test(headerId) ? headerId : randomUUID();
}

/** One error in the API's shape. */
export function sendError(res: Response, status: number, code: string, message: string, requestId: string) {
  res
    .status(status)
    .setHeader('x-request-id', requestId)
    .json({ errors: [{ message, extensions: { code, requestId } }] });
}

/** 404 for every path the API does not serve. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, 'NOT_FOUND', 'Not found', requestIdOf(req));
};

/** 405 for a method /graphql does not take. */
export const methodNotAllowed =
  (allowed: string[]): RequestHandler =>
  (req, res) => {
    res.setHeader('allow', allowed.join(', '));
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')}`, requestIdOf(req));
  };

/** body-parser's error types (`err.type`) → what the client is told. Nothing of the body. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body is in a content encoding the API does not read (identity, gzip, deflate, br)',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body is in a charset the API does not read (use UTF-8)',
  },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted' },
  'request.size.invalid': {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The request body does not match its Content-Length',
  },
};

/**
 * The last middleware: every error Express sees ends here. Client errors get their 4xx; anything
 * else is a masked 500. Logged: the request id, the status, and the error's type or name only.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = requestIdOf(req);
    const e = err as { type?: unknown; name?: unknown; status?: unknown; statusCode?: unknown };
    const type = typeof e.type === 'string' ? e.type : undefined;
    const name = typeof e.name === 'string' ? e.name : undefined;
    const known = type ? CLIENT_ERRORS[type] : undefined;
    const status = Number(e.status ?? e.statusCode);
    const answer =
      known ??
      (status >= 400 && status < 500
        ? { status, code: 'BAD_REQUEST', message: 'The request could not be read' }
        : { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    if (answer.status >= 500) log.error({ requestId, error: { name, type } }, 'request failed');
    else log.info({ requestId, status: answer.status, error: { type: type ?? name } }, 'bad request');
    if (res.headersSent) {
      // Part of an answer is out: all the client can be told is that it ends here.
      req.socket.destroy();
      return;
    }
    sendError(res, answer.status, answer.code, answer.message, requestId);
  };
}

/**
 * Apollo Server's logger: its messages may quote an error's message, so only the level and a fixed
 * text are logged (Apollo logs only for server-side failures, never for a client's mistake).
 */
export function apolloLogger(log: Logger) {
  const line = (level: 'debug' | 'info' | 'warn' | 'error') => () =>
    log[level]({ component: 'apollo-server' }, `Apollo Server ${level} (details withheld)`);
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
