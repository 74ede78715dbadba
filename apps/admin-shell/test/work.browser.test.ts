/**
 * Jobs, studies, applications and support plans on the job seeker's page, in a real browser
 * against the real API and PostgreSQL, as a specialist on their own job seekers (picked by query,
 * never by seed position; every date relative to today in Oslo). A job start with an employer
 * meeting wanted opens its duties on the page; the job support plan is created and sent to NAV, with
 * the delivery's state as the outbox worker moves it; sending is not offered without the consent;
 * the job's end opens the 3-day contact duty; a study is started and ended; an application is
 * recorded and its status changed. Job start and end also at 360 × 740 without horizontal scroll.
 * axe on every new state.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;

const ACTIVE = (a: string) =>
  `${a}."withdrawnAt" IS NULL AND ${a}."validFrom" <= now() AND (${a}."validUntil" IS NULL OR ${a}."validUntil" > now())`;
const HAS = (scope: string) =>
  `EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = '${scope}' AND ${ACTIVE('c')})`;
/** A specialist's own job seeker in job search, in a one-organisation specialist's portfolio. */
const OWN_IN_SEARCH = `j.phase = 'JOB_SEARCH' AND j."referralDate" <= now() - interval '40 days'
  AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = j."organizationId")
  AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
  AND NOT EXISTS (SELECT 1 FROM employment e WHERE e."jobSeekerId" = j.id AND e."endDate" IS NULL)
  AND NOT EXISTS (SELECT 1 FROM study s WHERE s."jobSeekerId" = j.id AND s."endDate" IS NULL)`;

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
/** dd.mm.åååå, as a Norwegian types a day into the date field. */
const typed = (iso: string) => iso.split('-').reverse().join('.');

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
});
afterAll(async () => {
  await stack?.close();
});

const globalId = (id: string) => Buffer.from(`JobSeeker:${id}`).toString('base64');

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
  expect(scroll, `${name}: page wider than the screen`).toBeLessThanOrEqual(width);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

async function openPage(email: string, jobSeekerId: string, width: number, tab = '') {
  const page = await stack.newPage(width);
  await signIn(page, stack.shellUrl, email, `/portfolio/${globalId(jobSeekerId)}${tab ? `?tab=${tab}` : ''}`);
  await page.getByRole('tablist').waitFor();
  return page;
}

/** Types a day into the DateField labelled `label` (within `scope`). */
async function typeDay(scope: Page | ReturnType<Page['locator']>, label: string, iso: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(typed(iso));
  await input.press('Tab');
}

const deadlines = (page: Page) => page.locator('section[aria-labelledby="deadlines-heading"]');

async function pick(where: string): Promise<{ email: string; jobSeekerId: string }> {
  const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string }>(
    `SELECT u.email, j.id AS "jobSeekerId" FROM job_seeker j JOIN app_user u ON u.id = j."currentSpecialistId"
     WHERE ${where} ORDER BY j.id LIMIT 1`,
  );
  if (!rows[0]) throw new Error(`the demo data has no job seeker where ${where}`);
  return rows[0];
}

/** Records a job start through the form (already open on `page`). */
async function fillJobStart(page: Page, title: string, meeting: boolean) {
  const form = page.locator('form[aria-labelledby="job-start-heading"]');
  await form.getByLabel('Stillingstittel').fill(title);
  await form.getByLabel('Yrkeskode (STYRK-08)').fill('5223');
  const employer = form.getByLabel('Arbeidsgiver', { exact: true });
  await expect.poll(() => employer.locator('option').count()).toBeGreaterThan(1);
  await employer.selectOption({ index: 1 });
  await typeDay(form, 'Startdato', today);
  await form.getByLabel('Timer per uke').fill('37,5');
  await form.getByLabel('Timelønn i kroner (valgfritt)').fill('215,50');
  // Not competitive until all three criteria hold.
  await form.getByText('Jobben teller ikke som ordinært lønnet arbeid.').waitFor();
  await form.getByLabel('På det ordinære arbeidsmarkedet (en vanlig arbeidsplass)').check();
  await form.getByLabel('Lønn minst etter tariff eller minstelønn').check();
  await form.getByLabel('Åpen for alle å søke, ikke reservert for personer med funksjonsnedsettelse').check();
  await form.getByText('Jobben teller som ordinært lønnet arbeid.').waitFor();
  if (meeting) await form.getByLabel('Jobbsøkeren ønsker et møte med arbeidsgiver før start').check();
  return form;
}

