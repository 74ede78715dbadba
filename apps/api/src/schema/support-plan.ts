/**
 * The job and study support plan (jobbstøtteplan / studiestøtteplan, seed 000 §6–§7): written at a
 * start, agreed with the job seeker; every change is a new revision (optimistic concurrency, a
 * stale version is a typed conflict and nothing is lost). "Employer may call the specialist" and
 * agreements with the employer need the employer-contact consent; the follow-up meetings must hold
 * two face-to-face meetings, the first within three days of the start. Sharing with NAV's case
 * system needs its own consent scope and goes out through the outbox (see `nav-case-system.ts`).
 */
import { accessibleWhere, activeConsent, canOn } from '@ips/authz';
import { SupportPerson, SupportPlanKind } from '@ips/db';
import { checkFollowUpPlan } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import { assertInvolvementConsents } from './consent-gates.js';
import {
  ConflictError,
  ConsentRequiredError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { writeJournalNote } from './journal-note.js';
import { conflictNow } from './lookups.js';
import { enqueueSupportPlanForNav, NavDeliveryType, navDeliveriesOf } from './nav-case-system.js';

const SupportPersonEnum = builder.enumType(SupportPerson, { name: 'SupportPerson' });
const SupportPlanKindEnum = builder.enumType(SupportPlanKind, { name: 'SupportPlanKind' });

const SupportPlanType = builder.prismaObject('SupportPlan', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: SupportPlanKindEnum }),
    status: t.exposeString('status'),
    currentRevision: t.exposeInt('currentRevision'),
    version: t.exposeInt('version'),
    employmentId: t.exposeID('employmentId', {
      nullable: true,
      description: 'The job a job support plan follows.',
    }),
    studyId: t.exposeID('studyId', {
      nullable: true,
      description: 'The study a study support plan follows.',
    }),
    startsOn: t.field({
      type: 'Date',
      description:
        'The start of the job or study the plan follows: the day the follow-up rule counts from (seed 000 §7).',
      select: {
        createdAt: true,
        employment: { select: { startDate: true } },
        study: { select: { startDate: true } },
      },
      resolve: (plan) => plan.employment?.startDate ?? plan.study?.startDate ?? plan.createdAt,
    }),
    revisions: t.relation('revisions', { query: { orderBy: { revision: 'desc' } } }),
    navDeliveries: t.field({
      type: [NavDeliveryType],
      nullable: true,
      description:
        "The plan's deliveries to NAV's case system, newest first, with their state (queued, sent, retrying, failed). Only for whoever may share the plan (the job seeker's own specialist); null for anyone else.",
      select: { organizationId: true, jobSeeker: { select: { currentSpecialistId: true } } },
      resolve: (plan, _args, ctx) =>
        canOn(ctx.ability, 'update', 'SupportPlan', plan) ? navDeliveriesOf(ctx, plan.id) : null,
    }),
  }),
});

builder.prismaObject('SupportPlanRevision', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    revision: t.exposeInt('revision'),
    employerRoutines: t.exposeString('employerRoutines', { nullable: true }),
    absenceArrangements: t.exposeString('absenceArrangements', { nullable: true }),
    specialArrangements: t.exposeString('specialArrangements', { nullable: true }),
    employerMayCallSpecialist: t.exposeBoolean('employerMayCallSpecialist'),
    agreedWithEmployer: t.exposeBoolean('agreedWithEmployer'),
    taperingPlan: t.exposeString('taperingPlan', { nullable: true }),
    changeNote: t.exposeString('changeNote', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    agreements: t.relation('agreements'),
    plannedMeetings: t.relation('plannedMeetings', { query: { orderBy: { plannedOn: 'asc' } } }),
  }),
});

builder.prismaObject('SupportPlanAgreement', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    supportPerson: t.expose('supportPerson', { type: SupportPersonEnum }),
    personName: t.exposeString('personName', { nullable: true }),
    responsibility: t.exposeString('responsibility'),
  }),
});

builder.prismaObject('SupportPlanMeeting', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    plannedOn: t.expose('plannedOn', { type: 'Date' }),
    faceToFace: t.exposeBoolean('faceToFace'),
    topic: t.exposeString('topic', { nullable: true }),
  }),
});

