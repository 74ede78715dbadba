/**
 * Personal reminders (issue 15 item 10): a job specialist notes a day and a short text on a job
 * seeker of their own portfolio, sees it in "my deadlines" on its day and on the job seeker's page,
 * and marks it done. Only its author ever reads it (CASL: `packages/authz`; row-level security: the
 * `author_only` policy of the `reminder` table). The text is personal data: it is never logged, and
 * the audit row names only the reminder's id.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { osloDay } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { type FieldIssue, ForbiddenActionError, NotFoundError, ValidationError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';

/** The longest reminder text (issue 15 item 10). */
export const REMINDER_MAX_LENGTH = 500;

const ReminderType = builder.prismaObject('Reminder', {
  authScopes: { signedIn: true },
  description: 'A personal reminder on a job seeker, readable only by its author.',
  fields: (t) => ({
    id: t.exposeID('id'),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'The day (Europe/Oslo) it is for.' }),
    text: t.exposeString('text'),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true }),
    jobSeeker: t.relation('jobSeeker', { type: JobSeekerNode }),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'reminders', (t) =>
  t.relation('reminders', {
    type: ReminderType,
    description: 'My open reminders on this job seeker (nobody else’s), the earliest day first.',
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: { AND: [accessibleWhere(ctx.ability, 'read', 'Reminder'), { doneAt: null }] },
      orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      take: 100,
    }),
  }),
);

builder.queryField('myReminders', (t) =>
  t.prismaField({
    type: [ReminderType],
    description: 'My open reminders on the job seekers I follow, the earliest day first.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.reminder.findMany({
        ...query,
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'Reminder'), { doneAt: null }] },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        take: 500,
      }),
  }),
);

const SetReminderInput = builder.inputType('SetReminderInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    dueOn: t.field({ type: 'Date', required: true }),
    // The length is checked in the resolver (a typed TOO_LONG at the field); this only caps the input.
    text: t.string({ required: true, validate: z.string().max(10_000) }),
  }),
});

builder.mutationField('setReminder', (t) =>
  t.field({
    type: ReminderType,
    description: 'Sets a personal reminder on a job seeker I follow, for a day from today on.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: SetReminderInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await ctx.db.jobSeeker.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: String(input.jobSeekerId) }],
        },
        select: { id: true, organizationId: true, currentSpecialistId: true },
      });
      if (!js) throw new NotFoundError('JobSeeker');
      const subject = {
        organizationId: js.organizationId,
        authorId: ctx.actor.userId,
        jobSeeker: { currentSpecialistId: js.currentSpecialistId },
      };
      if (!canOn(ctx.ability, 'create', 'Reminder', subject)) {
        throw new ForbiddenActionError('Reminders are set on the job seekers of one’s own portfolio');
      }
      const text = input.text.trim();
      const issues: FieldIssue[] = [];
      if (!text) issues.push({ field: 'text', code: 'REQUIRED', message: 'Write what to remember' });
      if (text.length > REMINDER_MAX_LENGTH) {
        issues.push({
          field: 'text',
          code: 'TOO_LONG',
          message: `At most ${REMINDER_MAX_LENGTH} characters`,
        });
      }
      const dueOn = String(input.dueOn);
      if (dueOn < osloDay(ctx.now)) {
        issues.push({ field: 'dueOn', code: 'IN_PAST', message: 'A reminder is for today or later' });
      }
      if (issues.length) throw new ValidationError(issues);
      const reminder = await ctx.db.reminder.create({
        data: {
          organizationId: js.organizationId,
          jobSeekerId: js.id,
          authorId: ctx.actor.userId,
          dueOn: new Date(`${dueOn}T00:00:00Z`),
          text,
        },
      });
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'CREATE',
        area: 'Reminder.set',
        entityType: 'Reminder',
        entityId: reminder.id,
      });
      return reminder;
    },
  }),
);

const CompleteReminderInput = builder.inputType('CompleteReminderInput', {
  fields: (t) => ({ reminderId: t.id({ required: true, validate: z.uuid() }) }),
});

builder.mutationField('completeReminder', (t) =>
  t.field({
    type: ReminderType,
    description: 'Marks my reminder done (again: it stays done, with the first time).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: CompleteReminderInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const found = await ctx.db.reminder.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'update', 'Reminder'), { id: String(input.reminderId) }],
        },
        select: { id: true, organizationId: true, jobSeekerId: true },
      });
      // Someone else's reminder does not exist for the caller.
      if (!found) throw new NotFoundError('Reminder');
      await ctx.db.reminder.updateMany({ where: { id: found.id, doneAt: null }, data: { doneAt: ctx.now } });
      ctx.audit.record({
        organizationId: found.organizationId,
        jobSeekerId: found.jobSeekerId,
        action: 'UPDATE',
        area: 'Reminder.complete',
        entityType: 'Reminder',
        entityId: found.id,
      });
      return ctx.db.reminder.findUniqueOrThrow({ where: { id: found.id } });
    },
  }),
);
