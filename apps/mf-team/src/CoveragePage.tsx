/**
 * Absence coverage and the transfer wizard (seed 001 §4): the method supervisor sees the team's
 * absences; for one, the absent specialist's job seekers the team may discuss, most urgent first
 * (and how many it may not see, counted, never named); for each, a three-step transfer — who
 * (candidates ranked by the API: service level, room in the caseload, health team, team), how
 * (temporary cover or for good, why, from when), confirm. The API's typed errors are shown where
 * they concern the choice; a transfer decided by someone else meanwhile is reported, not overwritten.
 */
import {
  ConflictErrorFields,
  ConsentRequiredErrorFields,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Button, Heading, HStack, Link, Loader, Tag, VStack } from '@navikt/ds-react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PortfolioTransfer } from './PortfolioTransfer.js';
import { TeamConsentRequest } from './TeamConsentRequest.js';
import { CandidateChoice, TransferDetails, TransferSummary, WizardButtons } from './transfer-wizard-steps.js';

/** Team members may be employed by other organisations: ask across all memberships. */
const everywhere = { allOrganizations: true };

const ABSENCES = graphql(`
  query TeamAbsences {
    absences { id type planned startDate expectedEndDate actualEndDate specialist { id givenName familyName } }
  }
`);

const COVERAGE = graphql(`
  query AbsenceCoverage($absenceId: ID!) {
    absenceCoverage(absenceId: $absenceId) {
      __typename
      ... on QueryAbsenceCoverageSuccess {
        data {
          notShown
          absence { id specialist { id givenName familyName } }
          jobSeekers { id givenName familyName phase deadlineStatus currentSpecialist { id } }
        }
      }
      ... on NotFoundError { message }
    }
  }
`);

const CANDIDATES = graphql(`
  query TransferCandidates($jobSeekerId: ID!) {
    transferCandidates(jobSeekerId: $jobSeekerId) {
      __typename
      ... on QueryTransferCandidatesSuccess {
        data {
          userId
          givenName
          familyName
          caseload
          fte
          underCaseloadLimit
          sameServiceLevel
          sameHealthTeam
          sameTeam
          crossService
        }
      }
      ... on NotFoundError { message }
    }
  }
`);

