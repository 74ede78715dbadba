/**
 * The fidelity review's action plan (issue 16; seed 004: improvement plans are followed up): the
 * supervisor adds an action, for an IPS-25 item or the review as a whole, with an owner in the team
 * and a due day, and follows each up (done or cancelled, with a note; a stale version is refused
 * and the list reloaded, never overwritten). Others in the team read it.
 */

import { FIDELITY_ITEMS } from '@ips/domain';
import {
  ConflictErrorFields,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  osloToday,
  PersonSelect,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import {
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CARD, CARDS } from './TeamPage.js';

const everywhere = { allOrganizations: true };

const OWNERS = graphql(`
  query FidelityOwners($teamId: ID!) {
    teamRoster(teamId: $teamId) {
      __typename
      ... on QueryTeamRosterSuccess { data { members { userId givenName familyName } } }
      ... on NotFoundError { message }
    }
  }
`);

const ADD = graphql(
  `
  mutation AddFidelityActionItem($input: AddFidelityActionItemInput!) {
    addFidelityActionItem(input: $input) {
      __typename
      ... on MutationAddFidelityActionItemSuccess { data { id } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const FOLLOW_UP = graphql(
  `
  mutation FollowUpFidelityActionItem($input: FollowUpFidelityActionItemInput!) {
    followUpFidelityActionItem(input: $input) {
      __typename
      ... on MutationFollowUpFidelityActionItemSuccess { data { id status version followUpNote } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields],
);

export interface ActionItem {
  id: string;
  item: number | null;
  action: string;
  dueOn: unknown;
  status: string;
  followUpNote: string | null;
  version: number;
  owner: { id: string; givenName: string; familyName: string };
}

const STATUSES = ['DONE', 'CANCELLED', 'OPEN'] as const;

export function FidelityActionPlan({
  reviewId,
  teamId,
  actionPlan,
  mayEdit,
  onChanged,
}: {
  reviewId: string;
  teamId: string;
  actionPlan: readonly ActionItem[];
  mayEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('team');
  const [following, setFollowing] = useState<string | null>(null);
  const titled = (item: number | null) =>
    item ? `${item}. ${t(`fid_itemTitle_${item}`)}` : t('fid_none_item');

  return (
    <section aria-labelledby="plan-heading">
      <VStack gap="space-12">
        <Heading level="2" size="small" id="plan-heading">
          {t('fid_actionPlan')}
        </Heading>
        {actionPlan.length === 0 ? (
          <BodyShort>{t('fid_noActionPlan')}</BodyShort>
        ) : (
          <ul style={CARDS} data-testid="action-plan">
            {actionPlan.map((a) => (
              <li key={a.id} style={CARD}>
                <VStack gap="space-4">
                  <Detail>{titled(a.item)}</Detail>
                  <BodyShort weight="semibold">{a.action}</BodyShort>
                  <BodyShort size="small">
                    {a.owner.givenName} {a.owner.familyName} · {t('fid_actionDue')}{' '}
                    {formatDay(String(a.dueOn))}
                  </BodyShort>
                  <div>
                    <Tag size="xsmall" variant={a.status === 'OPEN' ? 'warning' : 'success'}>
                      {t(`fid_action_${a.status}`)}
                    </Tag>
                  </div>
                  {a.followUpNote ? <BodyShort size="small">{a.followUpNote}</BodyShort> : null}
                  {mayEdit && following !== a.id ? (
                    <div>
                      <Button
                        size="xsmall"
                        variant="secondary"
                        aria-label={t('fid_followUpNamed', { what: a.action })}
                        onClick={() => setFollowing(a.id)}
                      >
                        {t('fid_followUp')}
                      </Button>
                    </div>
                  ) : null}
                  {following === a.id ? (
                    <FollowUp
                      item={a}
                      onDone={(changed) => {
                        setFollowing(null);
                        if (changed) onChanged();
                      }}
                    />
                  ) : null}
                </VStack>
              </li>
            ))}
          </ul>
        )}
        {mayEdit ? <AddAction reviewId={reviewId} teamId={teamId} onChanged={onChanged} /> : null}
      </VStack>
    </section>
  );
}

function FollowUp({ item, onDone }: { item: ActionItem; onDone: (changed: boolean) => void }) {
  const { t } = useTranslation('team');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('DONE');
  const [note, setNote] = useState(item.followUpNote ?? '');
  const form = useMutationForm(FOLLOW_UP, {
    fields: [],
    failureText: (f) => (f.kind === 'conflict' ? t('fid_followUpConflict') : undefined),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await form.send(
      { input: { id: item.id, status, followUpNote: note.trim() || null, version: item.version } },
      everywhere,
    );
    if (res.ok) onDone(true);
  };
  return (
    <form onSubmit={submit} aria-label={t('fid_followUpNamed', { what: item.action })}>
      <VStack gap="space-8">
        <Select
          label={t('fid_followUpStatus')}
          size="small"
          value={status}
          onChange={(e) => setStatus(e.target.value as (typeof STATUSES)[number])}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`fid_action_${s}`)}
            </option>
          ))}
        </Select>
        <Textarea
          label={t('fid_followUpNote')}
          size="small"
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <FormError form={form} />
        <HStack gap="space-8">
          <Button type="submit" size="small" loading={form.fetching}>
            {t('fid_followUpSave')}
          </Button>
          <Button
            type="button"
            size="small"
            variant="tertiary"
            onClick={() => onDone(form.failure?.kind === 'conflict')}
          >
            {t('tp_cancel')}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

function AddAction({
  reviewId,
  teamId,
  onChanged,
}: {
  reviewId: string;
  teamId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation('team');
  const session = useSession();
  const [{ data }] = useQuery({ query: OWNERS, variables: { teamId }, context: everywhere });
  const [action, setAction] = useState('');
  const [item, setItem] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const form = useMutationForm(ADD, { fields: ['action', 'item', 'ownerId', 'dueOn'] });
  const issues = form.fieldErrors;
  const roster = data?.teamRoster.__typename === 'QueryTeamRosterSuccess' ? data.teamRoster.data.members : [];
  const owners = [
    { id: session.userId, name: t('sv_me', { name: `${session.givenName} ${session.familyName}` }) },
    ...roster
      .filter((m) => m.userId !== session.userId)
      .map((m) => ({ id: m.userId, name: `${m.givenName} ${m.familyName}` })),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!action.trim()) local.action = t('tm_issue_REQUIRED');
    if (!ownerId) local.ownerId = t('tm_issue_REQUIRED');
    if (!dueOn) local.dueOn = t('tm_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send(
      {
        input: { reviewId, action: action.trim(), item: item ? Number(item) : null, ownerId, dueOn },
      },
      everywhere,
    );
    if (res.ok) {
      setAction('');
      setItem('');
      setDueOn('');
      onChanged();
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="add-action-heading">
      <VStack gap="space-8">
        <Heading level="3" size="xsmall" id="add-action-heading">
          {t('fid_addAction')}
        </Heading>
        <TextField
          label={t('fid_actionWhat')}
          size="small"
          value={action}
          maxLength={2000}
          error={issues.action}
          onChange={(e) => setAction(e.target.value)}
        />
        <HStack gap="space-8" align="end" wrap>
          <Select
            label={t('fid_actionItem')}
            size="small"
            value={item}
            error={issues.item}
            onChange={(e) => setItem(e.target.value)}
            style={{ maxWidth: '100%' }}
          >
            <option value="">{t('fid_none_item')}</option>
            {FIDELITY_ITEMS.map((i) => (
              <option key={i.item} value={i.item}>
                {i.item}. {t(`fid_itemTitle_${i.item}`)}
              </option>
            ))}
          </Select>
          <PersonSelect
            label={t('fid_actionOwner')}
            size="small"
            value={ownerId}
            error={issues.ownerId}
            people={owners}
            onChange={setOwnerId}
          />
          <DateField
            label={t('fid_actionDue')}
            size="small"
            value={dueOn}
            fromDay={osloToday()}
            error={issues.dueOn}
            onChange={setDueOn}
          />
          <Button type="submit" size="small" variant="secondary" loading={form.fetching}>
            {t('fid_addAction')}
          </Button>
        </HStack>
        <FormError form={form} />
      </VStack>
    </form>
  );
}
