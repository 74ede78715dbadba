/**
 * The team's results against its targets (domain.md §9): every measure per period (week, month,
 * quarter, year) as a trend series, for the team and — for its method supervisor — per specialist.
 * The facts are loaded in a fixed number of queries for the whole series (never per specialist or
 * per job seeker) and counted by the pure functions of `packages/domain`.
 *
 * Who sees what: the team's method supervisor sees every specialist's figures; a specialist of the
 * team sees the team's figures and their own; the health-service leader of the team's organisation
 * sees the team's figures (aggregates, never a case). Measures are aggregates: they count every job
 * seeker of the team's specialists, and name none. "Per specialist" divides by the full-time
 * equivalents of the team's job specialists; a supervisor's small portfolio counts in the totals.
 */
import { accessibleWhere } from '@ips/authz';
import {
  asDate,
  CEILINGS,
  caseloadCeilingFor,
  computeMeasures,
  DEFAULT_TARGETS,
  type Granularity,
  MEASURES,
  type MeasureCode,
  type MeasureFacts,
  meetsTarget,
  osloDay,
  periodSeries,
  rollingYearStart,
} from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import { ForbiddenActionError, NotFoundError, ValidationError } from './errors.js';

const GranularityEnum = builder.enumType('Granularity', {
  values: ['WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const satisfies readonly Granularity[],
});
export const MeasureEnum = builder.enumType('Measure', { values: MEASURES });

interface MeasureValue {
  measure: MeasureCode;
  value: number | null;
  target: number;
  met: boolean | null;
  /** Job starts only: the count within the period itself (the value is the rolling twelve months). */
  periodCount?: number | null;
}
interface SpecialistResults {
  userId: string;
  role: string;
  givenName: string;
  familyName: string;
  fte: number;
  values: MeasureValue[];
}
interface PeriodResults {
  from: string;
  to: string;
  team: MeasureValue[];
  specialists: SpecialistResults[];
}
interface TeamResults {
  teamId: string;
  teamName: string;
  granularity: Granularity;
  /** What the caller may see per specialist. */
  view: 'SUPERVISOR' | 'SPECIALIST' | 'LEADER';
  periods: PeriodResults[];
}

const MeasureValueType = builder.objectRef<MeasureValue>('MeasureValue').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    measure: t.field({ type: MeasureEnum, resolve: (v) => v.measure }),
    value: t.exposeFloat('value', { nullable: true, description: 'Null when there is nothing to count.' }),
    target: t.exposeFloat('target', {
      description:
        "The team's target; for the caseload a ceiling (per full-time equivalent for the team, scaled by the specialist's FTE for a specialist), for every other measure a floor.",
    }),
    met: t.exposeBoolean('met', {
      nullable: true,
      description: 'At or under a ceiling, at or over a floor, judged on the value as shown (one decimal).',
    }),
    ceiling: t.boolean({
      description: 'True when the target is a ceiling (the caseload): at or under it is fine.',
      resolve: (v) => CEILINGS.has(v.measure),
    }),
    periodCount: t.int({
      nullable: true,
      description:
        'Job starts: the competitive job starts within the period itself (the value is the rolling last twelve months, never a short period scaled up). Null for the other measures.',
      resolve: (v) => v.periodCount ?? null,
    }),
  }),
});

const SpecialistResultsType = builder.objectRef<SpecialistResults>('SpecialistResults').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    userId: t.exposeID('userId'),
    role: t.exposeString('role', {
      description: 'JOB_SPECIALIST, or METHOD_SUPERVISOR for a small portfolio of their own.',
    }),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    fte: t.exposeFloat('fte'),
    values: t.field({ type: [MeasureValueType], resolve: (s) => s.values }),
  }),
});

const PeriodResultsType = builder.objectRef<PeriodResults>('PeriodResults').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (p) => asDate(p.from) }),
    to: t.field({
      type: 'Date',
      description: 'The last day counted (today for a running period).',
      resolve: (p) => asDate(p.to),
    }),
    team: t.field({ type: [MeasureValueType], resolve: (p) => p.team }),
    specialists: t.field({
      type: [SpecialistResultsType],
      description: 'The supervisor sees every specialist; a specialist only themself; a leader none.',
      resolve: (p) => p.specialists,
    }),
  }),
});

