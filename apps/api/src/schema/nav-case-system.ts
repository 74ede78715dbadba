/**
 * NAV's case system (Modia) as a port: the product records *that* a support plan revision is to be
 * shared (a `support_plan_export` row) and puts the message in the transactional outbox in the same
 * transaction. A worker delivers outbox messages through a `NavCaseSystemAdapter`; nothing is sent
 * from inside a request, so a rolled-back request sends nothing and a failed delivery is retried.
 */
import type { Context } from '../context.js';

/** The topic of outbox messages for NAV's case system. */
export const NAV_SUPPORT_PLAN_TOPIC = 'nav.support-plan';

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
}

/** The interface a delivery adapter implements (an HTTP client for Modia, a file drop, a test double). */
export interface NavCaseSystemAdapter {
  /** Delivers one message; resolves when NAV has accepted it, rejects to be retried later. */
  sendSupportPlan(message: NavSupportPlanMessage): Promise<void>;
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
  };
  const outbox = await ctx.db.outboxMessage.create({
    data: { organizationId: plan.organizationId, topic: NAV_SUPPORT_PLAN_TOPIC, payload: message as never },
  });
  await ctx.db.supportPlanExport.update({ where: { id: exported.id }, data: { outboxMessageId: outbox.id } });
}