describe('job specialist: jobs, studies, applications and support plans', () => {
  it('records a job start with an employer meeting, creates the plan, sends it to NAV, ends the job', async () => {
    const { email, jobSeekerId } = await pick(`${OWN_IN_SEARCH} AND ${HAS('SUPPORT_PLAN_TO_NAV_SYSTEM')}`);
    const page = await openPage(email, jobSeekerId, 1280);

    // Job start, with an employer meeting wanted: both duties appear on the page.
    await page.getByRole('button', { name: 'Registrer jobbstart' }).click();
    const form = await fillJobStart(page, 'Butikkmedarbeider, kveld', true);
    await expectAccessible(page, 'job-start-form');
    await form.getByRole('button', { name: 'Registrer jobbstart' }).click();
    await page.getByText('Jobbstarten som Butikkmedarbeider, kveld er registrert.').waitFor();
    const job = page.locator('li[data-employment]').filter({ hasText: 'Butikkmedarbeider, kveld' });
    await job.getByText('Ordinært lønnet', { exact: true }).waitFor();
    await job.getByText(/37,5 t\/uke/).waitFor();
    await deadlines(page)
      .getByText(/Møte med arbeidsgiver siste uka før jobbstart/)
      .waitFor();
    await deadlines(page)
      .getByText(/Første oppfølgingsmøte innen tre dager etter jobbstart/)
      .waitFor();
    const employmentId = String(await job.getAttribute('data-employment'));
    const { rows: saved } = await stack.admin.query<{
      hours: string;
      competitive: boolean;
      meeting: boolean;
    }>(
      `SELECT "hoursPerWeek"::text AS hours, ("openLabourMarket" AND "atLeastMinimumWage" AND "openToAnyone") AS competitive,
              "employerMeetingWanted" AS meeting FROM employment WHERE id = $1`,
      [employmentId],
    );
    expect(saved[0]).toMatchObject({ competitive: true, meeting: true });
    expect(Number(saved[0]?.hours)).toBe(37.5);
    await expectAccessible(page, 'job-started');
    await shot(page, 'work-job-started-1280');

    // The job support plan, offered for the new job.
    await page.getByRole('tab', { name: 'Jobbstøtteplan' }).click();
    await page
      .locator(`[data-plan-offer="${employmentId}"]`)
      .getByRole('button', { name: 'Lag jobbstøtteplan' })
      .click();
    const planForm = page.locator(`form[aria-labelledby="new-plan-${employmentId}"]`);
    await planForm.getByLabel('Ansvar').fill('Samtale hver uke den første måneden.');
    await planForm.getByLabel('Ved fravær').fill('Fri til behandling annenhver torsdag.');
    await expectAccessible(page, 'new-support-plan');
    await planForm.getByRole('button', { name: 'Lagre planen' }).click();
    await page.getByText('Planen er laget. Du kan endre den under.').waitFor();
    await page.getByRole('button', { name: 'Endre planen' }).waitFor();
    const { rows: plans } = await stack.admin.query<{ id: string; meetings: string }>(
      `SELECT p.id, (SELECT count(*) FROM support_plan_meeting m JOIN support_plan_revision r ON r.id = m."revisionId"
                     WHERE r."supportPlanId" = p.id AND m."faceToFace") AS meetings
       FROM support_plan p WHERE p."employmentId" = $1`,
      [employmentId],
    );
    expect(plans).toHaveLength(1);
    expect(Number(plans[0]?.meetings)).toBe(2);
    const planId = String(plans[0]?.id);

    // Send to NAV: queued, then as the outbox worker reports a failure and a success.
    const nav = page.locator(`[data-nav-plan="${planId}"]`);
    await nav.getByText('Ikke sendt til NAV.').waitFor();
    await nav.getByRole('button', { name: 'Send planen til NAV' }).click();
    await nav.getByText('Planen er lagt i kø for sending til NAV.').waitFor();
    await nav.locator('[data-delivery-state="QUEUED"]').getByText('I kø').waitFor();
    await expectAccessible(page, 'plan-sent-to-nav');
    const { rows: outbox } = await stack.admin.query<{ id: string }>(
      `SELECT o.id FROM outbox_message o JOIN support_plan_export e ON e."outboxMessageId" = o.id
       JOIN support_plan_revision r ON r.id = e."revisionId" WHERE r."supportPlanId" = $1`,
      [planId],
    );
    expect(outbox).toHaveLength(1);
    await stack.admin.query('SELECT * FROM app.claim_outbox($1, 10)', ['nav.support-plan']);
    await stack.admin.query(`SELECT app.complete_outbox($1, false, 'NAV answered 503')`, [outbox[0]?.id]);
    await page.reload();
    await nav.locator('[data-delivery-state="RETRYING"]').getByText('Feilet, prøver igjen').waitFor();
    await nav.getByText(/1 forsøk/).waitFor();
    await stack.admin.query('SELECT app.complete_outbox($1, true)', [outbox[0]?.id]);
    await page.reload();
    await nav.locator('[data-delivery-state="SENT"]').getByText('Sendt', { exact: true }).waitFor();
    await expectAccessible(page, 'plan-delivered');
    await shot(page, 'work-plan-sent-1280');

    // The job ends: the 3-day contact duty appears.
    await page.getByRole('tab', { name: 'Oversikt' }).click();
    await job.getByRole('button', { name: 'Avslutt jobben' }).click();
    const endForm = page.locator(`form[aria-labelledby="job-end-${employmentId}"]`);
    await typeDay(endForm, 'Sluttdato', today);
    await endForm.getByLabel('Arbeidsgiver').check();
    await endForm.getByLabel('Hvorfor (valgfritt)').fill('Nedbemanning.');
    await expectAccessible(page, 'job-end-form');
    await endForm.getByRole('button', { name: 'Registrer at jobben er avsluttet' }).click();
    await page.getByText('Jobben er registrert som avsluttet.').waitFor();
    await job.getByText(/avsluttet av: Arbeidsgiver/).waitFor();
    await deadlines(page)
      .getByText(/Kontakt jobbsøker senest tre dager etter at jobben ble avsluttet/)
      .waitFor();
    const { rows: ended } = await stack.admin.query<{ learned: string; endedBy: string }>(
      `SELECT to_char("endLearnedOn", 'YYYY-MM-DD') AS learned, "endedBy"::text AS "endedBy" FROM employment WHERE id = $1`,
      [employmentId],
    );
    expect(ended[0]).toEqual({ learned: today, endedBy: 'EMPLOYER' });
    await expectAccessible(page, 'job-ended');
    await page.context().close();
  }, 240_000);
});

