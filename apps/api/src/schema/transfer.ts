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
 * leaving) is all-or-nothing with a result per job seeker.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { type Prisma, TransferReason } from '@ips/db';
import {
  type Colleague,
  norwegianDate,
  osloDay,
  type RankedCandidate,
  rankTransferCandidates,
  tasksForEvent,
} from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import { markFailed } from '../request-outcome.js';
import { applyTaskChanges, tuningOf } from '../services/duties.js';
import { isAbsentOn } from './absence.js';
import { caseloadsOf } from './caseload.js';
import { ServiceLevelEnum } from './enums.js';
import {
  ConflictError,
  ConsentRequiredError,
  DomainError,
  type FieldIssue,
  FieldIssueRef,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { writeJournalNote } from './journal-note.js';
import { asDate, conflictNow, nonEmpty } from './lookups.js';
import { notify } from './notification.js';
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

export interface Candidate extends RankedCandidate {
  givenName: string;
  familyName: string;
  email: string | null;
}

type TransferTargetRow = {
  id: string;
  organizationId: string;
  teamId: string | null;
  healthTeamId: string | null;
  currentSpecialistId: string | null;
  version: number;
  organization: { serviceLevel: string };
};

/** The active members of the job seeker's team the caller can see, ranked (seed 001 §4.2). */
async function candidatesFor(ctx: Context, js: TransferTargetRow): Promise<Candidate[]> {
  if (!js.teamId) return [];
  const members = await ctx.db.teamMember.findMany({
    where: { teamId: js.teamId, leftOn: null },
    select: {
      userId: true,
      employerOrganizationId: true,
      employerOrganization: { select: { serviceLevel: true } },
    },
  });
  const ids = [...new Set(members.map((m) => m.userId))];
  const [users, caseloads, teams] = await Promise.all([
    ctx.db.user.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        givenName: true,
        familyName: true,
        email: true,
        memberships: { where: { endedAt: null }, select: { organizationId: true, fte: true } },
        healthTeamAttachments: {
          where: { OR: [{ untilDate: null }, { untilDate: { gte: asDate(osloDay(ctx.now)) } }] },
          select: { healthTeamId: true },
        },
        absences: { select: { startDate: true, expectedEndDate: true, actualEndDate: true } },
      },
    }),
    // The person's caseload wherever the records are (docs/supervision.md "Caseload").
    caseloadsOf(ctx, ids),
    ctx.db.teamMember.findMany({
      where: { userId: { in: ids }, leftOn: null },
      select: { userId: true, teamId: true },
    }),
  ]);
  const load = caseloads;
  const byId = new Map(users.map((u) => [u.id, u]));
  const colleagues: (Colleague & { givenName: string; familyName: string; email: string | null })[] = [];
  for (const m of members) {
    const u = byId.get(m.userId);
    if (!u || colleagues.some((c) => c.userId === u.id)) continue;
    colleagues.push({
      userId: u.id,
      givenName: u.givenName,
      familyName: u.familyName,
      email: u.email,
      employerOrganizationId: m.employerOrganizationId,
      serviceLevel: m.employerOrganization.serviceLevel,
      teamIds: teams.filter((t) => t.userId === u.id).map((t) => t.teamId),
      healthTeamIds: u.healthTeamAttachments.map((a) => a.healthTeamId),
      caseload: load.get(u.id) ?? 0,
      fte: Number(u.memberships.find((ms) => ms.organizationId === m.employerOrganizationId)?.fte ?? 1),
      absent: isAbsentOn(u.absences, ctx.now),
    });
  }
  const target = { ...js, serviceLevel: js.organization.serviceLevel };
  const ranked = rankTransferCandidates(target, colleagues);
  const extra = new Map(colleagues.map((c) => [c.userId, c]));
  return ranked.map((r) => {
    const c = extra.get(r.userId) as (typeof colleagues)[number];
    return { ...r, givenName: c.givenName, familyName: c.familyName, email: c.email };
  });
}

