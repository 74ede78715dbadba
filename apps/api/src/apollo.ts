/**
 * The Apollo Server of the API: the schema, graphql-armor's limits as validation rules, no
 * cache-control, reporting or inline-trace plugin (no landing page in production), errors counted for the metrics and formatted without internals.
 */
import type { AsyncLocalStorage } from 'node:async_hooks';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type FragmentDefinitionNode, Kind } from 'graphql';
import type { Logger } from 'pino';
import type { ApiConfig } from './config.js';
import type { Context } from './context.js';
import { formatError, isTooManyVariableErrors } from './errors.js';
import { MAX_TOKENS } from './http/operation-kind.js';
import { apolloLogger } from './http-errors.js';
import type { Metrics } from './metrics.js';
import { schema } from './schema/index.js';
import { planFor, runPlan, shapedListsOn } from './shaped/job-seeker-list.js';

export async function startApollo(deps: {
  config: ApiConfig;
  log: Logger;
  metrics: Metrics;
  /** The request id of the request being served, for error formatting. */
  requestIds: AsyncLocalStorage<string>;
  /** The benchmark's "security layers off" rung: no armor, no token limit. */
  insecure: boolean;
}): Promise<ApolloServer<Context>> {
  const { config, log, metrics, requestIds, insecure } = deps;
  // Limits as validation rules, reported by Apollo as GRAPHQL_VALIDATION_FAILED with a 400. Every
  // alias counts (armor lets `__typename` aliases through by default). The token limit is
  // graphql-js's own (`parseOptions.maxTokens`: GRAPHQL_PARSE_FAILED, a 400): armor's Apollo plugin
  // for it throws from a hook, which Apollo answers with a 500.
  const exposeLimits = !config.production;
  const armor = new ApolloArmor({
    maxDepth: { n: 12, exposeLimits, errorMessage: 'The query is nested too deep.' },
    costLimit: { maxCost: 5000, exposeLimits, errorMessage: 'The query is too costly.' },
    maxAliases: { n: 10, allowList: [], exposeLimits, errorMessage: 'The query has too many aliases.' },
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits, errorMessage: 'The query has too many directives.' },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: insecure ? undefined : MAX_TOKENS },
    logger: apolloLogger(log),
    // No HTTP caching of GraphQL answers (authorised POSTs), so no cache-control plugin: Apollo
    // would otherwise wrap every field's resolver to compute cache hints nobody reads.
    // Nor Apollo's implicit plugins (ADR 0023): usage and schema reporting would send operations to
    // Apollo's cloud if APOLLO_KEY were ever set (health data must not leave), the inline-trace
    // plugin hooks every request to check for a federation gateway we do not have, and production
    // serves no landing page (development keeps Apollo's local one for GET /graphql in a browser).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(insecure ? [] : armor.plugins),
      // The job-seeker list shaped by one SQL statement (ADR 0023 step 5), after parsing and
      // validation; null (another document, another user's rules) runs the normal execution.
      {
        async requestDidStart() {
          return {
            async responseForOperation(rc) {
              if (!rc.operation || !shapedListsOn()) return null;
              const plan = planFor(schema, rc.operation);
              if (!plan) return null;
              let data: Record<string, unknown> | null;
              try {
                const fragments = rc.document.definitions.filter(
                  (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
                );
                data = await runPlan(
                  rc.contextValue,
                  schema,
                  rc.operation,
                  plan,
                  rc.request.variables,
                  fragments,
                );
              } catch (error) {
                // The request's transaction may be aborted: the request fails as a whole, as when
                // its COMMIT fails (503 when the database is unavailable), not with another answer.
                rc.contextValue.shapedFailure = error;
                return null;
              }
              return data
                ? { http: rc.response.http, body: { kind: 'single', singleResult: { data } } }
                : null;
            },
          };
        },
      },
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors }) {
              for (const e of errors)
                metrics.graphqlError(
                  String(
                    e.extensions?.code ??
                      (isTooManyVariableErrors(e.message) ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR'),
                  ),
                );
            },
          };
        },
      },
    ],
    validationRules: insecure ? [] : armor.validationRules,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        exposeDetails: config.exposeErrorDetails,
        requestId: () => requestIds.getStore(),
        log,
      }),
  });
  await apollo.start();
  return apollo;
}
