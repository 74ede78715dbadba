/**
 * The intake (issue 15, item 1): shown on the person page while the intake is not recorded (phase
 * "henvist"), for the job seeker's own specialist. The day is held, so never in the future and
 * not before the referral; the record's version is sent, and a conflict offers a reload. The
 * intake opens the deadline for the first employer contact (one month, seed 003 §6), which the
 * page shows at once after the reload.
 */
import {
  ConflictErrorFields,
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
import { DateField } from '@ips/ui/date-field';
import { BodyShort, Box, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const RECORD_INTAKE = graphql(
  `
  mutation RecordIntake($input: RecordIntakeInput!) {
    recordIntake(input: $input) {
      __typename
      ... on MutationRecordIntakeSuccess { data { id phase intakeDate version deadlineStatus } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
      ...ConflictErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields, ConflictErrorFields],
);

export function IntakeForm({
  jobSeeker,
  onRecorded,
}: {
  jobSeeker: { id: string; version: number | null; referralDate: string | null };
  /** Reload the page: the phase, the intake day and the new deadline. */
  onRecorded: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const referral = jobSeeker.referralDate ?? undefined;
  const form = useMutationForm(RECORD_INTAKE, {
    issueText: ownIssueText(t, 'st_issue_', { referral: formatDay(referral) }),
    fields: ['intakeDate'],
  });
  const [intakeDate, setIntakeDate] = useState(osloToday());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const today = osloToday();
    if (!intakeDate) return form.setFieldErrors({ intakeDate: t('st_issue_REQUIRED') });
    if (intakeDate > today) return form.setFieldErrors({ intakeDate: t('st_issue_IN_FUTURE_intakeDate') });
    if (referral && intakeDate < referral)
      return form.setFieldErrors({
        intakeDate: t('st_issue_BEFORE_REFERRAL_intakeDate', { referral: formatDay(referral) }),
      });
    form.setFieldErrors({});
    const res = await form.send(
      { input: { jobSeekerId: rawId(jobSeeker.id), version: jobSeeker.version ?? 0, intakeDate } },
      { additionalTypenames: ['Task', 'JobSeeker'] },
    );
    if (res.ok) onRecorded();
  };

  return (
    <Box
      as="section"
      aria-labelledby="intake-heading"
      padding="space-16"
      borderWidth="1"
      borderRadius="8"
      borderColor="neutral-subtle"
    >
      <form onSubmit={submit} noValidate id="intake-form">
        <VStack gap="space-12">
          <Heading level="2" size="small" id="intake-heading">
            {t('st_intakeTitle')}
          </Heading>
          <BodyShort size="small">{t('st_intakeIntro')}</BodyShort>
          <DateField
            label={t('st_intakeDate')}
            value={intakeDate}
            fromDay={referral}
            toDay={osloToday()}
            error={form.fieldErrors.intakeDate}
            onChange={setIntakeDate}
          />
          <FormError form={form} />
          <HStack gap="space-12" wrap>
            <Button type="submit" loading={form.fetching}>
              {t('st_intakeButton')}
            </Button>
            {form.failure?.kind === 'conflict' ? (
              <Button type="button" variant="secondary" onClick={onRecorded}>
                {t('st_conflictReload')}
              </Button>
            ) : null}
          </HStack>
        </VStack>
      </form>
    </Box>
  );
}