const TRANSFER = graphql(
  `
  mutation TransferJobSeeker($input: TransferJobSeekerInput!) {
    transferJobSeeker(input: $input) {
      __typename
      ... on MutationTransferJobSeekerSuccess { data { id toSpecialist { givenName familyName } temporary } }
      ...ConflictErrorFields
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, ConsentRequiredErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

/** The wizard's fields; an issue at any other (a discharged job seeker, an unknown meeting) is said above the steps. */
const WIZARD_FIELDS = ['toSpecialistId', 'effectiveOn', 'reason', 'note', 'levelReason'];

export const REASONS = [
  'SPECIALIST_ABSENCE',
  'SPECIALIST_LEAVING',
  'JOB_SEEKER_WISH',
  'NO_PROGRESS',
] as const;
export type Reason = (typeof REASONS)[number];

export function CoveragePage() {
  const { t } = useTranslation('team');
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }] = useQuery({ query: ABSENCES, context: everywhere });
  const day = (iso: string | null | undefined) => formatDay(iso);
  if (fetching && !data) return <Loader title={t('cov_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const absences = data?.absences ?? [];
  const chosen = params.get('fravaer') ?? '';
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('cov_title')}
      </Heading>
      {absences.length === 0 ? (
        <BodyShort>{t('cov_noAbsences')}</BodyShort>
      ) : (
        // A list, not a table: each absence stays readable on a phone (360 px), without sideways scroll.
        <ul
          data-testid="absences"
          style={{ display: 'grid', gap: '0.75rem', padding: 0, margin: 0, listStyle: 'none' }}
        >
          {absences.map((a) => (
            <li key={a.id}>
              <HStack gap="space-8" align="center" wrap>
                <BodyShort weight="semibold">
                  {a.specialist.givenName} {a.specialist.familyName}
                </BodyShort>
                <BodyShort>
                  {t(`absence_${a.type}`)}: {day(a.startDate)} –{' '}
                  {a.actualEndDate
                    ? day(a.actualEndDate)
                    : a.expectedEndDate
                      ? day(a.expectedEndDate)
                      : t('cov_openEnded')}
                </BodyShort>
                {a.planned ? null : (
                  <Tag size="xsmall" variant="warning">
                    {t('cov_unplanned')}
                  </Tag>
                )}
                <Button
                  size="xsmall"
                  variant={a.id === chosen ? 'primary' : 'secondary'}
                  aria-pressed={a.id === chosen}
                  onClick={() => setParams({ fravaer: a.id })}
                  aria-label={t('cov_showFor', {
                    name: `${a.specialist.givenName} ${a.specialist.familyName}`,
                  })}
                >
                  {t('cov_show')}
                </Button>
              </HStack>
            </li>
          ))}
        </ul>
      )}
      {chosen ? <Coverage absenceId={chosen} /> : null}
    </VStack>
  );
}

function Coverage({ absenceId }: { absenceId: string }) {
  const { t } = useTranslation('team');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: COVERAGE,
    variables: { absenceId },
    context: everywhere,
  });
  const [moving, setMoving] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The coverage opens where the eye is: below the absences it would otherwise seem not to open.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = Boolean(data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: again for each absence chosen
  useEffect(() => {
    if (!loaded) return;
    // After the layout of this render (the list and the portfolio move below the heading).
    const frame = requestAnimationFrame(() => {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [absenceId, loaded]);
  if (fetching && !data) return <Loader title={t('cov_coverage')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const result = data?.absenceCoverage;
  if (result?.__typename !== 'QueryAbsenceCoverageSuccess')
    return <BodyShort role="alert">{t('cov_notFound')}</BodyShort>;
  const { absence, jobSeekers, notShown } = result.data;
  const absent = absence.specialist;
  // The API's order: the earliest open deadline first.
  const waiting = jobSeekers.filter((j) => j.currentSpecialist?.id === absent.id);
  return (
    <section aria-labelledby="coverage-heading">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="coverage-heading" ref={heading} tabIndex={-1}>
          {t('cov_coverageFor', { name: `${absent.givenName} ${absent.familyName}` })}
        </Heading>
        {done ? (
          <Alert variant="success" size="small" role="status">
            {done}
          </Alert>
        ) : null}
        {notShown > 0 ? (
          <Alert variant="warning" size="small" data-testid="coverage-unseen">
            <Heading level="3" size="xsmall" spacing>
              {t('cov_unseenTitle', { count: notShown })}
            </Heading>
            <BodyShort spacing>{t('cov_unseenBody')}</BodyShort>
            <Link as={RouterLink} to="/team-meeting">
              {t('cov_unseenAction')}
            </Link>
          </Alert>
        ) : null}
        <TeamConsentRequest specialistId={absent.id} name={`${absent.givenName} ${absent.familyName}`} />
        {waiting.length === 0 ? (
          <BodyShort>{t('cov_noneWaiting')}</BodyShort>
        ) : (
          <ul
            data-testid="coverage"
            style={{ display: 'grid', gap: '0.5rem', paddingInlineStart: '1.25rem' }}
          >
            {waiting.map((j) => (
              <li key={j.id}>
                <HStack gap="space-8" align="center" wrap>
                  <span>
                    {j.givenName} {j.familyName}
                  </span>
                  {j.deadlineStatus === 'OVERDUE' ? (
                    <Tag size="xsmall" variant="error">
                      {t('cov_overdue')}
                    </Tag>
                  ) : null}
                  <Button
                    size="xsmall"
                    variant="secondary"
                    onClick={() => {
                      setDone(null);
                      setMoving({ id: j.id, name: `${j.givenName ?? ''} ${j.familyName ?? ''}`.trim() });
                    }}
                    aria-label={t('cov_transferName', {
                      name: `${j.givenName ?? ''} ${j.familyName ?? ''}`.trim(),
                    })}
                  >
                    {t('cov_transfer')}
                  </Button>
                </HStack>
              </li>
            ))}
          </ul>
        )}
        {waiting.length > 0 && !moving ? (
          <PortfolioTransfer
            key={waiting.map((j) => j.id).join()}
            fromSpecialistId={absent.id}
            jobSeekers={waiting.map((j) => ({
              id: j.id,
              name: `${j.givenName ?? ''} ${j.familyName ?? ''}`.trim(),
            }))}
            onMoved={(message) => {
              setDone(message);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        ) : null}
        {moving ? (
          <TransferWizard
            key={moving.id}
            jobSeeker={moving}
            fromSpecialistId={absent.id}
            onCancel={() => setMoving(null)}
            onDone={(message) => {
              setMoving(null);
              setDone(message);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        ) : null}
      </VStack>
    </section>
  );
}

interface WizardProps {
  jobSeeker: { id: string; name: string };
  fromSpecialistId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}

export function TransferWizard({ jobSeeker, fromSpecialistId, onCancel, onDone }: WizardProps) {
  const { t } = useTranslation('team');
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [to, setTo] = useState('');
  const [temporary, setTemporary] = useState(true);
  const [reason, setReason] = useState<Reason>('SPECIALIST_ABSENCE');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [note, setNote] = useState('');
  const [levelReason, setLevelReason] = useState('');
  const [{ data, fetching }] = useQuery({
    query: CANDIDATES,
    variables: { jobSeekerId: rawId(jobSeeker.id) },
    context: everywhere,
  });
  const form = useMutationForm(TRANSFER, {
    fields: WIZARD_FIELDS,
    issueText: ownIssueText(t, 'cov_issue_'),
    failureText: (f) =>
      f.kind === 'consent' ? t('cov_consentRequired') : f.kind === 'conflict' ? t('cov_conflict') : undefined,
  });
  const issues = form.fieldErrors;
  const saving = form.fetching;
  // The wizard opens where the eye is (it sits below the list).
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.scrollIntoView({ block: 'start' });
    title.current?.focus({ preventScroll: true });
  }, []);
  const result = data?.transferCandidates;
  const candidates = result?.__typename === 'QueryTransferCandidatesSuccess' ? result.data : [];
  const chosen = candidates.find((c) => c.userId === to);
  // Same service level first (seed 001 §4.2): another level while a same-level colleague has room
  // needs a reason — asked only then (the API decides the same).
  const needsLevelReason =
    !!chosen &&
    !chosen.sameServiceLevel &&
    candidates.some((c) => c.sameServiceLevel && c.underCaseloadLimit);

  const confirm = async () => {
    const res = await form.send(
      {
        input: {
          jobSeekerId: rawId(jobSeeker.id),
          fromSpecialistId,
          toSpecialistId: to,
          reason,
          temporary,
          effectiveOn: effectiveOn || null,
          note: note.trim() || null,
          levelReason: needsLevelReason ? levelReason.trim() || null : null,
        },
      },
      everywhere,
    );
    if (res.ok) {
      onDone(
        t('cov_transferred', {
          name: jobSeeker.name,
          to: `${res.data.toSpecialist.givenName} ${res.data.toSpecialist.familyName}`,
        }),
      );
    } else if (res.kind === 'validation') {
      // Back to the step where the field is.
      const byField = res.fieldErrors;
      if (byField.toSpecialistId) setStep(1);
      else if (byField.effectiveOn || byField.reason || byField.note || byField.levelReason) setStep(2);
    } else if (res.kind === 'consent') setStep(1);
  };

  return (
    <section
      aria-labelledby="wizard-heading"
      style={{ border: '1px solid var(--ax-border-neutral-subtle, #ccc)', borderRadius: 8, padding: 16 }}
    >
      <VStack gap="space-16">
        <Heading level="3" size="small" id="wizard-heading" ref={title} tabIndex={-1}>
          {t('cov_wizardTitle', { name: jobSeeker.name, step, of: 3 })}
        </Heading>
        <FormError form={form} />
        {step === 1 ? (
          <CandidateChoice
            loading={fetching && !data}
            candidates={candidates}
            value={to}
            error={issues.toSpecialistId}
            onChange={setTo}
          />
        ) : null}
        {step === 2 ? (
          <TransferDetails
            issues={issues}
            temporary={temporary}
            onTemporary={setTemporary}
            reason={reason}
            onReason={setReason}
            effectiveOn={effectiveOn}
            onEffectiveOn={setEffectiveOn}
            note={note}
            onNote={setNote}
            levelReason={needsLevelReason ? levelReason : null}
            onLevelReason={setLevelReason}
          />
        ) : null}
        {step === 3 && chosen ? (
          <TransferSummary chosen={chosen} temporary={temporary} reason={reason} />
        ) : null}
        <WizardButtons
          step={step}
          saving={saving}
          mayGoOn={!(step === 1 && !to)}
          onBack={() => setStep((s) => (s === 3 ? 2 : 1))}
          onNext={() => {
            form.setFieldErrors({});
            setStep((s) => (s === 1 ? 2 : 3));
          }}
          onConfirm={() => void confirm()}
          onCancel={onCancel}
        />
      </VStack>
    </section>
  );
}

export function describe(
  c: {
    caseload: number;
    fte: number;
    underCaseloadLimit: boolean;
    sameTeam: boolean;
    sameHealthTeam: boolean;
    crossService: boolean;
  },
  t: TFunction<'team'>,
): string {
  return [
    t('cov_caseload', { count: c.caseload, fte: c.fte }),
    c.underCaseloadLimit ? t('cov_hasRoom') : t('cov_full'),
    c.sameTeam ? t('cov_sameTeam') : null,
    c.sameHealthTeam ? t('cov_sameHealthTeam') : null,
    c.crossService ? t('cov_otherService') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
