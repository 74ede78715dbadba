/**
 * Small row factories that the seed and the tests share: one function per common row, taking the
 * ids and the values that matter and filling the rest with the defaults the seed uses. Each
 * returns a plain row (column → value, typed by Prisma's unchecked create input), written by the
 * seed through its COPY buffer and by tests through `insertRow`.
 *
 * Column order is the seed's: the seed's determinism digest (`test/seed.test.ts`) hashes columns
 * in order, so a default goes where the seed writes that column, and an argument object the seed
 * passes keeps its own evaluation order (its random draws happen before the factory runs).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from './generated/prisma/client.js';
import { Json } from './seed/copy.js';

/** Columns to fill at least; everything else defaults (a fresh v4 uuid for `id`, now for timestamps). */
type Input<Row, Required extends keyof Row> = Pick<Row, Required> & Partial<Omit<Row, Required>>;

/** Defaults in the seed's column order, overwritten by the input (whose extra columns follow). */
function build<Row>(defaults: Record<string, unknown>, input: object): Row {
  const row: Record<string, unknown> = { ...defaults, ...input };
  if (row.id === undefined) row.id = randomUUID();
  return row as Row;
}

export type JobSeekerRow = Prisma.JobSeekerUncheckedCreateInput;

/** A job seeker: referred, out of work, without address, team or specialist unless given. */
export function jobSeekerRow(
  input: Input<
    JobSeekerRow,
    'organizationId' | 'identityNumber' | 'givenName' | 'familyName' | 'birthDate' | 'referralDate'
  >,
): JobSeekerRow {
  const now = new Date();
  return build(
    {
      id: undefined,
      organizationId: undefined,
      identityNumber: undefined,
      givenName: undefined,
      familyName: undefined,
      birthDate: undefined,
      phone: null,
      email: null,
      streetAddress: null,
      postalCode: null,
      city: null,
      protectedAddress: 'NONE',
      referralDate: undefined,
      referredBy: null,
      intakeDate: null,
      phase: 'REFERRED',
      phaseChangedAt: now,
      healthTeamId: null,
      teamId: null,
      currentSpecialistId: null,
      outOfWorkAtReferral: true,
      dischargedAt: null,
      dischargeReason: null,
      dischargeNote: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    input,
  );
}

export type EmploymentRow = Prisma.EmploymentUncheckedCreateInput;

/**
 * A job (or work practice): ongoing, a competitive job on the open labour market (as the seed's
 * ordinary jobs almost all are) unless the flags are given.
 */
export function employmentRow(
  input: Input<
    EmploymentRow,
    'organizationId' | 'jobSeekerId' | 'kind' | 'jobTitle' | 'jobType' | 'startDate' | 'hoursPerWeek'
  >,
): EmploymentRow {
  const now = new Date();
  return build(
    {
      id: undefined,
      organizationId: undefined,
      jobSeekerId: undefined,
      employerId: null,
      kind: undefined,
      jobTitle: undefined,
      jobType: undefined,
      startDate: undefined,
      endDate: null,
      hoursPerWeek: undefined,
      hourlyWage: null,
      openLabourMarket: true,
      atLeastMinimumWage: true,
      openToAnyone: true,
      employerMeetingWanted: false,
      endedBy: null,
      endReason: null,
      endLearnedOn: null,
      endRecordedById: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    input,
  );
}

export type EmployerContactRow = Prisma.EmployerContactUncheckedCreateInput;

/** An employer contact: face to face, about no particular job seeker, no outcome noted unless given. */
export function employerContactRow(
  input: Input<
    EmployerContactRow,
    'organizationId' | 'employerId' | 'specialistId' | 'contactedAt' | 'purpose'
  >,
): EmployerContactRow {
  return build(
    {
      id: undefined,
      organizationId: undefined,
      employerId: undefined,
      specialistId: undefined,
      jobSeekerId: null,
      contactedAt: undefined,
      faceToFace: true,
      purpose: undefined,
      contactPerson: null,
      durationMinutes: null,
      outcome: null,
      notes: null,
      createdAt: new Date(),
    },
    input,
  );
}

export type FollowUpMeetingRow = Prisma.FollowUpMeetingUncheckedCreateInput;

/** The seed's summary of a held meeting. */
export const SEED_MEETING_SUMMARY = 'Samtale om jobbønsker og neste steg. Avtalt ny kontakt.';

/**
 * A follow-up meeting: held, with the job seeker only, face to face unless remote, with the seed's
 * summary unless given.
 */
export function followUpMeetingRow(
  input: Input<
    FollowUpMeetingRow,
    | 'organizationId'
    | 'jobSeekerId'
    | 'specialistId'
    | 'purpose'
    | 'scheduledAt'
    | 'location'
    | 'durationMinutes'
  >,
): FollowUpMeetingRow {
  return build(
    {
      id: undefined,
      organizationId: undefined,
      jobSeekerId: undefined,
      specialistId: undefined,
      employmentId: null,
      purpose: undefined,
      status: 'HELD',
      scheduledAt: undefined,
      participants: ['JOB_SEEKER'],
      faceToFace: input.location !== 'REMOTE',
      location: undefined,
      durationMinutes: undefined,
      summary: SEED_MEETING_SUMMARY,
      createdAt: new Date(),
    },
    input,
  );
}

export type AbsenceRow = Prisma.AbsenceUncheckedCreateInput;

/**
 * A specialist's absence, registered by the specialist: planned unless sick leave, open-ended and
 * without a note unless given.
 */
export function absenceRow(
  input: Input<AbsenceRow, 'organizationId' | 'specialistId' | 'type' | 'startDate'>,
): AbsenceRow {
  const now = new Date();
  return build(
    {
      id: undefined,
      organizationId: undefined,
      specialistId: undefined,
      type: undefined,
      planned: input.type !== 'SICK_LEAVE',
      startDate: undefined,
      expectedEndDate: null,
      actualEndDate: null,
      registeredById: input.specialistId,
      supervisorNotifiedAt: null,
      note: null,
      createdAt: now,
      updatedAt: now,
    },
    input,
  );
}

export type ConsentRow = Prisma.ConsentUncheckedCreateInput;

/**
 * A consent recorded when it became valid, open-ended and not withdrawn unless given; `navParts`
 * empty (a NAV_SHARING consent gets its parts with the grant).
 */
export function consentRow(
  input: Input<ConsentRow, 'organizationId' | 'jobSeekerId' | 'scope' | 'validFrom' | 'recordedById'>,
): ConsentRow {
  return build(
    {
      id: undefined,
      organizationId: undefined,
      jobSeekerId: undefined,
      scope: undefined,
      validFrom: undefined,
      validUntil: null,
      recordedById: undefined,
      recordedAt: input.validFrom,
      documentReference: null,
      withdrawnAt: null,
      withdrawnById: null,
      withdrawalNote: null,
      version: 1,
      updatedAt: new Date(),
      navParts: [],
    },
    input,
  );
}

/** The tables the factories build rows for. */
export type FactoryTable =
  | 'job_seeker'
  | 'employment'
  | 'employer_contact'
  | 'follow_up_meeting'
  | 'absence'
  | 'consent';

/**
 * Inserts a factory row (for tests): one parameterised INSERT with `"camelCase"` column names,
 * leaving out undefined columns so the table's defaults apply; returns the row's id.
 */
export async function insertRow(
  db: Pick<pg.ClientBase, 'query'>,
  table: FactoryTable,
  row: object,
): Promise<string> {
  const entries = Object.entries(row).filter(([, value]) => value !== undefined);
  const columns = entries.map(([column]) => `"${column.replace(/"/g, '""')}"`).join(', ');
  const params = entries.map((_, i) => `$${i + 1}`).join(', ');
  const values = entries.map(([, value]) => (value instanceof Json ? JSON.stringify(value.value) : value));
  const result = await db.query<{ id: string }>(
    `INSERT INTO "${table}" (${columns}) VALUES (${params}) RETURNING id`,
    values,
  );
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`No id returned by the insert into ${table}`);
  return id;
}
