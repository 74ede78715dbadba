/**
 * Field-level authorization: the field groups the rules grant (a job seeker's, a job's), the derived
 * fields and whose permission they follow, the facts about a job seeker the field rules look at
 * (consents and NAV grants: the API loads them with the record), and the fields a user may read on
 * one record. The rules that grant them are in `rules/`.
 */
import { subject as asSubject } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import type { Employment, JobSeeker, Prisma } from '@ips/db';
import type { AppAbility, AppSubjects } from './types.js';

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
 * The facts about a job seeker the field rules look at: its own access fields, its team-discussion
 * consents and its NAV grants with their consents. Loaded with the record (or in one batch), so
 * `readableJobSeekerFields` needs no query of its own.
 */
export const JOB_SEEKER_ACCESS_SELECT = {
  id: true,
  organizationId: true,
  currentSpecialistId: true,
  teamId: true,
  protectedAddress: true,
  consents: {
    where: { scope: 'TEAM_CASE_DISCUSSION' },
    select: { scope: true, withdrawnAt: true, validFrom: true, validUntil: true },
  },
  navSharingGrants: {
    select: {
      navOfficeId: true,
      counsellorId: true,
      revokedAt: true,
      validFrom: true,
      validUntil: true,
      scopes: true,
      consent: {
        select: { scope: true, withdrawnAt: true, validFrom: true, validUntil: true, navParts: true },
      },
    },
  },
} satisfies Prisma.JobSeekerSelect;

export type JobSeekerFactRelation = 'consents' | 'navSharingGrants';
export const JOB_SEEKER_FACT_RELATIONS: readonly JobSeekerFactRelation[] = ['consents', 'navSharingGrants'];

const factRelationsOf = new WeakMap<object, readonly JobSeekerFactRelation[]>();

/**
 * The fact relations this user's field checks need: those a rule about reading a job seeker names
 * in its conditions. A relation no rule looks at cannot change what the user may read, so it need
 * not be loaded (a job specialist's rules name team consents, never NAV grants).
 */
export function jobSeekerFactRelations(ability: AppAbility): readonly JobSeekerFactRelation[] {
  let relations = factRelationsOf.get(ability);
  if (!relations) {
    const conditions = ability.rulesFor('read', 'JobSeeker').map((r) => JSON.stringify(r.conditions ?? {}));
    relations = JOB_SEEKER_FACT_RELATIONS.filter((name) => conditions.some((c) => c.includes(`"${name}":`)));
    factRelationsOf.set(ability, relations);
  }
  return relations;
}
