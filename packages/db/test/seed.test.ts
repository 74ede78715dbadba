/** The demo seed: realistic spread, valid identifiers, consistent history, deterministic. */
import { createHash } from 'node:crypto';
import { isValidOrganizationNumber, parseIdentityNumber } from '@ips/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeCell, type Row } from '../src/seed/copy.js';
import { generateDataset } from '../src/seed/generate.js';
import {
  DatabaseNotEmptyError,
  defaultSeedOptions,
  type SeedResult,
  seedDatabase,
} from '../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

const options = defaultSeedOptions({ today: '2026-11-25' });
let db: TestDatabase;
let client: pg.Client;
let result: SeedResult;

const count = async (sql: string, params: unknown[] = []) =>
  Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n);

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  result = await seedDatabase(db.adminUrl, options);
  client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('demo seed: size and spread', () => {
  it('has the organisations, teams and people the brief asks for', async () => {
    const kinds = await client.query<{ kind: string; n: string }>(
      'SELECT kind, count(*) AS n FROM organization GROUP BY kind ORDER BY kind',
    );
    expect(Object.fromEntries(kinds.rows.map((r) => [r.kind, Number(r.n)]))).toEqual({
      MUNICIPALITY: 2,
      NAV_OFFICE: 2,
      SPECIALIST_HEALTH_SERVICE: 1,
    });
    expect(await count('SELECT count(*) AS n FROM specialist_team')).toBe(2);
    expect(
      await count(`SELECT count(DISTINCT "userId") AS n FROM membership WHERE role = 'JOB_SPECIALIST'`),
    ).toBe(12);
    expect(await count('SELECT count(*) AS n FROM job_seeker')).toBeGreaterThanOrEqual(200);
    expect(result.jobSeekers).toBe(await count('SELECT count(*) AS n FROM job_seeker'));
  });

  it('spreads job seekers over every phase', async () => {
    const { rows } = await client.query<{ phase: string }>(
      'SELECT DISTINCT phase::text FROM job_seeker ORDER BY 1',
    );
    expect(rows.map((r) => r.phase)).toEqual(
      [
        'CAREER_PROFILING',
        'DISCHARGED',
        'EMPLOYED',
        'INTAKE',
        'JOB_SEARCH',
        'REFERRED',
        'STUDYING',
        'TAPERING',
      ].sort(),
    );
  });

  it('holds every related kind of record, over two years of history', async () => {
    for (const table of [
      'employer',
      'employer_contact',
      'job_application',
      'employment',
      'study',
      'support_plan',
      'support_plan_revision',
      'support_plan_agreement',
      'support_plan_meeting',
      'follow_up_meeting',
      'career_profile_revision',
      'task',
      'absence',
      'transfer',
      'team_meeting',
      'team_meeting_agenda_item',
      'action_point',
      'field_mentoring',
      'portfolio_review',
      'target',
      'fidelity_review',
      'fidelity_item_score',
      'nav_sharing_grant',
      'consent_event',
      'journal_note',
    ]) {
      expect({ table, n: await count(`SELECT count(*) AS n FROM "${table}"`) }).toEqual({
        table,
        n: expect.any(Number),
      });
      expect(await count(`SELECT count(*) AS n FROM "${table}"`), table).toBeGreaterThan(0);
    }
    const span = await count(`SELECT max("referralDate") - min("referralDate") AS n FROM job_seeker`);
    expect(span).toBeGreaterThan(650);
  });

  it('has consents in every combination of scopes, also withdrawn and expired', async () => {
    const combos = await count(`
      SELECT count(DISTINCT scopes) AS n FROM (
        SELECT j.id, coalesce(string_agg(c.scope::text, ',' ORDER BY c.scope), '') AS scopes
        FROM job_seeker j LEFT JOIN consent c ON c."jobSeekerId" = j.id GROUP BY j.id) s`);
    expect(combos).toBe(128);
    expect(await count('SELECT count(*) AS n FROM consent WHERE "withdrawnAt" IS NOT NULL')).toBeGreaterThan(
      0,
    );
    expect(
      await count(`SELECT count(*) AS n FROM consent WHERE "validUntil" < timestamptz '2026-11-25'`),
    ).toBeGreaterThan(0);
    expect(
      await count('SELECT count(*) AS n FROM nav_sharing_grant WHERE "revokedAt" IS NOT NULL'),
    ).toBeGreaterThan(0);
  });
});

