/**
 * The method supervisor's dashboard in a real browser: the six measures against their targets
 * with trend charts, and the latest results per specialist — whose caseloads equal the database's.
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

describe('method supervisor: team results', () => {
  it('shows every measure against its target, with trends, and each specialist’s figures', async () => {
    const { rows } = await stack.admin.query<{ email: string; teamId: string }>(
      `SELECT u.email, t.id AS "teamId" FROM specialist_team t JOIN app_user u ON u.id = t."methodSupervisorId"
       WHERE NOT EXISTS (SELECT 1 FROM specialist_team t2 WHERE t2."methodSupervisorId" = t."methodSupervisorId" AND t2.id <> t.id)
       ORDER BY t.id LIMIT 1`,
    );
    const { email, teamId } = rows[0] as { email: string; teamId: string };
    const { rows: members } = await stack.admin.query<{ name: string; caseload: string }>(
      `SELECT u."givenName" || ' ' || u."familyName" AS name,
              (SELECT count(*) FROM assignment a JOIN job_seeker j ON j.id = a."jobSeekerId"
                WHERE a."specialistId" = tm."userId" AND a."endedAt" IS NULL AND j.phase <> 'DISCHARGED'
                  AND j."referralDate" <= (now() AT TIME ZONE 'Europe/Oslo')::date) AS caseload
       FROM team_member tm JOIN app_user u ON u.id = tm."userId" WHERE tm."teamId" = $1 AND tm."leftOn" IS NULL`,
      [teamId],
    );
    const page = await stack.newPage();
    await signIn(page, stack.shellUrl, email, '/team');
    await page.getByTestId('per-specialist').waitFor();
    expect(await page.locator('[data-measure]').count()).toBe(6);
    expect(await page.locator('[data-measure] svg.recharts-surface').count()).toBe(6);
    for (const label of await page
      .locator('[data-measure] [role="img"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')))
      expect(label).toMatch(/: fra .+ til .+, mål .+/);
    const table = page.getByTestId('per-specialist');
    expect(await table.locator('tbody tr').count()).toBe(members.length);
    // Each row: the name, then the measures in order (rate, starts, caseload, …).
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelectorAll('td')[2]?.textContent ?? '',
        ]),
      );
    // The caseload, then its ceiling (issue 16: a ceiling scaled by FTE, "14 (tak 20)").
    expect(
      Object.fromEntries(shown.map(([name, cell]) => [name, /^(\d+) \(tak \d+\)$/.exec(cell ?? '')?.[1]])),
    ).toEqual(Object.fromEntries(members.map((m) => [m.name, String(Number(m.caseload))])));
    // The granularity is kept in the address.
    await page.getByRole('radio', { name: 'Måned' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('periode')).toBe('month');
    await page.getByTestId('per-specialist').waitFor();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'team-1280.png'), fullPage: true });
    await page.context().close();
  });
});
