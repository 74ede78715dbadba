/**
 * The method supervisor's supervision (issue 16, seed 004): the field-mentoring log (two members at
 * a meeting, one observes and gives feedback) and the quarterly portfolio review of a specialist —
 * the API finds the portfolio's cases the team may discuss, those stalled first (no progress for
 * the organisation's "stalled after" weeks), and the decisions taken are recorded with it.
 */
import {
  FormOutcome,
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
  Loader,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import {
  type MentoringEntry,
  MentoringLog,
  type PortfolioReviewEntry,
  ReviewList,
} from './supervision-lists.js';
import { useSupervisedTeam } from './TeamPage.js';
import { SETTINGS, useMentoringForm } from './use-mentoring-form.js';

const everywhere = { allOrganizations: true };

const SUPERVISION = graphql(`
  query Supervision($teamId: ID!) {
    teamRoster(teamId: $teamId) {
      __typename
      ... on QueryTeamRosterSuccess { data { teamName members { userId givenName familyName } } }
      ... on NotFoundError { message }
    }
    fieldMentorings(teamId: $teamId) {
      id occurredOn setting observations feedback
      observer { id givenName familyName }
      observedSpecialist { id givenName familyName }
    }
    portfolioReviews(teamId: $teamId) {
      id reviewedOn notes
      specialist { id givenName familyName }
      items { stalled note jobSeeker { id givenName familyName } }
    }
  }
`);

const REVIEW = graphql(
  `
  mutation StartPortfolioReview($input: StartPortfolioReviewInput!) {
    startPortfolioReview(input: $input) {
      __typename
      ... on MutationStartPortfolioReviewSuccess { data { id } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

type Person = { id: string; name: string };

export function SupervisionPage() {
  const { t } = useTranslation('team');
  const session = useSession();
  const teamId = useSupervisedTeam();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SUPERVISION,
    variables: { teamId },
    pause: !teamId,
    context: everywhere,
  });
  if (!teamId) return <BodyShort>{t('noTeam')}</BodyShort>;
  if (fetching && !data) return <Loader title={t('sv_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const roster = data?.teamRoster.__typename === 'QueryTeamRosterSuccess' ? data.teamRoster.data : null;
  const specialists: Person[] = (roster?.members ?? []).map((m) => ({
    id: m.userId,
    name: `${m.givenName} ${m.familyName}`,
  }));
  // The supervisor observes too (a member of the team).
  const people: Person[] = [
    { id: session.userId, name: t('sv_me', { name: `${session.givenName} ${session.familyName}` }) },
    ...specialists.filter((p) => p.id !== session.userId),
  ];
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <VStack gap="space-32">
      <Heading level="1" size="large">
        {t('sv_title')}
        {roster ? `: ${roster.teamName}` : ''}
      </Heading>
      <Mentoring teamId={teamId} people={people} log={data?.fieldMentorings ?? []} onChanged={reload} />
      <Reviews
        teamId={teamId}
        specialists={specialists}
        reviews={data?.portfolioReviews ?? []}
        onChanged={reload}
      />
    </VStack>
  );
}

function Mentoring({
  teamId,
  people,
  log,
  onChanged,
}: {
  teamId: string;
  people: Person[];
  log: readonly MentoringEntry[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('team');
  const { form, fields, submit, done } = useMentoringForm(teamId, onChanged);
  const { observed, observer, occurredOn, setting, observations, feedback } = fields.values;
  const { setObserved, setObserver, setOccurredOn, setSetting, setObservations, setFeedback } = fields;
  const issues = form.fieldErrors;

  return (
    <section aria-labelledby="mentoring-heading">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="mentoring-heading">
          {t('sv_mentoring')}
        </Heading>
        <Detail>{t('sv_mentoringHelp')}</Detail>
        <form onSubmit={submit} aria-label={t('sv_log')}>
          <VStack gap="space-8">
            <HStack gap="space-8" align="end" wrap>
              <PersonSelect
                label={t('sv_observed')}
                size="small"
                value={observed}
                error={issues.observedSpecialistId}
                people={people}
                onChange={setObserved}
              />
              <PersonSelect
                label={t('sv_observer')}
                size="small"
                value={observer}
                error={issues.observerId}
                people={people}
                onChange={setObserver}
              />
              <DateField
                label={t('sv_occurredOn')}
                size="small"
                value={occurredOn}
                toDay={osloToday()}
                error={issues.occurredOn}
                onChange={setOccurredOn}
              />
              <Select
                label={t('sv_setting')}
                size="small"
                value={setting}
                onChange={(e) => setSetting(e.target.value as (typeof SETTINGS)[number])}
              >
                {SETTINGS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sv_setting_${s}`)}
                  </option>
                ))}
              </Select>
            </HStack>
            <Textarea
              label={t('sv_observations')}
              size="small"
              minRows={2}
              maxLength={4000}
              value={observations}
              error={issues.observations}
              onChange={(e) => setObservations(e.target.value)}
            />
            <Textarea
              label={t('sv_feedback')}
              size="small"
              minRows={2}
              maxLength={4000}
              value={feedback}
              error={issues.feedback}
              onChange={(e) => setFeedback(e.target.value)}
            />
            <div>
              <Button type="submit" size="small" loading={form.fetching}>
                {t('sv_log')}
              </Button>
            </div>
            <FormOutcome form={form} done={done ? t('sv_logged') : null} />
          </VStack>
        </form>
        <MentoringLog log={log} />
      </VStack>
    </section>
  );
}

function Reviews({
  teamId,
  specialists,
  reviews,
  onChanged,
}: {
  teamId: string;
  specialists: Person[];
  reviews: readonly PortfolioReviewEntry[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('team');
  const [specialist, setSpecialist] = useState('');
  const [reviewedOn, setReviewedOn] = useState(osloToday());
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState(false);
  const form = useMutationForm(REVIEW, { fields: ['specialistId', 'reviewedOn', 'notes'] });
  const issues = form.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const local: Record<string, string> = {};
    if (!specialist) local.specialistId = t('tm_issue_REQUIRED');
    if (!reviewedOn) local.reviewedOn = t('tm_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send(
      { input: { teamId, specialistId: specialist, reviewedOn, notes: notes.trim() || null } },
      everywhere,
    );
    if (res.ok) {
      setNotes('');
      setDone(true);
      onChanged();
    }
  };

  return (
    <section aria-labelledby="review-heading">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="review-heading">
          {t('sv_review')}
        </Heading>
        <Detail>{t('sv_reviewHelp')}</Detail>
        <form onSubmit={submit} aria-label={t('sv_startReview')}>
          <VStack gap="space-8">
            <HStack gap="space-8" align="end" wrap>
              <PersonSelect
                label={t('sv_specialist')}
                size="small"
                value={specialist}
                error={issues.specialistId}
                people={specialists}
                onChange={setSpecialist}
              />
              <DateField
                label={t('sv_reviewedOn')}
                size="small"
                value={reviewedOn}
                error={issues.reviewedOn}
                onChange={setReviewedOn}
              />
            </HStack>
            <Textarea
              label={t('sv_decisions')}
              size="small"
              minRows={2}
              maxLength={4000}
              value={notes}
              error={issues.notes}
              onChange={(e) => setNotes(e.target.value)}
            />
            <div>
              <Button type="submit" size="small" loading={form.fetching}>
                {t('sv_startReview')}
              </Button>
            </div>
            <FormOutcome form={form} done={done ? t('sv_reviewed') : null} />
          </VStack>
        </form>
        <ReviewList reviews={reviews} />
      </VStack>
    </section>
  );
}
