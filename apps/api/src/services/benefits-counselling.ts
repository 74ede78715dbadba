/**
 * Benefits counselling (issue 17; IPS principle 5, seed 003 §5; docs/benefits-counselling.md): the
 * checks, the record, its journal note and its follow-up duty, in the request's transaction.
 *
 * - A record names the day, one or more benefits each with what changes with income from work,
 *   whether something was referred to NAV for calculation (and what), the follow-up day, and who
 *   gave it (the specialist who records it).
 * - Every save (a new record or an edit) writes a journal note (kind BENEFITS_COUNSELLING).
 * - A follow-up day opens a BENEFITS_FOLLOW_UP duty for the job seeker's specialist, due that day;
 *   the next counselling recorded closes it (the follow-up is done), an edit moves or cancels it.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import type { Benefit } from '@ips/db';
import { BENEFITS_TEXT_MAX, osloDay } from '@ips/domain';
import type { Context } from '../context.js';
import { type FieldIssue, ForbiddenActionError, NotFoundError, ValidationError } from '../schema/errors.js';
import { writeJournalNote } from '../schema/journal-note.js';
import { updateVersioned } from './versioned.js';

export interface BenefitLine {
  benefit: Benefit;
  incomeChange: string;
}

export interface CounsellingInput {
  counselledOn: string;
  benefits: readonly { benefit: Benefit; incomeChange: string }[];
  referredToNav: boolean;
  referralNote?: string | null;
  followUpOn?: string | null;
}

interface CheckedCounselling {
  counselledOn: string;
  benefits: BenefitLine[];
  referredToNav: boolean;
  referralNote: string | null;
  followUpOn: string | null;
}

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
/** The duty warns a week ahead of the follow-up day (from today when that is sooner). */
const WARN_DAYS = 7;
const FOLLOW_UP_TITLE = 'Følg opp ytelsesveiledningen';

/** The record's content, trimmed, or the issues at their fields. */
export function checkCounselling(
  input: CounsellingInput,
  js: { phase: string; referralDate: Date },
  today: string,
  previousFollowUp: string | null,
): CheckedCounselling {
  const issues: FieldIssue[] = [];
  if (js.phase === 'DISCHARGED')
    issues.push({ field: 'jobSeekerId', code: 'DISCHARGED', message: 'The job seeker is discharged' });
  if (input.counselledOn > today)
    issues.push({ field: 'counselledOn', code: 'IN_FUTURE', message: 'Record counselling that was given' });
  else if (asDate(input.counselledOn) < js.referralDate)
    issues.push({ field: 'counselledOn', code: 'BEFORE_REFERRAL', message: 'Before the referral' });
  const benefits = input.benefits.map((b) => ({ benefit: b.benefit, incomeChange: b.incomeChange.trim() }));
  if (benefits.length === 0)
    issues.push({ field: 'benefits', code: 'EMPTY', message: 'Name at least one benefit' });
  else if (new Set(benefits.map((b) => b.benefit)).size !== benefits.length)
    issues.push({ field: 'benefits', code: 'DUPLICATE', message: 'Each benefit once' });
  else if (benefits.some((b) => !b.incomeChange))
    issues.push({ field: 'benefits', code: 'REQUIRED', message: 'Say what changes with income from work' });
  else if (benefits.some((b) => b.incomeChange.length > BENEFITS_TEXT_MAX))
    issues.push({ field: 'benefits', code: 'TOO_LONG', message: `At most ${BENEFITS_TEXT_MAX} characters` });
  const referralNote = input.referredToNav ? (input.referralNote?.trim() ?? '') : '';
  if (input.referredToNav && !referralNote)
    issues.push({ field: 'referralNote', code: 'REQUIRED', message: 'Say what NAV is to calculate' });
  else if (referralNote.length > BENEFITS_TEXT_MAX)
    issues.push({
      field: 'referralNote',
      code: 'TOO_LONG',
      message: `At most ${BENEFITS_TEXT_MAX} characters`,
    });
  const followUpOn = input.followUpOn || null;
  // A follow-up day is today or later, unless an edit keeps the one it had.
  if (followUpOn && followUpOn !== previousFollowUp) {
    if (followUpOn < today)
      issues.push({ field: 'followUpOn', code: 'IN_PAST', message: 'The follow-up is today or later' });
    else if (followUpOn < input.counselledOn)
      issues.push({ field: 'followUpOn', code: 'BEFORE_START', message: 'After the counselling' });
  }
  if (issues.length) throw new ValidationError(issues);
  return {
    counselledOn: input.counselledOn,
    benefits,
    referredToNav: input.referredToNav,
    referralNote: referralNote || null,
    followUpOn,
  };
}

type CaseFacts = {
  id: string;
  organizationId: string;
  currentSpecialistId: string | null;
  teamId: string | null;
  phase: string;
  referralDate: Date;
};

