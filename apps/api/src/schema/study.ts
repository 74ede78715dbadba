/**
 * Studies (seed 000: "deler av dokumentet kan også være relevant … i forhold til studier"): a study
 * start moves the job seeker to STUDYING; its end returns them to job search. A study gets a study
 * support plan shaped like the job support plan (`createSupportPlan` with `studyId`).
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { asDate, futureDayIssue, osloDay, startIssues } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { calendarDay } from '../input-guard.js';
import { readableJobSeeker } from '../services/records.js';
import { updateVersioned } from '../services/versioned.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';

const StudyType = builder.prismaObject('Study', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    institution: t.exposeString('institution'),
    programme: t.exposeString('programme'),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    completed: t.exposeBoolean('completed', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'studies', (t) =>
  t.relation('studies', {
    type: StudyType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'Study'),
      orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    }),
  }),
);

const StartInput = builder.inputType('RecordStudyStartInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    institution: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    programme: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    startDate: t.string({ required: true, validate: calendarDay }),
  }),
});

const EndInput = builder.inputType('EndStudyInput', {
  fields: (t) => ({
    studyId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    endDate: t.string({ required: true, validate: calendarDay }),
    completed: t.boolean({ required: true }),
    reason: t.string({ required: false, validate: z.string().max(2000) }),
  }),
});

builder.mutationFields((t) => ({
  recordStudyStart: t.field({
    type: StudyType,
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: StartInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await readableJobSeeker(ctx, String(input.jobSeekerId));
      if (!canOn(ctx.ability, 'create', 'Study', { organizationId: js.organizationId, jobSeeker: js })) {
        throw new ForbiddenActionError('Only the job seeker’s own specialist records studies');
      }
      const issues = startIssues(js, input.startDate, 'A study start');
      if (issues.length) throw new ValidationError(issues);
      const study = await ctx.db.study.create({
        data: {
          organizationId: js.organizationId,
          jobSeekerId: js.id,
          institution: input.institution,
          programme: input.programme,
          startDate: asDate(input.startDate),
        },
      });
      if (js.phase !== 'STUDYING') {
        await ctx.db.jobSeeker.update({
          where: { id: js.id },
          data: { phase: 'STUDYING', phaseChangedAt: ctx.now, version: { increment: 1 } },
        });
        await ctx.db.jobSeekerPhaseChange.create({
          data: {
            organizationId: js.organizationId,
            jobSeekerId: js.id,
            fromPhase: js.phase,
            toPhase: 'STUDYING',
            changedById: ctx.actor.userId,
          },
        });
      }
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'CREATE',
        area: 'Study.start',
        entityType: 'Study',
        entityId: study.id,
      });
      return study;
    },
  }),
  endStudy: t.field({
    type: StudyType,
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: EndInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const study = await ctx.db.study.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'Study'), { id: String(input.studyId) }] },
        include: { jobSeeker: true },
      });
      if (!study) throw new NotFoundError('Study');
      if (!canOn(ctx.ability, 'update', 'Study', study))
        throw new ForbiddenActionError('Only the job seeker’s own specialist ends a study');
      const issues: FieldIssue[] = [];
      if (study.endDate)
        issues.push({ field: 'studyId', code: 'ALREADY_ENDED', message: 'The study has already ended' });
      const future = futureDayIssue(
        osloDay(ctx.now),
        'endDate',
        input.endDate,
        'Record a study’s end once it has ended',
      );
      if (future) issues.push(future);
      if (asDate(input.endDate) < study.startDate)
        issues.push({
          field: 'endDate',
          code: 'END_BEFORE_START',
          message: 'A study cannot end before it starts',
        });
      if (issues.length) throw new ValidationError(issues);
      await updateVersioned(ctx.db.study, 'Study', study.id, input.version, {
        endDate: asDate(input.endDate),
        completed: input.completed,
        endReason: input.reason ?? null,
      });
      const js = study.jobSeeker;
      const stillStudying = await ctx.db.study.count({
        where: { jobSeekerId: js.id, endDate: null, id: { not: study.id } },
      });
      if (stillStudying === 0 && js.phase === 'STUDYING') {
        await ctx.db.jobSeeker.update({
          where: { id: js.id },
          data: { phase: 'JOB_SEARCH', phaseChangedAt: ctx.now, version: { increment: 1 } },
        });
        await ctx.db.jobSeekerPhaseChange.create({
          data: {
            organizationId: js.organizationId,
            jobSeekerId: js.id,
            fromPhase: 'STUDYING',
            toPhase: 'JOB_SEARCH',
            changedById: ctx.actor.userId,
          },
        });
      }
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'UPDATE',
        area: 'Study.end',
        entityType: 'Study',
        entityId: study.id,
      });
      return ctx.db.study.findUniqueOrThrow({ where: { id: study.id } });
    },
  }),
}));
