/**
 * The secure dialogue per job seeker between the specialist side and NAV (issue 17;
 * docs/nav-dialogue.md). Threads and messages, read state per side, notifications and the 48-hour
 * answer duty on both sides (`services/nav-dialogue.ts`), open only while the NAV-sharing consent
 * AND a grant cover DIALOGUE (otherwise `ConsentRequiredError`, scope NAV_SHARING); the history
 * stays readable by the specialist. Message texts are personal data: never logged.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { NavDialogueSide } from '@ips/db';
import { composeJournalNote, journalNoteToText, osloDay } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import {
  BODY_MAX,
  loadThreads,
  navOfficesOf,
  openGrantsWhere,
  openOffices,
  SUBJECT_MAX,
  type ThreadView,
  writeMessage,
} from '../services/nav-dialogue.js';
import { updateVersioned } from '../services/versioned.js';
import {
  AlreadyRecordedError,
  ConflictError,
  ConsentRequiredError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';

const SideEnum = builder.enumType(NavDialogueSide, {
  name: 'NavDialogueSide',
  description: 'A side of the NAV dialogue: the specialist (or the covering supervisor), or NAV',
});

type MessageView = ThreadView['messages'][number];

const MessageType = builder.objectRef<MessageView>('NavDialogueMessage').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    side: t.expose('side', { type: SideEnum }),
    authorName: t.exposeString('authorName', {
      nullable: true,
      description: 'The writer, when the reader may read their name.',
    }),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ThreadType = builder.objectRef<ThreadView>('NavDialogueThread').implement({
  authScopes: { signedIn: true },
  description: 'A dialogue thread about a job seeker between the specialist side and a NAV office.',
  fields: (t) => ({
    id: t.exposeID('id'),
    jobSeekerId: t.exposeID('jobSeekerId'),
    subject: t.exposeString('subject'),
    navOfficeId: t.exposeID('navOfficeId'),
    navOfficeName: t.exposeString('navOfficeName'),
    startedBySide: t.expose('startedBySide', { type: SideEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastMessageAt: t.expose('lastMessageAt', { type: 'DateTime' }),
    version: t.exposeInt('version'),
    journalNoteId: t.exposeID('journalNoteId', { nullable: true }),
    unreadCount: t.exposeInt('unreadCount', {
      description: "The other side's messages my side has not read.",
    }),
    otherSideReadUpTo: t.expose('otherSideReadUpTo', {
      type: 'DateTime',
      nullable: true,
      description: 'Up to when the other side has read the thread.',
    }),
    answerDueOn: t.field({
      type: 'Date',
      nullable: true,
      description: "The day my side's answer is due (48 hours), while one is owed.",
      resolve: (th) => (th.answerDueOn ? new Date(`${th.answerDueOn}T00:00:00Z`) : null),
    }),
    messages: t.field({ type: [MessageType], resolve: (th) => th.messages }),
  }),
});

interface DialogueView {
  jobSeekerId: string;
  side: NavDialogueSide;
  open: boolean;
  openOffices: { id: string; name: string }[];
  threads: ThreadView[];
}

const OfficeRef = builder.objectRef<{ id: string; name: string }>('NavDialogueOffice').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

const DialogueType = builder.objectRef<DialogueView>('NavDialogue').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    jobSeekerId: t.exposeID('jobSeekerId'),
    side: t.expose('side', { type: SideEnum, description: 'The side I am on.' }),
    open: t.exposeBoolean('open', {
      description: 'Whether I may write now (consent and grant cover DIALOGUE).',
    }),
    openOffices: t.field({
      type: [OfficeRef],
      description: 'The NAV offices a thread may be started with now.',
      resolve: (d) => d.openOffices,
    }),
    threads: t.field({ type: [ThreadType], resolve: (d) => d.threads }),
  }),
});

interface OverviewItem {
  jobSeekerId: string;
  unreadCount: number;
  answerDueOn: string | null;
}

const OverviewType = builder.objectRef<OverviewItem>('NavDialogueOverviewItem').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    jobSeekerId: t.exposeID('jobSeekerId'),
    unreadCount: t.exposeInt('unreadCount'),
    answerDueOn: t.field({
      type: 'Date',
      nullable: true,
      resolve: (i) => (i.answerDueOn ? new Date(`${i.answerDueOn}T00:00:00Z`) : null),
    }),
  }),
});

const sideOf = (ctx: Context): NavDialogueSide => (navOfficesOf(ctx).length > 0 ? 'NAV' : 'SPECIALIST');

/** A NAV counsellor whose office had the job seeker shared, now closed: the typed refusal. */
async function closedOrNotFound(ctx: Context, jobSeekerId: string | null): Promise<Error> {
  if (sideOf(ctx) === 'NAV') {
    if (jobSeekerId === null) return new ConsentRequiredError('NAV_SHARING');
    const any = await ctx.db.navSharingGrant.count({
      where: { jobSeekerId, navOfficeId: { in: navOfficesOf(ctx) } },
    });
    if (any > 0) return new ConsentRequiredError('NAV_SHARING');
  }
  return new NotFoundError('JobSeeker');
}

