/**
 * Tenant tuning of the deadline rules (tenant administrators), within the bounds each rule allows
 * (`packages/domain`): a rule can be made stricter or given a longer warning, never switched into
 * meaninglessness. The defaults apply where nothing is tuned.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { DeadlineRule } from '@ips/db';
import { checkTuning, DEADLINE_RULES, type DeadlineRuleCode, RuleTuningError } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { ForbiddenActionError, NotFoundError, ValidationError } from './errors.js';

const RuleEnum = builder.enumType(DeadlineRule, { name: 'DeadlineRule' });

interface RuleView {
  rule: DeadlineRuleCode;
  title: string;
  dueDays: number | null;
  dueMonths: number | null;
  warnDaysBefore: number;
  tuned: boolean;
}

const RuleViewType = builder.objectRef<RuleView>('DeadlineRuleView').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    rule: t.exposeString('rule'),
    title: t.exposeString('title'),
    dueDays: t.exposeInt('dueDays', { nullable: true }),
    dueMonths: t.exposeInt('dueMonths', { nullable: true }),
    warnDaysBefore: t.exposeInt('warnDaysBefore'),
    tuned: t.exposeBoolean('tuned'),
  }),
});

builder.queryField('deadlineRules', (t) =>
  t.field({
    type: [RuleViewType],
    description: 'The deadline rules as they apply in an organisation (its tuning over the defaults).',
    authScopes: { signedIn: true },
    args: { organizationId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) => {
      const organizationId = String(args.organizationId);
      if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId)) return [];
      const settings = await ctx.db.deadlineRuleSetting.findMany({
        where: { organizationId, enabled: true },
      });
      return (Object.keys(DEADLINE_RULES) as DeadlineRuleCode[]).map((code) => {
        const rule = DEADLINE_RULES[code];
        const tuned = settings.find((s) => s.rule === code);
        return {
          rule: code,
          title: rule.title,
          dueDays: tuned ? tuned.dueDays : 'days' in rule.due ? rule.due.days : null,
          dueMonths: tuned ? null : 'months' in rule.due ? rule.due.months : null,
          warnDaysBefore: tuned ? tuned.warnDaysBefore : rule.warnDaysBefore,
          tuned: Boolean(tuned),
        };
      });
    },
  }),
);

const TuneInput = builder.inputType('TuneDeadlineRuleInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true, validate: z.uuid() }),
    rule: t.field({ type: RuleEnum, required: true }),
    dueDays: t.int({ required: true }),
    warnDaysBefore: t.int({ required: true }),
  }),
});

builder.mutationField('tuneDeadlineRule', (t) =>
  t.field({
    type: [RuleViewType],
    description: 'Tenant administrators: set a rule’s due days and warning for the organisation.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: TuneInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = String(input.organizationId);
      if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
        throw new NotFoundError('Organization');
      if (!canOn(ctx.ability, 'update', 'DeadlineRuleSetting', { organizationId })) {
        throw new ForbiddenActionError('Only tenant administrators tune the deadline rules');
      }
      const rule = input.rule as DeadlineRuleCode;
      if (!(rule in DEADLINE_RULES)) {
        throw new ValidationError([
          { field: 'rule', code: 'NOT_TUNABLE', message: 'This rule has no tunable deadline' },
        ]);
      }
      try {
        checkTuning(rule, { dueDays: input.dueDays, warnDaysBefore: input.warnDaysBefore });
      } catch (error) {
        if (!(error instanceof RuleTuningError)) throw error;
        const b = DEADLINE_RULES[rule].bounds;
        throw new ValidationError([
          {
            field: error.field,
            code: 'OUT_OF_BOUNDS',
            message: `Allowed: due ${b.minDueDays}–${b.maxDueDays} days, warning 0–${b.maxWarnDays} days`,
          },
        ]);
      }
      const existing = await ctx.db.deadlineRuleSetting.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'DeadlineRuleSetting'), { organizationId, rule }],
        },
      });
      if (existing) {
        await ctx.db.deadlineRuleSetting.update({
          where: { id: existing.id },
          data: {
            dueDays: input.dueDays,
            warnDaysBefore: input.warnDaysBefore,
            enabled: true,
            version: { increment: 1 },
          },
        });
      } else {
        await ctx.db.deadlineRuleSetting.create({
          data: { organizationId, rule, dueDays: input.dueDays, warnDaysBefore: input.warnDaysBefore },
        });
      }
      const settings = await ctx.db.deadlineRuleSetting.findMany({
        where: { organizationId, enabled: true },
      });
      return settings.map((s) => ({
        rule: s.rule as DeadlineRuleCode,
        title: DEADLINE_RULES[s.rule as DeadlineRuleCode]?.title ?? s.rule,
        dueDays: s.dueDays,
        dueMonths: null,
        warnDaysBefore: s.warnDaysBefore,
        tuned: true,
      }));
    },
  }),
);
