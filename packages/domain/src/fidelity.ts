/**
 * IPS fidelity reviews (IPS-25; domain.md §9, §11): 25 items scored 1–5, total 25–125, banded
 * 115–125 exemplary, 100–114 good, 74–99 fair, 73 or less not IPS. Several items are pre-scored
 * from the product's own data, each with the figure it rests on, for the reviewers to confirm or
 * override. Where the brief gives no band for a figure, no score is suggested: the evidence is
 * shown and the reviewers score it.
 */

export interface FidelityItem {
  item: number;
  /** Bokmål (the UI's words). */
  title: string;
  section: 'STAFFING' | 'ORGANIZATION' | 'SERVICES';
}

export const FIDELITY_ITEMS: readonly FidelityItem[] = [
  { item: 1, section: 'STAFFING', title: 'Antall jobbsøkere per jobbspesialist' },
  { item: 2, section: 'STAFFING', title: 'Jobbspesialisten arbeider bare med arbeidsrettet oppfølging' },
  { item: 3, section: 'STAFFING', title: 'Jobbspesialisten er generalist' },
  { item: 4, section: 'ORGANIZATION', title: 'Integrering i behandlingsteam' },
  { item: 5, section: 'ORGANIZATION', title: 'Hyppig kontakt med behandlingsteamet' },
  { item: 6, section: 'ORGANIZATION', title: 'Samarbeid med NAV' },
  { item: 7, section: 'ORGANIZATION', title: 'Jobbspesialistteam' },
  { item: 8, section: 'ORGANIZATION', title: 'Metodeveileders rolle' },
  { item: 9, section: 'ORGANIZATION', title: 'Ingen eksklusjonskriterier' },
  { item: 10, section: 'ORGANIZATION', title: 'Tjenestens fokus på ordinært arbeid' },
  { item: 11, section: 'ORGANIZATION', title: 'Ledelsens støtte til IPS' },
  { item: 12, section: 'SERVICES', title: 'Veiledning om økonomi og ytelser' },
  { item: 13, section: 'SERVICES', title: 'Åpenhet om helse' },
  { item: 14, section: 'SERVICES', title: 'Karriereprofil og løpende kartlegging' },
  { item: 15, section: 'SERVICES', title: 'Rask jobbsøking' },
  { item: 16, section: 'SERVICES', title: 'Individuelt tilpasset jobbsøking' },
  { item: 17, section: 'SERVICES', title: 'Jobbutvikling: hyppig arbeidsgiverkontakt' },
  { item: 18, section: 'SERVICES', title: 'Jobbutvikling: kvalitet i arbeidsgiverkontakten' },
  { item: 19, section: 'SERVICES', title: 'Variasjon i typer jobber' },
  { item: 20, section: 'SERVICES', title: 'Variasjon i arbeidsgivere' },
  { item: 21, section: 'SERVICES', title: 'Ordinære jobber' },
  { item: 22, section: 'SERVICES', title: 'Individuelt tilpasset oppfølging i jobb' },
  { item: 23, section: 'SERVICES', title: 'Tidsubegrenset oppfølging' },
  { item: 24, section: 'SERVICES', title: 'Oppfølging ute i samfunnet' },
  { item: 25, section: 'SERVICES', title: 'Aktiv oppsøkende oppfølging fra behandlingsteamet' },
];

export type FidelityBand = 'EXEMPLARY' | 'GOOD' | 'FAIR' | 'NOT_IPS';

/** A valid score: an integer 1–5. */
export const isFidelityScore = (score: number) => Number.isInteger(score) && score >= 1 && score <= 5;
export const isFidelityItem = (item: number) => Number.isInteger(item) && item >= 1 && item <= 25;

/** The band of a complete review's total (25–125). */
export function fidelityBand(total: number): FidelityBand {
  if (total >= 115) return 'EXEMPLARY';
  if (total >= 100) return 'GOOD';
  if (total >= 74) return 'FAIR';
  return 'NOT_IPS';
}

/** The total when all 25 items are scored, else null. */
export function fidelityTotal(scores: readonly { item: number; score: number }[]): number | null {
  const items = new Set(scores.map((s) => s.item));
  if (items.size !== 25 || ![...items].every(isFidelityItem)) return null;
  return scores.reduce((sum, s) => sum + s.score, 0);
}

/** The facts of the last months that pre-score items 1, 8, 15, 17, 19, 20, 21 and 24. */
export interface FidelityFacts {
  /** Job seekers in the portfolios per full-time job specialist, today. */
  caseloadPerFte: number | null;
  /** Days from intake to the first face-to-face employer contact (or to today, if none yet). */
  daysToFirstContact: readonly number[];
  /** Face-to-face job-development contacts per specialist per week (the last three months). */
  contactsPerSpecialistPerWeek: number | null;
  /** Jobs started (the last twelve months). */
  jobs: readonly { jobType: string; employerId: string | null; competitive: boolean }[];
  /** Share of scheduled time in the community (the last three months). */
  communityShare: number | null;
  supervision: {
    specialists: number;
    /** Weeks of the last 13 with a team meeting held. */
    weeksWithTeamMeeting: number;
    /** Months of the last 3 with field mentoring logged. */
    monthsWithFieldMentoring: number;
    /** Specialists whose portfolio was reviewed in the last quarter. */
    specialistsReviewedLastQuarter: number;
  };
}

export interface PrescoredItem {
  item: number;
  /** The suggested score, or null when the data gives a figure but no band. */
  score: number | null;
  evidence: { figure: number | null; unit: string; basis: string };
}