/** The job seeker as the specialist side's rules judge it (own, or covered while the specialist is away). */
async function specialistSideJobSeeker(ctx: Context, jobSeekerId: string) {
  const js = await ctx.db.jobSeeker.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: jobSeekerId }] },
    select: {
      id: true,
      organizationId: true,
      currentSpecialistId: true,
      teamId: true,
      consents: { select: { scope: true, withdrawnAt: true, validFrom: true, validUntil: true } },
      currentSpecialist: {
        select: { absences: { select: { startDate: true, actualEndDate: true, expectedEndDate: true } } },
      },
    },
  });
  if (!js) return null;
  const probe = { organizationId: js.organizationId, jobSeeker: js };
  return canOn(ctx.ability, 'read', 'NavDialogueThread', probe) ? js : null;
}

function checkText(subject: string | null, body: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (subject !== null && !subject)
    issues.push({ field: 'subject', code: 'REQUIRED', message: 'Write a subject' });
  if (subject && subject.length > SUBJECT_MAX)
    issues.push({ field: 'subject', code: 'TOO_LONG', message: `At most ${SUBJECT_MAX} characters` });
  if (!body) issues.push({ field: 'body', code: 'REQUIRED', message: 'Write a message' });
  if (body.length > BODY_MAX)
    issues.push({ field: 'body', code: 'TOO_LONG', message: `At most ${BODY_MAX} characters` });
  return issues;
}

builder.queryFields((t) => ({
  navDialogue: t.field({
    type: DialogueType,
    description:
      "The NAV dialogue about a job seeker, as my side sees it: the own specialist (history also after the consent is withdrawn), the team's supervisor while the specialist is away, or the NAV counsellor of the office while consent and grant cover DIALOGUE.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConsentRequiredError], result: { authScopes: { signedIn: true } } },
    args: { jobSeekerId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) => {
      const jobSeekerId = String(args.jobSeekerId);
      const side = sideOf(ctx);
      if (side === 'NAV') {
        const offices = await openOffices(ctx, jobSeekerId, navOfficesOf(ctx));
        const js = await ctx.db.jobSeeker.count({
          where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: jobSeekerId }] },
        });
        if (offices.size === 0 || js === 0) throw await closedOrNotFound(ctx, jobSeekerId);
        const threads = await loadThreads(ctx, side, { jobSeekerId });
        return { jobSeekerId, side, open: true, openOffices: [], threads };
      }
      const js = await specialistSideJobSeeker(ctx, jobSeekerId);
      if (!js) throw new NotFoundError('JobSeeker');
      const open = await openOffices(ctx, jobSeekerId);
      const names = await ctx.db.organization.findMany({
        where: { id: { in: [...open.keys()] } },
        select: { id: true, name: true },
      });
      const threads = await loadThreads(ctx, side, { jobSeekerId });
      return { jobSeekerId, side, open: open.size > 0, openOffices: names, threads };
    },
  }),
  navDialogueOverview: t.field({
    type: [OverviewType],
    description:
      'Per job seeker with a NAV dialogue I may read: the unread messages of the other side and the day my answer is due.',
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      const threads = await loadThreads(ctx, sideOf(ctx), {}, false);
      const byJs = new Map<string, OverviewItem>();
      for (const th of threads) {
        const item = byJs.get(th.jobSeekerId) ?? {
          jobSeekerId: th.jobSeekerId,
          unreadCount: 0,
          answerDueOn: null,
        };
        item.unreadCount += th.unreadCount;
        if (th.answerDueOn && (!item.answerDueOn || th.answerDueOn < item.answerDueOn))
          item.answerDueOn = th.answerDueOn;
        byJs.set(th.jobSeekerId, item);
      }
      return [...byJs.values()];
    },
  }),
}));

