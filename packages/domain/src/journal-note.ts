/**
 * Journal-ready notes (journalnotat): the product is not the patient record, but writes the concise
 * note the record needs for a job start or end, a support plan, a transfer and a discharge
 * (seed 000 §3, §6, §8, §9; pasientjournalforskriften §6). Norwegian bokmål, plain facts, no more
 * personal data than the record needs.
 */

import { BENEFIT_NAMES_NB, type BenefitCode } from './benefits';

export type JournalNoteInput =
  | {
      kind: 'JOB_START';
      date: string;
      jobTitle: string;
      employer: string | null;
      hoursPerWeek: number;
      competitive: boolean;
    }
  | {
      kind: 'JOB_END';
      endDate: string;
      learnedOn: string;
      jobTitle: string;
      endedBy: string;
      reason: string | null;
    }
  | {
      kind: 'SUPPORT_PLAN';
      revision: number;
      agreements: { supportPerson: string; responsibility: string }[];
      meetings: string[];
      employerMayCall: boolean;
      tapering: string | null;
    }
  | {
      kind: 'TRANSFER';
      date: string;
      reason: string;
      temporary: boolean;
      crossService: boolean;
      fromSpecialist: string;
      toSpecialist: string;
    }
  | { kind: 'DISCHARGE'; date: string; reason: string; note: string | null }
  | {
      kind: 'NAV_DIALOGUE';
      subject: string;
      /** The thread's messages, oldest first: day (YYYY-MM-DD), side and text. */
      messages: { day: string; side: 'SPECIALIST' | 'NAV'; body: string }[];
    }
  | {
      kind: 'BENEFITS_COUNSELLING';
      date: string;
      benefits: { benefit: string; incomeChange: string }[];
      referredToNav: boolean;
      referralNote: string | null;
      followUpOn: string | null;
      revised: boolean;
    };

export interface JournalNoteText {
  title: string;
  lines: string[];
}

const ENDED_BY: Record<string, string> = {
  JOB_SEEKER: 'jobbsøker',
  EMPLOYER: 'arbeidsgiver',
  MUTUAL: 'begge parter',
  FIXED_TERM_EXPIRED: 'utløp av midlertidig stilling',
};

const SUPPORT_PERSON: Record<string, string> = {
  JOB_SPECIALIST: 'Jobbspesialist',
  HEALTH_TEAM: 'Helseteam/behandler',
  RELATIVES: 'Pårørende/nettverk',
  NAV_COUNSELLOR: 'NAV-veileder',
  EMPLOYER: 'Arbeidsgiver',
  JOB_SEEKER: 'Jobbsøker',
  OTHER: 'Annen',
};

const DISCHARGE: Record<string, string> = {
  STABLE_IN_WORK: 'stabil i arbeid over tid',
  STABLE_IN_STUDY: 'stabil i studier over tid',
  HANDED_OVER_TO_HEALTH_TEAM: 'oppfølgingen er overtatt av helseteamet',
  JOB_SEEKER_WITHDREW: 'jobbsøker ønsket å avslutte',
  MOVED: 'jobbsøker har flyttet',
  NO_CONTACT: 'ikke oppnådd kontakt over tid',
  OTHER: 'annen årsak',
};

const TRANSFER_REASON: Record<string, string> = {
  SPECIALIST_ABSENCE: 'jobbspesialistens fravær',
  SPECIALIST_LEAVING: 'jobbspesialisten slutter',
  NO_PROGRESS: 'manglende fremgang mot ordinært arbeid',
  JOB_SEEKER_WISH: 'jobbsøkers ønske',
};

