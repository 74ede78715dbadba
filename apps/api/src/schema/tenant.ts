/**
 * Tenants and people: a platform operator onboards an organisation (with its identity provider and
 * first administrator); tenant administrators add people with a role and end memberships; members
 * of the organisation read its memberships and teams as the ability allows.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { IdentityProviderKind } from '@ips/db';
import { parseOrganizationNumber } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { updateVersioned } from '../services/versioned.js';
import { OrganizationKindEnum, RoleEnum, ServiceLevelEnum } from './enums.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  numberCode,
  ValidationError,
} from './errors.js';
import { OrganizationNode } from './organization.js';
import { UserType } from './viewer.js';

export const IdentityProviderKindEnum = builder.enumType(IdentityProviderKind, {
  name: 'IdentityProviderKind',
});

const MemberType = builder.prismaObject('Membership', {
  variant: 'Member',
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: RoleEnum }),
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    user: t.relation('user', { type: UserType }),
  }),
});

/**
 * Why a person in a team is not shown: a team may hold people employed by another organisation,
 * and a person is visible only to the organisations they belong to (row-level security on users).
 */
const HiddenReasonEnum = builder.enumType('PersonHiddenReason', {
  values: {
    NOT_IN_YOUR_ORGANIZATION: {
      description: 'Employed by, and a member of, organisations other than the ones you act in.',
    },
  } as const,
});

export const TeamType = builder.prismaObject('SpecialistTeam', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    methodSupervisor: t.relation('methodSupervisor', {
      type: UserType,
      nullable: true,
      description: 'Null when the supervisor is not visible to you (see methodSupervisorHiddenReason).',
    }),
    methodSupervisorHiddenReason: t.field({
      type: HiddenReasonEnum,
      nullable: true,
      select: { methodSupervisor: { select: { id: true } } },
      resolve: (team) => (team.methodSupervisor ? null : 'NOT_IN_YOUR_ORGANIZATION'),
    }),
    members: t.relation('members', {
      query: { where: { leftOn: null }, orderBy: { joinedOn: 'asc' } },
    }),
  }),
});

export const TeamMemberType = builder.prismaObject('TeamMember', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    role: t.exposeString('role'),
    joinedOn: t.expose('joinedOn', { type: 'Date' }),
    user: t.relation('user', {
      type: UserType,
      nullable: true,
      description:
        'Null when the person is not visible to you: employed by another organisation (see userHiddenReason). Never shown across tenants.',
    }),
    userHiddenReason: t.field({
      type: HiddenReasonEnum,
      nullable: true,
      select: { user: { select: { id: true } } },
      resolve: (member) => (member.user ? null : 'NOT_IN_YOUR_ORGANIZATION'),
    }),
    employerOrganization: t.relation('employerOrganization', { type: OrganizationNode }),
  }),
});

builder.prismaObjectFields(OrganizationNode, (t) => ({
  memberships: t.relation('memberships', {
    type: MemberType,
    authScopes: { signedIn: true },
    description: 'People and roles of the organisation (tenant administrators and leaders).',
    query: (_args, ctx) => ({
      where: { AND: [accessibleWhere(ctx.ability, 'read', 'Membership'), { endedAt: null }] },
      orderBy: [{ role: 'asc' }, { validFrom: 'asc' }],
    }),
  }),
  specialistTeams: t.relation('specialistTeams', {
    type: TeamType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: { AND: [accessibleWhere(ctx.ability, 'read', 'SpecialistTeam'), { active: true }] },
      orderBy: { name: 'asc' },
    }),
  }),
}));

const OnboardInput = builder.inputType('OnboardOrganizationInput', {
  fields: (t) => ({
    kind: t.field({ type: OrganizationKindEnum, required: true }),
    serviceLevel: t.field({ type: ServiceLevelEnum, required: true }),
    name: t.string({ required: true, validate: z.string().trim().min(2).max(200) }),
    organizationNumber: t.string({ required: true }),
    municipalityNumber: t.string({ required: false, validate: z.string().regex(/^\d{4}$/) }),
    identityProviderKind: t.field({ type: IdentityProviderKindEnum, required: true }),
    issuer: t.string({ required: true, validate: z.url() }),
    audience: t.string({ required: true, validate: z.string().min(1).max(200) }),
    jwksUri: t.string({ required: false, validate: z.url() }),
    clientId: t.string({ required: false, validate: z.string().max(200) }),
    adminEmail: t.string({ required: true, validate: z.email() }),
    adminGivenName: t.string({ required: true, validate: z.string().trim().min(1).max(100) }),
    adminFamilyName: t.string({ required: true, validate: z.string().trim().min(1).max(100) }),
    adminSubject: t.string({ required: true, validate: z.string().min(1).max(300) }),
  }),
});

const AddMemberInput = builder.inputType('AddMemberInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true, validate: z.uuid() }),
    email: t.string({ required: true, validate: z.email() }),
    givenName: t.string({ required: true, validate: z.string().trim().min(1).max(100) }),
    familyName: t.string({ required: true, validate: z.string().trim().min(1).max(100) }),
    role: t.field({ type: RoleEnum, required: true }),
    // Sign-in subject for a person created here (default: the e-mail); ignored for an existing person.
    subject: t.string({ required: false, validate: z.string().min(1).max(300) }),
  }),
});

