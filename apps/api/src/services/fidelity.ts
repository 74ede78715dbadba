/**
 * IPS fidelity reviews (docs/domain.md §9, §11), the flow behind the fidelity mutations: a review
 * of the team starts with the items the data can score pre-scored (with the figure each rests on);
 * the reviewers score 1–5, finalise when all 25 are scored (total and band), and keep an action
 * plan whose items are followed up. Every change to a review is version-checked on the review.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import type { ActionPointStatus } from '@ips/db';
import {
  asDate,
  computeMeasures,
  FIDELITY_ITEMS,
  type FidelityFacts,
  faceToFaceDaysByJobSeeker,
  fidelityTotal,
  firstContactAfterIntake,
  isFidelityItem,
  isFidelityScore,
  osloDay,
  prescoreFidelity,
} from '@ips/domain';
import type { Context } from '../context.js';
import { type FieldIssue, ForbiddenActionError, NotFoundError, ValidationError } from '../schema/errors.js';
import { loadMeasureFacts } from '../schema/measures.js';
import { updateVersioned } from './versioned.js';

const dayMs = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => iso(new Date(asDate(day).getTime() - n * dayMs));
const RUNS_THE_REVIEW = "The team's method supervisor runs the fidelity review";

/** What the data says about the team for the items it can score (two loads: the measures' facts, the jobs). */
export async function fidelityFacts(ctx: Context, teamId: string, asOf: string): Promise<FidelityFacts> {
  const members = await ctx.db.teamMember.findMany({
    where: { teamId, leftOn: null },
    select: { userId: true, role: true, employerOrganizationId: true },
  });
  const memberships = await ctx.db.membership.findMany({
    where: { userId: { in: members.map((m) => m.userId) }, endedAt: null },
    select: { userId: true, organizationId: true, fte: true },
  });
  const specialists = members.map((m) => ({
    userId: m.userId,
    fte:
      m.role === 'JOB_SPECIALIST'
        ? Number(
            memberships.find((ms) => ms.userId === m.userId && ms.organizationId === m.employerOrganizationId)
              ?.fte ?? 1,
          )
        : 0,
  }));
  const yearAgo = daysBefore(asOf, 365);
  const quarterAgo = daysBefore(asOf, 91);
  const facts = await loadMeasureFacts(ctx, specialists, yearAgo, asOf);
  const today = computeMeasures(facts, { from: asOf, to: asOf }, asOf).team;
  const lastQuarter = computeMeasures(facts, { from: quarterAgo, to: asOf }, asOf).team;
  const contactDays = faceToFaceDaysByJobSeeker(facts.employerContacts);
  const daysBetween = (a: string, b: string) =>
    Math.round((asDate(b).getTime() - asDate(a).getTime()) / dayMs);
  const daysToFirstContact = facts.jobSeekers
    .filter((j) => j.intakeDate && j.intakeDate >= yearAgo && j.intakeDate <= asOf)
    .map((j) => {
      const intake = j.intakeDate as string;
      return daysBetween(intake, firstContactAfterIntake(contactDays, j.id, intake) ?? asOf);
    });
  const [jobs, meetings, mentoring, reviews] = await Promise.all([
    ctx.db.employment.findMany({
      where: {
        jobSeekerId: { in: facts.jobSeekers.map((j) => j.id) },
        kind: 'ORDINARY_JOB',
        startDate: { gte: asDate(yearAgo), lte: asDate(asOf) },
      },
      select: {
        jobType: true,
        employerId: true,
        openLabourMarket: true,
        atLeastMinimumWage: true,
        openToAnyone: true,
      },
    }),
    ctx.db.teamMeeting.findMany({
      where: { teamId, status: 'HELD', scheduledAt: { gte: asDate(daysBefore(asOf, 91)) } },
      select: { scheduledAt: true },
    }),
    ctx.db.fieldMentoring.findMany({
      where: { teamId, occurredOn: { gte: asDate(daysBefore(asOf, 91)) } },
      select: { occurredOn: true },
    }),
    ctx.db.portfolioReview.findMany({
      where: { teamId, reviewedOn: { gte: asDate(quarterAgo) } },
      select: { specialistId: true },
    }),
  ]);
  const jobSpecialists = members.filter((m) => m.role === 'JOB_SPECIALIST').map((m) => m.userId);
  const week = (d: Date) => Math.floor((asDate(asOf).getTime() - asDate(osloDay(d)).getTime()) / (7 * dayMs));
  const month = (d: Date) => Math.floor((asDate(asOf).getTime() - d.getTime()) / (30 * dayMs));
  return {
    caseloadPerFte: today.CASELOAD_PER_SPECIALIST,
    daysToFirstContact,
    contactsPerSpecialistPerWeek: lastQuarter.EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK,
    jobs: jobs.map((j) => ({
      jobType: j.jobType,
      employerId: j.employerId,
      competitive: j.openLabourMarket && j.atLeastMinimumWage && j.openToAnyone,
    })),
    communityShare: lastQuarter.COMMUNITY_TIME_SHARE,
    supervision: {
      specialists: jobSpecialists.length,
      weeksWithTeamMeeting: new Set(meetings.map((m) => week(m.scheduledAt)).filter((w) => w >= 0 && w < 13))
        .size,
      monthsWithFieldMentoring: new Set(
        mentoring.map((m) => month(m.occurredOn)).filter((w) => w >= 0 && w < 3),
      ).size,
      specialistsReviewedLastQuarter: new Set(
        reviews.map((r) => r.specialistId).filter((s) => jobSpecialists.includes(s)),
      ).size,
    },
  };
}

