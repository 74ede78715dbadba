/**
 * My portfolio: the specialist's job seekers with phase and deadline status, overdue first, with
 * counters and a filter that is kept in the address (so it survives a reload and can be saved).
 */
import { useSession } from '@ips/ui';
import { BodyShort, Heading, HStack, Loader, Table, Tag, ToggleGroup, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';

const PORTFOLIO = `query Portfolio($specialistId: ID!) {
  jobSeekers(first: 100, specialistId: $specialistId) {
    edges { node { id givenName familyName phase deadlineStatus referralDate } }
  }
}`;

type Status = 'OVERDUE' | 'DUE' | 'UPCOMING' | 'NONE';
interface Row {
  id: string;
  givenName: string | null;
  familyName: string | null;
  phase: string | null;
  deadlineStatus: Status | null;
  referralDate: string | null;
}

const RANK: Record<Status, number> = { OVERDUE: 0, DUE: 1, UPCOMING: 2, NONE: 3 };
const VARIANT: Record<Status, 'error' | 'warning' | 'info' | 'neutral'> = {
  OVERDUE: 'error',
  DUE: 'warning',
  UPCOMING: 'info',
  NONE: 'neutral',
};

export function PortfolioPage() {
  const { t } = useTranslation('portfolio');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter = params.get('vis') === 'forfalt' ? 'overdue' : 'all';
  const [{ data, fetching, error }] = useQuery<{ jobSeekers: { edges: { node: Row }[] } }>({
    query: PORTFOLIO,
    variables: { specialistId: session.userId },
  });
  if (fetching && !data) return <Loader title={t('title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const rows = (data?.jobSeekers.edges ?? [])
    .map((e) => e.node)
    .filter((r) => r.phase !== 'DISCHARGED')
    .sort((a, b) => RANK[a.deadlineStatus ?? 'NONE'] - RANK[b.deadlineStatus ?? 'NONE']);
  const overdue = rows.filter((r) => r.deadlineStatus === 'OVERDUE').length;
  const due = rows.filter((r) => r.deadlineStatus === 'DUE').length;
  const shown = filter === 'overdue' ? rows.filter((r) => r.deadlineStatus === 'OVERDUE') : rows;
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('title')}
      </Heading>
      <HStack gap="space-16" aria-label={t('title')} role="group">
        <Tag variant="neutral" data-testid="count-total">
          {t('total')}: {rows.length}
        </Tag>
        <Tag variant="error" data-testid="count-overdue">
          {t('overdue')}: {overdue}
        </Tag>
        <Tag variant="warning" data-testid="count-due">
          {t('due')}: {due}
        </Tag>
      </HStack>
      <ToggleGroup
        label={t('filterLabel')}
        size="small"
        value={filter}
        onChange={(value) => setParams(value === 'overdue' ? { vis: 'forfalt' } : {})}
      >
        <ToggleGroup.Item value="all">{t('filterAll')}</ToggleGroup.Item>
        <ToggleGroup.Item value="overdue">{t('filterOverdue')}</ToggleGroup.Item>
      </ToggleGroup>
      {shown.length === 0 ? (
        <BodyShort>{t('empty')}</BodyShort>
      ) : (
        <Table size="small" data-testid="portfolio">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('phase')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('deadline')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {shown.map((r) => (
              <Table.Row key={r.id}>
                <Table.DataCell>
                  <Link to={`/portfolio/${encodeURIComponent(r.id)}`}>
                    {r.givenName} {r.familyName}
                  </Link>
                </Table.DataCell>
                <Table.DataCell>{r.phase ? t(`phase_${r.phase}`) : ''}</Table.DataCell>
                <Table.DataCell>
                  <Tag size="small" variant={VARIANT[r.deadlineStatus ?? 'NONE']}>
                    {t(`status_${r.deadlineStatus ?? 'NONE'}`)}
                  </Tag>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </VStack>
  );
}