/** Opens the follow-up duty of record `sourceId` for the job seeker's specialist. */
async function openFollowUp(ctx: Context, js: CaseFacts, sourceId: string, followUpOn: string) {
  if (!js.currentSpecialistId) return;
  const dueOn = asDate(followUpOn);
  const today = asDate(osloDay(ctx.now));
  await ctx.db.task.create({
    data: {
      organizationId: js.organizationId,
      rule: 'BENEFITS_FOLLOW_UP',
      jobSeekerId: js.id,
      assigneeId: js.currentSpecialistId,
      title: FOLLOW_UP_TITLE,
      dueOn,
      warnFrom: new Date(Math.max(today.getTime(), dueOn.getTime() - WARN_DAYS * DAY_MS)),
      sourceType: 'BenefitsCounselling',
      sourceId,
    },
  });
}

/** Closes the open follow-up duties of the job seeker (all, or of one record). */
async function closeFollowUps(ctx: Context, js: CaseFacts, reason: 'completed' | 'moved', sourceId?: string) {
  await ctx.db.task.updateMany({
    where: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      rule: 'BENEFITS_FOLLOW_UP',
      status: 'OPEN',
      ...(sourceId ? { sourceId } : {}),
    },
    data: {
      status: reason === 'completed' ? 'DONE' : 'CANCELLED',
      closedAt: ctx.now,
      closedReason: reason,
      version: { increment: 1 },
    },
  });
}

async function note(ctx: Context, js: CaseFacts, id: string, c: CheckedCounselling, revised: boolean) {
  await writeJournalNote(ctx, js, id, {
    kind: 'BENEFITS_COUNSELLING',
    date: c.counselledOn,
    benefits: c.benefits,
    referredToNav: c.referredToNav,
    referralNote: c.referralNote,
    followUpOn: c.followUpOn,
    revised,
  });
}

const CASE_SELECT = {
  id: true,
  organizationId: true,
  currentSpecialistId: true,
  teamId: true,
  phase: true,
  referralDate: true,
} as const;

/** Records counselling given to a job seeker of the caller's own portfolio; answers its id. */
export async function recordBenefitsCounselling(
  ctx: Context,
  jobSeekerId: string,
  input: CounsellingInput,
): Promise<string> {
  // A job seeker the caller may not read does not exist for them; one they read but do not follow
  // is Forbidden (as for the career profile).
  const js = await ctx.db.jobSeeker.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: jobSeekerId }] },
    select: CASE_SELECT,
  });
  if (!js) throw new NotFoundError('JobSeeker');
  if (
    !canOn(ctx.ability, 'create', 'BenefitsCounselling', { organizationId: js.organizationId, jobSeeker: js })
  )
    throw new ForbiddenActionError('Only the job seeker’s own specialist records benefits counselling');
  const c = checkCounselling(input, js, osloDay(ctx.now), null);
  const row = await ctx.db.benefitsCounselling.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      counselledOn: asDate(c.counselledOn),
      benefits: c.benefits as never,
      referredToNav: c.referredToNav,
      referralNote: c.referralNote,
      followUpOn: c.followUpOn ? asDate(c.followUpOn) : null,
      givenById: ctx.actor.userId,
    },
    select: { id: true },
  });
  // New counselling is the follow-up of the earlier one: its duty is done.
  await closeFollowUps(ctx, js, 'completed');
  if (c.followUpOn) await openFollowUp(ctx, js, row.id, c.followUpOn);
  await note(ctx, js, row.id, c, false);
  ctx.audit.record({
    organizationId: js.organizationId,
    jobSeekerId: js.id,
    action: 'CREATE',
    area: 'BenefitsCounselling.record',
    entityType: 'BenefitsCounselling',
    entityId: row.id,
  });
  return row.id;
}

/** Edits a counselling record (version-checked); answers its id. */
export async function updateBenefitsCounselling(
  ctx: Context,
  counsellingId: string,
  version: number,
  input: CounsellingInput,
): Promise<string> {
  const found = await ctx.db.benefitsCounselling.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'BenefitsCounselling'), { id: counsellingId }] },
    select: { id: true, followUpOn: true, jobSeeker: { select: CASE_SELECT } },
  });
  if (!found) throw new NotFoundError('BenefitsCounselling');
  const js = found.jobSeeker;
  const subject = { organizationId: js.organizationId, jobSeeker: js };
  if (!canOn(ctx.ability, 'update', 'BenefitsCounselling', subject))
    throw new ForbiddenActionError('Only the job seeker’s own specialist edits benefits counselling');
  const previous = found.followUpOn ? dayOf(found.followUpOn) : null;
  const c = checkCounselling(input, js, osloDay(ctx.now), previous);
  await updateVersioned(ctx.db.benefitsCounselling, 'BenefitsCounselling', found.id, version, {
    counselledOn: asDate(c.counselledOn),
    benefits: c.benefits as never,
    referredToNav: c.referredToNav,
    referralNote: c.referralNote,
    followUpOn: c.followUpOn ? asDate(c.followUpOn) : null,
  });
  if (c.followUpOn !== previous) {
    await closeFollowUps(ctx, js, 'moved', found.id);
    if (c.followUpOn) await openFollowUp(ctx, js, found.id, c.followUpOn);
  }
  await note(ctx, js, found.id, c, true);
  ctx.audit.record({
    organizationId: js.organizationId,
    jobSeekerId: js.id,
    action: 'UPDATE',
    area: 'BenefitsCounselling.update',
    entityType: 'BenefitsCounselling',
    entityId: found.id,
  });
  return found.id;
}
