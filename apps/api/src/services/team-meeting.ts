/**
 * Team work (seed 004, docs/domain.md §8), the flow behind the team-meeting mutations: the weekly
 * meeting with its fixed agenda pre-filled from the team's data, minutes with a version check and
 * their distribution, action points that become their owner's duties, the field-mentoring log and
 * the quarterly portfolio review with its stalled list. Only job seekers the team may discuss
 * (TEAM_CASE_DISCUSSION consent, seed 001 §3) are named anywhere; naming one is a read of their
 * data in the access log. The method supervisor runs it all; the team's specialists read it and
 * close their own action points. The GraphQL layer (`schema/team-meeting.ts`) only maps arguments
 * to these functions and loads what the client selected.
 */
import { accessibleWhere, activeConsent, canOn } from '@ips/authz';
import type { FieldMentoringSetting } from '@ips/db';
import {
  asDate,
  DEFAULT_TARGETS,
  futureDayIssue,
  isStalled,
  norwegianDate,
  osloDay,
  periodContaining,
  prefillAgenda,
  staffingSettingsOf,
} from '@ips/domain';
import type { Context } from '../context.js';
import { type FieldIssue, ForbiddenActionError, NotFoundError, ValidationError } from '../schema/errors.js';
import { notify } from '../schema/notification.js';
import { updateVersioned } from './versioned.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayMs = 86_400_000;
const RUNS_THE_MEETING = "The team's method supervisor runs the team meeting";

/** The tenant's "stalled after" setting in weeks (`staffingSettingsOf`, within its bounds). */
export const stalledAfterWeeks = (settings: unknown): number =>
  staffingSettingsOf(settings).stalledAfterWeeks;

/** The team if the caller may do `action` on its meetings, else NotFound (unknown) / Forbidden. */
async function teamFor(ctx: Context, teamId: string, action: 'create' | 'read' = 'create') {
  const team = await ctx.db.specialistTeam.findFirst({
    where: { id: teamId },
    select: { id: true, organizationId: true, methodSupervisorId: true, name: true },
  });
  if (!team || !canOn(ctx.ability, 'read', 'TeamMeeting', { organizationId: team.organizationId, teamId }))
    throw new NotFoundError('SpecialistTeam');
  if (!canOn(ctx.ability, action, 'TeamMeeting', { organizationId: team.organizationId, teamId }))
    throw new ForbiddenActionError(RUNS_THE_MEETING);
  return team;
}

async function meetingFor(ctx: Context, meetingId: string) {
  const meeting = await ctx.db.teamMeeting.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'TeamMeeting'), { id: meetingId }] },
  });
  if (!meeting) throw new NotFoundError('TeamMeeting');
  if (!canOn(ctx.ability, 'update', 'TeamMeeting', meeting)) throw new ForbiddenActionError(RUNS_THE_MEETING);
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

type Team = Awaited<ReturnType<typeof teamFor>>;
type Member = Awaited<ReturnType<typeof membersOf>>[number];

