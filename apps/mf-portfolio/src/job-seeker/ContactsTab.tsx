/**
 * The person page's "contacts and meetings" tab (issue 15 items 5 and 10): log a follow-up meeting
 * or book one ahead, record or cancel a booking, log an employer contact with its time and note,
 * and my reminders. A duty's link opens the form that fulfils it (`?form=meeting&purpose=…&job=…`,
 * `?form=employer-contact`, `?form=reminder`), with the focus in it.
 */
import { graphql, NotFoundErrorFields, useMutationForm, ValidationErrorFields } from '@ips/ui';
import { Alert, Button, HStack, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmployerContactList, MeetingHistory, PlannedMeetings } from './contacts-lists.js';
import type { ContactsForm } from './duty-links.js';
import { EmployerContactForm } from './EmployerContactForm.js';
import {
  FollowUpMeetingForm,
  MEETING_PURPOSES,
  type MeetingPurpose,
  type PlannedMeeting,
} from './FollowUpMeetingForm.js';
import type { JobSeekerView } from './query.js';
import { Reminders } from './Reminders.js';

const CANCEL = graphql(
  `
  mutation CancelFollowUpMeeting($input: CancelFollowUpMeetingInput!) {
    cancelFollowUpMeeting(input: $input) {
      __typename
      ... on MutationCancelFollowUpMeetingSuccess { data { id status } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const FORMS: readonly ContactsForm[] = ['meeting', 'employer-contact', 'reminder'];

export function ContactsTab({
  js,
  isOwn,
  onReload,
}: {
  js: JobSeekerView;
  isOwn: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [search, setSearch] = useSearchParams();
  const asked = search.get('form') ?? '';
  const form = isOwn && (FORMS as readonly string[]).includes(asked) ? (asked as ContactsForm) : null;
  const askedPurpose = search.get('purpose') ?? '';
  const purpose = (MEETING_PURPOSES as readonly string[]).includes(askedPurpose)
    ? (askedPurpose as MeetingPurpose)
    : undefined;
  const job = search.get('job') ?? undefined;
  const [completing, setCompleting] = useState<PlannedMeeting | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const cancel = useMutationForm(CANCEL, {
    issueText: (i) => (i.code === 'NOT_OPEN' ? t('fu_issue_NOT_OPEN') : undefined),
  });

  const open = (next: ContactsForm | null, planned: PlannedMeeting | null = null) => {
    setCompleting(planned);
    if (next) setStatus(null);
    setSearch(next ? { tab: 'contacts', form: next } : { tab: 'contacts' }, { replace: true });
  };
  const saved = (message: string) => {
    setStatus(message);
    open(null);
    onReload();
  };
  const cancelMeeting = async (id: string) => {
    setStatus(null);
    const res = await cancel.send({ input: { meetingId: id } }, { additionalTypenames: ['FollowUpMeeting'] });
    if (res.ok) {
      setStatus(t('fu_cancelledPlanned'));
      onReload();
    }
  };

  const planned = js.followUpMeetings
    .filter((m) => m.status === 'PLANNED')
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const meetings = js.followUpMeetings.filter((m) => m.status !== 'PLANNED');

  return (
    <VStack gap="space-24" paddingBlock="space-16">
      {status ? (
        <Alert variant="success" size="small" role="status">
          {status}
        </Alert>
      ) : null}
      {isOwn ? (
        <HStack gap="space-8" wrap>
          <Button
            size="small"
            variant={form === 'meeting' ? 'primary' : 'secondary'}
            onClick={() => open('meeting')}
          >
            {t('fu_meetingOpen')}
          </Button>
          <Button
            size="small"
            variant={form === 'employer-contact' ? 'primary' : 'secondary'}
            onClick={() => open('employer-contact')}
          >
            {t('fu_contactOpen')}
          </Button>
        </HStack>
      ) : null}
      {form === 'meeting' ? (
        <FollowUpMeetingForm
          key={completing?.id ?? `new-${purpose ?? ''}-${job ?? ''}`}
          jobSeekerId={js.id}
          employments={js.employments}
          {...(purpose ? { initialPurpose: purpose } : {})}
          {...(job ? { initialEmploymentId: job } : {})}
          planned={completing}
          autoFocus
          onSaved={saved}
          onClose={() => open(null)}
        />
      ) : null}
      {form === 'employer-contact' ? (
        <EmployerContactForm jobSeekerId={js.id} autoFocus onSaved={saved} onClose={() => open(null)} />
      ) : null}

      <PlannedMeetings
        planned={planned}
        isOwn={isOwn}
        cancel={cancel}
        onRecord={(m) => open('meeting', m)}
        onCancel={cancelMeeting}
      />
      <MeetingHistory meetings={meetings} />
      <EmployerContactList contacts={js.employerContacts} />

      {isOwn ? (
        <Reminders
          jobSeekerId={js.id}
          reminders={js.reminders}
          open={form === 'reminder'}
          autoFocus={form === 'reminder'}
          onOpen={() => open('reminder')}
          onClose={() => open(null)}
          onChanged={onReload}
        />
      ) : null}
    </VStack>
  );
}
