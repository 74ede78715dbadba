/**
 * The job and study support plan (jobbstøtteplan / studiestøtteplan, seed 000 §6–§7), the flow
 * behind its mutations: written at a job or study start, agreed with the job seeker; every change
 * is a new revision (version-checked: a stale version is a typed conflict and nothing is lost), and
 * each revision writes a journal-ready note. "Employer may call the specialist" and agreements with
 * the employer need the employer-contact consent (seed 000 §3); the follow-up meetings must hold
 * two face-to-face meetings, the first within three days of the start (seed 000 §7). Sharing with
 * NAV's case system needs its own consent scope and goes out through the outbox.
 */
import { accessibleWhere, activeConsent, canOn } from '@ips/authz';
import type { SupportPerson, SupportPlan } from '@ips/db';
import { checkFollowUpPlan } from '@ips/domain';
import type { Context } from '../context.js';
import { assertInvolvementConsents } from '../schema/consent-gates.js';
import {
  ConsentRequiredError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from '../schema/errors.js';
import { writeJournalNote } from '../schema/journal-note.js';
import { enqueueSupportPlanForNav } from '../schema/nav-case-system.js';
import { updateVersioned } from './versioned.js';

const OWN_SPECIALIST_WRITES = 'Only the job seeker’s own specialist writes the support plan';

/** What a revision of the plan says (the GraphQL input `SupportPlanContentInput`). */
export interface SupportPlanContent {
  employerRoutines?: string | null;
  absenceArrangements?: string | null;
  specialArrangements?: string | null;
  employerMayCallSpecialist: boolean;
  agreedWithEmployer: boolean;
  taperingPlan?: string | null;
  agreements: { supportPerson: SupportPerson; personName?: string | null; responsibility: string }[];
  meetings: { plannedOn: string; faceToFace: boolean; topic?: string | null }[];
}

/**
 * Checks a revision's content against the rules; throws ConsentRequired / ValidationError. The
 * follow-up rule (two face-to-face meetings, the first within three days of the start) is about the
 * plan from the start: a later revision counts the meetings its earlier revisions planned.
 */
async function checkContent(
  ctx: Context,
  jobSeekerId: string,
  startDate: Date,
  content: SupportPlanContent,
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
  content: SupportPlanContent,
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

/** What a new plan follows: the job or the study, checked as the plan's subject. */
interface PlanSubject {
  organizationId: string;
  jobSeekerId: string;
  startDate: Date;
  link: { kind: 'JOB'; employmentId: string } | { kind: 'STUDY'; studyId: string };
}

async function studyToPlan(ctx: Context, studyId: string): Promise<PlanSubject> {
  const study = await ctx.db.study.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'Study'), { id: studyId }] },
    include: { jobSeeker: true },
  });
  if (!study) throw new NotFoundError('Study');
  if (
    !canOn(ctx.ability, 'create', 'SupportPlan', {
      organizationId: study.organizationId,
      jobSeeker: study.jobSeeker,
    })
  )
    throw new ForbiddenActionError(OWN_SPECIALIST_WRITES);
  if (await ctx.db.supportPlan.count({ where: { studyId: study.id, status: { not: 'CLOSED' } } }))
    throw new ValidationError([
      { field: 'studyId', code: 'ALREADY_PLANNED', message: 'This study has a support plan: revise it' },
    ]);
  const { organizationId, jobSeekerId, startDate } = study;
  return { organizationId, jobSeekerId, startDate, link: { kind: 'STUDY', studyId: study.id } };
}

async function jobToPlan(ctx: Context, employmentId: string): Promise<PlanSubject> {
  const employment = await ctx.db.employment.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'Employment'), { id: employmentId }] },
    include: { jobSeeker: true },
  });
  if (!employment) throw new NotFoundError('Employment');
  const subject = { organizationId: employment.organizationId, jobSeeker: employment.jobSeeker };
  if (!canOn(ctx.ability, 'create', 'SupportPlan', subject))
    throw new ForbiddenActionError(OWN_SPECIALIST_WRITES);
  if (employment.kind !== 'ORDINARY_JOB')
    throw new ValidationError([
      { field: 'employmentId', code: 'NOT_A_JOB', message: 'Work practice has no job support plan' },
    ]);
  if (await ctx.db.supportPlan.count({ where: { employmentId: employment.id, status: { not: 'CLOSED' } } }))
    throw new ValidationError([
      { field: 'employmentId', code: 'ALREADY_PLANNED', message: 'This job has a support plan: revise it' },
    ]);
  const { organizationId, jobSeekerId, startDate } = employment;
  return { organizationId, jobSeekerId, startDate, link: { kind: 'JOB', employmentId: employment.id } };
}

/** The plan for a job start or a study start (exactly one of the two), at revision 1. */
export async function createSupportPlan(
  ctx: Context,
  input: { employmentId: string | null; studyId: string | null; content: SupportPlanContent },
): Promise<SupportPlan> {
  if (Boolean(input.employmentId) === Boolean(input.studyId))
    throw new ValidationError([
      { field: 'employmentId', code: 'ONE_OF', message: 'Name either the job or the study the plan follows' },
    ]);
  const subject = input.studyId
    ? await studyToPlan(ctx, input.studyId)
    : await jobToPlan(ctx, input.employmentId as string);
  await checkContent(ctx, subject.jobSeekerId, subject.startDate, input.content);
  const plan = await ctx.db.supportPlan.create({
    data: { organizationId: subject.organizationId, jobSeekerId: subject.jobSeekerId, ...subject.link },
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

/** A new revision of the plan at the client's version; the earlier ones are kept. */
export async function reviseSupportPlan(
  ctx: Context,
  input: { supportPlanId: string; version: number; changeNote: string; content: SupportPlanContent },
): Promise<SupportPlan> {
  const plan = await ctx.db.supportPlan.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'SupportPlan'), { id: input.supportPlanId }] },
    include: { jobSeeker: true, employment: true, study: true },
  });
  if (!plan) throw new NotFoundError('SupportPlan');
  if (!canOn(ctx.ability, 'update', 'SupportPlan', plan))
    throw new ForbiddenActionError('Only the job seeker’s own specialist revises the plan');
  if (plan.status === 'CLOSED')
    throw new ValidationError([{ field: 'supportPlanId', code: 'CLOSED', message: 'The plan is closed' }]);
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
  await updateVersioned(ctx.db.supportPlan, 'SupportPlan', plan.id, input.version, {
    currentRevision: { increment: 1 },
    ...(input.content.taperingPlan ? { status: 'TAPERING' } : {}),
  });
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
}

/** Records the current revision in NAV's case system (Modia), only with the consent to it (seed 000 §6). */
export async function shareSupportPlanWithNav(ctx: Context, supportPlanId: string): Promise<SupportPlan> {
  const plan = await ctx.db.supportPlan.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'SupportPlan'), { id: supportPlanId }] },
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
}
