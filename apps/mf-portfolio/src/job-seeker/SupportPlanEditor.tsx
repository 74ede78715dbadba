/**
 * The support plan (jobbstøtteplan): the current revision read-only, and an editor that saves a new
 * revision. The form checks the follow-up rule with the same domain function the API uses, shows
 * the API's typed errors at the fields they concern, and never overwrites someone else's revision:
 * a version conflict offers to reload (discarding the draft) or to compare and save on top.
 */
import { checkFollowUpPlan } from '@ips/domain';
import {
  ConflictAlert,
  ConflictErrorFields,
  ConsentRequiredErrorFields,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  type ResultOf,
  readFragment,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Checkbox,
  Detail,
  Heading,
  HStack,
  Table,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SupportPlanFields } from './query.js';
import { AgreementRows, FollowUpRuleIssues, MeetingRows, type Person } from './support-plan-rows.js';

export type SupportPlan = ResultOf<typeof SupportPlanFields>;
type Revision = SupportPlan['revisions'][number];

export interface Draft {
  agreedWithEmployer: boolean;
  employerMayCallSpecialist: boolean;
  employerRoutines: string;
  absenceArrangements: string;
  specialArrangements: string;
  taperingPlan: string;
  agreements: { supportPerson: Person; responsibility: string; personName: string }[];
  meetings: { plannedOn: string; faceToFace: boolean; topic: string }[];
}

const TEXT_FIELDS = [
  'employerRoutines',
  'absenceArrangements',
  'specialArrangements',
  'taperingPlan',
] as const;
const TEXT_LABEL: Record<(typeof TEXT_FIELDS)[number], string> = {
  employerRoutines: 'sp_employerRoutines',
  absenceArrangements: 'sp_absenceArrangements',
  specialArrangements: 'sp_specialArrangements',
  taperingPlan: 'sp_taperingPlan',
};

export function draftOf(revision: Revision | undefined): Draft {
  return {
    agreedWithEmployer: revision?.agreedWithEmployer ?? false,
    employerMayCallSpecialist: revision?.employerMayCallSpecialist ?? false,
    employerRoutines: revision?.employerRoutines ?? '',
    absenceArrangements: revision?.absenceArrangements ?? '',
    specialArrangements: revision?.specialArrangements ?? '',
    taperingPlan: revision?.taperingPlan ?? '',
    agreements: (revision?.agreements ?? []).map((a) => ({
      supportPerson: a.supportPerson as Person,
      responsibility: a.responsibility,
      personName: a.personName ?? '',
    })),
    meetings: (revision?.plannedMeetings ?? []).map((m) => ({
      plannedOn: m.plannedOn,
      faceToFace: m.faceToFace,
      topic: m.topic ?? '',
    })),
  };
}

/** Fields the form shows issues at; any other (e.g. a closed plan) goes to a general alert. */
const SHOWN_AT_FIELD: readonly string[] = [...TEXT_FIELDS, 'agreements', 'meetings', 'changeNote'];

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function contentOf(draft: Draft) {
  return {
    agreedWithEmployer: draft.agreedWithEmployer,
    employerMayCallSpecialist: draft.employerMayCallSpecialist,
    employerRoutines: orNull(draft.employerRoutines),
    absenceArrangements: orNull(draft.absenceArrangements),
    specialArrangements: orNull(draft.specialArrangements),
    taperingPlan: orNull(draft.taperingPlan),
    agreements: draft.agreements.map((a) => ({
      supportPerson: a.supportPerson,
      responsibility: a.responsibility.trim(),
      personName: orNull(a.personName),
    })),
    meetings: draft.meetings.map((m) => ({
      plannedOn: m.plannedOn,
      faceToFace: m.faceToFace,
      topic: orNull(m.topic),
    })),
  };
}

/** The list with its i-th row changed (the agreement and meeting rows are edited in place). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of a draft made on `base` with a revision `theirs` saved meanwhile: a field only
 * they changed keeps theirs, a field I changed keeps mine. `conflicts` are the fields both changed
 * differently: the only ones the user has to look at.
 */
export function merge(
  base: Draft,
  theirs: Draft,
  mine: Draft,
): { merged: Draft; conflicts: string[]; theirsOnly: string[] } {
  const merged = { ...mine };
  const conflicts: string[] = [];
  const theirsOnly: string[] = [];
  for (const key of Object.keys(base) as (keyof Draft)[]) {
    const mineChanged = !same(mine[key], base[key]);
    const theirsChanged = !same(theirs[key], base[key]);
    if (theirsChanged && !mineChanged) {
      (merged as Record<string, unknown>)[key] = theirs[key];
      theirsOnly.push(key);
    } else if (theirsChanged && mineChanged && !same(theirs[key], mine[key])) conflicts.push(key);
  }
  return { merged, conflicts, theirsOnly };
}

