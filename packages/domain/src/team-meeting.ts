/**
 * The weekly team meeting's fixed agenda (seed 004 §3.1), pre-filled from the team's data, and the
 * "stalled" rule of the quarterly portfolio review (seed 004 §3.2: the portfolio is reviewed at
 * least quarterly, with particular attention to job seekers whose process has stopped).
 * Pure: the caller passes only what the team may discuss (job seekers with consent to case
 * discussion in the team); these functions arrange it, in bokmål.
 */
import { UTCDate } from '@date-fns/utc';
import { differenceInCalendarDays } from 'date-fns';
import { norwegianDate } from './journal-note';

export type AgendaKind =
  | 'FOLLOW_UP_FROM_LAST_SUPERVISION'
  | 'NEW_IN_WORK'
  | 'JOB_SEEKER_STATUS'
  | 'EMPLOYER_CONTACTS_LAST_WEEK'
  | 'CASES_AND_ACTION_POINTS'
  | 'OTHER';

/** The agenda in its fixed order, with the seed's words. */
export const AGENDA: readonly { kind: AgendaKind; title: string }[] = [
  { kind: 'FOLLOW_UP_FROM_LAST_SUPERVISION', title: 'Gjennomgang, oppfølging fra forrige veiledning' },
  { kind: 'NEW_IN_WORK', title: 'Nye i jobb' },
  { kind: 'JOB_SEEKER_STATUS', title: 'Status jobbsøkere' },
  { kind: 'EMPLOYER_CONTACTS_LAST_WEEK', title: 'Arbeidsgiverkontakt forrige uke' },
  { kind: 'CASES_AND_ACTION_POINTS', title: 'Case, aksjonspunkter' },
  { kind: 'OTHER', title: 'Diverse' },
];

/** Weeks without progress after which a job seeker counts as stalled, by default. */
export const DEFAULT_STALLED_AFTER_WEEKS = 12;
export const STALLED_BOUNDS = { min: 2, max: 52 } as const;

const toDate = (day: string) => new UTCDate(`${day}T00:00:00Z`);

/**
 * No progress for `weeks` weeks: the last progress (a phase change, an employer contact about the
 * job seeker, a job or study start) lies that far back. Someone in work or study, or discharged,
 * is not stalled.
 */
export function isStalled(
  jobSeeker: { phase: string; lastProgress: string },
  asOf: string,
  weeks: number = DEFAULT_STALLED_AFTER_WEEKS,
): boolean {
  if (['EMPLOYED', 'STUDYING', 'TAPERING', 'DISCHARGED'].includes(jobSeeker.phase)) return false;
  return differenceInCalendarDays(toDate(asOf), toDate(jobSeeker.lastProgress)) >= weeks * 7;
}

const PHASE: Record<string, string> = {
  REFERRED: 'henvist',
  INTAKE: 'inntak',
  CAREER_PROFILING: 'karriereprofil',
  JOB_SEARCH: 'jobbsøk',
  EMPLOYED: 'i jobb',
  STUDYING: 'i studier',
  TAPERING: 'nedtrapping',
};

export interface AgendaInput {
  asOf: string;
  /** Open action points of the team (from earlier meetings). */
  actionPoints: readonly { owner: string; description: string; dueOn: string; fromLastMeeting: boolean }[];
  /** Job starts since the last meeting, of job seekers the team may discuss. */
  newInWork: readonly { jobSeeker: string; specialist: string; jobTitle: string; startDate: string }[];
  /** Each specialist's job seekers the team may discuss. */
  portfolios: readonly {
    specialist: string;
    jobSeekers: readonly { id: string; name: string; phase: string; lastProgress: string }[];
  }[];
  /** Face-to-face job-development contacts per specialist in the week before. */
  employerContacts: readonly { specialist: string; faceToFace: number }[];
  contactTarget: number;
  stalledAfterWeeks: number;
}

export interface AgendaItem {
  kind: AgendaKind;
  position: number;
  title: string;
  notes: string | null;
  /** A case to discuss (only job seekers with consent to team case discussion are passed in). */
  jobSeekerId: string | null;
}

