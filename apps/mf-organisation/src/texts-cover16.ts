/** Texts of the leader's portfolio move on the absences page (issue 16), bokmål first. */
import type { Texts } from '@ips/ui';

export const textsCover16: { nb: Texts; en: Texts } = {
  nb: {
    pm_title: 'Flytt porteføljen til en kollega',
    pm_intro:
      'Mens en jobbspesialist er borte, kan du flytte jobbsøkerne som har samtykket til drøfting i team, til en kollega i samme team. Du ser bare antall, ikke hvem. Metodeveilederen får beskjed.',
    pm_absence: 'Fraværende jobbspesialist',
    pm_absenceOption: '{{name}} (fra {{from}})',
    pm_counts:
      '{{total}} jobbsøkere i porteføljen: {{movable}} kan flyttes, {{withoutTeamConsent}} mangler samtykke til drøfting i team.',
    pm_noConsent:
      '{{count}} mangler samtykke til drøfting i team og blir stående til samtykket er registrert. Be jobbspesialisten eller metodeveilederen innhente samtykket.',
    pm_receiver: 'Hvem tar over',
    pm_receiverOption: '{{name}} – {{caseload}} av høyst {{limit}}',
    pm_noReceivers: 'Ingen kollega i samme team kan ta over nå.',
    pm_temporary: 'Midlertidig, mens fraværet varer',
    pm_move_one: 'Flytt {{count}} jobbsøker nå',
    pm_move_other: 'Flytt {{count}} jobbsøkere nå',
    pm_nothing: 'Ingen jobbsøkere å flytte.',
    pm_done: '{{moved}} av {{total}} jobbsøkere er flyttet til {{name}}.',
    pm_notApplied: 'Ingen ble flyttet: én flytting ble stoppet, så ingen ble gjort (alt eller ingenting).',
    pm_result: 'Resultat per jobbsøker',
    pm_item: 'Jobbsøker {{position}} av {{total}}: {{outcome}}',
    pm_outcome_MOVED: 'flyttet',
    pm_outcome_NO_TEAM_CONSENT: 'ikke flyttet: mangler samtykke til drøfting i team',
    pm_outcome_NOT_IN_RECEIVERS_TEAM: 'ikke flyttet: mottakeren er ikke i jobbsøkerens team',
    pm_outcome_CROSS_SERVICE_CONSENT_REQUIRED:
      'ikke flyttet: mangler samtykke til overføring til en annen tjeneste',
    pm_outcome_REFUSED: 'ikke flyttet: en regel for overføring stoppet det',
    pm_outcome_NOT_APPLIED: 'ikke flyttet (alt eller ingenting)',
  },
  en: {
    pm_title: 'Move the portfolio to a colleague',
    pm_intro:
      'While a job specialist is away, you can move the job seekers who consented to discussion in the team to a colleague of the same team. You see numbers only, not who. The method supervisor is told.',
    pm_absence: 'Absent job specialist',
    pm_absenceOption: '{{name}} (from {{from}})',
    pm_counts:
      '{{total}} job seekers in the portfolio: {{movable}} can be moved, {{withoutTeamConsent}} have not consented to discussion in the team.',
    pm_noConsent:
      '{{count}} have not consented to discussion in the team and stay until the consent is recorded. Ask the job specialist or the method supervisor to obtain it.',
    pm_receiver: 'Who takes over',
    pm_receiverOption: '{{name}} – {{caseload}} of at most {{limit}}',
    pm_noReceivers: 'No colleague of the same team can take over now.',
    pm_temporary: 'Temporary, while the absence lasts',
    pm_move_one: 'Move {{count}} job seeker now',
    pm_move_other: 'Move {{count}} job seekers now',
    pm_nothing: 'No job seekers to move.',
    pm_done: '{{moved}} of {{total}} job seekers have been moved to {{name}}.',
    pm_notApplied: 'Nobody was moved: one move was stopped, so none was made (all or nothing).',
    pm_result: 'Result per job seeker',
    pm_item: 'Job seeker {{position}} of {{total}}: {{outcome}}',
    pm_outcome_MOVED: 'moved',
    pm_outcome_NO_TEAM_CONSENT: 'not moved: no consent to discussion in the team',
    pm_outcome_NOT_IN_RECEIVERS_TEAM: "not moved: the receiver is not in the job seeker's team",
    pm_outcome_CROSS_SERVICE_CONSENT_REQUIRED: 'not moved: no consent to a transfer to another service',
    pm_outcome_REFUSED: 'not moved: a transfer rule stopped it',
    pm_outcome_NOT_APPLIED: 'not moved (all or nothing)',
  },
};