const TARGET_SELECT = {
  id: true,
  organizationId: true,
  teamId: true,
  healthTeamId: true,
  currentSpecialistId: true,
  version: true,
  phase: true,
  organization: { select: { serviceLevel: true } },
  consents: true,
} as const;

/**
 * The job seeker the caller may read and transfer, or NotFound / Forbidden. `scope` replaces the
 * read rule for a caller who moves job seekers without reading them: the health-service leader
 * moving an absent specialist's portfolio (`leader-portfolio.ts`), whose mutation names the only
 * job seekers it may reach; the `create Transfer` rule is checked all the same.
 */
async function transferable(ctx: Context, id: string, scope?: Prisma.JobSeekerWhereInput) {
  const js = await ctx.db.jobSeeker.findFirst({
    where: { AND: [scope ?? accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id }] },
    select: TARGET_SELECT,
  });
  if (!js) throw new NotFoundError('JobSeeker');
  if (!canOn(ctx.ability, 'create', 'Transfer', { organizationId: js.organizationId, jobSeeker: js }))
    throw new ForbiddenActionError("The team's method supervisor decides a transfer");
  return js;
}

interface TransferRequest {
  jobSeekerId: string;
  fromSpecialistId: string;
  toSpecialistId: string;
  reason: TransferReason;
  temporary: boolean;
  teamMeetingId: string | null;
  effectiveOn: string | null;
  note: string | null;
  /** Required when `to` is of another service level and a same-level colleague has room. */
  levelReason?: string | null;
}

