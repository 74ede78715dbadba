/**
 * Employers and job development (IPS principle 7, seed 003): employers are registered once per
 * organisation (the organisation number is validated and deduplicates them); an employer contact is
 * recorded with whether it was face to face, its purpose and outcome — for a named job seeker (by
 * their own specialist) or to build the relation. A face-to-face contact for a job seeker fulfils
 * the first-employer-contact deadline (fidelity item 15).
 */
import { accessibleWhere, activeConsent, canOn } from '@ips/authz';
import { EmployerContactOutcome, EmployerContactPurpose } from '@ips/db';
import { osloDay, parseOrganizationNumber, tasksForEvent } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { applyTaskChanges } from '../services/duties.js';
import {
  ConsentRequiredError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  numberCode,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';

/**
 * Whether the caller may name this job seeker to an employer (an employer contact about them, a
 * meeting with their employer): their own specialist, while the job seeker's employer-contact
 * consent is in force (seed 000 §3; issue 17 item 2). The ability decides (`create` on
 * `EmployerContact` with the job seeker's consents); the own specialist without the consent gets
 * ConsentRequiredError (nothing is written), anyone else ForbiddenActionError. Row-level security
 * refuses the same insert (`employer_contact_consent`, `employer_meeting_consent`).
 */
export async function assertMayNameToEmployer(
  ctx: Context,
  jobSeeker: { id: string; organizationId: string; currentSpecialistId: string | null },
): Promise<void> {
  const consents = await ctx.db.consent.findMany({
    where: {
      organizationId: jobSeeker.organizationId,
      jobSeekerId: jobSeeker.id,
      scope: 'EMPLOYER_CONTACT',
      ...activeConsent('EMPLOYER_CONTACT', ctx.now).some,
    },
    select: { scope: true, withdrawnAt: true, validFrom: true, validUntil: true },
  });
  const record = {
    organizationId: jobSeeker.organizationId,
    specialistId: ctx.actor.userId,
    jobSeekerId: jobSeeker.id,
    jobSeeker: { ...jobSeeker, consents },
  };
  if (canOn(ctx.ability, 'create', 'EmployerContact', record)) return;
  const anonymous = { ...record, jobSeekerId: null, jobSeeker: null };
  if (
    jobSeeker.currentSpecialistId === ctx.actor.userId &&
    canOn(ctx.ability, 'create', 'EmployerContact', anonymous)
  ) {
    throw new ConsentRequiredError('EMPLOYER_CONTACT');
  }
  throw new ForbiddenActionError('A contact about a job seeker is recorded by their own specialist');
}

const PurposeEnum = builder.enumType(EmployerContactPurpose, { name: 'EmployerContactPurpose' });
const OutcomeEnum = builder.enumType(EmployerContactOutcome, { name: 'EmployerContactOutcome' });

export const EmployerType = builder.prismaObject('Employer', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    organizationNumber: t.exposeString('organizationNumber', { nullable: true }),
    industryCode: t.exposeString('industryCode', { nullable: true }),
    industry: t.exposeString('industry', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
  }),
});

const EmployerContactType = builder.prismaObject('EmployerContact', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    contactedAt: t.expose('contactedAt', { type: 'DateTime' }),
    faceToFace: t.exposeBoolean('faceToFace'),
    purpose: t.expose('purpose', { type: PurposeEnum }),
    outcome: t.expose('outcome', { type: OutcomeEnum, nullable: true }),
    contactPerson: t.exposeString('contactPerson', { nullable: true }),
    durationMinutes: t.exposeInt('durationMinutes', { nullable: true }),
    notes: t.string({
      nullable: true,
      description:
        'The specialist’s note: for its author and, on a contact about a job seeker, the job seeker’s own specialist (null for anyone else).',
      select: { notes: true, specialistId: true, jobSeeker: { select: { currentSpecialistId: true } } },
      resolve: (c, _args, ctx) =>
        c.specialistId === ctx.actor?.userId ||
        (c.jobSeeker !== null && c.jobSeeker.currentSpecialistId === ctx.actor?.userId)
          ? c.notes
          : null,
    }),
    employer: t.relation('employer', { type: EmployerType }),
    // The job seeker's own fields stay guarded by the job seeker's rules (names null unless readable).
    jobSeeker: t.relation('jobSeeker', { type: JobSeekerNode, nullable: true }),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'employerContacts', (t) =>
  t.relation('employerContacts', {
    type: EmployerContactType,
    description: 'Employer contacts about this job seeker, newest first (at most 100).',
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'EmployerContact'),
      orderBy: [{ contactedAt: 'desc' }, { id: 'desc' }],
      take: 100,
    }),
  }),
);