/** The review if the caller may change it, else NotFound / Forbidden. */
async function reviewFor(ctx: Context, id: string) {
  const review = await ctx.db.fidelityReview.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'FidelityReview'), { id }] },
  });
  if (!review) throw new NotFoundError('FidelityReview');
  if (!canOn(ctx.ability, 'update', 'FidelityReview', review))
    throw new ForbiddenActionError(RUNS_THE_REVIEW);
  return review;
}

/** Bumps the review's version when it still is `version` (the optimistic lock of every change). */
const bump = (ctx: Context, review: { id: string }, version: number) =>
  updateVersioned(ctx.db.fidelityReview, 'FidelityReview', review.id, version, {});

/** Starts a review of the team with the items the data can score pre-scored; returns its id. */
export async function startFidelityReview(
  ctx: Context,
  input: { teamId: string; reviewedOn: string; reviewers: string },
): Promise<string> {
  const team = await ctx.db.specialistTeam.findFirst({
    where: { id: input.teamId },
    select: { id: true, organizationId: true },
  });
  const subject = team ? { organizationId: team.organizationId, teamId: team.id } : null;
  if (!team || !subject || !canOn(ctx.ability, 'read', 'FidelityReview', subject))
    throw new NotFoundError('SpecialistTeam');
  if (!canOn(ctx.ability, 'create', 'FidelityReview', subject))
    throw new ForbiddenActionError(RUNS_THE_REVIEW);
  const asOf = osloDay(ctx.now);
  if (input.reviewedOn > asOf)
    throw new ValidationError([
      { field: 'reviewedOn', code: 'IN_FUTURE', message: 'Review what has happened' },
    ]);
  const prescored = prescoreFidelity(await fidelityFacts(ctx, team.id, asOf));
  const review = await ctx.db.fidelityReview.create({
    data: {
      organizationId: team.organizationId,
      teamId: team.id,
      reviewedOn: asDate(input.reviewedOn),
      reviewers: input.reviewers,
      itemScores: {
        create: prescored.map((p) => ({
          item: p.item,
          score: p.score,
          computedScore: p.score,
          computedEvidence: p.evidence,
        })),
      },
    },
    select: { id: true },
  });
  ctx.audit.change(team.organizationId, 'CREATE', 'FidelityReview.start', 'FidelityReview', review.id);
  return review.id;
}

/** The reviewers' score (1–5) and evidence for one item. `evidence` undefined keeps the old one. */
export async function scoreFidelityItem(
  ctx: Context,
  input: { reviewId: string; version: number; item: number; score: number; evidence?: string | null },
): Promise<string> {
  const review = await reviewFor(ctx, input.reviewId);
  const issues: FieldIssue[] = [];
  if (!isFidelityItem(input.item))
    issues.push({ field: 'item', code: 'OUT_OF_RANGE', message: 'IPS-25 has items 1–25' });
  if (!isFidelityScore(input.score))
    issues.push({ field: 'score', code: 'OUT_OF_RANGE', message: 'A score is a whole number from 1 to 5' });
  if (review.status === 'FINAL')
    issues.push({ field: 'reviewId', code: 'FINAL', message: 'The review is final' });
  if (issues.length) throw new ValidationError(issues);
  ctx.audit.change(review.organizationId, 'UPDATE', 'FidelityReview.score', 'FidelityReview', review.id);
  await bump(ctx, review, input.version);
  const key = { organizationId: review.organizationId, reviewId: review.id, item: input.item };
  await ctx.db.fidelityItemScore.upsert({
    where: { organizationId_reviewId_item: key },
    create: { ...key, score: input.score, evidence: input.evidence ?? null },
    update: { score: input.score, ...(input.evidence !== undefined ? { evidence: input.evidence } : {}) },
  });
  return review.id;
}