/** One transfer in the request's transaction; throws a DomainError before writing when refused. */
async function performTransfer(
  ctx: Context,
  req: TransferRequest,
  scope?: Prisma.JobSeekerWhereInput,
): Promise<string> {
  const js = await transferable(ctx, req.jobSeekerId, scope);
  if (js.currentSpecialistId !== req.fromSpecialistId) throw new ConflictError('JobSeeker', js.version);
  const issues: FieldIssue[] = [];
  if (js.phase === 'DISCHARGED')
    issues.push({ field: 'jobSeekerId', code: 'DISCHARGED', message: 'The job seeker is discharged' });
  if (req.toSpecialistId === req.fromSpecialistId)
    issues.push({ field: 'toSpecialistId', code: 'SAME_SPECIALIST', message: 'Already this specialist' });
  const today = osloDay(ctx.now);
  const effectiveOn = req.effectiveOn ?? today;
  if (effectiveOn < today)
    issues.push({
      field: 'effectiveOn',
      code: 'IN_PAST',
      message: 'A transfer cannot take effect in the past',
    });
  // The switch happens when the transfer is recorded: a later date would cut the current
  // specialist off today while the history said otherwise. Plan later ones in the team meeting.
  if (effectiveOn > today)
    issues.push({
      field: 'effectiveOn',
      code: 'IN_FUTURE',
      message: 'Record a transfer on the day it takes effect',
    });
  const candidates = await candidatesFor(ctx, js);
  const to = candidates.find((c) => c.userId === req.toSpecialistId);
  if (!to && req.toSpecialistId !== req.fromSpecialistId) {
    const absent = js.teamId
      ? await ctx.db.teamMember.findFirst({
          where: { teamId: js.teamId, userId: req.toSpecialistId, leftOn: null },
          select: { id: true },
        })
      : null;
    issues.push(
      absent
        ? { field: 'toSpecialistId', code: 'ABSENT', message: 'The specialist is absent' }
        : {
            field: 'toSpecialistId',
            code: 'OUT_OF_REACH',
            message: "Only an active member of the job seeker's team can take over",
          },
    );
  }
  if (req.teamMeetingId) {
    const meeting = await ctx.db.teamMeeting.findFirst({
      where: { id: req.teamMeetingId, teamId: js.teamId ?? undefined },
      select: { id: true },
    });
    if (!meeting)
      issues.push({
        field: 'teamMeetingId',
        code: 'UNKNOWN',
        message: "No such meeting of the job seeker's team",
      });
  }
  // A cross-service colleague works in the record's organisation through a membership; one an
  // administrator ended is not reopened by a transfer.
  let grantMembership = false;
  if (to?.crossService) {
    const memberships = await ctx.db.membership.findMany({
      where: {
        organizationId: js.organizationId,
        userId: to.userId,
        role: { in: ['JOB_SPECIALIST', 'METHOD_SUPERVISOR'] },
      },
      select: { endedAt: true },
    });
    if (!memberships.some((m) => m.endedAt === null)) {
      if (memberships.length > 0)
        issues.push({
          field: 'toSpecialistId',
          code: 'MEMBERSHIP_ENDED',
          message: "The specialist's membership here was ended by an administrator",
        });
      else grantMembership = true;
    }
  }
  // Same service level first (seed 001 §4.2): another level while a same-level colleague under the
  // caseload limit is available needs a recorded reason.
  const levelReason = req.levelReason?.trim() || null;
  if (
    to &&
    !to.sameServiceLevel &&
    !levelReason &&
    candidates.some((c) => c.sameServiceLevel && c.underCaseloadLimit && c.userId !== req.fromSpecialistId)
  )
    issues.push({
      field: 'levelReason',
      code: 'REQUIRED',
      message: 'A colleague of the same service level has room: say why another service level',
    });
  if (issues.length || !to) throw new ValidationError(issues);
  let consentId: string | null = null;
  if (to.crossService) {
    const consent = await ctx.db.consent.findFirst({
      where: {
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        scope: 'CROSS_SERVICE_TRANSFER',
        withdrawnAt: null,
        validFrom: { lte: ctx.now },
        OR: [{ validUntil: null }, { validUntil: { gt: ctx.now } }],
      },
      select: { id: true },
    });
    if (!consent) throw new ConsentRequiredError('CROSS_SERVICE_TRANSFER');
    consentId = consent.id;
  }

  // The guard against a concurrent reassignment: only while "from" is still the specialist.
  const { count } = await ctx.db.jobSeeker.updateMany({
    where: { id: js.id, currentSpecialistId: req.fromSpecialistId },
    data: { currentSpecialistId: to.userId, version: { increment: 1 } },
  });
  if (count === 0) throw await conflictNow(ctx.db.jobSeeker, 'JobSeeker', js.id);
  if (grantMembership)
    // The receiving specialist works in the record's organisation from now on (ADR 0005);
    // validFrom is the database's now() (row-level security compares memberships with it).
    await ctx.db.membership.create({
      data: { organizationId: js.organizationId, userId: to.userId, role: 'JOB_SPECIALIST' },
    });
  const transfer = await ctx.db.transfer.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      fromSpecialistId: req.fromSpecialistId,
      toSpecialistId: to.userId,
      reason: req.reason,
      temporary: req.temporary,
      crossService: to.crossService,
      consentId,
      teamMeetingId: req.teamMeetingId,
      decidedById: ctx.actor.userId,
      effectiveAt: ctx.now,
      note: req.note,
      levelReason: to.sameServiceLevel ? null : levelReason,
    },
    select: { id: true },
  });
  await ctx.db.assignment.updateMany({
    where: { organizationId: js.organizationId, jobSeekerId: js.id, endedAt: null },
    data: { endedAt: ctx.now },
  });
  await ctx.db.assignment.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      specialistId: to.userId,
      reason: req.temporary ? 'TEMPORARY_COVER' : 'TRANSFER',
      startedAt: ctx.now,
      transferId: transfer.id,
    },
  });
  // The open duties follow the job seeker; the new specialist must meet them soon.
  await ctx.db.task.updateMany({
    where: { organizationId: js.organizationId, jobSeekerId: js.id, status: 'OPEN' },
    data: { assigneeId: to.userId, version: { increment: 1 } },
  });
  await applyTaskChanges(
    ctx,
    { ...js, currentSpecialistId: to.userId },
    tasksForEvent(
      { kind: 'TRANSFER', day: effectiveOn, transferId: transfer.id },
      await tuningOf(ctx, js.organizationId),
    ),
  );
  const from = await ctx.db.user.findUnique({
    where: { id: req.fromSpecialistId },
    select: { givenName: true, familyName: true },
  });
  await writeJournalNote(ctx, js, transfer.id, {
    kind: 'TRANSFER',
    date: effectiveOn,
    reason: req.reason,
    temporary: req.temporary,
    crossService: to.crossService,
    fromSpecialist: from ? `${from.givenName} ${from.familyName}` : 'tidligere jobbspesialist',
    toSpecialist: `${to.givenName} ${to.familyName}`,
  });
  await notify(ctx, {
    organizationId: js.organizationId,
    recipientId: to.userId,
    email: to.email,
    kind: 'TRANSFER',
    title: `Du har fått ansvar for en jobbsøker${req.temporary ? ' (midlertidig)' : ''} fra ${norwegianDate(effectiveOn)}.`,
    body: 'Avtal et snarlig møte med jobbsøker, så oppfølgingen fortsetter uten unødig opphold.',
    link: { type: 'JobSeeker', id: js.id },
  });
  ctx.audit.record({
    organizationId: js.organizationId,
    jobSeekerId: js.id,
    action: 'UPDATE',
    area: 'JobSeeker.transfer',
    entityType: 'Transfer',
    entityId: transfer.id,
  });
  return transfer.id;
}

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