/** The cases of the team's members that the caller may name in the team, by family name. */
function discussableCases(ctx: Context, teamId: string, specialistIds: string[]) {
  return ctx.db.jobSeeker.findMany({
    where: {
      AND: [
        accessibleWhere(ctx.ability, 'read', 'JobSeeker'),
        // Named in the team only with consent to case discussion in this team — whoever's case it
        // is (a supervisor reads their own portfolio without it) and whatever other team it is in.
        {
          currentSpecialistId: { in: specialistIds },
          phase: { not: 'DISCHARGED' },
          teamId,
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
}

/** What the agenda is pre-filled from, read in a fixed number of queries whatever the team's size. */
async function agendaFacts(ctx: Context, team: Team, members: Member[], scheduledAt: Date) {
  const meetingDay = osloDay(scheduledAt);
  const memberIds = members.map((m) => m.userId);
  const [last, openPoints, org, contactTarget] = await Promise.all([
    ctx.db.teamMeeting.findFirst({
      where: { teamId: team.id, scheduledAt: { lt: scheduledAt } },
      orderBy: { scheduledAt: 'desc' },
      select: { id: true, scheduledAt: true },
    }),
    ctx.db.actionPoint.findMany({
      where: { teamId: team.id, status: 'OPEN' },
      select: { ownerId: true, description: true, dueOn: true, meetingId: true },
      orderBy: { dueOn: 'asc' },
    }),
    ctx.db.organization.findUniqueOrThrow({ where: { id: team.organizationId }, select: { settings: true } }),
    ctx.db.target.findFirst({
      where: { teamId: team.id, measure: 'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK' },
      orderBy: { validFrom: 'desc' },
      select: { value: true },
    }),
  ]);
  const weekBefore = iso(new Date(asDate(meetingDay).getTime() - 7 * dayMs));
  const since = last ? osloDay(last.scheduledAt) : weekBefore;
  const jobSeekers = await discussableCases(ctx, team.id, memberIds);
  const progress = await lastProgress(ctx, jobSeekers);
  const lastWeek = periodContaining('WEEK', weekBefore);
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
  return { last, openPoints, org, contactTarget, jobSeekers, progress, starts, contacts };
}

/** The fixed agenda of seed 004, pre-filled from the facts. */
function buildAgenda(ctx: Context, members: Member[], facts: Awaited<ReturnType<typeof agendaFacts>>) {
  const { last, openPoints, org, contactTarget, jobSeekers, progress, starts, contacts } = facts;
  const nameOf = new Map(members.map((m) => [m.userId, fullName(m.user)]));
  const byJs = new Map(jobSeekers.map((j) => [j.id, j]));
  return prefillAgenda({
    asOf: osloDay(ctx.now),
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
}

/** Plans the weekly team meeting with its agenda pre-filled; returns the meeting's id. */
export async function planTeamMeeting(
  ctx: Context,
  input: { teamId: string; scheduledAt: Date },
): Promise<string> {
  const team = await teamFor(ctx, input.teamId);
  const members = await membersOf(ctx, team.id);
  const facts = await agendaFacts(ctx, team, members, input.scheduledAt);
  const items = buildAgenda(ctx, members, facts);
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
      attendees: { create: members.map((m) => ({ userId: m.userId, present: true })) },
    },
    select: { id: true },
  });
  ctx.audit.change(team.organizationId, 'CREATE', 'TeamMeeting.create', 'TeamMeeting', meeting.id);
  // The agenda names cases: each is a read of that job seeker's data.
  const orgOf = new Map(facts.jobSeekers.map((j) => [j.id, j.organizationId]));
  for (const item of items) {
    if (!item.jobSeekerId) continue;
    ctx.audit.record({
      organizationId: orgOf.get(item.jobSeekerId) ?? team.organizationId,
      jobSeekerId: item.jobSeekerId,
      action: 'READ',
      area: 'TeamMeeting.agenda',
      entityType: 'JobSeeker',
      entityId: item.jobSeekerId,
    });
  }
  return meeting.id;
}

/** Writes the minutes, notes per agenda item and who was absent; a stale version is refused. */
export async function saveMinutes(
  ctx: Context,
  input: {
    meetingId: string;
    version: number;
    minutes: string;
    agendaNotes: { agendaItemId: string; notes: string }[];
    absentUserIds: string[];
  },
): Promise<string> {
  const meeting = await meetingFor(ctx, input.meetingId);
  const itemIds = input.agendaNotes.map((n) => n.agendaItemId);
  const known = await ctx.db.teamMeetingAgendaItem.count({
    where: { meetingId: meeting.id, id: { in: itemIds } },
  });
  if (known !== new Set(itemIds).size)
    throw new ValidationError([
      { field: 'agendaNotes', code: 'UNKNOWN', message: 'No such agenda item in this meeting' },
    ]);
  await updateVersioned(ctx.db.teamMeeting, 'TeamMeeting', meeting.id, input.version, {
    minutes: input.minutes,
    status: 'HELD',
  });
  for (const n of input.agendaNotes)
    await ctx.db.teamMeetingAgendaItem.update({ where: { id: n.agendaItemId }, data: { notes: n.notes } });
  ctx.audit.change(meeting.organizationId, 'UPDATE', 'TeamMeeting.minutes', 'TeamMeeting', meeting.id);
  await ctx.db.teamMeetingAttendee.updateMany({ where: { meetingId: meeting.id }, data: { present: true } });
  if (input.absentUserIds.length)
    await ctx.db.teamMeetingAttendee.updateMany({
      where: { meetingId: meeting.id, userId: { in: input.absentUserIds } },
      data: { present: false },
    });
  return meeting.id;
}

/** Distributes the written minutes to every other member (inbox and e-mail). */
export async function distributeMinutes(
  ctx: Context,
  input: { meetingId: string; version: number },
): Promise<string> {
  const meeting = await meetingFor(ctx, input.meetingId);
  if (!meeting.minutes)
    throw new ValidationError([{ field: 'minutes', code: 'MISSING', message: 'Write the minutes first' }]);
  await updateVersioned(ctx.db.teamMeeting, 'TeamMeeting', meeting.id, input.version, {
    distributedAt: ctx.now,
  });
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
  return meeting.id;
}

/** An action point with owner and due date: it becomes the owner's duty and is announced to them. */
export async function addActionPoint(
  ctx: Context,
  input: { meetingId: string; ownerId: string; description: string; dueOn: string },
): Promise<string> {
  const meeting = await meetingFor(ctx, input.meetingId);
  const { ownerId } = input;
  const owner = (await membersOf(ctx, meeting.teamId)).find((m) => m.userId === ownerId);
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
  return point.id;
}

/** Marks an action point done (its owner or the supervisor) and closes its duty. */
export async function completeActionPoint(
  ctx: Context,
  input: { actionPointId: string; version: number },
): Promise<string> {
  const point = await ctx.db.actionPoint.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'ActionPoint'), { id: input.actionPointId }] },
  });
  if (!point) throw new NotFoundError('ActionPoint');
  if (!canOn(ctx.ability, 'update', 'ActionPoint', point))
    throw new ForbiddenActionError('Its owner or the supervisor completes an action point');
  if (point.status !== 'OPEN')
    throw new ValidationError([{ field: 'actionPointId', code: 'NOT_OPEN', message: 'Already closed' }]);
  await updateVersioned(ctx.db.actionPoint, 'ActionPoint', point.id, input.version, {
    status: 'DONE',
    completedAt: ctx.now,
  });
  ctx.audit.change(point.organizationId, 'UPDATE', 'ActionPoint.complete', 'ActionPoint', point.id);
  if (point.taskId)
    await ctx.db.task.updateMany({
      where: { id: point.taskId, status: 'OPEN' },
      data: { status: 'DONE', closedAt: ctx.now, closedReason: 'completed', version: { increment: 1 } },
    });
  return point.id;
}

