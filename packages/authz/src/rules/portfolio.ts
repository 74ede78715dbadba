/** Job specialists and method supervisors: their own portfolio, in full (domain.md §2). */
import { activeConsent, orgsWith } from '../conditions.js';
import { ALL_JOB_SEEKER_FIELDS } from '../fields.js';
import type { Actor, Can } from '../types.js';

export function portfolioRules(can: Can, actor: Actor, now: Date): void {
  const me = actor.userId;
  // ─── job specialists and method supervisors: portfolios ───
  const caseOrgs = orgsWith(actor, 'JOB_SPECIALIST', 'METHOD_SUPERVISOR');
  if (caseOrgs.length > 0) {
    const own = { organizationId: { in: caseOrgs }, currentSpecialistId: me };
    can('read', 'JobSeeker', own);
    can('create', 'JobSeeker', { organizationId: { in: caseOrgs } });
    can(
      'update',
      'JobSeeker',
      ALL_JOB_SEEKER_FIELDS.filter(
        (f) => !['id', 'organizationId', 'version', 'createdAt', 'updatedAt'].includes(f),
      ),
      own,
    );
    can(['read', 'create', 'update', 'withdraw'], 'Consent', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    can(['read', 'create', 'revoke'], 'NavSharingGrant', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    can(['read', 'create', 'update'], ['Employment', 'Study'], {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    can(['read', 'create', 'update'], 'JobApplication', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    // Journal-ready notes are for the patient record: the job seeker's own specialist only.
    can(['read', 'create'], 'JournalNote', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    can(['read', 'create', 'update'], 'CareerProfile', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    can(['read', 'create', 'update'], 'SupportPlan', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    can('read', 'User', { memberships: { some: { organizationId: { in: caseOrgs } } } });
    // Employers are the service's shared job-development network within the organisation.
    can(['read', 'create', 'update'], 'Employer', { organizationId: { in: caseOrgs } });
    // Contacts: everyone's relationship building in the organisation; a contact (or a meeting with
    // the employer) that names a job seeker only by that job seeker's own specialist, and only while
    // the job seeker's employer-contact consent is in force (seed 000 §3: "Dersom jobbsøker ikke
    // ønsker at jobbspesialisten skal ha direkte kontakt med arbeidsgiver, vil jobbstøtten herfra
    // foregå i dialog mellom jobbspesialist og jobbsøker"). Without it, job development is logged
    // without naming the job seeker. Row-level security checks the same on insert.
    can('create', 'EmployerContact', {
      organizationId: { in: caseOrgs },
      specialistId: me,
      jobSeekerId: null,
    });
    can('create', 'EmployerContact', {
      organizationId: { in: caseOrgs },
      specialistId: me,
      jobSeeker: { is: { currentSpecialistId: me, consents: activeConsent('EMPLOYER_CONTACT', now) } },
    });
    // A contact about a job seeker follows the job seeker, not its author: after a transfer the new
    // specialist reads the history, the previous one no longer does.
    can('read', 'EmployerContact', { organizationId: { in: caseOrgs }, jobSeekerId: null });
    can('read', 'EmployerContact', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    // Follow-up meetings (with their case notes) are the job seeker's own specialist's, like the journal.
    can('read', 'FollowUpMeeting', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    // Personal reminders (issue 15 item 10) are their author's alone, and only while the job seeker
    // is in the author's portfolio (after a transfer the old specialist no longer reads the case).
    can(['read', 'create', 'update'], 'Reminder', {
      organizationId: { in: caseOrgs },
      authorId: me,
      jobSeeker: { is: { currentSpecialistId: me } },
    });
    can('read', ['SpecialistTeam', 'HealthTeam'], { organizationId: { in: caseOrgs } });
    can('read', 'TeamMember', { organizationId: { in: caseOrgs } });
    // Their own absences: warn early of a planned one (seed 001 §4.1).
    can(['read', 'create', 'update'], 'Absence', { organizationId: { in: caseOrgs }, specialistId: me });
    // The transfers of their own job seekers (who followed them before, and why).
    can('read', 'Transfer', {
      organizationId: { in: caseOrgs },
      jobSeeker: { is: { currentSpecialistId: me } },
    });
  }
}