builder.prismaObjectFields(JobSeekerNode, (t) => ({
  employerContactConsent: t.boolean({
    description:
      'Whether the job seeker’s employer-contact consent is in force now, as far as you may read their consents (false otherwise): a contact or employer meeting naming them needs it (seed 000 §3).',
    select: (_args, ctx) => ({
      consents: {
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'Consent'),
            {
              scope: 'EMPLOYER_CONTACT' as const,
              withdrawnAt: null,
              validFrom: { lte: ctx.now },
              OR: [{ validUntil: null }, { validUntil: { gt: ctx.now } }],
            },
          ],
        },
        select: { id: true },
        take: 1,
      },
    }),
    resolve: (js) => js.consents.length > 0,
  }),
}));

builder.queryField('employerContacts', (t) =>
  t.prismaField({
    type: [EmployerContactType],
    description:
      'Recent employer contacts you may read (your own, the organisation’s relation building, your job seekers’), newest first.',
    authScopes: { signedIn: true },
    args: {
      employerId: t.arg.id({ required: false, validate: z.uuid() }),
      mine: t.arg.boolean({ required: false }),
      first: t.arg.int({ required: false, defaultValue: 20, validate: z.number().int().min(1).max(100) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const rows = await ctx.db.employerContact.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'EmployerContact'),
            args.employerId ? { employerId: String(args.employerId) } : {},
            args.mine ? { specialistId: ctx.actor.userId } : {},
          ],
        },
        orderBy: [{ contactedAt: 'desc' }, { id: 'desc' }],
        take: Math.min(args.first ?? 20, ctx.config.maxPageSize),
      });
      // A contact about a named job seeker is that job seeker's data: its read goes to the access log.
      for (const c of rows) {
        if (c.jobSeekerId)
          ctx.audit.record({
            organizationId: c.organizationId,
            jobSeekerId: c.jobSeekerId,
            action: 'READ',
            area: 'EmployerContact.list',
            entityType: 'EmployerContact',
            entityId: c.id,
          });
      }
      return rows;
    },
  }),
);

builder.queryField('employers', (t) =>
  t.prismaConnection({
    type: 'Employer',
    cursor: 'id',
    authScopes: { signedIn: true },
    maxSize: (_args, ctx) => ctx.config.maxPageSize,
    args: { search: t.arg.string({ required: false, validate: z.string().trim().min(2).max(100) }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.employer.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'Employer'),
            args.search ? { name: { contains: args.search, mode: 'insensitive' } } : {},
          ],
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
);

const RegisterEmployerInput = builder.inputType('RegisterEmployerInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true, validate: z.uuid() }),
    name: t.string({ required: true, validate: z.string().trim().min(2).max(200) }),
    organizationNumber: t.string({ required: false }),
    industryCode: t.string({ required: false, validate: z.string().regex(/^\d{2}(\.\d{1,3})?$/) }),
    industry: t.string({ required: false, validate: z.string().trim().max(200) }),
    city: t.string({ required: false, validate: z.string().trim().max(100) }),
  }),
});

const RecordContactInput = builder.inputType('RecordEmployerContactInput', {
  fields: (t) => ({
    employerId: t.id({ required: true, validate: z.uuid() }),
    contactedAt: t.field({ type: 'DateTime', required: true }),
    faceToFace: t.boolean({ required: true }),
    purpose: t.field({ type: PurposeEnum, required: true }),
    jobSeekerId: t.id({ required: false, validate: z.uuid() }),
    contactPerson: t.string({ required: false, validate: z.string().trim().max(200) }),
    durationMinutes: t.int({ required: false, validate: z.number().int().min(1).max(600) }),
    outcome: t.field({ type: OutcomeEnum, required: false }),
    notes: t.string({ required: false, validate: z.string().max(4000) }),
  }),
});

