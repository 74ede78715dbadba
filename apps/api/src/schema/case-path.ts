/**
 * The start and end of a job seeker's path (domain.md §4, seed 003): referral with zero exclusion
 * (no readiness gate), intake (which opens the first-employer-contact deadline), and discharge
 * from the portfolio (which closes every open task). Phase changes keep their history; every
 * change is versioned and logged.
 */
import { accessibleWhere, canOn, readableJobSeekerFields } from '@ips/authz';
import { DischargeReason, type JobSeekerPhase, type Prisma, ProtectedAddress } from '@ips/db';
import { parseIdentityNumber, tasksForEvent } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import { applyTaskChanges, tuningOf } from '../services/duties.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  numberCode,
  ValidationError,
} from './errors.js';
import { accessFacts, JobSeekerNode } from './job-seeker.js';
import { writeJournalNote } from './journal-note.js';
import { asDate, conflictNow, futureDayIssue, nonEmpty } from './lookups.js';

const DischargeReasonEnum = builder.enumType(DischargeReason, { name: 'DischargeReason' });
const NewProtectedAddressEnum = builder.enumType(ProtectedAddress, { name: 'ProtectedAddressInput' });

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

const day = calendarDay;

const ReferInput = builder.inputType('ReferJobSeekerInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true, validate: z.uuid() }),
    identityNumber: t.string({ required: true, validate: z.string().trim().max(20) }),
    givenName: t.string({ required: true, validate: z.string().trim().min(1).max(100) }),
    familyName: t.string({ required: true, validate: z.string().trim().min(1).max(100) }),
    phone: t.string({ required: false, validate: z.string().trim().max(30) }),
    email: t.string({ required: false, validate: z.email() }),
    streetAddress: t.string({ required: false, validate: z.string().trim().max(200) }),
    postalCode: t.string({ required: false, validate: z.string().regex(/^\d{4}$/) }),
    city: t.string({ required: false, validate: z.string().trim().max(100) }),
    protectedAddress: t.field({ type: NewProtectedAddressEnum, required: false }),
    referralDate: t.string({ required: true, validate: day }),
    referredBy: t.string({ required: false, validate: z.string().trim().max(200) }),
    healthTeamId: t.id({ required: false, validate: z.uuid() }),
    outOfWorkAtReferral: t.boolean({ required: true }),
  }),
});

const IntakeInput = builder.inputType('RecordIntakeInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    intakeDate: t.string({ required: true, validate: day }),
  }),
});

const DischargeInput = builder.inputType('DischargeJobSeekerInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    dischargedOn: t.string({ required: true, validate: day }),
    reason: t.field({ type: DischargeReasonEnum, required: true }),
    note: t.string({ required: false, validate: z.string().max(2000) }),
  }),
});