const TeamResultsType = builder.objectRef<TeamResults>('TeamResults').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    teamId: t.exposeID('teamId'),
    teamName: t.exposeString('teamName'),
    granularity: t.field({ type: GranularityEnum, resolve: (r) => r.granularity }),
    periods: t.field({ type: [PeriodResultsType], description: 'Oldest first.', resolve: (r) => r.periods }),
  }),
});

const day = (d: Date) => osloDay(d);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Everything the measures count for these specialists in [from, to], in six queries. */
export async function loadMeasureFacts(
  ctx: Context,
  specialists: { userId: string; fte: number }[],
  from: string,
  to: string,
): Promise<MeasureFacts> {
  const ids = specialists.map((s) => s.userId);
  const start = asDate(from);
  const endExclusive = new Date(asDate(to).getTime() + 86_400_000);
  const assignments = await ctx.db.assignment.findMany({
    where: {
      specialistId: { in: ids },
      startedAt: { lt: endExclusive },
      OR: [{ endedAt: null }, { endedAt: { gte: start } }],
    },
    select: { jobSeekerId: true, specialistId: true, startedAt: true, endedAt: true },
  });
  const jobSeekerIds = [...new Set(assignments.map((a) => a.jobSeekerId))];
  // A first-contact deadline due in the window started up to a month before it.
  const contactsFrom = new Date(start.getTime() - 62 * 86_400_000);
  const [jobSeekers, employments, contacts, meetings] = await Promise.all([
    ctx.db.jobSeeker.findMany({
      where: { id: { in: jobSeekerIds } },
      select: {
        id: true,
        referralDate: true,
        intakeDate: true,
        dischargedAt: true,
        outOfWorkAtReferral: true,
      },
    }),
    ctx.db.employment.findMany({
      where: {
        jobSeekerId: { in: jobSeekerIds },
        startDate: { lt: endExclusive },
        OR: [{ endDate: null }, { endDate: { gte: start } }],
      },
      select: {
        jobSeekerId: true,
        kind: true,
        startDate: true,
        endDate: true,
        openLabourMarket: true,
        atLeastMinimumWage: true,
        openToAnyone: true,
      },
    }),
    ctx.db.employerContact.findMany({
      where: {
        contactedAt: { lt: endExclusive },
        OR: [
          { specialistId: { in: ids }, contactedAt: { gte: start } },
          { jobSeekerId: { in: jobSeekerIds }, faceToFace: true, contactedAt: { gte: contactsFrom } },
        ],
      },
      select: {
        specialistId: true,
        jobSeekerId: true,
        contactedAt: true,
        faceToFace: true,
        purpose: true,
        durationMinutes: true,
      },
    }),
    ctx.db.followUpMeeting.findMany({
      where: { specialistId: { in: ids }, status: 'HELD', scheduledAt: { gte: start, lt: endExclusive } },
      select: { specialistId: true, scheduledAt: true, location: true, durationMinutes: true },
    }),
  ]);
  return {
    specialists,
    assignments: assignments.map((a) => ({
      jobSeekerId: a.jobSeekerId,
      specialistId: a.specialistId,
      from: day(a.startedAt),
      until: a.endedAt ? day(a.endedAt) : null,
    })),
    jobSeekers: jobSeekers.map((j) => ({
      id: j.id,
      referralDate: iso(j.referralDate),
      intakeDate: j.intakeDate ? iso(j.intakeDate) : null,
      dischargedOn: j.dischargedAt ? iso(j.dischargedAt) : null,
      outOfWorkAtReferral: j.outOfWorkAtReferral,
    })),
    employments: employments.map((e) => ({
      jobSeekerId: e.jobSeekerId,
      startDate: iso(e.startDate),
      endDate: e.endDate ? iso(e.endDate) : null,
      competitive: e.kind === 'ORDINARY_JOB' && e.openLabourMarket && e.atLeastMinimumWage && e.openToAnyone,
    })),
    employerContacts: contacts.map((c) => ({
      specialistId: c.specialistId,
      jobSeekerId: c.jobSeekerId,
      day: day(c.contactedAt),
      faceToFace: c.faceToFace,
      jobDevelopment: c.purpose !== 'FOLLOW_UP_IN_EMPLOYMENT',
      minutes: c.durationMinutes,
    })),
    meetings: meetings.map((m) => ({
      specialistId: m.specialistId,
      day: day(m.scheduledAt),
      location: m.location,
      minutes: m.durationMinutes,
    })),
  };
}

