/**
 * One GraphQL request in one database transaction (ADR 0004, ADR 0014):
 * BEGIN with the actor and the security settings → the context and ability → the idempotency key →
 * the operation → the rollback rule → the access log, riding with COMMIT.
 */
import type { ApolloServer, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { type PrismaClient, type RequestPipeline, requestPipeline } from '@ips/db';
import type { Tracer } from '@opentelemetry/api';
import { actorAndSettingsSql, resolveUser } from './actor.js';
import type { ApiConfig } from './config.js';
import { type Context, createContext } from './context.js';
import { claimKey, type Replay, storeResponse } from './idempotency.js';
import { type RequestOutcome, requestOutcome } from './request-outcome.js';

/** Thrown to roll the transaction back; the response (with its errors) still goes to the client. */
class RollBack extends Error {}

export interface GraphQLRequestInTransaction {
  identity: { issuer: string; subject: string };
  requestId: string;
  httpGraphQLRequest: HTTPGraphQLRequest;
  mutation: boolean;
  /** The mutation's `Idempotency-Key` (already checked for its shape) and its request hash. */
  idempotency?: { key: string; hash: string };
  /** `x-organization-id`: narrows the request to one of the user's organisations. */
  requestedOrganizationId?: string;
  /** `x-access-reason`, cleaned: why the screen reads (the access log). */
  accessReason?: string;
}

export interface TransactionDeps {
  prisma: PrismaClient;
  apollo: ApolloServer<Context>;
  tracer: Tracer;
  config: ApiConfig;
  clock?: () => Date;
  /** The benchmark's "security layers off" rung (`createApi`): no ability, no access log. */
  insecure: boolean;
}

/**
 * Runs the request. Answers the operation's response, or the replay of an idempotent first
 * response ('conflict' when the key was used for another request). A GraphQL error or a typed
 * domain error in a mutation rolls everything back, idempotency key included. Throws what the
 * HTTP route answers itself: AuthenticationError (401), an unavailable database (503), the rest (500).
 */
export async function runInTransaction(
  deps: TransactionDeps,
  request: GraphQLRequestInTransaction,
): Promise<{ response?: HTTPGraphQLResponse; replayed?: Replay }> {
  const { prisma, apollo, tracer, config, insecure } = deps;
  let response: HTTPGraphQLResponse | undefined;
  let replayed: Replay | undefined;
  // One message opens the transaction, looks the user up and sets what row-level security reads;
  // one message writes the access log and commits (ADR 0014).
  const pipeline: RequestPipeline = {
    withBegin: actorAndSettingsSql(request.identity, request.requestedOrganizationId),
  };
  try {
    await requestPipeline.run(pipeline, () =>
      prisma.$transaction(
        async (tx) => {
          const { user, orgIdsAlreadySet } = await resolveUser(tx, request.identity, pipeline.beginRows);
          const ctx = await createContext({
            db: tx,
            user,
            requestId: request.requestId,
            config,
            requestedOrganizationId: request.requestedOrganizationId,
            accessReason: request.accessReason,
            clock: deps.clock,
            unguarded: insecure,
            orgIdsAlreadySet,
          });
          if (request.idempotency) {
            replayed = await claimKey(tx, user.userId, request.idempotency.key, request.idempotency.hash);
            if (replayed) return;
          }
          const outcome: RequestOutcome = { failed: false };
          response = await tracer.startActiveSpan(
            'graphql.execute',
            {
              attributes: {
                'graphql.operation.type': request.mutation ? 'mutation' : 'query',
                'ips.request_id': request.requestId,
              },
            },
            (span) =>
              requestOutcome
                .run(outcome, () =>
                  apollo.executeHTTPGraphQLRequest({
                    httpGraphQLRequest: request.httpGraphQLRequest,
                    context: async () => ctx,
                  }),
                )
                .finally(() => span.end()),
          );
          if (ctx.shapedFailure !== undefined) throw ctx.shapedFailure;
          const body = response.body.kind === 'complete' ? response.body.string : '';
          // A GraphQL error or a typed domain error: the mutation leaves nothing behind.
          if (request.mutation && (outcome.failed || /"errors"\s*:/.test(body))) throw new RollBack();
          if (request.idempotency) {
            await storeResponse(tx, user.userId, request.idempotency.key, response.status ?? 200, body);
          }
          // The access log goes with the COMMIT: written in the same transaction, no extra round trip.
          if (!insecure) pipeline.beforeCommit = ctx.audit.insertSql() ?? undefined;
        },
        { maxWait: config.dbAcquireTimeoutMs, timeout: config.dbStatementTimeoutMs },
      ),
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return { response, replayed };
}
