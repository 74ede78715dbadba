/**
 * The NAV counsellor's page about one shared job seeker (issue 17), in a real browser against the
 * real API and PostgreSQL: the counsellor opens the list, opens the job seeker, and reads exactly
 * what the NAV-sharing consent covers — here employment status and the career profile, while the
 * grant also names the support plan the consent does not cover (as after a narrowed consent): the
 * plan reaches neither the page nor the wire. The job specialist's name, work phone and e-mail and
 * the sharing's real end are shown; the reads are in the job seeker's access log; axe on each state;
 * 360 × 740 without horizontal scroll.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let counsellor: { id: string; email: string; office: string };
let js: { id: string; givenName: string; familyName: string; specialistId: string };
let specialist: { givenName: string; familyName: string; email: string; phone: string | null };
const untilDays = 100;

const globalId = (id: string) => Buffer.from(`JobSeeker:${id}`).toString('base64');

/** An Oslo day `days` from today, as the API's ISO day and as shown (dd.mm.åååå). */
function osloDay(days: number): { iso: string; shown: string } {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const iso = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  const [yy, mm, dd] = iso.split('-');
  return { iso, shown: `${dd}.${mm}.${yy}` };
}

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const c = await stack.admin.query<{ id: string; email: string; office: string }>(
    `SELECT u.id, u.email, m."organizationId" AS office FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN organization o ON o.id = m."organizationId"
     WHERE m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL AND o.kind = 'NAV_OFFICE' AND u.active
     ORDER BY u.email LIMIT 1`,
  );
  counsellor = c.rows[0] as typeof counsellor;
  // A job seeker with a job, a written career profile and a support plan, not shared with NAV yet.
  const j = await stack.admin.query<typeof js>(
    `SELECT j.id, j."givenName", j."familyName", j."currentSpecialistId" AS "specialistId" FROM job_seeker j
     WHERE j."currentSpecialistId" IS NOT NULL AND j."deletedAt" IS NULL AND j."protectedAddress" = 'NONE'
       AND EXISTS (SELECT 1 FROM employment e WHERE e."jobSeekerId" = j.id)
       AND EXISTS (SELECT 1 FROM career_profile p JOIN career_profile_revision r ON r."careerProfileId" = p.id WHERE p."jobSeekerId" = j.id)
       AND EXISTS (SELECT 1 FROM support_plan p JOIN support_plan_revision r ON r."supportPlanId" = p.id WHERE p."jobSeekerId" = j.id)
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'NAV_SHARING')
     ORDER BY j."referralDate" DESC, j.id LIMIT 1`,
  );
  js = j.rows[0] as typeof js;
  if (!js)
    throw new Error('the demo data has no job seeker with a job, a profile and a plan without NAV sharing');
  specialist = (
    await stack.admin.query<typeof specialist>(
      `SELECT "givenName", "familyName", email, phone FROM app_user WHERE id = $1`,
      [js.specialistId],
    )
  ).rows[0] as typeof specialist;
  // The consent covers employment status and the career profile, until a day ahead; the grant
  // (whole office, open-ended) names the support plan too — the consent decides.
  const consentId = randomUUID();
  await stack.admin.query(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "validUntil", "recordedById", "updatedAt", "navParts")
     SELECT $1, j."organizationId", j.id, 'NAV_SHARING', now() - interval '1 day',
            (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo') - interval '1 millisecond', j."currentSpecialistId", now(),
            '{BASIC_DETAILS,EMPLOYMENT_STATUS,CAREER_PROFILE}'
     FROM job_seeker j WHERE j.id = $2`,
    [consentId, js.id, osloDay(untilDays).iso],
  );
  await stack.admin.query(
    `INSERT INTO nav_sharing_grant (id, "organizationId", "jobSeekerId", "consentId", "navOfficeId", scopes, "validFrom", "grantedById", "updatedAt")
     SELECT $1, j."organizationId", j.id, $2, $3, '{BASIC_DETAILS,EMPLOYMENT_STATUS,CAREER_PROFILE,SUPPORT_PLAN}', now() - interval '1 day', j."currentSpecialistId", now()
     FROM job_seeker j WHERE j.id = $4`,
    [randomUUID(), consentId, counsellor.office, js.id],
  );
});
afterAll(async () => {
  await stack?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `nav-counsellor-${name}.png`), fullPage: true });

async function expectAccessible(page: Page, name: string) {
  console.info(`[nav-counsellor] ${new Date().toISOString()} ${name}`);
  await shot(page, name);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

const reads = async () =>
  Number(
    (
      await stack.admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE "jobSeekerId" = $1 AND "actorUserId" = $2 AND action = 'READ'`,
        [js.id, counsellor.id],
      )
    ).rows[0]?.n,
  );

