/**
 * Deleting a job seeker's case (issue 16, docs/adr/0012), found by identity number as the access
 * log is: the tenant administrator or health-service leader enters the number (checked as the API
 * checks it), sees whose case it is, gives the reason and deletes it. The case then disappears
 * everywhere and is listed under "Deleted cases", where it can be restored until its purge date.
 * The deletion is version-checked: a case changed since it was found is reported, not deleted.
 */
import {
  ConflictErrorFields,
  canOn,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Box, Button, Heading, Link, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import {
  IdentityNumberForm,
  identityNumberIssue,
  LookupStatus,
  useIdentityNumber,
} from './identity-number-lookup.js';

const FIND = graphql(`
  query CaseToDelete($n: String!) {
    caseToDelete(identityNumber: $n) {
      __typename
      ... on QueryCaseToDeleteSuccess { data { id version givenName familyName } }
      ... on ValidationError { message issues { field code message } }
      ... on NotFoundError { message }
    }
  }
`);

const DELETE = graphql(
  `
  mutation DeleteJobSeeker($input: DeleteJobSeekerInput!) {
    deleteJobSeeker(input: $input) {
      __typename
      ... on MutationDeleteJobSeekerSuccess { data { id givenName familyName purgeAfter } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export function DeleteCasePage() {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const ability = useAbility();
  const { input, setInput, asked, setAsked, localError, check } = useIdentityNumber();
  const [reason, setReason] = useState('');
  const [deleted, setDeleted] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: FIND,
    variables: { n: asked ?? '' },
    pause: asked === null,
    requestPolicy: 'network-only',
  });
  const form = useMutationForm(DELETE, {
    fields: ['reason'],
    issueText: ownIssueText(t, 'dc_issue_'),
    failureText: (f) => (f.kind === 'conflict' ? t('dc_conflict') : undefined),
  });
  const may = canOn(ability, 'delete', 'JobSeeker', { organizationId: session.organizationId });

  const find = (e: FormEvent) => {
    e.preventDefault();
    setDeleted(null);
    form.reset();
    const number = check();
    if (number === null) return;
    setReason('');
    setAsked(number);
  };

  const result = asked === null ? undefined : data?.caseToDelete;
  const found = result?.__typename === 'QueryCaseToDeleteSuccess' ? result.data : null;
  const name = found ? `${found.givenName} ${found.familyName}` : '';

  const remove = async (e: FormEvent) => {
    e.preventDefault();
    if (!found) return;
    const res = await form.send({
      input: { jobSeekerId: found.id, version: found.version, reason: reason.trim() },
    });
    if (res.ok) {
      setDeleted(
        t('dc_deleted', {
          name: `${res.data.givenName} ${res.data.familyName}`,
          date: formatDay(res.data.purgeAfter),
        }),
      );
      setAsked(null);
      setInput('');
      setReason('');
    }
  };

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('dc_title')}
      </Heading>
      <BodyShort>{t('dc_intro')}</BodyShort>
      {deleted ? (
        <Alert variant="success" role="status">
          <BodyShort spacing>{deleted}</BodyShort>
          <Link as={RouterLink} to="/deleted-cases">
            {t('dc_toDeleted')}
          </Link>
        </Alert>
      ) : null}
      <IdentityNumberForm
        label={t('dc_identityNumber')}
        submitLabel={t('dc_find')}
        submitVariant="secondary"
        value={input}
        error={localError ?? identityNumberIssue(t, result)}
        loading={fetching}
        onChange={setInput}
        onSubmit={find}
      />
      <LookupStatus
        loading={fetching && !data}
        loaderTitle={t('dc_find')}
        error={error}
        notFound={result?.__typename === 'NotFoundError' ? t('dc_notFound') : null}
      />
      {found && may ? (
        <Box padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
          <form onSubmit={remove} aria-labelledby="case-heading">
            <VStack gap="space-12">
              <Heading level="2" size="medium" id="case-heading">
                {t('dc_found', { name })}
              </Heading>
              <FormError form={form} />
              <Textarea
                label={t('dc_reason')}
                description={t('dc_reasonHelp')}
                value={reason}
                maxLength={1000}
                error={form.fieldErrors.reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <div>
                <Button
                  type="submit"
                  variant="danger"
                  loading={form.fetching}
                  aria-label={t('dc_deleteName', { name })}
                >
                  {t('dc_delete')}
                </Button>
              </div>
            </VStack>
          </form>
        </Box>
      ) : null}
    </VStack>
  );
}
