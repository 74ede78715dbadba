/**
 * Issue 17 item 9 (domain.md §10: job seekers with a protected address, kode 6/7, have their
 * address and whereabouts hidden from everyone without a specific need): a kode-6 job seeker's
 * workplace — the employer of their job — is read by the own specialist only; the same-team
 * specialist, the method supervisor and a NAV counsellor with an active grant still read the job
 * (title, dates), never where it is. Kode 7 and unprotected job seekers are as before. Before this,
 * colleagues and NAV read the employer of a kode-6 job seeker: the matrix fails on that.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';
import { GRANT_ACTIVE } from './relations.js';

let stack: Stack;
let jobSeekerId = '';
let employerId = '';
/** role × relation → e-mail. */
const who: Record<string, string> = {};

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const row = (await stack.admin.query(sql, params)).rows[0];
  if (!row) throw new Error(`no row: ${sql}`);
  return row as T;
}

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // A job seeker shared with a NAV counsellor through an active grant.
  // One whose team also has another job specialist and a supervisor acting in its organisation
  // (which job seekers qualify depends on the day the demo data is generated for).
  const colleague = (role: string) =>
    `EXISTS (SELECT 1 FROM team_member tm JOIN membership m2 ON m2."userId" = tm."userId"
       AND m2."organizationId" = j."organizationId" AND m2."endedAt" IS NULL
       WHERE tm."teamId" = j."teamId" AND tm."leftOn" IS NULL AND tm.role = '${role}' AND tm."userId" <> j."currentSpecialistId")`;
  const nav = await one<{ email: string; jobSeekerId: string }>(
    `SELECT u.email, j.id AS "jobSeekerId" FROM job_seeker j
     JOIN nav_sharing_grant g ON g."jobSeekerId" = j.id JOIN consent c ON c.id = g."consentId"
     JOIN membership m ON m."organizationId" = g."navOfficeId" AND m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL
       AND (g."counsellorId" IS NULL OR g."counsellorId" = m."userId")
     JOIN app_user u ON u.id = m."userId"
     WHERE ${GRANT_ACTIVE} AND j.phase <> 'DISCHARGED' AND j."teamId" IS NOT NULL
       AND ${colleague('JOB_SPECIALIST')} AND ${colleague('METHOD_SUPERVISOR')}
     ORDER BY j.id, u.email LIMIT 1`,
  );
  who['NAV counsellor with a grant'] = nav.email;
  jobSeekerId = nav.jobSeekerId;
  // NAV reads the employment status: the grant and the consent both name it (issue 17 item 1).
  await stack.admin.query(
    `UPDATE nav_sharing_grant SET scopes = array(SELECT DISTINCT unnest(scopes || '{EMPLOYMENT_STATUS}'::"NavShareScope"[]))
     WHERE "jobSeekerId" = $1`,
    [jobSeekerId],
  );
  await stack.admin.query(
    `UPDATE consent SET "navParts" = array(SELECT DISTINCT unnest("navParts" || '{EMPLOYMENT_STATUS}'::"NavShareScope"[]))
     WHERE id IN (SELECT "consentId" FROM nav_sharing_grant WHERE "jobSeekerId" = $1)`,
    [jobSeekerId],
  );
  const js = await one<{ organizationId: string; teamId: string; specialistId: string }>(
    `SELECT "organizationId", "teamId", "currentSpecialistId" AS "specialistId" FROM job_seeker WHERE id = $1`,
    [jobSeekerId],
  );
  // The team may discuss the case: the consent in force.
  await stack.admin.query(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'TEAM_CASE_DISCUSSION', now() - interval '1 day', $3, now())`,
    [js.organizationId, jobSeekerId, js.specialistId],
  );
  // A job with an employer.
  employerId = (
    await one<{ id: string }>(`SELECT id FROM employer WHERE "organizationId" = $1 ORDER BY id LIMIT 1`, [
      js.organizationId,
    ])
  ).id;
  await stack.admin.query(
    `INSERT INTO employment (id, "organizationId", "jobSeekerId", "employerId", kind, "jobTitle", "jobType", "startDate",
       "hoursPerWeek", "openLabourMarket", "atLeastMinimumWage", "openToAnyone", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'ORDINARY_JOB', 'Lagermedarbeider', '9', current_date - 30, 20, true, true, true, now())`,
    [js.organizationId, jobSeekerId, employerId],
  );
  const member = (where: string) =>
    one<{ email: string }>(
      `SELECT u.email FROM team_member tm JOIN app_user u ON u.id = tm."userId"
        WHERE tm."teamId" = $1 AND tm."leftOn" IS NULL AND ${where}
          AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m."organizationId" = $2 AND m."endedAt" IS NULL)
        ORDER BY u.email LIMIT 1`,
      [js.teamId, js.organizationId, js.specialistId],
    ).then((r) => r.email);
  who['own specialist'] = (
    await one<{ email: string }>(`SELECT email FROM app_user WHERE id = $1`, [js.specialistId])
  ).email;
  who['same-team specialist'] = await member(`tm.role = 'JOB_SPECIALIST' AND tm."userId" <> $3`);
  who['method supervisor of the team'] = await member(`tm.role = 'METHOD_SUPERVISOR' AND tm."userId" <> $3`);
  who['health-service leader'] = (
    await one<{ email: string }>(
      `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId" WHERE m.role = 'HEALTH_SERVICE_LEADER' AND m."organizationId" = $1 ORDER BY u.email LIMIT 1`,
      [js.organizationId],
    )
  ).email;
});
afterAll(async () => {
  await stack?.close();
});

