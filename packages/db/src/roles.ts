/**
 * The two database roles every environment has (docs/adr/0003):
 * - `ips_owner` owns the schema and runs migrations and seeds (BYPASSRLS, never used by requests);
 * - `ips_app` is what the API connects as: no superuser, not the table owner, no BYPASSRLS, so
 *   row-level security always applies to it.
 * infra/db/roles.sql creates the same roles for environments where the platform team manages them.
 */
export const OWNER_ROLE = 'ips_owner';
export const APP_ROLE = 'ips_app';

/** Development default; set APP_DB_PASSWORD (or APP_DATABASE_URL) anywhere else. */
export const DEFAULT_APP_PASSWORD = 'ips-app-local-only';
