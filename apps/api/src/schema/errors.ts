/**
 * Domain failures are part of the schema: mutations return `…Success | ValidationError |
 * ConflictError | ConsentRequiredError | NotFoundError`. One base class with a code; each is an
 * object type implementing the `Error` interface.
 */
import { builder } from '../builder.js';
import {
  AlreadyRecordedError,
  ConflictError,
  ConsentRequiredError,
  type FieldIssue,
  NotFoundError,
  ValidationError,
} from '../domain-errors.js';

export {
  AlreadyRecordedError,
  ConflictError,
  ConsentRequiredError,
  DomainError,
  type FieldIssue,
  NotFoundError,
  ValidationError,
} from '../domain-errors.js';

import { VALIDATION_CODES, type ValidationCode } from './validation-codes.js';

export { numberCode, type ValidationCode } from './validation-codes.js';

const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  fields: (t) => ({ message: t.exposeString('message', { authScopes: { signedIn: true } }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  authScopes: { signedIn: true },
  isTypeOf: (o) => o instanceof NotFoundError,
  fields: (t) => ({ entity: t.exposeString('entity') }),
});

/** What is wrong with a field, as a code the client has a text for (`validation-codes.ts`). */
export const ValidationCodeEnum = builder.enumType('ValidationCode', {
  description: "What is wrong with a field of the input (a `ValidationError`'s issue)",
  values: Object.fromEntries(
    Object.entries(VALIDATION_CODES).map(([code, description]) => [code, { value: code, description }]),
  ) as { [C in ValidationCode]: { value: C; description: string } },
});

export const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    field: t.exposeString('field'),
    code: t.expose('code', { type: ValidationCodeEnum }),
    message: t.exposeString('message'),
    existingId: t.globalID({
      nullable: true,
      description:
        'The record that exists already (a DUPLICATE: e.g. the job seeker a referral names), only when you may see it',
      resolve: (i) => i.existing ?? null,
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  authScopes: { signedIn: true },
  isTypeOf: (o) => o instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  authScopes: { signedIn: true },
  isTypeOf: (o) => o instanceof ConflictError,
  fields: (t) => ({
    entity: t.exposeString('entity'),
    currentVersion: t.exposeInt('currentVersion', { nullable: true }),
  }),
});

builder.objectType(ConsentRequiredError, {
  name: 'ConsentRequiredError',
  interfaces: [ErrorInterface],
  authScopes: { signedIn: true },
  isTypeOf: (o) => o instanceof ConsentRequiredError,
  fields: (t) => ({ scope: t.exposeString('scope') }),
});

builder.objectType(AlreadyRecordedError, {
  name: 'AlreadyRecordedError',
  description: 'What may be done once was done already: when, and by whom (null when not known).',
  interfaces: [ErrorInterface],
  authScopes: { signedIn: true },
  isTypeOf: (o) => o instanceof AlreadyRecordedError,
  fields: (t) => ({
    entity: t.exposeString('entity'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    recordedBy: t.exposeString('recordedBy', { nullable: true }),
  }),
});

/** Authorization failure on something the user can see but may not change: a GraphQL error. */
export class ForbiddenActionError extends Error {
  override name = 'ForbiddenError';
}
