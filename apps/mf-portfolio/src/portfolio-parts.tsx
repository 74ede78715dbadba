/**
 * The portfolio page's parts (`PortfolioPage`): the saved filters as chips (choose or remove), and
 * the table of job seekers with their phase and deadline status.
 */

import { BodyShort, Button, Chips, HStack, Table, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProtectedTag } from './job-seeker/ProtectedMarker.js';

type Level = Parameters<typeof ProtectedTag>[0]['level'];

type Status = 'OVERDUE' | 'DUE' | 'UPCOMING' | 'NONE';
const VARIANT: Record<Status, 'error' | 'warning' | 'info' | 'neutral'> = {
  OVERDUE: 'error',
  DUE: 'warning',
  UPCOMING: 'info',
  NONE: 'neutral',
};

/** The saved filters: a chip each to choose it, and a button each to remove it. */
export function SavedFilterChips({
  saved,
  query,
  onChoose,
}: {
  saved: { filters: readonly { name: string; query: string }[]; remove: (name: string) => void };
  query: string;
  onChoose: (query: string) => void;
}) {
  const { t } = useTranslation('portfolio');
  if (saved.filters.length === 0) return null;
  return (
    <VStack gap="space-4">
      <BodyShort size="small" id="saved-filters-label">
        {t('savedFilters')}
      </BodyShort>
      <Chips aria-labelledby="saved-filters-label" data-testid="saved-filters">
        {saved.filters.map((f) => (
          <Chips.Toggle key={f.name} selected={f.query === query} onClick={() => onChoose(f.query)}>
            {f.name}
          </Chips.Toggle>
        ))}
      </Chips>
      <HStack gap="space-4" wrap>
        {saved.filters.map((f) => (
          <Button key={f.name} size="xsmall" variant="tertiary" onClick={() => saved.remove(f.name)}>
            {t('removeFilter', { name: f.name })}
          </Button>
        ))}
      </HStack>
    </VStack>
  );
}

interface Row {
  id: string;
  givenName: string | null;
  familyName: string | null;
  phase: string | null;
  deadlineStatus: Status | null;
  protectedAddress: Level | 'NONE' | null;
  teamDiscussionConsent: string | null;
}

/** The job seekers shown, with phase and deadline status. */
export function PortfolioTable({ rows: shown }: { rows: readonly Row[] }) {
  const { t } = useTranslation('portfolio');
  return (
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
              {r.protectedAddress && r.protectedAddress !== 'NONE' ? (
                <>
                  {' '}
                  <ProtectedTag level={r.protectedAddress} />
                </>
              ) : null}
              {r.teamDiscussionConsent === 'MISSING' ? (
                <>
                  {' '}
                  <Tag size="xsmall" variant="warning">
                    {t('tc_tagMissing')}
                  </Tag>
                </>
              ) : null}
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
  );
}
