/**
 * Who may do what: the one source of truth for role × team × tenant × consent, down to fields
 * (domain.md §2–§3, §10). The API filters lists with `accessibleBy(ability)` in SQL and selects
 * only permitted fields; the admin UI uses the same ability to show or hide actions.
 *
 * | role | job seekers | consents / NAV grants | people and teams |
 * | --- | --- | --- | --- |
 * | job specialist | own portfolio: everything; same team's cases with TEAM_CASE_DISCUSSION consent: case fields only | own job seekers' | read colleagues; register own absences |
 * | method supervisor | own portfolio; supervised teams' cases with TEAM_CASE_DISCUSSION consent: case fields; transfers them | read, for the team | read team and its absences, manage members |
 * | health-service leader | never (staffing and aggregates only) | never | read staffing; register and end absences |
 * | NAV counsellor | only through an active grant (consent given, not withdrawn or expired, grant not revoked or expired), only the parts both the grant and the consent name; never addresses | read grants addressed to them | — |
 * | tenant administrator | never | never | manage users, memberships, teams, health teams, identity providers |
 *
 * Deleting a job seeker's case (soft, restorable within the tenant's retention period: ADR 0012) and
 * restoring it are for the tenant administrators and health-service leaders of its organisation —
 * neither reads the case; the database repeats the check in its definer functions.
 *
 * Protected addresses (kode 6/7) are readable only by the job seeker's own specialist; so is the
 * workplace (a job's employer) of a job seeker with a strictly confidential address (kode 6).
 */

import {
  AbilityBuilder,
  subject as asSubject,
  type Ability as PureAbility,
  type Subject,
} from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import {
  accessibleBy,
  createPrismaAbility,
  type PrismaQueryOf,
  type Subjects,
  type WhereInputOf,
} from '@casl/prisma/runtime';
import type {
  Absence,
  ActionPoint,
  AuditLog,
  BenefitsCounselling,
  CareerProfile,
  Consent,
  DeadlineRuleSetting,
  Employer,
  EmployerContact,
  Employment,
  FidelityActionItem,
  FidelityReview,
  FieldMentoring,
  FollowUpMeeting,
  HealthTeam,
  IdentityProvider,
  JobApplication,
  JobSeeker,
  JournalNote,
  Membership,
  NavSharingGrant,
  Notification,
  Organization,
  PortfolioReview,
  Prisma,
  Reminder,
  Role,
  SpecialistTeam,
  Study,
  SupportPlan,
  TeamMeeting,
  TeamMember,
  Transfer,
  User,
} from '@ips/db';
import { defineBenefitsCounsellingRules } from './rules-benefits.js';

export type Action =
  | 'manage'
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'restore'
  | 'withdraw'
  | 'revoke'
  | 'onboard'
  /** Ask for something owed: a supervisor asks a specialist to obtain missing consents. */
  | 'request';

export type AppSubjects =
  | Subjects<{
      Organization: Organization;
      IdentityProvider: IdentityProvider;
      User: User;
      Membership: Membership;
      SpecialistTeam: SpecialistTeam;
      TeamMember: TeamMember;
      HealthTeam: HealthTeam;
      JobSeeker: JobSeeker;
      Consent: Consent;
      NavSharingGrant: NavSharingGrant;
      Employment: Employment;
      SupportPlan: SupportPlan;
      AuditLog: AuditLog;
      Employer: Employer;
      EmployerContact: EmployerContact;
      CareerProfile: CareerProfile;
      JournalNote: JournalNote;
      FollowUpMeeting: FollowUpMeeting;
      DeadlineRuleSetting: DeadlineRuleSetting;
      JobApplication: JobApplication;
      Study: Study;
      Absence: Absence;
      Transfer: Transfer;
      Notification: Notification;
      TeamMeeting: TeamMeeting;
      ActionPoint: ActionPoint;
      FieldMentoring: FieldMentoring;
      PortfolioReview: PortfolioReview;
      FidelityReview: FidelityReview;
      FidelityActionItem: FidelityActionItem;
      Reminder: Reminder;
      BenefitsCounselling: BenefitsCounselling;
    }>
  | 'all';

export type AppAbility = PureAbility<[Action, AppSubjects], PrismaQueryOf<Prisma.TypeMap>>;

