/** NAV counsellors: only what an active grant covers, within the consent's parts, read-only (issue 17 item 1). */
import { activeNavGrant, orgsWith, WORKPLACE_NOT_PROTECTED } from '../conditions.js';
import { EMPLOYMENT_FIELDS_WITHOUT_WORKPLACE, JOB_SEEKER_FIELDS } from '../fields.js';
import type { Actor, Can } from '../types.js';

export function navRules(can: Can, actor: Actor, now: Date): void {
  const me = actor.userId;
  // ─── NAV counsellors: only what an active grant covers, read-only ───
  const navOffices = orgsWith(actor, 'NAV_COUNSELLOR');
  if (navOffices.length > 0) {
    can('read', 'JobSeeker', [...JOB_SEEKER_FIELDS.basic, ...JOB_SEEKER_FIELDS.identity], {
      navSharingGrants: activeNavGrant(actor, navOffices, now),
    });
    can('read', 'NavSharingGrant', {
      navOfficeId: { in: navOffices },
      OR: [{ counsellorId: null }, { counsellorId: me }],
    });
    can('read', 'Study', {
      jobSeeker: { is: { navSharingGrants: activeNavGrant(actor, navOffices, now, 'EMPLOYMENT_STATUS') } },
    });
    // A job: the workplace only when the address is not kode 6 (issue 17 item 9).
    can('read', 'Employment', [...EMPLOYMENT_FIELDS_WITHOUT_WORKPLACE], {
      jobSeeker: { is: { navSharingGrants: activeNavGrant(actor, navOffices, now, 'EMPLOYMENT_STATUS') } },
    });
    can('read', 'Employment', {
      jobSeeker: {
        is: {
          navSharingGrants: activeNavGrant(actor, navOffices, now, 'EMPLOYMENT_STATUS'),
          ...WORKPLACE_NOT_PROTECTED,
        },
      },
    });
    can('read', 'SupportPlan', {
      jobSeeker: { is: { navSharingGrants: activeNavGrant(actor, navOffices, now, 'SUPPORT_PLAN') } },
    });
    can('read', 'CareerProfile', {
      jobSeeker: { is: { navSharingGrants: activeNavGrant(actor, navOffices, now, 'CAREER_PROFILE') } },
    });
  }
}
