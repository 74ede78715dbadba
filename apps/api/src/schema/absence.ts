/**
 * Absences (domain.md §7, seed 001 §4.1): the specialist warns of their own, the health-service
 * leader registers any in the organisation; an unplanned absence that looks long (longer than the
 * tenant's threshold, 14 days by default, or with no expected end) notifies the method supervisors
 * of the specialist's teams in the inbox and by e-mail. The coverage view lists the absent
 * specialist's job seekers with their open deadlines, for temporary cover or transfer.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { AbsenceType } from '@ips/db';
import {
  absenceIssues,
  asDate,
  coversDay,
  norwegianDate,
  osloDay,
  staffingSettingsOf,
  supervisorMustBeNotified,
} from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import { updateVersioned } from '../services/versioned.js';
import { type AbsenceFacts, notifySupervisorsOf } from './absence-notices.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { announcePlannedAbsence } from './planned-absence.js';
import { nonEmpty } from './query-shape.js';
import { UserType } from './viewer.js';

const AbsenceTypeEnum = builder.enumType(AbsenceType, { name: 'AbsenceType' });
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The tenant's long-absence threshold (`staffingSettingsOf`, within its bounds). */
export const longAbsenceThreshold = (settings: unknown): number =>
  staffingSettingsOf(settings).longAbsenceThresholdDays;

