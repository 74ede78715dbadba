/**
 * Texts of issue 17 item 1 (bokmål first, English second): the parts of the case the job seeker
 * consents to share with NAV, on the consent form and the NAV sharing form.
 */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  navScope_DIALOGUE: 'Dialog med NAV',
  np_legend: 'Hva jobbsøkeren samtykker til at NAV får se',
  np_help: 'Grunnopplysninger (navn og fase) følger alltid med. Behandlingsopplysninger deles aldri med NAV.',
  np_narrowHelp: 'Tar du bort en del, mister alle NAV-kontorer som har fått den, tilgangen med en gang.',
  np_parts: 'Deler med NAV: {{parts}}',
  con_issue_NOT_CONSENTED: 'Jobbsøkeren har ikke samtykket til å dele dette med NAV.',
  con_issue_ONLY_NAV_SHARING: 'Bare samtykket til deling med NAV har deler.',
  nsh_issue_NOT_CONSENTED: 'Jobbsøkeren har ikke samtykket til å dele dette med NAV. Endre samtykket først.',
  nsh_partsHelp:
    'Bare det jobbsøkeren har samtykket til å dele med NAV, tilbys. Grunnopplysninger deles alltid.',
  nsh_notCovered: 'Ikke dekket av samtykket til deling med NAV: {{parts}}.',
  nsh_shared: 'NAV ser nå: {{parts}}',
};

const en: Texts = {
  navScope_DIALOGUE: 'Dialogue with NAV',
  np_legend: 'What the job seeker consents to NAV seeing',
  np_help: 'Basic details (name and phase) always go with it. Treatment details are never shared with NAV.',
  np_narrowHelp: 'Taking a part away removes it at once from every NAV office it was shared with.',
  np_parts: 'Shares with NAV: {{parts}}',
  con_issue_NOT_CONSENTED: 'The job seeker has not consented to sharing this with NAV.',
  con_issue_ONLY_NAV_SHARING: 'Only the consent to share with NAV has parts.',
  nsh_issue_NOT_CONSENTED:
    'The job seeker has not consented to sharing this with NAV. Change the consent first.',
  nsh_partsHelp:
    'Only what the job seeker consented to share with NAV is offered. Basic details always go with it.',
  nsh_notCovered: 'Not covered by the consent to share with NAV: {{parts}}.',
  nsh_shared: 'NAV sees now: {{parts}}',
};

export const nav17Texts = { nb, en };