const EndMembershipInput = builder.inputType('EndMembershipInput', {
  fields: (t) => ({
    id: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
  }),
});

const hasCode = (error: unknown, code: string) =>
  JSON.stringify(error, Object.getOwnPropertyNames(error ?? {})).includes(code);
const isUniqueViolation = (error: unknown) => hasCode(error, '23505');

builder.mutationFields((t) => ({
  onboardOrganization: t.field({
    type: OrganizationNode,
    description: 'Platform operators only: a new tenant with its identity provider and first administrator.',
    authScopes: { platformOperator: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: OnboardInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const number = parseOrganizationNumber(input.organizationNumber);
      if (!number.ok) {
        throw new ValidationError([
          {
            field: 'organizationNumber',
            code: numberCode(number.error),
            message: 'Not a valid organisation number',
          },
        ]);
      }
      const expectedLevel = {
        MUNICIPALITY: 'MUNICIPAL',
        SPECIALIST_HEALTH_SERVICE: 'SPECIALIST_HEALTH_SERVICE',
        NAV_OFFICE: 'NAV',
      }[input.kind];
      if (input.serviceLevel !== expectedLevel) {
        throw new ValidationError([
          {
            field: 'serviceLevel',
            code: 'MISMATCH',
            message: `A ${input.kind} has service level ${expectedLevel}`,
          },
        ]);
      }
      const existing = await ctx.db.organization.findFirst({
        where: { organizationNumber: number.value },
        select: { id: true },
      });
      if (existing)
        throw new ValidationError([
          {
            field: 'organizationNumber',
            code: 'DUPLICATE',
            message: 'An organisation with this number exists',
          },
        ]);
      const rows = await ctx.db.$queryRaw<{ id: string }[]>`
        SELECT app.onboard_organization(${input.kind}::"OrganizationKind", ${input.serviceLevel}::"ServiceLevel", ${input.name},
          ${number.value}, ${input.municipalityNumber ?? null}, ${input.identityProviderKind}::"IdentityProviderKind",
          ${input.issuer}, ${input.audience}, ${input.jwksUri ?? null}, ${input.clientId ?? null}, ${input.adminEmail},
          ${input.adminGivenName}, ${input.adminFamilyName}, ${input.adminSubject}) AS id`;
      const id = rows[0]?.id as string;
      return ctx.db.organization.findUniqueOrThrow({ where: { id } });
    },
  }),

  addMember: t.field({
    type: MemberType,
    description:
      'Tenant administrators: give a person (found by e-mail, or created) a role in the organisation.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: AddMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = String(input.organizationId);
      if (!ctx.actor.memberships.some((m) => m.organizationId === organizationId))
        throw new NotFoundError('Organization');
      if (!canOn(ctx.ability, 'create', 'Membership', { organizationId })) {
        throw new ForbiddenActionError('Only tenant administrators add members');
      }
      const issues: FieldIssue[] = [];
      try {
        const rows = await ctx.db.$queryRaw<{ id: string }[]>`
          SELECT app.add_member(${organizationId}::uuid, ${input.email}, ${input.givenName}, ${input.familyName},
            ${input.role}::"Role", ${input.subject ?? null}) AS id`;
        return ctx.db.membership.findUniqueOrThrow({ where: { id: rows[0]?.id as string } });
      } catch (error) {
        if (isUniqueViolation(error)) {
          issues.push({
            field: 'role',
            code: 'ALREADY_MEMBER',
            message: 'The person already has this role here',
          });
        } else if (hasCode(error, '22023')) {
          issues.push({
            field: 'role',
            code: 'ROLE_NOT_FOR_ORGANIZATION',
            message: 'This role does not exist in this kind of organisation',
          });
        } else {
          throw error;
        }
      }
      throw new ValidationError(issues);
    },
  }),

  endMembership: t.field({
    type: MemberType,
    description: 'Tenant administrators: end a person’s role in the organisation (history is kept).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: EndMembershipInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const membership = await ctx.db.membership.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'Membership'), { id: String(input.id) }] },
      });
      if (!membership) throw new NotFoundError('Membership');
      if (!canOn(ctx.ability, 'update', 'Membership', membership))
        throw new ForbiddenActionError('Only tenant administrators end memberships');
      if (membership.endedAt)
        throw new ValidationError([{ field: 'id', code: 'ALREADY_ENDED', message: 'Already ended' }]);
      if (membership.userId === ctx.actor.userId && membership.role === 'TENANT_ADMINISTRATOR') {
        throw new ValidationError([
          {
            field: 'id',
            code: 'OWN_ADMIN_ROLE',
            message: 'Ask another administrator to end your own administrator role',
          },
        ]);
      }
      await updateVersioned(ctx.db.membership, 'Membership', membership.id, input.version, {
        endedAt: ctx.now,
      });
      return ctx.db.membership.findUniqueOrThrow({ where: { id: membership.id } });
    },
  }),
}));
