/**
 * The fidelity review in a real browser against the real API: the supervisor starts an IPS-25
 * review; the items the data speaks to carry the suggested score the database holds; every item is
 * scored (each saved at once with its version); finalising shows the total the database computed.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let supervisor = '';

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{ email: string }>(
    `SELECT u.email FROM team_member tm JOIN app_user u ON u.id = tm."userId"
     WHERE tm.role = 'METHOD_SUPERVISOR' AND tm."leftOn" IS NULL
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
       AND (SELECT count(*) FROM team_member x WHERE x."userId" = u.id AND x.role = 'METHOD_SUPERVISOR' AND x."leftOn" IS NULL) = 1
     ORDER BY u.email LIMIT 1`,
  );
  supervisor = rows[0]?.email as string;
});
afterAll(async () => {
  await stack?.close();
});

describe('method supervisor: the fidelity review', () => {
  it('starts a review with suggestions from data, scores every item, finalises with the total', async () => {
    const page = await stack.newPage(1280);
    await signIn(page, stack.shellUrl, supervisor, '/fidelity');
    await page.getByRole('heading', { level: 1, name: 'Kvalitetsevaluering (IPS-25)' }).waitFor();
    await page.getByLabel('Evaluatorer').fill('Kari Nordmann (NAV), Ola Hansen (kommunen)');
    await page.getByRole('button', { name: 'Start ny evaluering' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('evaluering'), { timeout: 20_000 })
      .toBeTruthy();
    const reviewId = new URL(page.url()).searchParams.get('evaluering') as string;
    // Persisted: opened afresh, the new review is there with its 25 items.
    await page.goto(`${stack.shellUrl}/fidelity?evaluering=${reviewId}`);
    const items = page.getByTestId('fidelity-items').locator('tbody tr');
    await expect.poll(() => items.count()).toBe(25);
    const { rows: suggested } = await stack.admin.query<{ item: number; computedScore: number }>(
      `SELECT item, "computedScore" FROM fidelity_item_score WHERE "reviewId" = $1 AND "computedScore" IS NOT NULL ORDER BY item`,
      [reviewId],
    );
    expect(suggested.length).toBeGreaterThan(0);
    for (const s of suggested) {
      const row = items.filter({
        has: page.locator('td:first-child', { hasText: new RegExp(`^${s.item}$`) }),
      });
      expect(await row.locator('td').nth(2).locator('strong').textContent()).toBe(String(s.computedScore));
    }
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);

    // Score each item (the suggestion where there is one, else 3), one save at a time.
    const suggestion = new Map(suggested.map((s) => [s.item, s.computedScore]));
    for (let item = 1; item <= 25; item++) {
      const select = page.getByLabel(`Skår for punkt ${item}`, { exact: true });
      const value = suggestion.get(item) ?? 3;
      await select.selectOption(String(value));
      await expect
        .poll(
          async () =>
            (
              await stack.admin.query<{ score: number | null }>(
                'SELECT score FROM fidelity_item_score WHERE "reviewId" = $1 AND item = $2',
                [reviewId, item],
              )
            ).rows[0]?.score,
        )
        .toBe(value);
      await expect.poll(() => select.isEnabled()).toBe(true);
    }
    await page.getByRole('button', { name: 'Fullfør evalueringen' }).click();
    const total = page.getByTestId('fidelity-total');
    await total.waitFor();
    const { rows } = await stack.admin.query<{ status: string; totalScore: number; sum: number }>(
      `SELECT r.status::text AS status, r."totalScore", (SELECT sum(score)::int FROM fidelity_item_score s WHERE s."reviewId" = r.id) AS sum
       FROM fidelity_review r WHERE r.id = $1`,
      [reviewId],
    );
    expect(rows[0]?.status).toBe('FINAL');
    expect(rows[0]?.totalScore).toBe(rows[0]?.sum);
    expect(await total.textContent()).toContain(`Totalskår ${rows[0]?.totalScore}`);
    await page.screenshot({ path: join(ARTIFACTS, 'fidelity-1280.png'), fullPage: true });
    await page.context().close();
  });
});
