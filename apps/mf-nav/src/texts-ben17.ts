/** Texts of the benefits counselling shared with NAV (issue 17), bokmål first, English second. */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  scope_BENEFITS_COUNSELLING: 'Ytelsesveiledning',
  ben_title: 'Ytelsesveiledning',
  ben_none: 'Ingen ytelsesveiledning registrert.',
  ben_givenOn: '{{day}}, gitt av {{by}}',
  ben_referred: 'Sendt NAV for beregning: {{note}}',
  ben_notReferred: 'Ikke sendt NAV for beregning.',
  ben_followUpOn: 'Følges opp {{day}}',
  ben_benefit_WORK_ASSESSMENT_ALLOWANCE: 'Arbeidsavklaringspenger (AAP)',
  ben_benefit_DISABILITY_BENEFIT: 'Uføretrygd',
  ben_benefit_SOCIAL_ASSISTANCE: 'Økonomisk sosialhjelp',
  ben_benefit_SICKNESS_BENEFIT: 'Sykepenger',
  ben_benefit_UNEMPLOYMENT_BENEFIT: 'Dagpenger',
  ben_benefit_QUALIFICATION_BENEFIT: 'Kvalifiseringsstønad',
  ben_benefit_HOUSING_ALLOWANCE: 'Bostøtte',
  ben_benefit_OTHER: 'Annen ytelse',
};

const en: Texts = {
  scope_BENEFITS_COUNSELLING: 'Benefits counselling',
  ben_title: 'Benefits counselling',
  ben_none: 'No benefits counselling recorded.',
  ben_givenOn: '{{day}}, given by {{by}}',
  ben_referred: 'Referred to NAV for calculation: {{note}}',
  ben_notReferred: 'Nothing referred to NAV for calculation.',
  ben_followUpOn: 'Follow up on {{day}}',
  ben_benefit_WORK_ASSESSMENT_ALLOWANCE: 'Work assessment allowance (AAP)',
  ben_benefit_DISABILITY_BENEFIT: 'Disability benefit',
  ben_benefit_SOCIAL_ASSISTANCE: 'Financial social assistance',
  ben_benefit_SICKNESS_BENEFIT: 'Sickness benefit',
  ben_benefit_UNEMPLOYMENT_BENEFIT: 'Unemployment benefit',
  ben_benefit_QUALIFICATION_BENEFIT: 'Qualification benefit',
  ben_benefit_HOUSING_ALLOWANCE: 'Housing allowance',
  ben_benefit_OTHER: 'Other benefit',
};

export const ben17Texts = { nb, en };
