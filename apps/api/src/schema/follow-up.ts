/**
 * Follow-up meetings and contacts (seed 000 §7–§8): with whom, face to face or not, in the
 * community or the office, how long — the raw data of the measures (time in the community,
 * follow-along). A face-to-face meeting fulfils the follow-up, job-end and after-transfer deadlines.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { MeetingLocation, MeetingParticipant, MeetingPurpose } from '@ips/db';
import { osloDay, tasksForEvent } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { applyTaskChanges } from './case-path.js';
import { type FieldIssue, ForbiddenActionError, NotFoundError, ValidationError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';

const ParticipantEnum = builder.enumType(MeetingParticipant, { name: 'MeetingParticipant' });
const LocationEnum = builder.enumType(MeetingLocation, { name: 'MeetingLocation' });
const PurposeEnum = builder.enumType(MeetingPurpose, { name: 'MeetingPurpose' });

const FollowUpMeetingType = builder.prismaObject('FollowUpMeeting', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime' }),
    purpose: t.expose('purpose', { type: PurposeEnum }),
    participants: t.expose('participants', { type: [ParticipantEnum] }),
    faceToFace: t.exposeBoolean('faceToFace'),
    location: t.expose('location', { type: LocationEnum }),
    durationMinutes: t.exposeInt('durationMinutes'),
    summary: t.exposeString('summary', {
      nullable: true,
      description: 'The case note: only for the job seeker’s own specialist.',
    }),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'followUpMeetings', (t) =>
  t.relation('followUpMeetings', {
    type: FollowUpMeetingType,
    description: 'Follow-up meetings held with or about the job seeker, newest first (at most 100).',
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'FollowUpMeeting'),
      orderBy: [{ scheduledAt: 'desc' }, { id: 'desc' }],
      take: 100,
    }),
  }),
);

const RecordMeetingInput = builder.inputType('RecordFollowUpMeetingInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    employmentId: t.id({ required: false, validate: z.uuid() }),
    purpose: t.field({ type: PurposeEnum, required: true }),
    heldAt: t.field({ type: 'DateTime', required: true }),
    participants: t.field({ type: [ParticipantEnum], required: true }),
    faceToFace: t.boolean({ required: true }),
    location: t.field({ type: LocationEnum, required: true }),
    durationMinutes: t.int({ required: true, validate: z.number().int().min(1).max(600) }),
    summary: t.string({ required: false, validate: z.string().max(8000) }),
  }),
});

builder.mutationField('recordFollowUpMeeting', (t) =>
  t.field({
    type: FollowUpMeetingType,
    description: 'A meeting or contact held with or about the job seeker.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RecordMeetingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await ctx.db.jobSeeker.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: String(input.jobSeekerId) }],
        },
        select: { id: true, organizationId: true, currentSpecialistId: true, referralDate: true },
      });
      if (!js) throw new NotFoundError('JobSeeker');
      if (!canOn(ctx.ability, 'update', 'JobSeeker', js, 'phase')) {
        throw new ForbiddenActionError('Only the job seeker’s own specialist records follow-up');
      }
      const issues: FieldIssue[] = [];
      if (input.heldAt.getTime() > ctx.now.getTime() + 3_600_000) {
        issues.push({
          field: 'heldAt',
          code: 'IN_FUTURE',
          message: 'A meeting is recorded after it was held',
        });
      }
      if (!input.participants.includes('JOB_SEEKER') && input.purpose !== 'EMPLOYER_MEETING_BEFORE_START') {
        issues.push({
          field: 'participants',
          code: 'WITHOUT_JOB_SEEKER',
          message: 'Follow-up is with the job seeker',
        });
      }
      if (input.faceToFace && input.location === 'REMOTE') {
        issues.push({
          field: 'location',
          code: 'CONTRADICTION',
          message: 'A face-to-face meeting is not remote',
        });
      }
      if (
        input.employmentId &&
        !(await ctx.db.employment.findFirst({
          where: { id: String(input.employmentId), jobSeekerId: js.id },
          select: { id: true },
        }))
      ) {
        issues.push({ field: 'employmentId', code: 'UNKNOWN', message: 'No such job of this job seeker' });
      }
      if (issues.length) throw new ValidationError(issues);
      const meeting = await ctx.db.followUpMeeting.create({
        data: {
          organizationId: js.organizationId,
          jobSeekerId: js.id,
          specialistId: ctx.actor.userId,
          employmentId: input.employmentId ? String(input.employmentId) : null,
          purpose: input.purpose,
          status: 'HELD',
          scheduledAt: input.heldAt,
          participants: input.participants,
          faceToFace: input.faceToFace,
          location: input.location,
          durationMinutes: input.durationMinutes,
          summary: input.summary ?? null,
        },
      });
      const purpose =
        input.purpose === 'EMPLOYER_MEETING_BEFORE_START' ||
        input.purpose === 'FOLLOW_ALONG' ||
        input.purpose === 'JOB_END_FOLLOW_UP'
          ? input.purpose
          : 'OTHER';
      await applyTaskChanges(
        ctx,
        js,
        tasksForEvent({
          kind: 'FOLLOW_UP_MEETING',
          day: osloDay(input.heldAt),
          faceToFace: input.faceToFace,
          purpose,
          ...(input.employmentId ? { employmentId: String(input.employmentId) } : {}),
        }),
      );
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'CREATE',
        area: 'FollowUpMeeting.record',
        entityType: 'FollowUpMeeting',
        entityId: meeting.id,
      });
      return meeting;
    },
  }),
);

builder.queryField('myMeetingsToday', (t) =>
  t.int({
    description:
      'How many follow-up meetings I have today (Europe/Oslo): those planned in the current support plans of the job seekers I follow, and those I booked as planned.',
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      const today = osloDay(ctx.now);
      // Row-level security applies; the current specialist is the caller.
      const [row] = await ctx.db.$queryRaw<{ n: number }[]>`
        SELECT (
          (SELECT count(*) FROM support_plan_meeting m
             JOIN support_plan_revision r ON r."organizationId" = m."organizationId" AND r.id = m."revisionId"
             JOIN support_plan p ON p."organizationId" = r."organizationId" AND p.id = r."supportPlanId"
                                AND r.revision = p."currentRevision" AND p.status <> 'CLOSED'
             JOIN job_seeker j ON j."organizationId" = p."organizationId" AND j.id = p."jobSeekerId"
           WHERE j."currentSpecialistId" = ${ctx.actor.userId}::uuid AND m."plannedOn" = ${today}::date)
          + (SELECT count(*) FROM follow_up_meeting f
             WHERE f."specialistId" = ${ctx.actor.userId}::uuid AND f.status = 'PLANNED'
               AND (f."scheduledAt" AT TIME ZONE 'Europe/Oslo')::date = ${today}::date)
        )::int AS n`;
      return row?.n ?? 0;
    },
  }),
);
