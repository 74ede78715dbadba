/**
 * Issue 15, items 8, 11, 12 and 13 in a real browser against the real API and database: the journal
 * notes of a job seeker (read, download the PDF, copy, mark as entered — once), the reason a screen
 * reads for in the access log, notices that lead to their item, and dates as dd.mm.åååå with no code
 * names on screen in an English browser. axe on each new page state; the notes also at 360 px.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
/** A specialist in one organisation, one of their job seekers, and that organisation's administrator. */
let specialist = { email: '', name: '' };
let jobSeekerId = '';
let identityNumber = '';
let administrator = '';

const globalId = (id: string) => Buffer.from(`JobSeeker:${id}`).toString('base64');

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{
    email: string;
    name: string;
    jobSeekerId: string;
    identityNumber: string;
    administrator: string;
  }>(
    `SELECT s.email, s."givenName" || ' ' || s."familyName" AS name, j.id AS "jobSeekerId", j."identityNumber",
            a.email AS administrator
     FROM job_seeker j JOIN app_user s ON s.id = j."currentSpecialistId"
     JOIN membership am ON am."organizationId" = j."organizationId" AND am.role = 'TENANT_ADMINISTRATOR' AND am."endedAt" IS NULL
     JOIN app_user a ON a.id = am."userId"
     WHERE j.phase <> 'DISCHARGED' AND j."identityNumber" IS NOT NULL
       AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = s.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = j."organizationId")
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = s.id AND m."endedAt" IS NULL) = 1
       AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = a.id AND x.id <> am.id)
     ORDER BY j.id LIMIT 1`,
  );
  const found = rows[0];
  if (!found)
    throw new Error('the demo data has no specialist with a job seeker and an administrator beside them');
  specialist = { email: found.email, name: found.name };
  ({ jobSeekerId, identityNumber, administrator } = found);
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

/** A new note about the job seeker, not yet entered in the record. */
async function freshNote(text: string): Promise<string> {
  const { rows } = await stack.admin.query<{ id: string }>(
    `INSERT INTO journal_note (id, "organizationId", "jobSeekerId", kind, text, "createdById", "createdAt")
     SELECT gen_random_uuid(), j."organizationId", j.id, 'JOB_START', $2, j."currentSpecialistId", now() - interval '1 hour'
     FROM job_seeker j WHERE j.id = $1 RETURNING id`,
    [jobSeekerId, text],
  );
  return rows[0]?.id as string;
}

async function openNotes(width: number): Promise<Page> {
  const page = await stack.newPage(width);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.shellUrl });
  await signIn(page, stack.shellUrl, specialist.email, `/portfolio/${globalId(jobSeekerId)}?tab=journal`);
  await page.getByTestId('journal-notes').waitFor();
  return page;
}

const DAY = /^\d{2}\.\d{2}\.\d{4}$/;

