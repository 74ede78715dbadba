/**
 * A job specialist's caseload, the person's (docs/supervision.md "Caseload"): job seekers in the
 * portfolio, not discharged, in whichever organisation holds their records. A specialist employed
 * by another organisation than the team's (seed 002) has their records there, hidden from the
 * team's organisation by row-level security, so the count comes from one definer function that
 * returns counts only, for people working in one of the request's organisations.
 */
import type { Context } from '../context.js';

export async function caseloadsOf(ctx: Context, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await ctx.db.$queryRaw<{ specialist_id: string; caseload: number }[]>`
    SELECT specialist_id, caseload FROM app.specialist_caseloads(${userIds}::uuid[])`;
  return new Map(rows.map((r) => [r.specialist_id, Number(r.caseload)]));
}
