/**
 * The demo users, read from the product database (`app_user`; users are global rows). The subject
 * of every token is the user's e-mail: the seed stores it as `user_identity.subject` for the dev
 * issuer, which is what the API resolves a verified token to.
 */
import pg from 'pg';

export interface DevUser {
  email: string;
  name: string;
  /** "Organisation – role" lines (empty when the schema has no memberships, e.g. in tests). */
  roles: string[];
}

const ROLE_LABELS: Record<string, string> = {
  JOB_SPECIALIST: 'jobbspesialist',
  METHOD_SUPERVISOR: 'metodeveileder',
  HEALTH_SERVICE_LEADER: 'leder i helsetjenesten',
  NAV_COUNSELLOR: 'NAV-veileder',
  TENANT_ADMINISTRATOR: 'virksomhetsadministrator',
};

/** Users listed on the login page at most (national-scale data has thousands). */
export const LIST_LIMIT = 200;

interface UserRow {
  email: string;
  given_name: string;
  family_name: string;
  roles: { organization: string; role: string }[] | null;
  operator: boolean | null;
}

function toUser(row: UserRow): DevUser {
  const roles = (row.roles ?? []).map(
    ({ organization, role }) => `${organization} – ${ROLE_LABELS[role] ?? role}`,
  );
  if (row.operator) roles.unshift('plattformoperatør');
  return { email: row.email, name: `${row.given_name} ${row.family_name}`, roles };
}

export class DevUsers {
  private readonly pool: pg.Pool;
  private withRoles: Promise<boolean> | null = null;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: 'ips-dev-oidc' });
    // An idle client losing its server (database stopped first) must not crash the process.
    this.pool.on('error', () => {});
  }

  /** Whether the product's membership tables exist (they do not in this package's own tests). */
  private hasRoles(): Promise<boolean> {
    this.withRoles ??= this.pool
      .query<{ ok: boolean }>(
        `SELECT to_regclass('membership') IS NOT NULL AND to_regclass('organization') IS NOT NULL
                AND to_regclass('platform_operator') IS NOT NULL AS ok`,
      )
      .then(({ rows }) => rows[0]?.ok === true)
      .catch((error) => {
        this.withRoles = null;
        throw error;
      });
    return this.withRoles;
  }

  private async select(where: string, params: unknown[], limit: number): Promise<DevUser[]> {
    const full = await this.hasRoles();
    // Memberships are tenant rows under row-level security: an admin (superuser) connection sees
    // them all; any other role sees none, and the page then just shows names.
    const columns = full
      ? `(SELECT json_agg(json_build_object('organization', o.name, 'role', m.role) ORDER BY o.name, m.role)
            FROM membership m JOIN organization o ON o.id = m."organizationId"
           WHERE m."userId" = u.id AND m."endedAt" IS NULL AND m."validFrom" <= now()) AS roles,
         EXISTS (SELECT 1 FROM platform_operator p WHERE p."userId" = u.id) AS operator`
      : 'NULL::json AS roles, false AS operator';
    const first = full
      ? `EXISTS (SELECT 1 FROM platform_operator p WHERE p."userId" = u.id) DESC,
         EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'TENANT_ADMINISTRATOR') DESC,`
      : '';
    const { rows } = await this.pool.query<UserRow>(
      `SELECT u.email, u."givenName" AS given_name, u."familyName" AS family_name, ${columns}
         FROM app_user u
        WHERE u.active AND ${where}
        ORDER BY ${first} u."familyName", u."givenName", u.email
        LIMIT ${limit}`,
      params,
    );
    return rows.map(toUser);
  }

  /** The active user with this e-mail (case-insensitive), or undefined. */
  async find(email: string): Promise<DevUser | undefined> {
    const trimmed = email.trim();
    if (!trimmed) return undefined;
    const [user] = await this.select('lower(u.email) = lower($1)', [trimmed], 1);
    return user;
  }

  /** Active users for the login page: platform operators and administrators first. */
  async list(): Promise<DevUser[]> {
    return this.select('true', [], LIST_LIMIT);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
