/**
 * The records a case-work flow starts from, found only within what the caller may read: a foreign
 * id and a missing id look the same (NotFound, never Forbidden), and an employer must be one of the
 * job seeker's organisation.
 */
import { accessibleWhere } from '@ips/authz';
import type { Context } from '../context.js';
import { type FieldIssue, NotFoundError } from '../schema/errors.js';

/** The job seeker with this id that the caller may read, or a NotFoundError. */
export async function readableJobSeeker(ctx: Context, id: string) {
  const js = await ctx.db.jobSeeker.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id }] },
  });
  if (!js) throw new NotFoundError('JobSeeker');
  return js;
}

/** A field issue when an optional employer id does not name an employer of the organisation. */
export async function unknownEmployerIssue(
  ctx: Context,
  organizationId: string,
  employerId: string | null | undefined,
): Promise<FieldIssue | null> {
  if (!employerId) return null;
  const employer = await ctx.db.employer.findFirst({
    where: { id: employerId, organizationId },
    select: { id: true },
  });
  return employer
    ? null
    : { field: 'employerId', code: 'UNKNOWN', message: 'No such employer in the organisation' };
}
