/**
 * The NAV counsellor's list at national scale (issue 18 item 1, ADR 0020): driven from the office's
 * grants. A NAV counsellor sees only job seekers with an active grant to their office (or to them)
 * on an active NAV-sharing consent (seed 001 §4, docs/domain.md "NAV sharing"). Asking PostgreSQL for
 * "all job seekers in referral order, each with an EXISTS check on its grants" walks every job
 * seeker of the country; this first reads the grants (index on `navOfficeId, counsellorId`, then the
 * consent by its key) and hands their job seekers' ids to the list as one more condition, so the
 * list reads those rows by primary key.
 *
 * It only narrows: the list's own CASL condition and the row-level-security policies still apply
 * in full, so nothing becomes visible that was not before (a grant that lapses between the two
 * statements is re-checked by both). It is one statement whatever the list's length.
 * `IPS_NAV_LIST_FROM_GRANTS=0` turns it off (the bench's comparison, the test's normal path).
 */
import { type Actor, accessibleWhere, activeNavGrant } from '@ips/authz';
import type { Prisma } from '@ips/db';
import type { Context } from '../context.js';

/**
 * The NAV offices the actor acts in, when being a NAV counsellor is all the actor is (no other
 * role, no team, not the platform's operator): only then is every job seeker the actor may read
 * one with a grant. Anyone else: null (the list is not narrowed).
 */
export function navOnlyOffices(actor: Actor): string[] | null {
  // `IPS_NAV_LIST_FROM_GRANTS=0`: the list as before (for the bench's comparison and the test
  // that guards this path's results against it).
  if (process.env.IPS_NAV_LIST_FROM_GRANTS === '0') return null;
  if (actor.platformOperator || actor.teams.length > 0 || actor.memberships.length === 0) return null;
  if (actor.memberships.some((m) => m.role !== 'NAV_COUNSELLOR')) return null;
  return [...new Set(actor.memberships.map((m) => m.organizationId))];
}

/**
 * For a NAV-only actor: `{ id: { in: <job seekers with an active grant> } }`, read from the grants
 * under the actor's own rules for grants and the same grant-and-consent condition CASL puts on the
 * job seeker; for anyone else an empty condition.
 */
export async function navGrantedJobSeekersWhere(ctx: Context): Promise<Prisma.JobSeekerWhereInput> {
  const offices = navOnlyOffices(ctx.actor);
  if (!offices) return {};
  const active = activeNavGrant(ctx.actor, offices, ctx.now).some ?? {};
  const grants = await ctx.db.navSharingGrant.findMany({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'NavSharingGrant'), active] },
    select: { jobSeekerId: true },
  });
  const ids = [...new Set(grants.map((g) => g.jobSeekerId))];
  // Past this many the list stays as it was (the statement's parameters have a limit).
  if (ids.length > MAX_IDS) return {};
  return { id: { in: padded(ids) } };
}

/** More granted job seekers than this (far beyond an office's): the list is not narrowed. */
export const MAX_IDS = 16_384;

/**
 * The ids padded (with the last one repeated, which changes nothing in `IN`) to a power of two of at
 * least 8: Prisma writes `IN ($1, …, $n)`, and each n is another SQL text, another prepared
 * statement and another plan; this keeps it to a dozen texts whatever the office's grants.
 */
export function padded(ids: string[]): string[] {
  const last = ids[ids.length - 1];
  if (last === undefined) return ids;
  let size = 8;
  while (size < ids.length) size *= 2;
  return [...ids, ...Array.from({ length: size - ids.length }, () => last)];
}
