/**
 * Find a job seeker by name or identity number (issue 15, item 1), among those the user may see
 * (the API's `jobSeekers(search:)` filters by the same rules and row-level security; a number only
 * finds a job seeker whose number the user may read). The term is kept in this component's state
 * only — never in the address, so an identity number never lands in a URL or the browser history —
 * and sent in the body of a POST. With "Ny henvisning" for those who may refer.
 */
import { canOn, graphql, useAbility, useSession } from '@ips/ui';
import { BodyShort, Button, Detail, Heading, HStack, Loader, Search, Tag, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';

export const JOB_SEEKER_SEARCH = graphql(`
  query JobSeekerSearch($search: String!) {
    jobSeekers(first: 20, search: $search, orderBy: FAMILY_NAME_ASC) {
      edges { node { id givenName familyName phase } }
    }
  }
`);

export function JobSeekerSearch() {
  const { t } = useTranslation('portfolio');
  const session = useSession();
  const ability = useAbility();
  const mayRefer = canOn(ability, 'create', 'JobSeeker', { organizationId: session.organizationId });
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const [{ data, fetching, error }] = useQuery({
    query: JOB_SEEKER_SEARCH,
    variables: { search: term },
    pause: !term,
    requestPolicy: 'network-only',
  });
  const hits = term ? (data?.jobSeekers.edges ?? []).map((e) => e.node) : [];

  return (
    <section aria-labelledby="search-heading">
      <VStack gap="space-8">
        <HStack gap="space-12" align="center" justify="space-between" wrap>
          <Heading level="2" size="small" id="search-heading">
            {t('st_searchHeading')}
          </Heading>
          {mayRefer ? (
            <Button as={Link} to="/portfolio/new" size="small" variant="secondary">
              {t('st_newReferral')}
            </Button>
          ) : null}
        </HStack>
        {/* biome-ignore lint/a11y/useSemanticElements: the search landmark on the form itself, as Aksel's Search documents it (jsdom and older browsers do not know <search>) */}
        <form
          role="search"
          style={{ maxWidth: '32rem' }}
          onSubmit={(e) => {
            e.preventDefault();
            setTerm(text.trim());
          }}
        >
          <Search
            label={t('st_searchLabel')}
            description={t('st_searchHelp')}
            hideLabel={false}
            size="small"
            variant="primary"
            autoComplete="off"
            maxLength={100}
            value={text}
            onChange={(v) => setText(v)}
            onClear={() => {
              setText('');
              setTerm('');
            }}
          >
            <Search.Button type="submit">{t('st_searchButton')}</Search.Button>
          </Search>
        </form>
        {term ? (
          fetching && !data ? (
            <Loader size="small" title={t('st_searchResults')} />
          ) : error ? (
            <BodyShort role="alert">{error.message}</BodyShort>
          ) : (
            <div role="status">
              {hits.length === 0 ? (
                <BodyShort>{t('st_searchNone')}</BodyShort>
              ) : (
                <VStack gap="space-4">
                  <Detail>{t('st_searchCount', { count: hits.length })}</Detail>
                  <ul aria-label={t('st_searchResults')} data-testid="search-hits" style={{ margin: 0 }}>
                    {hits.map((h) => (
                      <li key={h.id}>
                        <Link to={`/portfolio/${encodeURIComponent(h.id)}`}>
                          {h.givenName} {h.familyName}
                        </Link>{' '}
                        {h.phase ? (
                          <Tag size="xsmall" variant="neutral">
                            {t(`phase_${h.phase}`)}
                          </Tag>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </VStack>
              )}
            </div>
          )
        ) : null}
      </VStack>
    </section>
  );
}
