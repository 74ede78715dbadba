/**
 * Discharge from the portfolio (utskriving, issue 15 item 7), for the job seeker's own specialist:
 * behind a clear button, with its reason (every reason the API knows), the day and a note; then a
 * confirmation that lists the open duties the discharge closes (the API closes every open task of
 * the job seeker and writes a journal note). After success it shows what was closed and the job
 * seeker's new state.
 */
import {
  ConflictErrorFields,
  formatDay,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { BodyShort, Box, Button, Heading, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DischargeConfirm,
  DischargeDone,
  DischargeFields,
  type Done,
  type Duty,
  type Reason,
} from './discharge-parts.js';

const DISCHARGE = graphql(
  `
  mutation DischargeJobSeeker($input: DischargeJobSeekerInput!) {
    dischargeJobSeeker(input: $input) {
      __typename
      ... on MutationDischargeJobSeekerSuccess { data { id phase dischargedAt version deadlineStatus } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
      ...ConflictErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields, ConflictErrorFields],
);

export function DischargeForm({
  jobSeeker,
  duties,
  onDischarged,
}: {
  jobSeeker: {
    id: string;
    givenName: string | null;
    familyName: string | null;
    version: number | null;
    referralDate: string | null;
    dischargedAt: string | null;
  };
  /** The job seeker's open duties, which the discharge closes. */
  duties: readonly Duty[];
  /** Reload the page (phase, deadlines). */
  onDischarged: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const referral = jobSeeker.referralDate ?? undefined;
  const form = useMutationForm(DISCHARGE, {
    issueText: ownIssueText(t, 'st_issue_', { referral: formatDay(referral) }),
    fields: ['reason', 'dischargedOn', 'note'],
  });
  const [step, setStep] = useState<'closed' | 'form' | 'confirm'>('closed');
  const [reason, setReason] = useState<Reason | ''>('');
  const [dischargedOn, setDischargedOn] = useState(osloToday());
  const [note, setNote] = useState('');
  const [done, setDone] = useState<Done | null>(null);
  const name = `${jobSeeker.givenName ?? ''} ${jobSeeker.familyName ?? ''}`.trim();

  if (done) return <DischargeDone name={name} done={done} />;

  if (jobSeeker.dischargedAt) {
    return (
      <BodyShort data-testid="discharged">
        {t('st_dischargedState', { date: formatDay(jobSeeker.dischargedAt) })}
      </BodyShort>
    );
  }

  if (step === 'closed') {
    return (
      <div>
        <Button variant="danger" size="small" onClick={() => setStep('form')} aria-expanded={false}>
          {t('st_dischargeOpen')}
        </Button>
      </div>
    );
  }

  const check = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!reason) local.reason = t('st_issue_REQUIRED_reason');
    if (!dischargedOn) local.dischargedOn = t('st_issue_REQUIRED');
    else if (dischargedOn > osloToday()) local.dischargedOn = t('st_issue_IN_FUTURE_dischargedOn');
    else if (referral && dischargedOn < referral)
      local.dischargedOn = t('st_issue_BEFORE_REFERRAL_dischargedOn', { referral: formatDay(referral) });
    form.setFieldErrors(local);
    if (!Object.keys(local).length) setStep('confirm');
  };

  const confirm = async () => {
    if (!reason) return;
    const closing = [...duties];
    const res = await form.send(
      {
        input: {
          jobSeekerId: rawId(jobSeeker.id),
          version: jobSeeker.version ?? 0,
          dischargedOn,
          reason,
          note: note.trim() || null,
        },
      },
      { additionalTypenames: ['Task', 'JobSeeker', 'JournalNote'] },
    );
    if (res.ok) {
      setDone({ date: dischargedOn, reason, closed: closing });
      onDischarged();
    } else if (res.kind === 'validation') {
      setStep('form');
    }
  };

  return (
    <Box
      as="section"
      aria-labelledby="discharge-heading"
      padding="space-16"
      borderWidth="1"
      borderRadius="8"
      borderColor="neutral-subtle"
    >
      <VStack gap="space-12">
        <Heading level="2" size="small" id="discharge-heading">
          {t('st_dischargeTitle')}
        </Heading>
        {step === 'form' ? (
          <DischargeFields
            reason={reason}
            onReason={setReason}
            dischargedOn={dischargedOn}
            onDischargedOn={setDischargedOn}
            note={note}
            onNote={setNote}
            referral={referral}
            form={form}
            onSubmit={check}
            onCancel={() => setStep('closed')}
          />
        ) : (
          <DischargeConfirm
            name={name}
            reason={reason}
            dischargedOn={dischargedOn}
            duties={duties}
            form={form}
            onConfirm={confirm}
            onBack={() => setStep('form')}
          />
        )}
      </VStack>
    </Box>
  );
}
