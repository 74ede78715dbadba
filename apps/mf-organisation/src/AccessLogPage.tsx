/**
 * The access log of a job seeker (tilgangslogg): how a request for access ("innsyn") is answered.
 * The tenant administrator enters the person's identity number and sees who read or changed their
 * data, when, in which role and organisation, newest first. The lookup is itself logged by the API;
 * the number is checked as the API checks it before it is sent.
 */
import { parseIdentityNumber } from '@ips/domain';
import { formatDayTime, graphql } from '@ips/ui';
import {
  Alert,
  BodyShort,
  Button,
  Heading,
  HStack,
  Loader,
  Table,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

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
  const [input, setInput] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | undefined>();
  const [{ data, fetching, error }] = useQuery({
    query: ACCESS_LOG,
    variables: { n: asked ?? '' },
    pause: asked === null,
    requestPolicy: 'network-only',
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Format and check digits as the API checks them; synthetic test numbers are the API's call.
    const parsed = parseIdentityNumber(input, { allowSynthetic: true });
    if (!parsed.ok) {
      setLocalError(t(`al_issue_${parsed.error.toUpperCase().replaceAll('-', '_')}`));
      return;
    }
    setLocalError(undefined);
    setAsked(parsed.value.number);
  };

  const result = data?.accessLogByIdentityNumber;
  const apiIssue =
    result?.__typename === 'ValidationError'
      ? t(`al_issue_${result.issues[0]?.code ?? 'FORMAT'}`, { defaultValue: result.message })
      : undefined;
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('al_title')}
      </Heading>
      <BodyShort>{t('al_intro')}</BodyShort>
      <form onSubmit={submit}>
        <HStack gap="space-8" align="end" wrap>
          <TextField
            label={t('al_identityNumber')}
            inputMode="numeric"
            autoComplete="off"
            value={input}
            error={localError ?? apiIssue}
            onChange={(e) => setInput(e.target.value)}
          />
          <Button type="submit" loading={fetching}>
            {t('al_show')}
          </Button>
        </HStack>
      </form>
      {fetching && !data ? <Loader title={t('al_title')} /> : null}
      {error ? (
        <Alert variant="error" role="alert">
          {error.message}
        </Alert>
      ) : null}
      {result?.__typename === 'NotFoundError' ? (
        <Alert variant="info" role="status">
          {t('al_notFound')}
        </Alert>
      ) : null}
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
