/**
 * Issue 17 item 7 in a real browser against the real API and database: the tenant administrator
 * sets how many days before a planned absence the method supervisor is notified (14 by default,
 * 1–60) on the settings page; a value out of bounds is refused at the field and nothing is saved.
 * 360 × 740, no horizontal scroll, axe clean in each state.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let admin = { email: '', org: '' };

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{ email: string; org: string }>(
    `SELECT u.email, m."organizationId" AS org FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN organization o ON o.id = m."organizationId"
     WHERE m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL AND o.kind <> 'NAV_OFFICE'
       AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x.id <> m.id)
     ORDER BY u.email LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no tenant administrator of a health organisation');
  admin = rows[0];
  await stack.admin.query(
    `UPDATE organization SET settings = settings - 'plannedAbsenceNoticeDays' WHERE id = $1`,
    [admin.org],
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
const stored = async () =>
  (
    await stack.admin.query<{ days: string | null }>(
      `SELECT settings ->> 'plannedAbsenceNoticeDays' AS days FROM organization WHERE id = $1`,
      [admin.org],
    )
  ).rows[0]?.days ?? null;

describe('tenant administrator: the notice of planned absences', () => {
  it('shows 14 days by default, refuses 61 at the field, saves 21', async () => {
    const page = await stack.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, stack.shellUrl, admin.email, '/settings');
    const section = page.locator('section[aria-labelledby="planned-absence-heading"]');
    const field = section.getByLabel('Varsle metodeveileder dager før planlagt fravær');
    await field.waitFor({ timeout: 30_000 });
    expect(await field.inputValue()).toBe('14');
    await expectNoHorizontalScroll(page, 'settings');
    await expectAccessible(page, 'planned-absence-setting-360');
    await field.fill('61');
    await section.getByRole('button', { name: 'Lagre varselet' }).click();
    await section.getByText('Velg mellom 1 og 60 dager.').waitFor();
    expect(await stored()).toBeNull();
    await expectAccessible(page, 'planned-absence-setting-error');
    await field.fill('21');
    await section.getByRole('button', { name: 'Lagre varselet' }).click();
    await section.getByRole('status').getByText('Varselet om planlagt fravær er lagret.').waitFor();
    expect(await stored()).toBe('21');
    await page.context().close();
  }, 240_000);
});
