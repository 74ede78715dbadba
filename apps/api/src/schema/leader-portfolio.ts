/**
 * The health-service leader moves an absent specialist's portfolio in one step (issue 16, "the
 * leader registers a long absence and moves a portfolio in one step"; docs/leader-and-administration.md).
 *
 * The leader handles absences and reassignments but "sees staffing and aggregate results, not case
 * notes" (domain.md §2): so the leader never reads a job seeker here. `absencePortfolio` answers
 * counts (in the portfolio, movable, without the team-discussion consent) and the colleagues who
 * could take over; `moveAbsentPortfolio` moves every job seeker of the portfolio who consented to
 * discussion in the team to one colleague of the same team, under the caseload ceiling, through the
 * supervisor's own bulk transfer (`movePortfolio`: the same consent rules, all or nothing), and
 * answers per job seeker by position only ("3 of 14: moved"). The method supervisors of the
 * specialist's teams are notified of what moved (counts and the two specialists; no job seeker).
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { caseloadLimitFor, osloDay } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { movePortfolio } from '../services/transfer.js';
import { isAbsentOn } from './absence.js';
import { caseloadsOf } from './caseload.js';
import { ConsentRequiredError, ForbiddenActionError, NotFoundError, ValidationError } from './errors.js';
import { notify } from './notification.js';

const OUTCOMES = {
  MOVED: 'Moved to the receiver',
  NO_TEAM_CONSENT:
    'Not moved: the job seeker has not consented to discussion in the team (the specialist or the supervisor asks for it)',
  NOT_IN_RECEIVERS_TEAM: 'Not moved: the job seeker belongs to a team the receiver is not in',
  CROSS_SERVICE_CONSENT_REQUIRED:
    'Not moved: the receiver is employed by another service and the job seeker has not consented to that',
  REFUSED: 'Not moved: a rule of a single transfer refused it',
  NOT_APPLIED: 'Not moved: another job seeker could not be moved, so none was (all or nothing)',
} as const;
type Outcome = keyof typeof OUTCOMES;

const OutcomeEnum = builder.enumType('LeaderPortfolioOutcome', {
  values: Object.fromEntries(
    Object.entries(OUTCOMES).map(([value, description]) => [value, { value, description }]),
  ) as { [O in Outcome]: { value: O; description: string } },
});

interface Receiver {
  userId: string;
  givenName: string;
  familyName: string;
  caseload: number;
  caseloadLimit: number;
  teamIds: string[];
}

interface Portfolio {
  absenceId: string;
  organizationId: string;
  specialistId: string;
  specialistName: string;
  /** Ordered by id: a position says nothing of who the job seeker is. */
  jobSeekers: { id: string; teamId: string | null; teamConsent: boolean }[];
  receivers: Receiver[];
}

/** The absence the caller leads, or NotFound / Forbidden; then the portfolio and who could take over. */
async function portfolioOf(ctx: Context, absenceId: string): Promise<Portfolio> {
  const absence = await ctx.db.absence.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'Absence'), { id: absenceId }] },
    select: {
      id: true,
      organizationId: true,
      specialistId: true,
      actualEndDate: true,
      specialist: { select: { givenName: true, familyName: true } },
    },
  });
  if (!absence) throw new NotFoundError('Absence');
  const leads = ctx.actor.memberships.some(
    (m) => m.organizationId === absence.organizationId && m.role === 'HEALTH_SERVICE_LEADER',
  );
  if (!leads || !canOn(ctx.ability, 'update', 'Absence', absence))
    throw new ForbiddenActionError("The organisation's health-service leader moves the portfolio");
  if (absence.actualEndDate && absence.actualEndDate.toISOString().slice(0, 10) < osloDay(ctx.now))
    throw new ValidationError([
      { field: 'absenceId', code: 'ALREADY_ENDED', message: 'The absence has ended' },
    ]);
  const organizationId = absence.organizationId;
  const [rows, teams] = await Promise.all([
    // The leader's organisation's records only; ids and the consent's presence, nothing else.
    ctx.db.jobSeeker.findMany({
      where: { organizationId, currentSpecialistId: absence.specialistId, phase: { not: 'DISCHARGED' } },
      select: {
        id: true,
        teamId: true,
        consents: {
          where: {
            scope: 'TEAM_CASE_DISCUSSION',
            withdrawnAt: null,
            validFrom: { lte: ctx.now },
            OR: [{ validUntil: null }, { validUntil: { gt: ctx.now } }],
          },
          select: { id: true },
          take: 1,
        },
      },
      orderBy: { id: 'asc' },
    }),
    ctx.db.teamMember.findMany({
      where: { userId: absence.specialistId, leftOn: null },
      select: { teamId: true },
    }),
  ]);
  const teamIds = [...new Set(teams.map((t) => t.teamId))];
  // Colleagues of the same team(s), employed in the leader's organisation, not away today.
  const members = await ctx.db.teamMember.findMany({
    where: {
      teamId: { in: teamIds },
      leftOn: null,
      role: 'JOB_SPECIALIST',
      userId: { not: absence.specialistId },
      employerOrganizationId: organizationId,
    },
    select: { userId: true, teamId: true },
  });
  const ids = [...new Set(members.map((m) => m.userId))];
  const [users, load] = await Promise.all([
    ctx.db.user.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        givenName: true,
        familyName: true,
        memberships: {
          where: { organizationId, role: 'JOB_SPECIALIST', endedAt: null },
          select: { fte: true },
        },
        absences: { select: { startDate: true, expectedEndDate: true, actualEndDate: true } },
      },
    }),
    caseloadsOf(ctx, ids),
  ]);
  const receivers = users
    .filter((u) => u.memberships.length > 0 && !isAbsentOn(u.absences, ctx.now))
    .map((u) => ({
      userId: u.id,
      givenName: u.givenName,
      familyName: u.familyName,
      caseload: load.get(u.id) ?? 0,
      caseloadLimit: caseloadLimitFor(Number(u.memberships[0]?.fte ?? 1)),
      teamIds: members.filter((m) => m.userId === u.id).map((m) => m.teamId),
    }))
    .sort((a, b) => `${a.familyName} ${a.givenName}`.localeCompare(`${b.familyName} ${b.givenName}`, 'nb'));
  return {
    absenceId: absence.id,
    organizationId,
    specialistId: absence.specialistId,
    specialistName: `${absence.specialist.givenName} ${absence.specialist.familyName}`,
    jobSeekers: rows.map((r) => ({ id: r.id, teamId: r.teamId, teamConsent: r.consents.length > 0 })),
    receivers,
  };
}

