/**
 * The NAV dialogue (issue 17, "A secure dialogue per job seeker"; docs/nav-dialogue.md): who reads
 * and writes the threads about a job seeker.
 *
 * - The job seeker's own specialist: their job seekers' threads (the history stays readable after
 *   the consent is withdrawn; the API refuses new messages then).
 * - The method supervisor of the job seeker's team while the specialist is away today (seed 001
 *   §4.1: the supervisor answers for the follow-up of an absent specialist's job seekers), for a
 *   job seeker who consented to discussion in the team and with NAV (seed 001 §3).
 * - A NAV counsellor: the threads of their own office, only while an active grant AND the consent
 *   behind it cover DIALOGUE (`activeNavGrant(…, 'DIALOGUE')`; the database says the same).
 *
 * Posting a message is `update` on the thread (it moves the thread's last message and read state).
 */
import type { Prisma } from '@ips/db';
import { osloDay } from '@ips/domain';
import { activeConsent, activeNavGrant, orgsWith } from '../conditions.js';
import type { Actor, Can } from '../types.js';

/** Today in Europe/Oslo (the domain's `osloDay`) as the UTC midnight Prisma compares a `@db.Date` column with. */
export function osloDayStart(now: Date): Date {
  return new Date(`${osloDay(now)}T00:00:00Z`);
}

/** An absence of the specialist that covers today. */
export function awayToday(now: Date): Prisma.AbsenceListRelationFilter {
  const today = osloDayStart(now);
  return {
    some: {
      startDate: { lte: today },
      OR: [
        { actualEndDate: { gte: today } },
        { actualEndDate: null, expectedEndDate: { gte: today } },
        { actualEndDate: null, expectedEndDate: null },
      ],
    },
  };
}

export function defineDialogueRules(can: Can, actor: Actor, now: Date): void {
  const me = actor.userId;
  const caseOrgs = orgsWith(actor, 'JOB_SPECIALIST', 'METHOD_SUPERVISOR');
  if (caseOrgs.length > 0) {
    const own: Prisma.JobSeekerWhereInput = { currentSpecialistId: me };
    can(['read', 'create', 'update'], 'NavDialogueThread', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: own },
    });
    can('read', 'NavDialogueMessage', {
      organizationId: { in: caseOrgs },
      thread: { is: { jobSeeker: { is: own } } },
    });
  }
  const supervised = actor.teams.filter((t) => t.role === 'METHOD_SUPERVISOR').map((t) => t.teamId);
  if (caseOrgs.length > 0 && supervised.length > 0) {
    const covering: Prisma.JobSeekerWhereInput = {
      teamId: { in: supervised },
      consents: activeConsent('TEAM_CASE_DISCUSSION', now),
      currentSpecialist: { is: { absences: awayToday(now) } },
    };
    can(['read', 'create', 'update'], 'NavDialogueThread', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: covering },
    });
    can('read', 'NavDialogueMessage', {
      organizationId: { in: caseOrgs },
      thread: { is: { jobSeeker: { is: covering } } },
    });
  }
  const navOffices = orgsWith(actor, 'NAV_COUNSELLOR');
  if (navOffices.length > 0) {
    const shared: Prisma.JobSeekerWhereInput = {
      navSharingGrants: activeNavGrant(actor, navOffices, now, 'DIALOGUE'),
    };
    can(['read', 'create', 'update'], 'NavDialogueThread', {
      navOfficeId: { in: navOffices },
      jobSeeker: { is: shared },
    });
    can('read', 'NavDialogueMessage', {
      thread: { is: { navOfficeId: { in: navOffices }, jobSeeker: { is: shared } } },
    });
  }
}
