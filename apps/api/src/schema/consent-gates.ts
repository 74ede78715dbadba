/**
 * Issue 17 item 8: the consent scopes that used to gate nothing now gate what their names say
 * (domain.md §3; seed 000 §3 and §5):
 * - HEALTH_TEAM_COLLABORATION — the specialist and the health team share information: a support
 *   plan may name the health team as a support person, and a follow-up meeting may have the health
 *   team taking part, only while it is given;
 * - RELATIVES_NETWORK — relatives may be involved (e.g. the specialist at family meetings): a
 *   support plan may name relatives, and a follow-up meeting may have relatives taking part, only
 *   while it is given.
 * Without it the answer is `ConsentRequiredError { scope }` and nothing is written.
 */
import { activeConsent } from '@ips/authz';
import type { Context } from '../context.js';
import { ConsentRequiredError } from './errors.js';

/** Who takes part or supports → the consent that must be in force for it. */
const GATES = [
  ['HEALTH_TEAM', 'HEALTH_TEAM_COLLABORATION'],
  ['RELATIVES', 'RELATIVES_NETWORK'],
] as const;

export async function assertInvolvementConsents(
  ctx: Context,
  jobSeekerId: string,
  involved: readonly string[],
): Promise<void> {
  for (const [who, scope] of GATES) {
    if (!involved.includes(who)) continue;
    const given = await ctx.db.jobSeeker.count({
      where: { id: jobSeekerId, consents: activeConsent(scope, ctx.now) },
    });
    if (given === 0) throw new ConsentRequiredError(scope);
  }
}
