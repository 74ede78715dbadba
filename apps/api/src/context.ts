/**
 * The request's context, built in one place: inside the request's transaction, set the settings
 * row-level security reads, load who the user is where (memberships, teams), and build the CASL
 * ability from that. Everything a resolver touches comes from here.
 */
import { type Actor, type AppAbility, defineAbilityFor } from '@ips/authz';
import type { Role, TransactionClient } from '@ips/db';
import { AuditTrail } from './audit.js';
import type { ApiConfig } from './config.js';

export interface SignedInUser {
  userId: string;
  /** Organisations where the user is a member and the token's issuer is trusted. */
  organizationIds: string[];
  platformOperator: boolean;
}

export interface Context {
  requestId: string;
  db: TransactionClient;
  actor: Actor;
  ability: AppAbility;
  audit: AuditTrail;
  config: ApiConfig;
  now: Date;
}

export async function createContext(
  db: TransactionClient,
  user: SignedInUser,
  requestId: string,
  config: ApiConfig,
  requestedOrganizationId?: string,
): Promise<Context> {
  // A tenant switch narrows the request to one organisation; it can never widen it.
  const organizationIds = requestedOrganizationId
    ? user.organizationIds.filter((id) => id === requestedOrganizationId)
    : user.organizationIds;
  // In this order: the settings first, so the reads below are already under row-level security.
  await db.$executeRaw`SELECT set_config('app.user_id', ${user.userId}, true), set_config('app.org_ids', ${organizationIds.join(',')}, true)`;
  const memberships = await db.membership.findMany({
    where: { userId: user.userId, organizationId: { in: organizationIds }, endedAt: null },
    select: { organizationId: true, role: true },
  });
  const teams = await db.teamMember.findMany({
    where: { userId: user.userId, leftOn: null },
    select: { teamId: true, organizationId: true, role: true },
  });
  const actor: Actor = {
    userId: user.userId,
    memberships,
    teams,
    platformOperator: user.platformOperator,
  };
  const now = new Date();
  const roleIn = (organizationId: string): Role | null =>
    memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
  return {
    requestId,
    db,
    actor,
    ability: defineAbilityFor(actor, now),
    audit: new AuditTrail({ userId: user.userId, roleIn, organizationIds }, requestId),
    config,
    now,
  };
}
