/**
 * The supervision page's two logs (split out of SupervisionPage.tsx, issue 19): the field-mentoring
 * entries and the portfolio reviews with their cases, stalled ones marked.
 */
import { formatDay } from '@ips/ui';
import { BodyLong, BodyShort, Detail, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { CARD, CARDS } from './TeamPage.js';

type Name = { givenName: string | null; familyName: string | null };

export const nameOf = (u: Name) => [u.givenName, u.familyName].filter(Boolean).join(' ');

export type MentoringEntry = {
  id: string;
  occurredOn: unknown;
  setting: string;
  observations: string | null;
  feedback: string | null;
  observer: { givenName: string; familyName: string };
  observedSpecialist: { givenName: string; familyName: string };
};

export type PortfolioReviewEntry = {
  id: string;
  reviewedOn: unknown;
  notes: string | null;
  specialist: { givenName: string; familyName: string };
  items: readonly {
    stalled: boolean;
    note: string | null;
    jobSeeker: { id: string; givenName: string | null; familyName: string | null };
  }[];
};

export function MentoringLog({ log }: { log: readonly MentoringEntry[] }) {
  const { t } = useTranslation('team');
  return log.length === 0 ? (
    <BodyShort>{t('sv_noMentoring')}</BodyShort>
  ) : (
    <ul style={CARDS} data-testid="mentoring-log">
      {log.map((m) => (
        <li key={m.id} style={CARD}>
          <BodyShort weight="semibold">
            {t('sv_mentoringEntry', {
              observer: nameOf(m.observer),
              observed: nameOf(m.observedSpecialist),
            })}
          </BodyShort>
          <Detail>
            {formatDay(String(m.occurredOn))} · {t(`sv_setting_${m.setting}`)}
          </Detail>
          {m.observations ? <BodyLong size="small">{m.observations}</BodyLong> : null}
          {m.feedback ? <BodyLong size="small">{m.feedback}</BodyLong> : null}
        </li>
      ))}
    </ul>
  );
}

export function ReviewList({ reviews }: { reviews: readonly PortfolioReviewEntry[] }) {
  const { t } = useTranslation('team');
  if (reviews.length === 0) return <BodyShort>{t('sv_noReviews')}</BodyShort>;
  return (
    <VStack gap="space-12" data-testid="portfolio-reviews">
      {reviews.map((r) => {
        const stalled = r.items.filter((i) => i.stalled).length;
        const title = t('sv_reviewOf', {
          name: nameOf(r.specialist),
          date: formatDay(String(r.reviewedOn)),
        });
        return (
          <article key={r.id} style={CARD} aria-label={title}>
            <VStack gap="space-8">
              <Heading level="3" size="xsmall">
                {title}
              </Heading>
              <HStack gap="space-8" wrap>
                <Tag size="small" variant="neutral">
                  {t('sv_caseCount', { count: r.items.length })}
                </Tag>
                <Tag size="small" variant={stalled ? 'warning' : 'success'} data-testid="stalled-count">
                  {t('sv_stalledCount', { count: stalled })}
                </Tag>
              </HStack>
              {r.notes ? <BodyLong style={{ whiteSpace: 'pre-line' }}>{r.notes}</BodyLong> : null}
              {r.items.length ? (
                <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                  {r.items.map((i) => (
                    <li key={i.jobSeeker.id}>
                      {nameOf(i.jobSeeker)} –{' '}
                      {i.stalled ? <strong>{t('sv_stalled')}</strong> : t('sv_moving')}
                      {i.note ? ` – ${i.note}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
            </VStack>
          </article>
        );
      })}
    </VStack>
  );
}
