/**
 * A follow-up meeting (seed 000 §7–§8; issue 15 items 5 and 10): record one that was held (date and
 * time, face to face or not, place, who took part, purpose, summary, optionally the job), or book
 * one ahead. A booked meeting is recorded as held from the list of booked meetings, which opens
 * this form filled in with the booking. The API's typed errors land at their fields.
 */
import {
  ConsentRequiredErrorFields,
  DateField,
  FieldErrorSummary,
  FormError,
  fieldId,
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
import {
  Alert,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactKind, ContactKindField } from './ContactKindField.js';

const RECORD = graphql(
  `
  mutation RecordFollowUpMeeting($input: RecordFollowUpMeetingInput!) {
    recordFollowUpMeeting(input: $input) {
      __typename
      ... on MutationRecordFollowUpMeetingSuccess {
        data { id scheduledAt status purpose faceToFace contactKind location durationMinutes participants summary }
      }
      ...NotFoundErrorFields
      ...ValidationErrorFields
      ...ConsentRequiredErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields, ConsentRequiredErrorFields],
);

const PLAN = graphql(
  `
  mutation PlanFollowUpMeeting($input: PlanFollowUpMeetingInput!) {
    planFollowUpMeeting(input: $input) {
      __typename
      ... on MutationPlanFollowUpMeetingSuccess {
        data { id scheduledAt status purpose faceToFace location durationMinutes participants summary }
      }
      ...NotFoundErrorFields
      ...ValidationErrorFields
      ...ConsentRequiredErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields, ConsentRequiredErrorFields],
);

export const MEETING_PURPOSES = [
  'FOLLOW_ALONG',
  'EMPLOYER_MEETING_BEFORE_START',
  'JOB_END_FOLLOW_UP',
  'JOB_SEARCH',
  'CAREER_PROFILING',
  'BENEFITS_COUNSELLING',
  'INTAKE',
  'OTHER',
] as const;
export type MeetingPurpose = (typeof MEETING_PURPOSES)[number];
const LOCATIONS = ['COMMUNITY', 'OFFICE', 'REMOTE'] as const;
type Location = (typeof LOCATIONS)[number];
const PARTICIPANTS = [
  'JOB_SEEKER',
  'EMPLOYER',
  'HEALTH_TEAM',
  'NAV_COUNSELLOR',
  'RELATIVES',
  'OTHER',
] as const;
type Participant = (typeof PARTICIPANTS)[number];

/** The API's instant fields are shown at the day field (the day and the time make the instant). */
const SUMMARY_TARGETS = { heldAt: 'day', plannedAt: 'day' } as const;

/** A booked meeting this form records as held. */
export interface PlannedMeeting {
  id: string;
  scheduledAt: string;
  purpose: MeetingPurpose;
  faceToFace: boolean;
  location: Location;
  durationMinutes: number;
  participants: readonly Participant[];
}

export interface FollowUpMeetingFormProps {
  /** The job seeker's global id. */
  jobSeekerId: string;
  employments: readonly {
    id: string;
    jobTitle: string;
    endDate?: string | null;
    employer?: { name: string } | null;
  }[];
  /** What the form starts with (a duty's link says which purpose and job close it). */
  initialPurpose?: MeetingPurpose;
  initialEmploymentId?: string;
  /** A booking to record as held. */
  planned?: PlannedMeeting | null;
  /** Focus the form when it opens (a duty's link led here). */
  autoFocus?: boolean;
  /** After saving, with the message to show (the form closes). */
  onSaved: (message: string) => void;
  onClose: () => void;
}

const isoDayOfInstant = (iso: string) => osloToday(new Date(iso));
const timeOfInstant = (iso: string) => osloNowTime(new Date(iso));

export function FollowUpMeetingForm({
  jobSeekerId,
  employments,
  initialPurpose,
  initialEmploymentId,
  planned,
  autoFocus,
  onSaved,
  onClose,
}: FollowUpMeetingFormProps) {
  const { t, i18n } = useTranslation('portfolio');
  const [mode, setMode] = useState<'held' | 'plan'>('held');
  const [day, setDay] = useState(planned ? isoDayOfInstant(planned.scheduledAt) : osloToday());
  const [time, setTime] = useState(planned ? timeOfInstant(planned.scheduledAt) : osloNowTime());
  const [duration, setDuration] = useState(String(planned?.durationMinutes ?? 45));
  // Issue 17 item 4: the kind is asked (face to face, phone, video); faceToFace follows from it.
  const [contactKind, setContactKind] = useState<ContactKind>(
    planned?.faceToFace === false ? 'PHONE' : 'FACE_TO_FACE',
  );
  const faceToFace = contactKind === 'FACE_TO_FACE';
  const [location, setLocation] = useState<Location>(planned?.location ?? 'COMMUNITY');
  const chooseKind = (kind: ContactKind) => {
    setContactKind(kind);
    if (kind !== 'FACE_TO_FACE') setLocation('REMOTE');
    else if (location === 'REMOTE') setLocation('COMMUNITY');
  };
  const [participants, setParticipants] = useState<Participant[]>(
    planned ? [...planned.participants] : ['JOB_SEEKER'],
  );
  const [purpose, setPurpose] = useState<MeetingPurpose>(
    planned?.purpose ?? initialPurpose ?? 'FOLLOW_ALONG',
  );
  const [employmentId, setEmploymentId] = useState(initialEmploymentId ?? '');
  const [summary, setSummary] = useState('');
  const issueText = ownIssueText(t, 'fu_issue_');
  // A meeting with the employer needs the employer-contact consent (seed 000 §3, issue 17 item 2).
  // The health team or relatives taking part need their consents (issue 17 item 8).
  const failureText = (f: { kind: string; scope?: string }) =>
    f.kind !== 'consent'
      ? undefined
      : f.scope && f.scope !== 'EMPLOYER_CONTACT'
        ? t('sp_consentRequired', { scope: t(`scope_${f.scope}`) })
        : t('ec_meetingConsent');
  const record = useMutationForm(RECORD, { issueText, failureText });
  const plan = useMutationForm(PLAN, { issueText, failureText });
  const form = mode === 'plan' && !planned ? plan : record;
  const errors = form.fieldErrors;
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (autoFocus) {
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus();
    }
  }, [autoFocus]);

  const switchMode = (next: 'held' | 'plan') => {
    setMode(next);
    record.reset();
    plan.reset();
    if (next === 'plan') setTime('');
    else {
      setDay(osloToday());
      setTime(osloNowTime());
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const at = osloInstant(day, time);
    if (!day) local.day = t('fu_issue_DAY');
    else if (!parseTime(time)) local.time = t('fu_issue_TIME');
    const minutes = Number(duration);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)
      local.durationMinutes = t('fu_issue_DURATION');
    if (participants.length === 0) local.participants = t('fu_issue_PARTICIPANTS');
    form.setFieldErrors(local);
    if (Object.keys(local).length || !at) return;
    const common = {
      jobSeekerId: rawId(jobSeekerId),
      employmentId: employmentId || null,
      purpose,
      participants,
      faceToFace,
      location,
      durationMinutes: minutes,
    };
    const context = { additionalTypenames: ['FollowUpMeeting', 'Task'] };
    const res =
      mode === 'plan' && !planned
        ? await plan.send({ input: { ...common, plannedAt: at } }, context)
        : await record.send(
            {
              input: {
                ...common,
                heldAt: at,
                contactKind,
                summary: summary.trim() || null,
                plannedMeetingId: planned?.id ?? null,
              },
            },
            context,
          );
    if (res.ok) {
      setSummary('');
      onSaved(mode === 'plan' && !planned ? t('fu_planned') : t('fu_recorded'));
    }
  };

  // The API's instant fields are shown at the day (the day and the time make the instant).
  const dayError = errors.day ?? errors.heldAt ?? errors.plannedAt;
  const prefix = 'fu-meeting';

  return (
    <form
      id="meeting-form"
      ref={ref}
      tabIndex={-1}
      onSubmit={submit}
      aria-labelledby="meeting-form-heading"
      style={{ outline: 'none' }}
    >
      <VStack gap="space-12">
        <Heading level="3" size="small" id="meeting-form-heading">
          {t('fu_meetingTitle')}
        </Heading>
        {planned ? (
          <Alert variant="info" size="small" inline>
            {t('fu_completing', { when: formatDayTime(planned.scheduledAt, i18n.language) })}
          </Alert>
        ) : (
          <RadioGroup
            legend={t('fu_mode')}
            size="small"
            value={mode}
            onChange={(v: 'held' | 'plan') => switchMode(v)}
          >
            <Radio value="held">{t('fu_mode_held')}</Radio>
            <Radio value="plan">{t('fu_mode_plan')}</Radio>
          </RadioGroup>
        )}
        <FieldErrorSummary form={form} idPrefix={prefix} targets={SUMMARY_TARGETS} />
        <HStack gap="space-12" wrap align="start">
          <DateField
            id={fieldId(prefix, 'day')}
            label={t('fu_day')}
            value={day}
            onChange={setDay}
            error={dayError}
            size="small"
            name="day"
            {...(mode === 'plan' && !planned ? { fromDay: osloToday() } : { toDay: osloToday() })}
          />
          <TimeField
            id={fieldId(prefix, 'time')}
            label={t('fu_time')}
            value={time}
            onChange={setTime}
            error={errors.time}
            size="small"
            name="time"
          />
          <TextField
            id={fieldId(prefix, 'durationMinutes')}
            label={t('fu_duration')}
            size="small"
            inputMode="numeric"
            htmlSize={6}
            value={duration}
            error={errors.durationMinutes}
            onChange={(e) => setDuration(e.target.value)}
          />
        </HStack>
        <ContactKindField
          value={contactKind}
          onChange={chooseKind}
          error={errors.contactKind}
          jobEnd={purpose === 'JOB_END_FOLLOW_UP'}
        />
        <Select
          id={fieldId(prefix, 'location')}
          label={t('fu_location')}
          size="small"
          value={location}
          error={errors.location}
          onChange={(e) => setLocation(e.target.value as Location)}
        >
          {LOCATIONS.map((l) => (
            <option key={l} value={l}>
              {t(`location_${l}`)}
            </option>
          ))}
        </Select>
        <CheckboxGroup
          id={fieldId(prefix, 'participants')}
          legend={t('fu_participants')}
          size="small"
          value={participants}
          error={errors.participants}
          onChange={(v: Participant[]) => setParticipants(v)}
        >
          {PARTICIPANTS.map((p) => (
            <Checkbox key={p} value={p}>
              {t(`participant_${p}`)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <Select
          id={fieldId(prefix, 'purpose')}
          label={t('fu_purpose')}
          size="small"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value as MeetingPurpose)}
        >
          {MEETING_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`purpose_${p}`)}
            </option>
          ))}
        </Select>
        {employments.length ? (
          <Select
            id={fieldId(prefix, 'employmentId')}
            label={t('fu_employment')}
            size="small"
            value={employmentId}
            error={errors.employmentId}
            onChange={(e) => setEmploymentId(e.target.value)}
          >
            <option value="">{t('fu_noEmployment')}</option>
            {employments.map((job) => (
              <option key={job.id} value={job.id}>
                {job.jobTitle}
                {job.employer ? `, ${job.employer.name}` : ''}
              </option>
            ))}
          </Select>
        ) : null}
        {mode === 'held' || planned ? (
          <Textarea
            id={fieldId(prefix, 'summary')}
            label={t('fu_summary')}
            description={t('fu_summaryHelp')}
            size="small"
            maxLength={8000}
            value={summary}
            error={errors.summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        ) : null}
        {errors.plannedMeetingId ? (
          <Alert variant="error" size="small" id={fieldId(prefix, 'plannedMeetingId')} tabIndex={-1}>
            {errors.plannedMeetingId}
          </Alert>
        ) : null}
        <FormError form={form} />
        <HStack gap="space-8" wrap>
          <Button type="submit" size="small" loading={form.fetching}>
            {mode === 'plan' && !planned ? t('fu_planButton') : t('fu_recordButton')}
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={onClose}>
            {t('fu_cancel')}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
