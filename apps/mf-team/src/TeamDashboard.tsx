/**
 * The supervisor's team dashboard: each measure's latest value against the team's target with its
 * trend (a chart, and the same numbers in words for screen readers), and the results per job
 * specialist for the latest period. Team and granularity are kept in the address.
 */
import { graphql, rawId, useSession } from '@ips/ui';
import {
  BodyShort,
  Box,
  Heading,
  HGrid,
  HStack,
  Loader,
  Select,
  Table,
  Tag,
  ToggleGroup,
  VStack,
} from '@navikt/ds-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { formatMeasure, SHARES } from './format.js';

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

interface Value {
  measure: string;
  value: number | null;
  target: number;
  met: boolean | null;
  /** The target is a ceiling (the caseload): at or under it is fine. */
  ceiling: boolean;
  /** Job starts: the count within the period (the value is the rolling twelve months). */
  periodCount: number | null;
}
interface Period {
  from: string;
  to: string;
  team: Value[];
  specialists: {
    userId: string;
    givenName: string;
    familyName: string;
    role: string;
    values: Value[];
  }[];
}

const MEASURES = [
  'EMPLOYMENT_RATE',
  'JOB_STARTS_PER_SPECIALIST_PER_YEAR',
  'CASELOAD_PER_SPECIALIST',
  'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK',
  'COMMUNITY_TIME_SHARE',
  'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE',
];

export function TeamDashboard() {
  const { t, i18n } = useTranslation('team');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  // The supervisor sees the teams they lead; the health-service leader every team of the
  // organisations they lead, as aggregates (the API returns no specialist's figures to a leader).
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
  const teamId = params.get('team') ?? teams[0]?.id ?? '';
  const asked = (params.get('periode') ?? 'WEEK').toUpperCase();
  const granularity = GRANULARITIES.find((g) => g === asked) ?? 'WEEK';
  const [{ data, fetching, error }] = useQuery({
    query: RESULTS,
    variables: { teamId, g: granularity },
    pause: !teamId,
    context: everywhere,
  });

  if (teamsResult.fetching && !teamsResult.data) return <Loader title={t('title')} />;
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
            {MEASURES.map((measure) => {
              const now = latest.team.find((v) => v.measure === measure);
              const series = periods.map((p) => ({
                label: p.from.slice(5),
                value: p.team.find((v) => v.measure === measure)?.value ?? null,
                target: p.team.find((v) => v.measure === measure)?.target ?? null,
              }));
              const scale = SHARES.has(measure) ? 100 : 1;
              const first = series.find((s) => s.value !== null)?.value ?? null;
              const summary = t('chartSummary', {
                measure: t(measure),
                first: formatMeasure(measure, first, i18n.language),
                last: formatMeasure(measure, now?.value ?? null, i18n.language),
                target: formatMeasure(measure, now?.target ?? null, i18n.language),
              });
              return (
                <Box key={measure} padding="space-16" borderWidth="1" borderRadius="8" data-measure={measure}>
                  <VStack gap="space-8">
                    <Heading level="2" size="xsmall">
                      {t(measure)}
                    </Heading>
                    <HStack gap="space-8" align="center" wrap>
                      <BodyShort size="large" weight="semibold" data-testid={`value-${measure}`}>
                        {formatMeasure(measure, now?.value ?? null, i18n.language)}
                      </BodyShort>
                      {now?.periodCount !== null && now?.periodCount !== undefined ? (
                        <BodyShort size="small">{t('fig_rollingYear')}</BodyShort>
                      ) : null}
                      <BodyShort size="small">
                        {now?.ceiling ? t('fig_ceiling') : t('target')}:{' '}
                        {formatMeasure(measure, now?.target ?? null, i18n.language)}
                      </BodyShort>
                      <MetTag value={now} />
                    </HStack>
                    {now?.periodCount !== null && now?.periodCount !== undefined ? (
                      <BodyShort size="small" data-testid={`period-count-${measure}`}>
                        {t('fig_inPeriod', { count: now.periodCount })}
                      </BodyShort>
                    ) : null}
                    {now?.ceiling ? (
                      <BodyShort size="small">
                        {t('fig_ceilingHelp', {
                          target: formatMeasure(measure, now.target, i18n.language),
                        })}
                      </BodyShort>
                    ) : null}
                    <div role="img" aria-label={summary} style={{ width: '100%', height: 120 }}>
                      <ResponsiveContainer width="100%" height="100%">
                        <LineChart
                          data={series.map((s) => ({
                            ...s,
                            value: s.value === null ? null : s.value * scale,
                            target: s.target === null ? null : s.target * scale,
                          }))}
                          margin={{ top: 4, right: 8, bottom: 0, left: -16 }}
                        >
                          <CartesianGrid strokeDasharray="3 3" />
                          <XAxis dataKey="label" fontSize={10} />
                          <YAxis fontSize={10} />
                          <Line
                            type="monotone"
                            dataKey="value"
                            stroke="#0067c5"
                            strokeWidth={2}
                            dot={false}
                            isAnimationActive={false}
                          />
                          <Line
                            type="stepAfter"
                            dataKey="target"
                            stroke="#c30000"
                            strokeDasharray="4 4"
                            dot={false}
                            isAnimationActive={false}
                          />
                        </LineChart>
                      </ResponsiveContainer>
                    </div>
                  </VStack>
                </Box>
              );
            })}
          </HGrid>
          {latest.specialists.length === 0 ? null : (
            <>
              <Heading level="2" size="medium">
                {t('perSpecialist')}
              </Heading>
              <div style={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="per-specialist">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('specialist')}</Table.HeaderCell>
                      {MEASURES.map((m) => (
                        <Table.HeaderCell key={m} scope="col">
                          {t(m)}
                        </Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {latest.specialists.map((s) => (
                      <Table.Row key={s.userId}>
                        <Table.HeaderCell scope="row">
                          {s.givenName} {s.familyName}
                        </Table.HeaderCell>
                        {MEASURES.map((m) => {
                          const v = s.values.find((x) => x.measure === m);
                          return (
                            <Table.DataCell key={m}>
                              {formatMeasure(m, v?.value ?? null, i18n.language)}
                              {v?.ceiling && v.value !== null ? (
                                <>
                                  {' '}
                                  ({t('fig_ceiling').toLowerCase()}{' '}
                                  {formatMeasure(m, v.target, i18n.language)})
                                </>
                              ) : null}
                              {v?.periodCount ? (
                                <BodyShort as="span" size="small">
                                  {' '}
                                  ({t('fig_inPeriod', { count: v.periodCount })})
                                </BodyShort>
                              ) : null}
                            </Table.DataCell>
                          );
                        })}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            </>
          )}
        </>
      )}
    </VStack>
  );
}

/** Met or not, in the words of the target's kind: a ceiling is "within" or "over", a floor "met". */
function MetTag({ value }: { value: Value | undefined }) {
  const { t } = useTranslation('team');
  if (value?.met === null || value?.met === undefined)
    return (
      <Tag size="small" variant="neutral">
        {t('noData')}
      </Tag>
    );
  const text = value.ceiling
    ? value.met
      ? t('fig_withinCeiling')
      : t('fig_overCeiling')
    : value.met
      ? t('met')
      : t('notMet');
  return (
    <Tag size="small" variant={value.met ? 'success' : 'warning'}>
      {text}
    </Tag>
  );
}
