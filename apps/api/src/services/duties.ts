/**
 * Deadline duties (docs/domain.md §5): where an event in a case opens and closes the job seeker's
 * dated duties, and how a deadline status becomes a query. The rules themselves (which event opens
 * which duty, due when, warning from when) are pure and live in `@ips/domain`
 * (`DEADLINE_RULES`, `tasksForEvent`); this module applies them in the request's transaction, with
 * the tenant's tuning of each rule's days.
 */
import type { Prisma } from '@ips/db';
import {
  type DeadlineRuleCode,
  type DeadlineStatus,
  type DutyDayCondition,
  dutyStatusCondition,
  osloDay,
  type RuleTuning,
  type TaskChanges,
} from '@ips/domain';
import type { Context } from '../context.js';

/** A calendar day (YYYY-MM-DD) as the UTC midnight Prisma stores in a `@db.Date` column. */
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** The tenant's tuning of the deadline rules. */
export async function tuningOf(
  ctx: Context,
  organizationId: string,
): Promise<Partial<Record<DeadlineRuleCode, RuleTuning>>> {
  const settings = await ctx.db.deadlineRuleSetting.findMany({ where: { organizationId, enabled: true } });
  return Object.fromEntries(
    settings.map((s) => [s.rule, { dueDays: s.dueDays, warnDaysBefore: s.warnDaysBefore }]),
  );
}

/** Applies what an event does to the job seeker's duties, in the request's transaction. */
export async function applyTaskChanges(
  ctx: Context,
  js: { id: string; organizationId: string; currentSpecialistId: string | null },
  changes: TaskChanges,
) {
  for (const c of changes.close) {
    await ctx.db.task.updateMany({
      where: {
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        status: 'OPEN',
        ...(c.rule === 'ALL' ? {} : { rule: c.rule }),
        ...(c.sourceId ? { sourceId: c.sourceId } : {}),
      },
      data: {
        status: c.reason === 'completed' ? 'DONE' : 'CANCELLED',
        closedAt: ctx.now,
        closedReason: c.reason,
        version: { increment: 1 },
      },
    });
  }
  if (changes.open.length > 0 && js.currentSpecialistId) {
    await ctx.db.task.createMany({
      data: changes.open.map((t) => ({
        organizationId: js.organizationId,
        rule: t.rule,
        jobSeekerId: js.id,
        assigneeId: js.currentSpecialistId as string,
        title: t.rule,
        dueOn: asDate(t.dueOn),
        warnFrom: asDate(t.warnFrom),
        sourceType: 'JobSeeker',
        sourceId: t.sourceId ?? js.id,
      })),
    });
  }
}

/** The domain's condition on a duty's days as a Prisma filter on `task`. */
function taskDaysWhere(c: DutyDayCondition): Prisma.TaskWhereInput {
  const where: Prisma.TaskWhereInput = {};
  if (c.dueOn)
    where.dueOn = {
      ...(c.dueOn.lt !== undefined ? { lt: asDate(c.dueOn.lt) } : {}),
      ...(c.dueOn.gte !== undefined ? { gte: asDate(c.dueOn.gte) } : {}),
    };
  if (c.warnFrom)
    where.warnFrom = {
      ...(c.warnFrom.lte !== undefined ? { lte: asDate(c.warnFrom.lte) } : {}),
      ...(c.warnFrom.gt !== undefined ? { gt: asDate(c.warnFrom.gt) } : {}),
    };
  return where;
}

/** Open duties in this status today (Europe/Oslo); NONE matches no duty (an open one always has a status). */
export function openTasksInStatus(status: DeadlineStatus, now: Date): Prisma.TaskWhereInput {
  if (status === 'NONE') return { id: { in: [] } };
  return { status: 'OPEN', ...taskDaysWhere(dutyStatusCondition(status, osloDay(now))) };
}
