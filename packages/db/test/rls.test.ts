/**
 * Row-level security below the application: every statement runs as the runtime role (`ips_app`)
 * inside a rolled-back transaction, with no application filter at all.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { inRolledBackTransaction, setContext } from './helpers.js';

const ID = {
  orgA: '01900000-0000-7000-8000-00000000000a',
  orgB: '01900000-0000-7000-8000-00000000000b',
  nav: '01900000-0000-7000-8000-00000000000c',
  userA: '01900000-0000-7000-8000-0000000000a1',
  userB: '01900000-0000-7000-8000-0000000000b1',
  counsellor: '01900000-0000-7000-8000-0000000000c1',
  otherCounsellor: '01900000-0000-7000-8000-0000000000c2',
  seekerA: '01900000-0000-7000-8000-0000000a0001',
  seekerB: '01900000-0000-7000-8000-0000000b0001',
  consentA: '01900000-0000-7000-8000-0000000a00c1',
  grantA: '01900000-0000-7000-8000-0000000a00f1',
  employmentA: '01900000-0000-7000-8000-0000000a00e1',
  planA: '01900000-0000-7000-8000-0000000a00d1',
  profileA: '01900000-0000-7000-8000-0000000a00b1',
  benefitsA: '01900000-0000-7000-8000-0000000a00c1',
  nav2: '01900000-0000-7000-8000-00000000000d',
  nav2Counsellor: '01900000-0000-7000-8000-0000000000d1',
  threadA: '01900000-0000-7000-8000-0000000a00a1',
  messageA: '01900000-0000-7000-8000-0000000a00a2',
} as const;

let db: TestDatabase;
let admin: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('ipsTemplate'));
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`
    INSERT INTO organization (id, kind, "serviceLevel", name, "organizationNumber", "updatedAt") VALUES
      ('${ID.orgA}', 'MUNICIPALITY', 'MUNICIPAL', 'A kommune', '310000011', now()),
      ('${ID.orgB}', 'MUNICIPALITY', 'MUNICIPAL', 'B kommune', '310000020', now()),
      ('${ID.nav}', 'NAV_OFFICE', 'NAV', 'NAV A', '310000038', now());
    INSERT INTO app_user (id, email, "givenName", "familyName", "updatedAt") VALUES
      ('${ID.userA}', 'a@a.test', 'Anne', 'A', now()),
      ('${ID.userB}', 'b@b.test', 'Bjørn', 'B', now()),
      ('${ID.counsellor}', 'c@nav.test', 'Cecilie', 'C', now()),
      ('${ID.otherCounsellor}', 'd@nav.test', 'Dag', 'D', now());
    INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES
      (gen_random_uuid(), '${ID.orgA}', '${ID.userA}', 'JOB_SPECIALIST', now()),
      (gen_random_uuid(), '${ID.orgB}', '${ID.userB}', 'JOB_SPECIALIST', now()),
      (gen_random_uuid(), '${ID.nav}', '${ID.counsellor}', 'NAV_COUNSELLOR', now()),
      (gen_random_uuid(), '${ID.nav}', '${ID.otherCounsellor}', 'NAV_COUNSELLOR', now());
    INSERT INTO job_seeker (id, "organizationId", "identityNumber", "givenName", "familyName", "birthDate", "referralDate", "currentSpecialistId", "updatedAt") VALUES
      ('${ID.seekerA}', '${ID.orgA}', '01819012345', 'Kari', 'Nordmann', '1990-01-01', '2026-01-05', '${ID.userA}', now()),
      ('${ID.seekerB}', '${ID.orgB}', '02819012345', 'Ola', 'Nordmann', '1990-01-02', '2026-01-06', '${ID.userB}', now());
    INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt") VALUES
      ('${ID.consentA}', '${ID.orgA}', '${ID.seekerA}', 'NAV_SHARING', now() - interval '10 days', '${ID.userA}', now());
    UPDATE consent SET "navParts" = '{BASIC_DETAILS,EMPLOYMENT_STATUS}' WHERE id = '${ID.consentA}';
    INSERT INTO nav_sharing_grant (id, "organizationId", "jobSeekerId", "consentId", "navOfficeId", "counsellorId", scopes, "validFrom", "grantedById", "updatedAt") VALUES
      ('${ID.grantA}', '${ID.orgA}', '${ID.seekerA}', '${ID.consentA}', '${ID.nav}', '${ID.counsellor}', '{BASIC_DETAILS,EMPLOYMENT_STATUS}', now() - interval '10 days', '${ID.userA}', now());
    INSERT INTO employment (id, "organizationId", "jobSeekerId", kind, "jobTitle", "jobType", "startDate", "hoursPerWeek", "openLabourMarket", "atLeastMinimumWage", "openToAnyone", "updatedAt") VALUES
      ('${ID.employmentA}', '${ID.orgA}', '${ID.seekerA}', 'ORDINARY_JOB', 'Butikkmedarbeider', '5223', '2026-03-01', 20, true, true, true, now());
    INSERT INTO support_plan (id, "organizationId", "jobSeekerId", kind, "updatedAt") VALUES
      ('${ID.planA}', '${ID.orgA}', '${ID.seekerA}', 'JOB', now());
  `);
});

afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

const asApp = <T>(fn: (c: pg.Client) => Promise<T>) => inRolledBackTransaction(db.appUrl, fn);
const ids = async (c: pg.Client, sql: string) =>
  (await c.query<{ id: string }>(sql)).rows.map((r) => r.id).sort();

describe('row-level security as the runtime role', () => {
  it('connects as a role that is subject to RLS', async () => {
    await asApp(async (c) => {
      const { rows } = await c.query("SELECT current_user AS u, row_security_active('job_seeker') AS active");
      expect(rows[0]).toEqual({ u: 'ips_app', active: true });
    });
  });

  it('without any settings, no tenant rows are visible', async () => {
    await asApp(async (c) => {
      for (const table of [
        'job_seeker',
        'consent',
        'nav_sharing_grant',
        'employment',
        'support_plan',
        'membership',
        'organization',
        'app_user',
      ]) {
        const { rows } = await c.query(`SELECT count(*)::int AS n FROM "${table}"`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
    });
  });

  it('a member sees their own organisation only', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.userA, [ID.orgA]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
      expect(await ids(c, 'SELECT id FROM employment')).toEqual([ID.employmentA]);
    });
  });

  it('naming another organisation in the settings gives nothing without a membership there', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.userA, [ID.orgB]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
      await setContext(c, ID.userA, [ID.orgA, ID.orgB]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
    });
  });

  it('rejects an insert into another organisation', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.userA, [ID.orgA]);
      await expect(
        c.query(
          `INSERT INTO job_seeker (id, "organizationId", "identityNumber", "givenName", "familyName", "birthDate", "referralDate", "updatedAt")
           VALUES (gen_random_uuid(), '${ID.orgB}', '03819012345', 'X', 'Y', '1990-01-03', '2026-01-01', now())`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('cannot update or delete another organisation’s rows, nor move a row into it', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.userA, [ID.orgA]);
      const updated = await c.query(
        `UPDATE job_seeker SET "givenName" = 'Hacked' WHERE id = '${ID.seekerB}'`,
      );
      expect(updated.rowCount).toBe(0);
      const deleted = await c.query(`DELETE FROM consent WHERE "organizationId" = '${ID.orgB}'`);
      expect(deleted.rowCount).toBe(0);
      await expect(
        c.query(
          `UPDATE app_user SET email = email WHERE false; UPDATE employment SET "organizationId" = '${ID.orgB}' WHERE id = '${ID.employmentA}'`,
        ),
      ).rejects.toThrow(/row-level security|foreign key/);
    });
  });

  it('a foreign key can never point into another organisation (composite keys)', async () => {
    await expect(
      admin.query(
        `INSERT INTO employment (id, "organizationId", "jobSeekerId", kind, "jobTitle", "jobType", "startDate", "hoursPerWeek", "openLabourMarket", "atLeastMinimumWage", "openToAnyone", "updatedAt")
         VALUES (gen_random_uuid(), '${ID.orgA}', '${ID.seekerB}', 'ORDINARY_JOB', 'X', '1', '2026-01-01', 1, true, true, true, now())`,
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('settings are transaction-local and do not leak to the next user of a pooled connection', async () => {
    const pool = new pg.Pool({ connectionString: db.appUrl, max: 1 });
    try {
      const first = await pool.connect();
      const pid = (await first.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      await first.query('BEGIN');
      await setContext(first, ID.userA, [ID.orgA]);
      expect((await first.query('SELECT count(*)::int AS n FROM job_seeker')).rows[0].n).toBe(1);
      await first.query('COMMIT');
      first.release();

      const second = await pool.connect();
      expect((await second.query('SELECT pg_backend_pid() AS pid')).rows[0].pid).toBe(pid);
      const setting = (await second.query("SELECT current_setting('app.user_id', true) AS v")).rows[0].v;
      expect(setting ?? '').toBe('');
      expect((await second.query('SELECT count(*)::int AS n FROM job_seeker')).rows[0].n).toBe(0);
      second.release();
    } finally {
      await pool.end();
    }
  });

  it('the audit log is append-only for the runtime role', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.userA, [ID.orgA]);
      await c.query(
        `INSERT INTO audit_log (id, "organizationId", "actorUserId", "jobSeekerId", action, area)
         VALUES (gen_random_uuid(), '${ID.orgA}', '${ID.userA}', '${ID.seekerA}', 'READ', 'test')`,
      );
      await c.query('SAVEPOINT s');
      await expect(c.query('UPDATE audit_log SET area = $1', ['tampered'])).rejects.toThrow(
        /permission denied/,
      );
      await c.query('ROLLBACK TO SAVEPOINT s');
      await expect(c.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
    });
  });

  it('cannot write an audit row into another organisation', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.userA, [ID.orgA]);
      await expect(
        c.query(
          `INSERT INTO audit_log (id, "organizationId", "actorUserId", action, area) VALUES (gen_random_uuid(), '${ID.orgB}', '${ID.userA}', 'READ', 'x')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });
});

/** Runs `fn` as the NAV counsellor `who` in the NAV office's context. */
const asCounsellor = (who: string, fn: (c: pg.Client) => Promise<void>) =>
  asApp(async (c) => {
    await setContext(c, who, [ID.nav]);
    await fn(c);
  });

