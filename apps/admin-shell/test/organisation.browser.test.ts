/**
 * The health-service leader in a real browser: the staffing view lists the organisation's
 * specialists with caseloads equal to the database's and who is away today — and no job seeker
 * ever reaches the page or its network responses (a leader sees staffing, never cases).
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

describe('health-service leader: staffing', () => {
  it('shows caseloads and absences, and no case', async () => {
    const { rows } = await stack.admin.query<{ email: string; orgId: string }>(
      `SELECT u.email, m."organizationId" AS "orgId" FROM membership m JOIN app_user u ON u.id = m."userId"
       WHERE m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM membership o WHERE o."userId" = m."userId" AND o.id <> m.id)
       ORDER BY u.email LIMIT 1`,
    );
    const { email, orgId } = rows[0] as { email: string; orgId: string };
    const { rows: staff } = await stack.admin.query<{ id: string; caseload: string; absent: boolean }>(
      `SELECT m."userId" AS id,
              (SELECT count(*) FROM job_seeker j WHERE j."organizationId" = $1 AND j."currentSpecialistId" = m."userId" AND j.phase <> 'DISCHARGED') AS caseload,
              EXISTS (SELECT 1 FROM absence a WHERE a."organizationId" = $1 AND a."specialistId" = m."userId"
                        AND a."startDate" <= (now() AT TIME ZONE 'Europe/Oslo')::date
                        AND coalesce(a."actualEndDate", a."expectedEndDate", 'infinity') >= (now() AT TIME ZONE 'Europe/Oslo')::date) AS absent
       FROM membership m WHERE m."organizationId" = $1 AND m."endedAt" IS NULL AND m.role IN ('JOB_SPECIALIST', 'METHOD_SUPERVISOR')`,
      [orgId],
    );
    const page = await stack.newPage();
    const bodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/graphql')) bodies.push(await r.text().catch(() => ''));
    });
    await signIn(page, stack.shellUrl, email, '/staffing');
    const table = page.getByTestId('staffing');
    await table.waitFor();
    const shown = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-user') ?? '',
        caseload: (tr.querySelectorAll('td')[2]?.textContent ?? '').replace(/\D+$/, '').trim(),
        absent: tr.querySelectorAll('td')[4]?.textContent === 'Borte i dag',
      })),
    );
    expect(shown.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      staff
        .map((s) => ({ id: s.id, caseload: String(Number(s.caseload)), absent: s.absent }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    // No case reaches a leader: no job seeker on the wire, and no case area in the menu.
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((b) => b.includes('JobSeeker') || b.includes('identityNumber'))).toEqual([]);
    expect(await page.getByRole('link', { name: 'Min portefølje' }).count()).toBe(0);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'staffing-1280.png'), fullPage: true });
    await page.context().close();
  });
});

describe('health-service leader: absences', () => {
  it('registers an unplanned absence (the supervisor is told), refuses an overlap at the field, ends it today', async () => {
    // A leader of one organisation and a specialist there, in a supervised team, not away from today on.
    const { rows } = await stack.admin.query<{
      email: string;
      orgId: string;
      specialistId: string;
      name: string;
    }>(
      `SELECT u.email, m."organizationId" AS "orgId", s.id AS "specialistId", s."givenName" || ' ' || s."familyName" AS name
       FROM membership m JOIN app_user u ON u.id = m."userId"
       JOIN membership sm ON sm."organizationId" = m."organizationId" AND sm.role = 'JOB_SPECIALIST' AND sm."endedAt" IS NULL
       JOIN app_user s ON s.id = sm."userId"
       WHERE m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM membership o WHERE o."userId" = m."userId" AND o.id <> m.id)
         AND EXISTS (SELECT 1 FROM team_member tm JOIN team_member sup ON sup."teamId" = tm."teamId" AND sup.role = 'METHOD_SUPERVISOR' AND sup."leftOn" IS NULL
                     WHERE tm."userId" = s.id AND tm."leftOn" IS NULL)
         AND NOT EXISTS (SELECT 1 FROM absence a WHERE a."specialistId" = s.id
                           AND coalesce(a."actualEndDate", a."expectedEndDate", 'infinity') >= CURRENT_DATE - 1)
       ORDER BY u.email, s.id LIMIT 1`,
    );
    const { email, specialistId, name } = rows[0] as {
      email: string;
      orgId: string;
      specialistId: string;
      name: string;
    };
    const absences = async () =>
      (
        await stack.admin.query<{ n: string; notified: string; ended: string }>(
          `SELECT count(*) AS n, count("supervisorNotifiedAt") AS notified, count("actualEndDate") AS ended
           FROM absence WHERE "specialistId" = $1 AND "startDate" = (now() AT TIME ZONE 'Europe/Oslo')::date`,
          [specialistId],
        )
      ).rows[0];
    const page = await stack.newPage();
    await signIn(page, stack.shellUrl, email, '/absences');
    await page.getByRole('heading', { level: 1, name: 'Fravær' }).waitFor();
    const form = page.getByRole('form', { name: 'Registrer fravær' });
    await form.getByLabel('Jobbspesialist').selectOption(specialistId);
    await form.getByRole('button', { name: 'Registrer fraværet' }).click();
    await page.getByRole('status').filter({ hasText: 'Metodeveilederen er varslet' }).waitFor();
    expect(await absences()).toEqual({ n: '1', notified: '1', ended: '0' });

    // The same again overlaps: refused at the start date, nothing saved.
    await form.getByRole('button', { name: 'Registrer fraværet' }).click();
    await form.getByText(/Overlapper et annet fravær/).waitFor();
    expect((await absences())?.n).toBe('1');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'absences-1280.png'), fullPage: true });

    // Ended today, and so after a reload.
    await page
      .getByRole('button', { name: `Avslutt i dag: fraværet til ${name}` })
      .first()
      .click();
    await page.getByRole('status').filter({ hasText: 'Fraværet er avsluttet.' }).waitFor();
    expect((await absences())?.ended).toBe('1');
    await page.reload();
    await page.getByTestId('absences').waitFor();
    expect(await page.getByRole('button', { name: `Avslutt i dag: fraværet til ${name}` }).count()).toBe(0);
    await page.context().close();
  });
});

describe('health-service leader: team aggregates', () => {
  it('sees the team measures of the organisation, and no specialist’s figures, on the page or on the wire', async () => {
    const { rows } = await stack.admin.query<{ email: string }>(
      `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId"
       WHERE m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM membership o WHERE o."userId" = m."userId" AND o.id <> m.id)
         AND EXISTS (SELECT 1 FROM specialist_team t WHERE t."organizationId" = m."organizationId" AND t.active)
       ORDER BY u.email LIMIT 1`,
    );
    const page = await stack.newPage();
    const bodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/graphql')) bodies.push(await r.text().catch(() => ''));
    });
    await signIn(page, stack.shellUrl, rows[0]?.email as string, '/team');
    await page.getByTestId('measures').waitFor();
    expect(await page.getByTestId('per-specialist').count()).toBe(0);
    const results = bodies.filter((b) => b.includes('"teamResults"'));
    expect(results.length).toBeGreaterThan(0);
    for (const body of results) expect(body).not.toMatch(/"specialists":\[\{/);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.context().close();
  });
});
