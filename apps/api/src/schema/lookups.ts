/**
 * Lookups the case-work mutations share: the job seeker the caller may read (or NotFound, so a
 * foreign id and a missing id look the same), the employer-in-this-organisation check, and the
 * calendar-day parser.
 */
import { accessibleWhere } from '@ips/authz';
import { osloDay } from '@ips/domain';
import type { Context } from '../context.js';
import { type FieldIssue, NotFoundError } from './errors.js';

/** The errors plugin may plan an empty selection (client asked only for __typename). */
export function nonEmpty<Q extends object>(query: Q): Q {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ select: { id: true } } as Q) : query;
}

/**
 * The answer of a list resolver that knows without asking the database that there is nothing
 * (e.g. a user who supervises no team). The selection Pothos planned for it counts as used:
 * development's unused-query check would otherwise fail the request (issue 14: 7).
 */
export function noRows(query: object): [] {
  void { ...query };
  return [];
}

/** A calendar day (YYYY-MM-DD) as the UTC midnight Prisma stores in a `@db.Date` column. */
export const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * An issue when a day on which something happened (a job ended, the specialist learned of it, an
 * intake, a discharge, an application, a review) lies after today — today in Europe/Oslo by the
 * API's clock (`ctx.now`), as every deadline counts days.
 */
export function futureDayIssue(
  ctx: Context,
  field: string,
  day: string | null | undefined,
  message: string,
): FieldIssue | null {
  return day && day > osloDay(ctx.now) ? { field, code: 'IN_FUTURE', message } : null;
}

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

/**
 * What stops a job or a study from starting on this day: a discharged job seeker, or a start
 * before the referral. `what` names the start in the message ("A job start", "A study start").
 */
export function startIssues(
  js: { phase: string; referralDate: Date },
  startDate: string,
  what: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (js.phase === 'DISCHARGED')
    issues.push({ field: 'jobSeekerId', code: 'DISCHARGED', message: 'The job seeker is discharged' });
  if (asDate(startDate) < js.referralDate)
    issues.push({
      field: 'startDate',
      code: 'BEFORE_REFERRAL',
      message: `${what} cannot be before the referral`,
    });
  return issues;
}

/** Moved to `services/versioned.ts` (issue 19); re-exported until every caller imports it there. */
export { conflictNow } from '../services/versioned.js';
