/**
 * Team work (seed 004, domain.md §8): the weekly team meeting with its fixed agenda pre-filled from
 * the team's data (new in work since the last meeting; job-seeker status with stalled cases first;
 * face-to-face employer contacts last week per specialist; open action points), minutes with a
 * version check, action points with owner and due date that become the owner's tasks, and the
 * minutes distributed to the team. Also the field-mentoring log and the quarterly portfolio review
 * with its stalled list. Only job seekers the team may discuss (TEAM_CASE_DISCUSSION consent) are
 * named anywhere; the method supervisor runs it all, the team's specialists read it.
 */
import { accessibleWhere, activeConsent, canOn } from '@ips/authz';
import { ActionPointStatus, AgendaItemKind, FieldMentoringSetting } from '@ips/db';
import {
  DEFAULT_STALLED_AFTER_WEEKS,
  DEFAULT_TARGETS,
  isStalled,
  norwegianDate,
  osloDay,
  periodContaining,
  prefillAgenda,
  STALLED_BOUNDS,
} from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { calendarDay } from '../input-guard.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { MeetingStatusEnum } from './follow-up.js';
import { JobSeekerNode } from './job-seeker.js';
import { asDate, conflictNow, futureDayIssue, nonEmpty } from './lookups.js';
import { notify } from './notification.js';
import { UserType } from './viewer.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayMs = 86_400_000;

/** The tenant's "stalled after" setting in weeks (settings.stalledAfterWeeks, within bounds). */
export function stalledAfterWeeks(settings: unknown): number {
  const v = (settings as { stalledAfterWeeks?: unknown } | null)?.stalledAfterWeeks;
  return typeof v === 'number' && Number.isInteger(v) && v >= STALLED_BOUNDS.min && v <= STALLED_BOUNDS.max
    ? v
    : DEFAULT_STALLED_AFTER_WEEKS;
}

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

/** The team if the caller may do `action` on its meetings, else NotFound (unknown) / Forbidden. */
async function teamFor(ctx: Context, teamId: string, action: 'create' | 'read' = 'create') {
  const team = await ctx.db.specialistTeam.findFirst({
    where: { id: teamId },
    select: { id: true, organizationId: true, methodSupervisorId: true, name: true },
  });
  if (!team || !canOn(ctx.ability, 'read', 'TeamMeeting', { organizationId: team.organizationId, teamId }))
    throw new NotFoundError('SpecialistTeam');
  if (!canOn(ctx.ability, action, 'TeamMeeting', { organizationId: team.organizationId, teamId }))
    throw new ForbiddenActionError("The team's method supervisor runs the team meeting");
  return team;
}

async function meetingFor(ctx: Context, meetingId: string) {
  const meeting = await ctx.db.teamMeeting.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'TeamMeeting'), { id: meetingId }] },
  });
  if (!meeting) throw new NotFoundError('TeamMeeting');
  if (!canOn(ctx.ability, 'update', 'TeamMeeting', meeting))
    throw new ForbiddenActionError("The team's method supervisor runs the team meeting");
  return meeting;
}

const shortName = (j: { givenName: string; familyName: string }) =>
  `${j.givenName} ${j.familyName.slice(0, 1)}.`;
const fullName = (u: { givenName: string; familyName: string } | undefined) =>
  u ? `${u.givenName} ${u.familyName}` : 'ukjent';

/**
 * The last progress of each job seeker (phase change, employer contact about them, a job or study
 * start), in three grouped queries whatever their number.
 */
