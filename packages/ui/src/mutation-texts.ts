/**
 * What the admin says when a mutation fails, bokmål first, English second: a text for every
 * `ValidationCode` of the API (the tables are `Record<ValidationCode, string>`, so a code added to
 * the API without a text here fails the typecheck after `pnpm generate`), and the texts for a
 * version conflict, a missing record, a missing consent, a refusal and a failure on the way.
 *
 * A form may say it more precisely for its own fields (`useMutationForm`'s `issueText`); these
 * are the words every form gets without asking.
 */
import type { ResultOf } from 'gql.tada';
import { graphql } from './graphql.js';

/** Only to name the enum's type from the schema (never sent). */
const FieldIssueCode = graphql(`
  fragment FieldIssueCode on FieldIssue @_unmask { code }
`);

/** An issue of a `ValidationError`. */
export interface FieldIssue {
  field: string;
  code: ValidationCode;
  message: string;
}
/** Every code the API may put on an issue (the GraphQL enum `ValidationCode`). */
export type ValidationCode = ResultOf<typeof FieldIssueCode>['code'];

export type Language = 'nb' | 'en';

export interface MutationTexts {
  /** One text per validation code: exhaustive over the API's enum. */
  codes: Record<ValidationCode, string>;
  conflict: string;
  /** Done once already: `{{at}}` is the day and time, `{{by}}` who did it. */
  alreadyRecorded: string;
  /** Done once already, by someone not known (before who was kept). */
  alreadyRecordedNoName: string;
  notFound: string;
  consentRequired: string;
  forbidden: string;
  unauthenticated: string;
  unavailable: string;
  network: string;
  failed: string;
  /** The heading of an error summary. */
  summaryHeading: string;
}

