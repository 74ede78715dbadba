/**
 * Team rules (seed 002, domain.md §2): a specialist team has one method supervisor (the team's
 * `methodSupervisorId`) and at most ten job specialists — the 11th is refused with a typed error,
 * checked under a lock on the team and again by a database trigger. The supervisor may hold a small
 * portfolio of their own (they have a case role). Members may be employed by other organisations
 * than the team's: the employer is the organisation of their job-specialist membership.
 */
import { canOn } from '@ips/authz';
import { asDate, MAX_TEAM_SPECIALISTS, teamHasRoom } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { calendarDay } from '../input-guard.js';
import { type FieldIssue, ForbiddenActionError, NotFoundError, ValidationError } from './errors.js';
import { nonEmpty } from './query-shape.js';
import { TeamMemberType } from './tenant.js';

const AddInput = builder.inputType('AddTeamMemberInput', {
  fields: (t) => ({
    teamId: t.id({ required: true, validate: z.uuid() }),
    userId: t.id({ required: true, validate: z.uuid() }),
    joinedOn: t.string({ required: true, validate: calendarDay }),
  }),
});

const RemoveInput = builder.inputType('RemoveTeamMemberInput', {
  fields: (t) => ({
    teamId: t.id({ required: true, validate: z.uuid() }),
    userId: t.id({ required: true, validate: z.uuid() }),
    leftOn: t.string({ required: true, validate: calendarDay }),
  }),
});

builder.mutationFields((t) => ({
  addTeamMember: t.prismaField({
    type: TeamMemberType,
    description: `Adds a job specialist to a team (at most ${MAX_TEAM_SPECIALISTS}).`,
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: AddInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const teamId = String(input.teamId);
      const userId = String(input.userId);
      const team = await ctx.db.specialistTeam.findFirst({
        where: { id: teamId },
        select: { id: true, organizationId: true, methodSupervisorId: true },
      });
      if (!team) throw new NotFoundError('SpecialistTeam');
      if (!canOn(ctx.ability, 'create', 'TeamMember', { organizationId: team.organizationId, teamId }))
        throw new ForbiddenActionError(
          "The team's method supervisor or a tenant administrator manages members",
        );
      // The team is locked until the transaction ends: two additions cannot both take the last place.
      await ctx.db.$executeRaw`SELECT 1 FROM specialist_team WHERE id = ${teamId}::uuid FOR UPDATE`;
      const [employment, active, already] = await Promise.all([
        ctx.db.membership.findFirst({
          where: { userId, role: 'JOB_SPECIALIST', endedAt: null },
          select: { organizationId: true },
          orderBy: { organizationId: 'asc' },
        }),
        ctx.db.teamMember.count({ where: { teamId, role: 'JOB_SPECIALIST', leftOn: null } }),
        ctx.db.teamMember.findFirst({ where: { teamId, userId, leftOn: null }, select: { id: true } }),
      ]);
      if (!employment) throw new NotFoundError('Specialist');
      const issues: FieldIssue[] = [];
      if (already || userId === team.methodSupervisorId)
        issues.push({ field: 'userId', code: 'ALREADY_MEMBER', message: 'Already in the team' });
      else if (!teamHasRoom(active))
        issues.push({
          field: 'teamId',
          code: 'TEAM_FULL',
          message: `A specialist team has at most ${MAX_TEAM_SPECIALISTS} job specialists`,
        });
      if (issues.length) throw new ValidationError(issues);
      const member = await ctx.db.teamMember.create({
        data: {
          organizationId: team.organizationId,
          teamId,
          userId,
          role: 'JOB_SPECIALIST',
          employerOrganizationId: employment.organizationId,
          joinedOn: asDate(input.joinedOn),
        },
        select: { id: true },
      });
      ctx.audit.change(team.organizationId, 'CREATE', 'TeamMember.add', 'TeamMember', member.id);
      return ctx.db.teamMember.findUniqueOrThrow({ ...nonEmpty(query), where: { id: member.id } });
    },
  }),

  removeTeamMember: t.prismaField({
    type: TeamMemberType,
    description: 'A specialist leaves the team (their job seekers are transferred first).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RemoveInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const member = await ctx.db.teamMember.findFirst({
        where: { teamId: String(input.teamId), userId: String(input.userId), leftOn: null },
        select: { id: true, organizationId: true, teamId: true, joinedOn: true, userId: true },
      });
      if (!member) throw new NotFoundError('TeamMember');
      if (!canOn(ctx.ability, 'update', 'TeamMember', member))
        throw new ForbiddenActionError(
          "The team's method supervisor or a tenant administrator manages members",
        );
      const issues: FieldIssue[] = [];
      if (asDate(input.leftOn) < member.joinedOn)
        issues.push({ field: 'leftOn', code: 'BEFORE_JOINED', message: 'Cannot leave before joining' });
      // Counted across organisations (the job seekers may be recorded where the specialist is employed).
      const [size] = await ctx.db.$queryRaw<{ n: number }[]>`
        SELECT app.portfolio_size(${member.userId}::uuid) AS n`;
      const portfolio = Number(size?.n ?? 0);
      if (portfolio > 0)
        issues.push({
          field: 'userId',
          code: 'HAS_PORTFOLIO',
          message: `Transfer the specialist's ${portfolio} job seekers first`,
        });
      if (issues.length) throw new ValidationError(issues);
      await ctx.db.teamMember.update({ where: { id: member.id }, data: { leftOn: asDate(input.leftOn) } });
      ctx.audit.change(member.organizationId, 'UPDATE', 'TeamMember.remove', 'TeamMember', member.id);
      return ctx.db.teamMember.findUniqueOrThrow({ ...nonEmpty(query), where: { id: member.id } });
    },
  }),
}));