async function lastProgress(ctx: Context, jobSeekers: { id: string; phaseChangedAt: Date }[]) {
  const ids = jobSeekers.map((j) => j.id);
  const [contacts, jobs, studies] = await Promise.all([
    ctx.db.employerContact.groupBy({
      by: ['jobSeekerId'],
      where: { jobSeekerId: { in: ids } },
      _max: { contactedAt: true },
    }),
    ctx.db.employment.groupBy({
      by: ['jobSeekerId'],
      where: { jobSeekerId: { in: ids } },
      _max: { startDate: true },
    }),
    ctx.db.study.groupBy({
      by: ['jobSeekerId'],
      where: { jobSeekerId: { in: ids } },
      _max: { startDate: true },
    }),
  ]);
  const latest = new Map(jobSeekers.map((j) => [j.id, osloDay(j.phaseChangedAt)]));
  const bump = (id: string | null, d: Date | null | undefined, asDay: (d: Date) => string) => {
    if (!id || !d) return;
    const day = asDay(d);
    if (day > (latest.get(id) ?? '')) latest.set(id, day);
  };
  for (const c of contacts) bump(c.jobSeekerId, c._max.contactedAt, osloDay);
  for (const e of jobs) bump(e.jobSeekerId, e._max.startDate, iso);
  for (const s of studies) bump(s.jobSeekerId, s._max.startDate, iso);
  return latest;
}

