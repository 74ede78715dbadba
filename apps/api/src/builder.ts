/**
 * The schema builder and its plugins; it defines no types (those live in schema/, one file per
 * type with its queries and mutations beside it).
 */

import type { PrismaClient } from '@ips/db';
import type PrismaTypes from '@ips/db/pothos-types';
import { getDatamodel } from '@ips/db/pothos-types';
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from './context.js';
import { markFailed } from './request-outcome.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { signedIn: boolean; platformOperator: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: Date };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Every field says who may call it (authScopes); the schema test fails on a field without one.
    authScopes: (ctx) => ({
      signedIn: Boolean(ctx.actor.userId),
      platformOperator: ctx.actor.platformOperator,
    }),
  },
  // A typed domain error rolls back everything the mutation wrote before it (request-outcome.ts).
  errors: { defaultTypes: [], onResolvedError: () => markFailed() },
  relay: {
    cursorType: 'String',
    clientMutationId: 'omit',
    nodesOnConnection: false,
    // node(id)/nodes(ids) load records without our resolvers: log job-seeker reads here.
    nodeQueryOptions: {
      authScopes: { signedIn: true },
      resolve: async (_root, { id }, ctx, _info, resolveNode) => {
        const node = await resolveNode(id);
        recordNodeRead(ctx, id.typename, node);
        return node;
      },
    },
    nodesQueryOptions: {
      authScopes: { signedIn: true },
      resolve: async (_root, { ids }, ctx, _info, resolveNodes) => {
        const nodes = await resolveNodes(ids);
        for (const [i, node] of nodes.entries()) recordNodeRead(ctx, ids[i]?.typename ?? '', node);
        return nodes;
      },
    },
  },
  prisma: {
    // The request's transaction client: everything runs under the request's RLS settings.
    client: (ctx) => ctx.db as unknown as PrismaClient,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
});

function recordNodeRead(ctx: Context, typename: string, node: unknown) {
  const record = node as { id?: string; organizationId?: string } | null;
  if (typename !== 'JobSeeker' || !record?.id || !record.organizationId) return;
  ctx.audit.record({
    organizationId: record.organizationId,
    jobSeekerId: record.id,
    action: 'READ',
    area: 'JobSeeker.node',
    entityType: 'JobSeeker',
    entityId: record.id,
  });
}

builder.scalarType('DateTime', {
  serialize: (d) => d.toISOString(),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new TypeError('Invalid DateTime');
    return d;
  },
});

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD (Europe/Oslo)',
  serialize: (d) => d.toISOString().slice(0, 10),
  parseValue: (v) => {
    const s = String(v);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
      throw new TypeError('Invalid Date');
    return s;
  },
});
