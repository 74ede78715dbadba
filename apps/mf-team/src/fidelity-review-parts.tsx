/**
 * Parts of a fidelity review (split out of FidelityPage.tsx, issue 19): its heading with the status
 * and the total or the progress, and one item of the scale: its number
 * and title, the score suggested from data with its basis, the score (chosen here while the review
 * is a draft) and the change since the previous review.
 */
import { formatDay } from '@ips/ui';
import { Alert, BodyShort, Detail, Heading, HStack, Select, Table, Tag } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import type { Review } from './FidelityPage.js';

type Row = Pick<Review['items'][number], 'item' | 'title' | 'score' | 'computedScore' | 'computedEvidence'>;

export function FidelityItemRow({
  row: i,
  draft,
  scoring,
  change,
  onScore,
}: {
  row: Row;
  draft: boolean;
  scoring: boolean;
  change: Review['comparison'][number]['change'] | undefined;
  onScore: (value: number) => void;
}) {
  const { t } = useTranslation('team');
  return (
    <Table.Row>
      <Table.DataCell>{i.item}</Table.DataCell>
      <Table.DataCell>{t(`fid_itemTitle_${i.item}`, { defaultValue: i.title })}</Table.DataCell>
      <Table.DataCell>
        {i.computedScore !== null ? <strong>{i.computedScore}</strong> : null}
        {i.computedEvidence ? (
          <Detail>
            {i.computedEvidence.basis}
            {i.computedEvidence.figure !== null
              ? `: ${i.computedEvidence.figure} ${i.computedEvidence.unit}`
              : ''}
          </Detail>
        ) : null}
      </Table.DataCell>
      <Table.DataCell>
        {draft ? (
          <Select
            label={t('fid_scoreFor', { item: i.item })}
            hideLabel
            size="small"
            value={i.score ?? ''}
            // Wide enough for the chosen value beside the arrow (issue 16: it was cut off).
            style={{ minWidth: '4.5rem' }}
            disabled={scoring}
            onChange={(e) => onScore(Number(e.target.value))}
          >
            <option value="">–</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        ) : (
          (i.score ?? '–')
        )}
      </Table.DataCell>
      <Table.DataCell>{change ? (Number(change) > 0 ? `+${change}` : change) : ''}</Table.DataCell>
    </Table.Row>
  );
}

export function ReviewHeader({
  review,
  draft,
  scored,
  of,
}: {
  review: Review;
  draft: boolean;
  scored: number;
  of: number;
}) {
  const { t } = useTranslation('team');
  return (
    <>
      <HStack gap="space-8" align="center" wrap>
        <Heading level="2" size="medium">
          {t('fid_review', { date: formatDay(review.reviewedOn) })}
        </Heading>
        <Tag size="small" variant={draft ? 'warning' : 'success'}>
          {t(`fid_status_${review.status}`)}
        </Tag>
      </HStack>
      <Detail>{review.reviewers}</Detail>
      {review.totalScore !== null && review.band ? (
        <Alert variant="info" size="small" data-testid="fidelity-total">
          {t('fid_total', { total: review.totalScore, band: t(`fid_band_${review.band}`) })}
        </Alert>
      ) : (
        <BodyShort>{t('fid_progress', { scored, of })}</BodyShort>
      )}
    </>
  );
}
