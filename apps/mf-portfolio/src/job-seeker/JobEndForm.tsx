/**
 * A job ends (seed 000 §8): the end date, the day the specialist learned of it — which opens the
 * duty to contact the job seeker within three days — who ended it and why. Version-checked: a job
 * changed meanwhile is reloaded, never overwritten.
 */
import {
  ConflictErrorFields,
  fieldId,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { BodyShort } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeRadios, ReasonField, WorkFormFrame } from './form-rows.js';

const END_EMPLOYMENT = graphql(
  `
  mutation EndEmployment($input: EndEmploymentInput!) {
    endEmployment(input: $input) {
      __typename
      ... on MutationEndEmploymentSuccess { data { id endDate endedBy version } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export const ENDED_BY = ['EMPLOYER', 'JOB_SEEKER', 'MUTUAL', 'FIXED_TERM_EXPIRED'] as const;
type EndedBy = (typeof ENDED_BY)[number];

export function JobEndForm({
  employment,
  onDone,
  onCancel,
  onConflict,
}: {
  employment: { id: string; jobTitle: string; startDate: string; version: number };
  onDone: (message: string) => void;
  onCancel: () => void;
  /** Loads the job as it is now (after a version conflict). */
  onConflict: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const today = osloToday();
  const [endDate, setEndDate] = useState('');
  const [learnedOn, setLearnedOn] = useState(today);
  const [endedBy, setEndedBy] = useState<EndedBy | ''>('');
  const [reason, setReason] = useState('');
  const form = useMutationForm(END_EMPLOYMENT, {
    issueText: ownIssueText(t, 'wk_issue_'),
    failureText: (f) => (f.kind === 'conflict' ? t('wk_conflict') : undefined),
  });
  const issues = form.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!endDate) local.endDate = t('wk_issue_REQUIRED');
    if (!learnedOn) local.learnedOn = t('wk_issue_REQUIRED');
    if (!endedBy) local.endedBy = t('wk_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length || !endedBy) return;
    const res = await form.send({
      input: {
        employmentId: employment.id,
        version: employment.version,
        endDate,
        learnedOn,
        endedBy,
        reason: reason.trim() || null,
      },
    });
    if (res.ok) onDone(t('wk_jobEnded'));
    else if (res.kind === 'conflict') onConflict();
  };

  return (
    <WorkFormFrame
      headingId={`job-end-${employment.id}`}
      heading={t('wk_jobEndTitle', { title: employment.jobTitle })}
      idPrefix="job-end"
      form={form}
      onSubmit={submit}
      submitLabel={t('wk_saveJobEnd')}
      onCancel={onCancel}
    >
      <DateField
        id={fieldId('job-end', 'endDate')}
        label={t('wk_endDate')}
        value={endDate}
        onChange={setEndDate}
        error={issues.endDate}
        fromDay={employment.startDate}
        toDay={today}
        name="endDate"
      />
      <DateField
        id={fieldId('job-end', 'learnedOn')}
        label={t('wk_learnedOn')}
        description={t('wk_learnedOnHelp')}
        value={learnedOn}
        onChange={setLearnedOn}
        error={issues.learnedOn}
        fromDay={employment.startDate}
        toDay={today}
        name="learnedOn"
      />
      <CodeRadios
        id={fieldId('job-end', 'endedBy')}
        label={t('wk_endedBy')}
        values={ENDED_BY}
        textPrefix="endedBy"
        value={endedBy}
        error={issues.endedBy}
        onChange={setEndedBy}
      />
      <ReasonField prefix="job-end" value={reason} onChange={setReason} error={issues.reason} />
      {issues.employmentId ? (
        <BodyShort size="small" id={fieldId('job-end', 'employmentId')} tabIndex={-1}>
          {issues.employmentId}
        </BodyShort>
      ) : null}
    </WorkFormFrame>
  );
}