describe('NAV: the one cross-tenant read', () => {
  it('reads the consented job seeker and the parts its scopes cover, nothing else', async () => {
    await asCounsellor(ID.counsellor, async (c) => {
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
      expect(await ids(c, 'SELECT id FROM employment')).toEqual([ID.employmentA]);
      expect(await ids(c, 'SELECT id FROM nav_sharing_grant')).toEqual([ID.grantA]);
      // SUPPORT_PLAN is not among the grant's scopes; of the consents only the NAV-sharing one.
      expect(await ids(c, 'SELECT id FROM support_plan')).toEqual([]);
      expect(await ids(c, 'SELECT id FROM consent')).toEqual([ID.consentA]);
      // The specialist of the shared job seeker is visible (name, to collaborate); others are not.
      expect(await ids(c, 'SELECT id FROM app_user')).toEqual(
        [ID.userA, ID.counsellor, ID.otherCounsellor].sort(),
      );
    });
  });

  it('a grant to one counsellor is not visible to another counsellor of the same office', async () => {
    await asCounsellor(ID.otherCounsellor, async (c) => {
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
      expect(await ids(c, 'SELECT id FROM employment')).toEqual([]);
    });
  });

  it('is read-only', async () => {
    await asCounsellor(ID.counsellor, async (c) => {
      const updated = await c.query(`UPDATE job_seeker SET "givenName" = 'X' WHERE id = '${ID.seekerA}'`);
      expect(updated.rowCount).toBe(0);
    });
  });

  it('may log its own reads in the job seeker’s organisation, but not as someone else', async () => {
    await asCounsellor(ID.counsellor, async (c) => {
      await c.query(
        `INSERT INTO audit_log (id, "organizationId", "actorUserId", "jobSeekerId", action, area)
         VALUES (gen_random_uuid(), '${ID.orgA}', '${ID.counsellor}', '${ID.seekerA}', 'READ', 'nav')`,
      );
      await expect(
        c.query(
          `INSERT INTO audit_log (id, "organizationId", "actorUserId", "jobSeekerId", action, area)
           VALUES (gen_random_uuid(), '${ID.orgA}', '${ID.userA}', '${ID.seekerA}', 'READ', 'nav')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('a part the grant names but the consent does not cover is not readable (issue 17 item 1)', async () => {
    await admin.query(
      `UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS,EMPLOYMENT_STATUS,SUPPORT_PLAN}' WHERE id = '${ID.grantA}'`,
    );
    try {
      await asCounsellor(ID.counsellor, async (c) => {
        expect(await ids(c, 'SELECT id FROM employment')).toEqual([ID.employmentA]);
        expect(await ids(c, 'SELECT id FROM support_plan')).toEqual([]);
      });
    } finally {
      await admin.query(
        `UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS,EMPLOYMENT_STATUS}' WHERE id = '${ID.grantA}'`,
      );
    }
  });

  it('never the support plan’s lines for the health team (treatment), even with the plan consented', async () => {
    await admin.query(`
      UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS,EMPLOYMENT_STATUS,SUPPORT_PLAN}' WHERE id = '${ID.grantA}';
      UPDATE consent SET "navParts" = '{BASIC_DETAILS,EMPLOYMENT_STATUS,SUPPORT_PLAN}' WHERE id = '${ID.consentA}';
      INSERT INTO support_plan_revision (id, "organizationId", "supportPlanId", revision, "createdById")
        VALUES ('01900000-0000-7000-8000-0000000a00d2', '${ID.orgA}', '${ID.planA}', 1, '${ID.userA}');
      INSERT INTO support_plan_agreement (id, "organizationId", "revisionId", "supportPerson", responsibility) VALUES
        ('01900000-0000-7000-8000-0000000a00d3', '${ID.orgA}', '01900000-0000-7000-8000-0000000a00d2', 'JOB_SPECIALIST', 'Ukentlige samtaler'),
        ('01900000-0000-7000-8000-0000000a00d4', '${ID.orgA}', '01900000-0000-7000-8000-0000000a00d2', 'HEALTH_TEAM', 'Behandler følger opp medisinering');
    `);
    try {
      await asCounsellor(ID.counsellor, async (c) => {
        expect(await ids(c, 'SELECT id FROM support_plan')).toEqual([ID.planA]);
        expect(await ids(c, 'SELECT id FROM support_plan_agreement')).toEqual([
          '01900000-0000-7000-8000-0000000a00d3',
        ]);
      });
      await asApp(async (c) => {
        await setContext(c, ID.userA, [ID.orgA]);
        expect(await ids(c, 'SELECT id FROM support_plan_agreement')).toHaveLength(2);
      });
    } finally {
      await admin.query(`
        DELETE FROM support_plan_revision WHERE id = '01900000-0000-7000-8000-0000000a00d2';
        UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS,EMPLOYMENT_STATUS}' WHERE id = '${ID.grantA}';
        UPDATE consent SET "navParts" = '{BASIC_DETAILS,EMPLOYMENT_STATUS}' WHERE id = '${ID.consentA}';
      `);
    }
  });

  it('only a NAV-sharing consent has parts', async () => {
    await expect(
      admin.query(
        `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt", "navParts")
         VALUES (gen_random_uuid(), '${ID.orgA}', '${ID.seekerA}', 'EMPLOYER_CONTACT', now(), '${ID.userA}', now(), '{EMPLOYMENT_STATUS}')`,
      ),
    ).rejects.toThrow(/consent_nav_parts_only_nav_sharing/);
  });
});

describe('NAV: access ends on the next transaction', () => {
  const cases: [string, string][] = [
    ['the consent is withdrawn', `UPDATE consent SET "withdrawnAt" = now() WHERE id = '${ID.consentA}'`],
    [
      'the consent has expired',
      `UPDATE consent SET "validUntil" = now() - interval '1 day' WHERE id = '${ID.consentA}'`,
    ],
    ['the grant is revoked', `UPDATE nav_sharing_grant SET "revokedAt" = now() WHERE id = '${ID.grantA}'`],
    [
      'the grant has expired',
      `UPDATE nav_sharing_grant SET "validUntil" = now() - interval '1 second' WHERE id = '${ID.grantA}'`,
    ],
    [
      'the grant starts in the future',
      `UPDATE nav_sharing_grant SET "validFrom" = now() + interval '1 day' WHERE id = '${ID.grantA}'`,
    ],
    [
      'the counsellor’s membership ended',
      `UPDATE membership SET "endedAt" = now() WHERE "userId" = '${ID.counsellor}'`,
    ],
  ];
  for (const [when, change] of cases) {
    it(`ends access on the next transaction when ${when}`, async () => {
      await admin.query('BEGIN');
      try {
        await admin.query(change);
        await admin.query('COMMIT');
        await asCounsellor(ID.counsellor, async (c) => {
          expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
          expect(await ids(c, 'SELECT id FROM employment')).toEqual([]);
        });
      } finally {
        // restore the fixture
        await admin.query(
          `UPDATE consent SET "withdrawnAt" = NULL, "validUntil" = NULL WHERE id = '${ID.consentA}'`,
        );
        await admin.query(
          `UPDATE nav_sharing_grant SET "revokedAt" = NULL, "validUntil" = NULL, "validFrom" = now() - interval '10 days' WHERE id = '${ID.grantA}'`,
        );
        await admin.query(`UPDATE membership SET "endedAt" = NULL WHERE "userId" = '${ID.counsellor}'`);
      }
      await asCounsellor(ID.counsellor, async (c) => {
        expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
      });
    });
  }
});

describe('NAV: what a counsellor may read is computed once per transaction, never stale or shared', () => {
  it('a revocation in the same transaction is seen by the next statement', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
      // The job specialist revokes the grant in the same transaction (a change of context within it).
      await setContext(c, ID.userA, [ID.orgA]);
      await c.query(`UPDATE nav_sharing_grant SET "revokedAt" = now() WHERE id = '${ID.grantA}'`);
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
      expect(await ids(c, 'SELECT id FROM employment')).toEqual([]);
    });
  });

  it('a consent withdrawn in the same transaction is seen by the next statement', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM employment')).toEqual([ID.employmentA]);
      await setContext(c, ID.userA, [ID.orgA]);
      await c.query(`UPDATE consent SET "withdrawnAt" = now() WHERE id = '${ID.consentA}'`);
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM employment')).toEqual([]);
    });
  });

  it('a membership ended or a scope narrowed in the same transaction is seen by the next statement', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM employment')).toEqual([ID.employmentA]);
      await setContext(c, ID.userA, [ID.orgA]);
      // The EMPLOYMENT_STATUS part leaves the grant (its own cached slot).
      await c.query(`UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS}' WHERE id = '${ID.grantA}'`);
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM employment')).toEqual([]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
    });
    await asApp(async (c) => {
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
      // The NAV office's membership ends in the same transaction.
      const ended = await c.query(
        `UPDATE membership SET "endedAt" = now() WHERE "userId" = '${ID.counsellor}'`,
      );
      expect(ended.rowCount).toBe(1);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
    });
  });

  it('a change rolled back to a savepoint takes its answer with it', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
      await c.query('SAVEPOINT s');
      await setContext(c, ID.userA, [ID.orgA]);
      await c.query(`UPDATE nav_sharing_grant SET "revokedAt" = now() WHERE id = '${ID.grantA}'`);
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
      await c.query('ROLLBACK TO SAVEPOINT s');
      // The revocation is undone, and so is the answer computed after it.
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
    });
  });

  it('the answer belongs to the user and organisations it was computed for', async () => {
    await asApp(async (c) => {
      await setContext(c, ID.counsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
      await setContext(c, ID.otherCounsellor, [ID.nav]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
      await setContext(c, ID.counsellor, []);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
    });
  });

  it('is computed once: a change committed by another session after the first read counts from the next transaction', async () => {
    try {
      await asApp(async (c) => {
        await setContext(c, ID.counsellor, [ID.nav]);
        expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
        await admin.query(`UPDATE nav_sharing_grant SET "revokedAt" = now() WHERE id = '${ID.grantA}'`);
        // Within the request's transaction the answer is kept (a request lasts milliseconds);
        // without the cache this statement would already see the revocation.
        expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([ID.seekerA]);
      });
      await asCounsellor(ID.counsellor, async (c) => {
        expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
      });
    } finally {
      await admin.query(`UPDATE nav_sharing_grant SET "revokedAt" = NULL WHERE id = '${ID.grantA}'`);
    }
  });
});

