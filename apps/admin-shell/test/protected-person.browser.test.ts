/**
 * Issue 17 item 9 in a real browser against the real API and database: the own specialist sees a
 * clear marker of a protected address (kode 6/7) on the job seeker's page, above every tab, and a
 * tag in the portfolio; a job seeker without protection has neither. 360 × 740, no horizontal
 * scroll, axe clean in each state.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let email = '';
let kode6 = { id: '', name: '' };
let plain = { id: '', name: '' };

const gid = (id: string) => Buffer.from(`JobSeeker:${id}`).toString('base64');

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{
    email: string;
    aId: string;
    aName: string;
    bId: string;
    bName: string;
  }>(
    `SELECT u.email, a.id AS "aId", a."givenName" || ' ' || a."familyName" AS "aName",
            b.id AS "bId", b."givenName" || ' ' || b."familyName" AS "bName"
     FROM job_seeker a JOIN app_user u ON u.id = a."currentSpecialistId"
     JOIN job_seeker b ON b."currentSpecialistId" = u.id AND b.id <> a.id AND b.phase <> 'DISCHARGED' AND b."organizationId" = a."organizationId"
     WHERE a.phase <> 'DISCHARGED'
       AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = a."organizationId")
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
     ORDER BY u.email, a.id, b.id LIMIT 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('the demo data has no specialist with two job seekers');
  email = row.email;
  kode6 = { id: row.aId, name: row.aName };
  plain = { id: row.bId, name: row.bName };
  await stack.admin.query(
    `UPDATE job_seeker SET "protectedAddress" = CASE WHEN id = $1 THEN 'STRICTLY_CONFIDENTIAL'::"ProtectedAddress" ELSE 'NONE' END,
            "streetAddress" = CASE WHEN id = $1 THEN NULL ELSE "streetAddress" END
     WHERE id IN ($1, $2)`,
    [kode6.id, plain.id],
  );
});
afterAll(async () => {
  await stack?.close();
});

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}
async function expectNoHorizontalScroll(page: Page, name: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect({ name, scroll: scroll <= client }).toEqual({ name, scroll: true });
}

describe('protected persons: the own specialist is warned (360 × 740)', () => {
  it('the marker on the page above every tab, the tag in the portfolio; none for an unprotected job seeker', async () => {
    const page = await stack.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, stack.shellUrl, email, `/portfolio/${gid(kode6.id)}`);
    const marker = page.getByTestId('protected-marker');
    await marker
      .getByRole('heading', { name: 'Strengt fortrolig adresse (kode 6)' })
      .waitFor({ timeout: 30_000 });
    await marker.getByText(/Arbeidsgiveren vises bare for deg/).waitFor();
    await expectNoHorizontalScroll(page, 'person-kode6');
    await expectAccessible(page, 'person-kode6-360');
    await page.screenshot({ path: join(ARTIFACTS, 'protected-person-360.png'), fullPage: true });
    // Every tab keeps it: it sits above them.
    for (const tab of ['Tidslinje', 'Plan', 'Kontakter']) {
      await page.getByRole('tab', { name: tab, exact: false }).first().click();
      await marker.waitFor();
    }
    await page.goto(`${stack.shellUrl}/portfolio`);
    const row = page.getByRole('row', { name: new RegExp(kode6.name) });
    await row.getByTestId('protected-tag').getByText('Kode 6').waitFor({ timeout: 30_000 });
    expect(
      await page
        .getByRole('row', { name: new RegExp(plain.name) })
        .getByTestId('protected-tag')
        .count(),
    ).toBe(0);
    await expectNoHorizontalScroll(page, 'portfolio');
    await expectAccessible(page, 'portfolio-kode6-360');
    await page.goto(`${stack.shellUrl}/portfolio/${gid(plain.id)}`);
    await page.getByRole('heading', { level: 1, name: plain.name }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('protected-marker').count()).toBe(0);
    await page.context().close();
  }, 240_000);
});
