/**
 * The parts of the supervisor's team dashboard: one measure's card (its latest value against the
 * target, the trend as a chart with the same numbers in words for screen readers) and the results
 * per job specialist for the latest period.
 */
import { BodyShort, Box, Heading, HStack, Table, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatMeasure, SHARES } from './format.js';

export interface Value {
  measure: string;
  value: number | null;
  target: number;
  met: boolean | null;
  /** The target is a ceiling (the caseload): at or under it is fine. */
  ceiling: boolean;
  /** Job starts: the count within the period (the value is the rolling twelve months). */
  periodCount: number | null;
}
export interface Period {
  from: string;
  to: string;
  team: Value[];
  specialists: Specialist[];
}
interface Specialist {
  userId: string;
  givenName: string;
  familyName: string;
  role: string;
  values: Value[];
}

export const MEASURES = [
  'EMPLOYMENT_RATE',
  'JOB_STARTS_PER_SPECIALIST_PER_YEAR',
  'CASELOAD_PER_SPECIALIST',
  'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK',
  'COMMUNITY_TIME_SHARE',
  'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE',
];

/** One measure's card: the latest value, the target, met or not, and the trend over the periods. */
export function MeasureCard({
  measure,
  periods,
  latest,
}: {
  measure: string;
  periods: readonly Period[];
  latest: Period;
}) {
  const { t, i18n } = useTranslation('team');
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
}

/** The results per job specialist for the latest period (none for a leader: aggregates only). */
export function SpecialistTable({ specialists }: { specialists: readonly Specialist[] }) {
  const { t, i18n } = useTranslation('team');
  return (
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
            {specialists.map((s) => (
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
                          ({t('fig_ceiling').toLowerCase()} {formatMeasure(m, v.target, i18n.language)})
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
