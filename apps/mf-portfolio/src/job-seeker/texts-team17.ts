/**
 * Texts of issue 17 items 6 and 9 on the specialist's screens (bokmål first, English second): the
 * consent to team and NAV discussion (seed 001 §3) and the protected-address marker.
 */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  // item 6: the consent to team and NAV discussion (seed 001 §3)
  tc_missingTitle: 'Mangler samtykke til drøfting i team og med NAV',
  tc_missingBody:
    'Alle jobbsøkere skal ha underskrevet et samtykke til at saken kan drøftes i jobbspesialistteamet og med NAV. Be jobbsøkeren om samtykket og registrer det, eller registrer at jobbsøkeren har sagt nei.',
  tc_requested: 'Metodeveilederen ba om samtykket {{day}}.',
  tc_record: 'Registrer samtykket',
  tc_recordRefusal: 'Jobbsøkeren har sagt nei',
  tc_refused:
    'Jobbsøkeren har sagt nei til at saken drøftes i teamet og med NAV (registrert {{day}}). Saken drøftes ikke i teamet.',
  tc_undoRefusal: 'Angre: jobbsøkeren har ikke sagt nei',
  tc_issue_ALREADY_GIVEN:
    'Samtykket er gitt og gjelder nå. Trekk det tilbake i samtykkepanelet hvis jobbsøkeren har ombestemt seg.',
  tc_issue_ALREADY_DISCHARGED: 'Jobbsøkeren er skrevet ut.',
  tc_countMissing: 'Mangler samtykke til drøfting i team',
  tc_filterMissing: 'Mangler samtykke',
  tc_tagMissing: 'Mangler samtykke',
  // item 9: protected persons (kode 6/7)
  pp_title_STRICTLY_CONFIDENTIAL: 'Strengt fortrolig adresse (kode 6)',
  pp_body_STRICTLY_CONFIDENTIAL:
    'Adressen og hvor jobbsøkeren bor eller jobber, skal ikke komme frem for noen. Arbeidsgiveren vises bare for deg, ikke for kolleger, metodeveileder eller NAV. Ikke nevn arbeidssted eller bosted i notater, møter eller til andre.',
  pp_title_CONFIDENTIAL: 'Fortrolig adresse (kode 7)',
  pp_body_CONFIDENTIAL:
    'Adressen vises bare for deg. Ikke gi den videre, og vær varsom med opplysninger om hvor jobbsøkeren bor.',
  pp_tag_STRICTLY_CONFIDENTIAL: 'Kode 6',
  pp_tag_CONFIDENTIAL: 'Kode 7',
};

const en: Texts = {
  tc_missingTitle: 'No consent to discussion in the team and with NAV',
  tc_missingBody:
    'Every job seeker is to have signed a consent to their case being discussed in the specialist team and with NAV. Ask the job seeker for it and record it, or record that the job seeker said no.',
  tc_requested: 'The method supervisor asked for the consent on {{day}}.',
  tc_record: 'Record the consent',
  tc_recordRefusal: 'The job seeker said no',
  tc_refused:
    'The job seeker said no to their case being discussed in the team and with NAV (recorded {{day}}). The case is not discussed in the team.',
  tc_undoRefusal: 'Undo: the job seeker did not say no',
  tc_issue_ALREADY_GIVEN:
    'The consent is given and in force. Withdraw it in the consent panel if the job seeker changed their mind.',
  tc_issue_ALREADY_DISCHARGED: 'The job seeker is discharged.',
  tc_countMissing: 'No consent to team discussion',
  tc_filterMissing: 'No consent',
  tc_tagMissing: 'No consent',
  pp_title_STRICTLY_CONFIDENTIAL: 'Strictly confidential address (code 6)',
  pp_body_STRICTLY_CONFIDENTIAL:
    'The address and where the job seeker lives or works must not come out to anyone. The employer is shown to you only, not to colleagues, the method supervisor or NAV. Do not mention the workplace or home in notes, meetings or to others.',
  pp_title_CONFIDENTIAL: 'Confidential address (code 7)',
  pp_body_CONFIDENTIAL:
    'The address is shown to you only. Do not pass it on, and be careful with where the job seeker lives.',
  pp_tag_STRICTLY_CONFIDENTIAL: 'Code 6',
  pp_tag_CONFIDENTIAL: 'Code 7',
};

export const team17Texts = { nb, en };
