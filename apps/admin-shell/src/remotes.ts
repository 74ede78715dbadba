/** Which micro-frontends a user needs (pure: no browser APIs, so a Node test reads it too). */
/**
 * A micro-frontend. `roles` (and `platformOperator`) name who its menu serves: the shell loads it
 * only for a user who holds one of them (docs/adr/0021-loading-the-admin.md). Without `roles`, it is loaded for
 * everyone.
 */
export interface RemoteConfig {
  name: string;
  entry: string;
  roles?: string[];
  platformOperator?: boolean;
}

/** The remotes a user with these roles needs (their menu's areas), in the configured order. */
export function remotesFor(
  remotes: readonly RemoteConfig[],
  roles: readonly string[],
  platformOperator: boolean,
): RemoteConfig[] {
  return remotes.filter(
    (r) =>
      r.roles === undefined ||
      r.roles.some((role) => roles.includes(role)) ||
      (r.platformOperator === true && platformOperator),
  );
}