/** dd.mm.yyyy, as Norwegian records write dates. */
export function norwegianDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}.${m}.${y}`;
}

export function composeJournalNote(input: JournalNoteInput): JournalNoteText {
  switch (input.kind) {
    case 'JOB_START':
      return {
        title: 'IPS: oppstart i arbeid',
        lines: [
          `Jobbsøker startet ${norwegianDate(input.date)} som ${input.jobTitle.toLowerCase()}${input.employer ? ` hos ${input.employer}` : ''}, ${input.hoursPerWeek} timer i uka.`,
          input.competitive
            ? 'Ordinært arbeid: åpent arbeidsmarked, minst minstelønn/tarifflønn, stilling alle kunne søke på.'
            : 'Ikke ordinært arbeid etter IPS-kriteriene.',
          'Jobbstøtteplan utarbeides; første oppfølgingsmøte innen tre dager etter oppstart.',
        ],
      };
    case 'JOB_END':
      return {
        title: 'IPS: arbeidsforhold avsluttet',
        lines: [
          `Arbeidsforholdet som ${input.jobTitle.toLowerCase()} ble avsluttet ${norwegianDate(input.endDate)}, avsluttet av ${ENDED_BY[input.endedBy] ?? input.endedBy}.`,
          ...(input.reason ? [`Årsak: ${input.reason}`] : []),
          `Jobbspesialisten fikk kjennskap til det ${norwegianDate(input.learnedOn)} og kontakter jobbsøker innen tre dager.`,
          'Karriereprofilen vurderes på nytt dersom jobbsøker ønsker det.',
        ],
      };
    case 'SUPPORT_PLAN':
      return {
        title: `IPS: jobbstøtteplan, versjon ${input.revision}`,
        lines: [
          ...input.agreements.map(
            (a) => `${SUPPORT_PERSON[a.supportPerson] ?? a.supportPerson}: ${a.responsibility}`,
          ),
          `Oppfølgingsmøter: ${input.meetings.map(norwegianDate).join(', ')}.`,
          input.employerMayCall
            ? 'Arbeidsgiver kan ringe jobbspesialisten ved ureglementert fravær (samtykke foreligger).'
            : 'Arbeidsgiver kontakter ikke jobbspesialisten direkte.',
          ...(input.tapering ? [`Nedtrapping: ${input.tapering}`] : []),
        ],
      };
    case 'TRANSFER':
      return {
        title: input.temporary
          ? 'IPS: midlertidig oppfølging ved annen jobbspesialist'
          : 'IPS: overføring til ny jobbspesialist',
        lines: [
          `Oppfølgingen ${input.temporary ? 'ivaretas midlertidig' : 'er overført'} fra ${norwegianDate(input.date)}: fra ${input.fromSpecialist} til ${input.toSpecialist}. Årsak: ${TRANSFER_REASON[input.reason] ?? input.reason}.`,
          ...(input.crossService
            ? ['Ny jobbspesialist er ansatt i en annen tjeneste; jobbsøker har samtykket til overføring.']
            : []),
          'Saken er drøftet i jobbspesialistteamet. Ny jobbspesialist avtaler et snarlig møte med jobbsøker.',
        ],
      };
    case 'DISCHARGE':
      return {
        title: 'IPS: utskrevet fra porteføljen',
        lines: [
          `Jobbsøker ble utskrevet ${norwegianDate(input.date)}: ${DISCHARGE[input.reason] ?? input.reason}.`,
          ...(input.note ? [input.note] : []),
        ],
      };
    case 'NAV_DIALOGUE':
      return {
        title: `IPS: dialog med NAV – ${input.subject}`,
        lines: input.messages.map(
          (m) => `${norwegianDate(m.day)} ${m.side === 'NAV' ? 'NAV-veileder' : 'Jobbspesialist'}: ${m.body}`,
        ),
      };
    case 'BENEFITS_COUNSELLING':
      return {
        title: input.revised ? 'IPS: ytelsesveiledning (endret)' : 'IPS: ytelsesveiledning',
        lines: [
          `Jobbsøker fikk individuelt tilpasset veiledning om økonomiske ytelser ${norwegianDate(input.date)}.`,
          ...input.benefits.map(
            (b) =>
              `${BENEFIT_NAMES_NB[b.benefit as BenefitCode] ?? b.benefit}: ${b.incomeChange || 'ingen endring ved arbeidsinntekt drøftet'}`,
          ),
          input.referredToNav
            ? `Sendt NAV for beregning${input.referralNote ? `: ${input.referralNote}` : '.'}`
            : 'Ingenting sendt NAV for beregning.',
          ...(input.followUpOn ? [`Følges opp ${norwegianDate(input.followUpOn)}.`] : []),
        ],
      };
  }
}

/** The note as one text, title first. */
export function journalNoteToText(note: JournalNoteText): string {
  return [note.title, '', ...note.lines].join('\n');
}
