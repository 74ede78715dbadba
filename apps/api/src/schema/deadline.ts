/**
 * Deadlines as the people who must meet them see them: "my deadlines" (tasks assigned to me) and,
 * for a method supervisor, "my team's deadlines" (open tasks of the team's cases the supervisor may
 * read). Status is computed in Europe/Oslo calendar days: OVERDUE, DUE (warning window), UPCOMING.
 */
import { accessibleWhere } from '@ips/authz';
import type { Prisma } from '@ips/db';
import { DEADLINE_RULES, type DeadlineRuleCode, type DeadlineStatus, dutyStatus, osloDay } from '@ips/domain';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { openTasksInStatus } from '../services/duties.js';
import { JobSeekerNode, DeadlineStatusEnum as StatusEnum } from './job-seeker.js';
import { noRows } from './query-shape.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

const TaskType = builder.prismaObject('Task', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    rule: t.exposeString('rule'),
    sourceId: t.exposeID('sourceId', {
      nullable: true,
      description: 'What the duty is about, where the rule has a source (the job of a job start or end).',
    }),
    title: t.string({
      description: 'What the duty is (bokmål).',
      select: { rule: true, title: true },
      resolve: (task) => DEADLINE_RULES[task.rule as DeadlineRuleCode]?.title ?? task.title,
    }),
    dueOn: t.expose('dueOn', { type: 'Date' }),
    warnFrom: t.expose('warnFrom', { type: 'Date' }),
    status: t.field({
      type: StatusEnum,
      select: { dueOn: true, warnFrom: true },
      resolve: (task, _a, ctx) =>
        dutyStatus({ dueOn: day(task.dueOn), warnFrom: day(task.warnFrom) }, osloDay(ctx.now)),
    }),
    jobSeeker: t.relation('jobSeeker', { type: JobSeekerNode, nullable: true }),
  }),
});

function statusWhere(status: DeadlineStatus | null | undefined, ctx: Context): Prisma.TaskWhereInput {
  return status ? openTasksInStatus(status, ctx.now) : {};
}

builder.queryFields((t) => ({
  myDeadlines: t.prismaField({
    type: [TaskType],
    description: 'My open duties, most urgent first.',
    authScopes: { signedIn: true },
    args: { status: t.arg({ type: StatusEnum, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.task.findMany({
        ...query,
        where: { AND: [{ assigneeId: ctx.actor.userId, status: 'OPEN' }, statusWhere(args.status, ctx)] },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        take: 500,
      }),
  }),
  teamDeadlines: t.prismaField({
    type: [TaskType],
    description:
      "A method supervisor's view of the open duties in the supervised teams' cases they may read.",
    authScopes: { signedIn: true },
    args: { status: t.arg({ type: StatusEnum, required: false }) },
    resolve: (query, _root, args, ctx) => {
      const teams = ctx.actor.teams
        .filter((team) => team.role === 'METHOD_SUPERVISOR')
        .map((team) => team.teamId);
      if (teams.length === 0) return noRows(query);
      return ctx.db.task.findMany({
        ...query,
        where: {
          AND: [
            {
              status: 'OPEN',
              jobSeeker: {
                is: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { teamId: { in: teams } }] },
              },
            },
            statusWhere(args.status, ctx),
          ],
        },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        take: 1000,
      });
    },
  }),
}));
