/**
 * The absent (or leaving) specialist's whole portfolio moved in one step (`transferPortfolio`,
 * seed 001 §4): one receiver for all, changeable per job seeker; temporary cover or for good; one
 * reason. The API applies all or nothing and answers per job seeker: each row then says whether it
 * moved, or why not (the typed error a single transfer would have given, and its field issues).
 */
import { graphql, rawId } from '@ips/ui';
import { Alert, BodyShort, Button, Checkbox, Heading, Select, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

const everywhere = { allOrganizations: true };

const CANDIDATES = graphql(`
  query PortfolioCandidates($jobSeekerId: ID!) {
    transferCandidates(jobSeekerId: $jobSeekerId) {
      __typename
      ... on QueryTransferCandidatesSuccess { data { userId givenName familyName caseload underCaseloadLimit } }
      ... on NotFoundError { message }
    }
  }
`);

const MOVE = graphql(`
  mutation TransferPortfolio($input: TransferPortfolioInput!) {
    transferPortfolio(input: $input) {
      applied
      items {
        jobSeekerId
        toSpecialistId
        transfer { id toSpecialist { givenName familyName } }
        problem { type message issues { field code message } }
      }
    }
  }
`);

const REASONS = ['SPECIALIST_ABSENCE', 'SPECIALIST_LEAVING', 'JOB_SEEKER_WISH', 'NO_PROGRESS'] as const;
type Reason = (typeof REASONS)[number];

interface Props {
  fromSpecialistId: string;
  jobSeekers: readonly { id: string; name: string }[];
  onMoved: (message: string) => void;
}

interface RowResult {
  ok: boolean;
  text: string;
}

export function PortfolioTransfer({ fromSpecialistId, jobSeekers, onMoved }: Props) {
  const { t } = useTranslation('team');
  const first = jobSeekers[0];
  const [{ data }] = useQuery({
    query: CANDIDATES,
    variables: { jobSeekerId: rawId(first?.id ?? '') },
    pause: !first,
    context: everywhere,
  });
  const [move, send] = useMutation(MOVE);
  const [receiver, setReceiver] = useState('');
  const [perRow, setPerRow] = useState<Record<string, string>>({});
  const [temporary, setTemporary] = useState(true);
  const [reason, setReason] = useState<Reason>('SPECIALIST_ABSENCE');
  const [results, setResults] = useState<Record<string, RowResult> | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const found = data?.transferCandidates;
  const candidates = found?.__typename === 'QueryTransferCandidatesSuccess' ? found.data : [];
  const nameOf = (userId: string) => {
    const c = candidates.find((x) => x.userId === userId);
    return c ? `${c.givenName} ${c.familyName}` : '';
  };
  const toFor = (id: string) => perRow[id] || receiver;
  const ready = jobSeekers.length > 0 && jobSeekers.every((j) => toFor(j.id));

  const submit = async () => {
    setFailed(null);
    setResults(null);
    const res = await send(
      {
        input: {
          fromSpecialistId,
          reason,
          temporary,
          moves: jobSeekers.map((j) => ({ jobSeekerId: rawId(j.id), toSpecialistId: toFor(j.id) })),
        },
      },
      everywhere,
    );
    const answer = res.data?.transferPortfolio;
    if (!answer) {
      setFailed(t('pt_failed'));
      return;
    }
    const byId: Record<string, RowResult> = {};
    for (const item of answer.items) {
      const j = jobSeekers.find((x) => rawId(x.id) === item.jobSeekerId);
      if (!j) continue;
      if (!item.problem) {
        const to = item.transfer?.toSpecialist;
        byId[j.id] = {
          ok: true,
          text: to ? t('pt_movedTo', { name: `${to.givenName} ${to.familyName}` }) : t('pt_fine'),
        };
        continue;
      }
      const issue = item.problem.issues[0];
      const problem = issue
        ? t(`cov_issue_${issue.code}`, {
            defaultValue: t(`pt_issue_${issue.code}`, { defaultValue: t('pt_problem_other') }),
          })
        : t(`pt_problem_${item.problem.type}`, { defaultValue: t('pt_problem_other') });
      byId[j.id] = { ok: false, text: t('pt_problem', { problem }) };
    }
    if (answer.applied) onMoved(t('pt_applied', { count: answer.items.length }));
    else setResults(byId);
  };

  return (
    <section
      aria-labelledby="portfolio-heading"
      style={{ border: '1px solid var(--ax-border-neutral-subtle, #ccc)', borderRadius: 8, padding: 16 }}
    >
      <VStack gap="space-16">
        <Heading level="3" size="small" id="portfolio-heading">
          {t('pt_title')}
        </Heading>
        <BodyShort>{t('pt_intro')}</BodyShort>
        {failed ? (
          <Alert variant="error" size="small" role="alert">
            {failed}
          </Alert>
        ) : null}
        {results ? (
          <Alert variant="error" size="small" role="alert">
            {t('pt_notApplied')}
          </Alert>
        ) : null}
        <Select label={t('pt_receiver')} value={receiver} onChange={(e) => setReceiver(e.target.value)}>
          <option value="">{t('pt_choose')}</option>
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.givenName} {c.familyName} ({c.underCaseloadLimit ? t('cov_hasRoom') : t('cov_full')})
            </option>
          ))}
        </Select>
        <Checkbox checked={temporary} onChange={(e) => setTemporary(e.target.checked)}>
          {t('cov_temporary')}
        </Checkbox>
        <Select label={t('cov_reason')} value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reason_${r}`)}
            </option>
          ))}
        </Select>
        <ul
          data-testid="portfolio-moves"
          style={{ display: 'grid', gap: '0.75rem', padding: 0, listStyle: 'none' }}
        >
          {jobSeekers.map((j) => {
            const r = results?.[j.id];
            return (
              <li key={j.id} data-testid="portfolio-move">
                <VStack gap="space-4">
                  <Select
                    size="small"
                    label={t('pt_receiverFor', { name: j.name })}
                    value={toFor(j.id)}
                    error={r && !r.ok ? r.text : undefined}
                    onChange={(e) => setPerRow({ ...perRow, [j.id]: e.target.value })}
                  >
                    <option value="">{t('pt_choose')}</option>
                    {candidates.map((c) => (
                      <option key={c.userId} value={c.userId}>
                        {c.givenName} {c.familyName}
                      </option>
                    ))}
                  </Select>
                  {r?.ok ? <BodyShort size="small">{r.text}</BodyShort> : null}
                </VStack>
              </li>
            );
          })}
        </ul>
        {receiver && !results ? (
          <BodyShort size="small" aria-live="polite">
            {t('cov_summaryTo', { name: nameOf(receiver) })}
          </BodyShort>
        ) : null}
        <div>
          <Button type="button" disabled={!ready} loading={move.fetching} onClick={() => void submit()}>
            {t('pt_move', { count: jobSeekers.length })}
          </Button>
        </div>
      </VStack>
    </section>
  );
}
