/**
 * Texts of issue 17 items 2–4 (bokmål first, English second): the employer-contact consent on the
 * contact forms, the NAV delivery's cancellation and retraction, and the kind of a contact.
 */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  // item 2: employer contact needs the employer-contact consent (seed 000 §3)
  ec_consentMissing:
    '{{name}} har ikke samtykket til at du kontakter arbeidsgivere direkte. Jobbstøtten går da gjennom jobbsøkeren selv. Jobbutvikling kan registreres uten å nevne jobbsøkeren, på siden Arbeidsgivere.',
  ec_consentMissingShort:
    'Jobbsøkeren har ikke samtykket til at du kontakter arbeidsgivere direkte. Registrer kontakten uten å nevne jobbsøkeren.',
  ec_toEmployers: 'Til Arbeidsgivere',
  ec_onlyConsented: 'Bare jobbsøkere som har samtykket til at du kontakter arbeidsgivere direkte.',
  ec_notOffered_one: '{{count}} av jobbsøkerne dine har ikke gitt dette samtykket og vises ikke her.',
  ec_notOffered_other: '{{count}} av jobbsøkerne dine har ikke gitt dette samtykket og vises ikke her.',
  ec_meetingConsent:
    'Møter med arbeidsgiver krever at jobbsøkeren har samtykket til at du kontakter arbeidsgivere direkte.',
  // item 3: the NAV delivery after a withdrawal
  navState_CANCELLED: 'Stoppet: samtykket ble trukket tilbake før sending',
  navState_RETRACTING: 'Trekkes tilbake hos NAV',
  navState_RETRACTED: 'Trukket tilbake hos NAV',
  navState_REPLACED: 'Erstattet av en nyere versjon',
  // item 4: the kind of a contact
  ck_legend: 'Kontaktform',
  ck_FACE_TO_FACE: 'Ansikt til ansikt',
  ck_PHONE: 'Telefon',
  ck_VIDEO: 'Video',
  ck_jobEndHelp: 'Kontakt etter avsluttet jobb kan være på telefon, video eller ansikt til ansikt.',
  con_effect_SUPPORT_PLAN_TO_NAV_SYSTEM:
    'Jobbstøtteplanen kan ikke lenger sendes til NAVs fagsystem. Det som ligger i kø, stoppes med en gang, og NAV blir bedt om å slette planer som alt er sendt.',
};

const en: Texts = {
  ec_consentMissing:
    '{{name}} has not consented to you contacting employers directly. Job support then goes through the job seeker alone. Job development can be logged without naming the job seeker, on the Employers page.',
  ec_consentMissingShort:
    'The job seeker has not consented to you contacting employers directly. Log the contact without naming the job seeker.',
  ec_toEmployers: 'To Employers',
  ec_onlyConsented: 'Only job seekers who consented to you contacting employers directly.',
  ec_notOffered_one: '{{count}} of your job seekers has not given this consent and is not listed here.',
  ec_notOffered_other: '{{count}} of your job seekers have not given this consent and are not listed here.',
  ec_meetingConsent:
    'Meetings with the employer need the job seeker’s consent to you contacting employers directly.',
  navState_CANCELLED: 'Stopped: the consent was withdrawn before it was sent',
  navState_RETRACTING: 'Being retracted at NAV',
  navState_RETRACTED: 'Retracted at NAV',
  navState_REPLACED: 'Replaced by a newer revision',
  ck_legend: 'Kind of contact',
  ck_FACE_TO_FACE: 'Face to face',
  ck_PHONE: 'Phone',
  ck_VIDEO: 'Video',
  ck_jobEndHelp: 'Contact after a job ended may be by phone, video or face to face.',
  con_effect_SUPPORT_PLAN_TO_NAV_SYSTEM:
    "The support plan can no longer be sent to NAV's case system. What is queued stops at once, and NAV is asked to delete plans already sent.",
};

export const consent17Texts = { nb, en };
