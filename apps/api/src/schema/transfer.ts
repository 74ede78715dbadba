/**
 * Transfers (domain.md §7, seed 001 §4.2): the method supervisor moves a job seeker the team may
 * discuss to another specialist — for good, or as temporary cover during an absence. Candidates
 * are the active members of the job seeker's team, ranked by the domain rule (same service level,
 * room in the caseload, same health team). A specialist employed by another organisation than the
 * one holding the record is a cross-service transfer: refused with ConsentRequired unless the job
 * seeker gave the CROSS_SERVICE_TRANSFER scope, and then the specialist is given a job-specialist
 * membership in the record's organisation so they can follow the job seeker up (ADR 0005).
 * A concurrent reassignment is refused unless "from" is still the current specialist. History is
 * kept (transfer and assignment rows); the new specialist gets a "meet soon" task, an inbox
 * notification with e-mail, and the record a journal-ready note. A bulk transfer (a specialist
 * leaving) is all-or-nothing with a result per job seeker. The types and resolvers are here; the
 * flow is `services/transfer.ts`.
 */
import { accessibleWhere } from '@ips/authz';
import { TransferReason } from '@ips/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import { calendarDay } from '../input-guard.js';
import {
  type BulkItem,
  type Candidate,
  candidatesFor,
  movePortfolio,
  performTransfer,
  transferable,
} from '../services/transfer.js';
import { ServiceLevelEnum } from './enums.js';
import {
  ConflictError,
  ConsentRequiredError,
  type DomainError,
  FieldIssueRef,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { nonEmpty } from './query-shape.js';
import { UserType } from './viewer.js';

const TransferReasonEnum = builder.enumType(TransferReason, { name: 'TransferReason' });

export const TransferObject = builder.prismaObject('Transfer', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    jobSeeker: t.relation('jobSeeker', { type: JobSeekerNode, nullable: true }),
    fromSpecialist: t.relation('fromSpecialist', { type: UserType }),
    toSpecialist: t.relation('toSpecialist', { type: UserType }),
    decidedBy: t.relation('decidedBy', { type: UserType }),
    reason: t.expose('reason', { type: TransferReasonEnum }),
    temporary: t.exposeBoolean('temporary'),
    crossService: t.exposeBoolean('crossService'),
    teamMeetingId: t.exposeID('teamMeetingId', { nullable: true }),
    effectiveAt: t.expose('effectiveAt', { type: 'DateTime' }),
    note: t.exposeString('note', { nullable: true }),
    levelReason: t.exposeString('levelReason', {
      nullable: true,
      description:
        'Why another service level while a same-level colleague under the caseload limit was available (seed 001 §4.2).',
    }),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'transfers', (t) =>
  t.relation('transfers', {
    type: TransferObject,
    description: 'Who followed the job seeker before, and why (for those who may read the transfers).',
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'Transfer'),
      orderBy: [{ effectiveAt: 'desc' }, { id: 'desc' }],
    }),
  }),
);

const CandidateType = builder.objectRef<Candidate>('TransferCandidate').implement({
  description: 'A colleague who could take over, with why they rank where they do.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    userId: t.exposeID('userId'),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    serviceLevel: t.field({ type: ServiceLevelEnum, resolve: (c) => c.serviceLevel as never }),
    employerOrganizationId: t.exposeID('employerOrganizationId'),
    caseload: t.exposeInt('caseload'),
    fte: t.exposeFloat('fte'),
    sameServiceLevel: t.exposeBoolean('sameServiceLevel'),
    underCaseloadLimit: t.exposeBoolean('underCaseloadLimit'),
    sameHealthTeam: t.exposeBoolean('sameHealthTeam'),
    sameTeam: t.exposeBoolean('sameTeam'),
    crossService: t.exposeBoolean('crossService', {
      description: 'Employed by another organisation: needs the CROSS_SERVICE_TRANSFER consent scope.',
    }),
  }),
});

builder.queryField('transferCandidates', (t) =>
  t.field({
    type: [CandidateType],
    description: 'Who could take over this job seeker, best first (seed 001 §4.2).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError], result: { authScopes: { signedIn: true } } },
    args: { jobSeekerId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) =>
      candidatesFor(ctx, await transferable(ctx, String(args.jobSeekerId))),
  }),
);

const TransferInput = builder.inputType('TransferJobSeekerInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    /** The specialist the caller believes follows the job seeker now (the concurrency guard). */
    fromSpecialistId: t.id({ required: true, validate: z.uuid() }),
    toSpecialistId: t.id({ required: true, validate: z.uuid() }),
    reason: t.field({ type: TransferReasonEnum, required: true }),
    temporary: t.boolean({ required: false, defaultValue: false }),
    teamMeetingId: t.id({ required: false, validate: z.uuid() }),
    effectiveOn: t.string({ required: false, validate: calendarDay }),
    note: t.string({ required: false, validate: z.string().trim().max(2000) }),
    levelReason: t.string({
      required: false,
      validate: z.string().trim().max(1000),
      description: 'Why another service level, when a same-level colleague has room (seed 001 §4.2).',
    }),
  }),
});

