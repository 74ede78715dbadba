/**
 * The one way of reading a mutation's answer: typed errors to field errors and a form error in
 * bokmål or English, the success's data typed from the document.
 */
import { CombinedError } from 'urql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createApiClient } from './client.js';
import { graphql, type ResultOf } from './graphql.js';
import {
  interpretMutationResult,
  NotFoundErrorFields,
  type SuccessOf,
  ValidationErrorFields,
} from './mutation.js';
import { mutationTexts, type ValidationCode } from './mutation-texts.js';

const REGISTER = graphql(
  `
  mutation RegisterEmployerForTest($input: RegisterEmployerInput!) {
    registerEmployer(input: $input) {
      __typename
      ... on MutationRegisterEmployerSuccess { data { id name } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);
type Success = SuccessOf<ResultOf<typeof REGISTER>>;

describe('interpretMutationResult', () => {
  it('gives the typed data of a success', () => {
    const out = interpretMutationResult<Success>(
      { __typename: 'MutationRegisterEmployerSuccess', data: { id: 'e1', name: 'Rema' } },
      undefined,
      'nb',
    );
    expect(out).toMatchObject({ ok: true, data: { id: 'e1', name: 'Rema' } });
    if (out.ok) expectTypeOf(out.data).toEqualTypeOf<{ id: string; name: string }>();
  });

  it('puts every issue at its field, in bokmål or English, the form’s own words first', () => {
    const payload = {
      __typename: 'ValidationError',
      message: 'x',
      issues: [
        { field: 'organizationNumber', code: 'CHECKSUM', message: 'bad' },
        { field: 'name', code: 'DUPLICATE', message: 'dup' },
        { field: 'name', code: 'TOO_LONG', message: 'long' },
        { field: 'other', code: 'CLOSED', message: 'closed' },
      ],
    } as const;
    const nb = interpretMutationResult<Success>(payload, undefined, 'nb', {
      fields: ['organizationNumber', 'name'],
      issueText: (i) => (i.code === 'DUPLICATE' ? 'Arbeidsgiveren finnes allerede.' : undefined),
    });
    expect(nb).toEqual({
      ok: false,
      kind: 'validation',
      issues: payload.issues,
      fieldErrors: {
        organizationNumber: mutationTexts.nb.codes.CHECKSUM,
        name: `Arbeidsgiveren finnes allerede. ${mutationTexts.nb.codes.TOO_LONG}`,
      },
      formError: mutationTexts.nb.codes.CLOSED,
    });
    const en = interpretMutationResult<Success>(payload, undefined, 'en');
    expect(en.ok === false && en.kind === 'validation' && en.fieldErrors.other).toBe(
      mutationTexts.en.codes.CLOSED,
    );
  });

  it('says a conflict, a missing record and a missing consent as such, or in the form’s words', () => {
    expect(
      interpretMutationResult<Success>(
        { __typename: 'ConflictError', message: 'm', currentVersion: 4 },
        undefined,
        'nb',
      ),
    ).toEqual({ ok: false, kind: 'conflict', currentVersion: 4, formError: mutationTexts.nb.conflict });
    expect(
      interpretMutationResult<Success>(
        { __typename: 'NotFoundError', message: 'm', entity: 'Employer' },
        undefined,
        'en',
      ),
    ).toMatchObject({ kind: 'notFound', formError: mutationTexts.en.notFound });
    expect(
      interpretMutationResult<Success>(
        { __typename: 'ConsentRequiredError', message: 'm', scope: 'X' },
        undefined,
        'nb',
        {
          failureText: (f) => (f.kind === 'consent' ? `Samtykke: ${f.scope}` : undefined),
        },
      ),
    ).toMatchObject({ kind: 'consent', scope: 'X', formError: 'Samtykke: X' });
    // Done once already: says when (dd.mm.åååå kl. HH:mm, Oslo) and by whom.
    const done = { __typename: 'AlreadyRecordedError', message: 'm', entity: 'JournalNote' };
    expect(
      interpretMutationResult<Success>(
        { ...done, recordedAt: '2026-03-30T08:05:00.000Z', recordedBy: 'Kari Nordmann' },
        undefined,
        'nb',
      ),
    ).toMatchObject({
      kind: 'alreadyRecorded',
      recordedBy: 'Kari Nordmann',
      formError: 'Dette ble allerede registrert 30.03.2026 kl. 10:05 av Kari Nordmann.',
    });
    expect(
      interpretMutationResult<Success>(
        { ...done, recordedAt: '2026-01-05T23:30:00.000Z', recordedBy: null },
        undefined,
        'en',
      ),
    ).toMatchObject({ formError: 'This was already recorded on 06.01.2026 at 00:30.' });
  });

  it('reads a refusal, a sign-out, a busy database and a network failure from the GraphQL error', () => {
    const gql = (code: string) =>
      new CombinedError({ graphQLErrors: [{ message: 'no', extensions: { code } }] });
    expect(interpretMutationResult(null, gql('FORBIDDEN'), 'nb')).toMatchObject({
      kind: 'forbidden',
      formError: mutationTexts.nb.forbidden,
    });
    expect(interpretMutationResult(null, gql('UNAUTHENTICATED'), 'en')).toMatchObject({
      kind: 'unauthenticated',
    });
    expect(interpretMutationResult(null, gql('DATABASE_UNAVAILABLE'), 'nb')).toMatchObject({
      kind: 'unavailable',
    });
    expect(
      interpretMutationResult(null, new CombinedError({ networkError: new Error('down') }), 'nb'),
    ).toMatchObject({
      kind: 'network',
      formError: mutationTexts.nb.network,
    });
    expect(interpretMutationResult(null, gql('INTERNAL_SERVER_ERROR'), 'nb')).toMatchObject({
      kind: 'error',
      formError: mutationTexts.nb.failed,
    });
  });
});

describe('through the admin’s client (graphcache without a schema)', () => {
  it('keeps every field of a typed error and of a success', async () => {
    const answers = [
      {
        __typename: 'ValidationError',
        message: 'm',
        issues: [{ __typename: 'FieldIssue', field: 'name', code: 'DUPLICATE', message: 'x' }],
      },
      { __typename: 'NotFoundError', message: 'gone', entity: 'Organization' },
      {
        __typename: 'MutationRegisterEmployerSuccess',
        data: { __typename: 'Employer', id: 'e1', name: 'Rema' },
      },
    ];
    const seen: unknown[] = [];
    for (const answer of answers) {
      const client = createApiClient({
        url: 'http://api.test/graphql',
        token: () => null,
        organizationId: () => null,
        fetch: (async () =>
          new Response(JSON.stringify({ data: { registerEmployer: answer } }), {
            headers: { 'content-type': 'application/json' },
          })) as typeof fetch,
      });
      const res = await client
        .mutation(REGISTER, { input: { organizationId: 'o', name: 'Rema' } })
        .toPromise();
      seen.push(res.data?.registerEmployer);
    }
    // As sent, less the __typename urql adds below the result (the document does not select it).
    const selected = answers.map(({ __typename, ...rest }) => ({
      __typename,
      ...JSON.parse(JSON.stringify(rest), (key, value) => (key === '__typename' ? undefined : value)),
    }));
    expect(seen).toEqual(selected);
  });
});

describe('the texts', () => {
  it('have a text for every code in both languages, and no empty one', () => {
    expect(Object.keys(mutationTexts.en.codes).sort()).toEqual(Object.keys(mutationTexts.nb.codes).sort());
    for (const lang of ['nb', 'en'] as const)
      for (const text of Object.values(mutationTexts[lang].codes)) expect(text.trim()).not.toBe('');
  });

  it('are exhaustive over the API’s enum (a missing code is a type error)', () => {
    // @ts-expect-error a table without every ValidationCode does not typecheck
    const partial: Record<ValidationCode, string> = { REQUIRED: 'Må fylles ut.' };
    expect(partial).toBeDefined();
  });
});
