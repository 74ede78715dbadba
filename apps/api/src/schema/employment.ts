/**
 * Jobs (and work practice) held (IPS principle 1, seeds 000/003). A job is competitive — ordinary
 * work — only on the open labour market, at least at minimum/tariff wage, and open to anyone; work
 * practice is recorded but never a job start. A job start moves the job seeker to EMPLOYED and
 * opens the follow-up deadlines; learning that a job ended opens the 3-day contact deadline. Both
 * flag the career profile for an update (fidelity item 14).
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { EmploymentKind, EndedBy, type JobSeekerPhase } from '@ips/db';
import { tasksForEvent } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import { applyTaskChanges, tuningOf } from './case-path.js';
import { EmployerType } from './employer.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { accessFacts, JobSeekerNode } from './job-seeker.js';
import { writeJournalNote } from './journal-note.js';
import {
  asDate,
  conflictNow,
  futureDayIssue,
  readableJobSeeker,
  startIssues,
  unknownEmployerIssue,
} from './lookups.js';

const EmploymentKindEnum = builder.enumType(EmploymentKind, { name: 'EmploymentKind' });
const EndedByEnum = builder.enumType(EndedBy, { name: 'EndedBy' });
const day = calendarDay;
export const EmploymentType = builder.prismaObject('Employment', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: EmploymentKindEnum }),
    jobTitle: t.exposeString('jobTitle'),
    jobType: t.exposeString('jobType'),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    hoursPerWeek: t.float({ resolve: (e) => Number(e.hoursPerWeek) }),
    competitive: t.boolean({
      description: 'Ordinary paid work: open labour market, at least minimum/tariff wage, open to anyone.',
      resolve: (e) =>
        e.kind === 'ORDINARY_JOB' && e.openLabourMarket && e.atLeastMinimumWage && e.openToAnyone,
    }),
    endedBy: t.expose('endedBy', { type: EndedByEnum, nullable: true }),
    version: t.exposeInt('version'),
    employer: t.field({
      type: EmployerType,
      nullable: true,
      description:
        'Where the job is. Null for anyone but the own specialist when the job seeker has a strictly confidential address (kode 6; issue 17 item 9).',
      select: (_args, _ctx, nested) => ({ organizationId: true, jobSeekerId: true, employer: nested(true) }),
      resolve: async (e, _a, ctx) => ((await mayReadWorkplace(ctx, e)) ? e.employer : null),
    }),
  }),
});

/**
 * Whether the caller reads where this job is: the ability's field rule for `employerId` on the job
 * with its job seeker's access facts (own specialist always; the team and NAV unless kode 6).
 */
async function mayReadWorkplace(ctx: Context, e: { organizationId: string; jobSeekerId: string }) {
  if (ctx.unguarded) return true;
  const facts = await accessFacts(ctx, e.jobSeekerId);
  if (!facts) return false;
  return canOn(
    ctx.ability,
    'read',
    'Employment',
    { organizationId: e.organizationId, jobSeeker: facts },
    'employerId',
  );
}

builder.prismaObjectField(JobSeekerNode, 'employments', (t) =>
  t.relation('employments', {
    type: EmploymentType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'Employment'),
      orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    }),
  }),
);

async function changePhase(
  ctx: Context,
  js: { id: string; organizationId: string; phase: JobSeekerPhase },
  to: JobSeekerPhase,
) {
  if (js.phase === to) return;
  await ctx.db.jobSeeker.update({
    where: { id: js.id },
    data: { phase: to, phaseChangedAt: ctx.now, version: { increment: 1 } },
  });
  await ctx.db.jobSeekerPhaseChange.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      fromPhase: js.phase,
      toPhase: to,
      changedById: ctx.actor.userId,
    },
  });
}

async function flagCareerProfile(ctx: Context, jobSeekerId: string, reason: string) {
  await ctx.db.careerProfile.updateMany({
    where: { jobSeekerId },
    data: { needsUpdate: true, needsUpdateReason: reason },
  });
}

const JobStartInput = builder.inputType('RecordJobStartInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    employerId: t.id({ required: false, validate: z.uuid() }),
    kind: t.field({ type: EmploymentKindEnum, required: true }),
    jobTitle: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    jobType: t.string({ required: true, validate: z.string().trim().min(1).max(20) }),
    startDate: t.string({ required: true, validate: day }),
    hoursPerWeek: t.float({ required: true, validate: z.number().gt(0).max(100) }),
    hourlyWage: t.float({ required: false, validate: z.number().min(0).max(10_000) }),
    openLabourMarket: t.boolean({ required: true }),
    atLeastMinimumWage: t.boolean({ required: true }),
    openToAnyone: t.boolean({ required: true }),
    employerMeetingWanted: t.boolean({ required: true }),
  }),
});

const EndEmploymentInput = builder.inputType('EndEmploymentInput', {
  fields: (t) => ({
    employmentId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    endDate: t.string({ required: true, validate: day }),
    learnedOn: t.string({ required: true, validate: day }),
    endedBy: t.field({ type: EndedByEnum, required: true }),
    reason: t.string({ required: false, validate: z.string().max(2000) }),
  }),
});