/** The team's active members with the names the caller may see. */
async function membersOf(ctx: Context, teamId: string) {
  const members = await ctx.db.teamMember.findMany({
    where: { teamId, leftOn: null },
    select: { userId: true, role: true },
    orderBy: { joinedOn: 'asc' },
  });
  const users = await ctx.db.user.findMany({
    where: { id: { in: members.map((m) => m.userId) } },
    select: { id: true, givenName: true, familyName: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return members.map((m) => ({ ...m, user: byId.get(m.userId) }));
}

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

builder.mutationFields((t) => ({
  createTeamMeeting: t.prismaField({
    type: TeamMeetingType,
    description: 'Plans the weekly team meeting with its fixed agenda pre-filled from the team’s data.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const team = await teamFor(ctx, String(input.teamId));
      const meetingDay = osloDay(input.scheduledAt);
      const asOf = osloDay(ctx.now);
      const members = await membersOf(ctx, team.id);
      const memberIds = members.map((m) => m.userId);
      const nameOf = new Map(members.map((m) => [m.userId, fullName(m.user)]));
      const [last, openPoints, org, contactTarget] = await Promise.all([
        ctx.db.teamMeeting.findFirst({
          where: { teamId: team.id, scheduledAt: { lt: input.scheduledAt } },
          orderBy: { scheduledAt: 'desc' },
          select: { id: true, scheduledAt: true },
        }),
        ctx.db.actionPoint.findMany({
          where: { teamId: team.id, status: 'OPEN' },
          select: { ownerId: true, description: true, dueOn: true, meetingId: true },
          orderBy: { dueOn: 'asc' },
        }),
        ctx.db.organization.findUniqueOrThrow({
          where: { id: team.organizationId },
          select: { settings: true },
        }),
        ctx.db.target.findFirst({
          where: { teamId: team.id, measure: 'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK' },
          orderBy: { validFrom: 'desc' },
          select: { value: true },
        }),
      ]);
      const since = last
        ? osloDay(last.scheduledAt)
        : iso(new Date(asDate(meetingDay).getTime() - 7 * dayMs));
      // Only the cases the caller may discuss in the team are named.
      const jobSeekers = await ctx.db.jobSeeker.findMany({
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'JobSeeker'),
            // Named in the team only with consent to case discussion in this team — whoever's case it
            // is (a supervisor reads their own portfolio without it) and whatever other team it is in.
            {
              currentSpecialistId: { in: memberIds },
              phase: { not: 'DISCHARGED' },
              teamId: team.id,
              consents: activeConsent('TEAM_CASE_DISCUSSION', ctx.now),
            },
          ],
        },
        select: {
          id: true,
          givenName: true,
          familyName: true,
          phase: true,
          organizationId: true,
          phaseChangedAt: true,
          currentSpecialistId: true,
        },
        orderBy: [{ familyName: 'asc' }, { id: 'asc' }],
      });
      const progress = await lastProgress(ctx, jobSeekers);
      const lastWeek = periodContaining('WEEK', iso(new Date(asDate(meetingDay).getTime() - 7 * dayMs)));
      const [starts, contacts] = await Promise.all([
        ctx.db.employment.findMany({
          where: {
            jobSeekerId: { in: jobSeekers.map((j) => j.id) },
            kind: 'ORDINARY_JOB',
            startDate: { gte: asDate(since), lte: asDate(meetingDay) },
          },
          select: { jobSeekerId: true, jobTitle: true, startDate: true },
        }),
        ctx.db.employerContact.groupBy({
          by: ['specialistId'],
          where: {
            specialistId: { in: memberIds },
            faceToFace: true,
            purpose: { not: 'FOLLOW_UP_IN_EMPLOYMENT' },
            contactedAt: { gte: asDate(lastWeek.from), lt: new Date(asDate(lastWeek.to).getTime() + dayMs) },
          },
          _count: { _all: true },
        }),
      ]);
      const byJs = new Map(jobSeekers.map((j) => [j.id, j]));
      const items = prefillAgenda({
        asOf,
        actionPoints: openPoints.map((a) => ({
          owner: nameOf.get(a.ownerId) ?? 'ukjent',
          description: a.description,
          dueOn: iso(a.dueOn),
          fromLastMeeting: last !== null && a.meetingId === last.id,
        })),
        newInWork: starts.map((s) => {
          const js = byJs.get(s.jobSeekerId);
          return {
            jobSeeker: js ? shortName(js) : 'ukjent',
            specialist: nameOf.get(js?.currentSpecialistId ?? '') ?? 'ukjent',
            jobTitle: s.jobTitle,
            startDate: iso(s.startDate),
          };
        }),
        portfolios: members
          .filter(
            (m) => jobSeekers.some((j) => j.currentSpecialistId === m.userId) || m.role === 'JOB_SPECIALIST',
          )
          .map((m) => ({
            specialist: nameOf.get(m.userId) ?? 'ukjent',
            jobSeekers: jobSeekers
              .filter((j) => j.currentSpecialistId === m.userId)
              .map((j) => ({
                id: j.id,
                name: shortName(j),
                phase: j.phase,
                lastProgress: progress.get(j.id) ?? osloDay(j.phaseChangedAt),
              })),
          })),
        employerContacts: members
          .filter((m) => m.role === 'JOB_SPECIALIST')
          .map((m) => ({
            specialist: nameOf.get(m.userId) ?? 'ukjent',
            faceToFace: contacts.find((c) => c.specialistId === m.userId)?._count._all ?? 0,
          })),
        contactTarget: contactTarget
          ? Number(contactTarget.value)
          : DEFAULT_TARGETS.EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK,
        stalledAfterWeeks: stalledAfterWeeks(org.settings),
      });
      const meeting = await ctx.db.teamMeeting.create({
        data: {
          organizationId: team.organizationId,
          teamId: team.id,
          scheduledAt: input.scheduledAt,
          agendaItems: {
            create: items.map((i) => ({
              kind: i.kind,
              position: i.position,
              title: i.title,
              notes: i.notes,
              jobSeekerId: i.jobSeekerId,
            })),
          },
          attendees: {
            create: members.map((m) => ({ userId: m.userId, present: true })),
          },
        },
        select: { id: true },
      });
      ctx.audit.change(team.organizationId, 'CREATE', 'TeamMeeting.create', 'TeamMeeting', meeting.id);
      // The agenda names cases: each is a read of that job seeker's data.
      for (const item of items)
        if (item.jobSeekerId) {
          const js = byJs.get(item.jobSeekerId);
          ctx.audit.record({
            organizationId: js?.organizationId ?? team.organizationId,
            jobSeekerId: item.jobSeekerId,
            action: 'READ',
            area: 'TeamMeeting.agenda',
            entityType: 'JobSeeker',
            entityId: item.jobSeekerId,
          });
        }
      return ctx.db.teamMeeting.findUniqueOrThrow({ ...nonEmpty(query), where: { id: meeting.id } });
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
      const meeting = await meetingFor(ctx, String(input.meetingId));
      const notes = input.agendaNotes ?? [];
      const itemIds = notes.map((n) => String(n.agendaItemId));
      const known = await ctx.db.teamMeetingAgendaItem.count({
        where: { meetingId: meeting.id, id: { in: itemIds } },
      });
      if (known !== new Set(itemIds).size)
        throw new ValidationError([
          { field: 'agendaNotes', code: 'UNKNOWN', message: 'No such agenda item in this meeting' },
        ]);
      const { count } = await ctx.db.teamMeeting.updateMany({
        where: { id: meeting.id, version: input.version },
        data: { minutes: input.minutes, status: 'HELD', version: { increment: 1 } },
      });
      if (count === 0) throw await conflictNow(ctx.db.teamMeeting, 'TeamMeeting', meeting.id);
      for (const n of notes)
        await ctx.db.teamMeetingAgendaItem.update({
          where: { id: String(n.agendaItemId) },
          data: { notes: n.notes },
        });
      ctx.audit.change(meeting.organizationId, 'UPDATE', 'TeamMeeting.minutes', 'TeamMeeting', meeting.id);
      const absent = (input.absentUserIds ?? []).map(String);
      await ctx.db.teamMeetingAttendee.updateMany({
        where: { meetingId: meeting.id },
        data: { present: true },
      });
      if (absent.length)
        await ctx.db.teamMeetingAttendee.updateMany({
          where: { meetingId: meeting.id, userId: { in: absent } },
          data: { present: false },
        });
      return ctx.db.teamMeeting.findUniqueOrThrow({ ...nonEmpty(query), where: { id: meeting.id } });
    },
  }),

  distributeTeamMeetingMinutes: t.prismaField({
    type: TeamMeetingType,
    description: 'Sends the minutes to the team (inbox and e-mail); a stale version is refused.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: MeetingVersionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const meeting = await meetingFor(ctx, String(input.meetingId));
      if (!meeting.minutes)
        throw new ValidationError([
          { field: 'minutes', code: 'MISSING', message: 'Write the minutes first' },
        ]);
      const { count } = await ctx.db.teamMeeting.updateMany({
        where: { id: meeting.id, version: input.version },
        data: { distributedAt: ctx.now, version: { increment: 1 } },
      });
      if (count === 0) throw await conflictNow(ctx.db.teamMeeting, 'TeamMeeting', meeting.id);
      ctx.audit.change(meeting.organizationId, 'EXPORT', 'TeamMeeting.distribute', 'TeamMeeting', meeting.id);
      for (const m of await membersOf(ctx, meeting.teamId)) {
        if (m.userId === ctx.actor.userId) continue;
        await notify(ctx, {
          organizationId: meeting.organizationId,
          recipientId: m.userId,
          email: m.user?.email ?? null,
          kind: 'MEETING_MINUTES',
          title: `Referat fra teammøtet ${norwegianDate(osloDay(meeting.scheduledAt))}`,
          body: 'Referatet og aksjonspunktene ligger i teammøtet.',
          link: { type: 'TeamMeeting', id: meeting.id },
        });
      }
      return ctx.db.teamMeeting.findUniqueOrThrow({ ...nonEmpty(query), where: { id: meeting.id } });
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
      const meeting = await meetingFor(ctx, String(input.meetingId));
      const ownerId = String(input.ownerId);
      const members = await membersOf(ctx, meeting.teamId);
      const owner = members.find((m) => m.userId === ownerId);
      const issues: FieldIssue[] = [];
      if (!owner)
        issues.push({ field: 'ownerId', code: 'NOT_IN_TEAM', message: 'The owner must be in the team' });
      if (input.dueOn < osloDay(ctx.now))
        issues.push({ field: 'dueOn', code: 'IN_PAST', message: 'The due date has passed' });
      if (issues.length || !owner) throw new ValidationError(issues);
      const dueOn = asDate(input.dueOn);
      const today = asDate(osloDay(ctx.now));
      const warnFrom = new Date(Math.max(today.getTime(), dueOn.getTime() - 2 * dayMs));
      const task = await ctx.db.task.create({
        data: {
          organizationId: meeting.organizationId,
          rule: 'ACTION_POINT',
          assigneeId: ownerId,
          title: input.description,
          dueOn,
          warnFrom,
          sourceType: 'ActionPoint',
        },
        select: { id: true },
      });
      const point = await ctx.db.actionPoint.create({
        data: {
          organizationId: meeting.organizationId,
          teamId: meeting.teamId,
          meetingId: meeting.id,
          ownerId,
          description: input.description,
          dueOn,
          taskId: task.id,
        },
        select: { id: true },
      });
      await ctx.db.task.update({ where: { id: task.id }, data: { sourceId: point.id } });
      ctx.audit.change(meeting.organizationId, 'CREATE', 'ActionPoint.add', 'ActionPoint', point.id);

      await notify(ctx, {
        organizationId: meeting.organizationId,
        recipientId: ownerId,
        email: owner.user?.email ?? null,
        kind: 'ACTION_POINT',
        title: `Nytt aksjonspunkt til deg, frist ${norwegianDate(input.dueOn)}: ${input.description}`,
        body: 'Fra teammøtet.',
        link: { type: 'ActionPoint', id: point.id },
      });
      return ctx.db.actionPoint.findUniqueOrThrow({ ...nonEmpty(query), where: { id: point.id } });
    },
  }),

  completeActionPoint: t.prismaField({
    type: ActionPointType,
    description: 'Marks an action point done (its owner or the supervisor); closes its task.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: {
      input: t.arg({
        type: builder.inputType('CompleteActionPointInput', {
          fields: (f) => ({
            actionPointId: f.id({ required: true, validate: z.uuid() }),
            version: f.int({ required: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const point = await ctx.db.actionPoint.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'ActionPoint'), { id: String(input.actionPointId) }],
        },
      });
      if (!point) throw new NotFoundError('ActionPoint');
      if (!canOn(ctx.ability, 'update', 'ActionPoint', point))
        throw new ForbiddenActionError('Its owner or the supervisor completes an action point');
      if (point.status !== 'OPEN')
        throw new ValidationError([{ field: 'actionPointId', code: 'NOT_OPEN', message: 'Already closed' }]);
      const { count } = await ctx.db.actionPoint.updateMany({
        where: { id: point.id, version: input.version },
        data: { status: 'DONE', completedAt: ctx.now, version: { increment: 1 } },
      });
      if (count === 0) throw await conflictNow(ctx.db.actionPoint, 'ActionPoint', point.id);
      ctx.audit.change(point.organizationId, 'UPDATE', 'ActionPoint.complete', 'ActionPoint', point.id);
      if (point.taskId)
        await ctx.db.task.updateMany({
          where: { id: point.taskId, status: 'OPEN' },
          data: { status: 'DONE', closedAt: ctx.now, closedReason: 'completed', version: { increment: 1 } },
        });
      return ctx.db.actionPoint.findUniqueOrThrow({ ...nonEmpty(query), where: { id: point.id } });
    },
  }),

  logFieldMentoring: t.prismaField({
    type: FieldMentoringType,
    description: 'Field mentoring (feltveiledning): two specialists at a meeting, one observes (logged).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      input: t.arg({
        type: builder.inputType('LogFieldMentoringInput', {
          fields: (f) => ({
            teamId: f.id({ required: true, validate: z.uuid() }),
            observedSpecialistId: f.id({ required: true, validate: z.uuid() }),
            observerId: f.id({ required: true, validate: z.uuid() }),
            occurredOn: f.string({ required: true, validate: calendarDay }),
            setting: f.field({ type: MentoringSettingEnum, required: true }),
            observations: f.string({ required: false, validate: z.string().max(4000) }),
            feedback: f.string({ required: false, validate: z.string().max(4000) }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const team = await ctx.db.specialistTeam.findFirst({
        where: { id: String(input.teamId) },
        select: { id: true, organizationId: true },
      });
      if (
        !team ||
        !canOn(ctx.ability, 'read', 'FieldMentoring', {
          organizationId: team.organizationId,
          teamId: team.id,
        })
      )
        throw new NotFoundError('SpecialistTeam');
      if (
        !canOn(ctx.ability, 'create', 'FieldMentoring', {
          organizationId: team.organizationId,
          teamId: team.id,
        })
      )
        throw new ForbiddenActionError("The team's members log field mentoring");
      const members = new Set((await membersOf(ctx, team.id)).map((m) => m.userId));
      const issues: FieldIssue[] = [];
      for (const field of ['observedSpecialistId', 'observerId'] as const)
        if (!members.has(String(input[field])))
          issues.push({ field, code: 'NOT_IN_TEAM', message: 'Must be a member of the team' });
      if (String(input.observedSpecialistId) === String(input.observerId))
        issues.push({ field: 'observerId', code: 'SAME_PERSON', message: 'Someone else observes' });
      if (input.occurredOn > osloDay(ctx.now))
        issues.push({
          field: 'occurredOn',
          code: 'IN_FUTURE',
          message: 'Log mentoring that has taken place',
        });
      if (issues.length) throw new ValidationError(issues);
      const created = await ctx.db.fieldMentoring.create({
        data: {
          organizationId: team.organizationId,
          teamId: team.id,
          observedSpecialistId: String(input.observedSpecialistId),
          observerId: String(input.observerId),
          occurredOn: asDate(input.occurredOn),
          setting: input.setting,
          observations: input.observations ?? null,
          feedback: input.feedback ?? null,
        },
        select: { id: true },
      });
      ctx.audit.change(team.organizationId, 'CREATE', 'FieldMentoring.log', 'FieldMentoring', created.id);
      return ctx.db.fieldMentoring.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),

  startPortfolioReview: t.prismaField({
    type: PortfolioReviewType,
    description:
      "The quarterly review of a specialist's portfolio: the cases the team may discuss, stalled first.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      input: t.arg({
        type: builder.inputType('StartPortfolioReviewInput', {
          fields: (f) => ({
            teamId: f.id({ required: true, validate: z.uuid() }),
            specialistId: f.id({ required: true, validate: z.uuid() }),
            reviewedOn: f.string({ required: true, validate: calendarDay }),
            meetingId: f.id({ required: false, validate: z.uuid() }),
            notes: f.string({ required: false, validate: z.string().max(4000) }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const team = await teamFor(ctx, String(input.teamId));
      const specialistId = String(input.specialistId);
      if (!(await membersOf(ctx, team.id)).some((m) => m.userId === specialistId))
        throw new ValidationError([
          { field: 'specialistId', code: 'NOT_IN_TEAM', message: 'Not in the team' },
        ]);
      const future = futureDayIssue(
        ctx,
        'reviewedOn',
        input.reviewedOn,
        'Review a portfolio on or after the day',
      );
      if (future) throw new ValidationError([future]);
      if (
        input.meetingId &&
        !(await ctx.db.teamMeeting.findFirst({
          where: { id: String(input.meetingId), teamId: team.id },
          select: { id: true },
        }))
      )
        throw new ValidationError([
          { field: 'meetingId', code: 'UNKNOWN', message: 'No such meeting of the team' },
        ]);
      const org = await ctx.db.organization.findUniqueOrThrow({
        where: { id: team.organizationId },
        select: { settings: true },
      });
      const jobSeekers = await ctx.db.jobSeeker.findMany({
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'JobSeeker'),
            {
              currentSpecialistId: specialistId,
              phase: { not: 'DISCHARGED' },
              teamId: team.id,
              consents: activeConsent('TEAM_CASE_DISCUSSION', ctx.now),
            },
          ],
        },
        select: { id: true, phase: true, phaseChangedAt: true },
      });
      const progress = await lastProgress(ctx, jobSeekers);
      const weeks = stalledAfterWeeks(org.settings);
      const review = await ctx.db.portfolioReview.create({
        data: {
          organizationId: team.organizationId,
          teamId: team.id,
          specialistId,
          meetingId: input.meetingId ? String(input.meetingId) : null,
          reviewedOn: asDate(input.reviewedOn),
          notes: input.notes ?? null,
          items: {
            create: jobSeekers.map((j) => ({
              jobSeekerId: j.id,
              stalled: isStalled(
                { phase: j.phase, lastProgress: progress.get(j.id) ?? osloDay(j.phaseChangedAt) },
                input.reviewedOn,
                weeks,
              ),
            })),
          },
        },
        select: { id: true },
      });
      ctx.audit.change(team.organizationId, 'CREATE', 'PortfolioReview.start', 'PortfolioReview', review.id);
      return ctx.db.portfolioReview.findUniqueOrThrow({ ...nonEmpty(query), where: { id: review.id } });
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
