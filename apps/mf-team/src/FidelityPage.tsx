/**
 * The IPS fidelity review (kvalitetsevaluering, IPS-25): the supervisor starts a review; the items
 * the data can speak to come with a suggested score and its evidence; the reviewers score each item
 * 1–5 (saved at once, with a version check: a conflict is reported and the review reloaded, never
 * overwritten); finalising gives the total and band, and each item is compared with the team's
 * previous final review. The action plan is listed with its follow-up.
 */
import { FIDELITY_ITEMS } from '@ips/domain';
import {
  ConflictErrorFields,
  canOn,
  FormError,
  formatDay,
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
import {
  BodyShort,
  Button,
  Heading,
  HStack,
  Loader,
  Select,
  Table,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { FidelityActionPlan } from './FidelityActionPlan.js';
import { FidelityItemRow, ReviewHeader } from './fidelity-review-parts.js';

const everywhere = { allOrganizations: true };

const ReviewFields = graphql(`
  fragment ReviewFields on FidelityReview {
    id
    reviewedOn
    reviewers
    status
    totalScore
    band
    version
    items { item title score computedScore computedEvidence { basis figure unit } evidence }
    comparison { item previousScore score change }
    actionPlan { id item action dueOn status followUpNote version owner { id givenName familyName } }
    teamId
  }
`);

const REVIEWS = graphql(
  `
  query FidelityReviews($teamId: ID!) {
    fidelityReviews(teamId: $teamId) { ...ReviewFields }
  }
`,
  [ReviewFields],
);

const START = graphql(
  `
  mutation StartFidelityReview($input: StartFidelityReviewInput!) {
    startFidelityReview(input: $input) {
      __typename
      ... on MutationStartFidelityReviewSuccess { data { ...ReviewFields } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ReviewFields, NotFoundErrorFields, ValidationErrorFields],
);

const SCORE = graphql(
  `
  mutation ScoreFidelityItem($input: ScoreFidelityItemInput!) {
    scoreFidelityItem(input: $input) {
      __typename
      ... on MutationScoreFidelityItemSuccess { data { ...ReviewFields } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ReviewFields, ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const FINALIZE = graphql(
  `
  mutation FinalizeFidelityReview($input: FinalizeFidelityReviewInput!) {
    finalizeFidelityReview(input: $input) {
      __typename
      ... on MutationFinalizeFidelityReviewSuccess { data { ...ReviewFields } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ReviewFields, ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export type Review = ResultOf<typeof ReviewFields>;

const NARROW_ITEMS = `@media (max-width: 40em) {
  .fidelity-items, .fidelity-items tbody { display: block; width: 100%; }
  .fidelity-items thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .fidelity-items tr { display: grid; grid-template-columns: 2rem minmax(0, 1fr) auto 2.5rem; align-items: center; }
  .fidelity-items td:nth-child(3) { grid-column: 2 / -1; grid-row: 2; }
  .fidelity-items td:nth-child(3):empty { display: none; }
}`;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

export function FidelityPage() {
  const { t } = useTranslation('team');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const teams = [
    ...new Set(session.teams.filter((x) => x.role === 'METHOD_SUPERVISOR').map((x) => x.teamId)),
  ];
  const teamId = params.get('team') ?? teams[0] ?? '';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: REVIEWS,
    variables: { teamId },
    pause: !teamId,
    context: everywhere,
  });
  const [reviewers, setReviewers] = useState('');
  const startForm = useMutationForm(START, { issueText: ownIssueText(t, 'fid_issue_') });
  const issues = startForm.fieldErrors;
  const starting = startForm.fetching;
  const ability = useAbility();
  const mayReview = canOn(ability, 'create', 'FidelityReview', { teamId });
  if (!teamId) return <BodyShort>{t('noTeam')}</BodyShort>;
  if (fetching && !data) return <Loader title={t('fid_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const reviews = readFragment(ReviewFields, data?.fidelityReviews ?? []);
  const chosen = reviews.find((r) => r.id === params.get('evaluering')) ?? reviews[0];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reviewers.trim()) {
      startForm.setFieldErrors({ reviewers: t('tm_issue_REQUIRED') });
      return;
    }
    const res = await startForm.send(
      { input: { teamId, reviewedOn: today(), reviewers: reviewers.trim() } },
      everywhere,
    );
    if (res.ok) {
      setReviewers('');
      const created = readFragment(ReviewFields, res.data);
      setParams({ evaluering: created.id });
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('fid_title')}
      </Heading>
      {mayReview ? (
        <form onSubmit={submit} aria-label={t('fid_start')}>
          <HStack gap="space-8" align="end" wrap>
            <TextField
              label={t('fid_reviewers')}
              description={t('fid_reviewersHelp')}
              value={reviewers}
              maxLength={500}
              error={issues.reviewers ?? issues.reviewedOn}
              onChange={(e) => setReviewers(e.target.value)}
            />
            <Button type="submit" loading={starting}>
              {t('fid_start')}
            </Button>
          </HStack>
          <FormError form={startForm} />
        </form>
      ) : null}
      {reviews.length > 0 ? (
        <Select
          label={t('fid_choose')}
          size="small"
          value={chosen?.id ?? ''}
          onChange={(e) => setParams({ evaluering: e.target.value })}
        >
          {reviews.map((r) => (
            <option key={r.id} value={r.id}>
              {formatDay(r.reviewedOn)} – {t(`fid_status_${r.status}`)}
              {r.totalScore !== null ? ` (${r.totalScore})` : ''}
            </option>
          ))}
        </Select>
      ) : (
        <BodyShort>{t('fid_none')}</BodyShort>
      )}
      {chosen ? (
        <ReviewView
          review={chosen}
          mayScore={mayReview}
          onChanged={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : null}
    </VStack>
  );
}

function ReviewView({
  review,
  mayScore,
  onChanged,
}: {
  review: Review;
  mayScore: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('team');
  const scoreForm = useMutationForm(SCORE, {
    fields: [],
    issueText: ownIssueText(t, 'fid_issue_'),
    failureText: (f) => (f.kind === 'conflict' ? t('fid_conflict') : undefined),
  });
  const finalizeForm = useMutationForm(FINALIZE, {
    fields: [],
    // The API says which items lack a score; the page counts them.
    issueText: () => t('fid_issue_INCOMPLETE', { count: unscored }),
  });
  const scoring = scoreForm.fetching;
  const finalizing = finalizeForm.fetching;
  // Scored and finalised by those the rules allow (the team's supervisor); others read it.
  const draft = review.status === 'DRAFT' && mayScore;
  // All 25 items of the scale; the review holds rows only for those scored or pre-scored.
  const stored = new Map(review.items.map((i) => [i.item, i]));
  const items = FIDELITY_ITEMS.map(
    ({ item, title }) =>
      stored.get(item) ?? {
        item,
        title,
        score: null,
        computedScore: null,
        computedEvidence: null,
        evidence: null,
      },
  );
  const scored = items.filter((i) => i.score !== null).length;
  const unscored = items.length - scored;
  const change = new Map(review.comparison.map((c) => [c.item, c.change]));

  const setScore = async (item: number, value: number) => {
    finalizeForm.reset();
    const res = await scoreForm.send(
      { input: { reviewId: review.id, item, score: value, version: review.version } },
      everywhere,
    );
    if (!res.ok && res.kind === 'conflict') onChanged();
  };

  return (
    <VStack gap="space-16">
      <ReviewHeader review={review} draft={draft} scored={scored} of={items.length} />
      <FormError form={scoreForm} />
      <FormError form={finalizeForm} />
      {/* At phone width (360 px) each item is a block: number, title, score and change on a line, the
          suggestion from data below; the columns' headings are then only for screen readers. */}
      <style>{NARROW_ITEMS}</style>
      <Table size="small" className="fidelity-items" data-testid="fidelity-items">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">#</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('fid_item')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('fid_suggested')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('fid_score')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('fid_change')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((i) => (
            <FidelityItemRow
              key={i.item}
              row={i}
              draft={draft}
              scoring={scoring}
              change={change.get(i.item)}
              onScore={(value) => void setScore(i.item, value)}
            />
          ))}
        </Table.Body>
      </Table>
      {draft ? (
        <div>
          <Button
            loading={finalizing}
            onClick={async () => {
              scoreForm.reset();
              const res = await finalizeForm.send(
                { input: { reviewId: review.id, version: review.version } },
                everywhere,
              );
              if (res.ok) onChanged();
            }}
          >
            {t('fid_finalize')}
          </Button>
        </div>
      ) : null}
      <FidelityActionPlan
        reviewId={review.id}
        teamId={review.teamId}
        actionPlan={review.actionPlan}
        mayEdit={mayScore}
        onChanged={onChanged}
      />
    </VStack>
  );
}