describe('NAV reads only what the consent covers: part × consent × reader (issue 17 item 1)', () => {
  // The grant names every part; only the consent's parts (and its state) decide.
  const PARTS: [string, string, string][] = [
    ['EMPLOYMENT_STATUS', 'employment', ID.employmentA],
    ['CAREER_PROFILE', 'career_profile', ID.profileA],
    ['SUPPORT_PLAN', 'support_plan', ID.planA],
    // The dialogue with NAV (docs/nav-dialogue.md): the office's thread and its messages.
    ['DIALOGUE', 'nav_dialogue_thread', ID.threadA],
    ['DIALOGUE', 'nav_dialogue_message', ID.messageA],
    ['BENEFITS_COUNSELLING', 'benefits_counselling', ID.benefitsA],
  ];
  const CONSENT: [string, (part: string) => string][] = [
    ['covers it', (part) => `"navParts" = '{BASIC_DETAILS,${part}}', "withdrawnAt" = NULL`],
    [
      'does not cover it',
      (part) =>
        `"navParts" = '{${['BASIC_DETAILS', 'EMPLOYMENT_STATUS', 'CAREER_PROFILE', 'SUPPORT_PLAN', 'DIALOGUE', 'BENEFITS_COUNSELLING'].filter((p) => p !== part).join(',')}}', "withdrawnAt" = NULL`,
    ],
    ['covers it but is withdrawn', (part) => `"navParts" = '{BASIC_DETAILS,${part}}', "withdrawnAt" = now()`],
  ];
  const READERS: [string, string, string, boolean][] = [
    ['a counsellor of the office granted', ID.counsellor, ID.nav, true],
    ['a counsellor of another office', ID.nav2Counsellor, ID.nav2, false],
    ['a specialist of another tenant', ID.userB, ID.orgB, false],
  ];

  beforeAll(async () => {
    await admin.query(`
      INSERT INTO organization (id, kind, "serviceLevel", name, "organizationNumber", "updatedAt") VALUES
        ('${ID.nav2}', 'NAV_OFFICE', 'NAV', 'NAV B', '310000046', now());
      INSERT INTO app_user (id, email, "givenName", "familyName", "updatedAt") VALUES
        ('${ID.nav2Counsellor}', 'e@nav2.test', 'Eva', 'E', now());
      INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES
        (gen_random_uuid(), '${ID.nav2}', '${ID.nav2Counsellor}', 'NAV_COUNSELLOR', now());
      INSERT INTO career_profile (id, "organizationId", "jobSeekerId", "updatedAt") VALUES
        ('${ID.profileA}', '${ID.orgA}', '${ID.seekerA}', now());
      INSERT INTO benefits_counselling (id, "organizationId", "jobSeekerId", "counselledOn", "givenById", "updatedAt") VALUES
        ('${ID.benefitsA}', '${ID.orgA}', '${ID.seekerA}', '2026-02-01', '${ID.userA}', now());
      UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS,EMPLOYMENT_STATUS,CAREER_PROFILE,SUPPORT_PLAN,DIALOGUE,BENEFITS_COUNSELLING}'
        WHERE id = '${ID.grantA}';
      INSERT INTO nav_dialogue_thread (id, "organizationId", "jobSeekerId", "navOfficeId", subject, "startedById",
        "startedBySide", "lastMessageAt", "updatedAt") VALUES
        ('${ID.threadA}', '${ID.orgA}', '${ID.seekerA}', '${ID.nav}', 'Ytelser', '${ID.userA}', 'SPECIALIST', now(), now());
      INSERT INTO nav_dialogue_message (id, "organizationId", "threadId", "jobSeekerId", side, "authorId", body) VALUES
        ('${ID.messageA}', '${ID.orgA}', '${ID.threadA}', '${ID.seekerA}', 'SPECIALIST', '${ID.userA}', 'Hei');
    `);
  });
  afterAll(async () => {
    await admin.query(`
      UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS,EMPLOYMENT_STATUS}' WHERE id = '${ID.grantA}';
      UPDATE consent SET "navParts" = '{BASIC_DETAILS,EMPLOYMENT_STATUS}', "withdrawnAt" = NULL WHERE id = '${ID.consentA}';
    `);
  });

  for (const [part, table, rowId] of PARTS) {
    for (const [consentCase, set] of CONSENT) {
      it(`${part} when the consent ${consentCase}`, async () => {
        await admin.query(`UPDATE consent SET ${set(part)} WHERE id = '${ID.consentA}'`);
        for (const [reader, userId, orgId, ofTheOffice] of READERS) {
          const expected = ofTheOffice && consentCase === 'covers it' ? [rowId] : [];
          await asApp(async (c) => {
            await setContext(c, userId, [orgId]);
            expect({
              reader,
              rows: await ids(c, `SELECT id FROM ${table} WHERE "jobSeekerId" = '${ID.seekerA}'`),
            }).toEqual({ reader, rows: expected });
            // Basic details go with any active consent, whatever its parts.
            const basic = ofTheOffice && consentCase !== 'covers it but is withdrawn' ? [ID.seekerA] : [];
            expect({
              reader,
              basic: await ids(c, `SELECT id FROM job_seeker WHERE id = '${ID.seekerA}'`),
            }).toEqual({ reader, basic });
          });
        }
      });
    }
  }

  it('NAV writes to the dialogue only its own messages, in its office’s thread, while the consent covers it', async () => {
    const post = (c: pg.Client, side: string, author: string) =>
      c.query(
        `INSERT INTO nav_dialogue_message (id, "organizationId", "threadId", "jobSeekerId", side, "authorId", body)
         VALUES (gen_random_uuid(), '${ID.orgA}', '${ID.threadA}', '${ID.seekerA}', '${side}', '${author}', 'Svar')`,
      );
    const as = (userId: string, orgId: string, fn: (c: pg.Client) => Promise<void>) =>
      asApp(async (c) => {
        await setContext(c, userId, [orgId]);
        await fn(c);
      });
    await admin.query(
      `UPDATE consent SET "navParts" = '{BASIC_DETAILS,DIALOGUE}', "withdrawnAt" = NULL WHERE id = '${ID.consentA}'`,
    );
    await as(ID.counsellor, ID.nav, async (c) => {
      await post(c, 'NAV', ID.counsellor);
      const read = await c.query(
        `UPDATE nav_dialogue_thread SET "navReadUpTo" = now() WHERE id = '${ID.threadA}'`,
      );
      expect(read.rowCount).toBe(1);
      // Messages are never changed, not even one's own.
      expect((await c.query(`UPDATE nav_dialogue_message SET body = 'x'`)).rowCount).toBe(0);
    });
    for (const [userId, orgId, side, author] of [
      [ID.counsellor, ID.nav, 'SPECIALIST', ID.counsellor],
      [ID.counsellor, ID.nav, 'NAV', ID.userA],
      [ID.nav2Counsellor, ID.nav2, 'NAV', ID.nav2Counsellor],
      [ID.userB, ID.orgB, 'SPECIALIST', ID.userB],
    ] as const)
      await as(userId, orgId, async (c) => {
        await expect(post(c, side, author)).rejects.toThrow(/row-level security/);
      });
    // Narrowed or withdrawn: closed on the next transaction.
    for (const set of [
      `"navParts" = '{BASIC_DETAILS}', "withdrawnAt" = NULL`,
      `"navParts" = '{BASIC_DETAILS,DIALOGUE}', "withdrawnAt" = now()`,
    ]) {
      await admin.query(`UPDATE consent SET ${set} WHERE id = '${ID.consentA}'`);
      await as(ID.counsellor, ID.nav, async (c) => {
        const read = await c.query(
          `UPDATE nav_dialogue_thread SET "navReadUpTo" = now() WHERE id = '${ID.threadA}'`,
        );
        expect(read.rowCount).toBe(0);
        expect(await ids(c, `SELECT id FROM nav_dialogue_message`)).toEqual([]);
        await expect(post(c, 'NAV', ID.counsellor)).rejects.toThrow(/row-level security/);
      });
    }
    // The tenant keeps the history.
    await as(ID.userA, ID.orgA, async (c) => {
      expect(await ids(c, `SELECT id FROM nav_dialogue_thread`)).toEqual([ID.threadA]);
    });
  });
});

