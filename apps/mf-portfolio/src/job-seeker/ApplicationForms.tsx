/**
 * Job applications (IPS principles 6–7): the position, the employer (from the register, or none),
 * how it was found (advertised or job development), its status and the day it was sent; and a
 * status change, version-checked, over every status the API knows.
 */
import {
  ConflictErrorFields,
  FormError,
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
import { Button, HStack, TextField } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeRadios, CodeSelect, WorkFormFrame } from './form-rows.js';
import { EmployerPicker } from './JobStartForm.js';

const RECORD_APPLICATION = graphql(
  `
  mutation RecordApplication($input: RecordApplicationInput!) {
    recordApplication(input: $input) {
      __typename
      ... on MutationRecordApplicationSuccess { data { id position status version } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const UPDATE_APPLICATION_STATUS = graphql(
  `
  mutation UpdateApplicationStatus($input: UpdateApplicationStatusInput!) {
    updateApplicationStatus(input: $input) {
      __typename
      ... on MutationUpdateApplicationStatusSuccess { data { id status version } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields],
);

/** Every status the API knows, in the order an application moves through them. */
export const APPLICATION_STATUSES = [
  'PLANNED',
  'SENT',
  'INTERVIEW',
  'OFFERED',
  'HIRED',
  'REJECTED',
  'WITHDRAWN',
] as const;
type Status = (typeof APPLICATION_STATUSES)[number];
const SOURCES = ['ADVERTISED', 'JOB_DEVELOPMENT'] as const;
type Source = (typeof SOURCES)[number];

export function ApplicationForm({
  jobSeekerId,
  onDone,
  onCancel,
}: {
  jobSeekerId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [position, setPosition] = useState('');
  const [employerId, setEmployerId] = useState('');
  const [source, setSource] = useState<Source>('ADVERTISED');
  const [status, setStatus] = useState<Status>('SENT');
  const [appliedOn, setAppliedOn] = useState(osloToday());
  const form = useMutationForm(RECORD_APPLICATION, { issueText: ownIssueText(t, 'wk_issue_') });
  const issues = form.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!position.trim()) local.position = t('wk_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: {
        jobSeekerId: rawId(jobSeekerId),
        employerId: employerId || null,
        position: position.trim(),
        source,
        status,
        appliedOn: appliedOn || null,
      },
    });
    if (res.ok) onDone(t('wk_applicationSaved'));
  };

  return (
    <WorkFormFrame
      headingId="application-heading"
      heading={t('wk_applicationTitle')}
      idPrefix="application"
      form={form}
      onSubmit={submit}
      submitLabel={t('wk_saveApplication')}
      onCancel={onCancel}
    >
      <TextField
        id={fieldId('application', 'position')}
        label={t('wk_position')}
        value={position}
        maxLength={200}
        error={issues.position}
        onChange={(e) => setPosition(e.target.value)}
      />
      <EmployerPicker
        value={employerId}
        onChange={setEmployerId}
        error={issues.employerId}
        idPrefix="application"
      />
      <CodeRadios
        id={fieldId('application', 'source')}
        label={t('wk_source')}
        values={SOURCES}
        textPrefix="source"
        value={source}
        onChange={setSource}
      />
      <CodeSelect
        id={fieldId('application', 'status')}
        label={t('wk_status')}
        values={APPLICATION_STATUSES}
        textPrefix="appStatus"
        value={status}
        onChange={setStatus}
      />
      <DateField
        id={fieldId('application', 'appliedOn')}
        label={t('wk_appliedOn')}
        value={appliedOn}
        onChange={setAppliedOn}
        error={issues.appliedOn}
        toDay={osloToday()}
        name="appliedOn"
      />
    </WorkFormFrame>
  );
}

/** The status of one application, changed in place (version-checked). */
export function ApplicationStatusForm({
  application,
  onDone,
  onConflict,
}: {
  application: { id: string; position: string; status: string; version: number };
  onDone: (message: string) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [status, setStatus] = useState(application.status as Status);
  const form = useMutationForm(UPDATE_APPLICATION_STATUS, {
    failureText: (f) => (f.kind === 'conflict' ? t('wk_conflict') : undefined),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await form.send({ input: { id: application.id, version: application.version, status } });
    if (res.ok) onDone(t('wk_statusSaved'));
    else if (res.kind === 'conflict') onConflict();
  };

  return (
    <form onSubmit={submit}>
      <HStack gap="space-8" align="end" wrap>
        <CodeSelect
          label={t('wk_changeStatus', { position: application.position })}
          size="small"
          values={APPLICATION_STATUSES}
          textPrefix="appStatus"
          value={status}
          onChange={setStatus}
        />
        <Button
          type="submit"
          size="small"
          variant="secondary"
          loading={form.fetching}
          disabled={status === application.status}
        >
          {t('wk_saveStatus')}
        </Button>
      </HStack>
      <FormError form={form} />
    </form>
  );
}
