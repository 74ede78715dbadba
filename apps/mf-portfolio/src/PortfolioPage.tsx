/**
 * My portfolio: the specialist's job seekers with phase and deadline status, overdue first, with
 * counters (total, new for me, overdue, due soon) and filters kept in the address, so they survive a
 * reload and can be saved under a name (kept in this browser, per user) and applied with one tap.
 */
import { PORTFOLIO_QUERY, useSession } from '@ips/ui';
import {
  BodyShort,
  Button,
  Heading,
  HStack,
  Loader,
  Select,
  Tag,
  TextField,
  ToggleGroup,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { JobSeekerSearch } from './JobSeekerSearch.js';
import { PortfolioTable, SavedFilterChips } from './portfolio-parts.js';

type Status = 'OVERDUE' | 'DUE' | 'UPCOMING' | 'NONE';

const PHASES = [
  'REFERRED',
  'INTAKE',
  'CAREER_PROFILING',
  'JOB_SEARCH',
  'EMPLOYED',
  'STUDYING',
  'TAPERING',
] as const;

interface SavedFilter {
  name: string;
  /** The address's query string the filter stands for. */
  query: string;
}

/** Named filters, kept in this browser for this user (nothing about job seekers is stored). */
export function useSavedFilters(userId: string) {
  const key = `ips.portfolio.filters.${userId}`;
  const read = (): SavedFilter[] => {
    try {
      const value = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
      return Array.isArray(value)
        ? value.filter((f): f is SavedFilter => typeof f?.name === 'string' && typeof f?.query === 'string')
        : [];
    } catch {
      return [];
    }
  };
  const [filters, setFilters] = useState<SavedFilter[]>(read);
  const write = (next: SavedFilter[]) => {
    localStorage.setItem(key, JSON.stringify(next));
    setFilters(next);
  };
  return {
    filters,
    save: (name: string, query: string) =>
      write([...filters.filter((f) => f.name !== name), { name, query }]),
    remove: (name: string) => write(filters.filter((f) => f.name !== name)),
  };
}

const RANK: Record<Status, number> = { OVERDUE: 0, DUE: 1, UPCOMING: 2, NONE: 3 };

export function PortfolioPage() {
  const { t } = useTranslation('portfolio');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter =
    params.get('vis') === 'forfalt' ? 'overdue' : params.get('vis') === 'samtykke' ? 'consent' : 'all';
  const phase = params.get('fase') ?? '';
  const saved = useSavedFilters(session.userId);
  const [filterName, setFilterName] = useState('');
  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const [{ data, fetching, error }] = useQuery({
    query: PORTFOLIO_QUERY,
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
  const fresh = rows.filter((r) => r.phase === 'REFERRED').length;
  // Seed 001 §3: every job seeker is to have the consent to team and NAV discussion (issue 17 item 6).
  const noConsent = rows.filter((r) => r.teamDiscussionConsent === 'MISSING').length;
  const shown = rows
    .filter((r) => filter !== 'overdue' || r.deadlineStatus === 'OVERDUE')
    .filter((r) => filter !== 'consent' || r.teamDiscussionConsent === 'MISSING')
    .filter((r) => !phase || r.phase === phase);
  const query = params.toString();
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('title')}
      </Heading>
      <JobSeekerSearch />
      <HStack gap="space-16" aria-label={t('title')} role="group">
        <Tag variant="neutral" data-testid="count-total">
          {t('total')}: {rows.length}
        </Tag>
        <Tag variant="info" data-testid="count-new">
          {t('newForMe')}: {fresh}
        </Tag>
        <Tag variant="neutral" data-testid="count-meetings">
          {t('meetingsToday')}: {data?.myMeetingsToday ?? 0}
        </Tag>
        <Tag variant="error" data-testid="count-overdue">
          {t('overdue')}: {overdue}
        </Tag>
        <Tag variant="warning" data-testid="count-due">
          {t('due')}: {due}
        </Tag>
        <Tag variant="warning" data-testid="count-team-consent">
          {t('tc_countMissing')}: {noConsent}
        </Tag>
      </HStack>
      <ToggleGroup
        label={t('filterLabel')}
        size="small"
        value={filter}
        onChange={(value) =>
          update('vis', value === 'overdue' ? 'forfalt' : value === 'consent' ? 'samtykke' : null)
        }
      >
        <ToggleGroup.Item value="all">{t('filterAll')}</ToggleGroup.Item>
        <ToggleGroup.Item value="overdue">{t('filterOverdue')}</ToggleGroup.Item>
        <ToggleGroup.Item value="consent">{t('tc_filterMissing')}</ToggleGroup.Item>
      </ToggleGroup>
      <HStack gap="space-12" align="end" wrap>
        <Select
          label={t('phase')}
          size="small"
          value={phase}
          onChange={(e) => update('fase', e.target.value || null)}
        >
          <option value="">{t('filterAll')}</option>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`phase_${p}`)}
            </option>
          ))}
        </Select>
        <TextField
          label={t('filterName')}
          size="small"
          value={filterName}
          maxLength={40}
          onChange={(e) => setFilterName(e.target.value)}
        />
        <Button
          size="small"
          variant="secondary"
          disabled={!filterName.trim() || !query}
          onClick={() => {
            saved.save(filterName.trim(), query);
            setFilterName('');
          }}
        >
          {t('saveFilter')}
        </Button>
      </HStack>
      <SavedFilterChips saved={saved} query={query} onChoose={(q) => setParams(new URLSearchParams(q))} />
      {shown.length === 0 ? <BodyShort>{t('empty')}</BodyShort> : <PortfolioTable rows={shown} />}
    </VStack>
  );
}
