/**
 * The tenant administrator in a real browser: adds a person with a role (kept after a reload), sees
 * the API's typed error next to the field it concerns when the person already has that role, and
 * ends the role — all persisted, none overwritten.
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

describe('tenant administrator: users and roles', () => {
  it('adds a person, shows a typed error at its field, ends the role', async () => {
    const { rows } = await stack.admin.query<{ email: string; orgId: string }>(
      `SELECT u.email, m."organizationId" AS "orgId" FROM membership m JOIN app_user u ON u.id = m."userId"
       JOIN organization o ON o.id = m."organizationId" AND o.kind = 'MUNICIPALITY'
       WHERE m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x.id <> m.id)
       ORDER BY u.email LIMIT 1`,
    );
    const { email, orgId } = rows[0] as { email: string; orgId: string };
    const page = await stack.newPage();
    await signIn(page, stack.shellUrl, email, '/members');
    const form = page.getByTestId('add-member');
    await form.waitFor();
    const fill = async () => {
      await form.getByLabel('Fornavn').fill('Nora');
      await form.getByLabel('Etternavn').fill('Testesen');
      await form.getByLabel('E-post').fill('nora.testesen@kommune.test');
      await form.getByLabel('Rolle').selectOption('JOB_SPECIALIST');
      await form.getByRole('button', { name: 'Legg til' }).click();
    };
    await fill();
    await page.getByText('Personen er lagt til.').waitFor();
    await page.reload();
    const row = page.getByTestId('members').locator('tbody tr', { hasText: 'Nora Testesen' });
    await row.waitFor();
    expect(
      Number(
        (
          await stack.admin.query(
            `SELECT count(*) AS n FROM membership m JOIN app_user u ON u.id = m."userId"
             WHERE u.email = 'nora.testesen@kommune.test' AND m."organizationId" = $1 AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL`,
            [orgId],
          )
        ).rows[0]?.n,
      ),
    ).toBe(1);

    // Again: the API refuses with a typed error, shown at the role field.
    await fill();
    await form.getByText('Personen har allerede denne rollen her.').waitFor();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'members-1280.png'), fullPage: true });

    await row.getByRole('button', { name: 'Avslutt rolle' }).click();
    await page.getByText('Rollen er avsluttet.').waitFor();
    await page.reload();
    await page.getByTestId('members').waitFor();
    expect(await page.getByTestId('members').locator('tbody tr', { hasText: 'Nora Testesen' }).count()).toBe(
      0,
    );
    await page.context().close();
  });
});

describe('tenant administrator: the access log of a job seeker', () => {
  it('answers a request for access by identity number: every entry the database holds, the lookup logged', async () => {
    const { rows } = await stack.admin.query<{
      email: string;
      identityNumber: string;
      jobSeekerId: string;
      specialist: string;
    }>(
      `SELECT u.email, j."identityNumber", j.id AS "jobSeekerId", s.email AS specialist
       FROM membership m JOIN app_user u ON u.id = m."userId" JOIN job_seeker j ON j."organizationId" = m."organizationId"
       JOIN app_user s ON s.id = j."currentSpecialistId"
       WHERE m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL AND j.phase <> 'DISCHARGED'
         AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x.id <> m.id)
         AND (SELECT count(DISTINCT "organizationId") FROM membership x WHERE x."userId" = s.id AND x."endedAt" IS NULL) = 1
       ORDER BY u.email, j.id LIMIT 1`,
    );
    const { email, identityNumber, jobSeekerId, specialist } = rows[0] as {
      email: string;
      identityNumber: string;
      jobSeekerId: string;
      specialist: string;
    };
    // The specialist opens the job seeker's page: that read is what the log must show.
    const reader = await stack.newPage();
    await signIn(
      reader,
      stack.shellUrl,
      specialist,
      `/portfolio/${Buffer.from(`JobSeeker:${jobSeekerId}`).toString('base64')}`,
    );
    await reader.getByRole('tablist').waitFor();
    await reader.context().close();
    const logged = async () =>
      Number(
        (
          await stack.admin.query<{ n: string }>(
            'SELECT count(*) AS n FROM audit_log WHERE "jobSeekerId" = $1',
            [jobSeekerId],
          )
        ).rows[0]?.n,
      );
    const before = await logged();
    const page = await stack.newPage();
    await signIn(page, stack.shellUrl, email, '/access-log');
    const field = page.getByLabel('Fødselsnummer eller D-nummer (11 siffer)');
    // A mistyped number is refused at the field before anything is asked.
    await field.fill('12345678901');
    await page.getByRole('button', { name: 'Vis tilgangslogg' }).click();
    await page.getByText('Nummeret er ikke gyldig (kontrollsifrene stemmer ikke).').waitFor();
    expect(await logged()).toBe(before);

    await field.fill(identityNumber);
    await page.getByRole('button', { name: 'Vis tilgangslogg' }).click();
    const table = page.getByTestId('access-log');
    await table.waitFor();
    // Every entry there was — the specialist's read among them — and the lookup itself is logged too.
    await expect.poll(() => table.locator('tbody tr').count()).toBe(Math.min(5000, before));
    await table.locator('tbody tr', { hasText: 'Jobbspesialist' }).first().waitFor();
    expect(await logged()).toBe(before + 1);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'access-log-1280.png'), fullPage: true });
    await page.context().close();
  });
});

describe('tenant administrator: teams and sign-in', () => {
  it('creates a specialist team and a health team (kept after a reload); the last sign-in provider cannot be switched off', async () => {
    const { rows } = await stack.admin.query<{ email: string; orgId: string; supervisor: string }>(
      `SELECT u.email, m."organizationId" AS "orgId",
              (SELECT s."userId" FROM membership s WHERE s."organizationId" = m."organizationId" AND s.role = 'METHOD_SUPERVISOR' AND s."endedAt" IS NULL ORDER BY s."userId" LIMIT 1) AS supervisor
       FROM membership m JOIN app_user u ON u.id = m."userId"
       WHERE m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x.id <> m.id)
         AND EXISTS (SELECT 1 FROM membership s WHERE s."organizationId" = m."organizationId" AND s.role = 'METHOD_SUPERVISOR' AND s."endedAt" IS NULL)
         AND (SELECT count(*) FROM identity_provider p WHERE p."organizationId" = m."organizationId" AND p.enabled) = 1
       ORDER BY u.email LIMIT 1`,
    );
    const { email, orgId, supervisor } = rows[0] as { email: string; orgId: string; supervisor: string };
    const page = await stack.newPage();
    await signIn(page, stack.shellUrl, email, '/setup');
    await page.getByRole('heading', { level: 1, name: 'Team og innlogging' }).waitFor();

    const teamForm = page.getByRole('form', { name: 'Opprett team' });
    await teamForm.getByLabel('Navn på teamet').fill('IPS Ungdom Sentrum');
    await teamForm.getByLabel('Metodeveileder').selectOption(supervisor);
    await teamForm.getByRole('button', { name: 'Opprett team' }).click();
    await page.getByTestId('specialist-teams').getByText('IPS Ungdom Sentrum').waitFor();
    // The same name again: refused at the field.
    await teamForm.getByLabel('Navn på teamet').fill('IPS Ungdom Sentrum');
    await teamForm.getByRole('button', { name: 'Opprett team' }).click();
    await teamForm.getByText('Dette navnet er allerede i bruk.').waitFor();

    const healthForm = page.getByRole('form', { name: 'Opprett helseteam' });
    await healthForm.getByLabel('Navn på helseteamet').fill('Poliklinikk Sentrum');
    await healthForm.getByRole('button', { name: 'Opprett helseteam' }).click();
    await page.getByTestId('health-teams').getByText('Poliklinikk Sentrum').waitFor();

    // The only enabled provider: switching it off is refused, and it stays on.
    const providers = page.getByTestId('identity-providers');
    await providers.getByRole('checkbox').first().click();
    await providers
      .getByText('Den siste innloggingstjenesten kan ikke slås av – da kan ingen logge inn.')
      .waitFor();
    const count = async (sql: string) =>
      Number((await stack.admin.query<{ n: string }>(sql, [orgId])).rows[0]?.n);
    expect(
      await count('SELECT count(*) AS n FROM identity_provider WHERE "organizationId" = $1 AND enabled'),
    ).toBe(1);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'setup-1280.png'), fullPage: true });

    await page.reload();
    await page.getByTestId('specialist-teams').getByText('IPS Ungdom Sentrum').waitFor();
    await page.getByTestId('health-teams').getByText('Poliklinikk Sentrum').waitFor();
    expect(
      await count(
        `SELECT count(*) AS n FROM specialist_team WHERE "organizationId" = $1 AND name = 'IPS Ungdom Sentrum'`,
      ),
    ).toBe(1);
    await page.context().close();
  });
});