/** Field mentoring (feltveiledning, seed 002 §3.1): two members at a meeting, one observes. */
export async function logFieldMentoring(
  ctx: Context,
  input: {
    teamId: string;
    observedSpecialistId: string;
    observerId: string;
    occurredOn: string;
    setting: FieldMentoringSetting;
    observations: string | null;
    feedback: string | null;
  },
): Promise<string> {
  const team = await ctx.db.specialistTeam.findFirst({
    where: { id: input.teamId },
    select: { id: true, organizationId: true },
  });
  const scope = team && { organizationId: team.organizationId, teamId: team.id };
  if (!team || !scope || !canOn(ctx.ability, 'read', 'FieldMentoring', scope))
    throw new NotFoundError('SpecialistTeam');
  if (!canOn(ctx.ability, 'create', 'FieldMentoring', scope))
    throw new ForbiddenActionError("The team's members log field mentoring");
  const members = new Set((await membersOf(ctx, team.id)).map((m) => m.userId));
  const issues: FieldIssue[] = [];
  for (const field of ['observedSpecialistId', 'observerId'] as const)
    if (!members.has(input[field]))
      issues.push({ field, code: 'NOT_IN_TEAM', message: 'Must be a member of the team' });
  if (input.observedSpecialistId === input.observerId)
    issues.push({ field: 'observerId', code: 'SAME_PERSON', message: 'Someone else observes' });
  if (input.occurredOn > osloDay(ctx.now))
    issues.push({ field: 'occurredOn', code: 'IN_FUTURE', message: 'Log mentoring that has taken place' });
  if (issues.length) throw new ValidationError(issues);
  const created = await ctx.db.fieldMentoring.create({
    data: {
      organizationId: team.organizationId,
      teamId: team.id,
      observedSpecialistId: input.observedSpecialistId,
      observerId: input.observerId,
      occurredOn: asDate(input.occurredOn),
      setting: input.setting,
      observations: input.observations,
      feedback: input.feedback,
    },
    select: { id: true },
  });
  ctx.audit.change(team.organizationId, 'CREATE', 'FieldMentoring.log', 'FieldMentoring', created.id);
  return created.id;
}

/** The quarterly review of a specialist's portfolio (seed 004 §3.2): discussable cases, stalled first. */
export async function startPortfolioReview(
  ctx: Context,
  input: {
    teamId: string;
    specialistId: string;
    reviewedOn: string;
    meetingId: string | null;
    notes: string | null;
  },
): Promise<string> {
  const team = await teamFor(ctx, input.teamId);
  const { specialistId } = input;
  if (!(await membersOf(ctx, team.id)).some((m) => m.userId === specialistId))
    throw new ValidationError([{ field: 'specialistId', code: 'NOT_IN_TEAM', message: 'Not in the team' }]);
  const future = futureDayIssue(
    osloDay(ctx.now),
    'reviewedOn',
    input.reviewedOn,
    'Review a portfolio on or after the day',
  );
  if (future) throw new ValidationError([future]);
  if (
    input.meetingId &&
    !(await ctx.db.teamMeeting.findFirst({
      where: { id: input.meetingId, teamId: team.id },
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
  const jobSeekers = await discussableCases(ctx, team.id, [specialistId]);
  const progress = await lastProgress(ctx, jobSeekers);
  const weeks = stalledAfterWeeks(org.settings);
  const review = await ctx.db.portfolioReview.create({
    data: {
      organizationId: team.organizationId,
      teamId: team.id,
      specialistId,
      meetingId: input.meetingId,
      reviewedOn: asDate(input.reviewedOn),
      notes: input.notes,
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
  return review.id;
}
