/**
 * Team work (seed 004, domain.md §8): the weekly team meeting with its fixed agenda pre-filled from
 * the team's data (new in work since the last meeting; job-seeker status with stalled cases first;
 * face-to-face employer contacts last week per specialist; open action points), minutes with a
 * version check, action points with owner and due date that become the owner's tasks, and the
 * minutes distributed to the team. Also the field-mentoring log and the quarterly portfolio review
 * with its stalled list. Only job seekers the team may discuss (TEAM_CASE_DISCUSSION consent) are
 * named anywhere; the method supervisor runs it all, the team's specialists read it.
 */
import { accessibleWhere } from '@ips/authz';
import { ActionPointStatus, AgendaItemKind, FieldMentoringSetting } from '@ips/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import {
  addActionPoint,
  completeActionPoint,
  distributeMinutes,
  logFieldMentoring,
  planTeamMeeting,
  saveMinutes,
  startPortfolioReview,
} from '../services/team-meeting.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { MeetingStatusEnum } from './follow-up.js';
import { JobSeekerNode } from './job-seeker.js';
import { nonEmpty } from './query-shape.js';
import { UserType } from './viewer.js';

const AgendaKindEnum = builder.enumType(AgendaItemKind, { name: 'AgendaItemKind' });
const ActionPointStatusEnum = builder.enumType(ActionPointStatus, { name: 'ActionPointStatus' });
const MentoringSettingEnum = builder.enumType(FieldMentoringSetting, { name: 'FieldMentoringSetting' });

const AgendaItemType = builder.prismaObject('TeamMeetingAgendaItem', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: AgendaKindEnum }),
    position: t.exposeInt('position'),
    title: t.exposeString('title'),
    notes: t.exposeString('notes', { nullable: true }),
    jobSeeker: t.relation('jobSeeker', {
      type: JobSeekerNode,
      nullable: true,
      description: 'The case discussed, when the caller may read it.',
      query: (_a, ctx) => ({ where: accessibleWhere(ctx.ability, 'read', 'JobSeeker') }),
    }),
  }),
});

const AttendeeType = builder.prismaObject('TeamMeetingAttendee', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    user: t.relation('user', { type: UserType }),
    present: t.exposeBoolean('present'),
  }),
});

export const ActionPointType = builder.prismaObject('ActionPoint', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    description: t.exposeString('description'),
    dueOn: t.expose('dueOn', { type: 'Date' }),
    status: t.expose('status', { type: ActionPointStatusEnum }),
    owner: t.relation('owner', { type: UserType }),
    meetingId: t.exposeID('meetingId', { nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

const TeamMeetingType = builder.prismaObject('TeamMeeting', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    teamId: t.exposeID('teamId'),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime' }),
    status: t.expose('status', { type: MeetingStatusEnum }),
    minutes: t.exposeString('minutes', { nullable: true }),
    distributedAt: t.expose('distributedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    agenda: t.relation('agendaItems', { type: AgendaItemType, query: { orderBy: { position: 'asc' } } }),
    attendees: t.relation('attendees', { type: AttendeeType }),
    actionPoints: t.relation('actionPoints', { type: ActionPointType, query: { orderBy: { dueOn: 'asc' } } }),
  }),
});

const FieldMentoringType = builder.prismaObject('FieldMentoring', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    observedSpecialist: t.relation('observedSpecialist', { type: UserType }),
    observer: t.relation('observer', { type: UserType }),
    occurredOn: t.expose('occurredOn', { type: 'Date' }),
    setting: t.expose('setting', { type: MentoringSettingEnum }),
    observations: t.exposeString('observations', { nullable: true }),
    feedback: t.exposeString('feedback', { nullable: true }),
  }),
});

const ReviewItemType = builder.prismaObject('PortfolioReviewItem', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    stalled: t.exposeBoolean('stalled'),
    note: t.exposeString('note', { nullable: true }),
    // Every field of the node is guarded: a case the reader may no longer see reads as nulls.
    jobSeeker: t.relation('jobSeeker', { type: JobSeekerNode }),
  }),
});

