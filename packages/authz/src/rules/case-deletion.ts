/** Deleting and restoring a case (ADR 0012): the organisation's administrators and leaders, who never read it. */
import { orgsWith } from '../conditions.js';
import type { Actor, Can } from '../types.js';

export function caseDeletionRules(can: Can, actor: Actor, _now: Date): void {
  // ─── deleting and restoring a case: the organisation's administrators and leaders ───
  // (`delete` on a job seeker is only ever this soft deletion; nobody may read a deleted case.)
  const caseDeletionOrgs = orgsWith(actor, 'TENANT_ADMINISTRATOR', 'HEALTH_SERVICE_LEADER');
  if (caseDeletionOrgs.length > 0) {
    can(['delete', 'restore'], 'JobSeeker', { organizationId: { in: caseDeletionOrgs } });
  }
}
