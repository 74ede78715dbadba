/**
 * Finding and starting a case, and ending it (issue 15, items 1 and 7), in a real browser against
 * the real API: a job specialist searches by name and by identity number (the number never in an
 * address), refers a new job seeker — a bad identity number is refused at the field, a duplicate
 * is refused with a link to the existing case, a protected person's address is neither shown nor
 * sent — records the intake (the first-employer-contact duty appears) and discharges with a reason
 * (the duties to close are listed first, then shown closed). The search and the referral form fit
 * a 360 × 740 phone without horizontal scroll. axe on each state.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let email = '';
let organizationId = '';
let existing = { id: '', givenName: '', familyName: '', identityNumber: '' };

/** The two mod-11 check digits of a fødselsnummer (null when one would be 10). */
function withCheckDigits(firstNine: string): string | null {
  const digit = (digits: number[], weights: number[]) => {
    const r = 11 - (digits.reduce((s, d, i) => s + d * (weights[i] as number), 0) % 11);
    return r === 11 ? 0 : r === 10 ? null : r;
  };
  const d = [...firstNine].map(Number);
  const k1 = digit(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === null) return null;
  const k2 = digit([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k2 === null ? null : `${firstNine}${k1}${k2}`;
}

/** A synthetic (month + 80) number born 15.06.1990 that no job seeker has yet. */
async function freshSyntheticNumber(): Promise<string> {
  for (let individual = 100; individual < 500; individual++) {
    const n = withCheckDigits(`158690${individual}`);
    if (!n) continue;
    const taken = await stack.admin.query('SELECT 1 FROM job_seeker WHERE "identityNumber" = $1', [n]);
    if (!taken.rowCount) return n;
  }
  throw new Error('no free synthetic number');
}

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{
    email: string;
    organizationId: string;
    id: string;
    givenName: string;
    familyName: string;
    identityNumber: string;
  }>(
    `SELECT u.email, j."organizationId", j.id, j."givenName", j."familyName", j."identityNumber"
     FROM app_user u JOIN job_seeker j ON j."currentSpecialistId" = u.id AND j.phase <> 'DISCHARGED'
     WHERE EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = j."organizationId")
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
     ORDER BY u.email, j."familyName", j."givenName" LIMIT 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('the demo data has no job specialist with a portfolio');
  email = row.email;
  organizationId = row.organizationId;
  existing = row;
  // A demo tenant: synthetic identity numbers are allowed (the form says so, and mirrors it).
  await stack.admin.query('UPDATE organization SET "allowSyntheticIdentityNumbers" = true WHERE id = $1', [
    organizationId,
  ]);
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
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `${name}: scrollWidth ${scroll} > ${width}`).toBeLessThanOrEqual(width);
}

const dbId = (nodeId: string) => Buffer.from(decodeURIComponent(nodeId), 'base64').toString().split(':')[1];
const count = async (sql: string, params: unknown[]) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

async function search(page: Page, term: string) {
  await page.getByLabel('Søk på navn eller fødselsnummer').fill(term);
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
}

/** The case from search to discharge, through the screens only. */
async function walk(page: Page) {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await signIn(page, stack.shellUrl, email, '/portfolio');
  await page.getByRole('heading', { level: 1, name: 'Min portefølje' }).waitFor();
  const fullName = `${existing.givenName} ${existing.familyName}`;

  // Search by name (lower case, as typed) and by number (with a space, as written on paper).
  await search(page, existing.familyName.toLowerCase());
  const hits = page.getByTestId('search-hits');
  await hits.getByRole('link', { name: fullName }).waitFor();
  await expectAccessible(page, 'search-by-name');
  await search(page, `${existing.identityNumber.slice(0, 6)} ${existing.identityNumber.slice(6)}`);
  await expect.poll(() => hits.getByRole('link').count()).toBe(1);
  const hit = hits.getByRole('link', { name: fullName });
  await hit.waitFor();
  expect(dbId((await hit.getAttribute('href'))?.split('/').pop() ?? '')).toBe(existing.id);
  await expectAccessible(page, 'search-by-number');
  // Neither the address nor any request's address carries the number.
  expect(page.url()).not.toContain(existing.identityNumber.slice(6));
  expect(urls.filter((u) => u.includes(existing.identityNumber.slice(6)))).toEqual([]);
  await search(page, 'Zyxwvutsrq');
  await page.getByText('Ingen treff blant jobbsøkerne du har tilgang til.').waitFor();

  // A new referral.
  await page.getByRole('button', { name: 'Ny henvisning' }).click();
  await page.waitForURL(/\/portfolio\/new$/);
  await page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();
  await expectAccessible(page, 'referral');
  const before = await count('SELECT count(*) AS n FROM job_seeker WHERE "organizationId" = $1', [
    organizationId,
  ]);

  // A bad identity number (the second check digit is wrong): refused at the field, nothing saved.
  const number = await freshSyntheticNumber();
  const wrong = `${number.slice(0, 10)}${(Number(number[10]) + 1) % 10}`;
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(wrong);
  await page.getByLabel('Fornavn').fill('Solveig');
  await page.getByLabel('Etternavn').fill('Testesen');
  await page.getByRole('radio', { name: 'Ja' }).check();
  await page.getByRole('button', { name: 'Registrer henvisning' }).click();
  await page
    .getByText(
      'Fødselsnummeret er ikke gyldig (kontrollsifrene stemmer ikke). Sjekk at det er skrevet riktig.',
    )
    .first()
    .waitFor();
  await expect
    .poll(() => page.getByLabel('Fødselsnummer eller D-nummer').getAttribute('aria-invalid'))
    .toBe('true');
  await expectAccessible(page, 'referral-bad-number');

  // A duplicate: refused by the API at the field, with the way to the existing case.
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(existing.identityNumber);
  await page.getByRole('button', { name: 'Registrer henvisning' }).click();
  await page.getByText('Personen er allerede registrert som jobbsøker her.').first().waitFor();
  const link = page.getByTestId('duplicate-link');
  expect(dbId((await link.getAttribute('href'))?.split('/').pop() ?? '')).toBe(existing.id);
  await expectAccessible(page, 'referral-duplicate');
  expect(
    await count('SELECT count(*) AS n FROM job_seeker WHERE "organizationId" = $1', [organizationId]),
  ).toBe(before);

  // A protected person (kode 6): the address typed before is neither shown nor sent.
  await page.getByLabel('Gateadresse (valgfritt)').fill('Hemmeligveien 1');
  await page.getByRole('radio', { name: 'Strengt fortrolig adresse (kode 6)' }).check();
  await expect.poll(() => page.getByLabel('Gateadresse (valgfritt)').count()).toBe(0);
  await page.getByText('Adressen registreres ikke for en jobbsøker med adressebeskyttelse.').waitFor();
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(number);
  await page.getByRole('button', { name: 'Registrer henvisning' }).click();

  // The new job seeker's page, referred, with the intake form.
  await page.getByRole('heading', { level: 1, name: 'Solveig Testesen' }).waitFor();
  const created = (
    await stack.admin.query<{
      id: string;
      phase: string;
      streetAddress: string | null;
      protectedAddress: string;
    }>(
      `SELECT id, phase::text, "streetAddress", "protectedAddress"::text FROM job_seeker WHERE "identityNumber" = $1`,
      [number],
    )
  ).rows[0];
  expect(created).toMatchObject({
    phase: 'REFERRED',
    streetAddress: null,
    protectedAddress: 'STRICTLY_CONFIDENTIAL',
  });
  expect(dbId(page.url().split('/').pop() ?? '')).toBe(created?.id);
  await page.getByRole('heading', { name: 'Registrer inntakssamtale' }).waitFor();
  await expectAccessible(page, 'intake');

  // The intake (today): the phase changes and the first-employer-contact duty appears.
  await page.getByRole('button', { name: 'Registrer inntak' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Registrer inntakssamtale' }).count()).toBe(0);
  await expect
    .poll(
      async () =>
        (await stack.admin.query('SELECT phase::text AS p FROM job_seeker WHERE id = $1', [created?.id]))
          .rows[0]?.p,
    )
    .toBe('INTAKE');
  const openTasks = () =>
    count(`SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND status = 'OPEN'`, [created?.id]);
  expect(await openTasks()).toBeGreaterThan(0);
  const deadlines = page.locator('section[aria-labelledby="deadlines-heading"] li');
  await expect.poll(() => deadlines.count()).toBeGreaterThan(0);
  const dutyTitle = ((await deadlines.first().textContent()) ?? '').split(' – ')[0]?.trim() ?? '';
  expect(dutyTitle.length).toBeGreaterThan(0);
  await expectAccessible(page, 'after-intake');

  // Discharge: a reason, then a confirmation that lists the duties it closes.
  await page.getByRole('button', { name: 'Skriv ut fra porteføljen' }).click();
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await page.getByText('Velg en årsak.').first().waitFor();
  await page.getByLabel('Årsak').selectOption({ label: 'Jobbsøkeren ønsket å avslutte' });
  await expectAccessible(page, 'discharge-form');
  await page.getByRole('button', { name: 'Gå videre' }).click();
  const toClose = page.getByTestId('duties-to-close');
  await toClose.getByText(dutyTitle).first().waitFor();
  await expectAccessible(page, 'discharge-confirm');
  await page.getByRole('button', { name: 'Bekreft utskriving' }).click();
  const done = page.getByTestId('discharge-done');
  await done.getByTestId('closed-duties').getByText(dutyTitle).first().waitFor();
  await done.getByText('Fase: Utskrevet').waitFor();
  await expectAccessible(page, 'discharged');
  expect(await openTasks()).toBe(0);
  expect(
    (
      await stack.admin.query<{ phase: string; reason: string }>(
        `SELECT phase::text, "dischargeReason"::text AS reason FROM job_seeker WHERE id = $1`,
        [created?.id],
      )
    ).rows[0],
  ).toEqual({ phase: 'DISCHARGED', reason: 'JOB_SEEKER_WITHDREW' });
  // The page's own state follows: no duties left, the phase tag.
  await expect.poll(() => deadlines.count()).toBe(0);
  await page.screenshot({ path: join(ARTIFACTS, 'case-start-discharged.png'), fullPage: true });
}

describe('job specialist: find, refer, intake, discharge', () => {
  it('walks a case from search to discharge through the screens', async () => {
    const page = await stack.newPage();
    try {
      await walk(page);
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, 'case-start-failure.png'), fullPage: true });
      throw error;
    } finally {
      await page.context().close();
    }
  }, 300_000);

  it('search and referral fit a 360 × 740 phone without horizontal scroll', async () => {
    const context = await stack.browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'nb-NO',
    });
    await context.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(stack.config) }),
    );
    const page = await context.newPage();
    await signIn(page, stack.shellUrl, email, '/portfolio');
    await page.getByRole('heading', { level: 1, name: 'Min portefølje' }).waitFor();
    await search(page, existing.givenName);
    await page.getByTestId('search-hits').getByRole('link').first().waitFor();
    await expectNoHorizontalScroll(page, 'search-360');
    await expectAccessible(page, 'search-360');
    await page.screenshot({ path: join(ARTIFACTS, 'case-start-search-360.png'), fullPage: true });

    await page.getByRole('button', { name: 'Ny henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();
    const number = await freshSyntheticNumber();
    await page
      .getByLabel('Fødselsnummer eller D-nummer')
      .fill(`${number.slice(0, 10)}${(Number(number[10]) + 1) % 10}`);
    await page.getByRole('button', { name: 'Registrer henvisning' }).click();
    await page
      .getByText(
        'Fødselsnummeret er ikke gyldig (kontrollsifrene stemmer ikke). Sjekk at det er skrevet riktig.',
      )
      .first()
      .waitFor();
    await expectNoHorizontalScroll(page, 'referral-360');
    await expectAccessible(page, 'referral-360');
    // The fields stack: each input is as wide as the form, none side by side.
    const boxes = await Promise.all(
      ['Fornavn', 'Etternavn', 'Telefon (valgfritt)'].map((l) => page.getByLabel(l).boundingBox()),
    );
    const lefts = new Set(boxes.map((b) => Math.round(b?.x ?? -1)));
    expect(lefts.size).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'case-start-referral-360.png'), fullPage: true });
    await context.close();
  }, 180_000);
});
