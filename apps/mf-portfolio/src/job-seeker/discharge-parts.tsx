/**
 * The discharge form's parts (`DischargeForm`): the reasons, the form step (reason, day, note), the
 * confirmation step that lists the open duties the discharge closes, and what was done after success.
 */
import { FormError, formatDay, osloToday } from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { Alert, BodyShort, Button, Heading, HStack, Select, Textarea, VStack } from '@navikt/ds-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

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
export type Reason = (typeof DISCHARGE_REASONS)[number];

export interface Duty {
  id: string;
  title: string;
  dueOn: string;
}

export interface Done {
  date: string;
  reason: Reason;
  closed: Duty[];
}

function DutyList({ duties, testId }: { duties: readonly Duty[]; testId: string }) {
  return (
    <ul data-testid={testId} style={{ margin: 0 }}>
      {duties.map((d) => (
        <li key={d.id}>
          {d.title} – {formatDay(d.dueOn)}
        </li>
      ))}
    </ul>
  );
}

/** After success: the new state, the duties closed, and the journal note written. */
export function DischargeDone({ name, done }: { name: string; done: Done }) {
  const { t } = useTranslation('portfolio');
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
            <DutyList duties={done.closed} testId="closed-duties" />
          </>
        )}
        <BodyShort size="small">{t('st_dischargeJournal')}</BodyShort>
      </VStack>
    </Alert>
  );
}

/** The confirmation step: reason and day, and the open duties the discharge will close. */
export function DischargeConfirm({
  name,
  reason,
  dischargedOn,
  duties,
  form,
  onConfirm,
  onBack,
}: {
  name: string;
  reason: Reason | '';
  dischargedOn: string;
  duties: readonly Duty[];
  form: { formError: string | null; fetching: boolean };
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation('portfolio');
  return (
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
          <DutyList duties={duties} testId="duties-to-close" />
        </>
      )}
      <FormError form={form} />
      <HStack gap="space-12" wrap>
        <Button variant="danger" onClick={onConfirm} loading={form.fetching}>
          {t('st_dischargeConfirm')}
        </Button>
        <Button variant="tertiary" onClick={onBack}>
          {t('st_dischargeBack')}
        </Button>
      </HStack>
    </VStack>
  );
}

/** The form step: the reason, the day (from the referral to today) and a note. */
export function DischargeFields({
  reason,
  onReason,
  dischargedOn,
  onDischargedOn,
  note,
  onNote,
  referral,
  form,
  onSubmit,
  onCancel,
}: {
  reason: Reason | '';
  onReason: (reason: Reason | '') => void;
  dischargedOn: string;
  onDischargedOn: (day: string) => void;
  note: string;
  onNote: (note: string) => void;
  referral: string | undefined;
  form: { formError: string | null; fieldErrors: Record<string, string | undefined> };
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <form onSubmit={onSubmit} noValidate>
      <VStack gap="space-12">
        <Select
          label={t('st_dischargeReason')}
          value={reason}
          error={form.fieldErrors.reason}
          onChange={(e) => onReason(e.target.value as Reason | '')}
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
          onChange={onDischargedOn}
        />
        <Textarea
          label={t('st_dischargeNote')}
          value={note}
          maxLength={2000}
          error={form.fieldErrors.note}
          onChange={(e) => onNote(e.target.value)}
        />
        <FormError form={form} />
        <HStack gap="space-12" wrap>
          <Button type="submit">{t('st_dischargeNext')}</Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {t('st_cancel')}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