const AgreementInput = builder.inputType('SupportPlanAgreementInput', {
  fields: (t) => ({
    supportPerson: t.field({ type: SupportPersonEnum, required: true }),
    personName: t.string({ required: false, validate: z.string().trim().max(200) }),
    responsibility: t.string({ required: true, validate: z.string().trim().min(1).max(2000) }),
  }),
});

const MeetingInput = builder.inputType('SupportPlanMeetingInput', {
  fields: (t) => ({
    plannedOn: t.string({ required: true, validate: calendarDay }),
    faceToFace: t.boolean({ required: true }),
    topic: t.string({ required: false, validate: z.string().max(500) }),
  }),
});

const ContentInput = builder.inputType('SupportPlanContentInput', {
  fields: (t) => ({
    employerRoutines: t.string({ required: false, validate: z.string().max(4000) }),
    absenceArrangements: t.string({ required: false, validate: z.string().max(4000) }),
    specialArrangements: t.string({ required: false, validate: z.string().max(4000) }),
    employerMayCallSpecialist: t.boolean({ required: true }),
    agreedWithEmployer: t.boolean({ required: true }),
    taperingPlan: t.string({ required: false, validate: z.string().max(4000) }),
    agreements: t.field({ type: [AgreementInput], required: true }),
    meetings: t.field({ type: [MeetingInput], required: true }),
  }),
});

const CreateInput = builder.inputType('CreateSupportPlanInput', {
  fields: (t) => ({
    /** The job the plan follows (a job support plan) … */
    employmentId: t.id({ required: false, validate: z.uuid() }),
    /** … or the study (a study support plan). Exactly one of the two. */
    studyId: t.id({ required: false, validate: z.uuid() }),
    content: t.field({ type: ContentInput, required: true }),
  }),
});

const ReviseInput = builder.inputType('ReviseSupportPlanInput', {
  fields: (t) => ({
    supportPlanId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    changeNote: t.string({ required: true, validate: z.string().trim().min(1).max(2000) }),
    content: t.field({ type: ContentInput, required: true }),
  }),
});

type Content = (typeof ContentInput)['$inferInput'];

/**
 * Checks a revision's content against the rules; throws ConsentRequired / ValidationError. The
 * follow-up rule (two face-to-face meetings, the first within three days of the start) is about the
 * plan from the start: a later revision counts the meetings its earlier revisions planned.
 */
async function checkContent(
  ctx: Context,
  jobSeekerId: string,
  startDate: Date,
  content: Content,
  earlierMeetings: readonly { plannedOn: string; faceToFace: boolean }[] = [],
) {
  if (
    content.employerMayCallSpecialist ||
    content.agreedWithEmployer ||
    content.agreements.some((a) => a.supportPerson === 'EMPLOYER')
  ) {
    const consent = await ctx.db.jobSeeker.count({
      where: { id: jobSeekerId, consents: activeConsent('EMPLOYER_CONTACT', ctx.now) },
    });
    if (consent === 0) throw new ConsentRequiredError('EMPLOYER_CONTACT');
  }
  await assertInvolvementConsents(
    ctx,
    jobSeekerId,
    content.agreements.map((a) => a.supportPerson),
  );
  const issues: FieldIssue[] = checkFollowUpPlan(startDate.toISOString().slice(0, 10), [
    ...earlierMeetings,
    ...content.meetings,
  ]).map((i) => ({
    field: 'meetings',
    code: i.code,
    message: i.message,
  }));
  if (content.agreements.length === 0)
    issues.push({ field: 'agreements', code: 'EMPTY', message: 'Say who supports what' });
  if (issues.length) throw new ValidationError(issues);
}