/** Field groups of a job seeker. */
export const JOB_SEEKER_FIELDS = {
  basic: [
    'id',
    'organizationId',
    'givenName',
    'familyName',
    'phase',
    'phaseChangedAt',
    'currentSpecialistId',
    'teamId',
    'referralDate',
    'intakeDate',
    'dischargedAt',
    'version',
    'createdAt',
    'updatedAt',
  ],
  identity: ['identityNumber', 'birthDate'],
  contact: ['phone', 'email'],
  address: ['streetAddress', 'postalCode', 'city'],
  case: [
    'referredBy',
    'healthTeamId',
    'outOfWorkAtReferral',
    'dischargeReason',
    'dischargeNote',
    'protectedAddress',
  ],
  /**
   * The team-discussion consent's refusal and the supervisor's request for it (seed 001 §3): the own
   * specialist's alone (no rule but the own-portfolio one lists them).
   */
  teamConsent: ['teamConsentRefusedAt', 'teamConsentRequestedAt'],
} as const satisfies Record<string, readonly (keyof JobSeeker)[]>;

/**
 * Derived job-seeker fields and the stored field whose permission they follow: the deadline
 * status is case information (own portfolio and consented team cases; never NAV or leaders).
 */
export const DERIVED_JOB_SEEKER_FIELDS = { deadlineStatus: 'healthTeamId' } as const satisfies Record<
  string,
  keyof JobSeeker
>;

export const ALL_JOB_SEEKER_FIELDS: string[] = Object.values(JOB_SEEKER_FIELDS).flat();

/**
 * Where a job seeker works: the employer of a job. For a job seeker with a strictly confidential
 * address (kode 6) only the own specialist reads it — not colleagues, the supervisor or NAV
 * (issue 17 item 9; domain.md §10: address and whereabouts hidden from everyone without a specific
 * need). The API's `Employment.employer` follows `employerId`.
 */
export const EMPLOYMENT_WORKPLACE_FIELDS = ['employerId'] as const satisfies readonly (keyof Employment)[];

/** Every other field of a job: what the team and NAV read of a kode-6 job seeker's job. */
export const EMPLOYMENT_FIELDS_WITHOUT_WORKPLACE = [
  'id',
  'organizationId',
  'jobSeekerId',
  'kind',
  'jobTitle',
  'jobType',
  'startDate',
  'endDate',
  'hoursPerWeek',
  'hourlyWage',
  'openLabourMarket',
  'atLeastMinimumWage',
  'openToAnyone',
  'employerMeetingWanted',
  'endedBy',
  'endReason',
  'endLearnedOn',
  'endRecordedById',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Employment)[];

/** The job seekers whose workplace others than the own specialist may read: all but kode 6. */
const WORKPLACE_NOT_PROTECTED: Prisma.JobSeekerWhereInput = {
  protectedAddress: { in: ['NONE', 'CONFIDENTIAL'] },
};

export interface ActorMembership {
  organizationId: string;
  role: Role;
}

export interface ActorTeam {
  teamId: string;
  /** The team's organisation. */
  organizationId: string;
  role: 'JOB_SPECIALIST' | 'METHOD_SUPERVISOR';
}

export interface Actor {
  userId: string;
  /** Active memberships in the organisations this request acts in. */
  memberships: readonly ActorMembership[];
  teams: readonly ActorTeam[];
  platformOperator: boolean;
}

const orgsWith = (actor: Actor, ...roles: Role[]) => [
  ...new Set(actor.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organizationId)),
];

/** A consent scope that is given, started, not expired and not withdrawn at `now`. */
export function activeConsent(scope: Consent['scope'], now: Date): Prisma.ConsentListRelationFilter {
  return {
    some: {
      scope,
      withdrawnAt: null,
      validFrom: { lte: now },
      OR: [{ validUntil: null }, { validUntil: { gt: now } }],
    },
  };
}

/**
 * An active NAV grant to one of `navOfficeIds` (for this counsellor or the whole office); with
 * `scope`, one that names the part AND stands on a NAV-sharing consent that covers it (the grant can
 * never reach past the consent; the database's `app.nav_job_seeker_ids` says the same).
 */