describe('SECURITY DEFINER functions cannot be fooled', () => {
  it('every one puts pg_temp last in its search_path', async () => {
    const { rows } = await admin.query<{ fn: string; config: string[] | null }>(
      `SELECT p.oid::regprocedure::text AS fn, p.proconfig AS config FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.prosecdef`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const unsafe = rows
      .filter((r) => !(r.config ?? []).some((c) => /^search_path=.*pg_temp$/.test(c)))
      .map((r) => r.fn);
    expect(unsafe).toEqual([]);
  });

  it('a temporary table named like a real one does not widen a user’s organisations', async () => {
    const outsider = '01900000-0000-7000-8000-0000000000ff';
    await asApp(async (c) => {
      await c.query('SAVEPOINT s');
      const created = await c
        .query(
          `CREATE TEMP TABLE membership AS SELECT '${outsider}'::uuid AS "userId", id AS "organizationId", now() AS "validFrom", NULL::timestamptz AS "endedAt" FROM (VALUES ('${ID.orgA}'::uuid), ('${ID.orgB}'::uuid)) v(id)`,
        )
        .then(
          () => true,
          () => false,
        );
      if (!created) await c.query('ROLLBACK TO SAVEPOINT s');
      await setContext(c, outsider, [ID.orgA, ID.orgB]);
      expect(await ids(c, 'SELECT id FROM job_seeker')).toEqual([]);
      expect(created).toBe(false); // the runtime role may not create temporary tables at all
    });
  });
});
