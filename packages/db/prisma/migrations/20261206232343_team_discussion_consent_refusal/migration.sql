-- Issue 17 item 6 (seed 001 §3: "Alle jobbsøkere tilknyttet tjenesten skal ha underskrevet et
-- samtykke til at deres sak kan drøftes i jobbspesialistteamet, samt med NAV"): a job seeker without
-- the team-discussion consent is flagged to the own specialist until the consent is recorded or the
-- job seeker's refusal is; the method supervisor may ask the specialist to obtain the missing
-- consents (a notification) without learning who they concern. Row-level security is unchanged:
-- the columns live on job_seeker (tenant isolation); the API's field rules give them to the own
-- specialist alone.

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'TEAM_CONSENT_REQUEST';

-- AlterTable
ALTER TABLE "job_seeker" ADD COLUMN     "teamConsentRefusedAt" TIMESTAMPTZ(3),
ADD COLUMN     "teamConsentRequestedAt" TIMESTAMPTZ(3);
