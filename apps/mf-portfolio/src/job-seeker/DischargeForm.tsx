/**
 * Discharge from the portfolio (utskriving, issue 15 item 7), for the job seeker's own specialist:
 * behind a clear button, with its reason (every reason the API knows), the day and a note; then a
 * confirmation that lists the open duties the discharge closes (the API closes every open task of
 * the job seeker and writes a journal note). After success it shows what was closed and the job
 * seeker's new state.
 */
import {
  ConflictErrorFields,
  DateField,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Box, Button, Heading, HStack, Select, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

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

/** Every reason of the API's `DischargeReason`, in the order offered. */
export const DISCHARGE_REASONS = [
  'STABLE_IN_WORK',
  'STABLE_IN_STUDY',
  'HANDED_OVER_TO_HEALTH_TEAM',
  'JOB_SEEKER_WITHDREW',
  'MOVED',
  'NO_CONTACT',
  'OTHER',
] as const;
type Reason = (typeof DISCHARGE_REASONS)[number];

interface Duty {
  id: string;
  title: string;
  dueOn: string;
}

interface Done {
  date: string;
  reason: Reason;
  closed: Duty[];
}

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

  if (done) {
    return (
      <Alert variant="success" role="status" data-testid="discharge-done">
        <VStack gap="space-8">
          <BodyShort>
            {t('st_dischargeDone', {
              name,
              date: formatDay(done.date),
              reason: t(`st_dischargeReason_${done.reason}`),
              phase: t('phase_DISCHARGED'),
            })}
          </BodyShort>
          {done.closed.length === 0 ? (
            <BodyShort>{t('st_dischargeClosedNone')}</BodyShort>
          ) : (
            <>
              <BodyShort>{t('st_dischargeClosed')}</BodyShort>
              <ul data-testid="closed-duties" style={{ margin: 0 }}>
                {done.closed.map((d) => (
                  <li key={d.id}>
                    {d.title} – {formatDay(d.dueOn)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <BodyShort size="small">{t('st_dischargeJournal')}</BodyShort>
        </VStack>
      </Alert>
    );
  }

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
          <form onSubmit={check} noValidate>
            <VStack gap="space-12">
              <Select
                label={t('st_dischargeReason')}
                value={reason}
                error={form.fieldErrors.reason}
                onChange={(e) => setReason(e.target.value as Reason | '')}
              >
                <option value="">{t('st_chooseReason')}</option>
                {DISCHARGE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`st_dischargeReason_${r}`)}
                  </option>
                ))}
              </Select>
              <DateField
                label={t('st_dischargedOn')}
                value={dischargedOn}
                fromDay={referral}
                toDay={osloToday()}
                error={form.fieldErrors.dischargedOn}
                onChange={setDischargedOn}
              />
              <Textarea
                label={t('st_dischargeNote')}
                value={note}
                maxLength={2000}
                error={form.fieldErrors.note}
                onChange={(e) => setNote(e.target.value)}
              />
              <FormError form={form} />
              <HStack gap="space-12" wrap>
                <Button type="submit">{t('st_dischargeNext')}</Button>
                <Button type="button" variant="tertiary" onClick={() => setStep('closed')}>
                  {t('st_cancel')}
                </Button>
              </HStack>
            </VStack>
          </form>
        ) : (
          <VStack gap="space-12" data-testid="discharge-confirm">
            <Heading level="3" size="xsmall">
              {t('st_dischargeConfirmHeading', { name })}
            </Heading>
            <BodyShort>
              {t('st_dischargeReason')}: {reason ? t(`st_dischargeReason_${reason}`) : ''},{' '}
              {formatDay(dischargedOn)}
            </BodyShort>
            {duties.length === 0 ? (
              <BodyShort>{t('st_dischargeClosesNone')}</BodyShort>
            ) : (
              <>
                <BodyShort>{t('st_dischargeCloses')}</BodyShort>
                <ul data-testid="duties-to-close" style={{ margin: 0 }}>
                  {duties.map((d) => (
                    <li key={d.id}>
                      {d.title} – {formatDay(d.dueOn)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <FormError form={form} />
            <HStack gap="space-12" wrap>
              <Button variant="danger" onClick={confirm} loading={form.fetching}>
                {t('st_dischargeConfirm')}
              </Button>
              <Button variant="tertiary" onClick={() => setStep('form')}>
                {t('st_dischargeBack')}
              </Button>
            </HStack>
          </VStack>
        )}
      </VStack>
    </Box>
  );
}
