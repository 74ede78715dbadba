/**
 * The data a benchmark run works on: one PostgreSQL server (IPS_TEST_DATABASE_URL / DATABASE_URL,
 * or a throw-away embedded one), a migrated database seeded with the demo data (or a chosen
 * scale), a real token issuer, and the people whose requests the workloads replay.
 */

import {
  APP_ROLE,
  createDatabase,
  databaseExists,
  ensureRoles,
  migrate,
  withCredentials,
  withDatabase,
} from '@ips/db';
import { DEMO_SCALE, defaultSeedOptions, type SeedScale, seedDatabase } from '@ips/db/seed';
import {
  createTestDatabase,
  dropTemplate,
  prepareTemplate,
  startTestServer,
  TEST_APP_PASSWORD,
  type TestDatabase,
  type TestTemplate,
} from '@ips/db/testing';
import pg from 'pg';
import { type Issuer, startIssuer } from './issuer.js';

export interface Persona {
  userId: string;
  email: string;
  token: string;
  /** Organisations the user acts in (what the API puts in app.org_ids). */
  organizationIds: string[];
  teamIds: string[];
}

export interface PlanForUpdate {
  supportPlanId: string;
  employmentStart: string;
  owner: Persona;
}

export interface BenchData {
  db: TestDatabase;
  issuer: Issuer;
  admin: pg.Client;
  specialist: Persona;
  /** A job seeker in the specialist's portfolio (the job-seeker page). */
  jobSeekerId: string;
  supervisor: Persona;
  teamId: string;
  /** The dashboard's team: its current members and the job seekers they follow. */
  teamSize: { members: number; jobSeekers: number };
  navCounsellor: Persona;
  /** Support plans, each revised by its own job specialist (one per load-generator connection). */
  plans: PlanForUpdate[];
  /** Rows the specialist's portfolio lists. */
  portfolioSize: number;
  close(): Promise<void>;
}

async function persona(admin: pg.Client, issuer: Issuer, userId: string): Promise<Persona> {
  const { rows } = await admin.query<{ email: string; orgs: string[]; teams: string[] }>(
    `SELECT u.email,
       ARRAY(SELECT DISTINCT m."organizationId"::text FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL AND m."validFrom" <= now()) AS orgs,
       ARRAY(SELECT tm."teamId"::text FROM team_member tm WHERE tm."userId" = u.id AND tm."leftOn" IS NULL) AS teams
     FROM app_user u WHERE u.id = $1`,
    [userId],
  );
  const row = rows[0];
  if (!row) throw new Error(`no user ${userId}`);
  return {
    userId,
    email: row.email,
    token: await issuer.sign(row.email),
    organizationIds: row.orgs,
    teamIds: row.teams,
  };
}

async function one<T>(admin: pg.Client, what: string, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await admin.query(sql, params);
  if (!rows[0]) throw new Error(`the seeded data has no ${what}`);
  return rows[0] as T;
}