const nb: MutationTexts = {
  codes: {
    REQUIRED: 'Må fylles ut.',
    INVALID: 'Verdien er ikke gyldig.',
    INVALID_TEXT: 'Teksten inneholder tegn som ikke kan lagres. Skriv den inn på nytt.',
    INVALID_ID: 'Finner ikke det du valgte. Last siden på nytt.',
    INVALID_CURSOR: 'Listen er utdatert. Last siden på nytt.',
    TOO_MANY: 'For mange på en gang.',
    MISSING: 'Noe som trengs først, mangler.',
    EMPTY: 'Legg til minst én.',
    ONE_OF: 'Velg nøyaktig ett av alternativene.',
    TOO_SHORT: 'Teksten er for kort.',
    TOO_LONG: 'Teksten er for lang.',
    INCOMPLETE: 'Ikke alt som trengs, er fylt ut.',
    DUPLICATE: 'Dette finnes allerede.',
    UNKNOWN: 'Fant ikke det som er valgt. Last siden på nytt og velg igjen.',
    MISMATCH: 'Verdiene passer ikke sammen.',
    CONTRADICTION: 'Verdiene motsier hverandre.',
    FORMAT: 'Nummeret har feil form.',
    CHECKSUM: 'Nummeret er ikke gyldig (kontrollsifferet stemmer ikke).',
    DATE: 'Nummeret inneholder ikke en gyldig fødselsdato.',
    SYNTHETIC_NOT_ALLOWED: 'Syntetiske (test-)fødselsnumre tas ikke imot her.',
    OUT_OF_BOUNDS: 'Verdien er utenfor det som er tillatt.',
    OUT_OF_RANGE: 'Verdien er utenfor det som er tillatt.',
    IN_FUTURE: 'Datoen kan ikke være fram i tid.',
    IN_PAST: 'Datoen kan ikke være tilbake i tid.',
    BEFORE_START: 'Slutten kan ikke være før starten.',
    END_BEFORE_START: 'Slutten kan ikke være før starten.',
    BEFORE_REFERRAL: 'Datoen kan ikke være før henvisningen.',
    BEFORE_JOINED: 'Datoen kan ikke være før personen ble med.',
    OVERLAPS: 'Perioden overlapper en annen.',
    RETENTION_PERIOD_PASSED: 'Oppbevaringstiden er ute.',
    TOO_FEW_FACE_TO_FACE: 'Planlegg minst to oppfølgingsmøter ansikt til ansikt.',
    FIRST_MEETING_TOO_LATE: 'Det første møtet ansikt til ansikt skal være innen tre dager etter start.',
    MEETING_BEFORE_START: 'Oppfølgingsmøter planlegges fra startdatoen.',
    CLOSED: 'Dette er avsluttet og kan ikke endres.',
    FINAL: 'Dette er endelig og kan ikke endres.',
    NOT_OPEN: 'Dette er ikke lenger åpent.',
    ALREADY_ENDED: 'Dette er allerede avsluttet.',
    ALREADY_DISCHARGED: 'Jobbsøkeren er allerede skrevet ut.',
    ALREADY_GIVEN: 'Samtykket er allerede gitt.',
    ALREADY_WITHDRAWN: 'Samtykket er allerede trukket tilbake.',
    ALREADY_REVOKED: 'Delingen er allerede stoppet.',
    NOT_CONSENTED: 'Jobbsøkeren har ikke samtykket til å dele dette med NAV.',
    ONLY_NAV_SHARING: 'Bare samtykket til deling med NAV har deler.',
    ALREADY_PLANNED: 'Dette er allerede planlagt.',
    ALREADY_MEMBER: 'Personen er allerede med.',
    DISCHARGED: 'Jobbsøkeren er skrevet ut.',
    WITHDRAWN: 'Samtykket er trukket tilbake.',
    NOT_REFERRED: 'Jobbsøkeren er ikke i fasen henvist.',
    NOT_A_JOB: 'Dette er ikke en jobb.',
    WITHOUT_JOB_SEEKER: 'Velg en jobbsøker.',
    NOT_TUNABLE: 'Denne fristen kan ikke justeres.',
    NOT_IN_TEAM: 'Personen er ikke med i teamet.',
    TEAM_FULL: 'Teamet har allerede ti jobbspesialister.',
    SAME_SPECIALIST: 'Jobbsøkeren har allerede denne jobbspesialisten.',
    SAME_PERSON: 'Det kan ikke være samme person.',
    ABSENT: 'Personen er fraværende.',
    OUT_OF_REACH: 'Personen kan ikke velges her.',
    HAS_PORTFOLIO: 'Personen har fortsatt jobbsøkere.',
    OVER_CASELOAD_LIMIT: 'Mottakeren ville fått flere jobbsøkere enn taket (20 per hele stilling).',
    MEMBERSHIP_ENDED: 'Medlemskapet er avsluttet.',
    NOT_A_SUPERVISOR: 'Personen er ikke metodeveileder i virksomheten.',
    NOT_A_COUNSELLOR_THERE: 'Personen er ikke NAV-veileder ved det kontoret.',
    NOT_A_NAV_OFFICE: 'Virksomheten er ikke et NAV-kontor.',
    OTHER_ORGANIZATION: 'Dette hører til en annen virksomhet.',
    ROLE_NOT_FOR_ORGANIZATION: 'Rollen finnes ikke i denne typen virksomhet.',
    OWN_ADMIN_ROLE: 'Du kan ikke avslutte din egen administratorrolle.',
    LAST_PROVIDER: 'Den siste innloggingsmåten kan ikke slås av.',
  },
  conflict: 'Noen andre har endret dette i mellomtiden. Last inn på nytt og prøv igjen.',
  alreadyRecorded: 'Dette ble allerede registrert {{at}} av {{by}}.',
  alreadyRecordedNoName: 'Dette ble allerede registrert {{at}}.',
  notFound: 'Fant det ikke. Det kan være slettet, eller du har ikke lenger tilgang.',
  consentRequired: 'Dette krever samtykke fra jobbsøkeren.',
  forbidden: 'Du har ikke tilgang til å gjøre dette.',
  unauthenticated: 'Du er logget ut. Logg inn igjen.',
  unavailable: 'Tjenesten er opptatt eller utilgjengelig akkurat nå. Prøv igjen om litt.',
  network: 'Fikk ikke kontakt med tjenesten. Sjekk nettet og prøv igjen.',
  failed: 'Noe gikk galt. Prøv igjen.',
  summaryHeading: 'Rett dette før du lagrer:',
};

