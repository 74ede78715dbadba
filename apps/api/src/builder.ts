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
import RelayPlugin, { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin, { type StandardSchemaV1 } from '@pothos/plugin-validation';
import type { GraphQLInterfaceType, GraphQLResolveInfo } from 'graphql';
import type { Context } from './context.js';
import { type FieldIssue, ValidationError } from './domain-errors.js';
import InputGuardPlugin from './input-guard.js';
import { markFailed } from './request-outcome.js';
import { asValidationCode } from './schema/validation-codes.js';

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
  // The input guard after the validation plugin: config hooks run last-to-first, so the guard's
  // schemas are in place when the validation plugin collects them.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, InputGuardPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Every field says who may call it (authScopes); the schema test fails on a field without one.
    authScopes: (ctx) => ({
      signedIn: Boolean(ctx.actor.userId),
      platformOperator: ctx.actor.platformOperator,
    }),
  },
  // A typed domain error rolls back everything the mutation wrote before it (request-outcome.ts).
  // `unsafelyHandleInputErrors`: input validation failures (below) become the mutation's typed
  // ValidationError too. Pothos runs argument validation before any plugin's resolver wrapper,
  // scope-auth included, with or without this option; the checks are static (format, range, no
  // database), so answering them typed before authorization tells a caller only about their input.
  errors: { defaultTypes: [], onResolvedError: () => markFailed(), unsafelyHandleInputErrors: true },
  // Bad input (a field's `validate`, or the input guard's checks by type) is the schema's
  // ValidationError naming the fields: a typed result where the mutation's union has it,
  // BAD_USER_INPUT with the same issues elsewhere (errors.ts).
  validation: { validationError: (failure) => new ValidationError(fieldIssues(failure.issues)) },
  relay: {
    cursorType: 'String',
    clientMutationId: 'omit',
    nodesOnConnection: false,
    // A global id that cannot name a record (not base64, no type, no UUID) names nothing: node and
    // nodes answer null for it, as for an id of a record the caller may not read.
    decodeGlobalID: (globalID) => {
      try {
        return decodeGlobalID(globalID);
      } catch {
        return { typename: '', id: '' };
      }
    },
    // node(id)/nodes(ids) load records without our resolvers: log job-seeker reads here.
    nodeQueryOptions: {
      authScopes: { signedIn: true },
      resolve: async (_root, { id }, ctx, info, resolveNode) => {
        if (!namesRecord(id, info)) return null;
        const node = await resolveNode(id);
        recordNodeRead(ctx, id.typename, node);
        return node;
      },
    },
    nodesQueryOptions: {
      authScopes: { signedIn: true },
      resolve: async (_root, { ids }, ctx, info) => {
        if (ids.length > ctx.config.maxPageSize)
          throw new ValidationError([
            {
              field: 'ids',
              code: 'TOO_MANY',
              message: `At most ${ctx.config.maxPageSize} ids at a time`,
            },
          ]);
        const wanted = ids.map((id) => (namesRecord(id, info) ? id : null));
        const nodes = await loadNodes(ctx, info, wanted);
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

/** A decoded global id that can name a record: a node type's name and a UUID. */
function namesRecord(id: { typename: string; id: string }, info: GraphQLResolveInfo): boolean {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.id)) return false;
  // The schema's own methods, not graphql-js's `isObjectType`: an `instanceof` check breaks where
  // two copies of graphql are loaded (the admin's browser-test stack loads the API that way).
  const node = info.schema.getType('Node') as GraphQLInterfaceType | undefined;
  return !!node && info.schema.getImplementations(node).objects.some((type) => type.name === id.typename);
}

/** The relay plugin's batched node loading, for the ids that can name a record (null elsewhere). */
async function loadNodes(
  ctx: Context,
  info: GraphQLResolveInfo,
  ids: ({ typename: string; id: string } | null)[],
): Promise<unknown[]> {
  return Promise.all(await resolveNodes(builder as never, ctx, info, ids));
}

/**
 * The validation failures as field issues: the path below a mutation's `input` argument
 * (`agendaNotes.0.agendaItemId`), or the argument's name and path elsewhere; the guard's own code
 * (INVALID_TEXT, INVALID_ID, OUT_OF_RANGE) or the validator's, upper-cased; one issue per field.
 */
function fieldIssues(issues: readonly StandardSchemaV1.Issue[]): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
    const field = (path[0] === 'input' ? path.slice(1) : path).join('.');
    if (byField.has(field)) continue;
    const zod = issue as StandardSchemaV1.Issue & {
      code?: string;
      format?: string;
      params?: { code?: string };
    };
    const code = asValidationCode(
      zod.params?.code ??
        (zod.code === 'invalid_format' && zod.format === 'uuid' ? 'INVALID_ID' : zod.code?.toUpperCase()),
    );
    byField.set(field, { field, code, message: issue.message });
  }
  return [...byField.values()];
}

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
