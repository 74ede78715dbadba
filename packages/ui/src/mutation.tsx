/**
 * One way to send a mutation and show what went wrong (issue 15, item 9). The API answers a
 * mutation with a union: `…Success { data }` or a typed error (`ValidationError { issues }`,
 * `ConflictError { currentVersion }`, `ConsentRequiredError { scope }`, `NotFoundError`), or a
 * GraphQL error (`FORBIDDEN`, `UNAUTHENTICATED`, …). A document selects the errors with one
 * fragment per error type, and `useMutationForm` turns the answer into `{ ok, data }` or field errors and a
 * form error in the user's language:
 *
 * ```tsx
 * const SAVE = graphql(`
 *   mutation SaveThing($input: SaveThingInput!) {
 *     saveThing(input: $input) {
 *       __typename
 *       ... on MutationSaveThingSuccess { data { id name } }
 *       ...ValidationErrorFields
 *       ...NotFoundErrorFields                  // one for each error type of the result union
 *     }
 *   }
 * `, [ValidationErrorFields, NotFoundErrorFields]);
 *
 * const form = useMutationForm(SAVE);
 * const r = await form.send({ input });          // r.ok ? r.data : r.kind
 * <TextField label="Navn" error={form.fieldErrors.name} />
 * <FormError form={form} />                       // the error that belongs to no field
 * ```
 */
import type { ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnyVariables, type CombinedError, type OperationContext, useMutation } from 'urql';
import { formatDayTime } from './date-field.js';
import { graphql } from './graphql.js';
import {
  type FieldIssue,
  type Language,
  languageOf,
  type MutationTexts,
  mutationTexts,
} from './mutation-texts.js';

/*
 * The typed errors of a mutation's result, one fragment per error type, spread in a document for
 * each error its result union has (the mutation-coverage test checks that every one is selected).
 * Each is on its concrete type, not on the `Error` interface: graphcache has no schema and would
 * match an interface fragment by guessing, and drop the fields.
 */
export const ValidationErrorFields = graphql(`
  fragment ValidationErrorFields on ValidationError @_unmask { message issues { field code message } }
`);
export const ConflictErrorFields = graphql(`
  fragment ConflictErrorFields on ConflictError @_unmask { message currentVersion }
`);
export const ConsentRequiredErrorFields = graphql(`
  fragment ConsentRequiredErrorFields on ConsentRequiredError @_unmask { message scope }
`);
export const NotFoundErrorFields = graphql(`
  fragment NotFoundErrorFields on NotFoundError @_unmask { message entity }
`);
export const AlreadyRecordedErrorFields = graphql(`
  fragment AlreadyRecordedErrorFields on AlreadyRecordedError @_unmask { message entity recordedAt recordedBy }
`);

export type FieldErrors = Record<string, string>;

/** Why a mutation did not succeed, with the text to show for it. */
export type MutationFailure =
  | {
      ok: false;
      kind: 'validation';
      issues: readonly FieldIssue[];
      fieldErrors: FieldErrors;
      formError: string | null;
    }
  | { ok: false; kind: 'conflict'; currentVersion: number | null; formError: string }
  | { ok: false; kind: 'consent'; scope: string; formError: string }
  | { ok: false; kind: 'notFound'; entity: string; formError: string }
  | {
      ok: false;
      kind: 'alreadyRecorded';
      entity: string;
      /** When it was done (an ISO instant), and by whom (null when not known). */
      recordedAt: string;
      recordedBy: string | null;
      formError: string;
    }
  | {
      ok: false;
      kind: 'forbidden' | 'unauthenticated' | 'unavailable' | 'network' | 'error';
      formError: string;
    };

export type MutationSuccess<S> = { ok: true; data: S extends { data: infer D } ? D : undefined; result: S };
export type MutationOutcome<S> = MutationSuccess<S> | MutationFailure;

/** The result's one root field (`registerEmployer`), whatever its name. */
type Payload<R> = R extends Record<string, infer P> ? NonNullable<P> : never;
/** The success member of the result union (`Mutation…Success`). */
export type SuccessOf<R> = Extract<Payload<R>, { __typename: `Mutation${string}Success` }>;

