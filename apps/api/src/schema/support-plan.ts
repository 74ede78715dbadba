/**
 * The job and study support plan (jobbstøtteplan / studiestøtteplan, seed 000 §6–§7): written at a
 * start, agreed with the job seeker; every change is a new revision (optimistic concurrency, a
 * stale version is a typed conflict and nothing is lost). "Employer may call the specialist" and
 * agreements with the employer need the employer-contact consent; the follow-up meetings must hold
 * two face-to-face meetings, the first within three days of the start. Sharing with NAV's case
 * system needs its own consent scope and goes out through the outbox (see `nav-case-system.ts`).
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { SupportPerson, SupportPlanKind } from '@ips/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import { calendarDay } from '../input-guard.js';
import { createSupportPlan, reviseSupportPlan, shareSupportPlanWithNav } from '../services/support-plan.js';
import { ConflictError, ConsentRequiredError, NotFoundError, ValidationError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { NavDeliveryType, navDeliveriesOf } from './nav-case-system.js';

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

// Each resolver: arguments → service (`services/support-plan.ts`) → the plan.
builder.mutationFields((t) => ({
  createSupportPlan: t.field({
    type: SupportPlanType,
    description:
      'The job support plan for a job start, or the study support plan for a study start (revision 1).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createSupportPlan(ctx, {
        employmentId: input.employmentId ? String(input.employmentId) : null,
        studyId: input.studyId ? String(input.studyId) : null,
        content: input.content,
      }),
  }),

  reviseSupportPlan: t.field({
    type: SupportPlanType,
    description: 'A new revision of the plan; the earlier ones are kept.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError, ConsentRequiredError] },
    args: { input: t.arg({ type: ReviseInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      reviseSupportPlan(ctx, { ...input, supportPlanId: String(input.supportPlanId) }),
  }),

  shareSupportPlanWithNav: t.field({
    type: SupportPlanType,
    description:
      "Records the current revision in NAV's case system (Modia) — only with the job seeker's consent to it.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConsentRequiredError] },
    args: { supportPlanId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (_root, args, ctx) => shareSupportPlanWithNav(ctx, String(args.supportPlanId)),
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
