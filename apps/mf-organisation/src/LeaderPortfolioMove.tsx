/**
 * The health-service leader moves an absent specialist's portfolio in one step (issue 16;
 * docs/leader-and-administration.md): pick the absence, see how many job seekers can move (those who
 * consented to discussion in the team) and how many lack the consent, pick a colleague of the same
 * team (with their caseload against the ceiling), move. The result is per job seeker by position
 * only — the leader sees staffing, not cases (domain.md §2). The API decides everything.
 */
import {
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Button, Checkbox, Heading, Select, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

const PORTFOLIO = graphql(`
  query AbsencePortfolio($a: ID!) {
    absencePortfolio(absenceId: $a) {
      __typename
      ... on QueryAbsencePortfolioSuccess {
        data { absenceId total movable withoutTeamConsent receivers { userId givenName familyName caseload caseloadLimit } }
      }
    }
  }
`);

const MOVE = graphql(
  `
  mutation MoveAbsentPortfolio($input: MoveAbsentPortfolioInput!) {
    moveAbsentPortfolio(input: $input) {
      __typename
      ... on MutationMoveAbsentPortfolioSuccess { data { applied total moved items { position outcome } } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

export interface OpenAbsence {
  id: string;
  startDate: string;
  specialist: { givenName: string; familyName: string };
}

interface Result {
  applied: boolean;
  total: number;
  moved: number;
  items: { position: number; outcome: string }[];
  receiver: string;
}

export function LeaderPortfolioMove({ absences }: { absences: OpenAbsence[] }) {
  const { t } = useTranslation('organisation');
  const [absenceId, setAbsenceId] = useState('');
  const [receiverId, setReceiverId] = useState('');
  const [temporary, setTemporary] = useState(true);
  const [result, setResult] = useState<Result | null>(null);
  const [{ data }, refetch] = useQuery({
    query: PORTFOLIO,
    variables: { a: absenceId },
    pause: !absenceId,
    requestPolicy: 'network-only',
  });
  const form = useMutationForm(MOVE, { fields: ['toSpecialistId', 'absenceId'] });
  const portfolio =
    data?.absencePortfolio.__typename === 'QueryAbsencePortfolioSuccess' &&
    data.absencePortfolio.data.absenceId === absenceId
      ? data.absencePortfolio.data
      : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (!receiverId) {
      form.setFieldErrors({ toSpecialistId: t('abs_issue_REQUIRED') });
      return;
    }
    const receiver = portfolio?.receivers.find((r) => r.userId === receiverId);
    const res = await form.send({ input: { absenceId, toSpecialistId: receiverId, temporary } });
    if (res.ok) {
      setResult({ ...res.data, receiver: receiver ? `${receiver.givenName} ${receiver.familyName}` : '' });
      setReceiverId('');
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section>
      <form onSubmit={submit} aria-labelledby="pm-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="pm-heading">
            {t('pm_title')}
          </Heading>
          <BodyShort>{t('pm_intro')}</BodyShort>
          <Select
            label={t('pm_absence')}
            value={absenceId}
            error={form.fieldErrors.absenceId}
            onChange={(e) => {
              setAbsenceId(e.target.value);
              setReceiverId('');
              setResult(null);
              form.setFieldErrors({});
            }}
          >
            <option value="">–</option>
            {absences.map((a) => (
              <option key={a.id} value={a.id}>
                {t('pm_absenceOption', {
                  name: `${a.specialist.givenName} ${a.specialist.familyName}`,
                  from: formatDay(a.startDate),
                })}
              </option>
            ))}
          </Select>
          {portfolio ? (
            <VStack gap="space-12" data-testid="portfolio-counts">
              <BodyShort>
                {t('pm_counts', {
                  total: portfolio.total,
                  movable: portfolio.movable,
                  withoutTeamConsent: portfolio.withoutTeamConsent,
                })}
              </BodyShort>
              {portfolio.withoutTeamConsent > 0 ? (
                <Alert variant="info" size="small">
                  {t('pm_noConsent', { count: portfolio.withoutTeamConsent })}
                </Alert>
              ) : null}
              {portfolio.movable === 0 ? (
                <BodyShort>{t('pm_nothing')}</BodyShort>
              ) : portfolio.receivers.length === 0 ? (
                <BodyShort>{t('pm_noReceivers')}</BodyShort>
              ) : (
                <>
                  <Select
                    label={t('pm_receiver')}
                    value={receiverId}
                    error={form.fieldErrors.toSpecialistId}
                    onChange={(e) => setReceiverId(e.target.value)}
                  >
                    <option value="">–</option>
                    {portfolio.receivers.map((r) => (
                      <option key={r.userId} value={r.userId}>
                        {t('pm_receiverOption', {
                          name: `${r.givenName} ${r.familyName}`,
                          caseload: r.caseload,
                          limit: r.caseloadLimit,
                        })}
                      </option>
                    ))}
                  </Select>
                  <Checkbox checked={temporary} onChange={(e) => setTemporary(e.target.checked)}>
                    {t('pm_temporary')}
                  </Checkbox>
                  <div>
                    <Button type="submit" loading={form.fetching}>
                      {t('pm_move', { count: portfolio.movable })}
                    </Button>
                  </div>
                </>
              )}
            </VStack>
          ) : null}
          <FormError form={form} />
          {result ? (
            <VStack gap="space-8">
              <Alert variant={result.applied ? 'success' : 'warning'} size="small" role="status">
                {result.applied
                  ? t('pm_done', { moved: result.moved, total: result.total, name: result.receiver })
                  : t('pm_notApplied')}
              </Alert>
              <Heading level="3" size="xsmall">
                {t('pm_result')}
              </Heading>
              <ul data-testid="portfolio-move-result" style={{ margin: 0, paddingLeft: '1.25rem' }}>
                {result.items.map((i) => (
                  <li key={i.position}>
                    {t('pm_item', {
                      position: i.position,
                      total: result.total,
                      outcome: t(`pm_outcome_${i.outcome}`),
                    })}
                  </li>
                ))}
              </ul>
            </VStack>
          ) : null}
        </VStack>
      </form>
    </section>
  );
}
