/**
 * The person page's timeline tab (JobSeekerPage): every event of the case (timeline.ts) in order,
 * each with its day and a sentence, face-to-face meetings and contacts marked.
 */
import { formatDay } from '@ips/ui';
import { BodyShort, Box, Detail, Tag } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from './timeline.js';

export function TimelineTab({ timeline }: { timeline: readonly TimelineEvent[] }) {
  const { t } = useTranslation('portfolio');
  return (
    <Box paddingBlock="space-16">
      {timeline.length === 0 ? (
        <BodyShort>{t('js_noTimeline')}</BodyShort>
      ) : (
        <ol
          aria-label={t('js_tabTimeline')}
          style={{ display: 'grid', gap: '0.5rem', paddingInlineStart: '1.25rem' }}
        >
          {timeline.map((ev) => (
            <TimelineItem key={ev.key} ev={ev} />
          ))}
        </ol>
      )}
    </Box>
  );
}

function TimelineItem({ ev }: { ev: TimelineEvent }) {
  const { t } = useTranslation('portfolio');
  const d = ev.detail;
  const text = t(`tl_${ev.kind}`, {
    ...d,
    scope: d.scope ? t(`scope_${d.scope}`) : '',
    purpose: d.purpose
      ? t(`${ev.kind === 'EMPLOYER_CONTACT' ? 'contactPurpose' : 'purpose'}_${d.purpose}`)
      : '',
  });
  return (
    <li>
      <Detail as="span">{formatDay(ev.at)}</Detail> <BodyShort as="span">{text}</BodyShort>
      {ev.kind === 'TRANSFERRED' && d.temporary ? ` ${t('tl_temporary')}` : ''}
      {ev.kind === 'TRANSFERRED' && d.reason ? ` – ${t(`reason_${d.reason}`)}` : ''}
      {ev.kind === 'TRANSFERRED' && d.levelReason ? ` – ${t('tl_levelReason')}: ${d.levelReason}` : ''}
      {ev.kind === 'PLAN_REVISED' && d.note ? ` – ${d.note}` : ''}
      {(ev.kind === 'MEETING' || ev.kind === 'EMPLOYER_CONTACT') && d.faceToFace ? (
        <>
          {' '}
          <Tag size="xsmall" variant="success">
            {t('js_faceToFace')}
          </Tag>
        </>
      ) : null}
    </li>
  );
}