export interface InterpretOptions {
  /** The form's own words for an issue, when it has better ones than the shared text for its code. */
  issueText?: (issue: FieldIssue) => string | undefined;
  /** The fields the form shows errors at; issues at any other field are joined into the form error. */
  fields?: readonly string[];
  /** The form's own words for a failure that is not a validation (a conflict, a missing consent …). */
  failureText?: (failure: MutationFailure) => string | undefined;
}

type ErrorPayload = {
  __typename: string;
  message?: string;
  issues?: readonly FieldIssue[];
  currentVersion?: number | null;
  scope?: string;
  entity?: string;
  recordedAt?: string;
  recordedBy?: string | null;
  data?: unknown;
};

/** The text of a GraphQL or network error (no typed result at all). */
function errorFailure(error: CombinedError | undefined, texts: MutationTexts): MutationFailure {
  const code = error?.graphQLErrors.map((e) => e.extensions?.code).find(Boolean);
  const status = (error?.response as { status?: number } | undefined)?.status;
  if (code === 'FORBIDDEN' || status === 403)
    return { ok: false, kind: 'forbidden', formError: texts.forbidden };
  if (code === 'UNAUTHENTICATED' || status === 401)
    return { ok: false, kind: 'unauthenticated', formError: texts.unauthenticated };
  if (code === 'DATABASE_UNAVAILABLE' || status === 503 || status === 429)
    return { ok: false, kind: 'unavailable', formError: texts.unavailable };
  if (error?.networkError && !error.graphQLErrors.length)
    return { ok: false, kind: 'network', formError: texts.network };
  return { ok: false, kind: 'error', formError: texts.failed };
}

/**
 * The outcome of a mutation's answer: pure, so a test (or a form without the hook) can use it.
 * `payload` is the result's root field, `error` urql's error.
 */
export function interpretMutationResult<S>(
  payload: ErrorPayload | S | null | undefined,
  error: CombinedError | undefined,
  language: Language,
  options: InterpretOptions = {},
): MutationOutcome<S> {
  const texts = mutationTexts[language];
  const p = payload as ErrorPayload | null | undefined;
  const failure = ((): MutationFailure | null => {
    if (!p) return errorFailure(error, texts);
    switch (p.__typename) {
      case 'ValidationError': {
        const issues = p.issues ?? [];
        const fieldErrors: FieldErrors = {};
        const other: string[] = [];
        for (const issue of issues) {
          const text = options.issueText?.(issue) || texts.codes[issue.code] || issue.message;
          if (options.fields && !options.fields.includes(issue.field)) other.push(text);
          else
            fieldErrors[issue.field] = fieldErrors[issue.field]
              ? `${fieldErrors[issue.field]} ${text}`
              : text;
        }
        return {
          ok: false,
          kind: 'validation',
          issues,
          fieldErrors,
          formError: other.length ? other.join(' ') : null,
        };
      }
      case 'ConflictError':
        return {
          ok: false,
          kind: 'conflict',
          currentVersion: p.currentVersion ?? null,
          formError: texts.conflict,
        };
      case 'ConsentRequiredError':
        return { ok: false, kind: 'consent', scope: p.scope ?? '', formError: texts.consentRequired };
      case 'NotFoundError':
        return { ok: false, kind: 'notFound', entity: p.entity ?? '', formError: texts.notFound };
      case 'AlreadyRecordedError': {
        const at = formatDayTime(p.recordedAt, language);
        return {
          ok: false,
          kind: 'alreadyRecorded',
          entity: p.entity ?? '',
          recordedAt: p.recordedAt ?? '',
          recordedBy: p.recordedBy ?? null,
          formError: (p.recordedBy ? texts.alreadyRecorded : texts.alreadyRecordedNoName)
            .replace('{{at}}', at)
            .replace('{{by}}', p.recordedBy ?? ''),
        };
      }
      default:
        return p.__typename.endsWith('Success')
          ? null
          : { ok: false, kind: 'error', formError: texts.failed };
    }
  })();
  if (!failure) return { ok: true, data: p?.data, result: payload } as MutationSuccess<S>;
  if (failure.kind !== 'validation') {
    const own = options.failureText?.(failure);
    if (own) return { ...failure, formError: own };
  }
  return failure;
}