builder.mutationFields((t) => ({
  referJobSeeker: t.prismaField({
    type: JobSeekerNode,
    description: 'A referral (henvisning): anyone who wants work takes part — there is no readiness gate.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: ReferInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const organizationId = String(input.organizationId);
      if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
        throw new NotFoundError('Organization');
      if (!canOn(ctx.ability, 'create', 'JobSeeker', { organizationId })) {
        throw new ForbiddenActionError('Job specialists and method supervisors refer job seekers');
      }
      const org = await ctx.db.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { allowSyntheticIdentityNumbers: true },
      });
      const issues: FieldIssue[] = [];
      const identity = parseIdentityNumber(input.identityNumber, {
        allowSynthetic: org.allowSyntheticIdentityNumbers,
      });
      if (!identity.ok) {
        issues.push({
          field: 'identityNumber',
          code: numberCode(identity.error),
          message: 'Not a valid fødselsnummer or D-number',
        });
      } else if (
        // Deleted cases keep their number until purged (ADR 0012) but are hidden by row-level
        // security: the definer function answers for them too (yes/no, nothing else).
        (
          await ctx.db.$queryRaw<{ taken: boolean }[]>`
            SELECT app.identity_number_registered(${organizationId}::uuid, ${identity.value.number}) AS taken`
        )[0]?.taken
      ) {
        // The way to the existing case, only when the caller may see it and read its number (their
        // own case): naming a colleague's case would tell whose number this is. Otherwise the
        // answer is only that the person is registered here.
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
        issues.push({
          field: 'identityNumber',
          code: 'DUPLICATE',
          message: 'This person is already a job seeker here',
          ...(existing ? { existing: { type: 'JobSeeker', id: existing.id } } : {}),
        });
      }
      const future = futureDayIssue(
        ctx,
        'referralDate',
        input.referralDate,
        'A referral cannot be dated in the future',
      );
      if (future) issues.push(future);
      if (
        input.healthTeamId &&
        !(await ctx.db.healthTeam.findFirst({
          where: { id: String(input.healthTeamId), organizationId },
          select: { id: true },
        }))
      ) {
        issues.push({
          field: 'healthTeamId',
          code: 'UNKNOWN',
          message: 'No such health team in the organisation',
        });
      }
      if (issues.length > 0 || !identity.ok) throw new ValidationError(issues);
      const team = ctx.actor.teams[0];
      const created = await ctx.db.jobSeeker.create({
        data: {
          organizationId,
          identityNumber: identity.value.number,
          birthDate: asDate(identity.value.birthDate),
          givenName: input.givenName,
          familyName: input.familyName,
          phone: input.phone ?? null,
          email: input.email ?? null,
          protectedAddress: input.protectedAddress ?? 'NONE',
          // kode 6: the address is not stored at all
          streetAddress:
            input.protectedAddress === 'STRICTLY_CONFIDENTIAL' ? null : (input.streetAddress ?? null),
          postalCode: input.protectedAddress === 'STRICTLY_CONFIDENTIAL' ? null : (input.postalCode ?? null),
          city: input.protectedAddress === 'STRICTLY_CONFIDENTIAL' ? null : (input.city ?? null),
          referralDate: asDate(input.referralDate),
          referredBy: input.referredBy ?? null,
          healthTeamId: input.healthTeamId ? String(input.healthTeamId) : null,
          teamId: team?.teamId ?? null,
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
      return ctx.db.jobSeeker.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),

  recordIntake: t.prismaField({
    type: JobSeekerNode,
    description: 'The intake conversation: opens the deadline for the first employer contact (one month).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: IntakeInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const js = await ownJobSeeker(ctx, String(input.jobSeekerId));
      const issues: FieldIssue[] = [];
      if (js.phase !== 'REFERRED')
        issues.push({ field: 'jobSeekerId', code: 'NOT_REFERRED', message: 'Intake follows a referral' });
      const futureIntake = futureDayIssue(
        ctx,
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
      const { count } = await ctx.db.jobSeeker.updateMany({
        where: { id: js.id, version: input.version },
        data: {
          intakeDate: asDate(input.intakeDate),
          phase: 'INTAKE',
          phaseChangedAt: ctx.now,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw await conflictNow(ctx.db.jobSeeker, 'JobSeeker', js.id);
      await recordPhase(ctx, js, js.phase, 'INTAKE');
      await applyTaskChanges(
        ctx,
        js,
        tasksForEvent({ kind: 'INTAKE', day: input.intakeDate }, await tuningOf(ctx, js.organizationId)),
      );
      audit(ctx, 'UPDATE', js, 'JobSeeker.intake');
      return ctx.db.jobSeeker.findUniqueOrThrow({ ...nonEmpty(query), where: { id: js.id } });
    },
  }),

  dischargeJobSeeker: t.prismaField({
    type: JobSeekerNode,
    description:
      'Discharge from the portfolio (utskriving) with a reason: closes every open task and the assignment.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: DischargeInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const js = await ownJobSeeker(ctx, String(input.jobSeekerId));
      const issues: FieldIssue[] = [];
      if (js.phase === 'DISCHARGED')
        issues.push({ field: 'jobSeekerId', code: 'ALREADY_DISCHARGED', message: 'Already discharged' });
      const futureDischarge = futureDayIssue(
        ctx,
        'dischargedOn',
        input.dischargedOn,
        'Record a discharge on or after its day',
      );
      if (futureDischarge) issues.push(futureDischarge);
      if (asDate(input.dischargedOn) < js.referralDate)
        issues.push({
          field: 'dischargedOn',
          code: 'BEFORE_REFERRAL',
          message: 'Discharge cannot be before the referral',
        });
      if (issues.length) throw new ValidationError(issues);
      const data: Prisma.JobSeekerUpdateManyMutationInput = {
        phase: 'DISCHARGED',
        phaseChangedAt: ctx.now,
        dischargedAt: asDate(input.dischargedOn),
        dischargeReason: input.reason,
        dischargeNote: input.note ?? null,
        version: { increment: 1 },
      };
      const { count } = await ctx.db.jobSeeker.updateMany({
        where: { id: js.id, version: input.version },
        data,
      });
      if (count === 0) throw await conflictNow(ctx.db.jobSeeker, 'JobSeeker', js.id);
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
        note: input.note ?? null,
      });
      audit(ctx, 'UPDATE', js, 'JobSeeker.discharge');
      return ctx.db.jobSeeker.findUniqueOrThrow({ ...nonEmpty(query), where: { id: js.id } });
    },
  }),
}));
