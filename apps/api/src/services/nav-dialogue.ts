/**
 * The NAV dialogue's flow (issue 17; docs/nav-dialogue.md): which side the caller is on, whether the
 * dialogue is open (the consent AND a grant cover DIALOGUE), loading threads for a side without a
 * statement per thread, and what a posted message does (the writer's answer duty closed, the other
 * side told and owing an answer in 48 hours: `app.nav_dialogue_posted`).
 */
import { accessibleWhere } from '@ips/authz';
import type { NavDialogueSide, Prisma } from '@ips/db';
import { dueWindow, osloDay } from '@ips/domain';
import type { Context } from '../context.js';

export const NAV_DIALOGUE_SOURCE = (side: NavDialogueSide) => `NavDialogueThread.${side}`;
export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;

/** The caller's NAV offices (empty for everyone on the specialist side). */
export function navOfficesOf(ctx: Context): string[] {
  return ctx.actor.memberships.filter((m) => m.role === 'NAV_COUNSELLOR').map((m) => m.organizationId);
}

/** Active grants of the job seeker whose grant and consent both cover DIALOGUE (optionally: to these offices). */
export function openGrantsWhere(
  ctx: Context,
  jobSeekerId: string,
  offices?: string[],
): Prisma.NavSharingGrantWhereInput {
  const now = ctx.now;
  return {
    jobSeekerId,
    ...(offices ? { navOfficeId: { in: offices } } : {}),
    revokedAt: null,
    validFrom: { lte: now },
    scopes: { has: 'DIALOGUE' },
    AND: [{ OR: [{ validUntil: null }, { validUntil: { gt: now } }] }],
    consent: {
      is: {
        scope: 'NAV_SHARING',
        withdrawnAt: null,
        validFrom: { lte: now },
        navParts: { has: 'DIALOGUE' },
        OR: [{ validUntil: null }, { validUntil: { gt: now } }],
      },
    },
  };
}

/** The NAV offices the dialogue about the job seeker is open with now, and each grant's counsellor. */
export async function openOffices(
  ctx: Context,
  jobSeekerId: string,
  offices?: string[],
): Promise<Map<string, string | null>> {
  const grants = await ctx.db.navSharingGrant.findMany({
    where: openGrantsWhere(ctx, jobSeekerId, offices),
    select: { navOfficeId: true, counsellorId: true },
    orderBy: { createdAt: 'asc' },
  });
  const open = new Map<string, string | null>();
  for (const g of grants)
    if (!open.has(g.navOfficeId) || g.counsellorId === null) open.set(g.navOfficeId, g.counsellorId);
  return open;
}

const THREAD_SELECT = {
  id: true,
  organizationId: true,
  jobSeekerId: true,
  navOfficeId: true,
  subject: true,
  startedBySide: true,
  navCounsellorId: true,
  lastMessageAt: true,
  specialistReadUpTo: true,
  navReadUpTo: true,
  journalNoteId: true,
  version: true,
  createdAt: true,
  navOffice: { select: { name: true } },
  messages: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, side: true, authorId: true, body: true, createdAt: true },
  },
} satisfies Prisma.NavDialogueThreadSelect;

export type LoadedThread = Prisma.NavDialogueThreadGetPayload<{ select: typeof THREAD_SELECT }>;

export interface ThreadView {
  id: string;
  jobSeekerId: string;
  subject: string;
  navOfficeId: string;
  navOfficeName: string;
  startedBySide: NavDialogueSide;
  createdAt: Date;
  lastMessageAt: Date;
  version: number;
  journalNoteId: string | null;
  unreadCount: number;
  otherSideReadUpTo: Date | null;
  answerDueOn: string | null;
  messages: { id: string; side: NavDialogueSide; authorName: string | null; body: string; createdAt: Date }[];
}

/**
 * The threads the caller may read (of one job seeker, or all), as the caller's side sees them: three
 * statements whatever the number of threads (threads with their messages, the authors' names the
 * caller may read, the caller's side's open answer duties). Every thread read is in the access log.
 */
