/**
 * Studies (seed 000 §1: the routine applies to studies too): a study start moves the job seeker to
 * studying and is offered a study support plan; its end (completed or not) returns them to job
 * search. The end is version-checked.
 */
import {
  ConflictErrorFields,
  fieldId,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { Radio, RadioGroup, TextField } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonField, WorkFormFrame } from './form-rows.js';

const RECORD_STUDY_START = graphql(
  `
  mutation RecordStudyStart($input: RecordStudyStartInput!) {
    recordStudyStart(input: $input) {
      __typename
      ... on MutationRecordStudyStartSuccess { data { id programme } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const END_STUDY = graphql(
  `
  mutation EndStudy($input: EndStudyInput!) {
    endStudy(input: $input) {
      __typename
      ... on MutationEndStudySuccess { data { id endDate completed version } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export function StudyStartForm({
  jobSeekerId,
  onDone,
  onCancel,
}: {
  jobSeekerId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [institution, setInstitution] = useState('');
  const [programme, setProgramme] = useState('');
  const [startDate, setStartDate] = useState('');
  const form = useMutationForm(RECORD_STUDY_START, { issueText: ownIssueText(t, 'wk_issue_') });
  const issues = form.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!institution.trim()) local.institution = t('wk_issue_REQUIRED');
    if (!programme.trim()) local.programme = t('wk_issue_REQUIRED');
    if (!startDate) local.startDate = t('wk_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: {
        jobSeekerId: rawId(jobSeekerId),
        institution: institution.trim(),
        programme: programme.trim(),
        startDate,
      },
    });
    if (res.ok) onDone(t('wk_studyStarted'));
  };

  return (
    <WorkFormFrame
      headingId="study-start-heading"
      heading={t('wk_studyStartTitle')}
      idPrefix="study-start"
      form={form}
      onSubmit={submit}
      submitLabel={t('wk_saveStudyStart')}
      onCancel={onCancel}
    >
      <TextField
        id={fieldId('study-start', 'institution')}
        label={t('wk_institution')}
        value={institution}
        maxLength={200}
        error={issues.institution}
        onChange={(e) => setInstitution(e.target.value)}
      />
      <TextField
        id={fieldId('study-start', 'programme')}
        label={t('wk_programme')}
        value={programme}
        maxLength={200}
        error={issues.programme}
        onChange={(e) => setProgramme(e.target.value)}
      />
      <DateField
        id={fieldId('study-start', 'startDate')}
        label={t('wk_startDate')}
        value={startDate}
        onChange={setStartDate}
        error={issues.startDate}
        name="studyStartDate"
      />
    </WorkFormFrame>
  );
}

export function StudyEndForm({
  study,
  onDone,
  onCancel,
  onConflict,
}: {
  study: { id: string; programme: string; startDate: string; version: number };
  onDone: (message: string) => void;
  onCancel: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const today = osloToday();
  const [endDate, setEndDate] = useState('');
  const [completed, setCompleted] = useState<'yes' | 'no' | ''>('');
  const [reason, setReason] = useState('');
  const form = useMutationForm(END_STUDY, {
    issueText: ownIssueText(t, 'wk_issue_'),
    failureText: (f) => (f.kind === 'conflict' ? t('wk_conflict') : undefined),
  });
  const issues = form.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!endDate) local.endDate = t('wk_issue_REQUIRED');
    if (!completed) local.completed = t('wk_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: {
        studyId: study.id,
        version: study.version,
        endDate,
        completed: completed === 'yes',
        reason: reason.trim() || null,
      },
    });
    if (res.ok) onDone(t('wk_studyEnded'));
    else if (res.kind === 'conflict') onConflict();
  };

  return (
    <WorkFormFrame
      headingId={`study-end-${study.id}`}
      heading={t('wk_studyEndTitle', { programme: study.programme })}
      idPrefix="study-end"
      form={form}
      onSubmit={submit}
      submitLabel={t('wk_saveStudyEnd')}
      onCancel={onCancel}
    >
      <DateField
        id={fieldId('study-end', 'endDate')}
        label={t('wk_endDate')}
        value={endDate}
        onChange={setEndDate}
        error={issues.endDate}
        fromDay={study.startDate}
        toDay={today}
        name="studyEndDate"
      />
      <RadioGroup
        id={fieldId('study-end', 'completed')}
        legend={t('wk_studyOutcome')}
        size="small"
        value={completed}
        error={issues.completed}
        onChange={(v: 'yes' | 'no') => setCompleted(v)}
      >
        <Radio value="yes">{t('wk_completed')}</Radio>
        <Radio value="no">{t('wk_notCompleted')}</Radio>
      </RadioGroup>
      <ReasonField prefix="study-end" value={reason} onChange={setReason} error={issues.reason} />
    </WorkFormFrame>
  );
}
