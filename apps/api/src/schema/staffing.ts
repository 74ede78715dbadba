/**
 * The health-service leader's staffing view (domain.md §2, §7): every job specialist and method
 * supervisor working in the organisation, with full-time equivalent, caseload (against the limit of
 * 20 per full-time specialist), teams and whether they are away today — numbers only, never a case.
 * And the staffing settings, tuned by the health-service leader or the tenant administrator: the
 * long-absence threshold and when a job seeker counts as stalled, within safe bounds.
 */
import { canOn } from '@ips/authz';
import {
  CASELOAD_LIMIT,
  caseloadLimitFor,
  DEFAULT_LONG_ABSENCE_DAYS,
  DEFAULT_PLANNED_ABSENCE_NOTICE_DAYS,
  DEFAULT_STALLED_AFTER_WEEKS,
  isStaffingSettingValue,
  STAFFING_SETTINGS,
  type StaffingSettingName,
  type StaffingSettings as StaffingSettingValues,
  staffingSettingsOf,
} from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { isAbsentOn } from './absence.js';
import { type FieldIssue, ForbiddenActionError, NotFoundError, ValidationError } from './errors.js';

interface StaffRow {
  userId: string;
  givenName: string;
  familyName: string;
  role: string;
  fte: number;
  caseload: number;
  caseloadLimit: number;
  absentToday: boolean;
  teams: string[];
}

const StaffRowType = builder.objectRef<StaffRow>('StaffingRow').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    userId: t.exposeID('userId'),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    role: t.exposeString('role'),
    fte: t.exposeFloat('fte'),
    caseload: t.exposeInt('caseload', {
      description: "Job seekers in the portfolio, in this organisation's records.",
    }),
    caseloadLimit: t.exposeInt('caseloadLimit', {
      description: `${CASELOAD_LIMIT} per full-time equivalent.`,
    }),
    overCaseloadLimit: t.boolean({ resolve: (r) => r.caseload > r.caseloadLimit }),
    absentToday: t.exposeBoolean('absentToday'),
    teams: t.exposeStringList('teams'),
  }),
});

builder.queryField('staffing', (t) =>
  t.field({
    type: [StaffRowType],
    description:
      "A health-service leader's view of the organisation's specialists: caseloads and absences, no cases.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError], result: { authScopes: { signedIn: true } } },
    args: { organizationId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) => {
      const organizationId = String(args.organizationId);
      if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
        throw new NotFoundError('Organization');
      if (
        !ctx.actor.memberships.some(
          (m) => m.organizationId === organizationId && m.role === 'HEALTH_SERVICE_LEADER',
        )
      )
        throw new ForbiddenActionError('The staffing view is for health-service leaders');
      const memberships = await ctx.db.membership.findMany({
        where: { organizationId, endedAt: null, role: { in: ['JOB_SPECIALIST', 'METHOD_SUPERVISOR'] } },
        select: {
          userId: true,
          role: true,
          fte: true,
          user: {
            select: {
              givenName: true,
              familyName: true,
              absences: {
                where: { organizationId },
                select: { startDate: true, expectedEndDate: true, actualEndDate: true },
              },
              teamMemberships: { where: { leftOn: null }, select: { team: { select: { name: true } } } },
            },
          },
        },
        orderBy: [{ role: 'asc' }, { userId: 'asc' }],
      });
      const ids = memberships.map((m) => m.userId);
      const caseloads = await ctx.db.jobSeeker.groupBy({
        by: ['currentSpecialistId'],
        where: { organizationId, currentSpecialistId: { in: ids }, phase: { not: 'DISCHARGED' } },
        _count: { _all: true },
      });
      const load = new Map(caseloads.map((c) => [c.currentSpecialistId, c._count._all]));
      return memberships.map((m) => ({
        userId: m.userId,
        givenName: m.user.givenName,
        familyName: m.user.familyName,
        role: m.role,
        fte: Number(m.fte),
        caseload: load.get(m.userId) ?? 0,
        caseloadLimit: caseloadLimitFor(Number(m.fte)),
        absentToday: isAbsentOn(m.user.absences, ctx.now),
        teams: [...new Set(m.user.teamMemberships.map((tm) => tm.team.name))].sort(),
      }));
    },
  }),
);

