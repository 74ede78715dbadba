/**
 * IPS fidelity reviews (domain.md §9, §11): the method supervisor starts a review of the team; the
 * items the data can score arrive pre-scored with the figure each rests on; the reviewers score
 * 1–5 (anything else is a typed error), finalise when all 25 are scored (total and band), keep an
 * action plan whose items are followed up, and see each item against the previous final review.
 * The team reads its reviews; the organisation's health-service leader reads them as aggregates.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { ActionPointStatus, ReviewStatus } from '@ips/db';
import {
  compareReviews,
  computeMeasures,
  FIDELITY_ITEMS,
  type FidelityFacts,
  faceToFaceDaysByJobSeeker,
  fidelityBand,
  fidelityTotal,
  firstContactAfterIntake,
  isFidelityItem,
  isFidelityScore,
  osloDay,
  prescoreFidelity,
} from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { asDate, conflictNow, nonEmpty } from './lookups.js';
import { loadMeasureFacts } from './measures.js';
import { UserType } from './viewer.js';

const dayMs = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => iso(new Date(asDate(day).getTime() - n * dayMs));

const ReviewStatusEnum = builder.enumType(ReviewStatus, { name: 'ReviewStatus' });
const ActionStatusEnum = builder.enumType(ActionPointStatus, { name: 'FidelityActionStatus' });
const BandEnum = builder.enumType('FidelityBand', {
  values: ['EXEMPLARY', 'GOOD', 'FAIR', 'NOT_IPS'] as const,
});

const EvidenceType = builder
  .objectRef<{ figure: number | null; unit: string; basis: string }>('FidelityEvidence')
  .implement({
    authScopes: { signedIn: true },
    fields: (t) => ({
      figure: t.exposeFloat('figure', { nullable: true }),
      unit: t.exposeString('unit'),
      basis: t.exposeString('basis'),
    }),
  });

const ItemScoreType = builder.prismaObject('FidelityItemScore', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    item: t.exposeInt('item'),
    title: t.string({ select: { item: true }, resolve: (s) => FIDELITY_ITEMS[s.item - 1]?.title ?? '' }),
    score: t.exposeInt('score', { nullable: true }),
    evidence: t.exposeString('evidence', { nullable: true, description: "The reviewers' evidence." }),
    computedScore: t.exposeInt('computedScore', { nullable: true }),
    computedEvidence: t.field({
      type: EvidenceType,
      nullable: true,
      select: { computedEvidence: true },
      resolve: (s) => s.computedEvidence as { figure: number | null; unit: string; basis: string } | null,
    }),
  }),
});

const ActionItemType = builder.prismaObject('FidelityActionItem', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    item: t.exposeInt('item', { nullable: true }),
    action: t.exposeString('action'),
    owner: t.relation('owner', { type: UserType }),
    dueOn: t.expose('dueOn', { type: 'Date' }),
    status: t.expose('status', { type: ActionStatusEnum }),
    followUpNote: t.exposeString('followUpNote', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

const ComparisonType = builder
  .objectRef<{ item: number; score: number | null; previousScore: number | null; change: number | null }>(
    'FidelityComparison',
  )
  .implement({
    authScopes: { signedIn: true },
    fields: (t) => ({
      item: t.exposeInt('item'),
      score: t.exposeInt('score', { nullable: true }),
      previousScore: t.exposeInt('previousScore', { nullable: true }),
      change: t.exposeInt('change', { nullable: true }),
    }),
  });

const ReviewType = builder.prismaObject('FidelityReview', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    teamId: t.exposeID('teamId'),
    reviewedOn: t.expose('reviewedOn', { type: 'Date' }),
    reviewers: t.exposeString('reviewers'),
    status: t.expose('status', { type: ReviewStatusEnum }),
    totalScore: t.exposeInt('totalScore', { nullable: true }),
    band: t.field({
      type: BandEnum,
      nullable: true,
      select: { totalScore: true },
      resolve: (r) => (r.totalScore === null ? null : fidelityBand(r.totalScore)),
    }),
    version: t.exposeInt('version'),
    items: t.relation('itemScores', { type: ItemScoreType, query: { orderBy: { item: 'asc' } } }),
    actionPlan: t.relation('actionItems', {
      type: ActionItemType,
      query: { orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] },
    }),
    comparison: t.field({
      type: [ComparisonType],
      description: 'Each item against the previous final review of the team.',
      select: { teamId: true, reviewedOn: true, itemScores: { select: { item: true, score: true } } },
      resolve: async (r, _a, ctx) => {
        const previous = (await finalReviewsOf(ctx, r.teamId)).find((f) => f.reviewedOn < r.reviewedOn);
        const scored = (rows: { item: number; score: number | null }[]) =>
          rows.filter((s): s is { item: number; score: number } => s.score !== null);
        return compareReviews(scored(r.itemScores), scored(previous?.itemScores ?? []));
      },
    }),
  }),
});

const finals = new WeakMap<
  Context,
  Map<string, Promise<{ reviewedOn: Date; itemScores: { item: number; score: number | null }[] }[]>>
>();

/** The team's final reviews, newest first: one query per team and request, however many reviews are listed. */
function finalReviewsOf(ctx: Context, teamId: string) {
  let cache = finals.get(ctx);
  if (!cache) {
    cache = new Map();
    finals.set(ctx, cache);
  }
  let loaded = cache.get(teamId);
  if (!loaded) {
    loaded = ctx.db.fidelityReview.findMany({
      where: { teamId, status: 'FINAL' },
      orderBy: { reviewedOn: 'desc' },
      select: { reviewedOn: true, itemScores: { select: { item: true, score: true } } },
    });
    cache.set(teamId, loaded);
  }
  return loaded;
}