builder.mutationField('transferJobSeeker', (t) =>
  t.prismaField({
    type: TransferObject,
    description: 'Moves a job seeker to another specialist of the team (seed 001).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError, ConsentRequiredError] },
    args: { input: t.arg({ type: TransferInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await performTransfer(ctx, {
        jobSeekerId: String(input.jobSeekerId),
        fromSpecialistId: String(input.fromSpecialistId),
        toSpecialistId: String(input.toSpecialistId),
        reason: input.reason,
        temporary: input.temporary ?? false,
        teamMeetingId: input.teamMeetingId ? String(input.teamMeetingId) : null,
        effectiveOn: input.effectiveOn ?? null,
        note: input.note ?? null,
        levelReason: input.levelReason ?? null,
      });
      return ctx.db.transfer.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

// ─── bulk: a specialist leaves ───

/** What stopped one move of a bulk transfer (the typed errors of a single transfer, flattened). */
const BulkProblemType = builder.objectRef<{ error: DomainError }>('BulkTransferProblem').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    type: t.string({
      description: 'The typed error a single transfer would return.',
      resolve: ({ error }) => error.name,
    }),
    message: t.string({ resolve: ({ error }) => error.message }),
    scope: t.string({
      nullable: true,
      resolve: ({ error }) => (error instanceof ConsentRequiredError ? error.scope : null),
    }),
    issues: t.field({
      type: [FieldIssueRef],
      resolve: ({ error }) => (error instanceof ValidationError ? error.issues : []),
    }),
  }),
});

const BulkItemType = builder.objectRef<BulkItem>('BulkTransferItem').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    jobSeekerId: t.exposeID('jobSeekerId'),
    toSpecialistId: t.exposeID('toSpecialistId'),
    transfer: t.prismaField({
      type: TransferObject,
      nullable: true,
      resolve: (query, item, _a, ctx) =>
        item.transferId
          ? ctx.db.transfer.findUnique({ ...nonEmpty(query), where: { id: item.transferId } })
          : null,
    }),
    // A wrapper, not the error itself: GraphQL treats a returned Error as a thrown one.
    problem: t.field({
      type: BulkProblemType,
      nullable: true,
      resolve: (item) => (item.error ? { error: item.error } : null),
    }),
  }),
});

const BulkResultType = builder
  .objectRef<{ applied: boolean; items: BulkItem[] }>('BulkTransferResult')
  .implement({
    description: 'All transfers applied, or none (then each item says what stopped it, or nothing).',
    authScopes: { signedIn: true },
    fields: (t) => ({
      applied: t.exposeBoolean('applied'),
      items: t.field({ type: [BulkItemType], resolve: (r) => r.items }),
    }),
  });

const BulkInput = builder.inputType('TransferPortfolioInput', {
  fields: (t) => ({
    fromSpecialistId: t.id({ required: true, validate: z.uuid() }),
    reason: t.field({ type: TransferReasonEnum, required: true }),
    temporary: t.boolean({ required: false, defaultValue: false }),
    teamMeetingId: t.id({ required: false, validate: z.uuid() }),
    effectiveOn: t.string({ required: false, validate: calendarDay }),
    moves: t.field({
      type: [
        builder.inputType('PortfolioMove', {
          fields: (f) => ({
            jobSeekerId: f.id({ required: true, validate: z.uuid() }),
            toSpecialistId: f.id({ required: true, validate: z.uuid() }),
            levelReason: f.string({ required: false, validate: z.string().trim().max(1000) }),
          }),
        }),
      ],
      required: true,
      validate: z.array(z.any()).min(1).max(200),
    }),
  }),
});

builder.mutationField('transferPortfolio', (t) =>
  t.field({
    type: BulkResultType,
    description:
      "Moves a leaving specialist's job seekers in one decision: all or nothing, with a result per job seeker.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: BulkInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      movePortfolio(ctx, {
        fromSpecialistId: String(input.fromSpecialistId),
        reason: input.reason,
        temporary: input.temporary ?? false,
        teamMeetingId: input.teamMeetingId ? String(input.teamMeetingId) : null,
        effectiveOn: input.effectiveOn ?? null,
        moves: input.moves.map((m) => ({
          jobSeekerId: String(m.jobSeekerId),
          toSpecialistId: String(m.toSpecialistId),
          levelReason: m.levelReason ?? null,
        })),
      }),
  }),
);