describe('journal notes', () => {
  it('reads, downloads, copies and marks a note as entered, once (1280 and 360 px)', async () => {
    const title = `Journalnotat: jobbstart ${Date.now()}`;
    const noteId = await freshNote(`${title}\n\nJobbsøkeren startet som kokk.\nOppfølging avtalt.`);
    const desk = await openNotes(1280);
    const phone = await openNotes(360);

    // Not yet entered: in the first list, with its text.
    const pending = desk.locator('section[aria-labelledby="jn-pending-heading"]');
    const item = pending.locator('li', { has: desk.getByRole('heading', { name: title }) });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toContain('Jobbsøkeren startet som kokk.');
    await expectAccessible(desk, 'journal-notes-1280');
    await shot(desk, 'journal-notes-1280');

    // The PDF: a real PDF, named by kind and day — nothing personal in the name.
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      item.getByRole('button', { name: 'Last ned PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^journalnotat-jobbstart-\d{4}-\d{2}-\d{2}\.pdf$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');

    // Copy the text, with feedback.
    await item.getByRole('button', { name: 'Kopier teksten' }).click();
    await item.getByRole('button', { name: 'Teksten er kopiert' }).waitFor();
    expect(await desk.evaluate(() => navigator.clipboard.readText())).toContain(
      'Jobbsøkeren startet som kokk.',
    );

    // The phone has the same note open; the desk marks it first.
    const phoneItem = phone.locator('li', { has: phone.getByRole('heading', { name: title }) });
    await phoneItem.waitFor();
    await expectAccessible(phone, 'journal-notes-360');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(phone, 'journal-notes-360');

    await item.getByRole('button', { name: 'Marker som ført i journal' }).click();
    await desk.getByText('Notatet er markert som ført i journal.').waitFor();
    const entered = desk
      .locator('section[aria-labelledby="jn-entered-heading"] li', {
        has: desk.getByRole('heading', { name: title }),
      })
      .getByTestId('jn-entered');
    await entered.waitFor();
    const tag = (await entered.textContent()) ?? '';
    expect(tag).toMatch(new RegExp(`^Ført i journal \\d{2}\\.\\d{2}\\.\\d{4} av ${specialist.name}$`));
    const { rows } = await stack.admin.query<{ by: string | null; at: Date | null }>(
      `SELECT u.email AS by, n."recordedInJournalAt" AS at FROM journal_note n LEFT JOIN app_user u ON u.id = n."recordedInJournalById" WHERE n.id = $1`,
      [noteId],
    );
    expect(rows[0]?.by).toBe(specialist.email);
    await expectAccessible(desk, 'journal-notes-marked-1280');

    // The phone still offers the marking: it is refused, naming who and when, and nothing changes.
    await phoneItem.getByRole('button', { name: 'Marker som ført i journal' }).click();
    await phone.getByRole('alert').filter({ hasText: `allerede registrert` }).waitFor();
    expect(await phone.getByRole('alert').filter({ hasText: specialist.name }).count()).toBeGreaterThan(0);
    await phone
      .locator('section[aria-labelledby="jn-entered-heading"]')
      .getByRole('heading', { name: title })
      .waitFor();
    const after = await stack.admin.query<{ at: Date | null }>(
      `SELECT "recordedInJournalAt" AS at FROM journal_note WHERE id = $1`,
      [noteId],
    );
    expect(after.rows[0]?.at?.toISOString()).toBe(rows[0]?.at?.toISOString());
    await expectAccessible(phone, 'journal-notes-refused-360');
    await desk.context().close();
    await phone.context().close();
  });
});

describe('why, in the access log', () => {
  it('the job seeker’s access log says why the page was read', async () => {
    const marker = new Date();
    const reader = await stack.newPage();
    await signIn(reader, stack.shellUrl, specialist.email, `/portfolio/${globalId(jobSeekerId)}`);
    await reader.getByRole('tablist').waitFor();
    await expect
      .poll(async () => {
        const { rows } = await stack.admin.query<{ reason: string | null }>(
          `SELECT reason FROM audit_log WHERE "jobSeekerId" = $1 AND "occurredAt" >= $2 AND action = 'READ'`,
          [jobSeekerId, marker],
        );
        return rows.map((r) => r.reason);
      })
      .toContain('Jobbsøkerens side: oppfølging av jobbsøkeren');
    await reader.context().close();

    const page = await stack.newPage();
    await signIn(page, stack.shellUrl, administrator, '/access-log');
    await page.getByLabel('Fødselsnummer eller D-nummer (11 siffer)').fill(identityNumber);
    await page.getByRole('button', { name: 'Vis tilgangslogg' }).click();
    const table = page.getByTestId('access-log');
    await table.waitFor();
    await table
      .getByTestId('access-reason')
      .filter({ hasText: 'Hvorfor: Jobbsøkerens side: oppfølging av jobbsøkeren' })
      .first()
      .waitFor();
    // The lookup itself is logged with its own reason.
    const { rows } = await stack.admin.query<{ reason: string | null }>(
      `SELECT reason FROM audit_log WHERE "jobSeekerId" = $1 AND area = 'AccessLog' ORDER BY "occurredAt" DESC LIMIT 1`,
      [jobSeekerId],
    );
    expect(rows[0]?.reason).toBe('Tilgangslogg: svar på jobbsøkerens krav om innsyn');
    await expectAccessible(page, 'access-log-with-reasons');
    await page.context().close();
  });
});

describe('notices lead somewhere', () => {
  it('a notice about a job seeker opens the page; one the role cannot open says so', async () => {
    const stamp = Date.now();
    await stack.admin.query(
      `INSERT INTO notification (id, "organizationId", "recipientId", kind, title, body, "linkType", "linkId")
       SELECT gen_random_uuid(), j."organizationId", j."currentSpecialistId", 'TRANSFER', $2, 'Avtal et møte.', 'JobSeeker', j.id
       FROM job_seeker j WHERE j.id = $1;
       `.trim(),
      [jobSeekerId, `Ny jobbsøker ${stamp}`],
    );
    // A long absence leads to the supervisor's cover or the leader's absences: a job specialist
    // may open neither. (Distributed minutes, once such an example, are open to every member now.)
    await stack.admin.query(
      `INSERT INTO notification (id, "organizationId", "recipientId", kind, title, body, "linkType", "linkId")
       SELECT gen_random_uuid(), j."organizationId", j."currentSpecialistId", 'LONG_ABSENCE', $2, 'Fraværet ser ut til å bli langvarig.', 'Absence', gen_random_uuid()
       FROM job_seeker j WHERE j.id = $1`,
      [jobSeekerId, `Fravær ${stamp}`],
    );
    const page = await stack.newPage();
    await signIn(page, stack.shellUrl, specialist.email, '/');
    await page.getByTestId('inbox').click();
    const absence = page.getByTestId('notice').filter({ hasText: `Fravær ${stamp}` });
    await absence.getByTestId('notice-unavailable').waitFor();
    expect(await absence.getByRole('link').count()).toBe(0);
    const about = page.getByTestId('notice').filter({ hasText: `Ny jobbsøker ${stamp}` });
    await expectAccessible(page, 'inbox-with-links');
    await about.getByRole('link', { name: 'Åpne jobbsøkeren' }).click();
    await page.waitForURL(
      (url) => url.pathname === `/portfolio/${encodeURIComponent(globalId(jobSeekerId))}`,
    );
    await page.getByRole('tablist').waitFor();
    // Opening it marks it read.
    await expect
      .poll(async () => {
        const { rows } = await stack.admin.query<{ read: boolean }>(
          `SELECT "readAt" IS NOT NULL AS read FROM notification WHERE title = $1`,
          [`Ny jobbsøker ${stamp}`],
        );
        return rows[0]?.read;
      })
      .toBe(true);
    await page.context().close();
  });
});

describe('Norwegian formats in an English browser', () => {
  /** Every date-like text on the page that is not dd.mm.åååå, every ISO day, every enum-like word. */
  async function offences(page: Page): Promise<string[]> {
    const text = await page.evaluate(() => document.body.innerText);
    const out: string[] = [];
    // Not inside a longer dotted number (an address such as 127.0.0.1 in an issuer's URL).
    for (const m of text.matchAll(/(?<![\d.])\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?!\.?\d)/g))
      if (!DAY.test(m[0])) out.push(m[0]);
    for (const m of text.matchAll(
      /\b(?:\d{1,2}\.? )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?\b/g,
    ))
      out.push(m[0]);
    for (const m of text.matchAll(/\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g)) out.push(m[0]);
    return out;
  }

  /** Waits until the page's text stops changing (a tab's own query has answered). */
  async function settled(page: Page): Promise<void> {
    let before = '';
    for (let i = 0; i < 40; i++) {
      const now = await page.evaluate(() => document.body.innerText);
      if (now === before) return;
      before = now;
      await page.waitForTimeout(400);
    }
  }

  async function englishPage(): Promise<Page> {
    const context = await stack.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(stack.config) }),
    );
    return page;
  }

  const AREAS: { role: string; paths: string[] }[] = [
    {
      role: 'METHOD_SUPERVISOR',
      paths: ['/portfolio', '/deadlines', '/employers', '/team', '/coverage', '/team-meeting', '/fidelity'],
    },
    { role: 'HEALTH_SERVICE_LEADER', paths: ['/staffing', '/absences', '/deleted-cases'] },
    { role: 'TENANT_ADMINISTRATOR', paths: ['/members', '/access-log', '/setup'] },
    { role: 'NAV_COUNSELLOR', paths: ['/nav'] },
  ];

  for (const { role, paths } of AREAS) {
    it(`${role}: ${paths.join(', ')} show dd.mm.åååå and no code names`, async () => {
      const { rows } = await stack.admin.query<{ email: string }>(
        `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId"
         WHERE m.role = $1 AND m."endedAt" IS NULL
           AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = u.id AND x."organizationId" <> m."organizationId")
         ORDER BY u.email LIMIT 1`,
        [role],
      );
      const email = rows[0]?.email as string;
      const page = await englishPage();
      await signIn(page, stack.shellUrl, email, '/');
      await page.getByTestId('inbox').waitFor();
      // The application in English too (the sign-in page is in bokmål).
      await page.evaluate(() => localStorage.setItem('ips.language', 'en'));
      for (const path of paths) {
        await page.goto(`${stack.shellUrl}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(await offences(page), `${role} ${path}`).toEqual([]);
      }
      await page.context().close();
    });
  }

  it('JOB_SPECIALIST: the job seeker’s page, every tab, shows dd.mm.åååå, decimal commas, no code names and the duties in English', async () => {
    // A job seeker with a job, a support plan and meetings, followed by a specialist of one
    // organisation; the case gets an open duty so its title is on the page.
    const { rows } = await stack.admin.query<{
      email: string;
      id: string;
      specialistId: string;
      org: string;
    }>(
      `SELECT u.email, j.id, u.id AS "specialistId", j."organizationId" AS org
       FROM job_seeker j JOIN app_user u ON u.id = j."currentSpecialistId"
       WHERE j.phase <> 'DISCHARGED'
         AND EXISTS (SELECT 1 FROM employment e WHERE e."jobSeekerId" = j.id)
         AND EXISTS (SELECT 1 FROM support_plan p WHERE p."jobSeekerId" = j.id)
         AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
       ORDER BY j.id LIMIT 1`,
    );
    const found = rows[0];
    if (!found) throw new Error('the demo data has no job seeker with a job and a support plan');
    await stack.admin.query(
      `INSERT INTO task (id, "organizationId", rule, "jobSeekerId", "assigneeId", title, "dueOn", "warnFrom", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'CONTACT_AFTER_JOB_END', $2, $3,
               'Kontakt jobbsøker senest tre dager etter at jobben ble avsluttet',
               (now() AT TIME ZONE 'Europe/Oslo')::date + 2, (now() AT TIME ZONE 'Europe/Oslo')::date, now())`,
      [found.org, found.id, found.specialistId],
    );
    const page = await englishPage();
    await signIn(page, stack.shellUrl, found.email, '/');
    await page.getByTestId('inbox').waitFor();
    await page.evaluate(() => localStorage.setItem('ips.language', 'en'));
    await page.goto(`${stack.shellUrl}/portfolio/${globalId(found.id)}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    // Each tab by a click, as a user switches them (no reload of the page between them).
    const tabs = page.locator('main [role="tab"]');
    const count = await tabs.count();
    // Overview, timeline, plan, contacts, journal notes and the dialogue with NAV.
    expect(count).toBe(6);
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      const name = (await tab.innerText()).trim();
      await tab.click();
      await settled(page);
      // Earlier revisions and other folded parts are read too.
      for (const summary of await page.locator('main details:not([open]) > summary').all())
        await summary.click();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      const text = await page.evaluate(() => document.body.innerText);
      const decimals = [...text.matchAll(/(?<![\d.,])\d+\.\d+(?![\d.])/g)].map((m) => m[0]);
      expect([...(await offences(page)), ...decimals], `person page, ${name}`).toEqual([]);
      if (i === 0) {
        expect(text).toContain('Contact the job seeker within three days of the job ending');
        expect(text).not.toContain('Kontakt jobbsøker senest tre dager');
      }
    }
    await page.context().close();
  });
});
