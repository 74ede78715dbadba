/**
 * The dialogue with NAV about one job seeker (issue 17, "A secure dialogue per job seeker";
 * docs/nav-dialogue.md), one screen for both sides: the specialist's tab on the person page
 * (`mf-portfolio`) and the NAV counsellor's page (`mf-nav`). The threads with the other side's
 * unread messages marked; opening a thread marks it read; while the dialogue is open (consent and
 * grant cover DIALOGUE) a thread can be started and answered. When it is closed the history stays
 * readable (for the specialist) with a notice and no write form. With `journal`, the own specialist
 * turns a thread into a journal note (once); NAV is never offered it and never asks for it. The
 * texts are the calling remote's (`ns`, keys `dlg_*`). The API decides who reads and writes.
 */

import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HStack,
  Loader,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatDay, formatDayTime } from './date-field.js';
import { graphql } from './graphql.js';
import {
  AlreadyRecordedErrorFields,
  ConflictErrorFields,
  ConsentRequiredErrorFields,
  NotFoundErrorFields,
  ownIssueText,
  useMutationForm,
  ValidationErrorFields,
} from './mutation.js';
import { FormError } from './mutation-ui.js';

const NAV_DIALOGUE = graphql(
  `
  query NavDialogue($jobSeekerId: ID!, $journal: Boolean!) {
    navDialogue(jobSeekerId: $jobSeekerId) {
      __typename
      ... on QueryNavDialogueSuccess {
        data {
          jobSeekerId
          side
          open
          openOffices { id name }
          threads {
            id
            subject
            navOfficeName
            lastMessageAt
            version
            journalNoteId @include(if: $journal)
            unreadCount
            otherSideReadUpTo
            answerDueOn
            messages { id side authorName body createdAt }
          }
        }
      }
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
    }
  }
`,
  [ConsentRequiredErrorFields, NotFoundErrorFields],
);