/** What the data says about the team for the items it can score (two loads: the measures' facts, the jobs). */
async function fidelityFacts(ctx: Context, teamId: string, asOf: string): Promise<FidelityFacts> {
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
    throw new ForbiddenActionError("The team's method supervisor runs the fidelity review");
  return review;
}

/** Bumps the review's version when it still is `version` (the optimistic lock of every change). */
async function bump(ctx: Context, review: { id: string; version: number }, version: number) {
  const { count } = await ctx.db.fidelityReview.updateMany({
    where: { id: review.id, version },
    data: { version: { increment: 1 } },
  });
  if (count === 0) throw await conflictNow(ctx.db.fidelityReview, 'FidelityReview', review.id);
}

builder.mutationFields((t) => ({
  startFidelityReview: t.prismaField({
    type: ReviewType,
    description: 'Starts a fidelity review of the team, with the items the data can score pre-scored.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      input: t.arg({
        type: builder.inputType('StartFidelityReviewInput', {
          fields: (f) => ({
            teamId: f.id({ required: true, validate: z.uuid() }),
            reviewedOn: f.string({ required: true, validate: calendarDay }),
            reviewers: f.string({ required: true, validate: z.string().trim().min(2).max(500) }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const team = await ctx.db.specialistTeam.findFirst({
        where: { id: String(input.teamId) },
        select: { id: true, organizationId: true },
      });
      const subject = team ? { organizationId: team.organizationId, teamId: team.id } : null;
      if (!team || !subject || !canOn(ctx.ability, 'read', 'FidelityReview', subject))
        throw new NotFoundError('SpecialistTeam');
      if (!canOn(ctx.ability, 'create', 'FidelityReview', subject))
        throw new ForbiddenActionError("The team's method supervisor runs the fidelity review");
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
      return ctx.db.fidelityReview.findUniqueOrThrow({ ...nonEmpty(query), where: { id: review.id } });
    },
  }),

  scoreFidelityItem: t.prismaField({
    type: ReviewType,
    description: "The reviewers' score (1–5) and evidence for one item; a stale version is refused.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: {
      input: t.arg({
        type: builder.inputType('ScoreFidelityItemInput', {
          fields: (f) => ({
            reviewId: f.id({ required: true, validate: z.uuid() }),
            version: f.int({ required: true }),
            item: f.int({ required: true }),
            score: f.int({ required: true }),
            evidence: f.string({ required: false, validate: z.string().max(4000) }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const review = await reviewFor(ctx, String(input.reviewId));
      const issues: FieldIssue[] = [];
      if (!isFidelityItem(input.item))
        issues.push({ field: 'item', code: 'OUT_OF_RANGE', message: 'IPS-25 has items 1–25' });
      if (!isFidelityScore(input.score))
        issues.push({
          field: 'score',
          code: 'OUT_OF_RANGE',
          message: 'A score is a whole number from 1 to 5',
        });
      if (review.status === 'FINAL')
        issues.push({ field: 'reviewId', code: 'FINAL', message: 'The review is final' });
      if (issues.length) throw new ValidationError(issues);
      ctx.audit.change(review.organizationId, 'UPDATE', 'FidelityReview.score', 'FidelityReview', review.id);
      await bump(ctx, review, input.version);
      await ctx.db.fidelityItemScore.upsert({
        where: {
          organizationId_reviewId_item: {
            organizationId: review.organizationId,
            reviewId: review.id,
            item: input.item,
          },
        },
        create: {
          organizationId: review.organizationId,
          reviewId: review.id,
          item: input.item,
          score: input.score,
          evidence: input.evidence ?? null,
        },
        update: { score: input.score, ...(input.evidence !== undefined ? { evidence: input.evidence } : {}) },
      });
      return ctx.db.fidelityReview.findUniqueOrThrow({ ...nonEmpty(query), where: { id: review.id } });
    },
  }),

  finalizeFidelityReview: t.prismaField({
    type: ReviewType,
    description: 'Closes the review when all 25 items are scored: the total and its band are kept.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: {
      input: t.arg({
        type: builder.inputType('FinalizeFidelityReviewInput', {
          fields: (f) => ({
            reviewId: f.id({ required: true, validate: z.uuid() }),
            version: f.int({ required: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const review = await reviewFor(ctx, String(input.reviewId));
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
      ctx.audit.change(
        review.organizationId,
        'UPDATE',
        'FidelityReview.finalize',
        'FidelityReview',
        review.id,
      );

      return ctx.db.fidelityReview.findUniqueOrThrow({ ...nonEmpty(query), where: { id: review.id } });
    },
  }),

  addFidelityActionItem: t.prismaField({
    type: ActionItemType,
    description: "An item of the review's action plan, with owner and due date.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      input: t.arg({
        type: builder.inputType('AddFidelityActionItemInput', {
          fields: (f) => ({
            reviewId: f.id({ required: true, validate: z.uuid() }),
            item: f.int({ required: false }),
            action: f.string({ required: true, validate: z.string().trim().min(3).max(2000) }),
            ownerId: f.id({ required: true, validate: z.uuid() }),
            dueOn: f.string({ required: true, validate: calendarDay }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const review = await reviewFor(ctx, String(input.reviewId));
      const issues: FieldIssue[] = [];
      if (input.item !== null && input.item !== undefined && !isFidelityItem(input.item))
        issues.push({ field: 'item', code: 'OUT_OF_RANGE', message: 'IPS-25 has items 1–25' });
      const owner = await ctx.db.teamMember.findFirst({
        where: { teamId: review.teamId, userId: String(input.ownerId), leftOn: null },
        select: { id: true },
      });
      if (!owner)
        issues.push({ field: 'ownerId', code: 'NOT_IN_TEAM', message: 'The owner must be in the team' });
      if (issues.length) throw new ValidationError(issues);
      const created = await ctx.db.fidelityActionItem.create({
        data: {
          organizationId: review.organizationId,
          reviewId: review.id,
          item: input.item ?? null,
          action: input.action,
          ownerId: String(input.ownerId),
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
      return ctx.db.fidelityActionItem.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),

  followUpFidelityActionItem: t.prismaField({
    type: ActionItemType,
    description: 'Follows up an action-plan item: its status and a note; a stale version is refused.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConflictError] },
    args: {
      input: t.arg({
        type: builder.inputType('FollowUpFidelityActionItemInput', {
          fields: (f) => ({
            id: f.id({ required: true, validate: z.uuid() }),
            version: f.int({ required: true }),
            status: f.field({ type: ActionStatusEnum, required: true }),
            followUpNote: f.string({ required: false, validate: z.string().max(4000) }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const item = await ctx.db.fidelityActionItem.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'FidelityActionItem'), { id: String(input.id) }],
        },
        include: { review: { select: { teamId: true, organizationId: true } } },
      });
      if (!item) throw new NotFoundError('FidelityActionItem');
      if (!canOn(ctx.ability, 'update', 'FidelityActionItem', item))
        throw new ForbiddenActionError("The team's method supervisor follows up the action plan");
      const { count } = await ctx.db.fidelityActionItem.updateMany({
        where: { id: item.id, version: input.version },
        data: {
          status: input.status,
          followUpNote: input.followUpNote ?? item.followUpNote,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw await conflictNow(ctx.db.fidelityActionItem, 'FidelityActionItem', item.id);
      ctx.audit.change(
        item.organizationId,
        'UPDATE',
        'FidelityActionItem.followUp',
        'FidelityActionItem',
        item.id,
      );

      return ctx.db.fidelityActionItem.findUniqueOrThrow({ ...nonEmpty(query), where: { id: item.id } });
    },
  }),
}));

builder.queryField('fidelityReviews', (t) =>
  t.prismaField({
    type: [ReviewType],
    description: "The team's fidelity reviews, newest first.",
    authScopes: { signedIn: true },
    args: { teamId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.fidelityReview.findMany({
        ...query,
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'FidelityReview'), { teamId: String(args.teamId) }],
        },
        orderBy: [{ reviewedOn: 'desc' }, { id: 'desc' }],
        take: 50,
      }),
  }),
);