const StartInput = builder.inputType('StartNavDialogueThreadInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    navOfficeId: t.id({
      required: false,
      validate: z.uuid(),
      description: 'Which office (the specialist side, when more than one).',
    }),
    subject: t.string({ required: true, validate: z.string().max(10_000) }),
    body: t.string({ required: true, validate: z.string().max(100_000) }),
  }),
});

/** Which office a new thread is with, and its counsellor; or the typed refusal. */
async function officeForNewThread(ctx: Context, jobSeekerId: string, wanted: string | null) {
  const side = sideOf(ctx);
  if (side === 'NAV') {
    const open = await openOffices(ctx, jobSeekerId, navOfficesOf(ctx));
    const js = await ctx.db.jobSeeker.count({
      where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: jobSeekerId }] },
    });
    const office = [...open.keys()][0];
    if (!office || js === 0) throw await closedOrNotFound(ctx, jobSeekerId);
    const grant = await ctx.db.navSharingGrant.findFirst({
      where: openGrantsWhere(ctx, jobSeekerId, [office]),
      select: { organizationId: true },
    });
    return { side, office, counsellor: ctx.actor.userId, organizationId: grant?.organizationId as string };
  }
  const js = await specialistSideJobSeeker(ctx, jobSeekerId);
  if (!js) throw new NotFoundError('JobSeeker');
  const open = await openOffices(ctx, jobSeekerId);
  if (open.size === 0) throw new ConsentRequiredError('NAV_SHARING');
  const office = wanted ?? (open.size === 1 ? [...open.keys()][0] : null);
  if (!office || !open.has(office)) {
    throw new ValidationError([
      { field: 'navOfficeId', code: 'NOT_CONSENTED', message: 'Choose an office the dialogue is open with' },
    ]);
  }
  return { side, office, counsellor: open.get(office) ?? null, organizationId: js.organizationId };
}

builder.mutationField('startNavDialogueThread', (t) =>
  t.field({
    type: ThreadType,
    description:
      'Starts a thread about a job seeker with a message; the other side is told and owes an answer in 48 hours.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
    args: { input: t.arg({ type: StartInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const jobSeekerId = String(input.jobSeekerId);
      const where = await officeForNewThread(
        ctx,
        jobSeekerId,
        input.navOfficeId ? String(input.navOfficeId) : null,
      );
      const subject = input.subject.trim();
      const body = input.body.trim();
      const issues = checkText(subject, body);
      if (issues.length) throw new ValidationError(issues);
      const thread = await ctx.db.navDialogueThread.create({
        data: {
          organizationId: where.organizationId,
          jobSeekerId,
          navOfficeId: where.office,
          subject,
          startedById: ctx.actor.userId,
          startedBySide: where.side,
          navCounsellorId: where.counsellor,
          lastMessageAt: ctx.now,
          createdAt: ctx.now,
        },
        select: { id: true, organizationId: true, jobSeekerId: true, navCounsellorId: true },
      });
      ctx.audit.record({
        organizationId: thread.organizationId,
        jobSeekerId,
        action: 'CREATE',
        area: 'NavDialogue.start',
        entityType: 'NavDialogueThread',
        entityId: thread.id,
      });
      await writeMessage(ctx, thread, where.side, body);
      return (await loadThreads(ctx, where.side, { id: thread.id }))[0] as ThreadView;
    },
  }),
);

/** A thread the caller may act on (`update`), with the dialogue open; or the typed refusal. */
async function threadToWrite(ctx: Context, threadId: string) {
  const side = sideOf(ctx);
  const thread = await ctx.db.navDialogueThread.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'update', 'NavDialogueThread'), { id: threadId }] },
    select: {
      id: true,
      organizationId: true,
      jobSeekerId: true,
      navOfficeId: true,
      navCounsellorId: true,
      version: true,
    },
  });
  if (!thread) throw await closedOrNotFound(ctx, null);
  if (side === 'SPECIALIST') {
    const open = await openOffices(ctx, thread.jobSeekerId, [thread.navOfficeId]);
    if (open.size === 0) throw new ConsentRequiredError('NAV_SHARING');
  }
  return { side, thread };
}