const JOBS = `query($id: ID!) { jobSeeker(id: $id) { id protectedAddress employments { id jobTitle employer { id name } } } }`;
type Jobs = {
  jobSeeker: {
    protectedAddress: string | null;
    employments: { id: string; jobTitle: string; employer: { id: string; name: string } | null }[];
  } | null;
};

/** What each actor reads of the job: no job seeker, the job without its workplace, or with it. */
async function matrix(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [relation, email] of Object.entries(who)) {
    const res = await stack.gql<Jobs>(email, JOBS, { id: jobSeekerId });
    expect(res.errors, relation).toBeUndefined();
    const js = res.data?.jobSeeker;
    const job = js?.employments.find((e) => e.jobTitle === 'Lagermedarbeider');
    out[relation] = !js
      ? 'no job seeker'
      : !job
        ? 'no job'
        : job.employer
          ? 'job with workplace'
          : 'job, no workplace';
    // Nothing else of the response names the employer either.
    if (job && !job.employer) expect(JSON.stringify(res)).not.toContain(employerId);
  }
  return out;
}

const protect = (level: 'NONE' | 'CONFIDENTIAL' | 'STRICTLY_CONFIDENTIAL') =>
  stack.admin.query(`UPDATE job_seeker SET "protectedAddress" = $2 WHERE id = $1`, [jobSeekerId, level]);

describe('a kode-6 job seeker’s workplace: role × relation', () => {
  it('strictly confidential (kode 6): only the own specialist reads where the job is', async () => {
    await protect('STRICTLY_CONFIDENTIAL');
    expect(await matrix()).toEqual({
      'NAV counsellor with a grant': 'job, no workplace',
      'own specialist': 'job with workplace',
      'same-team specialist': 'job, no workplace',
      'method supervisor of the team': 'job, no workplace',
      'health-service leader': 'no job seeker',
    });
  });

  for (const level of ['CONFIDENTIAL', 'NONE'] as const)
    it(`${level === 'NONE' ? 'not protected' : 'confidential (kode 7)'}: the team and NAV read the workplace as before`, async () => {
      await protect(level);
      expect(await matrix()).toEqual({
        'NAV counsellor with a grant': 'job with workplace',
        'own specialist': 'job with workplace',
        'same-team specialist': 'job with workplace',
        'method supervisor of the team': 'job with workplace',
        'health-service leader': 'no job seeker',
      });
    });

  it('the own specialist reads the protection level (the marker on the page)', async () => {
    await protect('STRICTLY_CONFIDENTIAL');
    const res = await stack.gql<Jobs>(who['own specialist'] as string, JOBS, { id: jobSeekerId });
    expect(res.data?.jobSeeker?.protectedAddress).toBe('STRICTLY_CONFIDENTIAL');
  });
});
