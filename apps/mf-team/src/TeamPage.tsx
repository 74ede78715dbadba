/**
 * The method supervisor's team page (issue 16): the team's job specialists with their FTE and
 * caseload against the ceiling (20 per full-time equivalent, scaled by FTE — seed 002), adding a job
 * specialist of the organisation and removing one (whose job seekers are transferred first), and
 * the team's own targets with what each target means (`setTeamTarget`).
 */
import {
  canOn,
  FormError,
  FormOutcome,
  formatDay,
  formatDecimal,
  graphql,
  NotFoundErrorFields,
  osloToday,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import {
  Alert,
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Loader,
  Select,
  Tag,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AddMember } from './add-member.js';

const everywhere = { allOrganizations: true };

/** Cards that stack on a phone (360 px) and sit side by side on a wider screen. */
export const CARDS = {
  listStyle: 'none',
  padding: 0,
  margin: 0,
  display: 'grid',
  gap: '0.75rem',
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))',
} as const;
export const CARD = {
  border: '1px solid var(--ax-border-neutral-subtle, #cfd3d8)',
  borderRadius: '8px',
  padding: '0.75rem',
} as const;

const ROSTER = graphql(`
  query TeamRoster($teamId: ID!) {
    teamRoster(teamId: $teamId) {
      __typename
      ... on QueryTeamRosterSuccess {
        data {
          teamId
          teamName
          members { userId givenName familyName fte caseload caseloadLimit joinedOn }
          candidates { userId givenName familyName fte caseload caseloadLimit }
        }
      }
      ... on NotFoundError { message }
    }
  }
`);

const TARGETS = graphql(`
  query TeamTargets($teamId: ID!) {
    teamResults(teamId: $teamId, granularity: WEEK, periods: 1) {
      __typename
      ... on QueryTeamResultsSuccess { data { periods { team { measure target } } } }
      ... on NotFoundError { message }
    }
  }
`);