/** Finds the people and records the workloads use, in an already seeded database. */
export async function findPersonas(
  issuer: Issuer,
  admin: pg.Client,
  planCount: number,
): Promise<Omit<BenchData, 'db' | 'issuer' | 'admin' | 'close'>> {
  // The job specialist with the largest active portfolio.
  const s = await one<{ id: string; n: string }>(
    admin,
    'job specialist with a portfolio',
    `SELECT j."currentSpecialistId" AS id, count(*) AS n FROM job_seeker j
     JOIN membership m ON m."userId" = j."currentSpecialistId" AND m."organizationId" = j."organizationId" AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
     WHERE j."dischargedAt" IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  const specialist = await persona(admin, issuer, s.id);
  const { count: portfolioSize } = await one<{ count: string }>(
    admin,
    'portfolio',
    'SELECT count(*) FROM job_seeker WHERE "currentSpecialistId" = $1',
    [s.id],
  );
  const js = await one<{ id: string }>(
    admin,
    'job seeker',
    'SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 ORDER BY "referralDate" DESC, id LIMIT 1',
    [s.id],
  );
  // The method supervisor of the largest team, or (`BENCH_TEAM_MEMBERS=n`) of the team whose
  // number of members is closest to n, the larger first: comparing the dashboard across seeds
  // with teams of one size measures the country's size, not the team's (issue 18 item 2).
  const size = Number(process.env.BENCH_TEAM_MEMBERS ?? Number.NaN);
  const team = await one<{ teamId: string; supervisorId: string; members: string; jobSeekers: string }>(
    admin,
    'specialist team',
    `WITH t AS (
       SELECT t.id, t."methodSupervisorId",
              (SELECT count(*) FROM team_member tm WHERE tm."teamId" = t.id AND tm."leftOn" IS NULL) AS members
       FROM specialist_team t)
     SELECT t.id AS "teamId", t."methodSupervisorId" AS "supervisorId", t.members,
            (SELECT count(*) FROM job_seeker j JOIN team_member tm ON tm."userId" = j."currentSpecialistId"
             WHERE tm."teamId" = t.id AND tm."leftOn" IS NULL) AS "jobSeekers"
     FROM t
     ORDER BY CASE WHEN $1::int IS NULL THEN 0 ELSE abs(t.members - $1::int) END, t.members DESC, t.id LIMIT 1`,
    [Number.isFinite(size) ? size : null],
  );
  const supervisor = await persona(admin, issuer, team.supervisorId);
  // The NAV counsellor with the most job seekers shared with them.
  const nav = await one<{ id: string }>(
    admin,
    'NAV counsellor',
    `SELECT m."userId" AS id FROM membership m WHERE m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL
     ORDER BY (SELECT count(*) FROM nav_sharing_grant g WHERE g."navOfficeId" = m."organizationId" AND (g."counsellorId" IS NULL OR g."counsellorId" = m."userId")) DESC, m."userId" LIMIT 1`,
  );
  const navCounsellor = await persona(admin, issuer, nav.id);
  // Open job support plans, each with the specialist who owns the case.
  const { rows: planRows } = await admin.query<{ id: string; owner: string; start: string }>(
    `SELECT p.id, j."currentSpecialistId" AS owner, to_char(e."startDate", 'YYYY-MM-DD') AS start
     FROM support_plan p JOIN job_seeker j ON j.id = p."jobSeekerId" JOIN employment e ON e.id = p."employmentId"
     JOIN membership m ON m."userId" = j."currentSpecialistId" AND m."organizationId" = j."organizationId" AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
     WHERE p.status <> 'CLOSED' ORDER BY p.id LIMIT $1`,
    [planCount],
  );
  const owners = new Map<string, Persona>();
  const plans: PlanForUpdate[] = [];
  for (const r of planRows) {
    let owner = owners.get(r.owner);
    if (!owner) {
      owner = await persona(admin, issuer, r.owner);
      owners.set(r.owner, owner);
    }
    plans.push({ supportPlanId: r.id, employmentStart: r.start, owner });
  }
  return {
    specialist,
    jobSeekerId: js.id,
    supervisor,
    teamId: team.teamId,
    teamSize: { members: Number(team.members), jobSeekers: Number(team.jobSeekers) },
    navCounsellor,
    plans,
    portfolioSize: Number(portfolioSize),
  };
}

/** A fresh database seeded at this scale, on the test server, with its personas. */
export async function prepareData(
  options: {
    scale?: SeedScale;
    label?: string;
    planCount?: number;
    log?: (line: string) => void;
    /** A server to reuse (and leave running); by default one is started and stopped with the data. */
    server?: { adminUrl: string };
  } = {},
): Promise<BenchData> {
  const server = options.server
    ? { adminUrl: options.server.adminUrl, stop: async () => {} }
    : await startTestServer();
  const kept = process.env.BENCH_KEEP_DATABASE;
  const template: TestTemplate | null = kept
    ? null
    : await prepareTemplate(server.adminUrl, options.label ?? 'bench');
  const db = template ? await createTestDatabase(template) : await keptDatabase(server.adminUrl, kept ?? '');
  const reused = kept ? await isSeeded(db.adminUrl) : false;
  const issuer = await startIssuer();
  const admin = new pg.Client({ connectionString: db.adminUrl });
  const close = async () => {
    for (const step of [
      () => admin.end(),
      () => issuer.close(),
      () => (template ? db.drop() : Promise.resolve()),
      () => (template ? dropTemplate(template) : Promise.resolve()),
      () => server.stop(),
    ]) {
      await step().catch((error: unknown) =>
        console.error('cleanup:', error instanceof Error ? error.message : error),
      );
    }
  };
  try {
    if (!reused)
      await seedDatabase(
        db.adminUrl,
        defaultSeedOptions({ devIssuer: issuer.url, scale: options.scale ?? DEMO_SCALE }),
        options.log,
      );
    await admin.connect();
    await admin.query('ANALYZE');
    const found = await findPersonas(issuer, admin, options.planCount ?? 24);
    return { db, issuer, admin, ...found, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * BENCH_KEEP_DATABASE=<name>: a database kept between runs (seeding the national data takes
 * minutes): created, migrated and seeded on the first run, migrated (new migrations only) and reused
 * after. Its issuer must keep its address: set BENCH_ISSUER_PORT too.
 */
async function keptDatabase(serverAdminUrl: string, name: string): Promise<TestDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('BENCH_KEEP_DATABASE: lower-case letters, digits and _');
  if (!process.env.BENCH_ISSUER_PORT) throw new Error('BENCH_KEEP_DATABASE needs BENCH_ISSUER_PORT');
  await ensureRoles(serverAdminUrl, TEST_APP_PASSWORD);
  if (!(await databaseExists(serverAdminUrl, name))) await createDatabase(serverAdminUrl, name);
  const adminUrl = withDatabase(serverAdminUrl, name);
  await migrate(adminUrl);
  return {
    name,
    adminUrl,
    appUrl: withCredentials(adminUrl, APP_ROLE, TEST_APP_PASSWORD),
    drop: async () => {},
  };
}

async function isSeeded(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM organization');
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}
