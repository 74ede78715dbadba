import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';
import { OrganizationNode } from './organization.js';

const MembershipType = builder.prismaObject('Membership', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    organization: t.relation('organization', { type: OrganizationNode }),
  }),
});

export const UserType = builder.prismaObject('User', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    platformOperator: t.boolean({
      description:
        'Whether this is a platform operator (who onboards organisations): said of yourself only, null for anyone else.',
      nullable: true,
      resolve: (user, _args, ctx) => (user.id === ctx.actor.userId ? ctx.actor.platformOperator : null),
    }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    description: 'The signed-in user, with the roles they hold where this request acts.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.user.findUniqueOrThrow({ ...query, where: { id: ctx.actor.userId } }),
  }),
);

builder.prismaObjectField('User', 'memberships', (t) =>
  t.relation('memberships', {
    type: MembershipType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: { endedAt: null, organizationId: { in: ctx.actor.memberships.map((m) => m.organizationId) } },
      orderBy: [{ organizationId: 'asc' }, { role: 'asc' }],
    }),
  }),
);

const ViewerTeamType = builder
  .objectRef<{ teamId: string; organizationId: string; role: 'JOB_SPECIALIST' | 'METHOD_SUPERVISOR' }>(
    'ViewerTeam',
  )
  .implement({
    description: 'A team the signed-in user works in, and as what.',
    authScopes: { signedIn: true },
    fields: (t) => ({
      teamId: t.exposeID('teamId'),
      organizationId: t.exposeID('organizationId'),
      role: t.field({ type: RoleEnum, resolve: (team) => team.role }),
    }),
  });

builder.queryField('myTeams', (t) =>
  t.field({
    type: [ViewerTeamType],
    description:
      'The teams the signed-in user works in where this request acts: what the admin needs to decide, with the same rules as the API, which actions to show.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => ctx.actor.teams,
  }),
);
