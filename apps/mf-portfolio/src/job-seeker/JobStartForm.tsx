/**
 * A job start (seed 000, IPS principle 1): title, occupation code, employer from the organisation's
 * register (or none), start date, hours and wage, and the three criteria of competitive work — the
 * form says at once whether the job counts. An employer meeting wanted before the start opens a
 * duty (seed 000 §4.1); every ordinary job start opens the 3-day follow-up duty (§7). Work practice
 * is recorded but is never a job start.
 */
import {
  fieldId,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { BodyShort, Search, Select, TextField, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CodeRadios, WorkFormFrame } from './form-rows.js';
import { CompetitiveCriteria, CRITERIA, type Criterion, HoursAndWage } from './job-start-parts.js';

/** A number typed with a decimal comma or point (37,5 or 37.5); null when it is not one. */
export function parseDecimal(text: string): number | null {
  const s = text.replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

export const EMPLOYER_CHOICES = graphql(`
  query WorkEmployerChoices($search: String) {
    employers(first: 20, search: $search) { edges { node { id name city } } }
  }
`);

const RECORD_JOB_START = graphql(
  `
  mutation RecordJobStart($input: RecordJobStartInput!) {
    recordJobStart(input: $input) {
      __typename
      ... on MutationRecordJobStartSuccess { data { id jobTitle competitive } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const KINDS = ['ORDINARY_JOB', 'WORK_PRACTICE'] as const;
type Kind = (typeof KINDS)[number];

/** Picks an employer from the organisation's register (search by name), or none. */
export function EmployerPicker({
  value,
  onChange,
  error,
  idPrefix,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string;
  idPrefix: string;
}) {
  const { t } = useTranslation('portfolio');
  const [search, setSearch] = useState('');
  const [chosenName, setChosenName] = useState('');
  const [{ data }] = useQuery({
    query: EMPLOYER_CHOICES,
    variables: { search: search.trim().length >= 2 ? search.trim() : null },
  });
  const found = (data?.employers.edges ?? []).map((e) => e.node);
  const options =
    value && !found.some((e) => e.id === value)
      ? [{ id: value, name: chosenName, city: null }, ...found]
      : found;
  return (
    <VStack gap="space-8">
      <Search
        label={t('wk_employerSearch')}
        variant="simple"
        size="small"
        value={search}
        onChange={setSearch}
        onClear={() => setSearch('')}
      />
      <Select
        id={fieldId(idPrefix, 'employerId')}
        label={t('wk_employer')}
        value={value}
        error={error}
        onChange={(e) => {
          setChosenName(options.find((o) => o.id === e.target.value)?.name ?? '');
          onChange(e.target.value);
        }}
      >
        <option value="">{t('wk_noEmployer')}</option>
        {options.map((em) => (
          <option key={em.id} value={em.id}>
            {em.name}
            {em.city ? `, ${em.city}` : ''}
          </option>
        ))}
      </Select>
    </VStack>
  );
}

export function JobStartForm({
  jobSeekerId,
  onDone,
  onCancel,
}: {
  jobSeekerId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [kind, setKind] = useState<Kind>('ORDINARY_JOB');
  const [jobTitle, setJobTitle] = useState('');
  const [jobType, setJobType] = useState('');
  const [employerId, setEmployerId] = useState('');
  const [startDate, setStartDate] = useState('');
  const [hours, setHours] = useState('');
  const [wage, setWage] = useState('');
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [employerMeetingWanted, setEmployerMeetingWanted] = useState(false);
  const form = useMutationForm(RECORD_JOB_START, { issueText: ownIssueText(t, 'wk_issue_') });
  const issues = form.fieldErrors;
  const competitive = kind === 'ORDINARY_JOB' && CRITERIA.every((c) => criteria.includes(c));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!jobTitle.trim()) local.jobTitle = t('wk_issue_REQUIRED');
    if (!jobType.trim()) local.jobType = t('wk_issue_REQUIRED');
    if (!startDate) local.startDate = t('wk_issue_REQUIRED');
    const hoursPerWeek = parseDecimal(hours);
    if (hoursPerWeek === null || hoursPerWeek <= 0) local.hoursPerWeek = t('wk_issue_NUMBER');
    const hourlyWage = wage.trim() ? parseDecimal(wage) : null;
    if (wage.trim() && hourlyWage === null) local.hourlyWage = t('wk_issue_NUMBER');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: {
        jobSeekerId: rawId(jobSeekerId),
        employerId: employerId || null,
        kind,
        jobTitle: jobTitle.trim(),
        jobType: jobType.trim(),
        startDate,
        hoursPerWeek: hoursPerWeek as number,
        hourlyWage,
        openLabourMarket: criteria.includes('openLabourMarket'),
        atLeastMinimumWage: criteria.includes('atLeastMinimumWage'),
        openToAnyone: criteria.includes('openToAnyone'),
        employerMeetingWanted: kind === 'ORDINARY_JOB' && employerMeetingWanted,
      },
    });
    if (res.ok) onDone(t('wk_jobStarted', { title: res.data.jobTitle }));
  };

  return (
    <WorkFormFrame
      id="job-start-form"
      headingId="job-start-heading"
      heading={t('wk_jobStartTitle')}
      idPrefix="job-start"
      form={form}
      onSubmit={submit}
      submitLabel={t('wk_saveJobStart')}
      onCancel={onCancel}
    >
      <CodeRadios
        id={fieldId('job-start', 'kind')}
        label={t('wk_kind')}
        values={KINDS}
        textPrefix="kind"
        value={kind}
        onChange={setKind}
      />
      {kind === 'WORK_PRACTICE' ? <BodyShort size="small">{t('wk_workPracticeNote')}</BodyShort> : null}
      <TextField
        id={fieldId('job-start', 'jobTitle')}
        label={t('wk_jobTitle')}
        value={jobTitle}
        maxLength={200}
        error={issues.jobTitle}
        onChange={(e) => setJobTitle(e.target.value)}
      />
      <TextField
        id={fieldId('job-start', 'jobType')}
        label={t('wk_jobType')}
        description={t('wk_jobTypeHelp')}
        value={jobType}
        maxLength={20}
        inputMode="numeric"
        htmlSize={8}
        error={issues.jobType}
        onChange={(e) => setJobType(e.target.value)}
      />
      <EmployerPicker
        value={employerId}
        onChange={setEmployerId}
        error={issues.employerId}
        idPrefix="job-start"
      />
      <DateField
        id={fieldId('job-start', 'startDate')}
        label={t('wk_startDate')}
        value={startDate}
        onChange={setStartDate}
        error={issues.startDate}
        name="startDate"
      />
      <HoursAndWage hours={hours} onHours={setHours} wage={wage} onWage={setWage} issues={issues} />
      <CompetitiveCriteria
        kind={kind}
        criteria={criteria}
        onCriteria={setCriteria}
        competitive={competitive}
        employerMeetingWanted={employerMeetingWanted}
        onEmployerMeetingWanted={setEmployerMeetingWanted}
      />
    </WorkFormFrame>
  );
}
