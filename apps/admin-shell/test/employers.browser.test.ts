/**
 * The employer register and the fast contact log on a 360 px phone, in a real browser against the
 * real API: an invalid organisation number is refused at the field (nothing saved); the employer is
 * registered; a job-development contact without a job seeker is refused at the field; with one it is
 * logged, shows in "my latest contacts", is in the database, and is still there after a reload.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let email = '';
let userId = '';
let jobSeeker = { id: '', name: '' };
// 98765432 with its mod-11 check digit (5), and the same with a wrong one.
const VALID = '987654325';
const INVALID = '987654326';
const NAME = 'Bakeriet på Lade AS';

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{ email: string; id: string; jobSeekerId: string; name: string }>(
    `SELECT u.email, u.id, j.id AS "jobSeekerId", j."givenName" || ' ' || j."familyName" AS name
     FROM app_user u JOIN job_seeker j ON j."currentSpecialistId" = u.id AND j.phase <> 'DISCHARGED'
     WHERE EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = j."organizationId")
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
     ORDER BY u.email, j."familyName", j."givenName" LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no job specialist with a portfolio');
  email = rows[0].email;
  userId = rows[0].id;
  jobSeeker = { id: rows[0].jobSeekerId, name: rows[0].name };
  // Naming the job seeker to an employer needs their employer-contact consent (seed 000 §3, issue 17 item 2).
  await stack.admin.query(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
     SELECT gen_random_uuid(), "organizationId", id, 'EMPLOYER_CONTACT', now() - interval '1 day', $2, now()
     FROM job_seeker WHERE id = $1`,
    [jobSeeker.id, userId],
  );
  const taken = await stack.admin.query('SELECT 1 FROM employer WHERE "organizationNumber" = $1', [VALID]);
  if (taken.rowCount)
    throw new Error(`the demo data already has an employer with organisation number ${VALID}`);
});
afterAll(async () => {
  await stack?.close();
});

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

const count = async (sql: string, params: unknown[]) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

describe('job specialist: employers and the contact log at 360 px', () => {
  it('registers an employer and logs a contact, with typed errors at the fields and nothing lost', async () => {
    const page = await stack.newPage(360);
    await signIn(page, stack.shellUrl, email, '/employers');
    await page.getByRole('heading', { level: 1, name: 'Arbeidsgivere og kontakter' }).waitFor();
    await expectAccessible(page, 'employers-360');

    // A new employer: a wrong check digit is refused at the field, and nothing is saved.
    await page.getByRole('button', { name: 'Ny arbeidsgiver' }).click();
    await page.getByLabel('Navn', { exact: true }).fill(NAME);
    await page.getByLabel('Organisasjonsnummer (valgfritt)').fill(INVALID);
    await page.getByRole('button', { name: 'Registrer arbeidsgiver' }).click();
    await page.getByText('Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).').waitFor();
    expect(await count('SELECT count(*) AS n FROM employer WHERE name = $1', [NAME])).toBe(0);
    await page.getByLabel('Organisasjonsnummer (valgfritt)').fill(VALID);
    await page.getByRole('button', { name: 'Registrer arbeidsgiver' }).click();
    await page.getByText(`${NAME} er registrert.`).waitFor();
    const employerId = (
      await stack.admin.query<{ id: string }>('SELECT id FROM employer WHERE "organizationNumber" = $1', [
        VALID,
      ])
    ).rows[0]?.id;
    expect(employerId).toBeTruthy();
    // …and it is chosen for the next contact.
    await expect.poll(() => page.getByLabel('Arbeidsgiver', { exact: true }).inputValue()).toBe(employerId);

    // Job development for a job seeker names the job seeker: refused at the field, nothing saved.
    const contacts = () =>
      count('SELECT count(*) AS n FROM employer_contact WHERE "employerId" = $1 AND "specialistId" = $2', [
        employerId,
        userId,
      ]);
    await page.getByRole('button', { name: 'Registrer kontakten' }).click();
    await page.getByText('Jobbutvikling for en jobbsøker må si hvilken jobbsøker.').waitFor();
    expect(await contacts()).toBe(0);

    await page.getByLabel('For jobbsøker', { exact: true }).selectOption({ label: jobSeeker.name });
    await page.getByLabel('Resultat').selectOption({ label: 'Intervju avtalt' });
    await page.getByRole('button', { name: 'Registrer kontakten' }).click();
    await page.getByText(`Kontakten med ${NAME} er registrert.`).waitFor();
    const recent = page.getByTestId('recent-contacts');
    await recent.getByText(NAME).first().waitFor();
    expect(await contacts()).toBe(1);
    const { rows } = await stack.admin.query<{ jobSeekerId: string; faceToFace: boolean; outcome: string }>(
      `SELECT "jobSeekerId", "faceToFace", outcome::text FROM employer_contact WHERE "employerId" = $1`,
      [employerId],
    );
    expect(rows).toEqual([{ jobSeekerId: jobSeeker.id, faceToFace: true, outcome: 'INTERVIEW_ARRANGED' }]);
    await expectAccessible(page, 'employers-logged-360');
    await page.screenshot({ path: join(ARTIFACTS, 'employers-360.png'), fullPage: true });

    // Persisted: after a reload it is still among my latest contacts.
    await page.reload();
    await page.getByTestId('recent-contacts').getByText(NAME).first().waitFor();
    await page.context().close();
  });
});