export interface MutationForm<D extends TadaDocumentNode<ResultOf<D>, VariablesOf<D>>> {
  /** Sends the mutation; the outcome is also kept in `fieldErrors` and `formError`. */
  send: (
    variables: VariablesOf<D>,
    context?: Partial<OperationContext>,
  ) => Promise<MutationOutcome<SuccessOf<ResultOf<D>>>>;
  fetching: boolean;
  /** The error text per field of the input (`name`, `startDate`, …), from the last answer or the form's own checks. */
  fieldErrors: FieldErrors;
  /** The error that belongs to no field (a conflict, a refusal, a failure on the way), or null. */
  formError: string | null;
  /** The last failure, for forms that act on its kind (a conflict offers to reload). */
  failure: MutationFailure | null;
  /** The form's own checks before sending (clears the form error; the last failure stays until the next answer or `reset`). */
  setFieldErrors: (errors: FieldErrors) => void;
  setFormError: (text: string | null) => void;
  /** Forgets every error. */
  reset: () => void;
  /** The shared text for a validation code, in the user's language (for the form's own checks). */
  codeText: (code: FieldIssue['code']) => string;
}

/**
 * The form's own words for an issue from its area's texts: the key `${prefix}${code}_${field}`,
 * then `${prefix}${code}`; none → the shared text. For `issueText`:
 * `useMutationForm(DOC, { issueText: ownIssueText(t, 'emp_issue_') })`.
 */
export function ownIssueText(
  t: (key: string, options: { defaultValue: string } & Record<string, unknown>) => string,
  prefix: string,
  /** Values for the texts' placeholders. */
  values: Record<string, unknown> = {},
): (issue: FieldIssue) => string | undefined {
  const none = '\u0000';
  return (issue) => {
    for (const key of [`${prefix}${issue.code}_${issue.field}`, `${prefix}${issue.code}`]) {
      const text = t(key, { ...values, defaultValue: none });
      if (text !== none) return text;
    }
    return undefined;
  };
}

/**
 * A mutation with its typed errors shown at their fields: the one way a form of the admin sends a
 * mutation. The document must select `__typename`, the success's `data` and the fragment of each error
 * type its result union has (`...ValidationErrorFields`, `...ConflictErrorFields`, …).
 */
export function useMutationForm<D extends TadaDocumentNode<ResultOf<D>, VariablesOf<D>>>(
  document: D,
  options: InterpretOptions = {},
): MutationForm<D> {
  const { i18n } = useTranslation();
  const language = languageOf(i18n?.language);
  const [{ fetching }, execute] = useMutation<ResultOf<D>, VariablesOf<D> & AnyVariables>(document);
  const [fieldErrors, setFieldErrorsState] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failure, setFailure] = useState<MutationFailure | null>(null);
  const { issueText, fields, failureText } = options;

  const send = useCallback(
    async (variables: VariablesOf<D>, context?: Partial<OperationContext>) => {
      setFormError(null);
      const res = await execute(variables as VariablesOf<D> & AnyVariables, context);
      const data = res.data as Record<string, unknown> | undefined;
      const payload = data ? Object.values(data)[0] : undefined;
      const outcome = interpretMutationResult<SuccessOf<ResultOf<D>>>(
        payload as ErrorPayload | undefined,
        res.error,
        language,
        { issueText, fields, failureText },
      );
      if (outcome.ok) {
        setFieldErrorsState({});
        setFailure(null);
      } else {
        setFieldErrorsState(outcome.kind === 'validation' ? outcome.fieldErrors : {});
        setFormError(outcome.formError);
        setFailure(outcome);
      }
      return outcome;
    },
    [execute, language, issueText, fields, failureText],
  );

  return useMemo(
    () => ({
      send,
      fetching,
      fieldErrors,
      formError,
      failure,
      setFieldErrors: (errors: FieldErrors) => {
        setFieldErrorsState(errors);
        setFormError(null);
      },
      setFormError,
      reset: () => {
        setFieldErrorsState({});
        setFormError(null);
        setFailure(null);
      },
      codeText: (code: FieldIssue['code']) => mutationTexts[language].codes[code],
    }),
    [send, fetching, fieldErrors, formError, failure, language],
  );
}