const PortfolioReviewType = builder.prismaObject('PortfolioReview', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    specialist: t.relation('specialist', { type: UserType }),
    reviewedOn: t.expose('reviewedOn', { type: 'Date' }),
    notes: t.exposeString('notes', { nullable: true }),
    items: t.relation('items', {
      type: ReviewItemType,
      description: 'Stalled first.',
      query: { orderBy: [{ stalled: 'desc' }, { id: 'asc' }] },
    }),
  }),
});

const CreateInput = builder.inputType('CreateTeamMeetingInput', {
  fields: (t) => ({
    teamId: t.id({ required: true, validate: z.uuid() }),
    scheduledAt: t.field({ type: 'DateTime', required: true }),
  }),
});

const MinutesInput = builder.inputType('SaveTeamMeetingMinutesInput', {
  fields: (t) => ({
    meetingId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    minutes: t.string({ required: true, validate: z.string().trim().min(1).max(20_000) }),
    agendaNotes: t.field({
      type: [
        builder.inputType('AgendaNoteInput', {
          fields: (f) => ({
            agendaItemId: f.id({ required: true, validate: z.uuid() }),
            notes: f.string({ required: true, validate: z.string().max(4000) }),
          }),
        }),
      ],
      required: false,
    }),
    absentUserIds: t.idList({ required: false }),
  }),
});

const ActionPointInput = builder.inputType('AddActionPointInput', {
  fields: (t) => ({
    meetingId: t.id({ required: true, validate: z.uuid() }),
    ownerId: t.id({ required: true, validate: z.uuid() }),
    description: t.string({ required: true, validate: z.string().trim().min(3).max(1000) }),
    dueOn: t.string({ required: true, validate: calendarDay }),
  }),
});

const MeetingVersionInput = builder.inputType('TeamMeetingVersionInput', {
  fields: (t) => ({
    meetingId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
  }),
});

/** Loads what the client selected of a record a service has just written. */
const reload = {
  meeting: (ctx: Context, query: object, id: string) =>
    ctx.db.teamMeeting.findUniqueOrThrow({ ...nonEmpty(query), where: { id } }),
  actionPoint: (ctx: Context, query: object, id: string) =>
    ctx.db.actionPoint.findUniqueOrThrow({ ...nonEmpty(query), where: { id } }),
};

const CompleteActionPointInput = builder.inputType('CompleteActionPointInput', {
  fields: (f) => ({
    actionPointId: f.id({ required: true, validate: z.uuid() }),
    version: f.int({ required: true }),
  }),
});

const LogFieldMentoringInput = builder.inputType('LogFieldMentoringInput', {
  fields: (f) => ({
    teamId: f.id({ required: true, validate: z.uuid() }),
    observedSpecialistId: f.id({ required: true, validate: z.uuid() }),
    observerId: f.id({ required: true, validate: z.uuid() }),
    occurredOn: f.string({ required: true, validate: calendarDay }),
    setting: f.field({ type: MentoringSettingEnum, required: true }),
    observations: f.string({ required: false, validate: z.string().max(4000) }),
    feedback: f.string({ required: false, validate: z.string().max(4000) }),
  }),
});

const StartPortfolioReviewInput = builder.inputType('StartPortfolioReviewInput', {
  fields: (f) => ({
    teamId: f.id({ required: true, validate: z.uuid() }),
    specialistId: f.id({ required: true, validate: z.uuid() }),
    reviewedOn: f.string({ required: true, validate: calendarDay }),
    meetingId: f.id({ required: false, validate: z.uuid() }),
    notes: f.string({ required: false, validate: z.string().max(4000) }),
  }),
});

