/**
 * The start and end of a job seeker's path (docs/domain.md §4, seed 003), the flow behind their
 * mutations: referral with zero exclusion (no readiness gate; a valid identity number, not already
 * registered in the organisation), intake (which opens the first-employer-contact duty), and
 * discharge from the portfolio (which closes every open duty and the assignment, and writes a
 * journal-ready note). Phase changes keep their history; every change is version-checked and logged.
 */
import { accessibleWhere, canOn, readableJobSeekerFields } from '@ips/authz';
import type { DischargeReason, JobSeekerPhase, ProtectedAddress } from '@ips/db';
import {
  asDate,
  futureDayIssue,
  type IdentityNumber,
  osloDay,
  parseIdentityNumber,
  tasksForEvent,
} from '@ips/domain';
import type { Context } from '../context.js';
import {
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  numberCode,
  ValidationError,
} from '../schema/errors.js';
import { accessFacts } from '../schema/job-seeker-fields.js';
import { writeJournalNote } from '../schema/journal-note.js';
import { applyTaskChanges, tuningOf } from './duties.js';
import { updateVersioned } from './versioned.js';

async function recordPhase(
  ctx: Context,
  js: { id: string; organizationId: string },
  from: JobSeekerPhase | null,
  to: JobSeekerPhase,
  note?: string | null,
) {
  await ctx.db.jobSeekerPhaseChange.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      fromPhase: from,
      toPhase: to,
      changedById: ctx.actor.userId,
      note: note ?? null,
    },
  });
}

function audit(
  ctx: Context,
  action: 'CREATE' | 'UPDATE',
  js: { id: string; organizationId: string },
  area: string,
) {
  ctx.audit.record({
    organizationId: js.organizationId,
    jobSeekerId: js.id,
    action,
    area,
    entityType: 'JobSeeker',
    entityId: js.id,
  });
}

/** A job seeker the user may read, else NotFound; then the ability must allow `update`. */
async function ownJobSeeker(ctx: Context, id: string) {
  const js = await ctx.db.jobSeeker.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id }] },
  });
  if (!js) throw new NotFoundError('JobSeeker');
  if (!canOn(ctx.ability, 'update', 'JobSeeker', js, 'phase')) {
    throw new ForbiddenActionError('Only the job seeker’s own specialist changes the case');
  }
  return js;
}

/** A referral as the referral form sends it. */
export interface Referral {
  organizationId: string;
  identityNumber: string;
  givenName: string;
  familyName: string;
  phone?: string | null;
  email?: string | null;
  streetAddress?: string | null;
  postalCode?: string | null;
  city?: string | null;
  protectedAddress?: ProtectedAddress | null;
  referralDate: string;
  referredBy?: string | null;
  healthTeamId?: string | null;
  outOfWorkAtReferral: boolean;
}

/**
 * The identity number's issue, if any: not a valid number, or a person already registered in the
 * organisation — with the way to the existing case only when the caller may read its number (their
 * own case): naming a colleague's case would tell whose number this is.
 */
async function identityIssue(
  ctx: Context,
  organizationId: string,
  identity: ReturnType<typeof parseIdentityNumber>,
): Promise<FieldIssue | null> {
  if (!identity.ok)
    return {
      field: 'identityNumber',
      code: numberCode(identity.error),
      message: 'Not a valid fødselsnummer or D-number',
    };
  // Deleted cases keep their number until purged (ADR 0012) but are hidden by row-level security:
  // the definer function answers for them too (yes/no, nothing else).
  const [registered] = await ctx.db.$queryRaw<{ taken: boolean }[]>`
    SELECT app.identity_number_registered(${organizationId}::uuid, ${identity.value.number}) AS taken`;
  if (!registered?.taken) return null;
  const found = await ctx.db.jobSeeker.findFirst({
    where: {
      AND: [
        accessibleWhere(ctx.ability, 'read', 'JobSeeker'),
        { organizationId, identityNumber: identity.value.number },
      ],
    },
    select: { id: true },
  });
  const facts = found ? await accessFacts(ctx, found.id) : undefined;
  const existing =
    found && facts && readableJobSeekerFields(ctx.ability, facts).has('identityNumber') ? found : null;
  return {
    field: 'identityNumber',
    code: 'DUPLICATE',
    message: 'This person is already a job seeker here',
    ...(existing ? { existing: { type: 'JobSeeker', id: existing.id } } : {}),
  };
}

/** Everything wrong with a referral, or its parsed identity number. */
async function checkReferral(ctx: Context, input: Referral): Promise<IdentityNumber> {
  const { organizationId } = input;
  const org = await ctx.db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { allowSyntheticIdentityNumbers: true },
  });
  const identity = parseIdentityNumber(input.identityNumber, {
    allowSynthetic: org.allowSyntheticIdentityNumbers,
  });
  const issues: FieldIssue[] = [];
  const numberIssue = await identityIssue(ctx, organizationId, identity);
  if (numberIssue) issues.push(numberIssue);
  const future = futureDayIssue(
    osloDay(ctx.now),
    'referralDate',
    input.referralDate,
    'A referral cannot be dated in the future',
  );
  if (future) issues.push(future);
  if (
    input.healthTeamId &&
    !(await ctx.db.healthTeam.findFirst({
      where: { id: input.healthTeamId, organizationId },
      select: { id: true },
    }))
  )
    issues.push({
      field: 'healthTeamId',
      code: 'UNKNOWN',
      message: 'No such health team in the organisation',
    });
  if (issues.length > 0 || !identity.ok) throw new ValidationError(issues);
  return identity.value;
}