const START_THREAD = graphql(
  `
  mutation StartNavDialogueThread($input: StartNavDialogueThreadInput!) {
    startNavDialogueThread(input: $input) {
      __typename
      ... on MutationStartNavDialogueThreadSuccess { data { id } }
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConsentRequiredErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const POST_MESSAGE = graphql(
  `
  mutation PostNavDialogueMessage($input: PostNavDialogueMessageInput!) {
    postNavDialogueMessage(input: $input) {
      __typename
      ... on MutationPostNavDialogueMessageSuccess { data { id version unreadCount answerDueOn lastMessageAt } }
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConsentRequiredErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const MARK_READ = graphql(
  `
  mutation MarkNavDialogueRead($input: MarkNavDialogueReadInput!) {
    markNavDialogueRead(input: $input) {
      __typename
      ... on MutationMarkNavDialogueReadSuccess { data { id unreadCount } }
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
    }
  }
`,
  [ConsentRequiredErrorFields, NotFoundErrorFields],
);

const TO_JOURNAL = graphql(
  `
  mutation NavDialogueToJournalNote($input: NavDialogueToJournalNoteInput!) {
    navDialogueToJournalNote(input: $input) {
      __typename
      ... on MutationNavDialogueToJournalNoteSuccess { data { id version journalNoteId } }
      ...AlreadyRecordedErrorFields
      ...ConflictErrorFields
      ...NotFoundErrorFields
    }
  }
`,
  [AlreadyRecordedErrorFields, ConflictErrorFields, NotFoundErrorFields],
);

type Side = 'SPECIALIST' | 'NAV';
type Thread = {
  id: string;
  subject: string;
  navOfficeName: string;
  lastMessageAt: unknown;
  version: number;
  journalNoteId?: string | null;
  unreadCount: number;
  otherSideReadUpTo: unknown;
  answerDueOn: unknown;
  messages: readonly {
    id: string;
    side: Side;
    authorName: string | null;
    body: string;
    createdAt: unknown;
  }[];
};

const WRAP = { overflowWrap: 'anywhere', whiteSpace: 'pre-line' } as const;

interface Shared {
  /** The calling remote's i18n namespace, which holds the `dlg_*` texts. */
  ns: string;
  /** Offer the journal note (the own specialist's side only). */
  journal: boolean;
}

/** The dialogue of one job seeker (raw id), for whoever the API lets read it. */
export function NavDialogue({ jobSeekerId, ns, journal }: { jobSeekerId: string } & Shared) {
  const { t } = useTranslation(ns);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NAV_DIALOGUE,
    variables: { jobSeekerId, journal },
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loader title={t('dlg_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const res = data?.navDialogue;
  if (res?.__typename !== 'QueryNavDialogueSuccess') return <Alert variant="info">{t('dlg_closed')}</Alert>;
  const dlg = res.data;
  const threads = dlg.threads as readonly Thread[];
  return (
    <section aria-labelledby="dlg-heading" data-nav-dialogue="">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="dlg-heading">
          {t('dlg_title')}
        </Heading>
        {!dlg.open ? (
          <Alert variant="info" size="small" data-dialogue-closed="">
            {t('dlg_closed')}
          </Alert>
        ) : null}
        {threads.length === 0 ? <BodyShort>{t('dlg_none')}</BodyShort> : null}
        <VStack as="ul" gap="space-8" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {threads.map((th) => (
            <li key={th.id}>
              <ThreadView
                ns={ns}
                journal={journal}
                thread={th}
                side={dlg.side}
                open={dlg.open}
                expanded={openId === th.id}
                onToggle={() => setOpenId(openId === th.id ? null : th.id)}
                onChanged={reload}
              />
            </li>
          ))}
        </VStack>
        {dlg.open ? (
          <StartThreadForm ns={ns} jobSeekerId={jobSeekerId} offices={dlg.openOffices} onStarted={reload} />
        ) : null}
      </VStack>
    </section>
  );
}

function ThreadView({
  ns,
  journal,
  thread,
  side,
  open,
  expanded,
  onToggle,
  onChanged,
}: Shared & {
  thread: Thread;
  side: Side;
  open: boolean;
  expanded: boolean;
  onToggle: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation(ns);
  const markRead = useMutationForm(MARK_READ);
  const toggle = async () => {
    onToggle();
    if (!expanded && thread.unreadCount > 0) {
      const res = await markRead.send({ input: { threadId: thread.id } });
      if (res.ok) onChanged();
    }
  };
  const last = thread.messages[thread.messages.length - 1];
  return (
    <Box
      padding="space-12"
      borderWidth="1"
      borderRadius="8"
      borderColor="neutral-subtle"
      data-thread={thread.id}
    >
      <VStack gap="space-8">
        <HStack gap="space-8" align="center" wrap>
          <Button
            variant="tertiary"
            size="small"
            aria-expanded={expanded}
            aria-controls={`dlg-thread-${thread.id}`}
            onClick={toggle}
            style={WRAP}
          >
            {thread.subject}
          </Button>
          {thread.unreadCount > 0 ? (
            <Tag size="xsmall" variant="warning" data-unread={thread.unreadCount}>
              {t('dlg_unread', { count: thread.unreadCount })}
            </Tag>
          ) : null}
          {thread.answerDueOn ? (
            <Tag size="xsmall" variant="info">
              {t('dlg_answerDue', { day: formatDay(thread.answerDueOn as string) })}
            </Tag>
          ) : null}
          {thread.journalNoteId ? (
            <Tag size="xsmall" variant="success">
              {t('dlg_inJournal')}
            </Tag>
          ) : null}
        </HStack>
        <Detail>
          {t('dlg_threadMeta', {
            office: thread.navOfficeName,
            at: formatDayTime(thread.lastMessageAt as string, i18n.language),
          })}
        </Detail>
        <FormError form={markRead} />
        {expanded ? (
          <VStack gap="space-12" id={`dlg-thread-${thread.id}`}>
            <VStack as="ol" gap="space-8" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {thread.messages.map((m) => (
                <li key={m.id} data-message-side={m.side}>
                  <Box
                    padding="space-8"
                    background={m.side === side ? 'neutral-soft' : 'accent-soft'}
                    borderRadius="4"
                  >
                    <Detail weight="semibold">
                      {t(`dlg_side_${m.side}`)}
                      {m.authorName ? ` (${m.authorName})` : ''} –{' '}
                      {formatDayTime(m.createdAt as string, i18n.language)}
                    </Detail>
                    <BodyLong style={WRAP}>{m.body}</BodyLong>
                  </Box>
                </li>
              ))}
            </VStack>
            {last?.side === side && thread.otherSideReadUpTo ? (
              <Detail>
                {t('dlg_readByOther', {
                  at: formatDayTime(thread.otherSideReadUpTo as string, i18n.language),
                })}
              </Detail>
            ) : null}
            {open ? <AnswerForm ns={ns} threadId={thread.id} onPosted={onChanged} /> : null}
            {journal && side === 'SPECIALIST' && !thread.journalNoteId ? (
              <JournalButton ns={ns} thread={thread} onDone={onChanged} />
            ) : null}
          </VStack>
        ) : null}
      </VStack>
    </Box>
  );
}

function AnswerForm({ ns, threadId, onPosted }: { ns: string; threadId: string; onPosted: () => void }) {
  const { t } = useTranslation(ns);
  const form = useMutationForm(POST_MESSAGE, {
    issueText: ownIssueText(t, 'dlg_issue_'),
    fields: ['body'],
    failureText: (f) => (f.kind === 'consent' ? t('dlg_closed') : undefined),
  });
  const [body, setBody] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return form.setFieldErrors({ body: t('dlg_issue_REQUIRED_body') });
    form.setFieldErrors({});
    const res = await form.send(
      { input: { threadId, body } },
      { additionalTypenames: ['NavDialogueThread'] },
    );
    if (res.ok) setBody('');
    if (res.ok || res.kind === 'consent') onPosted();
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-8" align="stretch">
        <Textarea
          label={t('dlg_answer')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={form.fieldErrors.body}
          minRows={3}
        />
        <FormError form={form} />
        <div>
          <Button type="submit" size="small" loading={form.fetching}>
            {t('dlg_send')}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

function JournalButton({ ns, thread, onDone }: { ns: string; thread: Thread; onDone: () => void }) {
  const { t } = useTranslation(ns);
  const form = useMutationForm(TO_JOURNAL);
  const [done, setDone] = useState(false);
  const make = async () => {
    const res = await form.send(
      { input: { threadId: thread.id, version: thread.version } },
      { additionalTypenames: ['JournalNote'] },
    );
    if (res.ok) setDone(true);
    if (res.ok || res.kind === 'conflict' || res.kind === 'alreadyRecorded') onDone();
  };
  return (
    <VStack gap="space-4" align="start">
      {done ? (
        <Alert variant="success" size="small" role="status">
          {t('dlg_journalDone')}
        </Alert>
      ) : null}
      <FormError form={form} />
      <Button size="small" variant="secondary" loading={form.fetching} onClick={make}>
        {t('dlg_toJournal')}
      </Button>
    </VStack>
  );
}

function StartThreadForm({
  ns,
  jobSeekerId,
  offices,
  onStarted,
}: {
  ns: string;
  jobSeekerId: string;
  offices: readonly { id: string; name: string }[];
  onStarted: () => void;
}) {
  const { t } = useTranslation(ns);
  const form = useMutationForm(START_THREAD, {
    issueText: ownIssueText(t, 'dlg_issue_'),
    fields: ['subject', 'body', 'navOfficeId'],
    failureText: (f) => (f.kind === 'consent' ? t('dlg_closed') : undefined),
  });
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [office, setOffice] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!subject.trim()) errors.subject = t('dlg_issue_REQUIRED_subject');
    if (!body.trim()) errors.body = t('dlg_issue_REQUIRED_body');
    if (offices.length > 1 && !office) errors.navOfficeId = t('dlg_issue_REQUIRED_navOfficeId');
    form.setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    const navOfficeId = offices.length > 1 ? office : null;
    const res = await form.send(
      { input: { jobSeekerId, subject, body, navOfficeId } },
      { additionalTypenames: ['NavDialogueThread'] },
    );
    if (res.ok) {
      setSubject('');
      setBody('');
    }
    if (res.ok || res.kind === 'consent') onStarted();
  };
  return (
    <Box
      as="section"
      aria-labelledby="dlg-start"
      padding="space-16"
      borderWidth="1"
      borderRadius="8"
      borderColor="neutral-subtle"
    >
      <form onSubmit={submit} noValidate>
        <VStack gap="space-12">
          <Heading level="3" size="small" id="dlg-start">
            {t('dlg_startTitle')}
          </Heading>
          {offices.length > 1 ? (
            <Select
              label={t('dlg_office')}
              value={office}
              onChange={(e) => setOffice(e.target.value)}
              error={form.fieldErrors.navOfficeId}
            >
              <option value="">{t('dlg_chooseOffice')}</option>
              {offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          ) : null}
          <TextField
            label={t('dlg_subject')}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            error={form.fieldErrors.subject}
          />
          <Textarea
            label={t('dlg_message')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={form.fieldErrors.body}
            minRows={3}
          />
          <FormError form={form} />
          <div>
            <Button type="submit" loading={form.fetching}>
              {t('dlg_start')}
            </Button>
          </div>
        </VStack>
      </form>
    </Box>
  );
}
