/** Colleagues' cases (same team, or the supervised team): only with the TEAM_CASE_DISCUSSION consent, only the fields a case discussion needs; the team's shared work (seed 002, 004). */
import { activeConsent, orgsWith, WORKPLACE_NOT_PROTECTED } from '../conditions.js';
import { EMPLOYMENT_FIELDS_WITHOUT_WORKPLACE, JOB_SEEKER_FIELDS } from '../fields.js';
import type { Actor, Can } from '../types.js';

export function teamCasesRules(can: Can, actor: Actor, now: Date): void {
  const me = actor.userId;
  const caseOrgs = orgsWith(actor, 'JOB_SPECIALIST', 'METHOD_SUPERVISOR');
  // Colleagues' cases: same team (or the supervised team), only with TEAM_CASE_DISCUSSION consent,
  // only the fields a case discussion needs.
  const teamIds = actor.teams.map((t) => t.teamId);
  if (caseOrgs.length > 0 && teamIds.length > 0) {
    can('read', 'JobSeeker', [...JOB_SEEKER_FIELDS.basic, ...JOB_SEEKER_FIELDS.case], {
      organizationId: { in: caseOrgs },
      teamId: { in: teamIds },
      consents: activeConsent('TEAM_CASE_DISCUSSION', now),
    });
    can('read', ['Study', 'CareerProfile'], {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { teamId: { in: teamIds }, consents: activeConsent('TEAM_CASE_DISCUSSION', now) } },
    });
    // A job: every field but the workplace; the workplace too unless the address is kode 6.
    can('read', 'Employment', [...EMPLOYMENT_FIELDS_WITHOUT_WORKPLACE], {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { teamId: { in: teamIds }, consents: activeConsent('TEAM_CASE_DISCUSSION', now) } },
    });
    can('read', 'Employment', {
      organizationId: { in: caseOrgs },
      jobSeeker: {
        is: {
          teamId: { in: teamIds },
          consents: activeConsent('TEAM_CASE_DISCUSSION', now),
          ...WORKPLACE_NOT_PROTECTED,
        },
      },
    });
    // The team's meetings, minutes and action points are the whole team's (seed 004); an owner
    // marks their own action point done; specialists log field mentoring two by two.
    can('read', ['TeamMeeting', 'ActionPoint', 'FieldMentoring'], { teamId: { in: teamIds } });
    can('update', 'ActionPoint', { teamId: { in: teamIds }, ownerId: me });
    can('create', 'FieldMentoring', { teamId: { in: teamIds } });
    can('read', 'PortfolioReview', { teamId: { in: teamIds }, specialistId: me });
    // Fidelity reviews are the team's shared quality work (seed 004: improvement plans followed up).
    can('read', 'FidelityReview', { teamId: { in: teamIds } });
    can('read', 'FidelityActionItem', { review: { is: { teamId: { in: teamIds } } } });
  }
}
