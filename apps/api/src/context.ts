/**
 * The request's context, built in one place: inside the request's transaction, set the settings
 * row-level security reads, load who the user is where (memberships, teams), and build the CASL
 * ability from that. Everything a resolver touches comes from here.
 */
import {
  type Actor,
  type AppAbility,
  defineAbilityFor,
  unrestrictedAbilityForBenchmarkOnly,
} from '@ips/authz';
import type { Role, TransactionClient } from '@ips/db';
import { AuditTrail } from './audit.js';
import type { ApiConfig } from './config.js';

export interface SignedInUser {
  userId: string;
  platformOperator: boolean;
  /** Active memberships in organisations that trust the token's issuer. */
  memberships: { organizationId: string; role: Role }[];
  teams: { teamId: string; organizationId: string; role: 'JOB_SPECIALIST' | 'METHOD_SUPERVISOR' }[];
}

export interface Context {
  requestId: string;
  db: TransactionClient;
  actor: Actor;
  ability: AppAbility;
  audit: AuditTrail;
  config: ApiConfig;
  now: Date;
  /**
   * True only in the benchmark's "security layers off" rung (`createApi`'s
   * `benchmarkOnlyWithoutSecurity`, refused in production): field checks are skipped.
   */
  unguarded: boolean;
  /**
   * What failed in the shaped list's statement (ADR 0023 step 5), if anything: the transaction is
   * aborted then, so the request fails as a whole (503 when the database is unavailable).
   */
  shapedFailure?: unknown;
}

export interface ContextOptions {
  /** The request's transaction. */
  db: TransactionClient;
  user: SignedInUser;
  requestId: string;
  config: ApiConfig;
  /** `x-organization-id`: narrows the request to one of the user's organisations, never widens it. */
  requestedOrganizationId?: string;
  /** Why the screen reads (`x-access-reason`, cleaned), for the access log. */
  accessReason?: string;
  /** The application's clock (tests); never from a request. */
  clock?: () => Date;
  /** The benchmark's "security layers off" rung only (refused in production). */
  unguarded?: boolean;
  /** What the request's first statement already set `app.org_ids` to (ADR 0014), if it did. */
  orgIdsAlreadySet?: string;
}

export async function createContext({
  db,
  user,
  requestId,
  config,
  requestedOrganizationId,
  accessReason,
  clock = () => new Date(),
  unguarded = false,
  orgIdsAlreadySet,
}: ContextOptions): Promise<Context> {
  // A tenant switch narrows the request to one organisation; it can never widen it.
  const memberships = requestedOrganizationId
    ? user.memberships.filter((m) => m.organizationId === requestedOrganizationId)
    : user.memberships;
  const organizationIds = [...new Set(memberships.map((m) => m.organizationId))];
  // The settings row-level security reads, before anything else in the transaction — unless the
  // statement sent with BEGIN set exactly these already.
  const sameOrganizations =
    orgIdsAlreadySet !== undefined &&
    orgIdsAlreadySet.split(',').filter(Boolean).sort().join(',') === [...organizationIds].sort().join(',');
  if (!sameOrganizations) {
    await db.$executeRaw`SELECT set_config('app.user_id', ${user.userId}, true), set_config('app.org_ids', ${organizationIds.join(',')}, true)`;
  }
  const actor: Actor = {
    userId: user.userId,
    memberships,
    teams: user.teams,
    platformOperator: user.platformOperator,
  };
  const now = clock();
  const roleIn = (organizationId: string): Role | null =>
    memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
  return {
    requestId,
    db,
    actor,
    ability: unguarded ? unrestrictedAbilityForBenchmarkOnly() : defineAbilityFor(actor, now),
    audit: new AuditTrail({ userId: user.userId, roleIn, organizationIds }, requestId, accessReason ?? null),
    config,
    now,
    unguarded,
  };
}
