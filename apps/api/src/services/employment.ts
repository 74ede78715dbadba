/**
 * Jobs (and work practice) held (IPS principle 1, seeds 000/003), the flow behind their mutations.
 * A job is competitive — ordinary work — only on the open labour market, at least at
 * minimum/tariff wage, and open to anyone; work practice is recorded but never a job start. A job
 * start moves the job seeker to EMPLOYED and opens the follow-up duties (seed 000 §4.1, §7);
 * learning that a job ended opens the 3-day contact duty (seed 000 §8). Both flag the career
 * profile for an update (fidelity item 14) and write a journal-ready note.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import type { Employment, EmploymentKind, EndedBy, JobSeekerPhase } from '@ips/db';
import { asDate, futureDayIssue, osloDay, startIssues, tasksForEvent } from '@ips/domain';
import type { Context } from '../context.js';
import { type FieldIssue, ForbiddenActionError, NotFoundError, ValidationError } from '../schema/errors.js';
import { writeJournalNote } from '../schema/journal-note.js';
import { applyTaskChanges, tuningOf } from './duties.js';
import { readableJobSeeker, unknownEmployerIssue } from './records.js';
import { updateVersioned } from './versioned.js';

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

/** A job start as the job-start form sends it. */
export interface JobStart {
  jobSeekerId: string;
  employerId: string | null;
  kind: EmploymentKind;
  jobTitle: string;
  jobType: string;
  startDate: string;
  hoursPerWeek: number;
  hourlyWage?: number | null;
  openLabourMarket: boolean;
  atLeastMinimumWage: boolean;
  openToAnyone: boolean;
  employerMeetingWanted: boolean;
}

/** A job (or work practice) starts. Only ordinary work is a job start. */
export async function recordJobStart(ctx: Context, input: JobStart): Promise<Employment> {
  const js = await readableJobSeeker(ctx, input.jobSeekerId);
  if (!canOn(ctx.ability, 'create', 'Employment', { organizationId: js.organizationId, jobSeeker: js }))
    throw new ForbiddenActionError('Only the job seeker’s own specialist records jobs');
  const issues: FieldIssue[] = startIssues(js, input.startDate, 'A job start');
  const employerIssue = await unknownEmployerIssue(ctx, js.organizationId, input.employerId);
  if (employerIssue) issues.push(employerIssue);
  if (issues.length) throw new ValidationError(issues);
  const employment = await ctx.db.employment.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      employerId: input.employerId,
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
    const event = {
      kind: 'JOB_START' as const,
      day: input.startDate,
      employmentId: employment.id,
      employerMeetingWanted: input.employerMeetingWanted,
    };
    await applyTaskChanges(ctx, js, tasksForEvent(event, await tuningOf(ctx, js.organizationId)));
    await flagCareerProfile(ctx, js.id, 'Ny jobb: oppdater karriereprofilen');
    const employer = input.employerId
      ? await ctx.db.employer.findUnique({ where: { id: input.employerId }, select: { name: true } })
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
}

/** A job's end as the job-end form sends it. */
export interface JobEnd {
  employmentId: string;
  version: number;
  endDate: string;
  learnedOn: string;
  endedBy: EndedBy;
  reason: string | null;
}

function jobEndIssues(ctx: Context, employment: Employment, input: JobEnd): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (employment.endDate)
    issues.push({ field: 'employmentId', code: 'ALREADY_ENDED', message: 'The job has already ended' });
  if (asDate(input.endDate) < employment.startDate)
    issues.push({ field: 'endDate', code: 'END_BEFORE_START', message: 'A job cannot end before it starts' });
  for (const issue of [
    futureDayIssue(osloDay(ctx.now), 'endDate', input.endDate, 'Record a job’s end once it has ended'),
    futureDayIssue(osloDay(ctx.now), 'learnedOn', input.learnedOn, 'You cannot have learned of it yet'),
  ])
    if (issue) issues.push(issue);
  if (asDate(input.learnedOn) < employment.startDate)
    issues.push({
      field: 'learnedOn',
      code: 'BEFORE_START',
      message: 'learnedOn cannot be before the start',
    });
  return issues;
}

/** A job ended: who ended it and why; the specialist contacts the job seeker within 3 days of learning of it. */
export async function endEmployment(ctx: Context, input: JobEnd): Promise<Employment> {
  const employment = await ctx.db.employment.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'Employment'), { id: input.employmentId }] },
    include: { jobSeeker: true },
  });
  if (!employment) throw new NotFoundError('Employment');
  if (!canOn(ctx.ability, 'update', 'Employment', employment))
    throw new ForbiddenActionError('Only the job seeker’s own specialist ends a job');
  const issues = jobEndIssues(ctx, employment, input);
  if (issues.length) throw new ValidationError(issues);
  await updateVersioned(ctx.db.employment, 'Employment', employment.id, input.version, {
    endDate: asDate(input.endDate),
    endLearnedOn: asDate(input.learnedOn),
    endedBy: input.endedBy,
    endReason: input.reason,
    endRecordedById: ctx.actor.userId,
  });
  const js = employment.jobSeeker;
  if (employment.kind === 'ORDINARY_JOB') {
    const event = { kind: 'JOB_END_LEARNED' as const, day: input.learnedOn, employmentId: employment.id };
    await applyTaskChanges(ctx, js, tasksForEvent(event, await tuningOf(ctx, js.organizationId)));
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
      reason: input.reason,
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
}