const en: MutationTexts = {
  codes: {
    REQUIRED: 'Required.',
    INVALID: 'The value is not valid.',
    INVALID_TEXT: 'The text holds characters that cannot be saved. Type it again.',
    INVALID_ID: 'What you chose was not found. Reload the page.',
    INVALID_CURSOR: 'The list is out of date. Reload the page.',
    TOO_MANY: 'Too many at a time.',
    MISSING: 'Something needed first is missing.',
    EMPTY: 'Add at least one.',
    ONE_OF: 'Choose exactly one of the alternatives.',
    TOO_SHORT: 'The text is too short.',
    TOO_LONG: 'The text is too long.',
    INCOMPLETE: 'Not everything needed is filled in.',
    DUPLICATE: 'This exists already.',
    UNKNOWN: 'What was chosen was not found. Reload the page and choose again.',
    MISMATCH: 'The values do not fit together.',
    CONTRADICTION: 'The values contradict each other.',
    FORMAT: 'The number has the wrong form.',
    CHECKSUM: 'The number is not valid (the check digit does not match).',
    DATE: 'The number holds no valid date of birth.',
    SYNTHETIC_NOT_ALLOWED: 'Synthetic (test) identity numbers are not accepted here.',
    OUT_OF_BOUNDS: 'The value is outside what is allowed.',
    OUT_OF_RANGE: 'The value is outside what is allowed.',
    IN_FUTURE: 'The date cannot be in the future.',
    IN_PAST: 'The date cannot be in the past.',
    BEFORE_START: 'The end cannot be before the start.',
    END_BEFORE_START: 'The end cannot be before the start.',
    BEFORE_REFERRAL: 'The date cannot be before the referral.',
    BEFORE_JOINED: 'The date cannot be before the person joined.',
    OVERLAPS: 'The period overlaps another one.',
    RETENTION_PERIOD_PASSED: 'The retention period has passed.',
    TOO_FEW_FACE_TO_FACE: 'Plan at least two face-to-face follow-up meetings.',
    FIRST_MEETING_TOO_LATE: 'The first face-to-face meeting is within three days of the start.',
    MEETING_BEFORE_START: 'Follow-up meetings are planned from the start date.',
    CLOSED: 'This is closed and cannot be changed.',
    FINAL: 'This is final and cannot be changed.',
    NOT_OPEN: 'This is no longer open.',
    ALREADY_ENDED: 'This has ended already.',
    ALREADY_DISCHARGED: 'The job seeker is discharged already.',
    ALREADY_GIVEN: 'The consent is given already.',
    ALREADY_WITHDRAWN: 'The consent is withdrawn already.',
    ALREADY_REVOKED: 'The sharing is stopped already.',
    NOT_CONSENTED: 'The job seeker has not consented to sharing this with NAV.',
    ONLY_NAV_SHARING: 'Only the consent to share with NAV has parts.',
    ALREADY_PLANNED: 'This is planned already.',
    ALREADY_MEMBER: 'The person is a member already.',
    DISCHARGED: 'The job seeker is discharged.',
    WITHDRAWN: 'The consent is withdrawn.',
    NOT_REFERRED: 'The job seeker is not in the referred phase.',
    NOT_A_JOB: 'This is not a job.',
    WITHOUT_JOB_SEEKER: 'Choose a job seeker.',
    NOT_TUNABLE: 'This deadline cannot be tuned.',
    NOT_IN_TEAM: 'The person is not a member of the team.',
    TEAM_FULL: 'The team has ten job specialists already.',
    SAME_SPECIALIST: 'The job seeker has this job specialist already.',
    SAME_PERSON: 'It cannot be the same person.',
    ABSENT: 'The person is absent.',
    OUT_OF_REACH: 'The person cannot be chosen here.',
    HAS_PORTFOLIO: 'The person still has job seekers.',
    OVER_CASELOAD_LIMIT: 'The receiver would have more job seekers than the ceiling (20 per full-time post).',
    MEMBERSHIP_ENDED: 'The membership has ended.',
    NOT_A_SUPERVISOR: 'The person is not a method supervisor of the organisation.',
    NOT_A_COUNSELLOR_THERE: 'The person is not a NAV counsellor at that office.',
    NOT_A_NAV_OFFICE: 'The organisation is not a NAV office.',
    OTHER_ORGANIZATION: 'This belongs to another organisation.',
    ROLE_NOT_FOR_ORGANIZATION: 'The role does not exist in this kind of organisation.',
    OWN_ADMIN_ROLE: 'You cannot end your own administrator role.',
    LAST_PROVIDER: 'The last sign-in provider cannot be turned off.',
  },
  conflict: 'Someone else changed this meanwhile. Reload and try again.',
  alreadyRecorded: 'This was already recorded on {{at}} by {{by}}.',
  alreadyRecordedNoName: 'This was already recorded on {{at}}.',
  notFound: 'Not found. It may have been deleted, or you no longer have access.',
  consentRequired: "This needs the job seeker's consent.",
  forbidden: 'You may not do this.',
  unauthenticated: 'You are signed out. Sign in again.',
  unavailable: 'The service is busy or unavailable right now. Try again shortly.',
  network: 'Could not reach the service. Check the network and try again.',
  failed: 'Something went wrong. Try again.',
  summaryHeading: 'Correct this before saving:',
};

export const mutationTexts: Record<Language, MutationTexts> = { nb, en };

/** The language of an i18next language tag: English when asked for, bokmål otherwise. */
export const languageOf = (tag: string | undefined): Language => (tag?.startsWith('en') ? 'en' : 'nb');
