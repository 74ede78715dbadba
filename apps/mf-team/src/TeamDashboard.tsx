/**
 * The supervisor's team dashboard: each measure's latest value against the team's target with its
 * trend (a chart, and the same numbers in words for screen readers), and the results per job
 * specialist for the latest period. Team and granularity are kept in the address.
 */
import { graphql, rawId, useSession } from '@ips/ui';
import { BodyShort, Heading, HGrid, HStack, Loader, Select, ToggleGroup, VStack } from '@navikt/ds-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { MEASURES, MeasureCard, type Period, SpecialistTable } from './team-dashboard-parts.js';

const TEAMS = graphql(`
  query MyTeams($orgs: [ID!]!) {
    nodes(ids: $orgs) { id ... on Organization { specialistTeams { id name methodSupervisor { id } } } }
  }
`);

const RESULTS = graphql(`
  query TeamResults($teamId: ID!, $g: Granularity!) {
    teamResults(teamId: $teamId, granularity: $g, periods: 12) {
      __typename
      ... on QueryTeamResultsSuccess {
        data {
          teamName
          periods {
            from
            to
            team { measure value target met ceiling periodCount }
            specialists { userId givenName familyName role values { measure value target met ceiling periodCount } }
          }
        }
      }
      ... on NotFoundError { message }
    }
  }
`);

const GRANULARITIES = ['WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;

/**
 * The teams whose figures the user sees: the supervisor the teams they lead; the health-service
 * leader every team of the organisations they lead, as aggregates (the API returns no specialist's
 * figures to a leader).
 */
function useDashboardTeams() {
  const session = useSession();
  const leaderOf = new Set(
    session.memberships.filter((m) => m.role === 'HEALTH_SERVICE_LEADER').map((m) => m.organizationId),
  );
  const orgIds = [
    ...new Set(
      session.memberships
        .filter((m) => m.role === 'METHOD_SUPERVISOR' || m.role === 'HEALTH_SERVICE_LEADER')
        .map((m) => m.organizationId),
    ),
  ];
  // A team may span organisations: its figures are read in all of the supervisor's.
  const everywhere = useMemo(() => ({ allOrganizations: true }), []);
  const [teamsResult] = useQuery({
    query: TEAMS,
    variables: { orgs: orgIds.map((id) => btoa(`Organization:${id}`)) },
    context: everywhere,
  });
  const teams = (teamsResult.data?.nodes ?? [])
    .flatMap((n) =>
      n && 'specialistTeams' in n ? n.specialistTeams.map((team) => ({ ...team, org: rawId(n.id) })) : [],
    )
    .filter((team) => team.methodSupervisor?.id === session.userId || leaderOf.has(team.org));
  return { teams, leaderOf, everywhere, loading: teamsResult.fetching && !teamsResult.data };
}

export function TeamDashboard() {
  const { t } = useTranslation('team');
  const [params, setParams] = useSearchParams();
  const { teams, leaderOf, everywhere, loading } = useDashboardTeams();
  const teamId = params.get('team') ?? teams[0]?.id ?? '';
  const asked = (params.get('periode') ?? 'WEEK').toUpperCase();
  const granularity = GRANULARITIES.find((g) => g === asked) ?? 'WEEK';
  const [{ data, fetching, error }] = useQuery({
    query: RESULTS,
    variables: { teamId, g: granularity },
    pause: !teamId,
    context: everywhere,
  });

  if (loading) return <Loader title={t('title')} />;
  if (!teamId)
    // A leader whose organisation hosts no team is told what they see instead (issue 16).
    return leaderOf.size > 0 ? (
      <VStack gap="space-8">
        <Heading level="1" size="large">
          {t('title')}
        </Heading>
        <BodyShort data-testid="leader-no-team">{t('fig_leaderNoTeam')}</BodyShort>
        <Link to="/staffing">{t('fig_toStaffing')}</Link>
      </VStack>
    ) : (
      <BodyShort>{t('noTeam')}</BodyShort>
    );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };
  const results = data?.teamResults;
  const periods: readonly Period[] =
    results?.__typename === 'QueryTeamResultsSuccess' ? results.data.periods : [];
  const latest = periods.at(-1);
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('title')}
      </Heading>
      <HStack gap="space-16" align="end">
        {teams.length > 1 && (
          <Select label={t('team')} size="small" value={teamId} onChange={(e) => set('team', e.target.value)}>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </Select>
        )}
        <ToggleGroup
          label={t('period')}
          size="small"
          value={granularity}
          onChange={(g) => set('periode', g.toLowerCase())}
        >
          {['WEEK', 'MONTH', 'QUARTER'].map((g) => (
            <ToggleGroup.Item key={g} value={g}>
              {t(g)}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup>
      </HStack>
      {error && <BodyShort role="alert">{error.message}</BodyShort>}
      {results?.__typename === 'NotFoundError' && <BodyShort role="alert">{results.message}</BodyShort>}
      {fetching && !data && <Loader title={t('title')} />}
      {latest && (
        <>
          <HGrid gap="space-16" columns={{ xs: 1, md: 2, lg: 3 }} data-testid="measures">
            {MEASURES.map((measure) => (
              <MeasureCard key={measure} measure={measure} periods={periods} latest={latest} />
            ))}
          </HGrid>
          {latest.specialists.length === 0 ? null : <SpecialistTable specialists={latest.specialists} />}
        </>
      )}
    </VStack>
  );
}
