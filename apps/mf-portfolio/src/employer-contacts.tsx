/**
 * The fast contact log's parts (`EmployersPage`): the form's state and sending, the fields after
 * the employer (when, face to face, purpose, for which job seeker, outcome, contact person, note),
 * and my latest contacts.
 */
import {
  ConsentRequiredErrorFields,
  formatDayTime,
  graphql,
  NotFoundErrorFields,
  osloInstant,
  osloNowTime,
  osloToday,
  ownIssueText,
  parseTime,
  rawId,
  TimeField,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import {
  BodyShort,
  Detail,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Textarea,
  TextField,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const RECORD = graphql(
  `
  mutation RecordEmployerContact($input: RecordEmployerContactInput!) {
    recordEmployerContact(input: $input) {
      __typename
      ... on MutationRecordEmployerContactSuccess {
        data { id contactedAt faceToFace purpose outcome employer { id name } jobSeeker { id givenName familyName } }
      }
      ...NotFoundErrorFields
      ...ValidationErrorFields
      ...ConsentRequiredErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields, ConsentRequiredErrorFields],
);

const PURPOSES = [
  'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
  'RELATIONSHIP_BUILDING',
  'FOLLOW_UP_IN_EMPLOYMENT',
] as const;
const OUTCOMES = ['INTERVIEW_ARRANGED', 'JOB_OFFERED', 'FOLLOW_UP_AGREED', 'NO_OPENING', 'OTHER'] as const;
type Purpose = (typeof PURPOSES)[number];
type Outcome = (typeof OUTCOMES)[number];

/** The contact log's state (beside the employer, which the page holds) and its sending. */
export function useContactLog(employerId: string, onLogged: () => void) {
  const { t } = useTranslation('portfolio');
  const [faceToFace, setFaceToFace] = useState(true);
  const [purpose, setPurpose] = useState<Purpose>('JOB_DEVELOPMENT_FOR_JOB_SEEKER');
  const [jobSeekerId, setJobSeekerId] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [contactPerson, setContactPerson] = useState('');
  const [day, setDay] = useState(osloToday());
  const [time, setTime] = useState(osloNowTime());
  const [notes, setNotes] = useState('');
  const [logged, setLogged] = useState<string | null>(null);
  const recordForm = useMutationForm(RECORD, {
    issueText: ownIssueText(t, 'emp_issue_'),
    failureText: (f) => (f.kind === 'consent' ? t('ec_consentMissingShort') : undefined),
  });

  const log = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!employerId) local.employerId = t('emp_chooseEmployer');
    if (purpose === 'JOB_DEVELOPMENT_FOR_JOB_SEEKER' && !jobSeekerId)
      local.jobSeekerId = t('emp_issue_REQUIRED_jobSeeker');
    if (!day) local.contactedAt = t('fu_issue_DAY');
    else if (!parseTime(time)) local.time = t('fu_issue_TIME');
    const contactedAt = osloInstant(day, time);
    recordForm.setFieldErrors(local);
    setLogged(null);
    if (Object.keys(local).length || !contactedAt) return;
    const res = await recordForm.send(
      {
        input: {
          employerId,
          contactedAt,
          faceToFace,
          purpose,
          jobSeekerId: jobSeekerId ? rawId(jobSeekerId) : null,
          outcome: outcome || null,
          contactPerson: contactPerson.trim() || null,
          notes: notes.trim() || null,
        },
      },
      { additionalTypenames: ['EmployerContact'] },
    );
    if (res.ok) {
      setLogged(res.data.employer.name);
      setOutcome('');
      setContactPerson('');
      setNotes('');
      setDay(osloToday());
      setTime(osloNowTime());
      onLogged();
    }
  };

  const fields = {
    ...{ faceToFace, setFaceToFace, purpose, setPurpose, jobSeekerId, setJobSeekerId },
    ...{ outcome, setOutcome, contactPerson, setContactPerson, day, setDay, time, setTime, notes, setNotes },
  };
  return { recordForm, log, logged, fields };
}

type ContactLog = ReturnType<typeof useContactLog>;

/** The log's fields after the employer; only consenting job seekers are offered (seed 000 §3). */
export function ContactLogFields({
  contactLog: { fields: f, recordForm },
  jobSeekers,
  notOffered,
}: {
  contactLog: ContactLog;
  jobSeekers: readonly { id: string; givenName: string | null; familyName: string | null }[];
  notOffered: number;
}) {
  const { t } = useTranslation('portfolio');
  const issues = recordForm.fieldErrors;
  return (
    <>
      <HStack gap="space-12" wrap align="start">
        <DateField
          label={t('fu_day')}
          value={f.day}
          onChange={f.setDay}
          error={issues.contactedAt}
          name="contact-day"
          toDay={osloToday()}
        />
        <TimeField
          label={t('fu_time')}
          value={f.time}
          onChange={f.setTime}
          error={issues.time}
          name="contact-time"
        />
      </HStack>
      <Switch checked={f.faceToFace} onChange={(e) => f.setFaceToFace(e.target.checked)}>
        {t('js_faceToFace')}
      </Switch>
      <RadioGroup
        legend={t('emp_purpose')}
        value={f.purpose}
        onChange={(v: Purpose) => f.setPurpose(v)}
        size="small"
      >
        {PURPOSES.map((p) => (
          <Radio key={p} value={p}>
            {t(`contactPurpose_${p}`)}
          </Radio>
        ))}
      </RadioGroup>
      <Select
        label={t('emp_jobSeeker')}
        description={
          notOffered > 0
            ? `${t('ec_onlyConsented')} ${t('ec_notOffered', { count: notOffered })}`
            : t('ec_onlyConsented')
        }
        value={f.jobSeekerId}
        error={issues.jobSeekerId}
        onChange={(e) => f.setJobSeekerId(e.target.value)}
      >
        <option value="">{t('emp_noJobSeeker')}</option>
        {jobSeekers.map((j) => (
          <option key={j.id} value={j.id}>
            {j.givenName} {j.familyName}
          </option>
        ))}
      </Select>
      <Select
        label={t('emp_outcome')}
        value={f.outcome}
        onChange={(e) => f.setOutcome(e.target.value as Outcome | '')}
      >
        <option value="">–</option>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`outcome_${o}`)}
          </option>
        ))}
      </Select>
      <TextField
        label={t('emp_contactPerson')}
        value={f.contactPerson}
        maxLength={200}
        error={issues.contactPerson}
        onChange={(e) => f.setContactPerson(e.target.value)}
      />
      <Textarea
        label={t('fu_note')}
        description={t('fu_noteHelp')}
        value={f.notes}
        maxLength={4000}
        error={issues.notes}
        onChange={(e) => f.setNotes(e.target.value)}
      />
    </>
  );
}

interface RecentContact {
  id: string;
  contactedAt: string;
  notes: string | null;
  faceToFace: boolean;
  purpose: string;
  outcome: string | null;
  employer: { name: string };
  jobSeeker: { givenName: string | null; familyName: string | null } | null;
}

/** My latest contacts, newest first. */
export function RecentContacts({
  contacts,
  loading,
  error,
}: {
  contacts: readonly RecentContact[];
  loading: boolean;
  error: { message: string } | undefined;
}) {
  const { t, i18n } = useTranslation('portfolio');
  return (
    <>
      {loading ? null : error ? (
        <BodyShort role="alert">{error.message}</BodyShort>
      ) : contacts.length === 0 ? (
        <BodyShort>{t('js_noEmployerContacts')}</BodyShort>
      ) : (
        <ul data-testid="recent-contacts">
          {contacts.map((c) => (
            <li key={c.id}>
              <Detail as="span">{formatDayTime(c.contactedAt, i18n.language)}</Detail>{' '}
              <strong>{c.employer.name}</strong>: {t(`contactPurpose_${c.purpose}`)}
              {c.jobSeeker?.givenName ? ` (${c.jobSeeker.givenName} ${c.jobSeeker.familyName ?? ''})` : ''}
              {c.outcome ? ` – ${t(`outcome_${c.outcome}`)}` : ''}
              {c.faceToFace ? ` – ${t('js_faceToFace')}` : ''}
              {c.notes ? (
                <BodyShort size="small" style={{ overflowWrap: 'anywhere' }}>
                  {t('fu_contactNote')}: {c.notes}
                </BodyShort>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
