/**
 * Follow-up on a phone (issue 15 items 5 and 10), in a real browser at 360 × 740 against the real
 * API and database: a duty in "my deadlines" leads to the form that fulfils it, open and focused; a
 * held meeting logged with date and time closes the duty on screen; a meeting booked for today
 * shows under "meetings today" and in "my deadlines"; an employer contact is logged from the person
 * page with its time and note; a reminder is set, shown in "my deadlines", and marked done. No
 * horizontal scroll, and axe clean, in each state.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let person: { email: string; userId: string; jobSeekerId: string; name: string; organizationId: string };

/** Today in Oslo (the run's day: the API, the database and this test share the clock). */
const osloToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
const typed = (isoDay: string) => isoDay.split('-').reverse().join('.');
const MEET_TITLE = 'Ny jobbspesialist møter jobbsøker snarlig etter overføring';

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  // A specialist of one organisation (with employers in its register) and an own job seeker in job search.
  const { rows } = await stack.admin.query<typeof person>(
    `SELECT u.email, u.id AS "userId", j.id AS "jobSeekerId", j."givenName" || ' ' || j."familyName" AS name,
            j."organizationId"
     FROM job_seeker j JOIN app_user u ON u.id = j."currentSpecialistId"
     WHERE j.phase = 'JOB_SEARCH'
       AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = j."organizationId")
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
       AND EXISTS (SELECT 1 FROM employer e WHERE e."organizationId" = j."organizationId")
     ORDER BY j.id LIMIT 1`,
  );
  if (!rows[0])
    throw new Error('the demo data has no own job seeker in job search with employers in the register');
  person = rows[0];
  // Naming the job seeker to an employer needs their employer-contact consent (seed 000 §3, issue 17 item 2).
  await stack.admin.query(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
     SELECT gen_random_uuid(), "organizationId", id, 'EMPLOYER_CONTACT', now() - interval '1 day', $2, now()
     FROM job_seeker WHERE id = $1`,
    [person.jobSeekerId, person.userId],
  );
  // The duty this test closes: meet the job seeker soon after a transfer (seed 001 §4.2), due in three days.
  const today = osloToday();
  await stack.admin.query(
    `UPDATE task SET status = 'CANCELLED', "closedAt" = now(), "closedReason" = 'test' WHERE "jobSeekerId" = $1 AND rule = 'MEET_AFTER_TRANSFER' AND status = 'OPEN'`,
    [person.jobSeekerId],
  );
  await stack.admin.query(
    `INSERT INTO task (id, "organizationId", rule, "jobSeekerId", "assigneeId", title, "dueOn", "warnFrom", status, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'MEET_AFTER_TRANSFER', $2, $3, $4, $5::date + 3, $5::date - 1, 'OPEN', now())`,
    [person.organizationId, person.jobSeekerId, person.userId, MEET_TITLE, today],
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
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const n = async (sql: string, params: unknown[]) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);
const meetingsToday = async (page: Page, navigate = true) => {
  if (navigate) await page.goto(`${stack.shellUrl}/portfolio`);
  await page.getByRole('heading', { level: 1, name: 'Min portefølje' }).waitFor();
  const figure = page.getByTestId('count-meetings');
  await figure.waitFor();
  await page.waitForLoadState('networkidle');
  return Number((await figure.textContent())?.replace(/\D/g, ''));
};

describe('job specialist: follow-up at 360 × 740', () => {
  it('follows a duty to its form, logs and books meetings, logs an employer contact, sets and completes a reminder', async () => {
    const page = await stack.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, stack.shellUrl, person.email, '/portfolio');
    try {
      await walk(page);
    } catch (error) {
      await shot(page, 'follow-up-failure');
      throw error;
    }
    await page.context().close();
  }, 240_000);
});

async function walk(page: Page) {
  const before = await meetingsToday(page, false);
  const today = osloToday();

  // 1. My deadlines: the duty leads straight to the meeting form, open and focused.
  await page.goto(`${stack.shellUrl}/deadlines`);
  const row = page
    .getByTestId('deadlines')
    .getByRole('row')
    .filter({ hasText: person.name })
    .filter({ hasText: MEET_TITLE });
  await row.getByRole('link', { name: MEET_TITLE }).click();
  await page.waitForURL(/tab=contacts&form=meeting/);
  const form = page.locator('#meeting-form');
  await form.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meeting-form');
  await expectNoHorizontalScroll(page, 'meeting form');
  await expectAccessible(page, 'meeting-form-360');
  await shot(page, 'follow-up-meeting-form-360');

  // 2. A held meeting, today at 00:05, face to face: recorded, and its duty closes on screen.
  await form.getByLabel('Dato').fill(typed(today));
  await form.getByLabel('Klokkeslett').fill('00:05');
  await form.getByLabel('Sammendrag (valgfritt)').fill('Første møte etter overføringen.');
  await form.getByRole('button', { name: 'Registrer møtet' }).click();
  await page.getByText('Møtet er registrert.').waitFor();
  expect(
    await n(
      `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND rule = 'MEET_AFTER_TRANSFER' AND status = 'OPEN'`,
      [person.jobSeekerId],
    ),
  ).toBe(0);
  await page.getByTestId('meetings').getByText('Første møte etter overføringen.').waitFor();
  await page.getByRole('tab', { name: 'Oversikt' }).click();
  const duties = page.locator('section[aria-labelledby="deadlines-heading"]');
  await duties.waitFor();
  expect(await duties.getByText(MEET_TITLE).count()).toBe(0);

  // 3. Book a meeting for today at 23:59: under meetings today, and in my deadlines on its day.
  await page.getByRole('tab', { name: 'Kontakter og møter' }).click();
  await page.getByRole('button', { name: 'Registrer eller avtal møte' }).click();
  await form.getByText('Avtale et møte fram i tid').click();
  await form.getByLabel('Dato').fill(typed(today));
  await form.getByLabel('Klokkeslett').fill('23:59');
  await form.getByRole('button', { name: 'Avtal møtet' }).click();
  await page.getByText('Møtet er avtalt.').waitFor();
  await page
    .getByTestId('planned-meetings')
    .getByText(`${typed(today)} kl. 23:59`)
    .waitFor();
  await expectNoHorizontalScroll(page, 'contacts with a booking');
  await expectAccessible(page, 'contacts-booked-360');
  await shot(page, 'follow-up-contacts-360');
  expect(await meetingsToday(page)).toBe(before + 1);
  await page.goto(`${stack.shellUrl}/deadlines`);
  const agenda = page.getByTestId('agenda');
  await agenda
    .getByRole('listitem')
    .filter({ hasText: person.name })
    .filter({ hasText: 'I dag' })
    .first()
    .waitFor();

  // 4. An employer contact from the person page, with its time and a note.
  await page.goto(
    `${stack.shellUrl}/portfolio/${Buffer.from(`JobSeeker:${person.jobSeekerId}`).toString('base64')}?tab=contacts`,
  );
  await page.getByRole('button', { name: 'Registrer arbeidsgiverkontakt' }).click();
  const contact = page.locator('#employer-contact-form');
  await contact.waitFor();
  const employer = contact.getByLabel('Arbeidsgiver');
  await expect.poll(() => employer.locator('option').count()).toBeGreaterThan(1);
  const employerName = (await employer.locator('option').nth(1).textContent())?.split(',')[0] ?? '';
  await employer.selectOption({ index: 1 });
  await contact.getByLabel('Dato').fill(typed(today));
  await contact.getByLabel('Klokkeslett').fill('00:10');
  const note = `Ringte daglig leder ${Date.now()}`;
  await contact.getByLabel('Notat (valgfritt)').fill(note);
  await expectAccessible(page, 'employer-contact-form-360');
  await contact.getByRole('button', { name: 'Registrer kontakten' }).click();
  await page.getByText(`Kontakten med ${employerName} er registrert.`).waitFor();
  await page.getByTestId('employer-contacts').getByText(note).waitFor();
  const saved = await stack.admin.query<{ notes: string; faceToFace: boolean }>(
    `SELECT notes, "faceToFace" FROM employer_contact WHERE "jobSeekerId" = $1 AND notes = $2`,
    [person.jobSeekerId, note],
  );
  expect(saved.rows).toEqual([{ notes: note, faceToFace: true }]);

  // 5. A reminder: set, in my deadlines on its day, and done.
  const text = `Sjekk vaktlista ${Date.now()}`;
  await page.getByRole('button', { name: 'Ny påminnelse' }).click();
  const reminder = page.locator('#reminder-form');
  await reminder.getByLabel('Hva skal du huske?').fill(text);
  await reminder.getByRole('button', { name: 'Lagre påminnelsen' }).click();
  await page.getByText('Påminnelsen er lagret.').waitFor();
  await page.getByTestId('reminders').getByText(text).waitFor();
  await expectNoHorizontalScroll(page, 'contacts with a reminder');
  await expectAccessible(page, 'reminders-360');
  await page.goto(`${stack.shellUrl}/deadlines`);
  await page.getByTestId('agenda').getByText(`Påminnelse: ${text}`).waitFor();
  await expectNoHorizontalScroll(page, 'my deadlines');
  await expectAccessible(page, 'deadlines-agenda-360');
  await shot(page, 'follow-up-deadlines-360');
  await page.getByTestId('agenda').getByRole('listitem').filter({ hasText: text }).getByRole('link').click();
  await page.getByTestId('reminders').getByText(text).waitFor();
  await page.getByRole('button', { name: `Merk påminnelsen «${text}» som ferdig` }).click();
  await page.getByText('Påminnelsen er merket som ferdig.').waitFor();
  await expect.poll(() => page.getByText(text).count()).toBe(0);
  expect(
    await n(
      `SELECT count(*) AS n FROM reminder WHERE "jobSeekerId" = $1 AND text = $2 AND "doneAt" IS NOT NULL`,
      [person.jobSeekerId, text],
    ),
  ).toBe(1);
}
