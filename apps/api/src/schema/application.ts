/**
 * Job applications per job seeker (IPS principle 6–7): advertised jobs and jobs found through job
 * development, with their status. Recorded and followed by the job seeker's own specialist.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { ApplicationSource, ApplicationStatus } from '@ips/db';
import { futureDayIssue, osloDay } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { calendarDay } from '../input-guard.js';
import { readableJobSeeker, unknownEmployerIssue } from '../services/records.js';
import { updateVersioned } from '../services/versioned.js';
import { EmployerType } from './employer.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';

const SourceEnum = builder.enumType(ApplicationSource, { name: 'ApplicationSource' });
const StatusEnum = builder.enumType(ApplicationStatus, { name: 'ApplicationStatus' });

const ApplicationType = builder.prismaObject('JobApplication', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeString('position'),
    source: t.expose('source', { type: SourceEnum }),
    status: t.expose('status', { type: StatusEnum }),
    appliedOn: t.expose('appliedOn', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    employer: t.relation('employer', { type: EmployerType, nullable: true }),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'applications', (t) =>
  t.relation('applications', {
    type: ApplicationType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'JobApplication'),
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  }),
);

const RecordInput = builder.inputType('RecordApplicationInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    employerId: t.id({ required: false, validate: z.uuid() }),
    position: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    source: t.field({ type: SourceEnum, required: true }),
    status: t.field({ type: StatusEnum, required: true }),
    appliedOn: t.string({ required: false, validate: calendarDay }),
  }),
});

const StatusInput = builder.inputType('UpdateApplicationStatusInput', {
  fields: (t) => ({
    id: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    status: t.field({ type: StatusEnum, required: true }),
  }),
});

builder.mutationFields((t) => ({
  recordApplication: t.field({
    type: ApplicationType,
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await readableJobSeeker(ctx, String(input.jobSeekerId));
      if (
        !canOn(ctx.ability, 'create', 'JobApplication', { organizationId: js.organizationId, jobSeeker: js })
      ) {
        throw new ForbiddenActionError('Only the job seeker’s own specialist records applications');
      }
      const issues: FieldIssue[] = [];
      const future = futureDayIssue(
        osloDay(ctx.now),
        'appliedOn',
        input.appliedOn,
        'An application is recorded when it is sent',
      );
      if (future) issues.push(future);
      const employerIssue = await unknownEmployerIssue(
        ctx,
        js.organizationId,
        input.employerId ? String(input.employerId) : null,
      );
      if (employerIssue) issues.push(employerIssue);
      if (issues.length) throw new ValidationError(issues);
      const application = await ctx.db.jobApplication.create({
        data: {
          organizationId: js.organizationId,
          jobSeekerId: js.id,
          employerId: input.employerId ? String(input.employerId) : null,
          position: input.position,
          source: input.source,
          status: input.status,
          appliedOn: input.appliedOn ? new Date(`${input.appliedOn}T00:00:00Z`) : null,
        },
      });
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'CREATE',
        area: 'JobApplication.record',
        entityType: 'JobApplication',
        entityId: application.id,
      });
      return application;
    },
  }),
  updateApplicationStatus: t.field({
    type: ApplicationType,
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: StatusInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const application = await ctx.db.jobApplication.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobApplication'), { id: String(input.id) }] },
        include: { jobSeeker: true },
      });
      if (!application) throw new NotFoundError('JobApplication');
      if (!canOn(ctx.ability, 'update', 'JobApplication', application))
        throw new ForbiddenActionError('Not your job seeker’s application');
      await updateVersioned(ctx.db.jobApplication, 'JobApplication', application.id, input.version, {
        status: input.status,
      });
      ctx.audit.record({
        organizationId: application.organizationId,
        jobSeekerId: application.jobSeekerId,
        action: 'UPDATE',
        area: 'JobApplication.status',
        entityType: 'JobApplication',
        entityId: application.id,
      });
      return ctx.db.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    },
  }),
}));
