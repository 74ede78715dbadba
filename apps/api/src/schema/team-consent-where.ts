/**
 * Which job seekers miss the consent to team and NAV discussion (seed 001 §3: "Alle jobbsøkere
 * tilknyttet tjenesten skal ha underskrevet et samtykke til at deres sak kan drøftes i
 * jobbspesialistteamet, samt med NAV"): in a portfolio (not discharged), no TEAM_CASE_DISCUSSION
 * consent in force, and no refusal recorded. Kept apart from the schema types so that the job-seeker
 * list can filter by it without an import cycle.
 */
import { activeConsent } from '@ips/authz';
import type { Prisma } from '@ips/db';

export function teamConsentMissingWhere(now: Date): Prisma.JobSeekerWhereInput {
  const active = activeConsent('TEAM_CASE_DISCUSSION', now);
  return {
    phase: { not: 'DISCHARGED' },
    teamConsentRefusedAt: null,
    consents: { none: active.some },
  };
}

/** Job seekers who said no to the consent (still in a portfolio, no consent in force since). */
export function teamConsentRefusedWhere(now: Date): Prisma.JobSeekerWhereInput {
  const active = activeConsent('TEAM_CASE_DISCUSSION', now);
  return {
    phase: { not: 'DISCHARGED' },
    teamConsentRefusedAt: { not: null },
    consents: { none: active.some },
  };
}
