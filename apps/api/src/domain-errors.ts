/**
 * The domain failures mutations answer as typed union members (`schema/errors.ts` gives them their
 * GraphQL types). Kept apart from the schema so the builder (input validation) and the error
 * mapping (`errors.ts`) can use them without importing the schema.
 */

import type { ValidationCode } from './schema/validation-codes.js';

export class DomainError extends Error {}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  constructor(readonly entity: string) {
    super(`${entity} not found`);
  }
}

export interface FieldIssue {
  field: string;
  code: ValidationCode;
  message: string;
  /** The record that exists already (a DUPLICATE), set only when the caller may read it. */
  existing?: { type: string; id: string };
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => i.message).join('; '));
  }
}

export class ConflictError extends DomainError {
  override name = 'ConflictError';
  constructor(
    readonly entity: string,
    readonly currentVersion: number | null,
  ) {
    super(
      `${entity} was changed by someone else (now version ${currentVersion ?? 'unknown'}); reload and try again`,
    );
  }
}

export class ConsentRequiredError extends DomainError {
  override name = 'ConsentRequiredError';
  constructor(readonly scope: string) {
    super(`This needs the job seeker's consent: ${scope}`);
  }
}

/**
 * Something that may be done only once was done already: the answer names when and by whom, so the
 * user sees it was not forgotten (a journal note entered in the patient record).
 */
export class AlreadyRecordedError extends DomainError {
  override name = 'AlreadyRecordedError';
  constructor(
    readonly entity: string,
    readonly recordedAt: Date,
    /** The name of who did it, when known. */
    readonly recordedBy: string | null,
  ) {
    super(`${entity} was already recorded at ${recordedAt.toISOString()}`);
  }
}
