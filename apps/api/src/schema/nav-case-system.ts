/**
 * NAV's case system (Modia) as a port: the product records *that* a support plan revision is to be
 * shared (a `support_plan_export` row) and puts the message in the transactional outbox in the same
 * transaction. A worker delivers outbox messages through a `NavCaseSystemAdapter`; nothing is sent
 * from inside a request, so a rolled-back request sends nothing and a failed delivery is retried.
 */
import { builder } from '../builder.js';
import type { Context } from '../context.js';

/** The topic of outbox messages for NAV's case system. */
export const NAV_SUPPORT_PLAN_TOPIC = 'nav.support-plan';
/** The topic of retractions: NAV removes a delivered revision (the consent was withdrawn). */
export const NAV_SUPPORT_PLAN_RETRACT_TOPIC = 'nav.support-plan.retract';

/** What a support plan looks like when it reaches NAV (no treatment details). */
export interface NavSupportPlanMessage {
  exportId: string;
  supportPlanId: string;
  revision: number;
  /** The job seeker's identity number: NAV identifies people by it. */
  identityNumber: string;
  agreements: { supportPerson: string; responsibility: string }[];
  meetings: { plannedOn: string; faceToFace: boolean }[];
  absenceArrangements: string | null;
  employerMayCallSpecialist: boolean;
  taperingPlan: string | null;
  /** The delivered revision of the same plan this one replaces at NAV (null: the first). */
  replacesExportId: string | null;
}

/** Asks NAV to remove a delivered revision (issue 17 item 3: the consent was withdrawn). */
export interface NavRetractionMessage {
  exportId: string;
  supportPlanId: string;
  revision: number;
  identityNumber: string;
}

/** The interface a delivery adapter implements (an HTTP client for Modia, a file drop, a test double). */
export interface NavCaseSystemAdapter {
  /** Delivers one message; resolves when NAV has accepted it, rejects to be retried later. */
  sendSupportPlan(message: NavSupportPlanMessage): Promise<void>;
  /** Removes a delivered revision at NAV; resolves when NAV has accepted, rejects to be retried. */
  retract(message: NavRetractionMessage): Promise<void>;
}