const pct = (n: number) => Math.round(n * 1000) / 10;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Diversity bands (items 19, 20): 85–100 % → 5, 70–84 → 4, 60–69 → 3, 50–59 → 2, < 50 → 1. */
function diversityScore(share: number): number {
  const p = pct(share);
  return p >= 85 ? 5 : p >= 70 ? 4 : p >= 60 ? 3 : p >= 50 ? 2 : 1;
}

/** The items the product can score from its data, with the figure each rests on. */
export function prescoreFidelity(f: FidelityFacts): PrescoredItem[] {
  const out: PrescoredItem[] = [];
  // 1 caseload: ≤ 20 → 5; 41 or more → 1 (between: 21–25 → 4, 26–30 → 3, 31–40 → 2).
  if (f.caseloadPerFte !== null) {
    const c = f.caseloadPerFte;
    out.push({
      item: 1,
      score: c <= 20 ? 5 : c <= 25 ? 4 : c <= 30 ? 3 : c <= 40 ? 2 : 1,
      evidence: {
        figure: Math.round(c * 10) / 10,
        unit: 'jobbsøkere per årsverk',
        basis: 'porteføljene i dag',
      },
    });
  }
  // 8 supervision: counted per element (five; the health-team contact is not in the data).
  const s = f.supervision;
  const elements = [
    s.specialists <= 10,
    s.weeksWithTeamMeeting >= 12,
    s.monthsWithFieldMentoring >= 3,
    s.specialists > 0 && s.specialistsReviewedLastQuarter >= s.specialists,
  ].filter(Boolean).length;
  // The fifth element (contact with the health teams) is not in the data: no score is suggested,
  // the reviewers score the item with this evidence.
  out.push({
    item: 8,
    score: null,
    evidence: {
      figure: elements,
      unit: 'av 4 elementer i dataene',
      basis: `≤ 10 spesialister (${s.specialists}), teammøte ${s.weeksWithTeamMeeting} av 13 uker, feltveiledning ${s.monthsWithFieldMentoring} av 3 måneder, porteføljegjennomgang for ${s.specialistsReviewedLastQuarter} av ${s.specialists}; kontakt med helseteamene vurderes av teamet`,
    },
  });
  // 15 rapid job search: median days to the first face-to-face employer contact.
  const m = median(f.daysToFirstContact);
  if (m !== null)
    out.push({
      item: 15,
      score: m <= 30 ? 5 : m <= 60 ? 4 : m <= 150 ? 3 : m <= 270 ? 2 : 1,
      evidence: {
        figure: m,
        unit: 'dager (median) fra inntak til første arbeidsgiverkontakt',
        basis: `${f.daysToFirstContact.length} jobbsøkere med inntak siste 12 måneder`,
      },
    });
  // 17 job development: ≥ 6 → 5, 5 → 4, 3–4 → 3, 2 → 2, ≤ 1 → 1.
  if (f.contactsPerSpecialistPerWeek !== null) {
    const c = f.contactsPerSpecialistPerWeek;
    out.push({
      item: 17,
      score: c >= 6 ? 5 : c >= 5 ? 4 : c >= 3 ? 3 : c >= 2 ? 2 : 1,
      evidence: {
        figure: Math.round(c * 10) / 10,
        unit: 'ansikt-til-ansikt-kontakter per spesialist per uke',
        basis: 'siste tre måneder',
      },
    });
  }
  if (f.jobs.length > 0) {
    const types = new Set(f.jobs.map((j) => j.jobType)).size / f.jobs.length;
    const withEmployer = f.jobs.filter((j) => j.employerId);
    const employers = withEmployer.length
      ? new Set(withEmployer.map((j) => j.employerId)).size / withEmployer.length
      : null;
    const competitive = f.jobs.filter((j) => j.competitive).length / f.jobs.length;
    const basis = `${f.jobs.length} jobber siste 12 måneder`;
    out.push({
      item: 19,
      score: diversityScore(types),
      evidence: { figure: pct(types), unit: '% ulike typer jobber', basis },
    });
    if (employers !== null)
      out.push({
        item: 20,
        score: diversityScore(employers),
        evidence: { figure: pct(employers), unit: '% ulike arbeidsgivere', basis },
      });
    const p = pct(competitive);
    out.push({
      item: 21,
      score: p >= 95 ? 5 : p >= 85 ? 4 : p >= 75 ? 3 : p >= 65 ? 2 : 1,
      evidence: { figure: p, unit: '% ordinære jobber', basis },
    });
  }
  // 24 community-based: ≥ 65 % → 5, 50–64 → 4, 40–49 → 3; below, the reviewers score it.
  if (f.communityShare !== null) {
    const p = pct(f.communityShare);
    out.push({
      item: 24,
      score: p >= 65 ? 5 : p >= 50 ? 4 : p >= 40 ? 3 : null,
      evidence: {
        figure: p,
        unit: '% av tiden ute i samfunnet',
        basis: 'møter og arbeidsgiverkontakter siste tre måneder',
      },
    });
  }
  return out;
}

/** Item by item against the previous review (positive change: better). */
export function compareReviews(
  current: readonly { item: number; score: number }[],
  previous: readonly { item: number; score: number }[],
): { item: number; score: number | null; previousScore: number | null; change: number | null }[] {
  return FIDELITY_ITEMS.map(({ item }) => {
    const now = current.find((s) => s.item === item)?.score ?? null;
    const before = previous.find((s) => s.item === item)?.score ?? null;
    return {
      item,
      score: now,
      previousScore: before,
      change: now !== null && before !== null ? now - before : null,
    };
  });
}