builder.mutationFields((t) => ({
  registerEmployer: t.field({
    type: EmployerType,
    description:
      'Registers an employer once per organisation; an organisation number already registered returns that employer.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RegisterEmployerInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = String(input.organizationId);
      if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
        throw new NotFoundError('Organization');
      if (!canOn(ctx.ability, 'create', 'Employer', { organizationId }))
        throw new ForbiddenActionError('Job development is for specialists');
      let organizationNumber: string | null = null;
      if (input.organizationNumber) {
        const parsed = parseOrganizationNumber(input.organizationNumber);
        if (!parsed.ok) {
          throw new ValidationError([
            {
              field: 'organizationNumber',
              code: numberCode(parsed.error),
              message: 'Not a valid organisation number',
            },
          ]);
        }
        organizationNumber = parsed.value;
        const existing = await ctx.db.employer.findFirst({ where: { organizationId, organizationNumber } });
        if (existing) return existing;
      }
      return ctx.db.employer.create({
        data: {
          organizationId,
          name: input.name,
          organizationNumber,
          industryCode: input.industryCode ?? null,
          industry: input.industry ?? null,
          city: input.city ?? null,
        },
      });
    },
  }),

  recordEmployerContact: t.field({
    type: EmployerContactType,
    description:
      'Records a contact with an employer (job development or relation building). Naming a job seeker needs their employer-contact consent (ConsentRequiredError); without it the contact is logged without naming them.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
    args: { input: t.arg({ type: RecordContactInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const employer = await ctx.db.employer.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'Employer'), { id: String(input.employerId) }] },
      });
      if (!employer) throw new NotFoundError('Employer');
      const issues: FieldIssue[] = [];
      if (input.contactedAt.getTime() > ctx.now.getTime() + 3_600_000) {
        issues.push({
          field: 'contactedAt',
          code: 'IN_FUTURE',
          message: 'A contact is recorded after it happened',
        });
      }
      if (input.purpose === 'JOB_DEVELOPMENT_FOR_JOB_SEEKER' && !input.jobSeekerId) {
        issues.push({
          field: 'jobSeekerId',
          code: 'REQUIRED',
          message: 'Job development for a job seeker names the job seeker',
        });
      }
      let jobSeeker: { id: string; organizationId: string; currentSpecialistId: string | null } | null = null;
      if (input.jobSeekerId) {
        jobSeeker = await ctx.db.jobSeeker.findFirst({
          where: {
            AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: String(input.jobSeekerId) }],
          },
          select: { id: true, organizationId: true, currentSpecialistId: true },
        });
        if (!jobSeeker) throw new NotFoundError('JobSeeker');
        if (jobSeeker.organizationId !== employer.organizationId) {
          issues.push({
            field: 'employerId',
            code: 'OTHER_ORGANIZATION',
            message: 'The employer is registered in another organisation',
          });
        }
      }
      const data = {
        organizationId: employer.organizationId,
        employerId: employer.id,
        specialistId: ctx.actor.userId,
        jobSeekerId: jobSeeker?.id ?? null,
      };
      if (jobSeeker) await assertMayNameToEmployer(ctx, jobSeeker);
      else if (!canOn(ctx.ability, 'create', 'EmployerContact', data)) {
        throw new ForbiddenActionError('Job development is for specialists');
      }
      if (issues.length) throw new ValidationError(issues);
      const contact = await ctx.db.employerContact.create({
        data: {
          ...data,
          contactedAt: input.contactedAt,
          faceToFace: input.faceToFace,
          purpose: input.purpose,
          contactPerson: input.contactPerson ?? null,
          durationMinutes: input.durationMinutes ?? null,
          outcome: input.outcome ?? null,
          notes: input.notes ?? null,
        },
      });
      if (jobSeeker) {
        await applyTaskChanges(
          ctx,
          jobSeeker,
          tasksForEvent({
            kind: 'EMPLOYER_CONTACT',
            day: osloDay(input.contactedAt),
            faceToFace: input.faceToFace,
          }),
        );
        ctx.audit.record({
          organizationId: jobSeeker.organizationId,
          jobSeekerId: jobSeeker.id,
          action: 'CREATE',
          area: 'EmployerContact.record',
          entityType: 'EmployerContact',
          entityId: contact.id,
        });
      }
      return contact;
    },
  }),
}));
