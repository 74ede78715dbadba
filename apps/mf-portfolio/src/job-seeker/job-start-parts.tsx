/**
 * The job start form's parts (`JobStartForm`): hours and wage (decimal comma), and the three
 * criteria of competitive work with what they make of the job, and the employer meeting wanted
 * before an ordinary job's start (seed 000 §4.1) beside the 3-day follow-up duty (§7).
 */
import { fieldId } from '@ips/ui';
import { Alert, BodyShort, Checkbox, CheckboxGroup, HStack, TextField } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';

export const CRITERIA = ['openLabourMarket', 'atLeastMinimumWage', 'openToAnyone'] as const;
export type Criterion = (typeof CRITERIA)[number];
const CRITERION_TEXT: Record<Criterion, string> = {
  openLabourMarket: 'wk_openLabourMarket',
  atLeastMinimumWage: 'wk_atLeastMinimumWage',
  openToAnyone: 'wk_openToAnyone',
};

/** Hours a week and the hourly wage, side by side where there is room. */
export function HoursAndWage({
  hours,
  onHours,
  wage,
  onWage,
  issues,
}: {
  hours: string;
  onHours: (value: string) => void;
  wage: string;
  onWage: (value: string) => void;
  issues: Record<string, string | undefined>;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <HStack gap="space-12" wrap>
      <TextField
        id={fieldId('job-start', 'hoursPerWeek')}
        label={t('wk_hoursPerWeek')}
        value={hours}
        inputMode="decimal"
        htmlSize={8}
        error={issues.hoursPerWeek}
        onChange={(e) => onHours(e.target.value)}
      />
      <TextField
        id={fieldId('job-start', 'hourlyWage')}
        label={t('wk_hourlyWage')}
        value={wage}
        inputMode="decimal"
        htmlSize={8}
        error={issues.hourlyWage}
        onChange={(e) => onWage(e.target.value)}
      />
    </HStack>
  );
}

/** The criteria of competitive work, whether the job counts, and (ordinary jobs) the employer meeting. */
export function CompetitiveCriteria({
  kind,
  criteria,
  onCriteria,
  competitive,
  employerMeetingWanted,
  onEmployerMeetingWanted,
}: {
  kind: string;
  criteria: Criterion[];
  onCriteria: (criteria: Criterion[]) => void;
  competitive: boolean;
  employerMeetingWanted: boolean;
  onEmployerMeetingWanted: (wanted: boolean) => void;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <>
      <CheckboxGroup
        legend={t('wk_criteria')}
        description={t('wk_criteriaHelp')}
        size="small"
        value={criteria}
        onChange={(v: Criterion[]) => onCriteria(v)}
      >
        {CRITERIA.map((c) => (
          <Checkbox key={c} value={c}>
            {t(CRITERION_TEXT[c])}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <Alert variant={competitive ? 'success' : 'info'} size="small" inline role="status">
        {t(competitive ? 'wk_countsCompetitive' : 'wk_notCompetitive')}
      </Alert>
      {kind === 'ORDINARY_JOB' ? (
        <>
          <Checkbox
            checked={employerMeetingWanted}
            description={t('wk_employerMeetingHelp')}
            onChange={(e) => onEmployerMeetingWanted(e.target.checked)}
          >
            {t('wk_employerMeeting')}
          </Checkbox>
          <BodyShort size="small">{t('wk_followUpDuty')}</BodyShort>
        </>
      ) : null}
    </>
  );
}
