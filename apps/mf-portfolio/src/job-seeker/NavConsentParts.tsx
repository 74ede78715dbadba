/**
 * The parts of the case a NAV-sharing consent covers (issue 17 item 1; domain.md §3 "NAV sharing
 * has parts"): picked on the consent form, shown on the consent, and the only parts the NAV sharing
 * form offers. Basic details always go with the consent (the API adds them), so they are shown,
 * checked and fixed; treatment details are no part at all.
 */
import { Checkbox, CheckboxGroup } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import type { JobSeekerView } from './query.js';

export type NavPart = JobSeekerView['navSharingGrants'][number]['scopes'][number];

/** Every part, in the order screens show them (the API's `NavShareScope`). */
export const NAV_PARTS = [
  'BASIC_DETAILS',
  'EMPLOYMENT_STATUS',
  'CAREER_PROFILE',
  'SUPPORT_PLAN',
  'DIALOGUE',
  'BENEFITS_COUNSELLING',
] as const satisfies readonly NavPart[];

/** The parts in the screens' order, basic details always first. */
export const withBasic = (parts: readonly NavPart[]): NavPart[] =>
  NAV_PARTS.filter((p) => p === 'BASIC_DETAILS' || parts.includes(p));

export function NavConsentParts({
  value,
  onChange,
  error,
  narrowing,
}: {
  value: readonly NavPart[];
  onChange: (parts: NavPart[]) => void;
  error?: string;
  /** On a change of a given consent: say what taking a part away does. */
  narrowing?: boolean;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <CheckboxGroup
      legend={t('np_legend')}
      description={narrowing ? `${t('np_help')} ${t('np_narrowHelp')}` : t('np_help')}
      value={withBasic(value)}
      error={error}
      onChange={(v: NavPart[]) => onChange(withBasic(v))}
    >
      {NAV_PARTS.map((p) => (
        <Checkbox key={p} value={p} disabled={p === 'BASIC_DETAILS'}>
          {t(`navScope_${p}`)}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}
