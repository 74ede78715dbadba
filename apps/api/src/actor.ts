/**
 * Who is asking, and what row-level security reads: one statement that rides with the request's
 * BEGIN (ADR 0014) resolves the user for the token's issuer and subject and sets `app.user_id` and
 * `app.org_ids` from the same row.
 */
import { sqlLiteral, type TransactionClient } from '@ips/db';
import { AuthenticationError } from './auth.js';
import type { SignedInUser } from './context.js';

export interface ActorRow {
  user_id: string;
  platform_operator: boolean;
  memberships: SignedInUser['memberships'];
  teams: SignedInUser['teams'];
  /** What `app.org_ids` was set to (the organisations this request acts in). */
  org_ids: string;
}

/**
 * The statement that rides with the request's BEGIN: the user for this issuer and subject
 * (`app.resolve_actor`), and the two settings row-level security reads, set from the same row —
 * the organisations narrowed to the one the client asked for (`x-organization-id`), never widened.
 * Literals only (simple protocol); every value is escaped.
 */
export function actorAndSettingsSql(
  identity: { issuer: string; subject: string },
  requestedOrganizationId?: string,
): string {
  const requested = sqlLiteral(requestedOrganizationId ?? null);
  return `SELECT a.user_id, a.platform_operator, a.memberships, a.teams,
  set_config('app.user_id', a.user_id::text, true),
  set_config('app.org_ids', coalesce((SELECT string_agg(DISTINCT m ->> 'organizationId', ',')
    FROM jsonb_array_elements(a.memberships) m
    WHERE ${requested}::text IS NULL OR m ->> 'organizationId' = ${requested}::text), ''), true) AS org_ids
FROM app.resolve_actor(${sqlLiteral(identity.issuer)}, ${sqlLiteral(identity.subject)}) a`;
}

/**
 * The signed-in user from the rows the BEGIN statement returned, or (not pipelined: never
 * expected) from a lookup of its own, which then leaves the settings to `createContext`.
 * An identity no organisation knows is an AuthenticationError (401).
 */
export async function resolveUser(
  tx: TransactionClient,
  identity: { issuer: string; subject: string },
  beginRows: unknown[] | undefined,
): Promise<{ user: SignedInUser; orgIdsAlreadySet: string | undefined }> {
  const rows = beginRows
    ? (beginRows as ActorRow[])
    : await tx.$queryRawUnsafe<ActorRow[]>(
        'SELECT user_id, platform_operator, memberships, teams FROM app.resolve_actor($1, $2)',
        identity.issuer,
        identity.subject,
      );
  const row = rows[0];
  if (!row) throw new AuthenticationError('unknown user');
  return {
    user: {
      userId: row.user_id,
      platformOperator: row.platform_operator,
      memberships: row.memberships,
      teams: row.teams,
    },
    orgIdsAlreadySet: beginRows ? row.org_ids : undefined,
  };
}
