/**
 * The journal-notes tab of a job seeker's page (issue 15, item 8; domain.md §6: the product is not
 * the patient record, it writes notes ready for it). Each note: read the text, download it as a PDF,
 * copy the text, and mark it as entered in the patient record — once, with who and when, so nothing
 * is entered twice or forgotten. Notes not yet entered come first. Only the job seeker's own
 * specialist reads the notes (the same rule as the API's), so only they see the tab's actions.
 */
import {
  AlreadyRecordedErrorFields,
  canOn,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  type ResultOf,
  useAbility,
  useMutationForm,
  useSession,
} from '@ips/ui';
import { DownloadIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  CopyButton,
  Detail,
  Heading,
  HStack,
  Loader,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';

export const JOURNAL_NOTES = graphql(`
  query JobSeekerJournalNotes($id: ID!) {
    node(id: $id) {
      id
      ... on JobSeeker {
        currentSpecialist { id }
        journalNotes {
          id
          kind
          text
          createdAt
          recordedInJournalAt
          recordedInJournalBy { id givenName familyName }
        }
      }
    }
  }
`);

/** The PDFs are made on request only (one per note, by the API): fetched when one is downloaded. */
const JOURNAL_PDFS = graphql(`
  query JobSeekerJournalNotePdfs($id: ID!) {
    node(id: $id) {
      id
      ... on JobSeeker { journalNotes { id pdfBase64 } }
    }
  }
`);

const MARK_ENTERED = graphql(
  `
  mutation MarkJournalNoteEntered($input: MarkJournalNoteEnteredInput!) {
    markJournalNoteEntered(input: $input) {
      __typename
      ... on MutationMarkJournalNoteEnteredSuccess {
        data { id recordedInJournalAt recordedInJournalBy { id givenName familyName } }
      }
      ...NotFoundErrorFields
      ...AlreadyRecordedErrorFields
    }
  }
`,
  [NotFoundErrorFields, AlreadyRecordedErrorFields],
);

type JobSeekerNotes = Extract<NonNullable<ResultOf<typeof JOURNAL_NOTES>['node']>, { journalNotes: unknown }>;
/** What the last marking did, in words. */
type Notice = { ok: boolean; text: string };
type Note = JobSeekerNotes['journalNotes'][number];

const LIST = { listStyle: 'none', margin: 0, padding: 0 } as const;

const KINDS = [
  'SUPPORT_PLAN',
  'JOB_START',
  'JOB_END',
  'TRANSFER',
  'DISCHARGE',
  'BENEFITS_COUNSELLING',
  'OTHER',
];
const kindKey = (prefix: string, kind: string) => `${prefix}${KINDS.includes(kind) ? kind : 'OTHER'}`;

/** Not yet entered first (oldest first: the longest waiting), then the entered ones, newest first. */
export function orderNotes<N extends { createdAt: string; recordedInJournalAt: string | null }>(
  notes: readonly N[],
): { pending: N[]; entered: N[] } {
  const by = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    pending: notes.filter((n) => !n.recordedInJournalAt).sort((a, b) => by(a.createdAt, b.createdAt)),
    entered: notes.filter((n) => n.recordedInJournalAt).sort((a, b) => by(b.createdAt, a.createdAt)),
  };
}

/** A file name without personal data: the kind and the day it was written (`journalnotat-jobbstart-2026-03-30.pdf`). */
export function pdfFileName(fileKind: string, createdAt: string): string {
  const day = formatDay(createdAt).split('.').reverse().join('-');
  return `journalnotat-${fileKind}-${day}.pdf`;
}

function downloadPdf(base64: string, fileName: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One list of notes (not yet entered, or entered) under its heading; nothing when it is empty. */
function NoteSection({
  headingId,
  heading,
  notes,
  jobSeekerId,
  onDone,
}: {
  headingId: string;
  heading: string;
  notes: readonly Note[];
  jobSeekerId: string;
  onDone: (notice: Notice) => void;
}) {
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Heading level="3" size="small" id={headingId} spacing>
        {heading}
      </Heading>
      <VStack gap="space-12" as="ul" style={LIST}>
        {notes.map((n) => (
          <NoteItem key={n.id} note={n} jobSeekerId={jobSeekerId} onDone={onDone} />
        ))}
      </VStack>
    </section>
  );
}