const ReceiverType = builder.objectRef<Receiver>('PortfolioReceiver').implement({
  description: 'A colleague of the same team who could take over the portfolio.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    userId: t.exposeID('userId'),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    caseload: t.exposeInt('caseload'),
    caseloadLimit: t.exposeInt('caseloadLimit', { description: '20 per full-time equivalent.' }),
  }),
});

const AbsencePortfolioType = builder.objectRef<Portfolio>('AbsencePortfolio').implement({
  description: "An absent specialist's portfolio as the leader sees it: counts only, never a job seeker.",
  authScopes: { signedIn: true },
  fields: (t) => ({
    absenceId: t.exposeID('absenceId'),
    specialistId: t.exposeID('specialistId'),
    total: t.int({ description: 'Job seekers in the portfolio.', resolve: (p) => p.jobSeekers.length }),
    movable: t.int({
      description: 'Those who consented to discussion in the team (they can be moved).',
      resolve: (p) => p.jobSeekers.filter((j) => j.teamConsent && j.teamId).length,
    }),
    withoutTeamConsent: t.int({
      description: 'Those without the team-discussion consent: they stay until it is recorded.',
      resolve: (p) => p.jobSeekers.filter((j) => !j.teamConsent).length,
    }),
    receivers: t.field({ type: [ReceiverType], resolve: (p) => p.receivers }),
  }),
});

