/**
 * Follow-up meetings and contacts (seed 000 §7–§8): with whom, face to face or not, in the
 * community or the office, how long — the raw data of the measures (time in the community,
 * follow-along). A face-to-face meeting fulfils the follow-up, employer-meeting and after-transfer
 * deadlines; the contact after a job ends is fulfilled by any recorded kind — face to face, phone or
 * video (`contactKind`, seed 000 §8, issue 17 item 4).
 *
 * Planning ahead (ADR 0016): `planFollowUpMeeting` books a meeting (status PLANNED) from today on;
 * `recordFollowUpMeeting` with `plannedMeetingId` records that booking as held (only then does it
 * count for duties and measures); `cancelFollowUpMeeting` cancels a booking.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import {
  ContactKind,
  MeetingLocation,
  MeetingParticipant,
  MeetingPurpose,
  MeetingStatus,
  type Prisma,
} from '@ips/db';
import { osloDay, tasksForEvent } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { applyTaskChanges } from '../services/duties.js';
import { assertInvolvementConsents } from './consent-gates.js';
import { assertMayNameToEmployer } from './employer.js';
import {
  ConsentRequiredError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';

/**
 * A meeting with the employer names the job seeker to them: the employer takes part, or it is the
 * meeting before the job starts (seed 000 §4.1). It needs the employer-contact consent (§3).
 */
const meetsEmployer = (input: { participants: readonly string[]; purpose: string }) =>
  input.participants.includes('EMPLOYER') || input.purpose === 'EMPLOYER_MEETING_BEFORE_START';

const ParticipantEnum = builder.enumType(MeetingParticipant, { name: 'MeetingParticipant' });
const LocationEnum = builder.enumType(MeetingLocation, { name: 'MeetingLocation' });
const ContactKindEnum = builder.enumType(ContactKind, {
  name: 'ContactKind',
  description: 'How a contact with the job seeker was held.',
});
const PurposeEnum = builder.enumType(MeetingPurpose, { name: 'MeetingPurpose' });
/** Shared with team meetings (one Prisma enum). */
export const MeetingStatusEnum = builder.enumType(MeetingStatus, { name: 'MeetingStatus' });

const FollowUpMeetingType = builder.prismaObject('FollowUpMeeting', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    scheduledAt: t.expose('scheduledAt', {
      type: 'DateTime',
      description: 'When it was held, or, while PLANNED, when it is booked for.',
    }),
    status: t.expose('status', { type: MeetingStatusEnum }),
    purpose: t.expose('purpose', { type: PurposeEnum }),
    participants: t.expose('participants', { type: [ParticipantEnum] }),
    faceToFace: t.exposeBoolean('faceToFace'),
    contactKind: t.expose('contactKind', {
      type: ContactKindEnum,
      nullable: true,
      description: 'Face to face, phone or video (null: recorded without the kind).',
    }),
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

/** Records a booking that is still PLANNED as held (two tabs recording it: the second is refused). */
async function completePlanned(
  ctx: Context,
  id: string,
  data: Omit<Prisma.FollowUpMeetingUncheckedCreateInput, 'organizationId' | 'jobSeekerId' | 'specialistId'>,
) {
  const { count } = await ctx.db.followUpMeeting.updateMany({
    where: { id, status: 'PLANNED' },
    data: { ...data, specialistId: ctx.actor.userId },
  });
  if (count !== 1) {
    throw new ValidationError([
      { field: 'plannedMeetingId', code: 'NOT_OPEN', message: 'The meeting is no longer planned' },
    ]);
  }
  return ctx.db.followUpMeeting.findUniqueOrThrow({ where: { id } });
}

const RecordMeetingInput = builder.inputType('RecordFollowUpMeetingInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    plannedMeetingId: t.id({
      required: false,
      validate: z.uuid(),
      description: 'A meeting booked with planFollowUpMeeting that was held: it is recorded as held.',
    }),
    employmentId: t.id({ required: false, validate: z.uuid() }),
    purpose: t.field({ type: PurposeEnum, required: true }),
    heldAt: t.field({ type: 'DateTime', required: true }),
    participants: t.field({ type: [ParticipantEnum], required: true }),
    faceToFace: t.boolean({ required: true }),
    contactKind: t.field({
      type: ContactKindEnum,
      required: false,
      description:
        'Face to face, phone or video; must agree with faceToFace. Without it a face-to-face meeting is recorded as FACE_TO_FACE and any other kind stays unknown. A contact after a job ends counts by any recorded kind (seed 000 §8).',
    }),
    location: t.field({ type: LocationEnum, required: true }),
    durationMinutes: t.int({ required: true, validate: z.number().int().min(1).max(600) }),
    summary: t.string({ required: false, validate: z.string().max(8000) }),
  }),
});