export function activeNavGrant(
  actor: Actor,
  navOfficeIds: string[],
  now: Date,
  scope?: NavSharingGrant['scopes'][number],
): Prisma.NavSharingGrantListRelationFilter {
  return {
    some: {
      navOfficeId: { in: navOfficeIds },
      OR: [{ counsellorId: null }, { counsellorId: actor.userId }],
      revokedAt: null,
      validFrom: { lte: now },
      AND: [
        { OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
        ...(scope ? [{ scopes: { has: scope } }] : []),
      ],
      consent: {
        is: {
          scope: 'NAV_SHARING',
          withdrawnAt: null,
          validFrom: { lte: now },
          OR: [{ validUntil: null }, { validUntil: { gt: now } }],
          // Consent is the only door (issue 17 item 1): the part must be one the job seeker
          // consented to, whatever the grant names.
          ...(scope ? { navParts: { has: scope } } : {}),
        },
      },
    },
  };
}

export function defineAbilityFor(actor: Actor, now: Date = new Date()): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createPrismaAbility);
  const me = actor.userId;

  if (actor.platformOperator) {
    can('onboard', 'Organization');
    can('read', 'Organization');
  }
  can('read', 'User', { id: me });

  // Everyone's own inbox.
  can(['read', 'update'], 'Notification', { recipientId: me });

  // Every member reads the organisations they act in and their own memberships.
  const memberOrgs = [...new Set(actor.memberships.map((m) => m.organizationId))];
  if (memberOrgs.length > 0) {
    can('read', 'Organization', { id: { in: memberOrgs } });
    can('read', 'Membership', { userId: me });
  }

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

  // ─── deleting and restoring a case: the organisation's administrators and leaders ───
  // (`delete` on a job seeker is only ever this soft deletion; nobody may read a deleted case.)
  const caseDeletionOrgs = orgsWith(actor, 'TENANT_ADMINISTRATOR', 'HEALTH_SERVICE_LEADER');
  if (caseDeletionOrgs.length > 0) {
    can(['delete', 'restore'], 'JobSeeker', { organizationId: { in: caseDeletionOrgs } });
  }

  // ─── tenant administrators: people, roles, teams, sign-in ───
  const adminOrgs = orgsWith(actor, 'TENANT_ADMINISTRATOR');
  if (adminOrgs.length > 0) {
    can('update', 'Organization', ['name', 'settings', 'staffingSettings'], { id: { in: adminOrgs } });
    can('manage', ['Membership', 'SpecialistTeam', 'TeamMember', 'HealthTeam', 'IdentityProvider'], {
      organizationId: { in: adminOrgs },
    });
    can(['read', 'create', 'update'], 'User', {
      memberships: { some: { organizationId: { in: adminOrgs } } },
    });
    can('create', 'User');
    // They tune the deadline rules for their organisation (within the bounds the rules allow).
    can('manage', 'DeadlineRuleSetting', { organizationId: { in: adminOrgs } });
    // They answer a job seeker's request to see who accessed their data (tilgangslogg).
    can('read', 'AuditLog', { organizationId: { in: adminOrgs } });
  }

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

  defineBenefitsCounsellingRules(can, actor, now);

  // Addresses (and so protected addresses, kode 6/7) are granted by the own-portfolio rule alone:
  // no other rule lists the address fields. (No `cannot` rules: an inverted rule with conditions
  // would turn into a row filter of its own in accessibleBy.)

  return build();
}

/** Checks an action on a loaded record (`subject` tags it with its model name). */
export function canOn(
  ability: AppAbility,
  action: Action,
  type: Exclude<AppSubjects, 'all'> extends infer S ? (S extends string ? S : never) : never,
  record: object,
  field?: string,
): boolean {
  return ability.can(action, asSubject(type, record) as unknown as Subject as AppSubjects, field);
}

type ModelName = Exclude<AppSubjects, 'all'> extends infer S ? (S extends string ? S : never) : never;

/** Matches no row: what a list must use when no rule grants anything. */
const NOTHING = { id: { in: [] as string[] } };

/**
 * The `where` that limits a model to what the ability allows: put it first in an `AND`.
 *
 * This is the only way the API filters by the ability. `accessibleBy` answers `{ OR: [] }` when no
 * rule grants the action, and Prisma 7 reads an empty `OR` as no filter at all (every row): that
 * case becomes a condition that matches nothing.
 */
export function accessibleWhere<M extends ModelName>(
  ability: AppAbility,
  action: Action,
  model: M,
): WhereInputOf<Prisma.TypeMap, M> {
  const where = accessibleBy(ability, action).ofType(model as never) as { OR?: unknown[] };
  if (Array.isArray(where.OR) && where.OR.length === 0) return NOTHING as WhereInputOf<Prisma.TypeMap, M>;
  return where as WhereInputOf<Prisma.TypeMap, M>;
}

/** Every job-seeker field the ability lets the user read on this record (one evaluation per record). */
export function readableJobSeekerFields(ability: AppAbility, record: object): ReadonlySet<string> {
  const fields = permittedFieldsOf(
    ability,
    'read',
    asSubject('JobSeeker', record) as unknown as AppSubjects,
    {
      fieldsFrom: (rule) => rule.fields ?? ALL_JOB_SEEKER_FIELDS,
    },
  );
  return new Set(fields);
}

/**
 * An ability that allows everything, for the benchmark's "security layers off" rung only (it
 * prices what the real ability costs). The API refuses to use it in production; nothing else may.
 */
export function unrestrictedAbilityForBenchmarkOnly(): AppAbility {
  return createPrismaAbility<AppAbility>([{ action: 'manage', subject: 'all' }]);
}
