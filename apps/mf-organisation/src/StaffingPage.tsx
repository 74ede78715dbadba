/** Staffing for the health-service leader: numbers only — caseload against the limit, who is away. */
import { graphql, useSession } from '@ips/ui';
import { BodyShort, Heading, Loader, Table, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

const STAFFING = graphql(`
  query Staffing($org: ID!) {
    staffing(organizationId: $org) {
      __typename
      ... on QueryStaffingSuccess {
        data { userId givenName familyName role fte caseload caseloadLimit overCaseloadLimit absentToday teams }
      }
      ... on NotFoundError { message }
    }
  }
`);

export function StaffingPage() {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const [{ data, fetching, error }] = useQuery({
    query: STAFFING,
    variables: { org: session.organizationId },
  });
  if (fetching && !data) return <Loader title={t('title')} />;
  const staffing = data?.staffing;
  if (error || staffing?.__typename === 'NotFoundError')
    return (
      <BodyShort role="alert">
        {error?.message ?? (staffing && 'message' in staffing ? staffing.message : '')}
      </BodyShort>
    );
  const rows = staffing?.__typename === 'QueryStaffingSuccess' ? staffing.data : [];
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('title')}
      </Heading>
      <BodyShort>{t('intro')}</BodyShort>
      <BodyShort data-testid="staffing-summary">
        {t('summary', {
          count: rows.length,
          absent: rows.filter((r) => r.absentToday).length,
          over: rows.filter((r) => r.overCaseloadLimit).length,
        })}
      </BodyShort>
      <div style={{ overflowX: 'auto' }}>
        <Table size="small" data-testid="staffing">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('role')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('fte')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('caseload')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('limit')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absent')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('teams')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={`${r.userId}-${r.role}`} data-user={r.userId}>
                <Table.HeaderCell scope="row">
                  {r.givenName} {r.familyName}
                </Table.HeaderCell>
                <Table.DataCell>{t(`role_${r.role}`)}</Table.DataCell>
                <Table.DataCell>{Math.round(r.fte * 100)} %</Table.DataCell>
                <Table.DataCell>
                  {r.caseload}{' '}
                  {r.overCaseloadLimit && (
                    <Tag size="small" variant="warning">
                      {t('over')}
                    </Tag>
                  )}
                </Table.DataCell>
                <Table.DataCell>{r.caseloadLimit}</Table.DataCell>
                <Table.DataCell>
                  <Tag size="small" variant={r.absentToday ? 'warning' : 'success'}>
                    {r.absentToday ? t('absent') : t('present')}
                  </Tag>
                </Table.DataCell>
                <Table.DataCell>{r.teams.join(', ')}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </VStack>
  );
}