describe('demo seed: identifiers', () => {
  it('gives every job seeker a valid synthetic identity number, unique per organisation', async () => {
    const { rows } = await client.query<{ identityNumber: string; birthDate: string }>(
      `SELECT "identityNumber", to_char("birthDate", 'YYYY-MM-DD') AS "birthDate" FROM job_seeker`,
    );
    for (const row of rows) {
      const parsed = parseIdentityNumber(row.identityNumber, { allowSynthetic: true });
      expect(parsed.ok && parsed.value.synthetic, row.identityNumber).toBe(true);
      if (parsed.ok) expect(parsed.value.birthDate).toBe(row.birthDate);
      // never a number that could belong to a real person
      expect(parseIdentityNumber(row.identityNumber).ok).toBe(false);
    }
    expect(rows.some((r) => Number(r.identityNumber[0]) >= 4)).toBe(true); // D-numbers too
  });

  it('gives organisations and employers valid organisation numbers outside the range real ones use', async () => {
    const { rows } = await client.query<{ n: string }>(
      `SELECT "organizationNumber" AS n FROM organization UNION ALL SELECT "organizationNumber" FROM employer`,
    );
    for (const { n } of rows) {
      expect(isValidOrganizationNumber(n), n).toBe(true);
      expect(n.startsWith('3'), n).toBe(true);
    }
  });
});

describe('demo seed: consistency', () => {
  it('leaves no job seeker without exactly one open assignment to their current specialist', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM job_seeker j WHERE j.phase <> 'DISCHARGED' AND (
        SELECT count(*) FROM assignment a WHERE a."jobSeekerId" = j.id AND a."endedAt" IS NULL AND a."specialistId" = j."currentSpecialistId") <> 1`),
    ).toBe(0);
  });

  it('keeps teams to one supervisor and at most 10 specialists', async () => {
    const { rows } = await client.query<{ supervisors: string; specialists: string }>(`
      SELECT count(*) FILTER (WHERE role = 'METHOD_SUPERVISOR') AS supervisors,
             count(*) FILTER (WHERE role = 'JOB_SPECIALIST') AS specialists
      FROM team_member WHERE "leftOn" IS NULL GROUP BY "teamId"`);
    for (const r of rows) {
      expect(Number(r.supervisors)).toBe(1);
      expect(Number(r.specialists)).toBeLessThanOrEqual(10);
    }
  });

  it('has a team that spans organisations, with the supervisor a member of each', async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM team_member tm WHERE tm."employerOrganizationId" <> tm."organizationId"`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM team_member tm JOIN specialist_team t ON t.id = tm."teamId"
        WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m."userId" = t."methodSupervisorId"
          AND m."organizationId" = tm."employerOrganizationId" AND m.role = 'METHOD_SUPERVISOR')`),
    ).toBe(0);
  });

  it('versions match their revisions', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM support_plan p WHERE p."currentRevision" <>
        (SELECT max(revision) FROM support_plan_revision r WHERE r."supportPlanId" = p.id)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM career_profile p WHERE p."currentRevision" <>
        (SELECT count(*) FROM career_profile_revision r WHERE r."careerProfileId" = p.id)`),
    ).toBe(0);
  });

  it('derives every NAV grant from a NAV-sharing consent of the same job seeker, to a NAV office', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM nav_sharing_grant g
        JOIN consent c ON c.id = g."consentId" JOIN organization o ON o.id = g."navOfficeId"
        WHERE c.scope <> 'NAV_SHARING' OR c."jobSeekerId" <> g."jobSeekerId" OR o.kind <> 'NAV_OFFICE'`),
    ).toBe(0);
  });

  it('puts employed job seekers in an open ordinary job, and never counts work practice as one', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM job_seeker j WHERE j.phase IN ('EMPLOYED', 'TAPERING') AND NOT EXISTS (
        SELECT 1 FROM employment e WHERE e."jobSeekerId" = j.id AND e.kind = 'ORDINARY_JOB' AND e."endDate" IS NULL)`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM support_plan p JOIN employment e ON e.id = p."employmentId" WHERE e.kind = 'WORK_PRACTICE'`,
      ),
    ).toBe(0);
  });

  it('keeps phase history that ends in the current phase', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM job_seeker j WHERE j.phase <> (
        SELECT "toPhase" FROM job_seeker_phase_change c WHERE c."jobSeekerId" = j.id ORDER BY "changedAt" DESC, id DESC LIMIT 1)`),
    ).toBe(0);
  });

  it('refuses to seed a database that already holds data, and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM job_seeker');
    await expect(seedDatabase(db.adminUrl, options)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await count('SELECT count(*) AS n FROM job_seeker')).toBe(before);
  });
});

describe('demo seed: determinism', () => {
  async function digest(seed: number) {
    const hash = createHash('sha256');
    let rows = 0;
    await generateDataset(
      { ...options, seed },
      {
        push(table: string, row: Row) {
          rows++;
          hash.update(table);
          for (const [k, v] of Object.entries(row)) hash.update(`${k}=${encodeCell(v)};`);
        },
      },
      async () => {},
    );
    return { rows, hash: hash.digest('hex') };
  }

  it('generates the same rows for the same options, and other rows for another seed', async () => {
    const a = await digest(7);
    const b = await digest(7);
    const c = await digest(8);
    expect(a).toEqual(b);
    expect(c.hash).not.toBe(a.hash);
  });
});