// Each resolver: arguments → service (`services/team-meeting.ts`) → what the client selected.
builder.mutationFields((t) => ({
  createTeamMeeting: t.prismaField({
    type: TeamMeetingType,
    description: 'Plans the weekly team meeting with its fixed agenda pre-filled from the team’s data.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await planTeamMeeting(ctx, { teamId: String(input.teamId), scheduledAt: input.scheduledAt });
      return reload.meeting(ctx, query, id);
    },
  }),

  saveTeamMeetingMinutes: t.prismaField({
    type: TeamMeetingType,
    description:
      'Writes the minutes (and notes per agenda item, who was absent); a stale version is refused.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: MinutesInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await saveMinutes(ctx, {
        meetingId: String(input.meetingId),
        version: input.version,
        minutes: input.minutes,
        agendaNotes: (input.agendaNotes ?? []).map((n) => ({
          agendaItemId: String(n.agendaItemId),
          notes: n.notes,
        })),
        absentUserIds: (input.absentUserIds ?? []).map(String),
      });
      return reload.meeting(ctx, query, id);
    },
  }),

  distributeTeamMeetingMinutes: t.prismaField({
    type: TeamMeetingType,
    description: 'Sends the minutes to the team (inbox and e-mail); a stale version is refused.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: MeetingVersionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await distributeMinutes(ctx, { meetingId: String(input.meetingId), version: input.version });
      return reload.meeting(ctx, query, id);
    },
  }),

  addActionPoint: t.prismaField({
    type: ActionPointType,
    description:
      "An action point with owner and due date: it becomes the owner's task and is announced to them.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: ActionPointInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await addActionPoint(ctx, {
        meetingId: String(input.meetingId),
        ownerId: String(input.ownerId),
        description: input.description,
        dueOn: input.dueOn,
      });
      return reload.actionPoint(ctx, query, id);
    },
  }),

  completeActionPoint: t.prismaField({
    type: ActionPointType,
    description: 'Marks an action point done (its owner or the supervisor); closes its task.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: CompleteActionPointInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await completeActionPoint(ctx, {
        actionPointId: String(input.actionPointId),
        version: input.version,
      });
      return reload.actionPoint(ctx, query, id);
    },
  }),

  logFieldMentoring: t.prismaField({
    type: FieldMentoringType,
    description: 'Field mentoring (feltveiledning): two specialists at a meeting, one observes (logged).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: LogFieldMentoringInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await logFieldMentoring(ctx, {
        teamId: String(input.teamId),
        observedSpecialistId: String(input.observedSpecialistId),
        observerId: String(input.observerId),
        occurredOn: input.occurredOn,
        setting: input.setting,
        observations: input.observations ?? null,
        feedback: input.feedback ?? null,
      });
      return ctx.db.fieldMentoring.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),

  startPortfolioReview: t.prismaField({
    type: PortfolioReviewType,
    description:
      "The quarterly review of a specialist's portfolio: the cases the team may discuss, stalled first.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: StartPortfolioReviewInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await startPortfolioReview(ctx, {
        teamId: String(input.teamId),
        specialistId: String(input.specialistId),
        reviewedOn: input.reviewedOn,
        meetingId: input.meetingId ? String(input.meetingId) : null,
        notes: input.notes ?? null,
      });
      return ctx.db.portfolioReview.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
}));

builder.queryFields((t) => ({
  teamMeetings: t.prismaField({
    type: [TeamMeetingType],
    description: "The team's meetings, newest first (at most 52).",
    authScopes: { signedIn: true },
    args: { teamId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.teamMeeting.findMany({
        ...query,
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'TeamMeeting'), { teamId: String(args.teamId) }],
        },
        orderBy: [{ scheduledAt: 'desc' }, { id: 'desc' }],
        take: 52,
      }),
  }),
  openActionPoints: t.prismaField({
    type: [ActionPointType],
    description: "The team's open action points, earliest due first.",
    authScopes: { signedIn: true },
    args: { teamId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.actionPoint.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'ActionPoint'),
            { teamId: String(args.teamId), status: 'OPEN' },
          ],
        },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        take: 200,
      }),
  }),
  fieldMentorings: t.prismaField({
    type: [FieldMentoringType],
    description: "The team's field-mentoring log, newest first.",
    authScopes: { signedIn: true },
    args: { teamId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.fieldMentoring.findMany({
        ...query,
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'FieldMentoring'), { teamId: String(args.teamId) }],
        },
        orderBy: [{ occurredOn: 'desc' }, { id: 'desc' }],
        take: 200,
      }),
  }),
  portfolioReviews: t.prismaField({
    type: [PortfolioReviewType],
    description: "Portfolio reviews of the team (the supervisor) or one's own (a specialist), newest first.",
    authScopes: { signedIn: true },
    args: { teamId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.portfolioReview.findMany({
        ...query,
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'PortfolioReview'), { teamId: String(args.teamId) }],
        },
        orderBy: [{ reviewedOn: 'desc' }, { id: 'desc' }],
        take: 100,
      }),
  }),
}));