export const AbsenceObject = builder.prismaObject('Absence', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    specialist: t.relation('specialist', { type: UserType }),
    type: t.expose('type', { type: AbsenceTypeEnum }),
    planned: t.exposeBoolean('planned'),
    startDate: t.expose('startDate', { type: 'Date' }),
    expectedEndDate: t.expose('expectedEndDate', { type: 'Date', nullable: true }),
    actualEndDate: t.expose('actualEndDate', { type: 'Date', nullable: true }),
    supervisorNotifiedAt: t.expose('supervisorNotifiedAt', { type: 'DateTime', nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

/** An absence's last day as far as it is known. */
const endOf = (a: { expectedEndDate: Date | null; actualEndDate: Date | null }) =>
  iso(a.actualEndDate ?? a.expectedEndDate);

/** The specialist's other absences in the organisation, under a lock so two writers cannot both pass. */
async function otherAbsences(ctx: Context, organizationId: string, specialistId: string, exceptId?: string) {
  await ctx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`absence:${specialistId}`}, 0))`;
  const rows = await ctx.db.absence.findMany({
    where: { organizationId, specialistId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { startDate: true, expectedEndDate: true, actualEndDate: true },
  });
  return rows.map((r) => ({ startDate: iso(r.startDate) as string, endDate: endOf(r) }));
}

function toIssues(issues: ReturnType<typeof absenceIssues>): FieldIssue[] {
  return issues.map((i) =>
    i.code === 'OVERLAPS'
      ? {
          field: i.field,
          code: i.code,
          message: `Overlaps another absence from ${norwegianDate(i.otherStartDate)}`,
        }
      : { field: i.field, code: i.code, message: 'An absence cannot end before it starts' },
  );
}

/** Notifies the supervisors of the specialist's teams of a long absence, once. */
async function notifySupervisors(ctx: Context, absence: AbsenceFacts) {
  await notifySupervisorsOf(ctx, absence, 'LONG_ABSENCE', ({ name, team, from, until }) => ({
    title: `${name} (${team}) har uventet fravær fra ${from}, forventet til ${until}.`,
    body: 'Sørg for at jobbsøkerne i porteføljen får nødvendig oppfølging: se dekningsoversikten for midlertidig oppfølging eller overføring.',
  }));
  await ctx.db.absence.update({ where: { id: absence.id }, data: { supervisorNotifiedAt: ctx.now } });
}

const RegisterAbsenceInput = builder.inputType('RegisterAbsenceInput', {
  fields: (t) => ({
    specialistId: t.id({ required: true, validate: z.uuid() }),
    /** Where the specialist is employed, when they work in several of the caller's organisations. */
    organizationId: t.id({ required: false, validate: z.uuid() }),
    type: t.field({ type: AbsenceTypeEnum, required: true }),
    planned: t.boolean({ required: true }),
    startDate: t.string({ required: true, validate: calendarDay }),
    expectedEndDate: t.string({ required: false, validate: calendarDay }),
    note: t.string({ required: false, validate: z.string().trim().max(1000) }),
  }),
});

const UpdateAbsenceInput = builder.inputType('UpdateAbsenceInput', {
  fields: (t) => ({
    absenceId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    expectedEndDate: t.string({ required: false, validate: calendarDay }),
    actualEndDate: t.string({ required: false, validate: calendarDay }),
  }),
});

builder.mutationFields((t) => ({
  registerAbsence: t.prismaField({
    type: AbsenceObject,
    description:
      "Registers a specialist's absence; a long unplanned one notifies the team's method supervisor.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RegisterAbsenceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const specialistId = String(input.specialistId);
      const orgs = ctx.actor.memberships.map((m) => m.organizationId);
      const workplaces = await ctx.db.membership.findMany({
        where: {
          userId: specialistId,
          endedAt: null,
          role: { in: ['JOB_SPECIALIST', 'METHOD_SUPERVISOR'] },
          organizationId: { in: input.organizationId ? [String(input.organizationId)] : orgs },
        },
        select: { organizationId: true },
        orderBy: { organizationId: 'asc' },
      });
      if (workplaces.length === 0) throw new NotFoundError('Specialist');
      const organizationId = workplaces.find((w) =>
        canOn(ctx.ability, 'create', 'Absence', { organizationId: w.organizationId, specialistId }),
      )?.organizationId;
      if (!organizationId)
        throw new ForbiddenActionError('The specialist or their health-service leader registers an absence');
      const period = { startDate: input.startDate, endDate: input.expectedEndDate ?? null };
      const issues = toIssues(absenceIssues(period, await otherAbsences(ctx, organizationId, specialistId)));
      if (issues.length) throw new ValidationError(issues);
      const absence = await ctx.db.absence.create({
        data: {
          organizationId,
          specialistId,
          type: input.type,
          planned: input.planned,
          startDate: asDate(input.startDate),
          expectedEndDate: input.expectedEndDate ? asDate(input.expectedEndDate) : null,
          registeredById: ctx.actor.userId,
          note: input.note ?? null,
        },
      });
      const org = await ctx.db.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { settings: true },
      });
      if (supervisorMustBeNotified({ ...period, planned: input.planned }, longAbsenceThreshold(org.settings)))
        await notifySupervisors(ctx, absence);
      // A planned one: the supervisors hear of it now, and again ahead of its start (issue 17 item 7).
      if (input.planned) await announcePlannedAbsence(ctx, absence, org.settings);
      ctx.audit.change(organizationId, 'CREATE', 'Absence.register', 'Absence', absence.id);
      return ctx.db.absence.findUniqueOrThrow({ ...nonEmpty(query), where: { id: absence.id } });
    },
  }),

  updateAbsence: t.prismaField({
    type: AbsenceObject,
    description:
      'Changes the expected end (an extended sick leave may now need the supervisor told) or records the actual end.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: UpdateAbsenceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const absence = await ctx.db.absence.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'Absence'), { id: String(input.absenceId) }] },
      });
      if (!absence) throw new NotFoundError('Absence');
      if (!canOn(ctx.ability, 'update', 'Absence', absence))
        throw new ForbiddenActionError('The specialist or their health-service leader changes an absence');
      // Omitted: keep; null: clear (an end date set by mistake); a day: set.
      const expectedEndDate =
        input.expectedEndDate === undefined ? iso(absence.expectedEndDate) : input.expectedEndDate;
      const actualEndDate =
        input.actualEndDate === undefined ? iso(absence.actualEndDate) : input.actualEndDate;
      const start = iso(absence.startDate) as string;
      const issues: FieldIssue[] = [];
      if (actualEndDate && actualEndDate < start)
        issues.push({
          field: 'actualEndDate',
          code: 'END_BEFORE_START',
          message: 'An absence cannot end before it starts',
        });
      issues.push(
        ...toIssues(
          absenceIssues(
            { startDate: start, endDate: actualEndDate ?? expectedEndDate },
            await otherAbsences(ctx, absence.organizationId, absence.specialistId, absence.id),
          ),
        ),
      );
      if (issues.length) throw new ValidationError(issues);
      await updateVersioned(ctx.db.absence, 'Absence', absence.id, input.version, {
        expectedEndDate: expectedEndDate ? asDate(expectedEndDate) : null,
        actualEndDate: actualEndDate ? asDate(actualEndDate) : null,
      });
      const org = await ctx.db.organization.findUniqueOrThrow({
        where: { id: absence.organizationId },
        select: { settings: true },
      });
      if (
        !absence.supervisorNotifiedAt &&
        !actualEndDate &&
        supervisorMustBeNotified(
          { startDate: start, endDate: expectedEndDate, planned: absence.planned },
          longAbsenceThreshold(org.settings),
        )
      )
        await notifySupervisors(ctx, {
          ...absence,
          expectedEndDate: expectedEndDate ? asDate(expectedEndDate) : null,
        });
      ctx.audit.change(absence.organizationId, 'UPDATE', 'Absence.update', 'Absence', absence.id);
      return ctx.db.absence.findUniqueOrThrow({ ...nonEmpty(query), where: { id: absence.id } });
    },
  }),
}));

const AbsenceFilter = builder.inputType('AbsenceFilter', {
  fields: (t) => ({
    /** Only absences that cover this day (e.g. today: who is away now). */
    on: t.string({ required: false, validate: calendarDay }),
    specialistId: t.id({ required: false, validate: z.uuid() }),
  }),
});

interface Coverage {
  absenceId: string;
  specialistId: string;
  organizationId: string;
}

const CoverageType = builder.objectRef<Coverage>('AbsenceCoverage').implement({
  description: "The absent specialist's job seekers, for temporary cover or transfer (seed 001 §4.1).",
  authScopes: { signedIn: true },
  fields: (t) => ({
    absence: t.prismaField({
      type: AbsenceObject,
      resolve: (query, c, _a, ctx) =>
        ctx.db.absence.findUniqueOrThrow({ ...nonEmpty(query), where: { id: c.absenceId } }),
    }),
    jobSeekers: t.prismaField({
      type: [JobSeekerNode],
      description: 'Those the caller may discuss (team case-discussion consent), overdue deadlines first.',
      resolve: async (query, c, _a, ctx) => {
        const rows = await ctx.db.jobSeeker.findMany({
          ...query,
          where: {
            AND: [
              accessibleWhere(ctx.ability, 'read', 'JobSeeker'),
              { currentSpecialistId: c.specialistId, phase: { not: 'DISCHARGED' } },
            ],
          },
          orderBy: [{ familyName: 'asc' }, { id: 'asc' }],
          take: 200,
        });
        // Most urgent first: the earliest open due day (none last).
        const due = await ctx.db.task.groupBy({
          by: ['jobSeekerId'],
          where: { status: 'OPEN', jobSeekerId: { in: rows.map((r) => r.id) } },
          _min: { dueOn: true },
        });
        const first = new Map(due.map((d) => [d.jobSeekerId, d._min.dueOn?.getTime() ?? Infinity]));
        return [...rows].sort((a, b) => (first.get(a.id) ?? Infinity) - (first.get(b.id) ?? Infinity));
      },
    }),
    notShown: t.int({
      description:
        'Job seekers of the absent specialist not shown to the caller (no consent to case discussion in the team, or a role that never sees cases): they are followed up through their health team or their leader.',
      resolve: async (c, _a, ctx) => {
        const all = await ctx.db.jobSeeker.count({
          where: { currentSpecialistId: c.specialistId, phase: { not: 'DISCHARGED' } },
        });
        const visible = await ctx.db.jobSeeker.count({
          where: {
            AND: [
              accessibleWhere(ctx.ability, 'read', 'JobSeeker'),
              { currentSpecialistId: c.specialistId, phase: { not: 'DISCHARGED' } },
            ],
          },
        });
        return all - visible;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  absences: t.prismaField({
    type: [AbsenceObject],
    description:
      'Absences the caller may see: their own, their teams’ (method supervisor), their organisation’s (leader). Newest first.',
    authScopes: { signedIn: true },
    args: { filter: t.arg({ type: AbsenceFilter, required: false }) },
    resolve: async (query, _root, { filter }, ctx) => {
      const on = filter?.on ? asDate(filter.on) : null;
      return ctx.db.absence.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'Absence'),
            filter?.specialistId ? { specialistId: String(filter.specialistId) } : {},
            on
              ? {
                  startDate: { lte: on },
                  OR: [
                    { actualEndDate: { gte: on } },
                    { actualEndDate: null, expectedEndDate: { gte: on } },
                    { actualEndDate: null, expectedEndDate: null },
                  ],
                }
              : {},
          ],
        },
        orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
        take: 500,
      });
    },
  }),
  absenceCoverage: t.field({
    type: CoverageType,
    description: "An absence's coverage view: the job seekers who need someone while the specialist is away.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError], result: { authScopes: { signedIn: true } } },
    args: { absenceId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, { absenceId }, ctx) => {
      const absence = await ctx.db.absence.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'Absence'), { id: String(absenceId) }] },
        select: {
          id: true,
          specialistId: true,
          organizationId: true,
          startDate: true,
          expectedEndDate: true,
          actualEndDate: true,
        },
      });
      if (!absence) throw new NotFoundError('Absence');
      return {
        absenceId: absence.id,
        specialistId: absence.specialistId,
        organizationId: absence.organizationId,
      };
    },
  }),
}));

/** Whether the specialist is away on the day (any absence covering it). */
export function isAbsentOn(
  absences: readonly { startDate: Date; expectedEndDate: Date | null; actualEndDate: Date | null }[],
  now: Date,
): boolean {
  const today = osloDay(now);
  return absences.some((a) => coversDay({ startDate: iso(a.startDate) as string, endDate: endOf(a) }, today));
}