/** Closes the review when all 25 items are scored: the total and its band are kept. */
export async function finalizeFidelityReview(ctx: Context, input: { reviewId: string; version: number }) {
  const review = await reviewFor(ctx, input.reviewId);
  const scores = await ctx.db.fidelityItemScore.findMany({
    where: { reviewId: review.id, score: { not: null } },
    select: { item: true, score: true },
  });
  const total = fidelityTotal(scores as { item: number; score: number }[]);
  if (review.status === 'FINAL')
    throw new ValidationError([{ field: 'reviewId', code: 'FINAL', message: 'The review is final' }]);
  if (total === null) {
    const missing = FIDELITY_ITEMS.map((i) => i.item).filter((i) => !scores.some((s) => s.item === i));
    throw new ValidationError([
      { field: 'items', code: 'INCOMPLETE', message: `Items without a score: ${missing.join(', ')}` },
    ]);
  }
  await bump(ctx, review, input.version);
  await ctx.db.fidelityReview.update({
    where: { id: review.id },
    data: { status: 'FINAL', totalScore: total },
  });
  ctx.audit.change(review.organizationId, 'UPDATE', 'FidelityReview.finalize', 'FidelityReview', review.id);
  return review.id;
}

/** An item of the review's action plan, with an owner in the team and a due date. */
export async function addFidelityActionItem(
  ctx: Context,
  input: { reviewId: string; item: number | null; action: string; ownerId: string; dueOn: string },
): Promise<string> {
  const review = await reviewFor(ctx, input.reviewId);
  const issues: FieldIssue[] = [];
  if (input.item !== null && !isFidelityItem(input.item))
    issues.push({ field: 'item', code: 'OUT_OF_RANGE', message: 'IPS-25 has items 1–25' });
  const owner = await ctx.db.teamMember.findFirst({
    where: { teamId: review.teamId, userId: input.ownerId, leftOn: null },
    select: { id: true },
  });
  if (!owner)
    issues.push({ field: 'ownerId', code: 'NOT_IN_TEAM', message: 'The owner must be in the team' });
  if (issues.length) throw new ValidationError(issues);
  const created = await ctx.db.fidelityActionItem.create({
    data: {
      organizationId: review.organizationId,
      reviewId: review.id,
      item: input.item,
      action: input.action,
      ownerId: input.ownerId,
      dueOn: asDate(input.dueOn),
    },
    select: { id: true },
  });
  ctx.audit.change(
    review.organizationId,
    'CREATE',
    'FidelityActionItem.add',
    'FidelityActionItem',
    created.id,
  );
  return created.id;
}

/** Follows up an action-plan item: its status and a note (undefined keeps the note). */
export async function followUpFidelityActionItem(
  ctx: Context,
  input: { id: string; version: number; status: ActionPointStatus; followUpNote?: string | null },
): Promise<string> {
  const item = await ctx.db.fidelityActionItem.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'FidelityActionItem'), { id: input.id }] },
    include: { review: { select: { teamId: true, organizationId: true } } },
  });
  if (!item) throw new NotFoundError('FidelityActionItem');
  if (!canOn(ctx.ability, 'update', 'FidelityActionItem', item))
    throw new ForbiddenActionError("The team's method supervisor follows up the action plan");
  await updateVersioned(ctx.db.fidelityActionItem, 'FidelityActionItem', item.id, input.version, {
    status: input.status,
    followUpNote: input.followUpNote ?? item.followUpNote,
  });
  ctx.audit.change(
    item.organizationId,
    'UPDATE',
    'FidelityActionItem.followUp',
    'FidelityActionItem',
    item.id,
  );
  return item.id;
}