export async function loadThreads(
  ctx: Context,
  side: NavDialogueSide,
  where: Prisma.NavDialogueThreadWhereInput,
  withMessages = true,
): Promise<ThreadView[]> {
  const threads = await ctx.db.navDialogueThread.findMany({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'NavDialogueThread'), where] },
    select: THREAD_SELECT,
    orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  if (threads.length === 0) return [];
  const authorIds = [...new Set(threads.flatMap((t) => t.messages.map((m) => m.authorId)))];
  const [authors, duties] = await Promise.all([
    ctx.db.user.findMany({
      where: { id: { in: authorIds } },
      select: { id: true, givenName: true, familyName: true },
    }),
    ctx.db.task.findMany({
      where: {
        rule: 'NAV_DIALOGUE_ANSWER',
        status: 'OPEN',
        sourceType: NAV_DIALOGUE_SOURCE(side),
        sourceId: { in: threads.map((t) => t.id) },
        ...(side === 'NAV' ? { assigneeId: ctx.actor.userId } : {}),
      },
      select: { sourceId: true, dueOn: true },
    }),
  ]);
  const names = new Map(authors.map((a) => [a.id, `${a.givenName} ${a.familyName}`]));
  const due = new Map(duties.map((d) => [d.sourceId, d.dueOn.toISOString().slice(0, 10)]));
  return threads.map((t) => {
    ctx.audit.record({
      organizationId: t.organizationId,
      jobSeekerId: t.jobSeekerId,
      action: 'READ',
      area: 'NavDialogue',
      entityType: 'NavDialogueThread',
      entityId: t.id,
    });
    const mine = side === 'NAV' ? t.navReadUpTo : t.specialistReadUpTo;
    const unread = t.messages.filter((m) => m.side !== side && (!mine || m.createdAt > mine)).length;
    return {
      id: t.id,
      jobSeekerId: t.jobSeekerId,
      subject: t.subject,
      navOfficeId: t.navOfficeId,
      navOfficeName: t.navOffice.name,
      startedBySide: t.startedBySide,
      createdAt: t.createdAt,
      lastMessageAt: t.lastMessageAt,
      version: t.version,
      journalNoteId: t.journalNoteId,
      unreadCount: unread,
      otherSideReadUpTo: side === 'NAV' ? t.specialistReadUpTo : t.navReadUpTo,
      answerDueOn: due.get(t.id) ?? null,
      messages: withMessages
        ? t.messages.map((m) => ({
            id: m.id,
            side: m.side,
            authorName: names.get(m.authorId) ?? null,
            body: m.body,
            createdAt: m.createdAt,
          }))
        : [],
    };
  });
}

/** After a message is written: close the writer's side's duty, tell the other side, open its duty. */
export async function afterPost(ctx: Context, messageId: string): Promise<void> {
  const { dueOn, warnFrom } = dueWindow('NAV_DIALOGUE_ANSWER', osloDay(ctx.now));
  await ctx.db
    .$queryRaw`SELECT app.nav_dialogue_posted(${messageId}::uuid, ${ctx.now}::timestamptz, ${dueOn}::date, ${warnFrom}::date)`;
}

/** Writes a message and moves the thread (last message, the writer's side has read it all). */
export async function writeMessage(
  ctx: Context,
  thread: { id: string; organizationId: string; jobSeekerId: string; navCounsellorId: string | null },
  side: NavDialogueSide,
  body: string,
): Promise<void> {
  const message = await ctx.db.navDialogueMessage.create({
    data: {
      organizationId: thread.organizationId,
      threadId: thread.id,
      jobSeekerId: thread.jobSeekerId,
      side,
      authorId: ctx.actor.userId,
      body,
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  await ctx.db.navDialogueThread.update({
    where: { id: thread.id },
    data: {
      lastMessageAt: ctx.now,
      version: { increment: 1 },
      ...(side === 'NAV'
        ? {
            navReadUpTo: ctx.now,
            navReadById: ctx.actor.userId,
            navCounsellorId: thread.navCounsellorId ?? ctx.actor.userId,
          }
        : { specialistReadUpTo: ctx.now, specialistReadById: ctx.actor.userId }),
    },
  });
  ctx.audit.record({
    organizationId: thread.organizationId,
    jobSeekerId: thread.jobSeekerId,
    action: 'CREATE',
    area: 'NavDialogue.post',
    entityType: 'NavDialogueMessage',
    entityId: message.id,
  });
  await afterPost(ctx, message.id);
}
