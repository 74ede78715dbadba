/**
 * The job specialist's main flow in a real browser (Debian's Chromium): sign in through the OIDC
 * provider, see the portfolio — the same job seekers and overdue count as the database says,
 * overdue first — filter it, reload and find the filter kept, open a job seeker, switch to
 * English; at 1280 px and 360 px, with no serious or critical axe violation, screenshots kept.
 * Moving between screens keeps the session and the client's cache. And a micro-frontend that fails
 * to load leaves the rest of the admin usable.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let email = '';
let userId = '';

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  // A specialist with a portfolio that has overdue deadlines: whether the demo data has one depends
  // on the day it is generated for, so the test gives one of their job seekers an overdue duty.
  const { rows } = await stack.admin.query<{ email: string; id: string }>(
    `SELECT u.email, u.id FROM app_user u JOIN membership m ON m."userId" = u.id AND m.role = 'JOB_SPECIALIST'
     WHERE EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = u.id AND j."organizationId" = m."organizationId"
                   AND j.phase <> 'DISCHARGED')
     ORDER BY u.email LIMIT 1`,
  );
  email = rows[0]?.email as string;
  userId = rows[0]?.id as string;
  await stack.admin.query(
    `INSERT INTO task (id, "organizationId", rule, "jobSeekerId", "assigneeId", title, "dueOn", "warnFrom", "updatedAt")
     SELECT gen_random_uuid(), j."organizationId", 'FIRST_EMPLOYER_CONTACT', j.id, j."currentSpecialistId", 'overdue',
            (now() AT TIME ZONE 'Europe/Oslo')::date - 3, (now() AT TIME ZONE 'Europe/Oslo')::date - 10, now()
     FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED' ORDER BY j.id LIMIT 1`,
    [userId],
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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('job specialist: my portfolio', () => {
  for (const width of [1280, 360]) {
    it(`signs in, sees the portfolio, filters, reloads, opens a job seeker (${width} px)`, async () => {
      const { rows } = await stack.admin.query<{ total: string; overdue: string }>(
        `SELECT count(*) AS total,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM task t WHERE t."jobSeekerId" = j.id AND t.status = 'OPEN'
                                               AND t."dueOn" < (now() AT TIME ZONE 'Europe/Oslo')::date)) AS overdue
         FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED'`,
        [userId],
      );
      const total = Number(rows[0]?.total);
      const overdue = Number(rows[0]?.overdue);
      expect(overdue).toBeGreaterThan(0);

      const page = await stack.newPage(width);
      await signIn(page, stack.shellUrl, email, '/portfolio');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/portfolio');
      const table = page.getByTestId('portfolio');
      await table.waitFor().catch(async (error: unknown) => {
        await shot(page, `failed-portfolio-${width}`);
        console.error(((await page.locator('body').textContent()) ?? '').slice(0, 2000));
        throw error;
      });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(total);
      expect(await page.getByTestId('count-overdue').textContent()).toBe(`Forfalt: ${overdue}`);
      // Overdue first.
      const statuses = await table.locator('tbody tr td:nth-child(3)').allTextContents();
      expect(statuses.slice(0, overdue).every((s) => s === 'Forfalt')).toBe(true);
      await expectAccessible(page, `portfolio-${width}`);
      await shot(page, `portfolio-${width}`);

      // The filter lives in the address: it survives a reload.
      await page.getByRole('radio', { name: 'Bare forfalte' }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(overdue);
      await page.reload();
      await page.getByTestId('portfolio').waitFor();
      expect(new URL(page.url()).searchParams.get('vis')).toBe('forfalt');
      await expect.poll(() => page.getByTestId('portfolio').locator('tbody tr').count()).toBe(overdue);

      // A job seeker's page, with its open deadlines.
      await page.getByTestId('portfolio').locator('tbody tr a').first().click();
      await page.getByRole('heading', { level: 2, name: 'Åpne frister' }).waitFor();
      await expectAccessible(page, `job-seeker-${width}`);
      await shot(page, `job-seeker-${width}`);

      // English on request.
      await page.goto(`${stack.shellUrl}/portfolio`);
      await page.getByRole('radio', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'My portfolio' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.context().close();
    });
  }
});

describe('job specialist: my deadlines', () => {
  it('lists every open duty, overdue first, each linked to its job seeker', async () => {
    const { rows } = await stack.admin.query<{ total: string; overdue: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE "dueOn" < (now() AT TIME ZONE 'Europe/Oslo')::date) AS overdue
       FROM task WHERE "assigneeId" = $1 AND status = 'OPEN'`,
      [userId],
    );
    const page = await stack.newPage(360);
    await signIn(page, stack.shellUrl, email, '/deadlines');
    const table = page.getByTestId('deadlines');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(Number(rows[0]?.total));
    const statuses = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    const overdue = Number(rows[0]?.overdue);
    expect(statuses.slice(0, overdue).every((s) => s === 'Forfalt')).toBe(true);
    expect(statuses.slice(overdue).includes('Forfalt')).toBe(false);
    await expectAccessible(page, 'deadlines-360');
    await shot(page, 'deadlines-360');
    // The name leads to the job seeker's page (the duty itself leads to its form: follow-up test).
    await table.locator('tbody tr td:nth-child(3) a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Åpne frister' }).waitFor();
    await page.context().close();
  });
});

describe('moving between screens', () => {
  it('keeps the session and the data already read: no new sign-in round, no refetch of a screen seen', async () => {
    // Each screen change used to re-read the session, which made a new API client with an empty
    // cache: every screen's data was fetched again and a form being typed in could be emptied by
    // the remount (the supervisor's team-meeting test lost typed minutes that way).
    const page = await stack.newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST') sent.push(r.postData() ?? '');
    });
    const sessionReads = () => sent.filter((b) => b.includes('myTeams')).length;
    const portfolioReads = () => sent.filter((b) => b.includes('query Portfolio')).length;
    await signIn(page, stack.shellUrl, email, '/portfolio');
    await page.getByTestId('portfolio').locator('tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(sessionReads()).toBe(1);
    expect(portfolioReads()).toBe(1);
    for (const path of ['/deadlines', '/employers', '/portfolio', '/deadlines', '/portfolio']) {
      await page.locator(`nav a[href="${path}"]`).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(path);
      await page.waitForLoadState('networkidle');
    }
    await page.getByTestId('portfolio').locator('tbody tr').first().waitFor();
    expect(sessionReads()).toBe(1);
    // The portfolio's rows come from the client's cache when it is shown again.
    expect(portfolioReads()).toBe(1);
    await page.context().close();
  });
});

describe('the first screen’s query, sent with the session', () => {
  it('is not sent when the portfolio’s micro-frontend is not configured', async () => {
    // The shell sends the portfolio's query itself only when that micro-frontend is one the user's
    // roles load (docs/adr/0021 item 6): without it no screen would use the answer, and the access
    // log would record a read of every job seeker in the portfolio that nobody saw.
    const page = await stack.newPage();
    const config = stack.config as { remotes: { name: string }[] };
    const remotes = config.remotes.filter((r) => r.name !== 'portfolio');
    expect(remotes.length).toBe(config.remotes.length - 1);
    await page.route('**/config.json', (route) => route.fulfill({ json: { ...config, remotes } }));
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST') sent.push(r.postData() ?? '');
    });
    await signIn(page, stack.shellUrl, email, '/portfolio');
    // Signed in: the menu shows the areas that did load (the team area's meeting).
    await page.locator('nav a[href="/team-meeting"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(sent.filter((b) => b.includes('myTeams'))).toHaveLength(1);
    expect(sent.filter((b) => b.includes('query Portfolio'))).toEqual([]);
    await page.context().close();
  });
});

