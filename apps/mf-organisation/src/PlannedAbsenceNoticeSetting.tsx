/**
 * The tenant's notice period for planned absences (issue 17 item 7; seed 001 §4.1: the specialist
 * warns "på et tidlig tidspunkt ved planlagt og langvarig fravær"): a planned absence is announced
 * to the method supervisor when it is registered and again this many days before it starts (14 by
 * default, 1–60). Read by every member; changed by the tenant administrator (the same rule as the
 * other staffing settings: `update` on the organisation's settings). The API's bounds are shown at
 * the field. Rules: docs/leader-and-administration.md.
 */

import { PLANNED_ABSENCE_NOTICE_BOUNDS } from '@ips/domain';
import { graphql, NotFoundErrorFields, ownIssueText, useMutationForm, ValidationErrorFields } from '@ips/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { NumberSetting, SettingsSection } from './setting-fields.js';

const NOTICE = graphql(`
  query PlannedAbsenceNotice($org: ID!) {
    staffingSettings(organizationId: $org) {
      __typename
      ... on QueryStaffingSettingsSuccess { data { organizationId plannedAbsenceNoticeDays } }
      ... on NotFoundError { message }
    }
  }
`);

const UPDATE_NOTICE = graphql(
  `
  mutation UpdatePlannedAbsenceNotice($input: UpdateStaffingSettingsInput!) {
    updateStaffingSettings(input: $input) {
      __typename
      ... on MutationUpdateStaffingSettingsSuccess { data { organizationId plannedAbsenceNoticeDays } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

export function PlannedAbsenceNoticeSetting({
  organizationId,
  editable,
}: {
  organizationId: string;
  editable: boolean;
}) {
  const [{ data }] = useQuery({ query: NOTICE, variables: { org: organizationId } });
  const settings = data?.staffingSettings;
  if (settings?.__typename !== 'QueryStaffingSettingsSuccess') return null;
  return (
    <NoticeForm
      key={settings.data.plannedAbsenceNoticeDays}
      organizationId={organizationId}
      current={settings.data.plannedAbsenceNoticeDays}
      editable={editable}
    />
  );
}

function NoticeForm({
  organizationId,
  current,
  editable,
}: {
  organizationId: string;
  current: number;
  editable: boolean;
}) {
  const { t } = useTranslation('organisation');
  const [days, setDays] = useState(String(current));
  const [saved, setSaved] = useState(false);
  const form = useMutationForm(UPDATE_NOTICE, {
    fields: ['plannedAbsenceNoticeDays'],
    issueText: ownIssueText(t, 'pan_issue_', PLANNED_ABSENCE_NOTICE_BOUNDS),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const value = /^\d{1,4}$/.test(days.trim()) ? Number(days.trim()) : null;
    if (value === null) {
      form.setFieldErrors({ plannedAbsenceNoticeDays: t('pan_notWhole') });
      return;
    }
    const res = await form.send({ input: { organizationId, plannedAbsenceNoticeDays: value } });
    if (res.ok) setSaved(true);
  };
  return (
    <SettingsSection
      headingId="planned-absence-heading"
      heading={t('pan_title')}
      saved={saved ? t('pan_saved') : null}
      form={form}
      editable={editable}
      submitLabel={t('pan_save')}
      submitVariant="secondary"
      onSubmit={submit}
    >
      <NumberSetting
        label={t('pan_days')}
        description={t('pan_help', PLANNED_ABSENCE_NOTICE_BOUNDS)}
        value={days}
        readOnly={!editable}
        error={form.fieldErrors.plannedAbsenceNoticeDays}
        onChange={setDays}
      />
    </SettingsSection>
  );
}