export async function enqueueSupportPlanForNav(
  ctx: Context,
  plan: {
    id: string;
    organizationId: string;
    currentRevision: number;
    jobSeeker: { identityNumber: string };
  },
  consentId: string,
): Promise<void> {
  const revision = await ctx.db.supportPlanRevision.findFirstOrThrow({
    where: { supportPlanId: plan.id, revision: plan.currentRevision },
    include: { agreements: true, plannedMeetings: true },
  });
  // A new revision replaces the one NAV holds (the newest delivered and not retracted).
  const replaces = await ctx.db.supportPlanExport.findFirst({
    where: { revision: { supportPlanId: plan.id }, status: 'SENT', retractionOutboxMessageId: null },
    orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  const exported = await ctx.db.supportPlanExport.create({
    data: {
      organizationId: plan.organizationId,
      revisionId: revision.id,
      consentId,
      requestedById: ctx.actor.userId,
    },
  });
  const message: NavSupportPlanMessage = {
    exportId: exported.id,
    supportPlanId: plan.id,
    revision: revision.revision,
    identityNumber: plan.jobSeeker.identityNumber,
    agreements: revision.agreements.map((a) => ({
      supportPerson: a.supportPerson,
      responsibility: a.responsibility,
    })),
    meetings: revision.plannedMeetings.map((m) => ({
      plannedOn: m.plannedOn.toISOString().slice(0, 10),
      faceToFace: m.faceToFace,
    })),
    absenceArrangements: revision.absenceArrangements,
    employerMayCallSpecialist: revision.employerMayCallSpecialist,
    taperingPlan: revision.taperingPlan,
    replacesExportId: replaces?.id ?? null,
  };
  const outbox = await ctx.db.outboxMessage.create({
    data: { organizationId: plan.organizationId, topic: NAV_SUPPORT_PLAN_TOPIC, payload: message as never },
  });
  await ctx.db.supportPlanExport.update({ where: { id: exported.id }, data: { outboxMessageId: outbox.id } });
}

/**
 * Where a delivery to NAV stands, from the export and its outbox message: QUEUED until the worker has
 * tried it, SENT once NAV accepted it, RETRYING after a failed attempt while the worker will try again
 * (exponential back-off), FAILED when it has given up (`app.claim_outbox` claims at most 10 attempts).
 */
export const MAX_DELIVERY_ATTEMPTS = 10;
export type NavDeliveryState =
  | 'QUEUED'
  | 'SENT'
  | 'RETRYING'
  | 'FAILED'
  | 'CANCELLED'
  | 'RETRACTING'
  | 'RETRACTED'
  | 'REPLACED';

/**
 * After a withdrawal (issue 17 item 3): CANCELLED when it was stopped before delivery, RETRACTING
 * while NAV's removal of a delivered one waits in the outbox, RETRACTED once NAV accepted it. A
 * delivered revision that a newer delivered one of the same plan replaced is REPLACED.
 */
export function navDeliveryState(
  exportStatus: string,
  attempts: number,
  withdrawal: { retractionQueued?: boolean; retracted?: boolean; replaced?: boolean } = {},
): NavDeliveryState {
  if (exportStatus === 'CANCELLED') return 'CANCELLED';
  if (exportStatus === 'SENT') {
    if (withdrawal.retracted) return 'RETRACTED';
    if (withdrawal.retractionQueued) return 'RETRACTING';
    return withdrawal.replaced ? 'REPLACED' : 'SENT';
  }
  if (exportStatus === 'FAILED') return attempts >= MAX_DELIVERY_ATTEMPTS ? 'FAILED' : 'RETRYING';
  return 'QUEUED';
}

/**
 * The withdrawal of the consent to record the plan in NAV's case system reaches the outbox, in the
 * withdrawal's transaction (issue 17 item 3; seed 000 §6): unless another such consent of the job
 * seeker is still in force, every delivery of the job seeker's plans still queued (or retrying, or
 * given up) is cancelled — its outbox message is never claimed again — and every delivered one gets
 * a retraction message for NAV. A delivery in flight at this moment is retracted by
 * `app.complete_outbox` when NAV accepts it.
 */
export async function withdrawNavDeliveries(
  ctx: Context,
  jobSeeker: { id: string; organizationId: string; identityNumber: string },
): Promise<{ cancelled: number; retracted: number }> {
  const stillGiven = await ctx.db.consent.count({
    where: {
      organizationId: jobSeeker.organizationId,
      jobSeekerId: jobSeeker.id,
      scope: 'SUPPORT_PLAN_TO_NAV_SYSTEM',
      withdrawnAt: null,
      validFrom: { lte: ctx.now },
      OR: [{ validUntil: null }, { validUntil: { gt: ctx.now } }],
    },
  });
  if (stillGiven > 0) return { cancelled: 0, retracted: 0 };
  const exports = await ctx.db.supportPlanExport.findMany({
    where: {
      organizationId: jobSeeker.organizationId,
      revision: { supportPlan: { jobSeekerId: jobSeeker.id } },
      OR: [{ status: { in: ['PENDING', 'FAILED'] } }, { status: 'SENT', retractionOutboxMessageId: null }],
    },
    select: {
      id: true,
      status: true,
      outboxMessageId: true,
      revision: { select: { revision: true, supportPlanId: true } },
    },
  });
  let cancelled = 0;
  let retracted = 0;
  for (const x of exports) {
    if (x.status === 'SENT') {
      const message: NavRetractionMessage = {
        exportId: x.id,
        supportPlanId: x.revision.supportPlanId,
        revision: x.revision.revision,
        identityNumber: jobSeeker.identityNumber,
      };
      const outbox = await ctx.db.outboxMessage.create({
        data: {
          organizationId: jobSeeker.organizationId,
          topic: NAV_SUPPORT_PLAN_RETRACT_TOPIC,
          payload: message as never,
        },
      });
      await ctx.db.supportPlanExport.update({
        where: { id: x.id },
        data: { retractionOutboxMessageId: outbox.id },
      });
      retracted++;
    } else {
      await ctx.db.supportPlanExport.update({
        where: { id: x.id },
        data: { status: 'CANCELLED', cancelledAt: ctx.now },
      });
      if (x.outboxMessageId) {
        await ctx.db.outboxMessage.updateMany({
          where: { id: x.outboxMessageId, status: { in: ['PENDING', 'FAILED'] } },
          data: { status: 'CANCELLED' },
        });
      }
      cancelled++;
    }
  }
  return { cancelled, retracted };
}

export interface NavDelivery {
  id: string;
  revision: number;
  state: NavDeliveryState;
  requestedAt: Date;
  sentAt: Date | null;
  attempts: number;
  nextAttemptAt: Date | null;
}

const NavDeliveryStateEnum = builder.enumType('NavDeliveryState', {
  values: [
    'QUEUED',
    'SENT',
    'RETRYING',
    'FAILED',
    'CANCELLED',
    'RETRACTING',
    'RETRACTED',
    'REPLACED',
  ] as const,
  description: "Where a support plan's delivery to NAV's case system stands.",
});

export const NavDeliveryType = builder.objectRef<NavDelivery>('NavDelivery').implement({
  authScopes: { signedIn: true },
  description: "One request to record a support plan revision in NAV's case system, and how it went.",
  fields: (t) => ({
    id: t.exposeID('id'),
    revision: t.exposeInt('revision'),
    state: t.field({ type: NavDeliveryStateEnum, resolve: (d) => d.state }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    attempts: t.exposeInt('attempts'),
    nextAttemptAt: t.expose('nextAttemptAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the worker tries again (RETRYING only).',
    }),
  }),
});

/** The deliveries of one plan, newest first (the caller has checked that the user may share the plan). */
export async function navDeliveriesOf(ctx: Context, supportPlanId: string): Promise<NavDelivery[]> {
  const exports = await ctx.db.supportPlanExport.findMany({
    where: { revision: { supportPlanId } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      status: true,
      createdAt: true,
      sentAt: true,
      outboxMessageId: true,
      retractionOutboxMessageId: true,
      retractedAt: true,
      revision: { select: { revision: true } },
    },
  });
  // The newest delivered revision is the one NAV holds; older delivered ones were replaced.
  const holding = exports
    .filter((e) => e.status === 'SENT' && !e.retractionOutboxMessageId)
    .sort((a, b) => (b.sentAt?.getTime() ?? 0) - (a.sentAt?.getTime() ?? 0))[0]?.id;
  const ids = exports.flatMap((e) => (e.outboxMessageId ? [e.outboxMessageId] : []));
  const messages = ids.length
    ? await ctx.db.outboxMessage.findMany({
        where: { id: { in: ids } },
        select: { id: true, attempts: true, availableAt: true },
      })
    : [];
  const byId = new Map(messages.map((m) => [m.id, m]));
  return exports.map((e) => {
    const message = e.outboxMessageId ? byId.get(e.outboxMessageId) : undefined;
    const attempts = message?.attempts ?? 0;
    const state = navDeliveryState(e.status, attempts, {
      retractionQueued: e.retractionOutboxMessageId !== null,
      retracted: e.retractedAt !== null,
      replaced: e.status === 'SENT' && !e.retractionOutboxMessageId && e.id !== holding,
    });
    return {
      id: e.id,
      revision: e.revision.revision,
      state,
      requestedAt: e.createdAt,
      sentAt: e.sentAt,
      attempts,
      nextAttemptAt: state === 'RETRYING' ? (message?.availableAt ?? null) : null,
    };
  });
}
