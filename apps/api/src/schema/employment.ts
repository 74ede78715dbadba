/**
 * Jobs (and work practice) held (IPS principle 1, seeds 000/003). A job is competitive — ordinary
 * work — only on the open labour market, at least at minimum/tariff wage, and open to anyone; work
 * practice is recorded but never a job start. A job start moves the job seeker to EMPLOYED and
 * opens the follow-up deadlines; learning that a job ended opens the 3-day contact deadline. Both
 * flag the career profile for an update (fidelity item 14).
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { EmploymentKind, EndedBy } from '@ips/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import { endEmployment, recordJobStart } from '../services/employment.js';
import { EmployerType } from './employer.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { accessFacts } from './job-seeker-fields.js';

const EmploymentKindEnum = builder.enumType(EmploymentKind, { name: 'EmploymentKind' });
const EndedByEnum = builder.enumType(EndedBy, { name: 'EndedBy' });
const day = calendarDay;
export const EmploymentType = builder.prismaObject('Employment', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: EmploymentKindEnum }),
    jobTitle: t.exposeString('jobTitle'),
    jobType: t.exposeString('jobType'),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    hoursPerWeek: t.float({ resolve: (e) => Number(e.hoursPerWeek) }),
    competitive: t.boolean({
      description: 'Ordinary paid work: open labour market, at least minimum/tariff wage, open to anyone.',
      resolve: (e) =>
        e.kind === 'ORDINARY_JOB' && e.openLabourMarket && e.atLeastMinimumWage && e.openToAnyone,
    }),
    endedBy: t.expose('endedBy', { type: EndedByEnum, nullable: true }),
    version: t.exposeInt('version'),
    employer: t.field({
      type: EmployerType,
      nullable: true,
      description:
        'Where the job is. Null for anyone but the own specialist when the job seeker has a strictly confidential address (kode 6; issue 17 item 9).',
      select: (_args, _ctx, nested) => ({ organizationId: true, jobSeekerId: true, employer: nested(true) }),
      resolve: async (e, _a, ctx) => ((await mayReadWorkplace(ctx, e)) ? e.employer : null),
    }),
  }),
});

/**
 * Whether the caller reads where this job is: the ability's field rule for `employerId` on the job
 * with its job seeker's access facts (own specialist always; the team and NAV unless kode 6).
 */
async function mayReadWorkplace(ctx: Context, e: { organizationId: string; jobSeekerId: string }) {
  if (ctx.unguarded) return true;
  const facts = await accessFacts(ctx, e.jobSeekerId);
  if (!facts) return false;
  return canOn(
    ctx.ability,
    'read',
    'Employment',
    { organizationId: e.organizationId, jobSeeker: facts },
    'employerId',
  );
}

builder.prismaObjectField(JobSeekerNode, 'employments', (t) =>
  t.relation('employments', {
    type: EmploymentType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'Employment'),
      orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    }),
  }),
);

const JobStartInput = builder.inputType('RecordJobStartInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    employerId: t.id({ required: false, validate: z.uuid() }),
    kind: t.field({ type: EmploymentKindEnum, required: true }),
    jobTitle: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    jobType: t.string({ required: true, validate: z.string().trim().min(1).max(20) }),
    startDate: t.string({ required: true, validate: day }),
    hoursPerWeek: t.float({ required: true, validate: z.number().gt(0).max(100) }),
    hourlyWage: t.float({ required: false, validate: z.number().min(0).max(10_000) }),
    openLabourMarket: t.boolean({ required: true }),
    atLeastMinimumWage: t.boolean({ required: true }),
    openToAnyone: t.boolean({ required: true }),
    employerMeetingWanted: t.boolean({ required: true }),
  }),
});

const EndEmploymentInput = builder.inputType('EndEmploymentInput', {
  fields: (t) => ({
    employmentId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    endDate: t.string({ required: true, validate: day }),
    learnedOn: t.string({ required: true, validate: day }),
    endedBy: t.field({ type: EndedByEnum, required: true }),
    reason: t.string({ required: false, validate: z.string().max(2000) }),
  }),
});

// Each resolver: arguments → service (`services/employment.ts`) → the job.
builder.mutationFields((t) => ({
  recordJobStart: t.field({
    type: EmploymentType,
    description: 'A job (or work practice) starts. Only ordinary work is a job start.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: JobStartInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordJobStart(ctx, {
        ...input,
        jobSeekerId: String(input.jobSeekerId),
        employerId: input.employerId ? String(input.employerId) : null,
      }),
  }),

  endEmployment: t.field({
    type: EmploymentType,
    description:
      'A job ended: who ended it and why; the specialist contacts the job seeker within 3 days of learning of it.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: EndEmploymentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      endEmployment(ctx, {
        ...input,
        employmentId: String(input.employmentId),
        reason: input.reason ?? null,
      }),
  }),
}));
