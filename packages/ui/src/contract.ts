/**
 * The contract between the admin shell and its micro-frontends (docs/adr/0007, after Squide): a
 * micro-frontend exposes only `./register`, a function that returns its area — routes with the
 * roles that may see them, and its texts in bokmål and English. The shell owns the session, the
 * GraphQL client, i18n and the router (shared singletons); micro-frontends never import each
 * other and reach the shell only through React context.
 */
import type { ReactElement } from 'react';

export type Role =
  | 'JOB_SPECIALIST'
  | 'METHOD_SUPERVISOR'
  | 'HEALTH_SERVICE_LEADER'
  | 'NAV_COUNSELLOR'
  | 'TENANT_ADMINISTRATOR';

export interface Membership {
  organizationId: string;
  organizationName: string;
  role: Role;
}

/** Who is signed in, and where they act now (one organisation at a time). */
export interface Session {
  userId: string;
  givenName: string;
  familyName: string;
  memberships: readonly Membership[];
  /** The teams the user works in (all organisations), and as what. */
  teams: readonly { teamId: string; organizationId: string; role: 'JOB_SPECIALIST' | 'METHOD_SUPERVISOR' }[];
  organizationId: string;
  /** The roles held in the organisation acted in now. */
  roles: readonly Role[];
  /** A platform operator onboards organisations (a duty of its own, beside any membership). */
  platformOperator?: boolean;
}

export interface AreaRoute {
  /** Path under the shell, e.g. `portfolio` or `portfolio/:id`. */
  path: string;
  /** i18n key of the navigation label; routes without one are not in the menu. */
  navKey?: string;
  /** Roles that see the route (in the organisation acted in). */
  roles: readonly Role[];
  /** The platform operator sees the route too, whatever their roles (onboarding). */
  platformOperator?: boolean;
  /**
   * Why the screen reads what it reads, in bokmål — "the page: its purpose" (issue 15, item 11).
   * The shell sends it with every operation the route makes (header `x-access-reason`), and the
   * API writes it into the access log the job seeker may see. Optional only so that a new route
   * still compiles: `purposes.test.ts` lists every route without one, and fails.
   */
  purpose?: string;
  element: ReactElement;
}

/** The longest purpose the API keeps (`apps/api/src/access-reason.ts`). */
export const PURPOSE_MAX_LENGTH = 200;

export type Texts = Record<string, string>;

export interface Area {
  /** The i18n namespace and the remote's name. */
  id: string;
  routes: readonly AreaRoute[];
  texts: { nb: Texts; en: Texts };
}

/** What `./register` exports as default. */
export type Register = () => Area;
