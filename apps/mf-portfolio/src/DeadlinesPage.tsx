/**
 * My deadlines: every open duty, the most urgent first, grouped by status, each leading straight to
 * the form that fulfils it; then my booked meetings and my reminders, on their days.
 */
import { formatDay, graphql } from '@ips/ui';
import { BodyShort, Heading, Loader, Table, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { dutyLink, dutyTitle } from './job-seeker/duty-links.js';
import { MyAgenda } from './job-seeker/Reminders.js';

const DEADLINES = graphql(
  `query MyDeadlines { myDeadlines { id rule sourceId title dueOn status jobSeeker { id givenName familyName } } }`,
);

const ORDER = { OVERDUE: 0, DUE: 1, UPCOMING: 2, NONE: 3 } as const;
const VARIANT = { OVERDUE: 'error', DUE: 'warning', UPCOMING: 'info', NONE: 'neutral' } as const;

export function DeadlinesPage() {
  const { t, i18n } = useTranslation('portfolio');
  const [{ data, fetching, error }] = useQuery({ query: DEADLINES });
  if (fetching && !data) return <Loader title={t('deadlinesTitle')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const duties = [...(data?.myDeadlines ?? [])].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.dueOn.localeCompare(b.dueOn),
  );
  const date = (day: string) => formatDay(day);
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('deadlinesTitle')}
      </Heading>
      {duties.length === 0 ? (
        <BodyShort>{t('noDeadlines')}</BodyShort>
      ) : (
        // On a phone the table scrolls within its own region, not the page.
        // (Its links are focusable, so the region is reachable by keyboard.)
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Table size="small" data-testid="deadlines">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('deadline')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('duty')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {duties.map((d) => (
                <Table.Row key={d.id}>
                  <Table.DataCell>{date(d.dueOn)}</Table.DataCell>
                  <Table.DataCell>
                    {d.jobSeeker ? (
                      <Link to={dutyLink(d.rule, d.jobSeeker.id, d.sourceId)}>
                        {dutyTitle(d.rule, i18n.language, d.title)}
                      </Link>
                    ) : (
                      dutyTitle(d.rule, i18n.language, d.title)
                    )}
                  </Table.DataCell>
                  <Table.DataCell>
                    {d.jobSeeker ? (
                      <Link to={`/portfolio/${encodeURIComponent(d.jobSeeker.id)}`}>
                        {d.jobSeeker.givenName} {d.jobSeeker.familyName}
                      </Link>
                    ) : (
                      '–'
                    )}
                  </Table.DataCell>
                  <Table.DataCell>
                    <Tag size="small" variant={VARIANT[d.status]}>
                      {t(`status_${d.status}`)}
                    </Tag>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <MyAgenda />
    </VStack>
  );
}
