/**
 * The method supervisor's team page (issue 16): the team's job specialists with their full-time
 * equivalent and caseload (the person's job seekers in the portfolio, not discharged, wherever their
 * records are — as the employer's staffing view counts them; the ceiling is 20 per full-time
 * equivalent, seed 002),
 * and who could be added: the organisation's job specialists not in the team. For those who manage
 * the team's members only (its method supervisor, the organisation's tenant administrators).
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { caseloadLimitFor } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { caseloadsOf } from './caseload.js';
import { ForbiddenActionError, NotFoundError } from './errors.js';

interface RosterPerson {
  userId: string;
  givenName: string;
  familyName: string;
  fte: number;
  caseload: number;
  caseloadLimit: number;
  joinedOn: Date | null;
}

interface Roster {
  teamId: string;
  teamName: string;
  members: RosterPerson[];
  candidates: RosterPerson[];
}

const RosterPersonType = builder.objectRef<RosterPerson>('TeamRosterPerson').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    userId: t.exposeID('userId'),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    fte: t.exposeFloat('fte', {
      description: 'Full-time equivalent (1 = full time).',
    }),
    caseload: t.exposeInt('caseload', {
      description:
        'Job seekers in the portfolio (not discharged), in whichever organisation holds their records.',
    }),
    caseloadLimit: t.exposeInt('caseloadLimit', {
      description: 'The caseload ceiling: 20 per full-time equivalent.',
    }),
    joinedOn: t.expose('joinedOn', {
      type: 'Date',
      nullable: true,
      description: 'Null for a candidate.',
    }),
  }),
});

const RosterType = builder.objectRef<Roster>('TeamRoster').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    teamId: t.exposeID('teamId'),
    teamName: t.exposeString('teamName'),
    members: t.field({ type: [RosterPersonType], resolve: (r) => r.members }),
    candidates: t.field({
      type: [RosterPersonType],
      description: "The organisation's job specialists not in the team, who could be added.",
      resolve: (r) => r.candidates,
    }),
  }),
});

builder.queryField('teamRoster', (t) =>
  t.field({
    type: RosterType,
    description:
      "The team's job specialists with FTE and caseload, and who could be added (its method supervisor and tenant administrators).",
    authScopes: { signedIn: true },
    errors: {
      types: [NotFoundError],
      result: { authScopes: { signedIn: true } },
    },
    args: { teamId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) => {
      const teamId = String(args.teamId);
      const team = await ctx.db.specialistTeam.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'SpecialistTeam'), { id: teamId }],
        },
        select: {
          id: true,
          name: true,
          organizationId: true,
          methodSupervisorId: true,
        },
      });
      if (!team) throw new NotFoundError('SpecialistTeam');
      if (
        !canOn(ctx.ability, 'create', 'TeamMember', {
          organizationId: team.organizationId,
          teamId,
        })
      )
        throw new ForbiddenActionError(
          "The team's method supervisor or a tenant administrator manages members",
        );
      const [members, specialists] = await Promise.all([
        ctx.db.teamMember.findMany({
          where: { teamId, role: 'JOB_SPECIALIST', leftOn: null },
          select: {
            userId: true,
            joinedOn: true,
            employerOrganizationId: true,
          },
          orderBy: [{ joinedOn: 'asc' }, { userId: 'asc' }],
        }),
        ctx.db.membership.findMany({
          where: {
            organizationId: team.organizationId,
            role: 'JOB_SPECIALIST',
            endedAt: null,
          },
          select: {
            userId: true,
            fte: true,
            user: { select: { givenName: true, familyName: true } },
          },
          orderBy: { userId: 'asc' },
        }),
      ]);
      const inTeam = new Set(members.map((m) => m.userId));
      // Members employed elsewhere: their FTE where they are employed, if that is visible here.
      const elsewhere = members.filter((m) => !specialists.some((s) => s.userId === m.userId));
      const employed = elsewhere.length
        ? await ctx.db.membership.findMany({
            where: {
              role: 'JOB_SPECIALIST',
              endedAt: null,
              OR: elsewhere.map((m) => ({
                userId: m.userId,
                organizationId: m.employerOrganizationId,
              })),
            },
            select: {
              userId: true,
              fte: true,
              user: { select: { givenName: true, familyName: true } },
            },
          })
        : [];
      const people = new Map([...employed, ...specialists].map((s) => [s.userId, s]));
      const ids = [...new Set([...inTeam, ...specialists.map((s) => s.userId)])];
      // The person's caseload wherever the records are (a member employed by another organisation
      // has them there, out of this organisation's sight): counts only.
      const load = await caseloadsOf(ctx, ids);
      const row = (userId: string, joinedOn: Date | null): RosterPerson | null => {
        const p = people.get(userId);
        if (!p) return null;
        const fte = Number(p.fte);
        return {
          userId,
          givenName: p.user.givenName,
          familyName: p.user.familyName,
          fte,
          caseload: load.get(userId) ?? 0,
          caseloadLimit: caseloadLimitFor(fte),
          joinedOn,
        };
      };
      const byName = (a: RosterPerson, b: RosterPerson) =>
        `${a.familyName} ${a.givenName}`.localeCompare(`${b.familyName} ${b.givenName}`, 'nb');
      return {
        teamId: team.id,
        teamName: team.name,
        members: members
          .map((m) => row(m.userId, m.joinedOn))
          .filter((r): r is RosterPerson => r !== null)
          .sort(byName),
        candidates: specialists
          .filter((s) => !inTeam.has(s.userId) && s.userId !== team.methodSupervisorId)
          .map((s) => row(s.userId, null))
          .filter((r): r is RosterPerson => r !== null)
          .sort(byName),
      };
    },
  }),
);
