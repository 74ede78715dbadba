/**
 * The contacts tab's lists (`ContactsTab`): the booked meetings (to record or cancel, for the own
 * specialist), the meetings held or not, and the employer contacts that name the job seeker.
 */
import { FormError, formatDayTime } from '@ips/ui';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Label,
  Tag,
  VStack,
} from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedMeeting } from './FollowUpMeetingForm.js';
import type { JobSeekerView } from './query.js';

type Meeting = JobSeekerView['followUpMeetings'][number];

function useWhen() {
  const { i18n } = useTranslation('portfolio');
  return (iso: string) => formatDayTime(iso, i18n.language);
}

const LIST = { display: 'grid', gap: '0.5rem', paddingInlineStart: '1.25rem' } as const;

/** A list under its heading, or a sentence saying it is empty; `after` follows either. */
function ListSection({
  id,
  heading,
  empty,
  testId,
  count,
  children,
  after,
}: {
  id: string;
  heading: string;
  empty: string;
  testId: string;
  count: number;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Heading level="2" size="small" id={id}>
        {heading}
      </Heading>
      {count === 0 ? (
        <BodyShort>{empty}</BodyShort>
      ) : (
        <ul data-testid={testId} style={LIST}>
          {children}
        </ul>
      )}
      {after}
    </section>
  );
}

/** When a meeting is (or was), its purpose, whether face to face, and its length. */
function MeetingLine({ m }: { m: Meeting }) {
  const { t } = useTranslation('portfolio');
  const when = useWhen();
  return (
    <>
      <Label as="span" size="small">
        {when(m.scheduledAt)}
      </Label>{' '}
      {t(`purpose_${m.purpose}`)}, {t(m.faceToFace ? 'js_faceToFace' : 'js_notFaceToFace')},{' '}
      {t('js_minutes', { n: m.durationMinutes })}
    </>
  );
}

/** The booked meetings, soonest first; the own specialist records or cancels each. */
export function PlannedMeetings({
  planned,
  isOwn,
  cancel,
  onRecord,
  onCancel,
}: {
  planned: readonly Meeting[];
  isOwn: boolean;
  cancel: { formError: string | null; fetching: boolean; fieldErrors: Record<string, string | undefined> };
  onRecord: (meeting: PlannedMeeting) => void;
  onCancel: (meetingId: string) => void;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <ListSection
      id="planned-heading"
      heading={t('fu_planned_heading')}
      empty={t('fu_noPlanned')}
      testId="planned-meetings"
      count={planned.length}
      after={
        <>
          <FormError form={cancel} />
          {cancel.fieldErrors.meetingId ? (
            <Alert variant="error" size="small">
              {cancel.fieldErrors.meetingId}
            </Alert>
          ) : null}
        </>
      }
    >
      {planned.map((m) => (
        <li key={m.id}>
          <VStack gap="space-4">
            <span>
              <MeetingLine m={m} />
            </span>
            {isOwn ? (
              <HStack gap="space-8" wrap>
                <Button size="xsmall" variant="secondary" onClick={() => onRecord(m as PlannedMeeting)}>
                  {t('fu_recordPlanned')}
                </Button>
                <Button
                  size="xsmall"
                  variant="tertiary"
                  onClick={() => onCancel(m.id)}
                  loading={cancel.fetching}
                >
                  {t('fu_cancelPlanned')}
                </Button>
              </HStack>
            ) : null}
          </VStack>
        </li>
      ))}
    </ListSection>
  );
}

/** The meetings that are no longer booked: held, or with their status. */
export function MeetingHistory({ meetings }: { meetings: readonly Meeting[] }) {
  const { t } = useTranslation('portfolio');
  return (
    <ListSection
      id="meetings-heading"
      heading={t('js_meetings')}
      empty={t('js_noMeetings')}
      testId="meetings"
      count={meetings.length}
    >
      {meetings.map((m) => (
        <li key={m.id}>
          <MeetingLine m={m} />
          {m.status !== 'HELD' ? (
            <>
              {' '}
              <Tag size="xsmall" variant="neutral">
                {t(`fu_status_${m.status}`)}
              </Tag>
            </>
          ) : null}
          {m.summary ? (
            <BodyLong size="small" style={{ overflowWrap: 'anywhere' }}>
              {m.summary}
            </BodyLong>
          ) : null}
        </li>
      ))}
    </ListSection>
  );
}

/** The employer contacts that name the job seeker. */
export function EmployerContactList({ contacts }: { contacts: JobSeekerView['employerContacts'] }) {
  const { t } = useTranslation('portfolio');
  const when = useWhen();
  return (
    <ListSection
      id="contacts-heading"
      heading={t('js_employerContacts')}
      empty={t('js_noEmployerContacts')}
      testId="employer-contacts"
      count={contacts.length}
    >
      {contacts.map((c) => (
        <li key={c.id}>
          <Label as="span" size="small">
            {when(c.contactedAt)}
          </Label>{' '}
          {c.employer.name}: {t(`contactPurpose_${c.purpose}`)}
          {c.outcome ? ` – ${t(`outcome_${c.outcome}`)}` : ''},{' '}
          {t(c.faceToFace ? 'js_faceToFace' : 'js_notFaceToFace')}
          {c.contactPerson ? ` (${c.contactPerson})` : ''}
          {c.notes ? (
            <BodyLong size="small" style={{ overflowWrap: 'anywhere' }}>
              <Detail as="span">{t('fu_contactNote')}:</Detail> {c.notes}
            </BodyLong>
          ) : null}
        </li>
      ))}
    </ListSection>
  );
}
