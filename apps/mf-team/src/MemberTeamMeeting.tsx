/**
 * The team meeting as a member sees it (issue 16, "team work for every member"; seed 004: the
 * minutes are the whole team's): the distributed minutes of the team's meetings, and one's own open
 * action points with a button to mark each done. The API's rules (CASL, shared) decide what is
 * read and who may complete a point: its owner, or the team's method supervisor.
 */
import {
  ConflictErrorFields,
  canOn,
  FormError,
  formatDay,
  formatDayTime,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Loader,
  Select,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CARD, CARDS } from './TeamPage.js';

const everywhere = { allOrganizations: true };

const MEMBER_MEETINGS = graphql(`
  query MemberTeamMeetings($teamId: ID!) {
    teamMeetings(teamId: $teamId) {
      id scheduledAt distributedAt minutes
      actionPoints { id description dueOn status owner { id givenName familyName } }
    }
    openActionPoints(teamId: $teamId) {
      id description dueOn status version meetingId owner { id givenName familyName }
    }
  }
`);

const COMPLETE = graphql(
  `
  mutation CompleteMyActionPoint($input: CompleteActionPointInput!) {
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

export function MemberTeamMeeting() {
  const { t, i18n } = useTranslation('team');
  const session = useSession();
  const ability = useAbility();
  const [params, setParams] = useSearchParams();
  const teams = [...new Set(session.teams.map((x) => x.teamId))];
  const teamId = params.get('team') ?? teams[0] ?? '';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MEMBER_MEETINGS,
    variables: { teamId },
    pause: !teamId,
    context: everywhere,
  });
  const [flash, setFlash] = useState<string | null>(null);
  const complete = useMutationForm(COMPLETE, { fields: [], issueText: ownIssueText(t, 'tm_issue_') });
  if (!teamId) return <BodyShort>{t('noTeam')}</BodyShort>;
  if (fetching && !data) return <Loader title={t('tm_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const mine = (data?.openActionPoints ?? []).filter((p) => p.owner.id === session.userId);
  // Minutes are read once they are sent to the team; a draft is the supervisor's still.
  const distributed = (data?.teamMeetings ?? []).filter((m) => m.distributedAt);
  const chosen = distributed.find((m) => m.id === params.get('mote')) ?? distributed[0];
  const keep: Record<string, string> = params.get('team') ? { team: teamId } : {};

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('tm_title')}
      </Heading>
      <section aria-labelledby="my-points-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="my-points-heading">
            {t('tm_myActionPoints')}
          </Heading>
          {flash ? (
            <Alert variant="success" size="small" role="status">
              {flash}
            </Alert>
          ) : null}
          {mine.length === 0 ? (
            <BodyShort>{t('tm_noMyActionPoints')}</BodyShort>
          ) : (
            <ul style={CARDS} data-testid="my-action-points">
              {mine.map((p) => (
                <li key={p.id} style={CARD}>
                  <VStack gap="space-8">
                    <BodyShort weight="semibold">{p.description}</BodyShort>
                    <Detail>
                      {t('tm_due')}: {formatDay(String(p.dueOn))}
                    </Detail>
                    {canOn(ability, 'update', 'ActionPoint', { teamId, ownerId: p.owner.id }) ? (
                      <div>
                        <Button
                          size="small"
                          variant="secondary"
                          loading={complete.fetching}
                          aria-label={t('tm_completeNamed', { what: p.description })}
                          onClick={async () => {
                            setFlash(null);
                            const res = await complete.send(
                              { input: { actionPointId: p.id, version: p.version } },
                              everywhere,
                            );
                            if (res.ok) setFlash(t('tm_completed'));
                            refetch({ requestPolicy: 'network-only' });
                          }}
                        >
                          {t('tm_complete')}
                        </Button>
                      </div>
                    ) : null}
                  </VStack>
                </li>
              ))}
            </ul>
          )}
          <FormError form={complete} />
        </VStack>
      </section>
      <section aria-labelledby="minutes-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="minutes-heading">
            {t('tm_minutes')}
          </Heading>
          <Detail>{t('tm_readOnly')}</Detail>
          {distributed.length === 0 || !chosen ? (
            <BodyShort>{t('tm_noDistributed')}</BodyShort>
          ) : (
            <>
              <Select
                label={t('tm_choose')}
                size="small"
                value={chosen.id}
                onChange={(e) => setParams({ ...keep, mote: e.target.value })}
              >
                {distributed.map((m) => (
                  <option key={m.id} value={m.id}>
                    {formatDayTime(m.scheduledAt, i18n.language)}
                  </option>
                ))}
              </Select>
              <article aria-labelledby="minutes-of" data-testid="distributed-minutes">
                <VStack gap="space-8">
                  <Heading level="3" size="small" id="minutes-of">
                    {t('tm_minutesOf', { date: formatDay(String(chosen.scheduledAt)) })}
                  </Heading>
                  <BodyLong style={{ whiteSpace: 'pre-line' }}>{chosen.minutes}</BodyLong>
                  <Heading level="4" size="xsmall">
                    {t('tm_actionPoints')}
                  </Heading>
                  {chosen.actionPoints.length === 0 ? (
                    <BodyShort>{t('tm_noActionPoints')}</BodyShort>
                  ) : (
                    <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                      {chosen.actionPoints.map((p) => (
                        <li key={p.id}>
                          <HStack gap="space-4" wrap>
                            <span>{p.description}</span>
                            <span>
                              – {p.owner.givenName} {p.owner.familyName}, {t('tm_due').toLowerCase()}{' '}
                              {formatDay(String(p.dueOn))}
                              {p.status === 'DONE' ? ` (${t('tm_done').toLowerCase()})` : ''}
                            </span>
                          </HStack>
                        </li>
                      ))}
                    </ul>
                  )}
                </VStack>
              </article>
            </>
          )}
        </VStack>
      </section>
    </VStack>
  );
}
