/**
 * A NAV counsellor in a real browser: signs in, sees exactly the job seekers shared with them
 * through an active grant on a consent that is neither withdrawn nor expired (counted here in
 * SQL), with each consent's scope and validity — and no other job seeker, nor any field the
 * consent does not cover, ever reaches the page or its network responses.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
});
afterAll(async () => {
  await stack?.close();
});

const ACTIVE = (a: string) =>
  `${a}."withdrawnAt" IS NULL AND ${a}."validFrom" <= now() AND (${a}."validUntil" IS NULL OR ${a}."validUntil" > now())`;

describe('NAV counsellor', () => {
  it('sees only consented job seekers and only consented parts, in the DOM and on the wire', async () => {
    const { rows: counsellors } = await stack.admin.query<{ id: string; email: string }>(
      `SELECT u.id, u.email FROM membership m JOIN app_user u ON u.id = m."userId" WHERE m.role = 'NAV_COUNSELLOR' ORDER BY u.email LIMIT 1`,
    );
    const counsellor = counsellors[0] as { id: string; email: string };
    const { rows: granted } = await stack.admin.query<{ id: string; employment: boolean }>(
      `SELECT j.id, bool_or('EMPLOYMENT_STATUS' = ANY (g.scopes)) AS employment
       FROM job_seeker j JOIN nav_sharing_grant g ON g."jobSeekerId" = j.id JOIN consent c ON c.id = g."consentId"
       WHERE g."navOfficeId" IN (SELECT "organizationId" FROM membership WHERE "userId" = $1 AND role = 'NAV_COUNSELLOR')
         AND (g."counsellorId" IS NULL OR g."counsellorId" = $1) AND g."revokedAt" IS NULL
         AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now())
         AND c.scope = 'NAV_SHARING' AND ${ACTIVE('c')}
       GROUP BY j.id`,
      [counsellor.id],
    );
    expect(granted.length).toBeGreaterThan(0);
    const allowed = new Set(granted.map((g) => g.id));

    const page = await stack.newPage();
    const bodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/graphql')) bodies.push(await r.text().catch(() => ''));
    });
    await signIn(page, stack.shellUrl, counsellor.email, '/nav');
    const table = page.getByTestId('shared-with-nav');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(granted.length);
    // Every job seeker id on the page or in any response is one shared with this counsellor.
    const domIds = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id') ?? ''));
    const decode = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1] ?? '';
    expect(domIds.map(decode).every((id) => allowed.has(id))).toBe(true);
    const wireIds = bodies.flatMap((b) =>
      [...b.matchAll(/"id":"([A-Za-z0-9+/=]+)"/g)].map((m) => m[1] as string),
    );
    const jobSeekerIds = wireIds
      .map((id) => Buffer.from(id, 'base64').toString())
      .filter((s) => s.startsWith('JobSeeker:'));
    expect(jobSeekerIds.length).toBeGreaterThan(0);
    expect(jobSeekerIds.every((s) => allowed.has(s.slice('JobSeeker:'.length)))).toBe(true);
    // Nothing the consent does not cover: no address, contact, case or treatment fields at all.
    for (const field of [
      'streetAddress',
      'phone',
      '"email"',
      'healthTeam',
      'summary',
      'journalNotes',
      'dischargeNote',
    ]) {
      expect(
        bodies.some((b) => b.includes(field)),
        field,
      ).toBe(false);
    }
    // Employment only where EMPLOYMENT_STATUS is shared: never a job title for the others.
    const withoutEmployment = granted.filter((g) => !g.employment).map((g) => g.id);
    for (const id of withoutEmployment) {
      const row = table.locator(`tbody tr[data-id="${Buffer.from(`JobSeeker:${id}`).toString('base64')}"]`);
      expect(await row.locator('td').nth(4).textContent()).toBe('Ikke delt');
    }
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'nav-1280.png'), fullPage: true });
    // The portfolio area is not offered to a NAV counsellor.
    expect(await page.getByRole('link', { name: 'Min portefølje' }).count()).toBe(0);
    await page.context().close();
  });
});
