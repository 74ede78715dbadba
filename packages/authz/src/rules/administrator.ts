/** Tenant administrators: people, roles, teams, sign-in, deadline settings, the access log. */
import { orgsWith } from '../conditions.js';
import type { Actor, Can } from '../types.js';

export function administratorRules(can: Can, actor: Actor, _now: Date): void {
  // ─── tenant administrators: people, roles, teams, sign-in ───
  const adminOrgs = orgsWith(actor, 'TENANT_ADMINISTRATOR');
  if (adminOrgs.length > 0) {
    can('update', 'Organization', ['name', 'settings', 'staffingSettings'], { id: { in: adminOrgs } });
    can('manage', ['Membership', 'SpecialistTeam', 'TeamMember', 'HealthTeam', 'IdentityProvider'], {
      organizationId: { in: adminOrgs },
    });
    can(['read', 'create', 'update'], 'User', {
      memberships: { some: { organizationId: { in: adminOrgs } } },
    });
    can('create', 'User');
    // They tune the deadline rules for their organisation (within the bounds the rules allow).
    can('manage', 'DeadlineRuleSetting', { organizationId: { in: adminOrgs } });
    // They answer a job seeker's request to see who accessed their data (tilgangslogg).
    can('read', 'AuditLog', { organizationId: { in: adminOrgs } });
  }
}
