/**
 * Benefits counselling (IPS principle 5, seed 003 §5: "Individuell tilpasset veiledning om
 * økonomiske ytelser … Frykt for å miste ytelser kan hindre mennesker å søke lønnet arbeid"): the
 * benefits an IPS job seeker typically has, with their Norwegian names (docs/benefits-counselling.md).
 */

export const BENEFITS = [
  'WORK_ASSESSMENT_ALLOWANCE',
  'DISABILITY_BENEFIT',
  'SOCIAL_ASSISTANCE',
  'SICKNESS_BENEFIT',
  'UNEMPLOYMENT_BENEFIT',
  'QUALIFICATION_BENEFIT',
  'HOUSING_ALLOWANCE',
  'OTHER',
] as const;

export type BenefitCode = (typeof BENEFITS)[number];

/** The benefit's name in bokmål, as NAV and the records write it. */
export const BENEFIT_NAMES_NB: Record<BenefitCode, string> = {
  WORK_ASSESSMENT_ALLOWANCE: 'Arbeidsavklaringspenger (AAP)',
  DISABILITY_BENEFIT: 'Uføretrygd',
  SOCIAL_ASSISTANCE: 'Økonomisk sosialhjelp',
  SICKNESS_BENEFIT: 'Sykepenger',
  UNEMPLOYMENT_BENEFIT: 'Dagpenger',
  QUALIFICATION_BENEFIT: 'Kvalifiseringsstønad',
  HOUSING_ALLOWANCE: 'Bostøtte',
  OTHER: 'Annen ytelse',
};

/** The longest texts a counselling record keeps (the form's `maxLength`s are the same). */
export const BENEFITS_TEXT_MAX = 2000;
