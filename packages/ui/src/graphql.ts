/**
 * Typed GraphQL documents: `graphql(...)` infers each document's result and variables from the
 * API's `schema.graphql` (gql.tada; `pnpm generate` writes the introspection types). A document
 * that asks for a field the API does not have fails the typecheck, not the user.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './generated/graphql-env.js';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
