/**
 * The marker of a protected address (issue 17 item 9; domain.md §10: "Job seekers with a protected
 * address (strengt fortrolig / fortrolig adresse, kode 6/7) have their address and whereabouts
 * hidden from everyone without a specific need"): on the job seeker's page, above every tab, so the
 * specialist never gives away where the person lives or works — and, for kode 6, that the workplace
 * is shown to nobody else (the API holds that: `Employment.employer`).
 */
import { Alert, BodyShort, Heading, Tag } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';

type Level = 'NONE' | 'CONFIDENTIAL' | 'STRICTLY_CONFIDENTIAL' | null | undefined;

export function ProtectedMarker({ level }: { level: Level }) {
  const { t } = useTranslation('portfolio');
  if (level !== 'CONFIDENTIAL' && level !== 'STRICTLY_CONFIDENTIAL') return null;
  return (
    <Alert variant="error" size="small" data-testid="protected-marker">
      <Heading level="2" size="xsmall">
        {t(`pp_title_${level}`)}
      </Heading>
      <BodyShort>{t(`pp_body_${level}`)}</BodyShort>
    </Alert>
  );
}

/** The short form, for lists. */
export function ProtectedTag({ level }: { level: Level }) {
  const { t } = useTranslation('portfolio');
  if (level !== 'CONFIDENTIAL' && level !== 'STRICTLY_CONFIDENTIAL') return null;
  return (
    <Tag size="xsmall" variant="error" data-testid="protected-tag">
      {t(`pp_tag_${level}`)}
    </Tag>
  );
}
