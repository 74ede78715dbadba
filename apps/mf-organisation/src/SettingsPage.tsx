/**
 * The organisation's deadlines and staffing settings (issue 16): the staffing settings (when an
 * unplanned absence counts as long, when a case counts as stalled) and each deadline rule's due
 * days and warning, tuned within the bounds the rule allows (`@ips/domain`). The tenant
 * administrator changes them; the health-service leader changes the staffing settings and sees the
 * deadline rules (the API's rules). An entry out of bounds is refused by the API and said at its
 * field.
 */
import { DEADLINE_RULES, type DeadlineRuleCode, LONG_ABSENCE_BOUNDS, STALLED_BOUNDS } from '@ips/domain';
import {
  canOn,
  FormError,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import {
  Alert,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HStack,
  Loader,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PlannedAbsenceNoticeSetting } from './PlannedAbsenceNoticeSetting.js';
import { NumberSetting, SettingsSection } from './setting-fields.js';

const SETTINGS = graphql(`
  query OrganisationSettings($org: ID!) {
    staffingSettings(organizationId: $org) {
      __typename
      ... on QueryStaffingSettingsSuccess { data { organizationId longAbsenceThresholdDays stalledAfterWeeks } }
      ... on NotFoundError { message }
    }
    deadlineRules(organizationId: $org) { rule dueDays dueMonths warnDaysBefore tuned }
  }
`);

const UPDATE_STAFFING = graphql(
  `
  mutation UpdateStaffingSettings($input: UpdateStaffingSettingsInput!) {
    updateStaffingSettings(input: $input) {
      __typename
      ... on MutationUpdateStaffingSettingsSuccess { data { organizationId longAbsenceThresholdDays stalledAfterWeeks } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const TUNE = graphql(
  `
  mutation TuneDeadlineRule($input: TuneDeadlineRuleInput!) {
    tuneDeadlineRule(input: $input) {
      __typename
      ... on MutationTuneDeadlineRuleSuccess { data { rule dueDays warnDaysBefore tuned } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

/** A whole number from a field, or null when it is not one. */
const whole = (s: string): number | null => (/^-?\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : null);

export function SettingsPage() {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const ability = useAbility();
  const org = session.organizationId;
  const [{ data, fetching, error }, refetch] = useQuery({ query: SETTINGS, variables: { org } });
  const mayStaffing = canOn(ability, 'update', 'Organization', { id: org }, 'staffingSettings');
  const mayTune = canOn(ability, 'update', 'DeadlineRuleSetting', { organizationId: org });
  if (fetching && !data) return <Loader title={t('set_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const staffing = data?.staffingSettings;
  const rules = data?.deadlineRules ?? [];
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('set_title')}
      </Heading>
      <BodyShort>{t('set_intro')}</BodyShort>
      {!mayStaffing && !mayTune ? (
        <Alert variant="info" size="small">
          {t('set_readOnly')}
        </Alert>
      ) : null}
      {staffing?.__typename === 'QueryStaffingSettingsSuccess' ? (
        <StaffingSettingsForm
          key={`${staffing.data.longAbsenceThresholdDays}-${staffing.data.stalledAfterWeeks}`}
          organizationId={org}
          current={staffing.data}
          editable={mayStaffing}
        />
      ) : null}
      <PlannedAbsenceNoticeSetting organizationId={org} editable={mayStaffing} />
      <section aria-labelledby="rules-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="rules-heading">
            {t('set_rules')}
          </Heading>
          <BodyShort>{t('set_rulesHelp')}</BodyShort>
          <ul
            data-testid="deadline-rules"
            style={{ display: 'grid', gap: '1rem', padding: 0, listStyle: 'none' }}
          >
            {rules.map((r) => (
              <li key={r.rule}>
                <RuleCard
                  organizationId={org}
                  rule={r}
                  editable={mayTune}
                  onSaved={() => refetch({ requestPolicy: 'network-only' })}
                />
              </li>
            ))}
          </ul>
        </VStack>
      </section>
    </VStack>
  );
}

function StaffingSettingsForm({
  organizationId,
  current,
  editable,
}: {
  organizationId: string;
  current: { longAbsenceThresholdDays: number; stalledAfterWeeks: number };
  editable: boolean;
}) {
  const { t } = useTranslation('organisation');
  const [days, setDays] = useState(String(current.longAbsenceThresholdDays));
  const [weeks, setWeeks] = useState(String(current.stalledAfterWeeks));
  const [saved, setSaved] = useState(false);
  const form = useMutationForm(UPDATE_STAFFING, {
    fields: ['longAbsenceThresholdDays', 'stalledAfterWeeks'],
    issueText: ownIssueText(t, 'set_issue_', {
      absMin: LONG_ABSENCE_BOUNDS.min,
      absMax: LONG_ABSENCE_BOUNDS.max,
      stMin: STALLED_BOUNDS.min,
      stMax: STALLED_BOUNDS.max,
    }),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const d = whole(days);
    const w = whole(weeks);
    if (d === null || w === null) {
      form.setFieldErrors({
        ...(d === null ? { longAbsenceThresholdDays: t('set_notWhole') } : {}),
        ...(w === null ? { stalledAfterWeeks: t('set_notWhole') } : {}),
      });
      return;
    }
    const res = await form.send({
      input: { organizationId, longAbsenceThresholdDays: d, stalledAfterWeeks: w },
    });
    if (res.ok) setSaved(true);
  };
  return (
    <SettingsSection
      headingId="staffing-settings-heading"
      heading={t('set_staffing')}
      saved={saved ? t('set_savedStaffing') : null}
      form={form}
      editable={editable}
      submitLabel={t('set_saveStaffing')}
      onSubmit={submit}
    >
      <NumberSetting
        label={t('set_longAbsence')}
        description={t('set_longAbsenceHelp', LONG_ABSENCE_BOUNDS)}
        value={days}
        readOnly={!editable}
        error={form.fieldErrors.longAbsenceThresholdDays}
        onChange={setDays}
      />
      <NumberSetting
        label={t('set_stalled')}
        description={t('set_stalledHelp', STALLED_BOUNDS)}
        value={weeks}
        readOnly={!editable}
        error={form.fieldErrors.stalledAfterWeeks}
        onChange={setWeeks}
      />
    </SettingsSection>
  );
}

interface RuleRow {
  rule: string;
  dueDays: number | null;
  dueMonths: number | null;
  warnDaysBefore: number;
  tuned: boolean;
}

function RuleCard({
  organizationId,
  rule,
  editable,
  onSaved,
}: {
  organizationId: string;
  rule: RuleRow;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation('organisation');
  const code = rule.rule as DeadlineRuleCode;
  const bounds = DEADLINE_RULES[code]?.bounds ?? { minDueDays: 0, maxDueDays: 0, maxWarnDays: 0 };
  const title = t(`dr_${rule.rule}`, { defaultValue: rule.rule });
  const [due, setDue] = useState(rule.dueDays === null ? '' : String(rule.dueDays));
  const [warn, setWarn] = useState(String(rule.warnDaysBefore));
  const [saved, setSaved] = useState(false);
  const form = useMutationForm(TUNE, {
    fields: ['dueDays', 'warnDaysBefore'],
    issueText: ownIssueText(t, 'set_issue_', {
      min: bounds.minDueDays,
      max: bounds.maxDueDays,
    }),
  });
  const warnForm = ownIssueText(t, 'set_issue_', { max: bounds.maxWarnDays });
  const fixed = bounds.minDueDays === bounds.maxDueDays;
  const dueText =
    rule.dueMonths !== null
      ? t('set_dueMonths', { count: rule.dueMonths })
      : t('set_dueDays', { count: rule.dueDays ?? 0 });
  const id = `rule-${rule.rule}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const d = fixed ? bounds.minDueDays : whole(due);
    const w = whole(warn);
    if (d === null || w === null) {
      form.setFieldErrors({
        ...(d === null ? { dueDays: t('set_notWhole') } : {}),
        ...(w === null ? { warnDaysBefore: t('set_notWhole') } : {}),
      });
      return;
    }
    const res = await form.send({
      input: {
        organizationId,
        rule: code,
        dueDays: d,
        warnDaysBefore: w,
      },
    });
    if (res.ok) {
      setSaved(true);
      onSaved();
    }
  };
  // The warning's bound is the rule's own: its text needs that number, not the deadline's.
  const warnError =
    form.failure?.kind === 'validation'
      ? (() => {
          const issue = form.failure.issues.find((i) => i.field === 'warnDaysBefore');
          return issue ? warnForm(issue) : form.fieldErrors.warnDaysBefore;
        })()
      : form.fieldErrors.warnDaysBefore;

  return (
    <Box padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
      <form onSubmit={submit} aria-labelledby={`${id}-title`} data-rule={rule.rule}>
        <VStack gap="space-8">
          <HStack gap="space-8" align="center" wrap>
            <Heading level="3" size="xsmall" id={`${id}-title`}>
              {title}
            </Heading>
            <Tag size="xsmall" variant={rule.tuned ? 'info' : 'neutral'}>
              {rule.tuned ? t('set_tuned') : t('set_default')}
            </Tag>
          </HStack>
          <Detail>{t('set_current', { due: dueText, warn: rule.warnDaysBefore })}</Detail>
          {saved ? (
            <Alert variant="success" size="small" role="status">
              {t('set_tunedSaved', { title })}
            </Alert>
          ) : null}
          {editable ? (
            <>
              <FormError form={form} />
              {fixed ? (
                <Detail>{t('set_dueFixed', { min: bounds.minDueDays })}</Detail>
              ) : (
                <NumberSetting
                  label={t('set_due')}
                  description={t(bounds.minDueDays < 0 ? 'set_dueHelp' : 'set_dueHelpPositive', {
                    min: bounds.minDueDays,
                    max: bounds.maxDueDays,
                  })}
                  value={due}
                  error={form.fieldErrors.dueDays}
                  onChange={setDue}
                />
              )}
              <NumberSetting
                label={t('set_warn')}
                description={t('set_warnHelp', { max: bounds.maxWarnDays })}
                value={warn}
                error={warnError}
                onChange={setWarn}
              />
              <div>
                <Button
                  type="submit"
                  size="small"
                  variant="secondary"
                  loading={form.fetching}
                  aria-label={t('set_tuneFor', { title })}
                >
                  {t('set_tune')}
                </Button>
              </div>
            </>
          ) : null}
        </VStack>
      </form>
    </Box>
  );
}
