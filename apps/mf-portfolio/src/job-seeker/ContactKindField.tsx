/**
 * The kind of a contact with the job seeker — face to face, phone or video (issue 17 item 4). The
 * contact after a job ends counts by any kind (seed 000 §8); the follow-up meetings after a job
 * start count only face to face (§7), so the form asks for the kind instead of a yes/no.
 */
import { Radio, RadioGroup } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';

export const CONTACT_KINDS = ['FACE_TO_FACE', 'PHONE', 'VIDEO'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export function ContactKindField({
  value,
  onChange,
  error,
  jobEnd,
}: {
  value: ContactKind;
  onChange: (kind: ContactKind) => void;
  error?: string | undefined;
  /** The purpose is the contact after a job ended: say that any kind counts. */
  jobEnd?: boolean;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <RadioGroup
      id="fu-meeting-contactKind"
      legend={t('ck_legend')}
      description={jobEnd ? t('ck_jobEndHelp') : undefined}
      size="small"
      value={value}
      error={error}
      onChange={(v: ContactKind) => onChange(v)}
    >
      {CONTACT_KINDS.map((k) => (
        <Radio key={k} value={k}>
          {t(`ck_${k}`)}
        </Radio>
      ))}
    </RadioGroup>
  );
}