builder.mutationField('postNavDialogueMessage', (t) =>
  t.field({
    type: ThreadType,
    description:
      "Answers in a thread: closes my side's answer duty; the other side is told and owes an answer in 48 hours.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
    args: {
      input: t.arg({
        type: builder.inputType('PostNavDialogueMessageInput', {
          fields: (f) => ({
            threadId: f.id({ required: true, validate: z.uuid() }),
            body: f.string({ required: true, validate: z.string().max(100_000) }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const { side, thread } = await threadToWrite(ctx, String(input.threadId));
      const body = input.body.trim();
      const issues = checkText(null, body);
      if (issues.length) throw new ValidationError(issues);
      await writeMessage(ctx, thread, side, body);
      return (await loadThreads(ctx, side, { id: thread.id }))[0] as ThreadView;
    },
  }),
);

builder.mutationField('markNavDialogueRead', (t) =>
  t.field({
    type: ThreadType,
    description: 'Marks the thread read for my side, up to its last message (who read it is recorded).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConsentRequiredError] },
    args: {
      input: t.arg({
        type: builder.inputType('MarkNavDialogueReadInput', {
          fields: (f) => ({ threadId: f.id({ required: true, validate: z.uuid() }) }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const side = sideOf(ctx);
      const thread = await ctx.db.navDialogueThread.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'NavDialogueThread'), { id: String(input.threadId) }],
        },
        select: { id: true, organizationId: true, jobSeekerId: true, lastMessageAt: true },
      });
      if (!thread) throw await closedOrNotFound(ctx, null);
      await ctx.db.navDialogueThread.update({
        where: { id: thread.id },
        data:
          side === 'NAV'
            ? { navReadUpTo: thread.lastMessageAt, navReadById: ctx.actor.userId }
            : { specialistReadUpTo: thread.lastMessageAt, specialistReadById: ctx.actor.userId },
      });
      ctx.audit.record({
        organizationId: thread.organizationId,
        jobSeekerId: thread.jobSeekerId,
        action: 'UPDATE',
        area: 'NavDialogue.read',
        entityType: 'NavDialogueThread',
        entityId: thread.id,
      });
      return (await loadThreads(ctx, side, { id: thread.id }))[0] as ThreadView;
    },
  }),
);

builder.mutationField('navDialogueToJournalNote', (t) =>
  t.field({
    type: ThreadType,
    description: 'Turns a thread into a journal note (the own specialist, once; version-checked).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConflictError, AlreadyRecordedError] },
    args: {
      input: t.arg({
        type: builder.inputType('NavDialogueToJournalNoteInput', {
          fields: (f) => ({
            threadId: f.id({ required: true, validate: z.uuid() }),
            version: f.int({ required: true, validate: z.number().int().min(1) }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const thread = await ctx.db.navDialogueThread.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'NavDialogueThread'), { id: String(input.threadId) }],
        },
        select: {
          id: true,
          organizationId: true,
          jobSeekerId: true,
          subject: true,
          journalNoteId: true,
          updatedAt: true,
          jobSeeker: { select: { currentSpecialistId: true } },
          messages: {
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: { side: true, body: true, createdAt: true },
          },
        },
      });
      if (!thread) throw new NotFoundError('NavDialogueThread');
      const subject = { organizationId: thread.organizationId, jobSeeker: thread.jobSeeker };
      if (!canOn(ctx.ability, 'create', 'JournalNote', subject))
        throw new ForbiddenActionError('Journal notes are written by the job seeker’s own specialist');
      if (thread.journalNoteId) throw new AlreadyRecordedError('NavDialogueThread', thread.updatedAt, null);
      const text = journalNoteToText(
        composeJournalNote({
          kind: 'NAV_DIALOGUE',
          subject: thread.subject,
          messages: thread.messages.map((m) => ({ day: osloDay(m.createdAt), side: m.side, body: m.body })),
        }),
      );
      const note = await ctx.db.journalNote.create({
        data: {
          organizationId: thread.organizationId,
          jobSeekerId: thread.jobSeekerId,
          kind: 'NAV_DIALOGUE',
          sourceId: thread.id,
          text,
          createdById: ctx.actor.userId,
        },
        select: { id: true },
      });
      await updateVersioned(ctx.db.navDialogueThread, 'NavDialogueThread', thread.id, input.version, {
        journalNoteId: note.id,
      });
      ctx.audit.record({
        organizationId: thread.organizationId,
        jobSeekerId: thread.jobSeekerId,
        action: 'CREATE',
        area: 'NavDialogue.journalNote',
        entityType: 'JournalNote',
        entityId: note.id,
      });
      return (await loadThreads(ctx, 'SPECIALIST', { id: thread.id }))[0] as ThreadView;
    },
  }),
);
