/**
 * Setting a tenant up (the tenant administrator): specialist teams with their method supervisor,
 * health (treatment) teams, and which identity providers the organisation trusts for sign-in.
 * Every change is audited; a provider cannot be switched off if it is the last one left (the
 * organisation would lock itself out); versions are checked.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { osloDay } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { updateVersioned } from '../services/versioned.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { OrganizationNode } from './organization.js';
import { IdentityProviderKindEnum, TeamType } from './tenant.js';

const HealthTeamType = builder.prismaObject('HealthTeam', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit', { nullable: true }),
    active: t.exposeBoolean('active'),
  }),
});

const IdentityProviderType = builder.prismaObject('IdentityProvider', {
  authScopes: { signedIn: true },
  description: 'An issuer the organisation trusts for sign-in (its tokens are verified against its keys).',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: IdentityProviderKindEnum }),
    issuer: t.exposeString('issuer'),
    audience: t.exposeString('audience'),
    clientId: t.exposeString('clientId', { nullable: true }),
    enabled: t.exposeBoolean('enabled'),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObjectFields(OrganizationNode, (t) => ({
  healthTeams: t.relation('healthTeams', {
    type: HealthTeamType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: { AND: [accessibleWhere(ctx.ability, 'read', 'HealthTeam'), { active: true }] },
      orderBy: { name: 'asc' },
    }),
  }),
  identityProviders: t.relation('identityProviders', {
    type: IdentityProviderType,
    authScopes: { signedIn: true },
    description: 'The identity providers the organisation trusts (its tenant administrators only).',
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'IdentityProvider'),
      orderBy: { issuer: 'asc' },
    }),
  }),
}));

/** The organisation, when the caller acts in it (else not found, whatever exists). */
function actingIn(ctx: Context, organizationId: string) {
  if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
    throw new NotFoundError('Organization');
}

const CreateTeamInput = builder.inputType('CreateSpecialistTeamInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true, validate: z.uuid() }),
    name: t.string({ required: true, validate: z.string().trim().min(2).max(200) }),
    methodSupervisorId: t.id({ required: true, validate: z.uuid() }),
  }),
});

const CreateHealthTeamInput = builder.inputType('CreateHealthTeamInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true, validate: z.uuid() }),
    name: t.string({ required: true, validate: z.string().trim().min(2).max(200) }),
    unit: t.string({ required: false, validate: z.string().trim().max(200) }),
  }),
});

const SetProviderInput = builder.inputType('SetIdentityProviderEnabledInput', {
  fields: (t) => ({
    identityProviderId: t.id({ required: true, validate: z.uuid() }),
    enabled: t.boolean({ required: true }),
    version: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  createSpecialistTeam: t.prismaField({
    type: TeamType,
    description: 'A new specialist team led by a method supervisor of the organisation (who joins it).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: CreateTeamInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const organizationId = String(input.organizationId);
      actingIn(ctx, organizationId);
      if (!canOn(ctx.ability, 'create', 'SpecialistTeam', { organizationId }))
        throw new ForbiddenActionError('Teams are set up by the tenant administrator');
      const supervisorId = String(input.methodSupervisorId);
      const [supervisor, sameName] = await Promise.all([
        ctx.db.membership.findFirst({
          where: { organizationId, userId: supervisorId, role: 'METHOD_SUPERVISOR', endedAt: null },
          select: { id: true },
        }),
        ctx.db.specialistTeam.findFirst({
          where: { organizationId, active: true, name: { equals: input.name.trim(), mode: 'insensitive' } },
          select: { id: true },
        }),
      ]);
      const issues: FieldIssue[] = [
        ...(supervisor
          ? []
          : [
              {
                field: 'methodSupervisorId',
                code: 'NOT_A_SUPERVISOR' as const,
                message: 'Not a method supervisor of the organisation',
              },
            ]),
        ...(sameName
          ? [{ field: 'name', code: 'DUPLICATE' as const, message: 'A team has this name already' }]
          : []),
      ];
      if (issues.length) throw new ValidationError(issues);
      const team = await ctx.db.specialistTeam.create({
        data: { organizationId, name: input.name.trim(), methodSupervisorId: supervisorId },
        select: { id: true },
      });
      await ctx.db.teamMember.create({
        data: {
          organizationId,
          teamId: team.id,
          userId: supervisorId,
          role: 'METHOD_SUPERVISOR',
          employerOrganizationId: organizationId,
          joinedOn: new Date(`${osloDay(ctx.now)}T00:00:00Z`),
        },
      });
      ctx.audit.change(organizationId, 'CREATE', 'SpecialistTeam.create', 'SpecialistTeam', team.id);
      return ctx.db.specialistTeam.findUniqueOrThrow({ ...query, where: { id: team.id } });
    },
  }),

  createHealthTeam: t.prismaField({
    type: HealthTeamType,
    description: 'A health (treatment) team the specialists work with.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: CreateHealthTeamInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const organizationId = String(input.organizationId);
      actingIn(ctx, organizationId);
      if (!canOn(ctx.ability, 'create', 'HealthTeam', { organizationId }))
        throw new ForbiddenActionError('Health teams are set up by the tenant administrator');
      const sameName = await ctx.db.healthTeam.findFirst({
        where: { organizationId, active: true, name: { equals: input.name.trim(), mode: 'insensitive' } },
        select: { id: true },
      });
      if (sameName)
        throw new ValidationError([
          { field: 'name', code: 'DUPLICATE', message: 'A health team has this name already' },
        ]);
      const team = await ctx.db.healthTeam.create({
        data: { organizationId, name: input.name.trim(), unit: input.unit?.trim() || null },
        select: { id: true },
      });
      ctx.audit.change(organizationId, 'CREATE', 'HealthTeam.create', 'HealthTeam', team.id);
      return ctx.db.healthTeam.findUniqueOrThrow({ ...query, where: { id: team.id } });
    },
  }),

  setIdentityProviderEnabled: t.prismaField({
    type: IdentityProviderType,
    description:
      'Switches sign-in through an identity provider on or off for the organisation; the last one cannot be switched off.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: SetProviderInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const provider = await ctx.db.identityProvider.findFirst({
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'IdentityProvider'),
            { id: String(input.identityProviderId) },
          ],
        },
        select: { id: true, organizationId: true, enabled: true, version: true },
      });
      if (!provider) throw new NotFoundError('IdentityProvider');
      if (!canOn(ctx.ability, 'update', 'IdentityProvider', provider))
        throw new ForbiddenActionError('Identity providers are set by the tenant administrator');
      if (!input.enabled && provider.enabled) {
        // Under a lock, so two administrators cannot each switch off one of the last two.
        await ctx.db
          .$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`idp:${provider.organizationId}`}, 0))`;
        const others = await ctx.db.identityProvider.count({
          where: { organizationId: provider.organizationId, enabled: true, id: { not: provider.id } },
        });
        if (others === 0)
          throw new ValidationError([
            {
              field: 'enabled',
              code: 'LAST_PROVIDER',
              message: 'The last identity provider cannot be switched off: no one could sign in',
            },
          ]);
      }
      await updateVersioned(ctx.db.identityProvider, 'IdentityProvider', provider.id, input.version, {
        enabled: input.enabled,
      });
      ctx.audit.change(
        provider.organizationId,
        'UPDATE',
        'IdentityProvider.setEnabled',
        'IdentityProvider',
        provider.id,
      );
      return ctx.db.identityProvider.findUniqueOrThrow({ ...query, where: { id: provider.id } });
    },
  }),
}));
