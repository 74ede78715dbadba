/**
 * The tenant administrator in a real browser: a deleted case (ADR 0012) is listed with who deleted
 * it, why and when it will be purged — and nothing else of the case reaches the page or the network;
 * restoring it brings every row of the case back in the database.
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

describe('tenant administrator: deleted cases', () => {
  it('lists a deleted case without its contents, and restores it', async () => {
    // An administrator of one organisation, and a job seeker there with case rows of its own.
    const { rows } = await stack.admin.query<{
      email: string;
      adminId: string;
      orgId: string;
      jobSeekerId: string;
      version: number;
      name: string;
      identityNumber: string;
    }>(
      `SELECT u.email, u.id AS "adminId", m."organizationId" AS "orgId", j.id AS "jobSeekerId", j.version,
              j."givenName" || ' ' || j."familyName" AS name, j."identityNumber"
       FROM membership m JOIN app_user u ON u.id = m."userId"
       JOIN job_seeker j ON j."organizationId" = m."organizationId"
       WHERE m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM membership o WHERE o."userId" = m."userId" AND o.id <> m.id)
         AND EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id)
         AND EXISTS (SELECT 1 FROM task t WHERE t."jobSeekerId" = j.id)
       ORDER BY u.email, j.id LIMIT 1`,
    );
    const cell = rows[0];
    if (!cell) throw new Error('the demo data has no administrator with a case in the organisation');
    const reason = 'Registrert på feil person ved en feil';
    // The deletion, as the administrator (the function checks the caller from the settings).
    await stack.admin.query('BEGIN');
    await stack.admin.query(
      "SELECT set_config('app.user_id', $1, true), set_config('app.org_ids', $2, true)",
      [cell.adminId, cell.orgId],
    );
    const { rows: deleted } = await stack.admin.query<{ outcome: string }>(
      'SELECT outcome FROM app.soft_delete_job_seeker($1, $2, $3)',
      [cell.jobSeekerId, cell.version, reason],
    );
    await stack.admin.query('COMMIT');
    expect(deleted[0]?.outcome).toBe('DELETED');
    const stamped = async () =>
      Number(
        (
          await stack.admin.query(
            `SELECT (SELECT count(*) FROM consent WHERE "jobSeekerId" = $1 AND "deletedAt" IS NOT NULL)
                  + (SELECT count(*) FROM task WHERE "jobSeekerId" = $1 AND "deletedAt" IS NOT NULL)
                  + (SELECT count(*) FROM job_seeker WHERE id = $1 AND "deletedAt" IS NOT NULL) AS n`,
            [cell.jobSeekerId],
          )
        ).rows[0]?.n,
      );
    expect(await stamped()).toBeGreaterThan(2);

    const page = await stack.newPage();
    const bodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/graphql')) bodies.push(await r.text().catch(() => ''));
    });
    await signIn(page, stack.shellUrl, cell.email, '/deleted-cases');
    const table = page.getByTestId('deleted-cases');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: cell.name });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.textContent()).toContain(reason);
    // Recognising the case needs its name; nothing else of it is sent (no identity number, no consent).
    expect(bodies.some((b) => b.includes(cell.name.split(' ')[0] as string))).toBe(true);
    expect(
      bodies.filter((b) => b.includes(cell.identityNumber) || b.includes('TEAM_CASE_DISCUSSION')),
    ).toEqual([]);
    // The actions column's header is for screen readers only.
    const hidden = await table.locator('thead th').last().locator('span').boundingBox();
    expect(hidden?.width ?? 0).toBeLessThanOrEqual(1);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'deleted-cases-1280.png'), fullPage: true });

    await row.getByRole('button', { name: `Gjenopprett saken til ${cell.name}` }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 20_000 })
      .toContain(`Saken til ${cell.name} er gjenopprettet.`);
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    // Every row of the case is back.
    expect(await stamped()).toBe(0);
    // A reload agrees.
    await page.reload();
    await page.getByRole('heading', { name: 'Slettede saker' }).waitFor();
    expect(await page.getByTestId('deleted-cases').locator('tbody tr', { hasText: cell.name }).count()).toBe(
      0,
    );
    await page.context().close();
  });
});
