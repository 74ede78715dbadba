/**
 * The relations of the authorization matrices: SQL that finds, for an actor, a job seeker in each
 * relation to them, written independently of the rules under test.
 */
import type { Stack } from './harness.js';

export type Role =
  | 'JOB_SPECIALIST'
  | 'METHOD_SUPERVISOR'
  | 'HEALTH_SERVICE_LEADER'
  | 'TENANT_ADMINISTRATOR'
  | 'NAV_COUNSELLOR';
export type Relation =
  | 'own'
  | 'same team, team consent'
  | 'same team, no consent'
  | 'other team'
  | 'same organisation'
  | 'other tenant'
  | 'NAV, active grant'
  | 'NAV, consent withdrawn'
  | 'NAV, grant revoked'
  | 'NAV, grant expired'
  | 'NAV, consent expired'
  | 'NAV, no grant';
export const ACTIVE = (a: string) =>
  `${a}."withdrawnAt" IS NULL AND ${a}."validFrom" <= now() AND (${a}."validUntil" IS NULL OR ${a}."validUntil" > now())`;
export const TEAM_CONSENT = `EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND ${ACTIVE('c')})`;
export const MY_ORGS = `j."organizationId" IN (SELECT "organizationId" FROM membership WHERE "userId" = $1 AND "endedAt" IS NULL)`;
export const MY_TEAMS = `j."teamId" IN (SELECT "teamId" FROM team_member WHERE "userId" = $1 AND "leftOn" IS NULL)`;
export const GRANT = (cond: string) =>
  `EXISTS (SELECT 1 FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
     WHERE g."jobSeekerId" = j.id AND g."navOfficeId" IN (SELECT "organizationId" FROM membership WHERE "userId" = $1)
       AND (g."counsellorId" IS NULL OR g."counsellorId" = $1) AND ${cond})`;
export const GRANT_ACTIVE = `g."revokedAt" IS NULL AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now()) AND ${ACTIVE('c')}`;

/** SQL (with $1 = the actor's user id) that finds a job seeker in this relation to the actor. */
export const RELATION_SQL: Record<Relation, string> = {
  // With team consent, so a supervisor's own job seeker is one the team may discuss (and transfer).
  // In a team the actor is an active member of, as an own case normally is (the demo data of some
  // days holds an own case whose team the supervisor has no member left in to hand it to).
  own: `j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED' AND ${TEAM_CONSENT}
        AND EXISTS (SELECT 1 FROM team_member tm WHERE tm."teamId" = j."teamId" AND tm."leftOn" IS NULL AND tm."userId" = $1)`,
  // Not discharged either: a discharged job seeker cannot be transferred, whoever asks.
  'same team, team consent': `${MY_ORGS} AND ${MY_TEAMS} AND j."currentSpecialistId" <> $1 AND j.phase <> 'DISCHARGED' AND ${TEAM_CONSENT}`,
  'same team, no consent': `${MY_ORGS} AND ${MY_TEAMS} AND j."currentSpecialistId" <> $1 AND NOT ${TEAM_CONSENT}`,
  'other team': `${MY_ORGS} AND NOT ${MY_TEAMS} AND j."currentSpecialistId" <> $1`,
  'same organisation': MY_ORGS,
  'other tenant': `NOT ${MY_ORGS}`,
  'NAV, active grant': GRANT(GRANT_ACTIVE),
  'NAV, consent withdrawn': `${GRANT(`g."revokedAt" IS NULL AND c."withdrawnAt" IS NOT NULL`)} AND NOT ${GRANT(GRANT_ACTIVE)}`,
  'NAV, grant revoked': `${GRANT(`g."revokedAt" IS NOT NULL`)} AND NOT ${GRANT(GRANT_ACTIVE)}`,
  'NAV, grant expired': `${GRANT(`g."revokedAt" IS NULL AND g."validUntil" <= now()`)} AND NOT ${GRANT(GRANT_ACTIVE)}`,
  'NAV, consent expired': `${GRANT(`g."revokedAt" IS NULL AND c."withdrawnAt" IS NULL AND c."validUntil" <= now()`)} AND NOT ${GRANT(GRANT_ACTIVE)}`,
  'NAV, no grant': `NOT EXISTS (SELECT 1 FROM nav_sharing_grant g WHERE g."jobSeekerId" = j.id)`,
};

/** An actor with the role for whom a job seeker in the relation exists, and that job seeker. */
export async function findCell(
  stack: Stack,
  role: Role,
  relation: Relation,
): Promise<{ email: string; jobSeekerId: string }> {
  const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string }>(
    `SELECT u.email, (SELECT j.id FROM job_seeker j WHERE ${RELATION_SQL[relation]} ORDER BY j.id LIMIT 1) AS "jobSeekerId"
     FROM membership m JOIN app_user u ON u.id = m."userId"
     WHERE m.role = $2 AND EXISTS (SELECT 1 FROM job_seeker j WHERE ${RELATION_SQL[relation]})
     ORDER BY u.email LIMIT 1`
      .replaceAll('$1', 'm."userId"')
      .replace('$2', '$1'),
    [role],
  );
  const found = rows[0];
  if (!found?.jobSeekerId)
    throw new Error(`the demo data has no ${role} with a job seeker in relation "${relation}"`);
  return found;
}

/**
 * The demo has one team per organisation; adds a second team to one organisation and moves a job
 * seeker (with team-discussion consent) there, so "other team" is a real cell.
 */
export async function addSecondTeam(stack: Stack): Promise<void> {
  await stack.admin.query(`
    WITH org AS (
      SELECT m."organizationId", m."userId" FROM membership m WHERE m.role = 'HEALTH_SERVICE_LEADER' ORDER BY m."organizationId" LIMIT 1
    ), team AS (
      INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt")
      SELECT gen_random_uuid(), org."organizationId", 'IPS Ungdom', org."userId", now() FROM org RETURNING id, "organizationId"
    )
    UPDATE job_seeker j SET "teamId" = team.id FROM team
    WHERE j.id = (SELECT j2.id FROM job_seeker j2 JOIN team t2 ON t2."organizationId" = j2."organizationId"
                  WHERE ${TEAM_CONSENT.replaceAll('j.id', 'j2.id')} ORDER BY j2.id LIMIT 1)`);
}
