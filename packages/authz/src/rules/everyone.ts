/** Everyone signed in: their own user and inbox; members read the organisations they act in and their own memberships. */
import type { Actor, Can } from '../types.js';

export function everyoneRules(can: Can, actor: Actor, _now: Date): void {
  const me = actor.userId;
  if (actor.platformOperator) {
    can('onboard', 'Organization');
    can('read', 'Organization');
  }
  can('read', 'User', { id: me });

  // Everyone's own inbox.
  can(['read', 'update'], 'Notification', { recipientId: me });

  // Every member reads the organisations they act in and their own memberships.
  const memberOrgs = [...new Set(actor.memberships.map((m) => m.organizationId))];
  if (memberOrgs.length > 0) {
    can('read', 'Organization', { id: { in: memberOrgs } });
    can('read', 'Membership', { userId: me });
  }
}
