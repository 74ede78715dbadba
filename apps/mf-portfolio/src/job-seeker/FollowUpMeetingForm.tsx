/**
 * A follow-up meeting (seed 000 §7–§8; issue 15 items 5 and 10): record one that was held (date and
 * time, face to face or not, place, who took part, purpose, summary, optionally the job), or book
 * one ahead. A booked meeting is recorded as held from the list of booked meetings, which opens
 * this form filled in with the booking. The API's typed errors land at their fields.
 */
import {
  ConsentRequiredErrorFields,
  FieldErrorSummary,
  FormError,
  fieldId,
  formatDayTime,
  graphql,
  NotFoundErrorFields,
  osloInstant,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, Heading, Radio, RadioGroup, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  draftIssues,
  MeetingDetailFields,
  type MeetingEmployments,
  type MeetingPurpose,
  MeetingWhenFields,
  type PlannedMeeting,
  useMeetingDraft,
} from './follow-up-meeting-fields.js';
import { FieldAlert, SubmitRow, useFocusOnOpen } from './form-rows.js';

export { MEETING_PURPOSES, type MeetingPurpose, type PlannedMeeting } from './follow-up-meeting-fields.js';

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

/** The API's instant fields are shown at the day field (the day and the time make the instant). */
const SUMMARY_TARGETS = { heldAt: 'day', plannedAt: 'day' } as const;

export interface FollowUpMeetingFormProps {
  /** The job seeker's global id. */
  jobSeekerId: string;
  employments: MeetingEmployments;
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

type Mode = 'held' | 'plan';

/** A booking being recorded as held says when it was booked; otherwise: record a held meeting, or book one. */
function MeetingMode({
  planned,
  mode,
  onMode,
}: {
  planned: PlannedMeeting | null | undefined;
  mode: Mode;
  onMode: (mode: Mode) => void;
}) {
  const { t, i18n } = useTranslation('portfolio');
  if (planned)
    return (
      <Alert variant="info" size="small" inline>
        {t('fu_completing', { when: formatDayTime(planned.scheduledAt, i18n.language) })}
      </Alert>
    );
  return (
    <RadioGroup legend={t('fu_mode')} size="small" value={mode} onChange={(v: Mode) => onMode(v)}>
      <Radio value="held">{t('fu_mode_held')}</Radio>
      <Radio value="plan">{t('fu_mode_plan')}</Radio>
    </RadioGroup>
  );
}

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
  const { t } = useTranslation('portfolio');
  const [mode, setMode] = useState<Mode>('held');
  const draft = useMeetingDraft({ planned, initialPurpose, initialEmploymentId });
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
  // Booking ahead; a booking being recorded as held is never booked again.
  const planning = mode === 'plan' && !planned;
  const form = planning ? plan : record;
  const errors = form.fieldErrors;
  const ref = useFocusOnOpen(autoFocus);

  const switchMode = (next: Mode) => {
    setMode(next);
    record.reset();
    plan.reset();
    draft.switchMode(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { participants, summary } = draft;
    const local = draftIssues(draft, t);
    const at = osloInstant(draft.day, draft.time);
    const minutes = Number(draft.duration);
    form.setFieldErrors(local);
    if (Object.keys(local).length || !at) return;
    const common = {
      jobSeekerId: rawId(jobSeekerId),
      employmentId: draft.employmentId || null,
      purpose: draft.purpose,
      participants,
      faceToFace: draft.faceToFace,
      location: draft.location,
      durationMinutes: minutes,
    };
    const context = { additionalTypenames: ['FollowUpMeeting', 'Task'] };
    const res = planning
      ? await plan.send({ input: { ...common, plannedAt: at } }, context)
      : await record.send(
          {
            input: {
              ...common,
              heldAt: at,
              contactKind: draft.contactKind,
              summary: summary.trim() || null,
              plannedMeetingId: planned?.id ?? null,
            },
          },
          context,
        );
    if (res.ok) {
      draft.setSummary('');
      onSaved(planning ? t('fu_planned') : t('fu_recorded'));
    }
  };

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
        <MeetingMode planned={planned} mode={mode} onMode={switchMode} />
        <FieldErrorSummary form={form} idPrefix={prefix} targets={SUMMARY_TARGETS} />
        <MeetingWhenFields draft={draft} errors={errors} prefix={prefix} planning={planning} />
        <MeetingDetailFields draft={draft} errors={errors} prefix={prefix} employments={employments} />
        {planning ? null : (
          <Textarea
            id={fieldId(prefix, 'summary')}
            label={t('fu_summary')}
            description={t('fu_summaryHelp')}
            size="small"
            maxLength={8000}
            value={draft.summary}
            error={errors.summary}
            onChange={(e) => draft.setSummary(e.target.value)}
          />
        )}
        <FieldAlert prefix={prefix} field="plannedMeetingId" error={errors.plannedMeetingId} />
        <FormError form={form} />
        <SubmitRow
          submitLabel={planning ? t('fu_planButton') : t('fu_recordButton')}
          cancelLabel={t('fu_cancel')}
          fetching={form.fetching}
          onCancel={onClose}
          size="small"
        />
      </VStack>
    </form>
  );
}