interface StaffingSettings {
  organizationId: string;
  longAbsenceThresholdDays: number;
  stalledAfterWeeks: number;
  plannedAbsenceNoticeDays: number;
}

const SettingsType = builder.objectRef<StaffingSettings>('StaffingSettings').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    organizationId: t.exposeID('organizationId'),
    longAbsenceThresholdDays: t.exposeInt('longAbsenceThresholdDays', {
      description: `An unplanned absence longer than this notifies the supervisor (default ${DEFAULT_LONG_ABSENCE_DAYS}).`,
    }),
    plannedAbsenceNoticeDays: t.exposeInt('plannedAbsenceNoticeDays', {
      description: `A planned absence is announced to the method supervisor again this many days before it starts (default ${DEFAULT_PLANNED_ABSENCE_NOTICE_DAYS}; issue 17 item 7).`,
    }),
    stalledAfterWeeks: t.exposeInt('stalledAfterWeeks', {
      description: `Weeks without progress before a job seeker counts as stalled (default ${DEFAULT_STALLED_AFTER_WEEKS}).`,
    }),
  }),
});

/** The unit each staffing setting's bounds are told in. */
const UNIT: Record<StaffingSettingName, string> = {
  longAbsenceThresholdDays: 'days',
  stalledAfterWeeks: 'weeks',
  plannedAbsenceNoticeDays: 'days',
};

builder.mutationField('updateStaffingSettings', (t) =>
  t.field({
    type: SettingsType,
    description:
      "Health-service leaders and tenant administrators tune the organisation's staffing settings within safe bounds.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError], result: { authScopes: { signedIn: true } } },
    args: {
      input: t.arg({
        type: builder.inputType('UpdateStaffingSettingsInput', {
          fields: (f) => ({
            organizationId: f.id({ required: true, validate: z.uuid() }),
            longAbsenceThresholdDays: f.int({ required: false }),
            stalledAfterWeeks: f.int({ required: false }),
            plannedAbsenceNoticeDays: f.int({ required: false }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = String(input.organizationId);
      if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
        throw new NotFoundError('Organization');
      if (!canOn(ctx.ability, 'update', 'Organization', { id: organizationId }, 'staffingSettings'))
        throw new ForbiddenActionError(
          'Health-service leaders and tenant administrators change the settings',
        );
      const issues: FieldIssue[] = [];
      const changes: Partial<StaffingSettingValues> = {};
      for (const name of Object.keys(STAFFING_SETTINGS) as StaffingSettingName[]) {
        const value = input[name];
        if (value === null || value === undefined) continue;
        if (isStaffingSettingValue(name, value)) changes[name] = value;
        else {
          const { min, max } = STAFFING_SETTINGS[name];
          issues.push({
            field: name,
            code: 'OUT_OF_BOUNDS',
            message: `Between ${min} and ${max} ${UNIT[name]}`,
          });
        }
      }
      if (issues.length) throw new ValidationError(issues);
      const org = await ctx.db.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { settings: true },
      });
      const settings = { ...((org.settings as Record<string, unknown> | null) ?? {}), ...changes };
      await ctx.db.organization.update({ where: { id: organizationId }, data: { settings } });
      ctx.audit.change(
        organizationId,
        'UPDATE',
        'Organization.staffingSettings',
        'Organization',
        organizationId,
      );

      return { organizationId, ...staffingSettingsOf(settings) };
    },
  }),
);

builder.queryField('staffingSettings', (t) =>
  t.field({
    type: SettingsType,
    description:
      "The organisation's staffing settings as they apply (its tuning over the defaults): for its members to read; health-service leaders and tenant administrators change them.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError], result: { authScopes: { signedIn: true } } },
    args: { organizationId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) => {
      const organizationId = String(args.organizationId);
      if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
        throw new NotFoundError('Organization');
      const org = await ctx.db.organization.findUnique({
        where: { id: organizationId },
        select: { settings: true },
      });
      if (!org) throw new NotFoundError('Organization');
      const settings = (org.settings as Record<string, unknown> | null) ?? {};
      return { organizationId, ...staffingSettingsOf(settings) };
    },
  }),
);