/** Opens the list and, page by page, the job seeker's row; then their page. */
async function openFromList(page: Page) {
  await signIn(page, stack.shellUrl, counsellor.email, '/nav');
  const table = page.getByTestId('shared-with-nav');
  await table.waitFor();
  const row = table.locator(`tr[data-id="${globalId(js.id)}"]`);
  for (let i = 0; i < 50 && (await row.count()) === 0; i++) {
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await page.waitForTimeout(300);
  }
  await row.getByRole('link', { name: `${js.givenName} ${js.familyName}` }).click();
  await page.getByRole('heading', { level: 1, name: `${js.givenName} ${js.familyName}` }).waitFor();
}

describe('NAV counsellor: a shared job seeker’s page', () => {
  it('reads exactly what the consent covers, who the specialist is and until when; every read logged', async () => {
    const page = await stack.newPage(1280);
    const bodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/graphql')) bodies.push(await r.text().catch(() => ''));
    });
    const readsBefore = await reads();
    await openFromList(page);
    await expectAccessible(page, 'list');
    await page.getByRole('heading', { level: 2, name: 'Arbeidsstatus' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Karriereprofil' }).waitFor();
    // The grant names the support plan, the consent does not: not on the page, not on the wire.
    expect(await page.getByRole('heading', { level: 2, name: 'Jobbstøtteplan' }).count()).toBe(0);
    await page.getByText('Ikke delt med NAV: Jobbstøtteplan, Ytelsesveiledning.').waitFor();
    const pageBody = bodies.find((b) => b.includes('"specialistContact"')) ?? '';
    expect(pageBody).toContain('"supportPlans":[]');
    expect(pageBody).not.toContain('employerRoutines":"');
    // Shared parts and the sharing's real end (the consent's last day), never "until further notice".
    const about = page.getByRole('definition').filter({ hasText: 'Karriereprofil' }).first();
    await about.waitFor();
    await page.getByText(osloDay(untilDays).shown, { exact: true }).waitFor();
    expect(await page.getByText('Inntil videre').count()).toBe(0);
    // The specialist, and how to reach them.
    const contact = page.getByRole('region', { name: 'Jobbspesialist' });
    await contact.getByText(`${specialist.givenName} ${specialist.familyName}`).waitFor();
    await contact.getByRole('link', { name: specialist.email }).waitFor();
    if (specialist.phone) await contact.getByRole('link', { name: specialist.phone }).waitFor();
    // The job the consent lets NAV see.
    const job = (
      await stack.admin.query<{ title: string }>(
        `SELECT "jobTitle" AS title FROM employment WHERE "jobSeekerId" = $1 ORDER BY "startDate" DESC LIMIT 1`,
        [js.id],
      )
    ).rows[0]?.title as string;
    await page
      .getByRole('region', { name: 'Arbeidsstatus' })
      .getByText(job, { exact: false })
      .first()
      .waitFor();
    await expectAccessible(page, 'page');
    // Every read is in the job seeker's access log.
    await expect.poll(reads).toBeGreaterThan(readsBefore);
  });

  it('reads at 360 × 740 without horizontal scroll', async () => {
    const page = await stack.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await openFromList(page);
    await page.getByRole('heading', { level: 2, name: 'Karriereprofil' }).waitFor();
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(360);
    // No squeezed column: every value of the facts lists is at least 200 px wide.
    const widths = await page
      .locator('.nav-facts dd')
      .evaluateAll((dds) => dds.map((d) => Math.round(d.getBoundingClientRect().width)));
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(200);
    await expectAccessible(page, 'page-360');
  });
});
