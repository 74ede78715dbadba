/** A job seeker's page (first slice): who, phase, and the open deadlines, most urgent first. */
import { BodyShort, Heading, Loader, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';

const JOB_SEEKER = `query JobSeekerPage($id: ID!) {
  node(id: $id) { id ... on JobSeeker { givenName familyName phase deadlineStatus referralDate } }
  myDeadlines { id rule title dueOn status jobSeeker { id } }
}`;

interface Data {
  node: {
    id: string;
    givenName: string | null;
    familyName: string | null;
    phase: string | null;
    deadlineStatus: string | null;
  } | null;
  myDeadlines: {
    id: string;
    title: string;
    dueOn: string;
    status: string;
    jobSeeker: { id: string } | null;
  }[];
}

export function JobSeekerPage() {
  const { t } = useTranslation('portfolio');
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery<Data>({ query: JOB_SEEKER, variables: { id } });
  if (fetching && !data) return <Loader title={t('title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const js = data?.node;
  if (!js) return <BodyShort role="alert">{t('notFound')}</BodyShort>;
  const deadlines = (data?.myDeadlines ?? []).filter((d) => d.jobSeeker?.id === js.id);
  return (
    <VStack gap="space-16">
      <Link to="/portfolio">{t('back')}</Link>
      <Heading level="1" size="large">
        {js.givenName} {js.familyName}
      </Heading>
      <BodyShort>
        {t('phase')}: {js.phase ? t(`phase_${js.phase}`) : ''}
      </BodyShort>
      <Heading level="2" size="medium">
        {t('deadlines')}
      </Heading>
      {deadlines.length === 0 ? (
        <BodyShort>{t('noDeadlines')}</BodyShort>
      ) : (
        <ul>
          {deadlines.map((d) => (
            <li key={d.id}>
              {d.title} – {d.dueOn}{' '}
              <Tag size="small" variant={d.status === 'OVERDUE' ? 'error' : 'info'}>
                {t(`status_${d.status}`)}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </VStack>
  );
}
