/**
 * Texts of issue 17 items 6 and 7 on the team's screens (bokmål first, English second): the
 * job seekers without the consent to team and NAV discussion (seed 001 §3), counted, with the
 * request to the specialist.
 */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  tcr_title_one: '{{count}} jobbsøker mangler samtykke til drøfting i team og med NAV',
  tcr_title_other: '{{count}} jobbsøkere mangler samtykke til drøfting i team og med NAV',
  tcr_body:
    'Alle jobbsøkere skal ha underskrevet et samtykke til at saken kan drøftes i teamet og med NAV. Uten samtykket kan du ikke se hvem det gjelder: be {{name}} innhente det, eller registrere at jobbsøkeren har sagt nei.',
  tcr_refused_one: '{{count}} jobbsøker har sagt nei til drøfting i team.',
  tcr_refused_other: '{{count}} jobbsøkere har sagt nei til drøfting i team.',
  tcr_lastRequested: 'Sist bedt om {{day}}.',
  tcr_ask: 'Be {{name}} innhente samtykket',
  tcr_sent_one: '{{name}} har fått beskjed om å innhente samtykket for {{count}} jobbsøker.',
  tcr_sent_other: '{{name}} har fått beskjed om å innhente samtykket for {{count}} jobbsøkere.',
  tcr_issue_EMPTY: 'Ingen av jobbsøkerne mangler samtykket lenger.',
};

const en: Texts = {
  tcr_title_one: '{{count}} job seeker has no consent to discussion in the team and with NAV',
  tcr_title_other: '{{count}} job seekers have no consent to discussion in the team and with NAV',
  tcr_body:
    'Every job seeker is to have signed a consent to their case being discussed in the team and with NAV. Without it you cannot see who they are: ask {{name}} to obtain it, or to record that the job seeker said no.',
  tcr_refused_one: '{{count}} job seeker said no to discussion in the team.',
  tcr_refused_other: '{{count}} job seekers said no to discussion in the team.',
  tcr_lastRequested: 'Last asked on {{day}}.',
  tcr_ask: 'Ask {{name}} to obtain the consent',
  tcr_sent_one: '{{name}} has been asked to obtain the consent for {{count}} job seeker.',
  tcr_sent_other: '{{name}} has been asked to obtain the consent for {{count}} job seekers.',
  tcr_issue_EMPTY: 'None of the job seekers misses the consent any more.',
};

export const texts17 = { nb, en };
