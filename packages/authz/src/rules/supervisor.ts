/** Method supervisors: the teams they supervise — members, meetings, reviews, absences, transfers (seed 001 §4). */
import { activeConsent, orgsWith } from '../conditions.js';
import type { Actor, Can } from '../types.js';

export function supervisorRules(can: Can, actor: Actor, now: Date): void {
  const caseOrgs = orgsWith(actor, 'JOB_SPECIALIST', 'METHOD_SUPERVISOR');
  const supervisedTeams = actor.teams.filter((t) => t.role === 'METHOD_SUPERVISOR').map((t) => t.teamId);
  if (supervisedTeams.length > 0) {
    can(['read', 'update'], 'SpecialistTeam', { id: { in: supervisedTeams } });
    can(['read', 'create', 'update'], 'TeamMember', { teamId: { in: supervisedTeams } });
    // Every job seeker must have the consent to team and NAV discussion (seed 001 §3): the
    // supervisor asks a current member of the team to obtain the missing ones and reads how many
    // are missing, never who (the rule is on the specialist, not on any job seeker).
    can('request', 'User', { teamMemberships: { some: { teamId: { in: supervisedTeams }, leftOn: null } } });
    // The supervisor answers for the follow-up of an absent specialist's job seekers (seed 001 §4.1):
    // reads the team's absences and transfers the team's job seekers it may discuss.
    can('read', 'Absence', {
      organizationId: { in: caseOrgs },
      specialist: { is: { teamMemberships: { some: { teamId: { in: supervisedTeams }, leftOn: null } } } },
    });
    can(['read', 'create', 'update'], ['TeamMeeting', 'ActionPoint', 'FieldMentoring', 'PortfolioReview'], {
      teamId: { in: supervisedTeams },
    });
    can(['read', 'create', 'update'], 'FidelityReview', { teamId: { in: supervisedTeams } });
    can(['read', 'create', 'update'], 'FidelityActionItem', {
      review: { is: { teamId: { in: supervisedTeams } } },
    });
    can(['read', 'create'], 'Transfer', {
      organizationId: { in: caseOrgs },
      jobSeeker: {
        is: { teamId: { in: supervisedTeams }, consents: activeConsent('TEAM_CASE_DISCUSSION', now) },
      },
    });
    // The consents of the team's cases the supervisor may discuss (team-discussion consent given).
    can('read', 'Consent', {
      organizationId: { in: caseOrgs },
      jobSeeker: {
        is: { teamId: { in: supervisedTeams }, consents: activeConsent('TEAM_CASE_DISCUSSION', now) },
      },
    });
  }
}