/** The team's target for each measure on a day (its own, else the default). */
async function targetsOf(ctx: Context, teamId: string) {
  const rows = await ctx.db.target.findMany({
    where: { teamId },
    select: { measure: true, value: true, validFrom: true, validUntil: true },
    orderBy: { validFrom: 'desc' },
  });
  return (measure: MeasureCode, on: string): number => {
    const row = rows.find(
      (r) =>
        r.measure === measure && iso(r.validFrom) <= on && (r.validUntil === null || iso(r.validUntil) >= on),
    );
    return row ? Number(row.value) : DEFAULT_TARGETS[measure];
  };
}

builder.queryField('teamResults', (t) =>
  t.field({
    type: TeamResultsType,
    description: "The team's measures against its targets, per period, oldest first (domain.md §9).",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError], result: { authScopes: { signedIn: true } } },
    args: {
      teamId: t.arg.id({ required: true, validate: z.uuid() }),
      granularity: t.arg({ type: GranularityEnum, required: false, defaultValue: 'WEEK' }),
      periods: t.arg.int({ required: false, defaultValue: 8, validate: z.number().int().min(1).max(104) }),
    },
    resolve: async (_root, args, ctx) => {
      const teamId = String(args.teamId);
      const team = await ctx.db.specialistTeam.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'SpecialistTeam'), { id: teamId }] },
        select: { id: true, name: true, organizationId: true, methodSupervisorId: true },
      });
      if (!team) throw new NotFoundError('SpecialistTeam');
      const supervises = ctx.actor.teams.some((m) => m.teamId === teamId && m.role === 'METHOD_SUPERVISOR');
      const member = ctx.actor.teams.some((m) => m.teamId === teamId);
      const leads = ctx.actor.memberships.some(
        (m) => m.organizationId === team.organizationId && m.role === 'HEALTH_SERVICE_LEADER',
      );
      const view: TeamResults['view'] | null = supervises
        ? 'SUPERVISOR'
        : member
          ? 'SPECIALIST'
          : leads
            ? 'LEADER'
            : null;
      if (!view) throw new NotFoundError('SpecialistTeam');

      const members = await ctx.db.teamMember.findMany({
        where: { teamId, leftOn: null },
        select: { userId: true, employerOrganizationId: true, role: true },
        orderBy: { userId: 'asc' },
      });
      // Users and memberships the caller cannot see (another tenant's staff) count with defaults.
      const users = await ctx.db.user.findMany({
        where: { id: { in: members.map((m) => m.userId) } },
        select: {
          id: true,
          givenName: true,
          familyName: true,
          memberships: { where: { endedAt: null }, select: { organizationId: true, fte: true } },
        },
      });
      const byId = new Map(users.map((u) => [u.id, u]));
      const specialists = members.map((m) => {
        const u = byId.get(m.userId);
        return {
          userId: m.userId,
          role: m.role,
          givenName: u?.givenName ?? '',
          familyName: u?.familyName ?? '',
          fte: Number(u?.memberships.find((ms) => ms.organizationId === m.employerOrganizationId)?.fte ?? 1),
        };
      });
      const asOf = osloDay(ctx.now);
      const series = periodSeries(args.granularity ?? 'WEEK', asOf, args.periods ?? 8);
      const first = series[0] ?? { from: asOf, to: asOf };
      // Job starts look back twelve months from each period's last day.
      const yearBack = rollingYearStart(first.to < asOf ? first.to : asOf);
      const facts = await loadMeasureFacts(
        ctx,
        // The supervisor's own portfolio counts in the totals, their time not in "per specialist".
        specialists.map((s) => ({ userId: s.userId, fte: s.role === 'JOB_SPECIALIST' ? s.fte : 0 })),
        yearBack < first.from ? yearBack : first.from,
        asOf,
      );
      const target = await targetsOf(ctx, teamId);
      const valuesOf = (
        values: Record<MeasureCode, number | null>,
        on: string,
        jobStartsInPeriod: number,
        fte: number | null,
      ): MeasureValue[] =>
        MEASURES.map((measure) => {
          const teamGoal = target(measure, on);
          // A specialist's caseload ceiling is the team's per-FTE ceiling scaled by their FTE.
          const goal =
            measure === 'CASELOAD_PER_SPECIALIST' && fte !== null
              ? caseloadCeilingFor(teamGoal, fte)
              : teamGoal;
          return {
            measure,
            value: values[measure],
            target: goal,
            met: meetsTarget(measure, values[measure], goal),
            periodCount: measure === 'JOB_STARTS_PER_SPECIALIST_PER_YEAR' ? jobStartsInPeriod : null,
          };
        });
      const periods = series.map((period): PeriodResults => {
        const m = computeMeasures(facts, period, asOf);
        return {
          from: m.from,
          to: m.to,
          team: valuesOf(m.team, m.to, m.jobStartsInPeriod.team, null),
          specialists: specialists
            .filter((s) => view === 'SUPERVISOR' || (view === 'SPECIALIST' && s.userId === ctx.actor.userId))
            .map((s) => ({
              ...s,
              values: valuesOf(
                m.bySpecialist[s.userId] as Record<MeasureCode, number | null>,
                m.to,
                m.jobStartsInPeriod.bySpecialist[s.userId] ?? 0,
                s.fte,
              ),
            })),
        };
      });
      return { teamId, teamName: team.name, granularity: args.granularity ?? 'WEEK', view, periods };
    },
  }),
);

