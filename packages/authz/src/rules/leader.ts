/** Health-service leaders: staffing, never cases (domain.md §2). */
import { activeConsent, orgsWith } from '../conditions.js';
import type { Actor, Can } from '../types.js';

export function leaderRules(can: Can, actor: Actor, now: Date): void {
  // ─── health-service leaders: staffing, never cases ───
  const leaderOrgs = orgsWith(actor, 'HEALTH_SERVICE_LEADER');
  if (leaderOrgs.length > 0) {
    can('read', ['Membership', 'SpecialistTeam', 'TeamMember', 'HealthTeam'], {
      organizationId: { in: leaderOrgs },
    });
    can('read', 'User', { memberships: { some: { organizationId: { in: leaderOrgs } } } });
    // Service quality is aggregate: leaders read the fidelity reviews of their organisation's teams.
    can('read', 'FidelityReview', { organizationId: { in: leaderOrgs } });
    can('read', 'FidelityActionItem', { organizationId: { in: leaderOrgs } });
    // Line managers register absences and must alert the supervisor of a long one (seed 001 §4.1).
    can(['read', 'create', 'update'], 'Absence', { organizationId: { in: leaderOrgs } });
    // They tune the staffing settings (long-absence threshold, when a case is stalled) within the
    // bounds: they register the absences the threshold judges (issue 16, "Leader"). Not the rest of
    // the organisation's settings, which stay the administrators'.
    can('update', 'Organization', ['staffingSettings'], { id: { in: leaderOrgs } });
    // During a specialist's absence the leader may move the portfolio to a colleague of the team
    // (issue 16; `moveAbsentPortfolio`): the same consent rule as the supervisor's — only a job seeker
    // who consented to discussion in the team. The leader never reads the case: the mutation finds
    // the absent specialist's job seekers itself and answers with counts, no identities.
    can('create', 'Transfer', {
      organizationId: { in: leaderOrgs },
      jobSeeker: { is: { consents: activeConsent('TEAM_CASE_DISCUSSION', now) } },
    });
  }
}
