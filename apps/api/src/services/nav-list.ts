/**
 * The NAV counsellor's list at national scale (issue 18 item 1, ADR 0020). A NAV counsellor sees
 * only job seekers with an active grant to their office (or to them) on an active NAV-sharing
 * consent (seed 001 §3, `docs/domain.md` §3). PostgreSQL drives that list from the office's grants
 * (the CASL condition is an `EXISTS` it turns into a semi-join over `nav_sharing_grant
 * ("navOfficeId", "counsellorId")`), but then has every granted job seeker (about 900 for an office
 * of the national seed) to order by referral date, and Prisma's one statement builds each row's
 * grants and jobs (JSON aggregates in lateral joins) before the sort and the `LIMIT`: hundreds of
 * milliseconds for a page of 40.
 *
 * For a NAV-only actor the list is therefore read in two statements: first the page's ids alone
 * (same `WHERE`, order, cursor and size: the sort has only ids and dates to move), then those rows
 * with their relations (the same `WHERE` again, AND the ids). Nothing is loosened: both statements
 * carry the list's full CASL condition and run under the same row-level security.
 * `IPS_NAV_LIST_PAGE_FIRST=0` turns it off (the bench's comparison, the test's normal path).
 */
import type { Actor } from '@ips/authz';
import type { JobSeeker, Prisma } from '@ips/db';
import type { Context } from '../context.js';

/**
 * The NAV offices the actor acts in, when being a NAV counsellor is all the actor is (no other
 * role, no team, not the platform's operator); anyone else: null (the list is read as before).
 */
export function navOnlyOffices(actor: Actor): string[] | null {
  if (process.env.IPS_NAV_LIST_PAGE_FIRST === '0') return null;
  if (actor.platformOperator || actor.teams.length > 0 || actor.memberships.length === 0) return null;
  if (actor.memberships.some((m) => m.role !== 'NAV_COUNSELLOR')) return null;
  return [...new Set(actor.memberships.map((m) => m.organizationId))];
}

/** What the connection plugin hands the resolver: the page (take/skip/cursor) and the selection. */
type ListQuery = {
  take?: number;
  skip?: number;
  cursor?: Prisma.JobSeekerWhereUniqueInput;
  select?: object;
  include?: object;
};

/**
 * The list's rows for a NAV-only actor, the page's ids first; null for anyone else (the caller
 * reads the list in one statement as before).
 */
export async function navListPageFirst(
  ctx: Context,
  query: ListQuery,
  where: Prisma.JobSeekerWhereInput,
  orderBy: Prisma.JobSeekerOrderByWithRelationInput[],
): Promise<JobSeeker[] | null> {
  if (!navOnlyOffices(ctx.actor)) return null;
  const { take, skip, cursor, ...selection } = query;
  const page = await ctx.db.jobSeeker.findMany({
    where,
    orderBy,
    ...(take === undefined ? {} : { take }),
    ...(skip === undefined ? {} : { skip }),
    ...(cursor === undefined ? {} : { cursor }),
    select: { id: true },
  });
  if (page.length === 0) return [];
  return (await ctx.db.jobSeeker.findMany({
    ...(selection as object),
    where: { AND: [where, { id: { in: padded(page.map((p) => p.id)) } }] },
    orderBy,
  })) as JobSeeker[];
}

/**
 * The ids padded (with the last one repeated, which changes nothing in `IN`) to a power of two of at
 * least 8: Prisma writes `IN ($1, …, $n)`, and each n is another SQL text, another prepared
 * statement and another plan; this keeps it to a few texts whatever the page's length.
 */
export function padded(ids: string[]): string[] {
  const last = ids[ids.length - 1];
  if (last === undefined) return ids;
  let size = 8;
  while (size < ids.length) size *= 2;
  return [...ids, ...Array.from({ length: size - ids.length }, () => last)];
}
