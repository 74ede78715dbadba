/**
 * The employer contact form's fields after the employer (`EmployerContactForm`): date and time,
 * face to face or not, purpose, outcome, contact person and note.
 */
import { fieldId, osloToday, TimeField } from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { HStack, Switch, Textarea, TextField } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from './form-rows.js';

const PURPOSES = ['JOB_DEVELOPMENT_FOR_JOB_SEEKER', 'FOLLOW_UP_IN_EMPLOYMENT'] as const;
export type Purpose = (typeof PURPOSES)[number];
const OUTCOMES = ['INTERVIEW_ARRANGED', 'JOB_OFFERED', 'FOLLOW_UP_AGREED', 'NO_OPENING', 'OTHER'] as const;
export type Outcome = (typeof OUTCOMES)[number];

interface Values {
  day: string;
  time: string;
  faceToFace: boolean;
  purpose: Purpose;
  outcome: Outcome | '';
  contactPerson: string;
  notes: string;
}

export function ContactDetailFields({
  prefix,
  errors,
  values,
  set,
}: {
  prefix: string;
  errors: Record<string, string | undefined>;
  values: Values;
  set: {
    setDay: (v: string) => void;
    setTime: (v: string) => void;
    setFaceToFace: (v: boolean) => void;
    setPurpose: (v: Purpose) => void;
    setOutcome: (v: Outcome | '') => void;
    setContactPerson: (v: string) => void;
    setNotes: (v: string) => void;
  };
}) {
  const { t } = useTranslation('portfolio');
  return (
    <>
      <HStack gap="space-12" wrap align="start">
        <DateField
          id={fieldId(prefix, 'day')}
          label={t('fu_day')}
          value={values.day}
          onChange={set.setDay}
          error={errors.day ?? errors.contactedAt}
          size="small"
          name="contact-day"
          toDay={osloToday()}
        />
        <TimeField
          id={fieldId(prefix, 'time')}
          label={t('fu_time')}
          value={values.time}
          onChange={set.setTime}
          error={errors.time}
          size="small"
          name="contact-time"
        />
      </HStack>
      <Switch size="small" checked={values.faceToFace} onChange={(e) => set.setFaceToFace(e.target.checked)}>
        {t('fu_faceToFace')}
      </Switch>
      <CodeSelect
        id={fieldId(prefix, 'purpose')}
        label={t('emp_purpose')}
        size="small"
        values={PURPOSES}
        textPrefix="contactPurpose"
        value={values.purpose}
        onChange={set.setPurpose}
      />
      <CodeSelect
        id={fieldId(prefix, 'outcome')}
        label={t('emp_outcome')}
        size="small"
        values={OUTCOMES}
        textPrefix="outcome"
        empty="–"
        value={values.outcome}
        onChange={set.setOutcome}
      />
      <TextField
        id={fieldId(prefix, 'contactPerson')}
        label={t('emp_contactPerson')}
        size="small"
        maxLength={200}
        value={values.contactPerson}
        error={errors.contactPerson}
        onChange={(e) => set.setContactPerson(e.target.value)}
      />
      <Textarea
        id={fieldId(prefix, 'notes')}
        label={t('fu_note')}
        description={t('fu_noteHelp')}
        size="small"
        maxLength={4000}
        value={values.notes}
        error={errors.notes}
        onChange={(e) => set.setNotes(e.target.value)}
      />
    </>
  );
}
