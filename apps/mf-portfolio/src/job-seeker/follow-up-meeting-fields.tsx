/**
 * The follow-up meeting form's draft and fields (`FollowUpMeetingForm`): the day, time and length;
 * the kind of contact, the place, who took part, the purpose and the job. A booking being recorded
 * as held fills the draft in.
 */
import { fieldId, osloNowTime, osloToday, parseTime, TimeField } from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { Checkbox, CheckboxGroup, HStack, Select, TextField } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactKind, ContactKindField } from './ContactKindField.js';
import { CodeSelect } from './form-rows.js';

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

/** A booked meeting the form records as held. */
export interface PlannedMeeting {
  id: string;
  scheduledAt: string;
  purpose: MeetingPurpose;
  faceToFace: boolean;
  location: Location;
  durationMinutes: number;
  participants: readonly Participant[];
}

/** The jobs a meeting may be about. */
export type MeetingEmployments = readonly {
  id: string;
  jobTitle: string;
  endDate?: string | null;
  employer?: { name: string } | null;
}[];

const isoDayOfInstant = (iso: string) => osloToday(new Date(iso));
const timeOfInstant = (iso: string) => osloNowTime(new Date(iso));

/** What the form holds; a booking being recorded fills it in, a duty's link names purpose and job. */
export function useMeetingDraft({
  planned,
  initialPurpose,
  initialEmploymentId,
}: {
  planned?: PlannedMeeting | null | undefined;
  initialPurpose?: MeetingPurpose | undefined;
  initialEmploymentId?: string | undefined;
}) {
  const [day, setDay] = useState(planned ? isoDayOfInstant(planned.scheduledAt) : osloToday());
  const [time, setTime] = useState(planned ? timeOfInstant(planned.scheduledAt) : osloNowTime());
  const [duration, setDuration] = useState(String(planned?.durationMinutes ?? 45));
  // Issue 17 item 4: the kind is asked (face to face, phone, video); faceToFace follows from it.
  const [contactKind, setContactKind] = useState<ContactKind>(
    planned?.faceToFace === false ? 'PHONE' : 'FACE_TO_FACE',
  );
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
  /** Booking ahead starts with no time; recording a held meeting starts at now. */
  const switchMode = (next: 'held' | 'plan') => {
    if (next === 'plan') setTime('');
    else {
      setDay(osloToday());
      setTime(osloNowTime());
    }
  };
  return {
    ...{ day, setDay, time, setTime, duration, setDuration, contactKind, chooseKind },
    ...{ faceToFace: contactKind === 'FACE_TO_FACE', location, setLocation, participants, setParticipants },
    ...{ purpose, setPurpose, employmentId, setEmploymentId, summary, setSummary, switchMode },
  };
}

export type MeetingDraft = ReturnType<typeof useMeetingDraft>;

/** What the form itself finds wrong before asking the API: a day, a time, a length of 1–600 minutes, someone taking part. */
export function draftIssues(draft: MeetingDraft, t: (key: string) => string): Record<string, string> {
  const local: Record<string, string> = {};
  if (!draft.day) local.day = t('fu_issue_DAY');
  else if (!parseTime(draft.time)) local.time = t('fu_issue_TIME');
  const minutes = Number(draft.duration);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)
    local.durationMinutes = t('fu_issue_DURATION');
  if (draft.participants.length === 0) local.participants = t('fu_issue_PARTICIPANTS');
  return local;
}
type Errors = Record<string, string | undefined>;

/** The day (only ahead when booking, only past when recording), the time and the length. */
export function MeetingWhenFields({
  draft,
  errors,
  prefix,
  planning,
}: {
  draft: MeetingDraft;
  errors: Errors;
  prefix: string;
  planning: boolean;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <HStack gap="space-12" wrap align="start">
      <DateField
        id={fieldId(prefix, 'day')}
        label={t('fu_day')}
        value={draft.day}
        onChange={draft.setDay}
        // The API's instant fields are shown at the day (the day and the time make the instant).
        error={errors.day ?? errors.heldAt ?? errors.plannedAt}
        size="small"
        name="day"
        {...(planning ? { fromDay: osloToday() } : { toDay: osloToday() })}
      />
      <TimeField
        id={fieldId(prefix, 'time')}
        label={t('fu_time')}
        value={draft.time}
        onChange={draft.setTime}
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
        value={draft.duration}
        error={errors.durationMinutes}
        onChange={(e) => draft.setDuration(e.target.value)}
      />
    </HStack>
  );
}

/** The kind of contact, the place, who took part, the purpose and (when there are jobs) the job. */
export function MeetingDetailFields({
  draft,
  errors,
  prefix,
  employments,
}: {
  draft: MeetingDraft;
  errors: Errors;
  prefix: string;
  employments: MeetingEmployments;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <>
      <ContactKindField
        value={draft.contactKind}
        onChange={draft.chooseKind}
        error={errors.contactKind}
        jobEnd={draft.purpose === 'JOB_END_FOLLOW_UP'}
      />
      <CodeSelect
        id={fieldId(prefix, 'location')}
        label={t('fu_location')}
        size="small"
        values={LOCATIONS}
        textPrefix="location"
        value={draft.location}
        error={errors.location}
        onChange={draft.setLocation}
      />
      <CheckboxGroup
        id={fieldId(prefix, 'participants')}
        legend={t('fu_participants')}
        size="small"
        value={draft.participants}
        error={errors.participants}
        onChange={(v: Participant[]) => draft.setParticipants(v)}
      >
        {PARTICIPANTS.map((p) => (
          <Checkbox key={p} value={p}>
            {t(`participant_${p}`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <CodeSelect
        id={fieldId(prefix, 'purpose')}
        label={t('fu_purpose')}
        size="small"
        values={MEETING_PURPOSES}
        textPrefix="purpose"
        value={draft.purpose}
        onChange={draft.setPurpose}
      />
      {employments.length ? (
        <Select
          id={fieldId(prefix, 'employmentId')}
          label={t('fu_employment')}
          size="small"
          value={draft.employmentId}
          error={errors.employmentId}
          onChange={(e) => draft.setEmploymentId(e.target.value)}
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
    </>
  );
}
