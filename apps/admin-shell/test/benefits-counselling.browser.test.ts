/**
 * Benefits counselling (issue 17; IPS principle 5), in a real browser against the real API and
 * PostgreSQL: the specialist, at 360 × 740, records counselling (a benefit with what changes with
 * income from work, referred to NAV for calculation, a follow-up day) → sees it on the person page
 * and its journal note → the NAV counsellor whose grant and consent cover the part reads it; without
 * the part in the consent the page names it as not shared. Axe on each new state; no horizontal scroll.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let counsellor: { email: string; office: string };
let js: { id: string; specialistEmail: string };
let consentId: string;

const globalId = (id: string) => Buffer.from(`JobSeeker:${id}`).toString('base64');

function osloDay(days: number): { iso: string; shown: string } {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const iso = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  const [yy, mm, dd] = iso.split('-');
  return { iso, shown: `${dd}.${mm}.${yy}` };
}

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  counsellor = (
    await stack.admin.query<typeof counsellor>(
      `SELECT u.email, m."organizationId" AS office FROM membership m JOIN app_user u ON u.id = m."userId"
       JOIN organization o ON o.id = m."organizationId"
       WHERE m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL AND o.kind = 'NAV_OFFICE' AND u.active
       ORDER BY u.email LIMIT 1`,
    )
  ).rows[0] as typeof counsellor;
  js = (
    await stack.admin.query<typeof js>(
      `SELECT j.id, u.email AS "specialistEmail" FROM job_seeker j JOIN app_user u ON u.id = j."currentSpecialistId"
       WHERE j."deletedAt" IS NULL AND j.phase <> 'DISCHARGED' AND j."protectedAddress" = 'NONE' AND u.active
         AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'NAV_SHARING')
       ORDER BY j.id LIMIT 1`,
    )
  ).rows[0] as typeof js;
  await stack.admin.query(
    `UPDATE job_seeker SET "referralDate" = least("referralDate", (now() AT TIME ZONE 'Europe/Oslo')::date - 30) WHERE id = $1`,
    [js.id],
  );
  // NAV sharing: the consent covers employment status only for now; the grant names the part too.
  consentId = randomUUID();
  await stack.admin.query(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt", "navParts")
     SELECT $1, j."organizationId", j.id, 'NAV_SHARING', now() - interval '1 day', j."currentSpecialistId", now(),
            '{BASIC_DETAILS,EMPLOYMENT_STATUS}'
     FROM job_seeker j WHERE j.id = $2`,
    [consentId, js.id],
  );
  await stack.admin.query(
    `INSERT INTO nav_sharing_grant (id, "organizationId", "jobSeekerId", "consentId", "navOfficeId", scopes, "validFrom", "grantedById", "updatedAt")
     SELECT $1, j."organizationId", j.id, $2, $3, '{BASIC_DETAILS,EMPLOYMENT_STATUS,BENEFITS_COUNSELLING}', now() - interval '1 day', j."currentSpecialistId", now()
     FROM job_seeker j WHERE j.id = $4`,
    [randomUUID(), consentId, counsellor.office, js.id],
  );
});
afterAll(async () => {
  await stack?.close();
});

async function expectAccessible(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `benefits-counselling-${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}
const noSideScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

describe('benefits counselling', () => {
  it('the specialist records it at 360 px and sees it and its journal note', async () => {
    const page = await stack.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(
      page,
      stack.shellUrl,
      js.specialistEmail,
      `/portfolio/${encodeURIComponent(globalId(js.id))}`,
    );
    await page.getByRole('heading', { level: 2, name: 'Ytelsesveiledning' }).waitFor();
    await page.getByRole('button', { name: 'Registrer ytelsesveiledning' }).click();
    const form = page.locator('#benefits-form');
    await form.waitFor();
    await form.getByRole('checkbox', { name: 'Arbeidsavklaringspenger (AAP)' }).check();
    await form
      .getByLabel('Arbeidsavklaringspenger (AAP): hva endres med arbeidsinntekt')
      .fill('AAP avkortes mot timene i jobben');
    await form.getByRole('checkbox', { name: 'Sendt NAV for beregning' }).check();
    await form.getByLabel('Hva NAV skal beregne').fill('AAP ved 40 prosent stilling');
    await form.getByLabel('Oppfølging (valgfri)').fill(osloDay(14).shown);
    await form.getByLabel('Oppfølging (valgfri)').press('Tab');
    await expectAccessible(page, 'form-360');
    await noSideScroll(page);
    await form.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Ytelsesveiledningen er registrert, med journalnotat.').waitFor();
    const list = page.getByTestId('benefits-counselling');
    await list.getByText('AAP avkortes mot timene i jobben').waitFor();
    await list.getByText('Sendt NAV for beregning: AAP ved 40 prosent stilling').waitFor();
    await list.getByText(`Følges opp ${osloDay(14).shown}`).waitFor();
    await expectAccessible(page, 'list-360');
    await noSideScroll(page);
    const duty = await stack.admin.query(
      `SELECT 1 FROM task WHERE "jobSeekerId" = $1 AND rule = 'BENEFITS_FOLLOW_UP' AND status = 'OPEN' AND "dueOn" = $2`,
      [js.id, osloDay(14).iso],
    );
    expect(duty.rowCount).toBe(1);
    await page.getByRole('tab', { name: 'Journalnotater' }).click();
    await page.getByText('IPS: ytelsesveiledning').first().waitFor();
    await expectAccessible(page, 'journal-360');
    await page.close();
  });

  it('NAV reads it only when the consent covers it', async () => {
    const page = await stack.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, stack.shellUrl, counsellor.email, `/nav/${encodeURIComponent(globalId(js.id))}`);
    await page.getByText('Ikke delt med NAV:', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Ytelsesveiledning' }).count()).toBe(0);
    expect(await page.getByText('AAP avkortes mot timene i jobben').count()).toBe(0);
    await stack.admin.query(
      `UPDATE consent SET "navParts" = '{BASIC_DETAILS,EMPLOYMENT_STATUS,BENEFITS_COUNSELLING}' WHERE id = $1`,
      [consentId],
    );
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Ytelsesveiledning' }).waitFor();
    const shared = page.getByTestId('nav-benefits-counselling');
    await shared.getByText('AAP avkortes mot timene i jobben').waitFor();
    await shared.getByText('Sendt NAV for beregning: AAP ved 40 prosent stilling').waitFor();
    await expectAccessible(page, 'nav-360');
    await noSideScroll(page);
    await page.close();
  });
});
