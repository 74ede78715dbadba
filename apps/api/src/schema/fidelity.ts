/**
 * IPS fidelity reviews (domain.md §9, §11): the method supervisor starts a review of the team; the
 * items the data can score arrive pre-scored with the figure each rests on; the reviewers score
 * 1–5 (anything else is a typed error), finalise when all 25 are scored (total and band), keep an
 * action plan whose items are followed up, and see each item against the previous final review.
 * The team reads its reviews; the organisation's health-service leader reads them as aggregates.
 */
import { accessibleWhere } from '@ips/authz';
import { ActionPointStatus, ReviewStatus } from '@ips/db';
import { compareReviews, FIDELITY_ITEMS, fidelityBand } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import {
  addFidelityActionItem,
  finalizeFidelityReview,
  followUpFidelityActionItem,
  scoreFidelityItem,
  startFidelityReview,
} from '../services/fidelity.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { nonEmpty } from './query-shape.js';
import { UserType } from './viewer.js';

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

const StartFidelityReviewInput = builder.inputType('StartFidelityReviewInput', {
  fields: (f) => ({
    teamId: f.id({ required: true, validate: z.uuid() }),
    reviewedOn: f.string({ required: true, validate: calendarDay }),
    reviewers: f.string({ required: true, validate: z.string().trim().min(2).max(500) }),
  }),
});

const ScoreFidelityItemInput = builder.inputType('ScoreFidelityItemInput', {
  fields: (f) => ({
    reviewId: f.id({ required: true, validate: z.uuid() }),
    version: f.int({ required: true }),
    item: f.int({ required: true }),
    score: f.int({ required: true }),
    evidence: f.string({ required: false, validate: z.string().max(4000) }),
  }),
});

const FinalizeFidelityReviewInput = builder.inputType('FinalizeFidelityReviewInput', {
  fields: (f) => ({
    reviewId: f.id({ required: true, validate: z.uuid() }),
    version: f.int({ required: true }),
  }),
});

const AddFidelityActionItemInput = builder.inputType('AddFidelityActionItemInput', {
  fields: (f) => ({
    reviewId: f.id({ required: true, validate: z.uuid() }),
    item: f.int({ required: false }),
    action: f.string({ required: true, validate: z.string().trim().min(3).max(2000) }),
    ownerId: f.id({ required: true, validate: z.uuid() }),
    dueOn: f.string({ required: true, validate: calendarDay }),
  }),
});

const FollowUpFidelityActionItemInput = builder.inputType('FollowUpFidelityActionItemInput', {
  fields: (f) => ({
    id: f.id({ required: true, validate: z.uuid() }),
    version: f.int({ required: true }),
    status: f.field({ type: ActionStatusEnum, required: true }),
    followUpNote: f.string({ required: false, validate: z.string().max(4000) }),
  }),
});

const reloadReview = (ctx: Context, query: object, id: string) =>
  ctx.db.fidelityReview.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
const reloadActionItem = (ctx: Context, query: object, id: string) =>
  ctx.db.fidelityActionItem.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });

// Each resolver: arguments → service (`services/fidelity.ts`) → what the client selected.
builder.mutationFields((t) => ({
  startFidelityReview: t.prismaField({
    type: ReviewType,
    description: 'Starts a fidelity review of the team, with the items the data can score pre-scored.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: StartFidelityReviewInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await startFidelityReview(ctx, { ...input, teamId: String(input.teamId) });
      return reloadReview(ctx, query, id);
    },
  }),

  scoreFidelityItem: t.prismaField({
    type: ReviewType,
    description: "The reviewers' score (1–5) and evidence for one item; a stale version is refused.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: ScoreFidelityItemInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await scoreFidelityItem(ctx, { ...input, reviewId: String(input.reviewId) });
      return reloadReview(ctx, query, id);
    },
  }),

  finalizeFidelityReview: t.prismaField({
    type: ReviewType,
    description: 'Closes the review when all 25 items are scored: the total and its band are kept.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: FinalizeFidelityReviewInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await finalizeFidelityReview(ctx, {
        reviewId: String(input.reviewId),
        version: input.version,
      });
      return reloadReview(ctx, query, id);
    },
  }),

  addFidelityActionItem: t.prismaField({
    type: ActionItemType,
    description: "An item of the review's action plan, with owner and due date.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: AddFidelityActionItemInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await addFidelityActionItem(ctx, {
        reviewId: String(input.reviewId),
        item: input.item ?? null,
        action: input.action,
        ownerId: String(input.ownerId),
        dueOn: input.dueOn,
      });
      return reloadActionItem(ctx, query, id);
    },
  }),

  followUpFidelityActionItem: t.prismaField({
    type: ActionItemType,
    description: 'Follows up an action-plan item: its status and a note; a stale version is refused.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: FollowUpFidelityActionItemInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await followUpFidelityActionItem(ctx, { ...input, id: String(input.id) });
      return reloadActionItem(ctx, query, id);
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
