/**
 * The weekly team meeting (seed 004): the supervisor starts a meeting and gets the fixed agenda
 * pre-filled from data by the API (new in work, status with stalled cases first, last week's
 * face-to-face employer contacts, open action points — only cases the team may discuss are named);
 * writes notes and minutes, saved with a version check (a conflict offers to reload or to compare
 * and save on top, never overwrites); adds action points with an owner and a due day; marks them
 * done; and distributes the minutes to the team.
 */
import {
  ConflictAlert,
  ConflictErrorFields,
  canOn,
  FormError,
  formatDay,
  formatDayTime,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  type ResultOf,
  readFragment,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Detail,
  Heading,
  HGrid,
  HStack,
  Loader,
  Select,
  Table,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { MemberTeamMeeting } from './MemberTeamMeeting.js';
import { AbsentAttendees, AgendaHeading, useMeetingDraft } from './meeting-draft.js';

const everywhere = { allOrganizations: true };

const MeetingFields = graphql(`
  fragment MeetingFields on TeamMeeting {
    id
    teamId
    scheduledAt
    status
    minutes
    distributedAt
    version
    agenda { id position kind title notes jobSeeker { id givenName familyName } }
    attendees { present user { id givenName familyName } }
    actionPoints { id description dueOn status completedAt version owner { id givenName familyName } }
  }
`);

const MEETINGS = graphql(
  `
  query TeamMeetings($teamId: ID!) {
    teamMeetings(teamId: $teamId) { ...MeetingFields }
  }
`,
  [MeetingFields],
);

const CREATE = graphql(
  `
  mutation CreateTeamMeeting($input: CreateTeamMeetingInput!) {
    createTeamMeeting(input: $input) {
      __typename
      ... on MutationCreateTeamMeetingSuccess { data { ...MeetingFields } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [MeetingFields, NotFoundErrorFields, ValidationErrorFields],
);

const SAVE = graphql(
  `
  mutation SaveTeamMeetingMinutes($input: SaveTeamMeetingMinutesInput!) {
    saveTeamMeetingMinutes(input: $input) {
      __typename
      ... on MutationSaveTeamMeetingMinutesSuccess { data { ...MeetingFields } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [MeetingFields, ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const DISTRIBUTE = graphql(
  `
  mutation DistributeTeamMeetingMinutes($input: TeamMeetingVersionInput!) {
    distributeTeamMeetingMinutes(input: $input) {
      __typename
      ... on MutationDistributeTeamMeetingMinutesSuccess { data { ...MeetingFields } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [MeetingFields, ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const ADD_ACTION = graphql(
  `
  mutation AddActionPoint($input: AddActionPointInput!) {
    addActionPoint(input: $input) {
      __typename
      ... on MutationAddActionPointSuccess { data { id } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const COMPLETE_ACTION = graphql(
  `
  mutation CompleteActionPoint($input: CompleteActionPointInput!) {
    completeActionPoint(input: $input) {
      __typename
      ... on MutationCompleteActionPointSuccess { data { id status version } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export type Meeting = ResultOf<typeof MeetingFields>;

export function TeamMeetingPage() {
  const session = useSession();
  // A member who runs no team's meeting reads the distributed minutes and their own action points.
  if (!session.teams.some((x) => x.role === 'METHOD_SUPERVISOR')) return <MemberTeamMeeting />;
  return <SupervisorTeamMeeting />;
}

function SupervisorTeamMeeting() {
  const { t, i18n } = useTranslation('team');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const teams = [
    ...new Set(session.teams.filter((x) => x.role === 'METHOD_SUPERVISOR').map((x) => x.teamId)),
  ];
  const teamId = params.get('team') ?? teams[0] ?? '';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MEETINGS,
    variables: { teamId },
    pause: !teamId,
    context: everywhere,
  });
  const createForm = useMutationForm(CREATE, { fields: [], issueText: ownIssueText(t, 'tm_issue_') });
  const creating = createForm.fetching;
  const ability = useAbility();
  // The API's own rules decide what shows: only the team's method supervisor runs its meetings.
  const mayRun = canOn(ability, 'create', 'TeamMeeting', { teamId });
  // Kept here: a refetch may re-mount the meeting below.
  const [flash, setFlash] = useState<string | null>(null);
  if (!teamId) return <BodyShort>{t('noTeam')}</BodyShort>;
  if (fetching && !data) return <Loader title={t('tm_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const meetings = readFragment(MeetingFields, data?.teamMeetings ?? []);
  const chosenId = params.get('mote') ?? meetings[0]?.id ?? '';
  const chosen = meetings.find((m) => m.id === chosenId);

  const start = async () => {
    const res = await createForm.send(
      { input: { teamId, scheduledAt: new Date().toISOString() } },
      everywhere,
    );
    if (res.ok) {
      const created = readFragment(MeetingFields, res.data);
      refetch({ requestPolicy: 'network-only' });
      setParams({ ...(params.get('team') ? { team: teamId } : {}), mote: created.id });
    }
  };

  return (
    <VStack gap="space-24">
      <HStack justify="space-between" align="center" gap="space-8" wrap>
        <Heading level="1" size="large">
          {t('tm_title')}
        </Heading>
        {mayRun ? (
          <Button onClick={() => void start()} loading={creating}>
            {t('tm_new')}
          </Button>
        ) : null}
      </HStack>
      <FormError form={createForm} />
      {meetings.length === 0 ? (
        <BodyShort>{t('tm_none')}</BodyShort>
      ) : (
        <Select
          label={t('tm_choose')}
          size="small"
          value={chosenId}
          onChange={(e) =>
            setParams({ ...(params.get('team') ? { team: teamId } : {}), mote: e.target.value })
          }
        >
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {formatDayTime(m.scheduledAt, i18n.language)}
              {m.distributedAt ? ` – ${t('tm_distributed')}` : ''}
            </option>
          ))}
        </Select>
      )}
      {flash ? (
        <Alert variant="success" size="small" role="status">
          {flash}
        </Alert>
      ) : null}
      {chosen ? (
        <MeetingView
          key={chosen.id}
          meeting={chosen}
          onBusy={() => setFlash(null)}
          onChanged={(message?: string) => {
            setFlash(message ?? null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </VStack>
  );
}

function MeetingView({
  meeting,
  onChanged,
  onBusy,
}: {
  meeting: Meeting;
  onChanged: (message?: string) => void;
  onBusy: () => void;
}) {
  const { t } = useTranslation('team');

  const {
    base,
    notes,
    setNotes,
    minutes,
    setMinutes,
    absent,
    setAbsent,
    conflict,
    setConflict,
    dirty,
    reset,
    markSaved,
  } = useMeetingDraft(meeting);
  const saveForm = useMutationForm(SAVE, { fields: ['minutes'], issueText: ownIssueText(t, 'tm_issue_') });
  const distributeForm = useMutationForm(DISTRIBUTE, { fields: [], issueText: ownIssueText(t, 'tm_issue_') });
  const issues = saveForm.fieldErrors;
  const saving = saveForm.fetching;
  const distributing = distributeForm.fetching;

  const submit = async (version: number) => {
    onBusy();
    distributeForm.reset();
    saveForm.setFieldErrors({});
    if (!minutes.trim()) {
      saveForm.setFieldErrors({ minutes: t('tm_issue_MISSING') });
      return;
    }
    const res = await saveForm.send(
      {
        input: {
          meetingId: meeting.id,
          version,
          minutes: minutes.trim(),
          absentUserIds: absent,
          agendaNotes: Object.entries(notes)
            .filter(([, n]) => n.trim())
            .map(([agendaItemId, n]) => ({ agendaItemId, notes: n.trim() })),
        },
      },
      everywhere,
    );
    if (res.ok) {
      markSaved(readFragment(MeetingFields, res.data));
      onChanged(t('tm_saved'));
    } else if (res.kind === 'conflict') {
      // Fetch what is saved now, to compare with mine; nothing of mine is lost.
      setConflict({ theirs: meeting.minutes ?? '', version: res.currentVersion ?? version });
      onChanged();
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(base.version);
  };

  return (
    <VStack gap="space-24">
      <form onSubmit={onSubmit} aria-labelledby="agenda-heading">
        <VStack gap="space-16">
          <AgendaHeading distributed={!!meeting.distributedAt} />
          <AgendaNotes agenda={meeting.agenda} notes={notes} onChange={setNotes} />
          <AbsentAttendees attendees={meeting.attendees} absent={absent} onChange={setAbsent} />
          <Textarea
            label={t('tm_minutes')}
            value={minutes}
            minRows={4}
            maxLength={20000}
            error={issues.minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
          {conflict ? (
            <MinutesConflict
              theirs={meeting.minutes ?? ''}
              mine={minutes}
              newerArrived={meeting.version !== base.version}
              saving={saving}
              onReload={() => reset(meeting)}
              onKeepMine={() => void submit(meeting.version)}
            />
          ) : null}
          <OtherIssues issues={issues} shownAtField={['minutes']} />
          <HStack gap="space-8">
            <Button type="submit" loading={saving} disabled={!!conflict}>
              {t('tm_save')}
            </Button>
            <Button
              type="button"
              variant="secondary"
              loading={distributing}
              disabled={!meeting.minutes || !!meeting.distributedAt || dirty || !!conflict}
              onClick={async () => {
                saveForm.reset();
                const res = await distributeForm.send(
                  { input: { meetingId: meeting.id, version: meeting.version } },
                  everywhere,
                );
                if (res.ok) onChanged();
              }}
            >
              {t('tm_distribute')}
            </Button>
          </HStack>
          {saveForm.failure?.kind === 'conflict' ? null : <FormError form={saveForm} />}
          <FormError form={distributeForm} />
        </VStack>
      </form>
      <ActionPoints meeting={meeting} onChanged={onChanged} />
    </VStack>
  );
}

/** The issues no field of the form shows, as one alert. */
function OtherIssues({
  issues,
  shownAtField,
}: {
  issues: Partial<Record<string, string>>;
  shownAtField: readonly string[];
}) {
  const others = Object.entries(issues).filter(([field]) => !shownAtField.includes(field));
  if (!others.length) return null;
  return (
    <Alert variant="error" size="small" role="alert">
      {others.map(([, text]) => text).join(' ')}
    </Alert>
  );
}

/** The agenda in its fixed order, a note per item (a case named only as far as the reader may see it). */
function AgendaNotes({
  agenda,
  notes,
  onChange,
}: {
  agenda: Meeting['agenda'];
  notes: Record<string, string>;
  onChange: (notes: Record<string, string>) => void;
}) {
  return (
    <ol style={{ display: 'grid', gap: '1rem', paddingInlineStart: '1.25rem' }} data-testid="agenda">
      {[...agenda]
        .sort((a, b) => a.position - b.position)
        .map((item) => (
          <li key={item.id}>
            <Textarea
              label={
                item.jobSeeker?.givenName
                  ? `${item.title} (${item.jobSeeker.givenName} ${item.jobSeeker.familyName ?? ''})`
                  : item.title
              }
              size="small"
              minRows={1}
              maxLength={4000}
              value={notes[item.id] ?? ''}
              onChange={(e) => onChange({ ...notes, [item.id]: e.target.value })}
            />
          </li>
        ))}
    </ol>
  );
}

/** Minutes saved by someone else in between: theirs and mine side by side, reload or keep mine. */
function MinutesConflict({
  theirs,
  mine,
  newerArrived,
  saving,
  onReload,
  onKeepMine,
}: {
  theirs: string;
  mine: string;
  /** Until the newer version has arrived there is nothing to compare with. */
  newerArrived: boolean;
  saving: boolean;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation('team');
  return (
    <ConflictAlert title={t('tm_conflictTitle')} body={t('tm_conflictBody')}>
      <HGrid columns={{ xs: 1, md: 2 }} gap="space-12" marginBlock="space-8" data-testid="minutes-compare">
        <div>
          <Heading level="4" size="xsmall">
            {t('tm_compareTheirs')}
          </Heading>
          <BodyLong style={{ whiteSpace: 'pre-line' }}>{theirs || '–'}</BodyLong>
        </div>
        <div>
          <Heading level="4" size="xsmall">
            {t('tm_compareMine')}
          </Heading>
          <BodyLong style={{ whiteSpace: 'pre-line' }}>{mine || '–'}</BodyLong>
        </div>
      </HGrid>
      <HStack gap="space-8" marginBlock="space-8 space-0">
        <Button type="button" size="small" variant="secondary" disabled={!newerArrived} onClick={onReload}>
          {t('tm_conflictReload')}
        </Button>
        <Button type="button" size="small" loading={saving} disabled={!newerArrived} onClick={onKeepMine}>
          {t('tm_conflictKeepMine')}
        </Button>
      </HStack>
    </ConflictAlert>
  );
}

function ActionPoints({ meeting, onChanged }: { meeting: Meeting; onChanged: (message?: string) => void }) {
  const { t } = useTranslation('team');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const addForm = useMutationForm(ADD_ACTION, { issueText: ownIssueText(t, 'tm_issue_') });
  // Completing one in the list: its failure is said below the list.
  const completeForm = useMutationForm(COMPLETE_ACTION, {
    fields: [],
    issueText: ownIssueText(t, 'tm_issue_'),
  });
  const issues = addForm.fieldErrors;
  const fetching = addForm.fetching;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!description.trim()) local.description = t('tm_issue_REQUIRED');
    if (!ownerId) local.ownerId = t('tm_issue_REQUIRED');
    if (!dueOn) local.dueOn = t('tm_issue_REQUIRED');
    addForm.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await addForm.send(
      { input: { meetingId: meeting.id, description: description.trim(), ownerId, dueOn } },
      everywhere,
    );
    if (res.ok) {
      setDescription('');
      setDueOn('');
      onChanged();
    }
  };

  return (
    <section aria-labelledby="actions-heading">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="actions-heading">
          {t('tm_actionPoints')}
        </Heading>
        {meeting.actionPoints.length === 0 ? (
          <BodyShort>{t('tm_noActionPoints')}</BodyShort>
        ) : (
          <Table size="small" data-testid="action-points">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('tm_what')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('tm_owner')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('tm_due')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {meeting.actionPoints.map((p) => (
                <Table.Row key={p.id}>
                  <Table.DataCell>{p.description}</Table.DataCell>
                  <Table.DataCell>
                    {p.owner.givenName} {p.owner.familyName}
                  </Table.DataCell>
                  <Table.DataCell>{formatDay(p.dueOn)}</Table.DataCell>
                  <Table.DataCell>
                    {p.status === 'OPEN' ? (
                      <Button
                        size="xsmall"
                        variant="secondary"
                        aria-label={t('tm_completeNamed', { what: p.description })}
                        onClick={async () => {
                          await completeForm.send(
                            { input: { actionPointId: p.id, version: p.version } },
                            everywhere,
                          );
                          onChanged();
                        }}
                      >
                        {t('tm_complete')}
                      </Button>
                    ) : (
                      <Tag size="xsmall" variant="success">
                        {t('tm_done')}
                      </Tag>
                    )}
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        <form onSubmit={submit} aria-label={t('tm_addActionPoint')}>
          <HStack gap="space-8" align="end" wrap>
            <TextField
              label={t('tm_what')}
              size="small"
              value={description}
              error={issues.description}
              maxLength={2000}
              onChange={(e) => setDescription(e.target.value)}
            />
            <Select
              label={t('tm_owner')}
              size="small"
              value={ownerId}
              error={issues.ownerId}
              onChange={(e) => setOwnerId(e.target.value)}
            >
              <option value="">–</option>
              {meeting.attendees.map((a) => (
                <option key={a.user.id} value={a.user.id}>
                  {a.user.givenName} {a.user.familyName}
                </option>
              ))}
            </Select>
            <DateField
              label={t('tm_due')}
              size="small"
              value={dueOn}
              error={issues.dueOn}
              onChange={setDueOn}
            />
            <Button type="submit" size="small" variant="secondary" loading={fetching}>
              {t('tm_addActionPoint')}
            </Button>
          </HStack>
        </form>
        <FormError form={completeForm} />
        <Detail>{t('tm_actionPointsHelp')}</Detail>
      </VStack>
    </section>
  );
}
