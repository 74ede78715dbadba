/**
 * Benefits counselling (issue 17; IPS principle 5, seed 003 §5: "Individuell tilpasset veiledning om
 * økonomiske ytelser"; docs/benefits-counselling.md): who reads and writes the typed record.
 *
 * | role | read | create / update |
 * | --- | --- | --- |
 * | job specialist | own job seekers; same team's with TEAM_CASE_DISCUSSION consent (as the career profile) | own job seekers only |
 * | method supervisor | own portfolio; the supervised team's with TEAM_CASE_DISCUSSION consent | own portfolio only |
 * | health-service leader, administrator | never | never |
 * | NAV counsellor | only through an active grant naming BENEFITS_COUNSELLING, on a NAV-sharing consent that covers it | never |
 *
 * Row-level security says the same below the application (migration
 * `20261207024132_benefits_counselling`: tenant isolation, `app.nav_job_seeker_ids('BENEFITS_COUNSELLING')`).
 */
import { activeConsent, activeNavGrant, orgsWith } from '../conditions.js';
import type { Actor, Can } from '../types.js';

export function defineBenefitsCounsellingRules(can: Can, actor: Actor, now: Date): void {
  const caseOrgs = orgsWith(actor, 'JOB_SPECIALIST', 'METHOD_SUPERVISOR');
  if (caseOrgs.length > 0) {
    can(['read', 'create', 'update'], 'BenefitsCounselling', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: actor.userId } },
    });
    const teamIds = actor.teams.map((t) => t.teamId);
    if (teamIds.length > 0) {
      can('read', 'BenefitsCounselling', {
        organizationId: { in: caseOrgs },
        jobSeeker: {
          is: { teamId: { in: teamIds }, consents: activeConsent('TEAM_CASE_DISCUSSION', now) },
        },
      });
    }
  }
  const navOffices = orgsWith(actor, 'NAV_COUNSELLOR');
  if (navOffices.length > 0) {
    can('read', 'BenefitsCounselling', {
      jobSeeker: {
        is: { navSharingGrants: activeNavGrant(actor, navOffices, now, 'BENEFITS_COUNSELLING') },
      },
    });
  }
}