export function JournalNotes({ jobSeekerId }: { jobSeekerId: string }) {
  const { t } = useTranslation('portfolio');
  const session = useSession();
  const ability = useAbility();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: JOURNAL_NOTES,
    variables: { id: jobSeekerId },
  });
  // What the last marking did, shown above the lists: the note itself moves from one list to the other.
  const [notice, setNotice] = useState<Notice | null>(null);
  if (fetching && !data) return <Loader title={t('jn_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const node = data?.node;
  const js = node && 'journalNotes' in node ? (node as JobSeekerNotes) : null;
  const mayRead =
    !!js &&
    canOn(ability, 'read', 'JournalNote', {
      organizationId: session.organizationId,
      jobSeeker: { currentSpecialistId: js.currentSpecialist?.id },
    });
  if (!js || !mayRead) return <BodyShort>{t('jn_noAccess')}</BodyShort>;
  const { pending, entered } = orderNotes(js.journalNotes);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // A marking that failed reloads the notes (another window may have changed them).
  const onDone = (n: Notice) => {
    setNotice(n);
    if (!n.ok) reload();
  };

  return (
    <VStack gap="space-16" paddingBlock="space-16" data-testid="journal-notes">
      <Heading level="2" size="medium">
        {t('jn_title')}
      </Heading>
      <BodyLong>{t('jn_intro')}</BodyLong>
      {js.journalNotes.length === 0 ? <BodyShort>{t('jn_none')}</BodyShort> : null}
      <div role="status">
        {notice?.ok ? (
          <Alert variant="success" size="small">
            {notice.text}
          </Alert>
        ) : null}
      </div>
      {notice && !notice.ok ? (
        <Alert variant="warning" size="small" role="alert">
          {notice.text}
        </Alert>
      ) : null}
      <NoteSection
        headingId="jn-pending-heading"
        heading={t('jn_notEntered', { count: pending.length })}
        notes={pending}
        jobSeekerId={jobSeekerId}
        onDone={onDone}
      />
      <NoteSection
        headingId="jn-entered-heading"
        heading={t('jn_entered', { count: entered.length })}
        notes={entered}
        jobSeekerId={jobSeekerId}
        onDone={onDone}
      />
    </VStack>
  );
}

function NoteItem({
  note,
  jobSeekerId,
  onDone,
}: {
  note: Note;
  jobSeekerId: string;
  /** The marking's outcome; a refusal (entered meanwhile, gone) reloads the list. */
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation('portfolio');
  const client = useClient();
  const mark = useMutationForm(MARK_ENTERED);
  const [downloading, setDownloading] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const [title = '', , ...body] = note.text.split('\n');
  const headingId = `jn-${note.id}`;
  const by = note.recordedInJournalBy;

  const download = async () => {
    setDownloading(true);
    setDownloadFailed(false);
    const res = await client
      .query(JOURNAL_PDFS, { id: jobSeekerId }, { requestPolicy: 'network-only' })
      .toPromise();
    setDownloading(false);
    const node = res.data?.node;
    const pdf =
      node && 'journalNotes' in node ? node.journalNotes.find((n) => n.id === note.id)?.pdfBase64 : undefined;
    if (!pdf) {
      setDownloadFailed(true);
      return;
    }
    downloadPdf(pdf, pdfFileName(t(kindKey('jn_file_', note.kind)), note.createdAt));
  };

  const markEntered = async () => {
    const r = await mark.send({ input: { id: note.id } });
    // Entered meanwhile (another window): the answer names who and when, and the list reloads.
    if (r.ok) onDone({ ok: true, text: t('jn_marked') });
    else if (r.kind === 'alreadyRecorded' || r.kind === 'notFound') onDone({ ok: false, text: r.formError });
  };

  return (
    <Box as="li" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <article aria-labelledby={headingId}>
        <VStack gap="space-8">
          <HStack gap="space-8" align="center" wrap>
            <Heading level="4" size="xsmall" id={headingId}>
              {title}
            </Heading>
            <Tag variant="neutral" size="small">
              {t(kindKey('jn_kind_', note.kind))}
            </Tag>
          </HStack>
          <Detail>{t('jn_written', { day: formatDay(note.createdAt) })}</Detail>
          {note.recordedInJournalAt ? (
            <Tag variant="success" size="small" data-testid="jn-entered">
              {by
                ? t('jn_enteredBy', {
                    day: formatDay(note.recordedInJournalAt),
                    name: `${by.givenName} ${by.familyName}`,
                  })
                : t('jn_enteredNoName', { day: formatDay(note.recordedInJournalAt) })}
            </Tag>
          ) : (
            <Tag variant="warning" size="small">
              {t('jn_pending')}
            </Tag>
          )}
          <BodyLong style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{body.join('\n')}</BodyLong>
          <HStack gap="space-8" wrap>
            <Button
              size="small"
              variant="secondary"
              icon={<DownloadIcon aria-hidden />}
              loading={downloading}
              onClick={() => void download()}
            >
              {t('jn_download')}
            </Button>
            <CopyButton size="small" copyText={note.text} text={t('jn_copy')} activeText={t('jn_copied')} />
            {!note.recordedInJournalAt ? (
              <Button
                size="small"
                variant="primary"
                loading={mark.fetching}
                onClick={() => void markEntered()}
              >
                {t('jn_mark')}
              </Button>
            ) : null}
          </HStack>
          {downloadFailed ? (
            <Alert variant="error" size="small" role="alert">
              {t('jn_downloadFailed')}
            </Alert>
          ) : null}
          {/* Entered meanwhile, or gone: said above the lists (the note moves to the other list). */}
          {mark.failure?.kind === 'alreadyRecorded' || mark.failure?.kind === 'notFound' ? null : (
            <FormError form={mark} />
          )}
        </VStack>
      </article>
    </Box>
  );
}