builder.mutationField('recordFollowUpMeeting', (t) =>
  t.field({
    type: FollowUpMeetingType,
    description:
      'A meeting or contact held with or about the job seeker. A meeting with the employer needs the employer-contact consent (ConsentRequiredError).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
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
      if (meetsEmployer(input)) await assertMayNameToEmployer(ctx, js);
      await assertInvolvementConsents(ctx, js.id, input.participants);
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
      if (input.contactKind && (input.contactKind === 'FACE_TO_FACE') !== input.faceToFace) {
        issues.push({
          field: 'contactKind',
          code: 'CONTRADICTION',
          message: 'The kind of contact contradicts faceToFace',
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
      const planned = input.plannedMeetingId
        ? await ctx.db.followUpMeeting.findFirst({
            where: {
              AND: [
                accessibleWhere(ctx.ability, 'read', 'FollowUpMeeting'),
                { id: String(input.plannedMeetingId), jobSeekerId: js.id },
              ],
            },
            select: { id: true, status: true },
          })
        : null;
      if (input.plannedMeetingId && !planned) {
        issues.push({ field: 'plannedMeetingId', code: 'UNKNOWN', message: 'No such planned meeting' });
      } else if (planned && planned.status !== 'PLANNED') {
        issues.push({
          field: 'plannedMeetingId',
          code: 'NOT_OPEN',
          message: 'The meeting is no longer planned',
        });
      }
      if (issues.length) throw new ValidationError(issues);
      const data = {
        employmentId: input.employmentId ? String(input.employmentId) : null,
        purpose: input.purpose,
        status: 'HELD' as const,
        scheduledAt: input.heldAt,
        participants: input.participants,
        faceToFace: input.faceToFace,
        contactKind: input.contactKind ?? (input.faceToFace ? ('FACE_TO_FACE' as const) : null),
        location: input.location,
        durationMinutes: input.durationMinutes,
        summary: input.summary ?? null,
      };
      const meeting = planned
        ? await completePlanned(ctx, planned.id, data)
        : await ctx.db.followUpMeeting.create({
            data: {
              ...data,
              organizationId: js.organizationId,
              jobSeekerId: js.id,
              specialistId: ctx.actor.userId,
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
          contactKind: data.contactKind,
          purpose,
          ...(input.employmentId ? { employmentId: String(input.employmentId) } : {}),
        }),
      );
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: planned ? 'UPDATE' : 'CREATE',
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

const PlanMeetingInput = builder.inputType('PlanFollowUpMeetingInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    employmentId: t.id({ required: false, validate: z.uuid() }),
    purpose: t.field({ type: PurposeEnum, required: true }),
    plannedAt: t.field({ type: 'DateTime', required: true }),
    participants: t.field({ type: [ParticipantEnum], required: true }),
    faceToFace: t.boolean({ required: true }),
    location: t.field({ type: LocationEnum, required: true }),
    durationMinutes: t.int({ required: true, validate: z.number().int().min(1).max(600) }),
  }),
});

/** The job seeker of a planning mutation: readable (else not found) and followed by the caller. */
async function followedJobSeeker(ctx: Context, id: string) {
  const js = await ctx.db.jobSeeker.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id }] },
    select: { id: true, organizationId: true, currentSpecialistId: true, phase: true },
  });
  if (!js) throw new NotFoundError('JobSeeker');
  if (!canOn(ctx.ability, 'update', 'JobSeeker', js, 'phase')) {
    throw new ForbiddenActionError('Only the job seeker’s own specialist plans follow-up');
  }
  return js;
}