/** The fields where two drafts differ, as text for the compare view. */
export function differences(
  theirs: Draft,
  mine: Draft,
  t: (key: string) => string,
): { key: string; field: string; theirs: string; mine: string }[] {
  const yesNo = (b: boolean) => t(b ? 'sp_yes' : 'sp_no');
  const rows: { field: string; label: string; theirs: string; mine: string }[] = [
    {
      field: 'agreedWithEmployer',
      label: t('sp_agreedWithEmployer'),
      theirs: yesNo(theirs.agreedWithEmployer),
      mine: yesNo(mine.agreedWithEmployer),
    },
    {
      field: 'employerMayCallSpecialist',
      label: t('sp_employerMayCall'),
      theirs: yesNo(theirs.employerMayCallSpecialist),
      mine: yesNo(mine.employerMayCallSpecialist),
    },
    ...TEXT_FIELDS.map((f) => ({ field: f, label: t(TEXT_LABEL[f]), theirs: theirs[f], mine: mine[f] })),
    {
      field: 'agreements',
      label: t('sp_agreements'),
      theirs: theirs.agreements
        .map((a) => `${t(`person_${a.supportPerson}`)}: ${a.responsibility}`)
        .join('\n'),
      mine: mine.agreements.map((a) => `${t(`person_${a.supportPerson}`)}: ${a.responsibility}`).join('\n'),
    },
    {
      field: 'meetings',
      label: t('sp_meetings'),
      theirs: theirs.meetings
        .map((m) => `${formatDay(m.plannedOn)}${m.faceToFace ? ' ✓' : ''} ${m.topic}`.trim())
        .join('\n'),
      mine: mine.meetings
        .map((m) => `${formatDay(m.plannedOn)}${m.faceToFace ? ' ✓' : ''} ${m.topic}`.trim())
        .join('\n'),
    },
  ];
  return rows
    .filter((r) => r.theirs !== r.mine)
    .map((r) => ({ key: r.field, field: r.label, theirs: r.theirs, mine: r.mine }));
}