export interface BulkItem {
  jobSeekerId: string;
  toSpecialistId: string;
  transferId: string | null;
  error: DomainError | null;
}

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

export interface PortfolioRequest {
  fromSpecialistId: string;
  reason: TransferReason;
  temporary: boolean;
  teamMeetingId: string | null;
  effectiveOn: string | null;
  moves: { jobSeekerId: string; toSpecialistId: string; levelReason?: string | null }[];
}

/**
 * A portfolio moved in one decision: each move is a single transfer with all its rules; all are
 * applied or none (the request's transaction is rolled back), with a result per job seeker. The
 * supervisor's `transferPortfolio` and the leader's `moveAbsentPortfolio` (with `scope`) share it.
 */
export async function movePortfolio(
  ctx: Context,
  input: PortfolioRequest,
  scope?: Prisma.JobSeekerWhereInput,
): Promise<{ applied: boolean; items: BulkItem[] }> {
  const items: BulkItem[] = [];
  const seen = new Set<string>();
  for (const move of input.moves) {
    const item: BulkItem = {
      jobSeekerId: move.jobSeekerId,
      toSpecialistId: move.toSpecialistId,
      transferId: null,
      error: null,
    };
    items.push(item);
    if (seen.has(move.jobSeekerId)) {
      item.error = new ValidationError([
        { field: 'moves', code: 'DUPLICATE', message: 'The job seeker is listed twice' },
      ]);
      continue;
    }
    seen.add(move.jobSeekerId);
    try {
      item.transferId = await performTransfer(
        ctx,
        {
          jobSeekerId: move.jobSeekerId,
          fromSpecialistId: input.fromSpecialistId,
          toSpecialistId: move.toSpecialistId,
          reason: input.reason,
          temporary: input.temporary,
          teamMeetingId: input.teamMeetingId,
          effectiveOn: input.effectiveOn,
          note: null,
          levelReason: move.levelReason ?? null,
        },
        scope,
      );
    } catch (error) {
      if (error instanceof DomainError) item.error = error;
      else if (error instanceof ForbiddenActionError) item.error = new NotFoundError('JobSeeker');
      else throw error;
    }
  }
  const applied = items.every((i) => i.error === null);
  if (!applied) {
    // Nothing of the batch stays: the request's transaction is rolled back.
    markFailed();
    for (const i of items) i.transferId = null;
  }
  return { applied, items };
}
