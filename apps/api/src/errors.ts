/**
 * The one place errors are mapped. Domain failures are typed union results in the schema;
 * authentication and authorization failures get a stable `extensions.code`; anything unexpected
 * is masked (no message, no stack, no SQL — in every mode, unless API_EXPOSE_ERROR_DETAILS=on on a
 * developer's machine) and logged with the request id and only what identifies the failure.
 */
import { PothosValidationError } from '@pothos/core';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from './db-errors.js';
import { ValidationError } from './domain-errors.js';

const PASS_THROUGH = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * graphql-js stops coercing variables after 50 invalid values and adds this error, without a code
 * (Apollo then calls it an internal error): it is the caller's input, like the 50 before it.
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables, error limit reached\./;

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { exposeDetails: boolean; requestId: () => string | undefined; log: Logger },
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (!formatted.path && TOO_MANY_VARIABLE_ERRORS.test(formatted.message)) {
    return {
      message: 'Too many invalid variable values; no more were checked',
      extensions: { code: 'BAD_USER_INPUT', requestId: options.requestId() },
    };
  }
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const name = (original as { name?: string })?.name;
  // Pothos scope-auth failures
  if (name === 'ForbiddenError' || /^Not authorized/.test(formatted.message)) {
    return {
      message: 'Not authorized',
      path: formatted.path,
      extensions: { code: 'FORBIDDEN', requestId: options.requestId() },
    };
  }
  // Argument validation (zod through the validation plugin): the caller's mistake, said plainly.
  if (original instanceof PothosValidationError) {
    return {
      message: formatted.message,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', requestId: options.requestId() },
    };
  }
  // Bad input outside a mutation's union (a query's argument, a field without ValidationError in its
  // union): the same issues the typed error carries, under BAD_USER_INPUT.
  if (original instanceof ValidationError) {
    return {
      message: formatted.message,
      path: formatted.path,
      extensions: {
        code: 'BAD_USER_INPUT',
        issues: original.issues.map(({ field, code, message }) => ({ field, code, message })),
        requestId: options.requestId(),
      },
    };
  }
  // The database went away or was busy in the middle of the operation (restart, failover,
  // statement timeout): the mutation rolled back; the client may retry with its idempotency key.
  if (isDatabaseUnavailable(original)) {
    options.log.warn(
      {
        requestId: options.requestId(),
        path: formatted.path,
        error: { name, code: (original as { code?: string })?.code },
      },
      'database unavailable',
    );
    return {
      message: 'The database is unavailable or busy; try again shortly',
      path: formatted.path,
      extensions: { code: 'DATABASE_UNAVAILABLE', requestId: options.requestId() },
    };
  }
  if (PASS_THROUGH.has(code)) {
    return { ...formatted, extensions: { code, requestId: options.requestId() } };
  }
  // Only what identifies the failure: driver errors can carry row values (personal data).
  const err = original as { name?: string; code?: string } | undefined;
  options.log.error(
    { requestId: options.requestId(), path: formatted.path, error: { name: err?.name, code: err?.code } },
    'unexpected error',
  );
  if (options.exposeDetails)
    return { ...formatted, extensions: { ...formatted.extensions, requestId: options.requestId() } };
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: options.requestId() },
  };
}

/** graphql-js's "too many invalid variable values" error (see TOO_MANY_VARIABLE_ERRORS). */
export function isTooManyVariableErrors(message: string): boolean {
  return TOO_MANY_VARIABLE_ERRORS.test(message);
}