const REMOVE = graphql(
  `
  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {
    removeTeamMember(input: $input) {
      __typename
      ... on MutationRemoveTeamMemberSuccess { data { joinedOn } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const SET_TARGET = graphql(
  `
  mutation SetTeamTarget($input: SetTeamTargetInput!) {
    setTeamTarget(input: $input) {
      __typename
      ... on MutationSetTeamTargetSuccess { data { measure target } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

export const MEASURES = [
  'CASELOAD_PER_SPECIALIST',
  'JOB_STARTS_PER_SPECIALIST_PER_YEAR',
  'EMPLOYMENT_RATE',
  'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK',
  'COMMUNITY_TIME_SHARE',
  'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE',
] as const;
type Measure = (typeof MEASURES)[number];
/** Shares are kept 0–1 by the API and shown as per cent. */
const isShare = (m: Measure) => m.endsWith('_SHARE') || m === 'EMPLOYMENT_RATE';

/** A number typed with a decimal comma or point; null when it is none. */
function parseNumber(text: string): number | null {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  return Number(clean);
}

/** The teams the user supervises; the page's team is `?team=` or the first. */
export function useSupervisedTeam(): string {
  const session = useSession();
  const [params] = useSearchParams();
  const teams = [
    ...new Set(session.teams.filter((x) => x.role === 'METHOD_SUPERVISOR').map((x) => x.teamId)),
  ];
  return params.get('team') ?? teams[0] ?? '';
}

export function TeamPage() {
  const { t } = useTranslation('team');
  const teamId = useSupervisedTeam();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ROSTER,
    variables: { teamId },
    pause: !teamId,
    context: everywhere,
  });
  const [flash, setFlash] = useState<string | null>(null);
  if (!teamId) return <BodyShort>{t('noTeam')}</BodyShort>;
  if (fetching && !data) return <Loader title={t('tp_title')} />;
  if (error)
    return (
      <BodyShort role="alert">
        {error.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN')
          ? t('tp_forbidden')
          : error.message}
      </BodyShort>
    );
  const roster = data?.teamRoster.__typename === 'QueryTeamRosterSuccess' ? data.teamRoster.data : null;
  if (!roster) return <BodyShort role="alert">{t('noTeam')}</BodyShort>;
  const changed = (message: string) => {
    setFlash(message);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('tp_title')}: {roster.teamName}
      </Heading>
      {flash ? (
        <Alert variant="success" size="small" role="status">
          {flash}
        </Alert>
      ) : null}
      <Members teamId={teamId} roster={roster} onChanged={changed} onBusy={() => setFlash(null)} />
      <Targets teamId={teamId} />
    </VStack>
  );
}

type Roster = {
  members: readonly {
    userId: string;
    givenName: string;
    familyName: string;
    fte: number;
    caseload: number;
    caseloadLimit: number;
    joinedOn: unknown;
  }[];
  candidates: readonly {
    userId: string;
    givenName: string;
    familyName: string;
    fte: number;
    caseload: number;
  }[];
};

function Members({
  teamId,
  roster,
  onChanged,
  onBusy,
}: {
  teamId: string;
  roster: Roster;
  onChanged: (message: string) => void;
  onBusy: () => void;
}) {
  const { t } = useTranslation('team');
  const ability = useAbility();
  const mayManage = canOn(ability, 'create', 'TeamMember', { teamId });
  const [removing, setRemoving] = useState<string | null>(null);
  const [leftOn, setLeftOn] = useState(osloToday());
  const removeForm = useMutationForm(REMOVE, { fields: ['leftOn'] });
  const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

  const remove = async (e: FormEvent, userId: string, who: string) => {
    e.preventDefault();
    onBusy();
    if (!leftOn) {
      removeForm.setFieldErrors({ leftOn: t('tm_issue_REQUIRED') });
      return;
    }
    const res = await removeForm.send({ input: { teamId, userId, leftOn } }, everywhere);
    if (res.ok) {
      setRemoving(null);
      onChanged(t('tp_removed', { name: who }));
    }
  };

  return (
    <section aria-labelledby="members-heading">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="members-heading">
          {t('tp_members')}
        </Heading>
        <Detail>{t('tp_caseloadHelp')}</Detail>
        {roster.members.length === 0 ? (
          <BodyShort>{t('tp_noMembers')}</BodyShort>
        ) : (
          <ul style={CARDS} data-testid="team-members">
            {roster.members.map((m) => (
              <li key={m.userId} style={CARD}>
                <VStack gap="space-4">
                  <BodyShort weight="semibold">{name(m)}</BodyShort>
                  <BodyShort size="small">
                    {t('tp_fte')}: {formatDecimal(m.fte * 100, 0)} %
                  </BodyShort>
                  <HStack gap="space-8" align="center">
                    <BodyShort size="small" data-testid="member-caseload">
                      {t('tp_caseload')}: {t('tp_caseloadOf', { count: m.caseload, limit: m.caseloadLimit })}
                    </BodyShort>
                    {m.caseload > m.caseloadLimit ? (
                      <Tag size="xsmall" variant="warning">
                        {t('tp_overLimit')}
                      </Tag>
                    ) : null}
                  </HStack>
                  <BodyShort size="small">
                    {t('tp_joined')}: {formatDay(String(m.joinedOn))}
                  </BodyShort>
                  {mayManage && removing !== m.userId ? (
                    <div>
                      <Button
                        size="xsmall"
                        variant="secondary"
                        aria-label={t('tp_removeNamed', { name: name(m) })}
                        onClick={() => {
                          removeForm.reset();
                          setLeftOn(osloToday());
                          setRemoving(m.userId);
                        }}
                      >
                        {t('tp_remove')}
                      </Button>
                    </div>
                  ) : null}
                  {removing === m.userId ? (
                    <form
                      onSubmit={(e) => void remove(e, m.userId, name(m))}
                      aria-label={t('tp_removeNamed', { name: name(m) })}
                    >
                      <VStack gap="space-8">
                        <DateField
                          label={t('tp_leftOn')}
                          size="small"
                          value={leftOn}
                          error={removeForm.fieldErrors.leftOn}
                          onChange={setLeftOn}
                        />
                        <Detail>{t('tp_removeHelp')}</Detail>
                        <FormError form={removeForm} />
                        <HStack gap="space-8">
                          <Button type="submit" size="small" loading={removeForm.fetching}>
                            {t('tp_removeConfirm')}
                          </Button>
                          <Button
                            type="button"
                            size="small"
                            variant="tertiary"
                            onClick={() => setRemoving(null)}
                          >
                            {t('tp_cancel')}
                          </Button>
                        </HStack>
                      </VStack>
                    </form>
                  ) : null}
                </VStack>
              </li>
            ))}
          </ul>
        )}
        {mayManage ? (
          <AddMember teamId={teamId} candidates={roster.candidates} onChanged={onChanged} onBusy={onBusy} />
        ) : null}
      </VStack>
    </section>
  );
}

function Targets({ teamId }: { teamId: string }) {
  const { t } = useTranslation('team');
  const [{ data }, refetch] = useQuery({
    query: TARGETS,
    variables: { teamId },
    context: everywhere,
  });
  const [measure, setMeasure] = useState<Measure>('CASELOAD_PER_SPECIALIST');
  const [value, setValue] = useState('');
  const [validFrom, setValidFrom] = useState(osloToday());
  const [done, setDone] = useState(false);
  const form = useMutationForm(SET_TARGET, { fields: ['value', 'validFrom'] });
  const results = data?.teamResults;
  const current = new Map(
    (results?.__typename === 'QueryTeamResultsSuccess' ? (results.data.periods.at(-1)?.team ?? []) : []).map(
      (v) => [v.measure as Measure, v.target],
    ),
  );
  const show = (m: Measure, v: number | undefined) =>
    v === undefined ? '–' : isShare(m) ? `${formatDecimal(v * 100, 0)} %` : formatDecimal(v);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const n = parseNumber(value);
    const local: Record<string, string> = {};
    if (n === null) local.value = t('tp_notNumber');
    if (!validFrom) local.validFrom = t('tm_issue_REQUIRED');
    form.setFieldErrors(local);
    if (n === null || !validFrom) return;
    const res = await form.send(
      { input: { teamId, measure, value: isShare(measure) ? n / 100 : n, validFrom } },
      everywhere,
    );
    if (res.ok) {
      setValue('');
      setDone(true);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section aria-labelledby="targets-heading">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="targets-heading">
          {t('tp_targets')}
        </Heading>
        <ul style={CARDS} data-testid="team-targets">
          {MEASURES.map((m) => (
            <li key={m} style={CARD} data-measure={m}>
              <BodyShort weight="semibold">{t(m)}</BodyShort>
              <BodyShort size="small" data-testid="target-value">
                {t('tp_current')}: {show(m, current.get(m))}
              </BodyShort>
              <Detail>{t(`tpm_${m}`)}</Detail>
            </li>
          ))}
        </ul>
        <form onSubmit={submit} aria-labelledby="new-target-heading">
          <VStack gap="space-8">
            <Heading level="3" size="small" id="new-target-heading">
              {t('tp_newTarget')}
            </Heading>
            <HStack gap="space-8" align="end" wrap>
              <Select
                label={t('tp_measure')}
                size="small"
                value={measure}
                onChange={(e) => setMeasure(e.target.value as Measure)}
              >
                {MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {t(m)}
                  </option>
                ))}
              </Select>
              <TextField
                label={isShare(measure) ? t('tp_valuePercent') : t('tp_value')}
                size="small"
                inputMode="decimal"
                htmlSize={8}
                value={value}
                error={form.fieldErrors.value}
                onChange={(e) => setValue(e.target.value)}
              />
              <DateField
                label={t('tp_validFrom')}
                size="small"
                value={validFrom}
                error={form.fieldErrors.validFrom}
                onChange={setValidFrom}
              />
              <Button type="submit" size="small" loading={form.fetching}>
                {t('tp_setTarget')}
              </Button>
            </HStack>
            <Detail>{t(`tpm_${measure}`)}</Detail>
            <FormOutcome form={form} done={done ? t('tp_targetSet') : null} />
          </VStack>
        </form>
      </VStack>
    </section>
  );
}
