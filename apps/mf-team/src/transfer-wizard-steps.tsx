/**
 * The transfer wizard's steps (split out of CoveragePage.tsx, issue 19): the colleague to transfer to
 * (step 1), the summary before confirming (step 3), the buttons between them, and step 2: temporary or not,
 * the reason, the day it takes effect, a note, and — only when another service level is chosen while
 * a same-level colleague has room (seed 001 §4.2) — the reason for that.
 */
import type { FieldErrors } from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import {
  Alert,
  BodyShort,
  Button,
  Checkbox,
  HStack,
  Loader,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { describe, REASONS, type Reason } from './CoveragePage.js';

export function TransferDetails({
  issues,
  temporary,
  onTemporary,
  reason,
  onReason,
  effectiveOn,
  onEffectiveOn,
  note,
  onNote,
  levelReason,
  onLevelReason,
}: {
  issues: FieldErrors;
  temporary: boolean;
  onTemporary: (temporary: boolean) => void;
  reason: Reason;
  onReason: (reason: Reason) => void;
  effectiveOn: string;
  onEffectiveOn: (day: string) => void;
  note: string;
  onNote: (note: string) => void;
  /** null when no reason for another level is asked. */
  levelReason: string | null;
  onLevelReason: (reason: string) => void;
}) {
  const { t } = useTranslation('team');
  return (
    <VStack gap="space-12">
      <Checkbox checked={temporary} onChange={(e) => onTemporary(e.target.checked)}>
        {t('cov_temporary')}
      </Checkbox>
      <Select
        label={t('cov_reason')}
        value={reason}
        error={issues.reason}
        onChange={(e) => onReason(e.target.value as Reason)}
      >
        {REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`reason_${r}`)}
          </option>
        ))}
      </Select>
      <DateField
        label={t('cov_effectiveOn')}
        description={t('cov_effectiveOnHelp')}
        value={effectiveOn}
        error={issues.effectiveOn}
        onChange={onEffectiveOn}
      />
      <Textarea
        label={t('cov_note')}
        value={note}
        maxLength={2000}
        error={issues.note}
        onChange={(e) => onNote(e.target.value)}
      />
      {levelReason !== null ? (
        <Textarea
          label={t('cov_levelReason')}
          description={t('cov_levelReasonHelp')}
          value={levelReason}
          maxLength={1000}
          error={issues.levelReason}
          onChange={(e) => onLevelReason(e.target.value)}
        />
      ) : null}
    </VStack>
  );
}

type Candidate = Parameters<typeof describe>[0] & {
  userId: string;
  givenName: string;
  familyName: string;
  crossService: boolean;
};

export function CandidateChoice({
  loading,
  candidates,
  value,
  error,
  onChange,
}: {
  loading: boolean;
  candidates: readonly Candidate[];
  value: string;
  error: string | undefined;
  onChange: (userId: string) => void;
}) {
  const { t } = useTranslation('team');
  if (loading) return <Loader title={t('cov_candidates')} />;
  if (candidates.length === 0) return <BodyShort>{t('cov_noCandidates')}</BodyShort>;
  return (
    <RadioGroup
      legend={t('cov_candidates')}
      description={t('cov_candidatesHelp')}
      value={value}
      error={error}
      onChange={(v: string) => onChange(v)}
    >
      {candidates.map((c) => (
        <Radio key={c.userId} value={c.userId} description={describe(c, t)}>
          {c.givenName} {c.familyName}
        </Radio>
      ))}
    </RadioGroup>
  );
}

export function TransferSummary({
  chosen,
  temporary,
  reason,
}: {
  chosen: Candidate;
  temporary: boolean;
  reason: Reason;
}) {
  const { t } = useTranslation('team');
  return (
    <VStack gap="space-8" data-testid="transfer-summary">
      <BodyShort>{t('cov_summaryTo', { name: `${chosen.givenName} ${chosen.familyName}` })}</BodyShort>
      <BodyShort>{t(temporary ? 'cov_summaryTemporary' : 'cov_summaryPermanent')}</BodyShort>
      <BodyShort>
        {t('cov_reason')}: {t(`reason_${reason}`)}
      </BodyShort>
      {chosen.crossService ? (
        <Alert variant="info" size="small">
          {t('cov_crossService')}
        </Alert>
      ) : null}
    </VStack>
  );
}

export function WizardButtons({
  step,
  saving,
  mayGoOn,
  onBack,
  onNext,
  onConfirm,
  onCancel,
}: {
  step: 1 | 2 | 3;
  saving: boolean;
  mayGoOn: boolean;
  onBack: () => void;
  onNext: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('team');
  return (
    <HStack gap="space-8">
      {step > 1 ? (
        <Button type="button" variant="secondary" onClick={onBack}>
          {t('cov_back')}
        </Button>
      ) : null}
      {step < 3 ? (
        <Button type="button" disabled={!mayGoOn} onClick={onNext}>
          {t('cov_next')}
        </Button>
      ) : (
        <Button type="button" loading={saving} onClick={onConfirm}>
          {t('cov_confirm')}
        </Button>
      )}
      <Button type="button" variant="tertiary" onClick={onCancel}>
        {t('cov_cancel')}
      </Button>
    </HStack>
  );
}