async function writeRevision(
  ctx: Context,
  plan: { id: string; organizationId: string; jobSeekerId: string },
  revision: number,
  content: Content,
  changeNote: string | null,
) {
  const created = await ctx.db.supportPlanRevision.create({
    data: {
      organizationId: plan.organizationId,
      supportPlanId: plan.id,
      revision,
      employerRoutines: content.employerRoutines ?? null,
      absenceArrangements: content.absenceArrangements ?? null,
      specialArrangements: content.specialArrangements ?? null,
      employerMayCallSpecialist: content.employerMayCallSpecialist,
      agreedWithEmployer: content.agreedWithEmployer,
      taperingPlan: content.taperingPlan ?? null,
      changeNote,
      createdById: ctx.actor.userId,
    },
  });
  await ctx.db.supportPlanAgreement.createMany({
    data: content.agreements.map((a) => ({
      organizationId: plan.organizationId,
      revisionId: created.id,
      supportPerson: a.supportPerson,
      personName: a.personName ?? null,
      responsibility: a.responsibility,
    })),
  });
  await ctx.db.supportPlanMeeting.createMany({
    data: content.meetings.map((m) => ({
      organizationId: plan.organizationId,
      revisionId: created.id,
      plannedOn: new Date(`${m.plannedOn}T00:00:00Z`),
      faceToFace: m.faceToFace,
      topic: m.topic ?? null,
    })),
  });
  await writeJournalNote(ctx, { id: plan.jobSeekerId, organizationId: plan.organizationId }, plan.id, {
    kind: 'SUPPORT_PLAN',
    revision,
    agreements: content.agreements.map((a) => ({
      supportPerson: a.supportPerson,
      responsibility: a.responsibility,
    })),
    meetings: content.meetings.map((m) => m.plannedOn),
    employerMayCall: content.employerMayCallSpecialist,
    tapering: content.taperingPlan ?? null,
  });
  return created;
}

