/**
 * Each open duty leads straight to the form that fulfils it (issue 15 item 5): a task's rule (see
 * `packages/domain/src/deadline-rules.ts`) → the job seeker's page, the tab, the form to open and
 * the anchor that gets the focus. Forms of other areas of the page (intake, consent, career profile,
 * job start) are reached by their anchors.
 */

/** The forms of the contacts tab that a link can open (`?form=`). */
export type ContactsForm = 'meeting' | 'employer-contact' | 'reminder';

/** The anchor (element id) of each form a duty can lead to. */
export const FORM_ANCHORS = {
  meeting: 'meeting-form',
  'employer-contact': 'employer-contact-form',
  reminder: 'reminder-form',
  intake: 'intake-form',
  consent: 'consent-panel',
  careerProfile: 'career-profile',
  jobStart: 'job-start-form',
  dialogue: 'dlg-heading',
} as const;

export interface DutyTarget {
  tab: 'overview' | 'contacts' | 'dialogue';
  form?: ContactsForm;
  anchor: (typeof FORM_ANCHORS)[keyof typeof FORM_ANCHORS];
  /** What the meeting form starts with (the purpose that closes the duty). */
  purpose?: 'EMPLOYER_MEETING_BEFORE_START' | 'FOLLOW_ALONG' | 'JOB_END_FOLLOW_UP' | 'OTHER';
}

/** The form that fulfils each rule's duty. */
export const DUTY_TARGETS: Record<string, DutyTarget> = {
  // Rapid job search: a face-to-face employer contact (seed 003 §6).
  FIRST_EMPLOYER_CONTACT: {
    tab: 'contacts',
    form: 'employer-contact',
    anchor: FORM_ANCHORS['employer-contact'],
  },
  // The meeting with the employer in the last week before the start (seed 000 §4.1).
  EMPLOYER_MEETING_BEFORE_START: {
    tab: 'contacts',
    form: 'meeting',
    anchor: FORM_ANCHORS.meeting,
    purpose: 'EMPLOYER_MEETING_BEFORE_START',
  },
  // The first follow-up within three days of the start (seed 000 §7).
  FIRST_FOLLOW_UP_AFTER_START: {
    tab: 'contacts',
    form: 'meeting',
    anchor: FORM_ANCHORS.meeting,
    purpose: 'FOLLOW_ALONG',
  },
  // Contact within three days of learning that a job ended (seed 000 §8).
  CONTACT_AFTER_JOB_END: {
    tab: 'contacts',
    form: 'meeting',
    anchor: FORM_ANCHORS.meeting,
    purpose: 'JOB_END_FOLLOW_UP',
  },
  // The new specialist meets the job seeker soon after a transfer (seed 001 §4.2).
  MEET_AFTER_TRANSFER: { tab: 'contacts', form: 'meeting', anchor: FORM_ANCHORS.meeting, purpose: 'OTHER' },
  // A consent that expires: renew it or end the sharing, in the consent panel.
  CONSENT_EXPIRY: { tab: 'overview', anchor: FORM_ANCHORS.consent },
  // NAV's message waits for an answer within 48 hours (docs/nav-dialogue.md): the dialogue tab.
  NAV_DIALOGUE_ANSWER: { tab: 'dialogue', anchor: FORM_ANCHORS.dialogue },
};

/**
 * The link of a duty: `/portfolio/<id>?tab=contacts&form=meeting&purpose=FOLLOW_ALONG&job=<id>#meeting-form`.
 * A rule without a known form leads to the job seeker's overview.
 */
export function dutyLink(rule: string, jobSeekerId: string, sourceId?: string | null): string {
  const base = `/portfolio/${encodeURIComponent(jobSeekerId)}`;
  const target = DUTY_TARGETS[rule];
  if (!target) return base;
  const params = new URLSearchParams();
  if (target.tab !== 'overview') params.set('tab', target.tab);
  if (target.form) params.set('form', target.form);
  if (target.purpose) params.set('purpose', target.purpose);
  if (sourceId && target.form === 'meeting' && target.purpose !== 'OTHER') params.set('job', sourceId);
  const query = params.toString();
  return `${base}${query ? `?${query}` : ''}#${target.anchor}`;
}

/**
 * Each duty's title in the UI's language. The API answers the bokmål title of the rule
 * (`DEADLINE_RULES` in `@ips/domain`); the English one is the UI's, so the language switch reaches
 * the duties too. A rule this table does not know keeps the API's title.
 */
export const DUTY_TITLES: Record<string, { nb: string; en: string }> = {
  FIRST_EMPLOYER_CONTACT: {
    nb: 'Første arbeidsgiverkontakt innen én måned etter inntak',
    en: 'First employer contact within one month of the intake',
  },
  EMPLOYER_MEETING_BEFORE_START: {
    nb: 'Møte med arbeidsgiver siste uka før jobbstart',
    en: 'Meeting with the employer in the last week before the job starts',
  },
  FIRST_FOLLOW_UP_AFTER_START: {
    nb: 'Første oppfølgingsmøte innen tre dager etter jobbstart',
    en: 'First follow-up meeting within three days of the job start',
  },
  CONTACT_AFTER_JOB_END: {
    nb: 'Kontakt jobbsøker senest tre dager etter at jobben ble avsluttet',
    en: 'Contact the job seeker within three days of the job ending',
  },
  MEET_AFTER_TRANSFER: {
    nb: 'Ny jobbspesialist møter jobbsøker snarlig etter overføring',
    en: 'The new job specialist meets the job seeker soon after the transfer',
  },
  CONSENT_EXPIRY: {
    nb: 'Samtykke utløper: forny det eller avslutt delingen',
    en: 'Consent expires: renew it or end the sharing',
  },
  BENEFITS_FOLLOW_UP: { nb: 'Følg opp ytelsesveiledningen', en: 'Follow up the benefits counselling' },
  NAV_DIALOGUE_ANSWER: {
    nb: 'Svar i dialogen med NAV innen 48 timer',
    en: 'Answer in the dialogue with NAV within 48 hours',
  },
};

/** The duty's title in the UI's language (`en…` → English, else bokmål); the API's title otherwise. */
export function dutyTitle(rule: string, language: string | undefined, apiTitle: string): string {
  const texts = DUTY_TITLES[rule];
  if (!texts) return apiTitle;
  return language?.startsWith('en') ? texts.en : texts.nb;
}
