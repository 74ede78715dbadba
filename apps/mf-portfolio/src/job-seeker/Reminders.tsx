/**
 * My personal reminders on a job seeker (issue 15 item 10): a day and a text of at most 500
 * characters, seen only by me (the API and row-level security hold that), listed here and in "my
 * deadlines" on their day, and marked done with one click.
 */
import {
  FieldErrorSummary,
  FormError,
  fieldId,
  formatDay,
  formatDayTime,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { Alert, BodyShort, Button, Detail, Heading, HStack, Tag, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';

const SET = graphql(
  `
  mutation SetReminder($input: SetReminderInput!) {
    setReminder(input: $input) {
      __typename
      ... on MutationSetReminderSuccess { data { id dueOn text doneAt } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const COMPLETE = graphql(
  `
  mutation CompleteReminder($input: CompleteReminderInput!) {
    completeReminder(input: $input) {
      __typename
      ... on MutationCompleteReminderSuccess { data { id dueOn text doneAt } }
      ...NotFoundErrorFields
    }
  }
`,
  [NotFoundErrorFields],
);

export const REMINDER_MAX = 500;

export interface RemindersProps {
  /** The job seeker's global id. */
  jobSeekerId: string;
  reminders: readonly { id: string; dueOn: string; text: string }[];
  /** Whether the new-reminder form is open (`?form=reminder`). */
  open: boolean;
  autoFocus?: boolean;
  onOpen: () => void;
  onClose: () => void;
  onChanged: () => void;
}

export function Reminders({
  jobSeekerId,
  reminders,
  open,
  autoFocus,
  onOpen,
  onClose,
  onChanged,
}: RemindersProps) {
  const { t } = useTranslation('portfolio');
  const [status, setStatus] = useState<string | null>(null);
  const complete = useMutationForm(COMPLETE);
  const done = async (id: string) => {
    setStatus(null);
    const res = await complete.send({ input: { reminderId: id } }, { additionalTypenames: ['Reminder'] });
    if (res.ok) {
      setStatus(t('fu_reminderCompleted'));
      onChanged();
    }
  };
  return (
    <section aria-labelledby="reminders-heading">
      <VStack gap="space-8">
        <Heading level="2" size="small" id="reminders-heading">
          {t('fu_remindersTitle')}
        </Heading>
        <Detail>{t('fu_remindersHelp')}</Detail>
        {reminders.length === 0 ? (
          <BodyShort>{t('fu_noReminders')}</BodyShort>
        ) : (
          <ul
            data-testid="reminders"
            style={{ display: 'grid', gap: '0.5rem', paddingInlineStart: '1.25rem' }}
          >
            {reminders.map((r) => (
              <li key={r.id}>
                <HStack gap="space-8" align="center" wrap>
                  <Detail as="span">{formatDay(r.dueOn)}</Detail>
                  <BodyShort as="span" style={{ overflowWrap: 'anywhere' }}>
                    {r.text}
                  </BodyShort>
                  <Button
                    size="xsmall"
                    variant="secondary"
                    onClick={() => done(r.id)}
                    aria-label={t('fu_reminderDoneLabel', { text: r.text.slice(0, 60) })}
                  >
                    {t('fu_reminderDone')}
                  </Button>
                </HStack>
              </li>
            ))}
          </ul>
        )}
        <FormError form={complete} />
        {status ? (
          <Alert variant="success" size="small" role="status">
            {status}
          </Alert>
        ) : null}
        {open ? (
          <ReminderForm
            jobSeekerId={jobSeekerId}
            autoFocus={autoFocus}
            onClose={onClose}
            onSaved={(message) => {
              setStatus(message);
              onChanged();
              onClose();
            }}
          />
        ) : (
          <div>
            <Button size="small" variant="secondary" onClick={onOpen}>
              {t('fu_reminderOpen')}
            </Button>
          </div>
        )}
      </VStack>
    </section>
  );
}

function ReminderForm({
  jobSeekerId,
  autoFocus,
  onSaved,
  onClose,
}: {
  jobSeekerId: string;
  autoFocus?: boolean | undefined;
  onSaved: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [day, setDay] = useState(osloToday());
  const [text, setText] = useState('');
  const form = useMutationForm(SET, { issueText: ownIssueText(t, 'fu_issue_') });
  const errors = form.fieldErrors;
  const ref = useRef<HTMLFormElement>(null);
  const prefix = 'fu-reminder';
  useEffect(() => {
    if (autoFocus) {
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus();
    }
  }, [autoFocus]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!day) local.dueOn = t('fu_issue_DAY');
    if (!text.trim()) local.text = t('fu_issue_REQUIRED_text');
    else if (text.trim().length > REMINDER_MAX) local.text = t('fu_issue_TOO_LONG_text');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send(
      { input: { jobSeekerId: rawId(jobSeekerId), dueOn: day, text: text.trim() } },
      { additionalTypenames: ['Reminder'] },
    );
    if (res.ok) onSaved(t('fu_reminderSaved'));
  };

  return (
    <form
      id="reminder-form"
      ref={ref}
      tabIndex={-1}
      onSubmit={submit}
      aria-labelledby="reminder-form-heading"
      style={{ outline: 'none' }}
    >
      <VStack gap="space-12">
        <Heading level="3" size="xsmall" id="reminder-form-heading">
          {t('fu_reminderOpen')}
        </Heading>
        <FieldErrorSummary form={form} idPrefix={prefix} />
        <DateField
          id={fieldId(prefix, 'dueOn')}
          label={t('fu_reminderDay')}
          value={day}
          onChange={setDay}
          error={errors.dueOn}
          size="small"
          name="reminder-day"
          fromDay={osloToday()}
        />
        <Textarea
          id={fieldId(prefix, 'text')}
          label={t('fu_reminderText')}
          size="small"
          maxLength={REMINDER_MAX}
          value={text}
          error={errors.text}
          onChange={(e) => setText(e.target.value)}
        />
        <FormError form={form} />
        <HStack gap="space-8" wrap>
          <Button type="submit" size="small" loading={form.fetching}>
            {t('fu_reminderButton')}
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={onClose}>
            {t('fu_cancel')}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

const AGENDA = graphql(`
  query MyAgenda {
    myPlannedMeetings { id scheduledAt purpose jobSeeker { id givenName familyName } }
    myReminders { id dueOn text jobSeeker { id givenName familyName } }
  }
`);

/**
 * "My deadlines" also lists my booked meetings and my reminders on their days (issue 15 item 10),
 * each linked to the job seeker's contacts tab.
 */
export function MyAgenda() {
  const { t, i18n } = useTranslation('portfolio');
  const [{ data, error }] = useQuery({ query: AGENDA, requestPolicy: 'cache-and-network' });
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const today = osloToday();
  const items = [
    ...(data?.myPlannedMeetings ?? []).map((m) => ({
      key: `m-${m.id}`,
      day: osloToday(new Date(m.scheduledAt)),
      when: formatDayTime(m.scheduledAt, i18n.language),
      what: t('fu_agendaMeeting', { purpose: t(`purpose_${m.purpose}`) }),
      jobSeeker: m.jobSeeker,
      href: `?tab=contacts`,
    })),
    ...(data?.myReminders ?? []).map((r) => ({
      key: `r-${r.id}`,
      day: r.dueOn,
      when: formatDay(r.dueOn),
      what: t('fu_agendaReminder', { text: r.text }),
      jobSeeker: r.jobSeeker,
      href: `?tab=contacts#reminders-heading`,
    })),
  ].sort((a, b) => a.day.localeCompare(b.day) || a.when.localeCompare(b.when));
  return (
    <section aria-labelledby="agenda-heading">
      <VStack gap="space-8">
        <Heading level="2" size="medium" id="agenda-heading">
          {t('fu_agendaTitle')}
        </Heading>
        {items.length === 0 ? (
          <BodyShort>{t('fu_agendaEmpty')}</BodyShort>
        ) : (
          <ul data-testid="agenda" style={{ display: 'grid', gap: '0.5rem', paddingInlineStart: '1.25rem' }}>
            {items.map((item) => (
              <li key={item.key}>
                <HStack gap="space-8" align="center" wrap>
                  <Detail as="span">{item.when}</Detail>
                  {item.day === today ? (
                    <Tag size="xsmall" variant="info">
                      {t('fu_today')}
                    </Tag>
                  ) : null}
                  <BodyShort as="span" style={{ overflowWrap: 'anywhere' }}>
                    {item.what}
                  </BodyShort>
                  <Link to={`/portfolio/${encodeURIComponent(item.jobSeeker.id)}${item.href}`}>
                    {item.jobSeeker.givenName} {item.jobSeeker.familyName}
                  </Link>
                </HStack>
              </li>
            ))}
          </ul>
        )}
      </VStack>
    </section>
  );
}