builder.mutationField('planFollowUpMeeting', (t) =>
  t.field({
    type: FollowUpMeetingType,
    description:
      'Books a follow-up meeting ahead (status PLANNED, from today on). It counts for no duty or measure until it is recorded as held. A meeting with the employer needs the employer-contact consent (ConsentRequiredError).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
    args: { input: t.arg({ type: PlanMeetingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await followedJobSeeker(ctx, String(input.jobSeekerId));
      if (meetsEmployer(input)) await assertMayNameToEmployer(ctx, js);
      await assertInvolvementConsents(ctx, js.id, input.participants);
      const issues: FieldIssue[] = [];
      if (js.phase === 'DISCHARGED') {
        issues.push({ field: 'jobSeekerId', code: 'DISCHARGED', message: 'The job seeker is discharged' });
      }
      if (osloDay(input.plannedAt) < osloDay(ctx.now)) {
        issues.push({ field: 'plannedAt', code: 'IN_PAST', message: 'A meeting is booked from today on' });
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
          status: 'PLANNED',
          scheduledAt: input.plannedAt,
          participants: input.participants,
          faceToFace: input.faceToFace,
          location: input.location,
          durationMinutes: input.durationMinutes,
        },
      });
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'CREATE',
        area: 'FollowUpMeeting.plan',
        entityType: 'FollowUpMeeting',
        entityId: meeting.id,
      });
      return meeting;
    },
  }),
);

const CancelMeetingInput = builder.inputType('CancelFollowUpMeetingInput', {
  fields: (t) => ({ meetingId: t.id({ required: true, validate: z.uuid() }) }),
});

builder.mutationField('cancelFollowUpMeeting', (t) =>
  t.field({
    type: FollowUpMeetingType,
    description: 'Cancels a booked (PLANNED) follow-up meeting; a held one stays as recorded.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: CancelMeetingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const found = await ctx.db.followUpMeeting.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'FollowUpMeeting'), { id: String(input.meetingId) }],
        },
        select: { id: true, jobSeekerId: true },
      });
      if (!found) throw new NotFoundError('FollowUpMeeting');
      const js = await followedJobSeeker(ctx, found.jobSeekerId);
      const { count } = await ctx.db.followUpMeeting.updateMany({
        where: { id: found.id, status: 'PLANNED' },
        data: { status: 'CANCELLED' },
      });
      if (count !== 1) {
        throw new ValidationError([
          { field: 'meetingId', code: 'NOT_OPEN', message: 'Only a planned meeting is cancelled' },
        ]);
      }
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'UPDATE',
        area: 'FollowUpMeeting.cancel',
        entityType: 'FollowUpMeeting',
        entityId: found.id,
      });
      return ctx.db.followUpMeeting.findUniqueOrThrow({ where: { id: found.id } });
    },
  }),
);

builder.prismaObjectField(FollowUpMeetingType, 'jobSeeker', (t) =>
  t.relation('jobSeeker', { type: JobSeekerNode, authScopes: { signedIn: true } }),
);

builder.queryField('myPlannedMeetings', (t) =>
  t.prismaField({
    type: [FollowUpMeetingType],
    description:
      'The follow-up meetings I booked that are still planned (a past one waits to be recorded as held or cancelled), the earliest first.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.followUpMeeting.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'FollowUpMeeting'),
            { specialistId: ctx.actor.userId, status: 'PLANNED' },
          ],
        },
        orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
        take: 200,
      }),
  }),
);
