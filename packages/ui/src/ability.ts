/**
 * The CASL ability of the signed-in user, built in the browser with the same rules the API
 * enforces (`@ips/authz`), for the organisation acted in. It decides which actions the admin
 * shows; the API and row-level security still decide what happens.
 */
import { type AppAbility, canOn, defineAbilityFor } from '@ips/authz';
import { useMemo } from 'react';
import type { Session } from './contract.js';
import { useSession } from './session.js';

export function abilityFor(session: Session, now: Date = new Date()): AppAbility {
  return defineAbilityFor(
    {
      userId: session.userId,
      memberships: session.roles.map((role) => ({ organizationId: session.organizationId, role })),
      teams: session.teams.filter((t) => t.organizationId === session.organizationId),
      platformOperator: false,
    },
    now,
  );
}

export function useAbility(): AppAbility {
  const session = useSession();
  return useMemo(() => abilityFor(session), [session]);
}

export type { AppAbility };
export { canOn };
