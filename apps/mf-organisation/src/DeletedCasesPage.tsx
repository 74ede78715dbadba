/**
 * Deleted cases (ADR 0012): the job seekers of the organisation whose case was deleted, who deleted
 * them, why, and until when they can be restored; after that the retention job purges them. For
 * the tenant administrator and the health-service leader. Every entry shown is logged by the API.
 */
import {
  FormError,
  formatDayTime,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Button, Heading, Loader, Table, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

const DELETED = graphql(`
  query DeletedJobSeekers {
    deletedJobSeekers { id givenName familyName deletedAt reason purgeAfter deletedBy { id givenName familyName } }
  }
`);
const RESTORE = graphql(
  `
  mutation RestoreJobSeeker($id: ID!) {
    restoreJobSeeker(input: { jobSeekerId: $id }) {
      __typename
      ... on MutationRestoreJobSeekerSuccess { data { id version } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

export function DeletedCasesPage() {
  const { t, i18n } = useTranslation('organisation');
  const [{ data, fetching, error }, refetch] = useQuery({ query: DELETED, requestPolicy: 'network-only' });
  const form = useMutationForm(RESTORE, {
    fields: [],
    issueText: ownIssueText(t, 'del_issue_'),
    failureText: (f) => (f.kind === 'error' ? t('del_failed') : undefined),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const when = (iso: string) => formatDayTime(iso, i18n.language);

  const restoreCase = async (id: string, name: string) => {
    setNotice(null);
    const res = await form.send({ id });
    if (res.ok) setNotice(t('del_restored', { name }));
    refetch({ requestPolicy: 'network-only' });
  };

  if (fetching && !data) return <Loader title={t('del_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const rows = data?.deletedJobSeekers ?? [];
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('del_title')}
      </Heading>
      <BodyShort>{t('del_intro')}</BodyShort>
      {notice && (
        <Alert variant="success" size="small" role="status">
          {notice}
        </Alert>
      )}
      <FormError form={form} />
      {rows.length === 0 ? (
        <BodyShort data-testid="deleted-none">{t('del_none')}</BodyShort>
      ) : (
        <Table size="small" data-testid="deleted-cases">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('del_deletedAt')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('del_deletedBy')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('del_reason')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('del_purgeAfter')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="aksel-sr-only">{t('actions')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => {
              const name = `${r.givenName} ${r.familyName}`;
              return (
                <Table.Row key={r.id}>
                  <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
                  <Table.DataCell>{when(r.deletedAt)}</Table.DataCell>
                  <Table.DataCell>
                    {r.deletedBy ? `${r.deletedBy.givenName} ${r.deletedBy.familyName}` : '–'}
                  </Table.DataCell>
                  <Table.DataCell>{r.reason ?? '–'}</Table.DataCell>
                  <Table.DataCell>{when(r.purgeAfter)}</Table.DataCell>
                  <Table.DataCell>
                    <Button
                      size="xsmall"
                      variant="secondary"
                      aria-label={t('del_restoreName', { name })}
                      onClick={() => restoreCase(r.id, name)}
                    >
                      {t('del_restore')}
                    </Button>
                  </Table.DataCell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </VStack>
  );
}
