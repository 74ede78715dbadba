/**
 * The transfer flow (domain.md §7, seed 001 §4.2), behind `transferJobSeeker`, `transferPortfolio`
 * and the leader's `moveAbsentPortfolio`: who may take over (ranked candidates), the checks of one
 * transfer, what it records and whom it tells, and the all-or-nothing portfolio move. The GraphQL
 * types and resolvers are in `schema/transfer.ts`; the rules themselves in `@ips/domain`
 * (`rankTransferCandidates`, `tasksForEvent`) and `@ips/authz` (`create Transfer`).
 */
import { accessibleWhere, canOn } from '@ips/authz';
import type { Prisma, TransferReason } from '@ips/db';
import {
  asDate,
  type Colleague,
  norwegianDate,
  osloDay,
  type RankedCandidate,
  rankTransferCandidates,
  tasksForEvent,
} from '@ips/domain';
import type { Context } from '../context.js';
import { markFailed } from '../request-outcome.js';
import { isAbsentOn } from '../schema/absence.js';
import { caseloadsOf } from '../schema/caseload.js';
import {
  ConflictError,
  ConsentRequiredError,
  DomainError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from '../schema/errors.js';
import { writeJournalNote } from '../schema/journal-note.js';
import { notify } from '../schema/notification.js';
import { applyTaskChanges, tuningOf } from './duties.js';
import { conflictNow } from './versioned.js';

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
export async function candidatesFor(ctx: Context, js: TransferTargetRow): Promise<Candidate[]> {
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
export async function transferable(ctx: Context, id: string, scope?: Prisma.JobSeekerWhereInput) {
  const js = await ctx.db.jobSeeker.findFirst({
    where: { AND: [scope ?? accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id }] },
    select: TARGET_SELECT,
  });
  if (!js) throw new NotFoundError('JobSeeker');
  if (!canOn(ctx.ability, 'create', 'Transfer', { organizationId: js.organizationId, jobSeeker: js }))
    throw new ForbiddenActionError("The team's method supervisor decides a transfer");
  return js;
}

export interface TransferRequest {
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

type Transferable = Awaited<ReturnType<typeof transferable>>;

/**
 * One transfer in the request's transaction; throws a DomainError before writing when refused:
 * checked (`transferChecks`), recorded (`recordTransfer`), then told (`announceTransfer`).
 */
export async function performTransfer(
  ctx: Context,
  req: TransferRequest,
  scope?: Prisma.JobSeekerWhereInput,
): Promise<string> {
  const js = await transferable(ctx, req.jobSeekerId, scope);
  if (js.currentSpecialistId !== req.fromSpecialistId) throw new ConflictError('JobSeeker', js.version);
  const today = osloDay(ctx.now);
  const effectiveOn = req.effectiveOn ?? today;
  const { to, grantMembership, levelReason } = await transferChecks(ctx, js, req, effectiveOn);
  const consentId = to.crossService ? await crossServiceConsent(ctx, js) : null;
  const transferId = await recordTransfer(ctx, js, req, {
    to,
    grantMembership,
    consentId,
    levelReason,
    effectiveOn,
  });
  await announceTransfer(ctx, js, req, to, transferId, effectiveOn);
  return transferId;
}

/** The transfer's rules, each broken one a field issue: the receiver, the day, the meeting, the level. */
async function transferChecks(ctx: Context, js: Transferable, req: TransferRequest, effectiveOn: string) {
  const issues: FieldIssue[] = [];
  if (js.phase === 'DISCHARGED')
    issues.push({ field: 'jobSeekerId', code: 'DISCHARGED', message: 'The job seeker is discharged' });
  if (req.toSpecialistId === req.fromSpecialistId)
    issues.push({ field: 'toSpecialistId', code: 'SAME_SPECIALIST', message: 'Already this specialist' });
  const today = osloDay(ctx.now);
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
  return { to, grantMembership, levelReason };
}

/** The CROSS_SERVICE_TRANSFER consent in force (ADR 0005), or ConsentRequired. */
async function crossServiceConsent(ctx: Context, js: Transferable): Promise<string> {
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
  return consent.id;
}

/** The switch, its history (transfer and assignment rows) and the duties that follow the job seeker. */
async function recordTransfer(
  ctx: Context,
  js: Transferable,
  req: TransferRequest,
  d: {
    to: Candidate;
    grantMembership: boolean;
    consentId: string | null;
    levelReason: string | null;
    effectiveOn: string;
  },
): Promise<string> {
  const { to, grantMembership, consentId, levelReason, effectiveOn } = d;
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
  return transfer.id;
}

/** The journal-ready note, the new specialist's notice (inbox and e-mail) and the access log. */
async function announceTransfer(
  ctx: Context,
  js: Transferable,
  req: TransferRequest,
  to: Candidate,
  transferId: string,
  effectiveOn: string,
) {
  const from = await ctx.db.user.findUnique({
    where: { id: req.fromSpecialistId },
    select: { givenName: true, familyName: true },
  });
  await writeJournalNote(ctx, js, transferId, {
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
    entityId: transferId,
  });
}

// ─── bulk: a specialist leaves ───

export interface BulkItem {
  jobSeekerId: string;
  toSpecialistId: string;
  transferId: string | null;
  error: DomainError | null;
}

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