const SetTargetInput = builder.inputType('SetTeamTargetInput', {
  fields: (t) => ({
    teamId: t.id({ required: true, validate: z.uuid() }),
    measure: t.field({ type: MeasureEnum, required: true }),
    value: t.float({ required: true }),
    validFrom: t.string({ required: true, validate: calendarDay }),
  }),
});

/** Sensible bounds for a team's own target, per measure (a share is 0–1). */
const TARGET_BOUNDS: Record<MeasureCode, [number, number]> = {
  EMPLOYMENT_RATE: [0, 1],
  JOB_STARTS_PER_SPECIALIST_PER_YEAR: [0, 100],
  CASELOAD_PER_SPECIALIST: [1, 40],
  EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK: [0, 40],
  COMMUNITY_TIME_SHARE: [0, 1],
  FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE: [0, 1],
};

builder.mutationField('setTeamTarget', (t) =>
  t.field({
    type: MeasureValueType,
    description:
      "The method supervisor sets the team's own target for a measure from a day on (the previous one ends the day before).",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError], result: { authScopes: { signedIn: true } } },
    args: { input: t.arg({ type: SetTargetInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const teamId = String(input.teamId);
      const team = await ctx.db.specialistTeam.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'SpecialistTeam'), { id: teamId }] },
        select: { id: true, organizationId: true },
      });
      if (!team) throw new NotFoundError('SpecialistTeam');
      if (!ctx.actor.teams.some((m) => m.teamId === teamId && m.role === 'METHOD_SUPERVISOR'))
        throw new ForbiddenActionError("The team's method supervisor sets its targets");
      const measure = input.measure as MeasureCode;
      const [min, max] = TARGET_BOUNDS[measure];
      if (!Number.isFinite(input.value) || input.value < min || input.value > max)
        throw new ValidationError([
          { field: 'value', code: 'OUT_OF_BOUNDS', message: `Between ${min} and ${max}` },
        ]);
      const from = asDate(input.validFrom);
      await ctx.db.target.updateMany({
        where: {
          teamId,
          measure,
          validFrom: { lt: from },
          OR: [{ validUntil: null }, { validUntil: { gte: from } }],
        },
        data: { validUntil: new Date(from.getTime() - 86_400_000) },
      });
      await ctx.db.target.deleteMany({ where: { teamId, measure, validFrom: { gte: from } } });
      await ctx.db.target.create({
        data: {
          organizationId: team.organizationId,
          teamId,
          measure,
          value: input.value,
          validFrom: from,
          setById: ctx.actor.userId,
        },
      });
      ctx.audit.change(team.organizationId, 'UPDATE', 'Target.set', 'SpecialistTeam', teamId);
      return { measure, value: null, target: input.value, met: null };
    },
  }),
);