builder.queryField('absencePortfolio', (t) =>
  t.field({
    type: AbsencePortfolioType,
    description:
      "For the organisation's health-service leader: how many job seekers the absent specialist has and who could take over.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError], result: { authScopes: { signedIn: true } } },
    args: { absenceId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (_root, args, ctx) => portfolioOf(ctx, String(args.absenceId)),
  }),
);

interface MoveResult {
  applied: boolean;
  total: number;
  moved: number;
  items: { position: number; outcome: Outcome }[];
}

const MoveResultType = builder.objectRef<MoveResult>('LeaderPortfolioMove').implement({
  description: 'The result per job seeker, by position in the portfolio only (no identity).',
  authScopes: { signedIn: true },
  fields: (t) => ({
    applied: t.exposeBoolean('applied'),
    total: t.exposeInt('total'),
    moved: t.exposeInt('moved'),
    items: t.field({
      type: [
        builder.objectRef<{ position: number; outcome: Outcome }>('LeaderPortfolioMoveItem').implement({
          authScopes: { signedIn: true },
          fields: (f) => ({
            position: f.exposeInt('position', { description: '1-based, of `total`.' }),
            outcome: f.field({ type: OutcomeEnum, resolve: (i) => i.outcome }),
          }),
        }),
      ],
      resolve: (r) => r.items,
    }),
  }),
});

builder.mutationField('moveAbsentPortfolio', (t) =>
  t.field({
    type: MoveResultType,
    description:
      "The health-service leader moves an absent specialist's portfolio to one colleague of the team: every job seeker who consented to discussion in the team, all or nothing, within the receiver's caseload ceiling.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError], result: { authScopes: { signedIn: true } } },
    args: {
      input: t.arg({
        type: builder.inputType('MoveAbsentPortfolioInput', {
          fields: (f) => ({
            absenceId: f.id({ required: true, validate: z.uuid() }),
            toSpecialistId: f.id({ required: true, validate: z.uuid() }),
            /** Temporary cover while the specialist is away (the default), or for good. */
            temporary: f.boolean({ required: false, defaultValue: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const p = await portfolioOf(ctx, String(input.absenceId));
      const receiver = p.receivers.find((r) => r.userId === String(input.toSpecialistId));
      if (!receiver)
        throw new ValidationError([
          {
            field: 'toSpecialistId',
            code: 'OUT_OF_REACH',
            message: 'Only a colleague of the same team in this organisation, not away, can take over',
          },
        ]);
      const outcomes = new Map<string, Outcome>();
      const moves: { jobSeekerId: string; toSpecialistId: string }[] = [];
      for (const j of p.jobSeekers) {
        if (!j.teamConsent) outcomes.set(j.id, 'NO_TEAM_CONSENT');
        else if (!j.teamId || !receiver.teamIds.includes(j.teamId))
          outcomes.set(j.id, 'NOT_IN_RECEIVERS_TEAM');
        else moves.push({ jobSeekerId: j.id, toSpecialistId: receiver.userId });
      }
      if (moves.length === 0)
        throw new ValidationError([
          { field: 'absenceId', code: 'EMPTY', message: 'No job seeker of the portfolio can be moved' },
        ]);
      if (receiver.caseload + moves.length > receiver.caseloadLimit)
        throw new ValidationError([
          {
            field: 'toSpecialistId',
            code: 'OVER_CASELOAD_LIMIT',
            message: `Room for ${Math.max(0, receiver.caseloadLimit - receiver.caseload)} of ${moves.length}`,
          },
        ]);
      const temporary = input.temporary ?? true;
      const result = await movePortfolio(
        ctx,
        {
          fromSpecialistId: p.specialistId,
          reason: 'SPECIALIST_ABSENCE',
          temporary,
          teamMeetingId: null,
          effectiveOn: null,
          moves,
        },
        // Only this absent specialist's job seekers in the leader's organisation.
        { organizationId: p.organizationId, currentSpecialistId: p.specialistId },
      );
      for (const item of result.items)
        outcomes.set(
          item.jobSeekerId,
          result.applied
            ? 'MOVED'
            : item.error === null
              ? 'NOT_APPLIED'
              : item.error instanceof ConsentRequiredError
                ? 'CROSS_SERVICE_CONSENT_REQUIRED'
                : 'REFUSED',
        );
      const items = p.jobSeekers.map((j, i) => ({
        position: i + 1,
        outcome: outcomes.get(j.id) ?? 'NOT_APPLIED',
      }));
      const moved = items.filter((i) => i.outcome === 'MOVED').length;
      if (result.applied) await notifySupervisors(ctx, p, receiver, items, temporary);
      return { applied: result.applied, total: items.length, moved, items };
    },
  }),
);

/** Tells the method supervisors of the absent specialist's teams what moved: counts and names of the two specialists. */
async function notifySupervisors(
  ctx: Context,
  p: Portfolio,
  receiver: Receiver,
  items: { outcome: Outcome }[],
  temporary: boolean,
) {
  const count = (o: Outcome) => items.filter((i) => i.outcome === o).length;
  const moved = count('MOVED');
  const supervisors = await ctx.db.$queryRaw<{ supervisor_id: string; email: string | null }[]>`
    SELECT DISTINCT supervisor_id, email FROM app.supervisors_of(${p.specialistId}::uuid)`;
  const leader = await ctx.db.user.findUnique({
    where: { id: ctx.actor.userId },
    select: { givenName: true, familyName: true },
  });
  const left = count('NO_TEAM_CONSENT');
  const other = count('NOT_IN_RECEIVERS_TEAM');
  const rest = [
    left > 0
      ? `${left} ble ikke flyttet fordi samtykke til drøfting i team mangler: be jobbspesialisten eller metodeveilederen innhente samtykket.`
      : null,
    other > 0
      ? `${other} ble ikke flyttet fordi ${receiver.givenName} ${receiver.familyName} ikke er i jobbsøkerens team.`
      : null,
  ].filter(Boolean);
  for (const s of supervisors) {
    if (s.supervisor_id === ctx.actor.userId) continue;
    await notify(ctx, {
      organizationId: p.organizationId,
      recipientId: s.supervisor_id,
      email: s.email,
      kind: 'TRANSFER',
      title: `${leader ? `${leader.givenName} ${leader.familyName}` : 'Lederen'} har flyttet ${moved} ${moved === 1 ? 'jobbsøker' : 'jobbsøkere'} fra ${p.specialistName} til ${receiver.givenName} ${receiver.familyName}${temporary ? ' (midlertidig, under fraværet)' : ''}.`,
      body: [`Se dekningsoversikten for overføringene.`, ...rest].join(' '),
      link: { type: 'Absence', id: p.absenceId },
    });
  }
}