const bullet = (lines: string[], none: string) =>
  lines.length ? lines.map((l) => `• ${l}`).join('\n') : none;

/** The fixed agenda, each item pre-filled; a stalled job seeker gets an item of its own. */
export function prefillAgenda(input: AgendaInput): AgendaItem[] {
  const items: AgendaItem[] = [];
  const add = (kind: AgendaKind, title: string, notes: string | null, jobSeekerId: string | null = null) =>
    items.push({ kind, position: items.length + 1, title, notes, jobSeekerId });
  const titleOf = (kind: AgendaKind) => AGENDA.find((a) => a.kind === kind)?.title ?? kind;

  add(
    'FOLLOW_UP_FROM_LAST_SUPERVISION',
    titleOf('FOLLOW_UP_FROM_LAST_SUPERVISION'),
    bullet(
      input.actionPoints
        .filter((a) => a.fromLastMeeting)
        .map((a) => `${a.owner}: ${a.description} (frist ${norwegianDate(a.dueOn)})`),
      'Ingen åpne aksjonspunkter fra forrige møte.',
    ),
  );
  add(
    'NEW_IN_WORK',
    titleOf('NEW_IN_WORK'),
    bullet(
      [...input.newInWork]
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .map((n) => `${n.jobSeeker} (${n.specialist}): ${n.jobTitle}, start ${norwegianDate(n.startDate)}`),
      'Ingen nye i jobb siden forrige møte.',
    ),
  );
  const stalled = input.portfolios.flatMap((p) =>
    p.jobSeekers
      .filter((j) => isStalled(j, input.asOf, input.stalledAfterWeeks))
      .map((j) => ({ ...j, specialist: p.specialist })),
  );
  add(
    'JOB_SEEKER_STATUS',
    titleOf('JOB_SEEKER_STATUS'),
    input.portfolios
      .map((p) => {
        const byPhase = new Map<string, number>();
        for (const j of p.jobSeekers) byPhase.set(j.phase, (byPhase.get(j.phase) ?? 0) + 1);
        const phases = [...byPhase.entries()].map(([phase, n]) => `${n} ${PHASE[phase] ?? phase}`).join(', ');
        const stuck = stalled.filter((s) => s.specialist === p.specialist).length;
        return `${p.specialist}: ${p.jobSeekers.length} jobbsøkere${phases ? ` (${phases})` : ''}${stuck ? `; ${stuck} har stått stille i ${input.stalledAfterWeeks} uker eller mer` : ''}`;
      })
      .join('\n') || 'Ingen jobbsøkere å drøfte.',
  );
  // Stalled first (seed 004 §3.2), longest without progress first.
  for (const s of [...stalled].sort((a, b) => a.lastProgress.localeCompare(b.lastProgress))) {
    add(
      'JOB_SEEKER_STATUS',
      `Har stått stille: ${s.name} (${s.specialist})`,
      `Siste fremdrift ${norwegianDate(s.lastProgress)}. Hva kan vi prøve nå?`,
      s.id,
    );
  }
  add(
    'EMPLOYER_CONTACTS_LAST_WEEK',
    titleOf('EMPLOYER_CONTACTS_LAST_WEEK'),
    bullet(
      input.employerContacts.map(
        (c) =>
          `${c.specialist}: ${c.faceToFace} ansikt-til-ansikt${c.faceToFace < input.contactTarget ? ` (mål ${input.contactTarget})` : ''}`,
      ),
      'Ingen jobbspesialister i teamet.',
    ),
  );
  add(
    'CASES_AND_ACTION_POINTS',
    titleOf('CASES_AND_ACTION_POINTS'),
    bullet(
      input.actionPoints.map((a) => `${a.owner}: ${a.description} (frist ${norwegianDate(a.dueOn)})`),
      'Ingen åpne aksjonspunkter.',
    ),
  );
  add('OTHER', titleOf('OTHER'), null);
  return items;
}
