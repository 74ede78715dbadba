/**
 * The access log of a job seeker (tilgangslogg): how a request for access ("innsyn") is answered.
 * The tenant administrator enters the person's identity number and sees who read or changed their
 * data, when, in which role and organisation, newest first. The lookup is itself logged by the API;
 * the number is checked as the API checks it before it is sent.
 */
import { formatDayTime, graphql } from '@ips/ui';
import { BodyShort, Heading, Table, VStack } from '@navikt/ds-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import {
  IdentityNumberForm,
  identityNumberIssue,
  LookupStatus,
  useIdentityNumber,
} from './identity-number-lookup.js';

const ACCESS_LOG = graphql(`
  query AccessLogByIdentityNumber($n: String!) {
    accessLogByIdentityNumber(identityNumber: $n) {
      __typename
      ... on QueryAccessLogByIdentityNumberSuccess {
        data { occurredAt action area actorName actorRole actorOrganization reason }
      }
      ... on ValidationError { message issues { field code message } }
      ... on NotFoundError { message }
    }
  }
`);

export function AccessLogPage() {
  const { t, i18n } = useTranslation('organisation');
  const { input, setInput, asked, setAsked, localError, check } = useIdentityNumber();
  const [{ data, fetching, error }] = useQuery({
    query: ACCESS_LOG,
    variables: { n: asked ?? '' },
    pause: asked === null,
    requestPolicy: 'network-only',
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const number = check();
    if (number !== null) setAsked(number);
  };

  const result = data?.accessLogByIdentityNumber;
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('al_title')}
      </Heading>
      <BodyShort>{t('al_intro')}</BodyShort>
      <IdentityNumberForm
        label={t('al_identityNumber')}
        submitLabel={t('al_show')}
        value={input}
        error={localError ?? identityNumberIssue(t, result)}
        loading={fetching}
        onChange={setInput}
        onSubmit={submit}
      />
      <LookupStatus
        loading={fetching && !data}
        loaderTitle={t('al_title')}
        error={error}
        notFound={result?.__typename === 'NotFoundError' ? t('al_notFound') : null}
      />
      {result?.__typename === 'QueryAccessLogByIdentityNumberSuccess' ? (
        <VStack gap="space-8">
          <BodyShort role="status">{t('al_count', { count: result.data.length })}</BodyShort>
          <Table size="small" data-testid="access-log">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('al_when')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('al_who')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('al_organization')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('al_what')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {result.data.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: log entries have no id of their own
                <Table.Row key={i}>
                  <Table.DataCell>{formatDayTime(e.occurredAt, i18n.language)}</Table.DataCell>
                  <Table.DataCell>{e.actorName ?? t('al_outside')}</Table.DataCell>
                  <Table.DataCell>{e.actorRole ? t(`role_${e.actorRole}`) : '–'}</Table.DataCell>
                  <Table.DataCell>{e.actorOrganization ?? '–'}</Table.DataCell>
                  <Table.DataCell>
                    {t(`al_action_${e.action}`, { defaultValue: e.action })}:{' '}
                    {t(`al_area_${e.area.split('.')[0]}`, { defaultValue: t('al_area_other') })}
                    <br />
                    <span data-testid="access-reason">
                      {t('al_why')}: {e.reason ?? t('al_noReason')}
                    </span>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </VStack>
      ) : null}
    </VStack>
  );
}
