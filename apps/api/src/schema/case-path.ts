/**
 * The start and end of a job seeker's path (domain.md §4, seed 003): referral with zero exclusion
 * (no readiness gate), intake (which opens the first-employer-contact deadline), and discharge
 * from the portfolio (which closes every open task). Phase changes keep their history; every
 * change is versioned and logged.
 */
import { DischargeReason, ProtectedAddress } from '@ips/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import { dischargeJobSeeker, recordIntake, referJobSeeker } from '../services/case-path.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { nonEmpty } from './query-shape.js';

const DischargeReasonEnum = builder.enumType(DischargeReason, { name: 'DischargeReason' });
const NewProtectedAddressEnum = builder.enumType(ProtectedAddress, { name: 'ProtectedAddressInput' });

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

const reload = (ctx: Context, query: object, id: string) =>
  ctx.db.jobSeeker.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });

// Each resolver: arguments → service (`services/case-path.ts`) → what the client selected.
builder.mutationFields((t) => ({
  referJobSeeker: t.prismaField({
    type: JobSeekerNode,
    description: 'A referral (henvisning): anyone who wants work takes part — there is no readiness gate.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: ReferInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await referJobSeeker(ctx, {
        ...input,
        organizationId: String(input.organizationId),
        healthTeamId: input.healthTeamId ? String(input.healthTeamId) : null,
      });
      return reload(ctx, query, id);
    },
  }),

  recordIntake: t.prismaField({
    type: JobSeekerNode,
    description: 'The intake conversation: opens the deadline for the first employer contact (one month).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: IntakeInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await recordIntake(ctx, { ...input, jobSeekerId: String(input.jobSeekerId) });
      return reload(ctx, query, id);
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
      const id = await dischargeJobSeeker(ctx, {
        ...input,
        jobSeekerId: String(input.jobSeekerId),
        note: input.note ?? null,
      });
      return reload(ctx, query, id);
    },
  }),
}));