builder.mutationFields((t) => ({
  createSupportPlan: t.field({
    type: SupportPlanType,
    description:
      'The job support plan for a job start, or the study support plan for a study start (revision 1).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (Boolean(input.employmentId) === Boolean(input.studyId)) {
        throw new ValidationError([
          {
            field: 'employmentId',
            code: 'ONE_OF',
            message: 'Name either the job or the study the plan follows',
          },
        ]);
      }
      if (input.studyId) {
        const study = await ctx.db.study.findFirst({
          where: { AND: [accessibleWhere(ctx.ability, 'read', 'Study'), { id: String(input.studyId) }] },
          include: { jobSeeker: true },
        });
        if (!study) throw new NotFoundError('Study');
        if (
          !canOn(ctx.ability, 'create', 'SupportPlan', {
            organizationId: study.organizationId,
            jobSeeker: study.jobSeeker,
          })
        ) {
          throw new ForbiddenActionError('Only the job seeker’s own specialist writes the support plan');
        }
        if (await ctx.db.supportPlan.count({ where: { studyId: study.id, status: { not: 'CLOSED' } } })) {
          throw new ValidationError([
            {
              field: 'studyId',
              code: 'ALREADY_PLANNED',
              message: 'This study has a support plan: revise it',
            },
          ]);
        }
        await checkContent(ctx, study.jobSeekerId, study.startDate, input.content);
        const plan = await ctx.db.supportPlan.create({
          data: {
            organizationId: study.organizationId,
            jobSeekerId: study.jobSeekerId,
            kind: 'STUDY',
            studyId: study.id,
          },
        });
        await writeRevision(ctx, plan, 1, input.content, null);
        ctx.audit.record({
          organizationId: plan.organizationId,
          jobSeekerId: plan.jobSeekerId,
          action: 'CREATE',
          area: 'SupportPlan.create',
          entityType: 'SupportPlan',
          entityId: plan.id,
        });
        return plan;
      }
      const employment = await ctx.db.employment.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'Employment'), { id: String(input.employmentId) }],
        },
        include: { jobSeeker: true },
      });
      if (!employment) throw new NotFoundError('Employment');
      if (
        !canOn(ctx.ability, 'create', 'SupportPlan', {
          organizationId: employment.organizationId,
          jobSeeker: employment.jobSeeker,
        })
      ) {
        throw new ForbiddenActionError('Only the job seeker’s own specialist writes the support plan');
      }
      if (employment.kind !== 'ORDINARY_JOB') {
        throw new ValidationError([
          { field: 'employmentId', code: 'NOT_A_JOB', message: 'Work practice has no job support plan' },
        ]);
      }
      if (
        await ctx.db.supportPlan.count({ where: { employmentId: employment.id, status: { not: 'CLOSED' } } })
      ) {
        throw new ValidationError([
          {
            field: 'employmentId',
            code: 'ALREADY_PLANNED',
            message: 'This job has a support plan: revise it',
          },
        ]);
      }
      await checkContent(ctx, employment.jobSeekerId, employment.startDate, input.content);
      const plan = await ctx.db.supportPlan.create({
        data: {
          organizationId: employment.organizationId,
          jobSeekerId: employment.jobSeekerId,
          kind: 'JOB',
          employmentId: employment.id,
        },
      });
      await writeRevision(ctx, plan, 1, input.content, null);
      ctx.audit.record({
        organizationId: plan.organizationId,
        jobSeekerId: plan.jobSeekerId,
        action: 'CREATE',
        area: 'SupportPlan.create',
        entityType: 'SupportPlan',
        entityId: plan.id,
      });
      return plan;
    },
  }),

  reviseSupportPlan: t.field({
    type: SupportPlanType,
    description: 'A new revision of the plan; the earlier ones are kept.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError, ConsentRequiredError] },
    args: { input: t.arg({ type: ReviseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const plan = await ctx.db.supportPlan.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'SupportPlan'), { id: String(input.supportPlanId) }],
        },
        include: { jobSeeker: true, employment: true, study: true },
      });
      if (!plan) throw new NotFoundError('SupportPlan');
      if (!canOn(ctx.ability, 'update', 'SupportPlan', plan))
        throw new ForbiddenActionError('Only the job seeker’s own specialist revises the plan');
      if (plan.status === 'CLOSED')
        throw new ValidationError([
          { field: 'supportPlanId', code: 'CLOSED', message: 'The plan is closed' },
        ]);
      const earlier = await ctx.db.supportPlanMeeting.findMany({
        where: { organizationId: plan.organizationId, revision: { supportPlanId: plan.id } },
        select: { plannedOn: true, faceToFace: true },
      });
      await checkContent(
        ctx,
        plan.jobSeekerId,
        plan.employment?.startDate ?? plan.study?.startDate ?? plan.createdAt,
        input.content,
        earlier.map((m) => ({ plannedOn: m.plannedOn.toISOString().slice(0, 10), faceToFace: m.faceToFace })),
      );
      const { count } = await ctx.db.supportPlan.updateMany({
        where: { id: plan.id, version: input.version },
        data: {
          currentRevision: { increment: 1 },
          version: { increment: 1 },
          ...(input.content.taperingPlan ? { status: 'TAPERING' } : {}),
        },
      });
      if (count === 0) throw await conflictNow(ctx.db.supportPlan, 'SupportPlan', plan.id);
      await writeRevision(ctx, plan, plan.currentRevision + 1, input.content, input.changeNote);
      ctx.audit.record({
        organizationId: plan.organizationId,
        jobSeekerId: plan.jobSeekerId,
        action: 'UPDATE',
        area: 'SupportPlan.revise',
        entityType: 'SupportPlan',
        entityId: plan.id,
      });
      return ctx.db.supportPlan.findUniqueOrThrow({ where: { id: plan.id } });
    },
  }),

  shareSupportPlanWithNav: t.field({
    type: SupportPlanType,
    description:
      "Records the current revision in NAV's case system (Modia) — only with the job seeker's consent to it.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConsentRequiredError] },
    args: { supportPlanId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) => {
      const plan = await ctx.db.supportPlan.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'SupportPlan'), { id: String(args.supportPlanId) }],
        },
        include: { jobSeeker: true },
      });
      if (!plan) throw new NotFoundError('SupportPlan');
      if (!canOn(ctx.ability, 'update', 'SupportPlan', plan))
        throw new ForbiddenActionError('Only the job seeker’s own specialist shares the plan');
      const consent = await ctx.db.consent.findFirst({
        where: {
          jobSeekerId: plan.jobSeekerId,
          scope: 'SUPPORT_PLAN_TO_NAV_SYSTEM',
          withdrawnAt: null,
          validFrom: { lte: ctx.now },
          OR: [{ validUntil: null }, { validUntil: { gt: ctx.now } }],
        },
        select: { id: true },
      });
      if (!consent) throw new ConsentRequiredError('SUPPORT_PLAN_TO_NAV_SYSTEM');
      await enqueueSupportPlanForNav(ctx, plan, consent.id);
      ctx.audit.record({
        organizationId: plan.organizationId,
        jobSeekerId: plan.jobSeekerId,
        action: 'EXPORT',
        area: 'SupportPlan.shareWithNav',
        entityType: 'SupportPlan',
        entityId: plan.id,
      });
      return plan;
    },
  }),
}));

builder.prismaObjectField(JobSeekerNode, 'supportPlans', (t) =>
  t.relation('supportPlans', {
    type: SupportPlanType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'SupportPlan'),
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  }),
);