describe('job specialist: plans without consent, studies and applications, on a phone', () => {
  it('does not offer sending a plan to NAV without the consent to it', async () => {
    const { email, jobSeekerId } = await pick(
      `j.phase <> 'DISCHARGED' AND NOT ${HAS('SUPPORT_PLAN_TO_NAV_SYSTEM')}
       AND EXISTS (SELECT 1 FROM support_plan p WHERE p."jobSeekerId" = j.id AND p.status <> 'CLOSED')
       AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = j."organizationId")
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1`,
    );
    const page = await openPage(email, jobSeekerId, 1280, 'plan');
    await page.getByRole('button', { name: 'Endre planen' }).first().waitFor();
    await page.locator('[data-nav-unavailable]').first().waitFor();
    expect(await page.getByRole('button', { name: 'Send planen til NAV' }).count()).toBe(0);
    await expectAccessible(page, 'plan-without-nav-consent');
    await page.context().close();
  });

  it('records a study and ends it; records an application and changes its status', async () => {
    const { email, jobSeekerId } = await pick(OWN_IN_SEARCH);
    const page = await openPage(email, jobSeekerId, 1280);

    await page.getByRole('button', { name: 'Registrer studiestart' }).click();
    const start = page.locator('form[aria-labelledby="study-start-heading"]');
    await start.getByLabel('Skole eller lærested').fill('Nord universitet');
    await start.getByLabel('Studium eller utdanningsprogram').fill('Kurs i truckførerbevis');
    await typeDay(start, 'Startdato', today);
    await expectAccessible(page, 'study-start-form');
    await start.getByRole('button', { name: 'Registrer studiestart' }).click();
    await page.getByText('Studiestarten er registrert.').waitFor();
    const study = page.locator('li[data-study]').filter({ hasText: 'Kurs i truckførerbevis' });
    await study.waitFor();
    // The study support plan is offered on the plan tab.
    await page.getByRole('tab', { name: 'Jobbstøtteplan' }).click();
    await page.getByRole('button', { name: 'Lag studiestøtteplan' }).waitFor();
    await page.getByRole('tab', { name: 'Oversikt' }).click();

    await study.getByRole('button', { name: 'Avslutt studiet' }).click();
    const end = page.locator('form[aria-labelledby^="study-end-"]');
    await typeDay(end, 'Sluttdato', today);
    await end.getByLabel('Fullført').check();
    await expectAccessible(page, 'study-end-form');
    await end.getByRole('button', { name: 'Registrer at studiet er avsluttet' }).click();
    await page.getByText('Studiet er registrert som avsluttet.').waitFor();
    await study.getByText('Fullført', { exact: true }).waitFor();
    const { rows: studies } = await stack.admin.query<{ completed: boolean; ended: boolean }>(
      `SELECT completed, "endDate" IS NOT NULL AS ended FROM study WHERE "jobSeekerId" = $1 AND programme = 'Kurs i truckførerbevis'`,
      [jobSeekerId],
    );
    expect(studies).toEqual([{ completed: true, ended: true }]);

    await page.getByRole('button', { name: 'Registrer søknad' }).click();
    const app = page.locator('form[aria-labelledby="application-heading"]');
    await app.getByLabel('Stilling', { exact: true }).fill('Truckfører på kveldsskift');
    await app.getByLabel('Jobbutvikling (ikke utlyst)').check();
    await expectAccessible(page, 'application-form');
    await app.getByRole('button', { name: 'Registrer søknad' }).click();
    await page.getByText('Søknaden er registrert.').waitFor();
    const row = page.locator('li[data-application]').filter({ hasText: 'Truckfører på kveldsskift' });
    await row.locator('[data-status="SENT"]').getByText('Sendt').waitFor();
    await row.getByLabel('Endre status for Truckfører på kveldsskift').selectOption('INTERVIEW');
    await row.getByRole('button', { name: 'Lagre status' }).click();
    await page.getByText('Statusen er lagret.').waitFor();
    await row.locator('[data-status="INTERVIEW"]').getByText('Intervju').waitFor();
    const { rows: apps } = await stack.admin.query<{ status: string; version: number; source: string }>(
      `SELECT status::text AS status, version, source::text AS source FROM job_application WHERE "jobSeekerId" = $1 AND position = 'Truckfører på kveldsskift'`,
      [jobSeekerId],
    );
    expect(apps).toEqual([{ status: 'INTERVIEW', version: 2, source: 'JOB_DEVELOPMENT' }]);
    await expectAccessible(page, 'application-status-changed');
    await shot(page, 'work-study-application-1280');
    await page.context().close();
  }, 240_000);

  it('records a job start and its end on a phone (360 × 740), without horizontal scroll', async () => {
    const { email, jobSeekerId } = await pick(`${OWN_IN_SEARCH} AND j.id IN (
      SELECT j2.id FROM job_seeker j2 WHERE j2."currentSpecialistId" = u.id ORDER BY j2.id DESC LIMIT 5)`);
    const page = await openPage(email, jobSeekerId, 360);
    await page.getByRole('button', { name: 'Registrer jobbstart' }).click();
    const form = await fillJobStart(page, 'Lagermedarbeider, natt', false);
    await expectNoHorizontalScroll(page, 'job-start-form-360');
    await expectAccessible(page, 'job-start-form-360');
    await shot(page, 'work-job-start-360');
    await form.getByRole('button', { name: 'Registrer jobbstart' }).click();
    await page.getByText('Jobbstarten som Lagermedarbeider, natt er registrert.').waitFor();
    await deadlines(page)
      .getByText(/Første oppfølgingsmøte innen tre dager etter jobbstart/)
      .waitFor();
    await expectNoHorizontalScroll(page, 'job-started-360');

    const job = page.locator('li[data-employment]').filter({ hasText: 'Lagermedarbeider, natt' });
    await job.getByRole('button', { name: 'Avslutt jobben' }).click();
    const endForm = page.locator('form[aria-labelledby^="job-end-"]');
    await typeDay(endForm, 'Sluttdato', today);
    await endForm.getByLabel('Jobbsøkeren', { exact: true }).check();
    await expectNoHorizontalScroll(page, 'job-end-form-360');
    await expectAccessible(page, 'job-end-form-360');
    await endForm.getByRole('button', { name: 'Registrer at jobben er avsluttet' }).click();
    await page.getByText('Jobben er registrert som avsluttet.').waitFor();
    await deadlines(page)
      .getByText(/Kontakt jobbsøker senest tre dager etter at jobben ble avsluttet/)
      .waitFor();
    await expectNoHorizontalScroll(page, 'job-ended-360');
    await expectAccessible(page, 'job-ended-360');
    await shot(page, 'work-job-ended-360');
    await page.context().close();
  }, 240_000);
});