const REVISE = graphql(
  `
  mutation ReviseSupportPlan($input: ReviseSupportPlanInput!) {
    reviseSupportPlan(input: $input) {
      __typename
      ... on MutationReviseSupportPlanSuccess { data { ...SupportPlanFields } }
      ...ConflictErrorFields
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [
    SupportPlanFields,
    ConflictErrorFields,
    ConsentRequiredErrorFields,
    NotFoundErrorFields,
    ValidationErrorFields,
  ],
);

export interface SupportPlanEditorProps {
  plan: SupportPlan;
  /** The day the follow-up rule counts from. */
  startsOn: string;
  /** Whether the signed-in user may revise it (the ability decides). */
  canEdit: boolean;
  /** Loads the plan as it is now (network only). */
  onReload: () => void;
}

export function SupportPlanEditor({ plan, startsOn, canEdit, onReload }: SupportPlanEditorProps) {
  const { t } = useTranslation('portfolio');
  const current = plan.revisions.find((r) => r.revision === plan.currentRevision) ?? plan.revisions[0];
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  // The revision the draft started from: what a conflict is merged against.
  const [base, setBase] = useState<Draft>(() => draftOf(current));
  const [baseVersion, setBaseVersion] = useState(plan.version);
  const [changeNote, setChangeNote] = useState('');
  const [comparing, setComparing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const form = useMutationForm(REVISE, {
    fields: SHOWN_AT_FIELD,
    issueText: ownIssueText(t, 'sp_issue_'),
    failureText: (f) =>
      f.kind === 'consent' ? t('sp_consentRequired', { scope: t(`scope_${f.scope}`) }) : undefined,
  });
  const issues = form.fieldErrors;
  const fetching = form.fetching;
  const conflict = form.failure?.kind === 'conflict';

  // The follow-up rule, checked as the API checks it before anything is sent: the plan from the
  // start, so the meetings its saved revisions planned count too.
  const ruleIssues = useMemo(
    () =>
      checkFollowUpPlan(startsOn, [
        ...plan.revisions.flatMap((r) => r.plannedMeetings),
        ...draft.meetings.filter((m) => m.plannedOn),
      ]),
    [startsOn, plan.revisions, draft.meetings],
  );

  const startEditing = () => {
    setDraft(draftOf(current));
    setBase(draftOf(current));
    setBaseVersion(plan.version);
    setChangeNote('');
    form.reset();
    setSaved(null);
    setEditing(true);
  };

  const submit = async (version: number, content: Draft = draft) => {
    const local: Record<string, string> = {};
    if (!changeNote.trim()) local.changeNote = t('sp_issue_REQUIRED');
    if (draft.agreements.length === 0) local.agreements = t('sp_issue_EMPTY');
    if (draft.agreements.some((a) => !a.responsibility.trim())) local.agreements = t('sp_issue_REQUIRED');
    if (ruleIssues.length) local.meetings = ruleIssues.map((i) => t(`sp_issue_${i.code}`)).join(' ');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: { supportPlanId: plan.id, version, changeNote: changeNote.trim(), content: contentOf(content) },
    });
    if (res.ok) {
      setSaved(readFragment(SupportPlanFields, res.data).currentRevision);
      setEditing(false);
      setComparing(false);
    } else if (res.kind === 'conflict') onReload();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(baseVersion);
  };

  if (!editing)
    return (
      <PlanReadView
        plan={plan}
        current={current}
        saved={saved}
        onEdit={canEdit && plan.status !== 'CLOSED' ? startEditing : null}
      />
    );

  const theirs = draftOf(current);
  const versionNow = plan.version;
  // Until the newer revision has arrived there is nothing to merge with.
  const newerArrived = versionNow !== baseVersion;
  return (
    <form onSubmit={onSubmit} aria-labelledby="sp-edit-heading">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="sp-edit-heading">
          {t(`sp_kind_${plan.kind}`)}
        </Heading>
        {conflict ? (
          <ConflictAlert title={t('sp_conflictTitle')} body={t('sp_conflictBody')}>
            <HStack gap="space-8" marginBlock="space-8 space-0">
              <Button
                type="button"
                variant="secondary"
                size="small"
                onClick={() => {
                  setEditing(false);
                  form.reset();
                  onReload();
                }}
              >
                {t('sp_conflictReload')}
              </Button>
              <Button type="button" variant="secondary" size="small" onClick={() => setComparing(true)}>
                {t('sp_conflictCompare')}
              </Button>
            </HStack>
          </ConflictAlert>
        ) : null}
        {conflict && comparing ? (
          <ConflictCompare
            base={base}
            theirs={theirs}
            mine={draft}
            saving={fetching}
            newerArrived={newerArrived}
            onKeepMine={(merged) => {
              setDraft(merged);
              setBase(theirs);
              setBaseVersion(versionNow);
              void submit(versionNow, merged);
            }}
          />
        ) : null}
        {conflict ? null : <FormError form={form} />}
        <PlanDraftFields
          draft={draft}
          setDraft={setDraft}
          issues={issues}
          ruleIssues={ruleIssues}
          startsOn={startsOn}
        />
        <TextField
          label={t('sp_changeNote')}
          value={changeNote}
          maxLength={2000}
          error={issues.changeNote}
          onChange={(e) => setChangeNote(e.target.value)}
        />
        <HStack gap="space-8">
          <Button type="submit" loading={fetching} disabled={conflict}>
            {t('sp_save')}
          </Button>
          <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
            {t('sp_cancel')}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

function RevisionView({ revision }: { revision: Revision }) {
  const { t } = useTranslation('portfolio');
  const yesNo = (b: boolean) => t(b ? 'sp_yes' : 'sp_no');
  return (
    <VStack gap="space-12">
      <BodyShort>
        {t('sp_agreedWithEmployer')}: {yesNo(revision.agreedWithEmployer)}
      </BodyShort>
      <BodyShort>
        {t('sp_employerMayCall')}: {yesNo(revision.employerMayCallSpecialist)}
      </BodyShort>
      {TEXT_FIELDS.filter((f) => revision[f]).map((f) => (
        <div key={f}>
          <Heading level="3" size="xsmall">
            {t(TEXT_LABEL[f])}
          </Heading>
          <BodyLong>{revision[f]}</BodyLong>
        </div>
      ))}
      <Heading level="3" size="xsmall">
        {t('sp_agreements')}
      </Heading>
      <ul>
        {revision.agreements.map((a) => (
          <li key={`${a.supportPerson}:${a.responsibility}`}>
            {t(`person_${a.supportPerson}`)}
            {a.personName ? ` (${a.personName})` : ''}: {a.responsibility}
          </li>
        ))}
      </ul>
      <Heading level="3" size="xsmall">
        {t('sp_meetings')}
      </Heading>
      <ul>
        {revision.plannedMeetings.map((m) => (
          <li key={`${m.plannedOn}:${m.topic ?? ''}`}>
            {formatDay(m.plannedOn)} – {t(m.faceToFace ? 'js_faceToFace' : 'js_notFaceToFace')}
            {m.topic ? `: ${m.topic}` : ''}
          </li>
        ))}
      </ul>
    </VStack>
  );
}

/** The plan's current revision, read-only, with the way to edit it when the user may. */
function PlanReadView({
  plan,
  current,
  saved,
  onEdit,
}: {
  plan: SupportPlan;
  current: Revision | undefined;
  saved: number | null;
  onEdit: (() => void) | null;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <VStack gap="space-16">
      <HStack justify="space-between" align="center" gap="space-8">
        <Heading level="2" size="medium">
          {t(`sp_kind_${plan.kind}`)}
        </Heading>
        {onEdit ? (
          <Button variant="secondary" size="small" onClick={onEdit}>
            {t('sp_edit')}
          </Button>
        ) : null}
      </HStack>
      {saved !== null ? (
        <Alert variant="success" size="small" role="status">
          {t('sp_saved', { revision: saved })}
        </Alert>
      ) : null}
      {current ? (
        <>
          <Detail>
            {t('sp_revision', { revision: current.revision, date: formatDay(current.createdAt) })}
          </Detail>
          <RevisionView revision={current} />
        </>
      ) : null}
    </VStack>
  );
}

/**
 * A conflict compared field by field: where both changed the same field, theirs and mine side by
 * side; what only they changed is kept; saving puts the merge on top of their revision.
 */
function ConflictCompare({
  base,
  theirs,
  mine,
  saving,
  newerArrived,
  onKeepMine,
}: {
  base: Draft;
  theirs: Draft;
  mine: Draft;
  saving: boolean;
  /** Until the newer revision has arrived there is nothing to merge with. */
  newerArrived: boolean;
  onKeepMine: (merged: Draft) => void;
}) {
  const { t } = useTranslation('portfolio');
  const merging = merge(base, theirs, mine);
  return (
    <Box>
      <Table size="small">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('sp_compareField')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('sp_compareTheirs')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('sp_compareMine')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {differences(theirs, mine, t)
            .filter((d) => merging.conflicts.includes(d.key))
            .map((d) => (
              <Table.Row key={d.field}>
                <Table.HeaderCell scope="row">{d.field}</Table.HeaderCell>
                <Table.DataCell style={{ whiteSpace: 'pre-line' }}>{d.theirs}</Table.DataCell>
                <Table.DataCell style={{ whiteSpace: 'pre-line' }}>{d.mine}</Table.DataCell>
              </Table.Row>
            ))}
        </Table.Body>
      </Table>
      {merging.theirsOnly.length ? (
        <BodyShort size="small">
          {t('sp_theirsKept', {
            fields: differences(theirs, base, t)
              .filter((d) => merging.theirsOnly.includes(d.key))
              .map((d) => d.field)
              .join(', '),
          })}
        </BodyShort>
      ) : null}
      <Button
        type="button"
        size="small"
        loading={saving}
        disabled={!newerArrived}
        onClick={() => onKeepMine(merging.merged)}
      >
        {t('sp_conflictKeepMine')}
      </Button>
    </Box>
  );
}

/** What a revision says, as the editor shows it (the API's issues at their fields). */
function PlanDraftFields({
  draft,
  setDraft,
  issues,
  ruleIssues,
  startsOn,
}: {
  draft: Draft;
  setDraft: (draft: Draft) => void;
  issues: Partial<Record<string, string>>;
  ruleIssues: readonly { code: string }[];
  startsOn: string;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <>
      <Checkbox
        checked={draft.agreedWithEmployer}
        onChange={(e) => setDraft({ ...draft, agreedWithEmployer: e.target.checked })}
      >
        {t('sp_agreedWithEmployer')}
      </Checkbox>
      <Checkbox
        checked={draft.employerMayCallSpecialist}
        onChange={(e) => setDraft({ ...draft, employerMayCallSpecialist: e.target.checked })}
      >
        {t('sp_employerMayCall')}
      </Checkbox>
      {TEXT_FIELDS.map((f) => (
        <Textarea
          key={f}
          label={t(TEXT_LABEL[f])}
          value={draft[f]}
          maxLength={4000}
          minRows={2}
          error={issues[f]}
          onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
        />
      ))}
      <AgreementRows
        rows={draft.agreements}
        onChange={(agreements) => setDraft({ ...draft, agreements })}
        error={issues.agreements}
        newRow={{ supportPerson: 'JOB_SPECIALIST', responsibility: '', personName: '' }}
        withPersonName
      />
      <MeetingRows
        rows={draft.meetings}
        onChange={(meetings) => setDraft({ ...draft, meetings })}
        error={issues.meetings}
        newRow={{ plannedOn: startsOn, faceToFace: true, topic: '' }}
      />
      <FollowUpRuleIssues issues={ruleIssues} shownAtField={Boolean(issues.meetings)} />
    </>
  );
}
