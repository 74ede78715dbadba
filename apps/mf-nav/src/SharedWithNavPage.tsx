/**
 * What a NAV counsellor may see: only job seekers with an active NAV-sharing consent and grant,
 * only the parts the grant names within the consent's parts (the API enforces both; this page asks
 * for nothing more), with what is shared and until when; each name opens the job seeker's page.
 */
import { formatDay, graphql, rawId } from '@ips/ui';
import { BodyShort, Button, Heading, HStack, Loader, Table, Tag, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DialogueMark } from './DialogueMark.js';

// A page at a time (the API caps a query's cost); "show more" asks for the next.
const SHARED = graphql(`
  query SharedWithNav($after: String) {
    jobSeekers(first: 40, after: $after) {
      edges {
        node {
          id
          givenName
          familyName
          phase
          navSharingGrants { id scopes sharedParts sharedUntil active validUntil revokedAt }
          employments { id jobTitle startDate endDate }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export function SharedWithNavPage() {
  const { t } = useTranslation('nav');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [first] = useQuery({ query: SHARED, variables: { after: null } });
  if (first.fetching && !first.data) return <Loader title={t('title')} />;
  if (first.error) return <BodyShort role="alert">{first.error.message}</BodyShort>;
  const empty = (first.data?.jobSeekers.edges ?? []).length === 0;
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('title')}
      </Heading>
      <BodyShort>{t('intro')}</BodyShort>
      {empty ? (
        <BodyShort>{t('empty')}</BodyShort>
      ) : (
        <Table size="small" data-testid="shared-with-nav">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('phase')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('shared')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('validUntil')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('work')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {cursors.map((after, i) => (
              <PageRows
                key={after ?? 'first'}
                after={after}
                last={i === cursors.length - 1}
                onMore={(next) => setCursors([...cursors, next])}
              />
            ))}
          </Table.Body>
        </Table>
      )}
    </VStack>
  );
}

function PageRows({
  after,
  last,
  onMore,
}: {
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation('nav');
  const [{ data }] = useQuery({ query: SHARED, variables: { after } });
  const rows = (data?.jobSeekers.edges ?? []).map((e) => e.node);
  const page = data?.jobSeekers.pageInfo;
  const date = (iso: string) => formatDay(iso);
  return (
    <>
      {rows.map((r) => {
        // What NAV reads now: the active grants' parts within the consent (issue 17 item 1), until
        // the latest end of them (the grant's or the consent's; none: until further notice).
        const grants = r.navSharingGrants.filter((g) => g.active);
        const scopes = [...new Set(grants.flatMap((g) => g.sharedParts))];
        const ends = grants.map((g) => g.sharedUntil);
        const until =
          ends.length === 0 || ends.some((e) => e === null) ? null : ([...ends].sort().at(-1) ?? null);
        const employmentShared = scopes.includes('EMPLOYMENT_STATUS');
        const job = r.employments.find((e) => !e.endDate);
        return (
          <Table.Row key={r.id} data-id={r.id}>
            <Table.DataCell>
              <Link to={`/nav/${encodeURIComponent(r.id)}`} className="navds-link">
                {r.givenName} {r.familyName}
              </Link>
              <DialogueMark jobSeekerId={rawId(r.id)} />
            </Table.DataCell>
            <Table.DataCell>{r.phase ? t(`phase_${r.phase}`) : ''}</Table.DataCell>
            <Table.DataCell>
              <HStack gap="space-4">
                {scopes.map((s) => (
                  <Tag key={s} size="small" variant="info">
                    {t(`scope_${s}`)}
                  </Tag>
                ))}
              </HStack>
            </Table.DataCell>
            <Table.DataCell>{until ? date(until) : t('untilFurther')}</Table.DataCell>
            <Table.DataCell>
              {employmentShared
                ? job
                  ? `${job.jobTitle} (${date(job.startDate)})`
                  : t('noJob')
                : t('notShared')}
            </Table.DataCell>
          </Table.Row>
        );
      })}
      {last && page?.hasNextPage && page.endCursor && (
        <Table.Row>
          <Table.DataCell colSpan={5}>
            <Button size="small" variant="secondary" onClick={() => onMore(page.endCursor as string)}>
              {t('more')}
            </Button>
          </Table.DataCell>
        </Table.Row>
      )}
    </>
  );
}
