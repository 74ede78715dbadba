import { accessibleWhere } from '@ips/authz';
import { builder } from '../builder.js';
import { OrganizationKindEnum, ServiceLevelEnum } from './enums.js';

export const OrganizationNode = builder.prismaNode('Organization', {
  id: { field: 'id' },
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [accessibleWhere(ctx.ability, 'read', 'Organization')] }),
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OrganizationKindEnum }),
    serviceLevel: t.expose('serviceLevel', { type: ServiceLevelEnum }),
    organizationNumber: t.exposeString('organizationNumber'),
    allowSyntheticIdentityNumbers: t.exposeBoolean('allowSyntheticIdentityNumbers', {
      description:
        'Whether synthetic (test) identity numbers are accepted here: only in demo and test tenants, never in production',
    }),
  }),
});