describe('an expired sign-in', () => {
  it('leads back to the sign-in page by itself, not to screens that fail', async () => {
    const page = await stack.newPage();
    await page.clock.install();
    await signIn(page, stack.shellUrl, email, '/portfolio');
    await page.getByTestId('portfolio').locator('tbody tr').first().waitFor();
    // The development provider's access tokens live 15 minutes.
    await page.clock.fastForward('16:00');
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    await page.context().close();
  });
});

describe('signing in and out when oidc-client-ts cannot be loaded', () => {
  // The shell loads the library only to sign in or out (docs/adr/0021 §7); a failed load must not
  // leave a click doing nothing, nor a signed-out user's token in the browser.
  it('signing out still ends the session in the browser', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.shellUrl, email, '/portfolio');
    await page.getByTestId('portfolio').locator('tbody tr').first().waitFor();
    // A new page load (the library not yet loaded in it), with its chunk unavailable.
    await page.route('**/assets/oidc-client-ts-*.js', (route) => route.fulfill({ status: 503, body: '' }));
    await page.reload();
    await page.getByTestId('portfolio').locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    const stored = await page.evaluate(() =>
      Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')),
    );
    expect(stored).toEqual([]);
    // Loading the page again does not sign the user back in from the browser's storage.
    await page.reload();
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    await page.context().close();
  });

  it('signing in says so instead of doing nothing', async () => {
    const page = await stack.newPage();
    await page.route('**/assets/oidc-client-ts-*.js', (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(`${stack.shellUrl}/portfolio`);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Noe gikk galt', { exact: false }).waitFor();
    expect(new URL(page.url()).origin).toBe(stack.shellUrl);
    await page.context().close();
  });
});

describe('a micro-frontend that fails to load', () => {
  it('leaves the shell usable and says which part is missing', async () => {
    const page = await stack.newPage();
    await page.route('**/remoteEntry.js', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await signIn(page, stack.shellUrl, email, '/');
    await page.getByTestId('area-failed-portfolio').waitFor();
    // The rest works: the inbox opens, the language switches.
    await page.getByTestId('inbox').click();
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByText('Welcome,', { exact: false }).waitFor();
    await shot(page, 'area-failed');
    await page.context().close();
  });
});