builder.mutationFields((t) => ({
  recordJobStart: t.field({
    type: EmploymentType,
    description: 'A job (or work practice) starts. Only ordinary work is a job start.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: JobStartInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await readableJobSeeker(ctx, String(input.jobSeekerId));
      if (!canOn(ctx.ability, 'create', 'Employment', { organizationId: js.organizationId, jobSeeker: js })) {
        throw new ForbiddenActionError('Only the job seeker’s own specialist records jobs');
      }
      const issues = startIssues(js, input.startDate, 'A job start');
      const employerIssue = await unknownEmployerIssue(
        ctx,
        js.organizationId,
        input.employerId ? String(input.employerId) : null,
      );
      if (employerIssue) issues.push(employerIssue);
      if (issues.length) throw new ValidationError(issues);
      const employment = await ctx.db.employment.create({
        data: {
          organizationId: js.organizationId,
          jobSeekerId: js.id,
          employerId: input.employerId ? String(input.employerId) : null,
          kind: input.kind,
          jobTitle: input.jobTitle,
          jobType: input.jobType,
          startDate: asDate(input.startDate),
          hoursPerWeek: input.hoursPerWeek,
          hourlyWage: input.hourlyWage ?? null,
          openLabourMarket: input.openLabourMarket,
          atLeastMinimumWage: input.atLeastMinimumWage,
          openToAnyone: input.openToAnyone,
          employerMeetingWanted: input.employerMeetingWanted,
        },
      });
      if (input.kind === 'ORDINARY_JOB') {
        await changePhase(ctx, js, 'EMPLOYED');
        await applyTaskChanges(
          ctx,
          js,
          tasksForEvent(
            {
              kind: 'JOB_START',
              day: input.startDate,
              employmentId: employment.id,
              employerMeetingWanted: input.employerMeetingWanted,
            },
            await tuningOf(ctx, js.organizationId),
          ),
        );
        await flagCareerProfile(ctx, js.id, 'Ny jobb: oppdater karriereprofilen');
        const employer = input.employerId
          ? await ctx.db.employer.findUnique({
              where: { id: String(input.employerId) },
              select: { name: true },
            })
          : null;
        await writeJournalNote(ctx, js, employment.id, {
          kind: 'JOB_START',
          date: input.startDate,
          jobTitle: input.jobTitle,
          employer: employer?.name ?? null,
          hoursPerWeek: input.hoursPerWeek,
          competitive: input.openLabourMarket && input.atLeastMinimumWage && input.openToAnyone,
        });
      }
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'CREATE',
        area: 'Employment.start',
        entityType: 'Employment',
        entityId: employment.id,
      });
      return employment;
    },
  }),

  endEmployment: t.field({
    type: EmploymentType,
    description:
      'A job ended: who ended it and why; the specialist contacts the job seeker within 3 days of learning of it.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: EndEmploymentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const employment = await ctx.db.employment.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'Employment'), { id: String(input.employmentId) }],
        },
        include: { jobSeeker: true },
      });
      if (!employment) throw new NotFoundError('Employment');
      if (!canOn(ctx.ability, 'update', 'Employment', employment))
        throw new ForbiddenActionError('Only the job seeker’s own specialist ends a job');
      const issues: FieldIssue[] = [];
      if (employment.endDate)
        issues.push({ field: 'employmentId', code: 'ALREADY_ENDED', message: 'The job has already ended' });
      if (asDate(input.endDate) < employment.startDate)
        issues.push({
          field: 'endDate',
          code: 'END_BEFORE_START',
          message: 'A job cannot end before it starts',
        });
      for (const issue of [
        futureDayIssue(ctx, 'endDate', input.endDate, 'Record a job’s end once it has ended'),
        futureDayIssue(ctx, 'learnedOn', input.learnedOn, 'You cannot have learned of it yet'),
      ])
        if (issue) issues.push(issue);
      if (asDate(input.learnedOn) < employment.startDate) {
        issues.push({
          field: 'learnedOn',
          code: 'BEFORE_START',
          message: 'learnedOn cannot be before the start',
        });
      }
      if (issues.length) throw new ValidationError(issues);
      const { count } = await ctx.db.employment.updateMany({
        where: { id: employment.id, version: input.version },
        data: {
          endDate: asDate(input.endDate),
          endLearnedOn: asDate(input.learnedOn),
          endedBy: input.endedBy,
          endReason: input.reason ?? null,
          endRecordedById: ctx.actor.userId,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw await conflictNow(ctx.db.employment, 'Employment', employment.id);
      const js = employment.jobSeeker;
      if (employment.kind === 'ORDINARY_JOB') {
        await applyTaskChanges(
          ctx,
          js,
          tasksForEvent(
            { kind: 'JOB_END_LEARNED', day: input.learnedOn, employmentId: employment.id },
            await tuningOf(ctx, js.organizationId),
          ),
        );
        const stillEmployed = await ctx.db.employment.count({
          where: { jobSeekerId: js.id, kind: 'ORDINARY_JOB', endDate: null, id: { not: employment.id } },
        });
        if (stillEmployed === 0 && (js.phase === 'EMPLOYED' || js.phase === 'TAPERING'))
          await changePhase(ctx, js, 'JOB_SEARCH');
        await flagCareerProfile(ctx, js.id, 'Jobben er avsluttet: gjør en ny vurdering av karriereprofilen');
        await writeJournalNote(ctx, js, employment.id, {
          kind: 'JOB_END',
          endDate: input.endDate,
          learnedOn: input.learnedOn,
          jobTitle: employment.jobTitle,
          endedBy: input.endedBy,
          reason: input.reason ?? null,
        });
      }
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'UPDATE',
        area: 'Employment.end',
        entityType: 'Employment',
        entityId: employment.id,
      });
      return ctx.db.employment.findUniqueOrThrow({ where: { id: employment.id } });
    },
  }),
}));