/** A referral (henvisning) into the caller's own portfolio; returns the new case's id. */
export async function referJobSeeker(ctx: Context, input: Referral): Promise<string> {
  const { organizationId } = input;
  if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
    throw new NotFoundError('Organization');
  if (!canOn(ctx.ability, 'create', 'JobSeeker', { organizationId }))
    throw new ForbiddenActionError('Job specialists and method supervisors refer job seekers');
  const identity = await checkReferral(ctx, input);
  // kode 6 (strengt fortrolig adresse): the address is not stored at all.
  const strictly = input.protectedAddress === 'STRICTLY_CONFIDENTIAL';
  const created = await ctx.db.jobSeeker.create({
    data: {
      organizationId,
      identityNumber: identity.number,
      birthDate: asDate(identity.birthDate),
      givenName: input.givenName,
      familyName: input.familyName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      protectedAddress: input.protectedAddress ?? 'NONE',
      streetAddress: strictly ? null : (input.streetAddress ?? null),
      postalCode: strictly ? null : (input.postalCode ?? null),
      city: strictly ? null : (input.city ?? null),
      referralDate: asDate(input.referralDate),
      referredBy: input.referredBy ?? null,
      healthTeamId: input.healthTeamId ?? null,
      teamId: ctx.actor.teams[0]?.teamId ?? null,
      currentSpecialistId: ctx.actor.userId,
      outOfWorkAtReferral: input.outOfWorkAtReferral,
      phase: 'REFERRED',
    },
    select: { id: true, organizationId: true },
  });
  await ctx.db.assignment.create({
    data: {
      organizationId,
      jobSeekerId: created.id,
      specialistId: ctx.actor.userId,
      reason: 'INTAKE',
      startedAt: ctx.now,
    },
  });
  await recordPhase(ctx, created, null, 'REFERRED');
  audit(ctx, 'CREATE', created, 'JobSeeker.refer');
  return created.id;
}

/** The intake conversation: opens the duty of the first employer contact (one month, seed 003 §6). */
export async function recordIntake(
  ctx: Context,
  input: { jobSeekerId: string; version: number; intakeDate: string },
): Promise<string> {
  const js = await ownJobSeeker(ctx, input.jobSeekerId);
  const issues: FieldIssue[] = [];
  if (js.phase !== 'REFERRED')
    issues.push({ field: 'jobSeekerId', code: 'NOT_REFERRED', message: 'Intake follows a referral' });
  const futureIntake = futureDayIssue(
    osloDay(ctx.now),
    'intakeDate',
    input.intakeDate,
    'Record an intake once it is held',
  );
  if (futureIntake) issues.push(futureIntake);
  if (asDate(input.intakeDate) < js.referralDate)
    issues.push({
      field: 'intakeDate',
      code: 'BEFORE_REFERRAL',
      message: 'Intake cannot be before the referral',
    });
  if (issues.length) throw new ValidationError(issues);
  await updateVersioned(ctx.db.jobSeeker, 'JobSeeker', js.id, input.version, {
    intakeDate: asDate(input.intakeDate),
    phase: 'INTAKE',
    phaseChangedAt: ctx.now,
  });
  await recordPhase(ctx, js, js.phase, 'INTAKE');
  const tuning = await tuningOf(ctx, js.organizationId);
  await applyTaskChanges(ctx, js, tasksForEvent({ kind: 'INTAKE', day: input.intakeDate }, tuning));
  audit(ctx, 'UPDATE', js, 'JobSeeker.intake');
  return js.id;
}

/** Discharge from the portfolio (utskriving) with a reason: closes every open duty and the assignment. */
export async function dischargeJobSeeker(
  ctx: Context,
  input: {
    jobSeekerId: string;
    version: number;
    dischargedOn: string;
    reason: DischargeReason;
    note: string | null;
  },
): Promise<string> {
  const js = await ownJobSeeker(ctx, input.jobSeekerId);
  const issues: FieldIssue[] = [];
  if (js.phase === 'DISCHARGED')
    issues.push({ field: 'jobSeekerId', code: 'ALREADY_DISCHARGED', message: 'Already discharged' });
  const future = futureDayIssue(
    osloDay(ctx.now),
    'dischargedOn',
    input.dischargedOn,
    'Record a discharge on or after its day',
  );
  if (future) issues.push(future);
  if (asDate(input.dischargedOn) < js.referralDate)
    issues.push({
      field: 'dischargedOn',
      code: 'BEFORE_REFERRAL',
      message: 'Discharge cannot be before the referral',
    });
  if (issues.length) throw new ValidationError(issues);
  await updateVersioned(ctx.db.jobSeeker, 'JobSeeker', js.id, input.version, {
    phase: 'DISCHARGED',
    phaseChangedAt: ctx.now,
    dischargedAt: asDate(input.dischargedOn),
    dischargeReason: input.reason,
    dischargeNote: input.note,
  });
  await recordPhase(ctx, js, js.phase, 'DISCHARGED', input.note);
  await applyTaskChanges(ctx, js, tasksForEvent({ kind: 'DISCHARGE', day: input.dischargedOn }));
  await ctx.db.assignment.updateMany({
    where: { organizationId: js.organizationId, jobSeekerId: js.id, endedAt: null },
    data: { endedAt: ctx.now },
  });
  await writeJournalNote(ctx, js, js.id, {
    kind: 'DISCHARGE',
    date: input.dischargedOn,
    reason: input.reason,
    note: input.note,
  });
  audit(ctx, 'UPDATE', js, 'JobSeeker.discharge');
  return js.id;
}
