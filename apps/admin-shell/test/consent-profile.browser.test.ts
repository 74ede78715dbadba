/**
 * The consent panel, sharing with NAV and the career profile, in a real browser against the real API
 * (issue 15, items 2 and 3). A job specialist, on their own job seeker: records the NAV-sharing
 * consent, changes its period (and meets a version conflict), shares with a NAV office (the support
 * plan is not offered: no consent covers it), withdraws the consent and sees the grant stop and the
 * offer go at once; writes and revises the career profile, and a second window saving on a stale
 * version gets the conflict on screen; the profile is read and edited at 360 × 740 without
 * horizontal scroll or squeezed columns. axe on each state.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let email = '';
let jobSeekerId = '';

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  // An own job seeker of a specialist in one organisation, who never gave the NAV consents and has
  // no NAV grant; one without a career profile first (then the first revision is written here).
  const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string }>(
    `SELECT u.email, j.id AS "jobSeekerId"
     FROM app_user u JOIN job_seeker j ON j."currentSpecialistId" = u.id AND j.phase <> 'DISCHARGED'
     WHERE EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = j."organizationId")
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope IN ('NAV_SHARING', 'SUPPORT_PLAN_TO_NAV_SYSTEM'))
       AND NOT EXISTS (SELECT 1 FROM nav_sharing_grant g WHERE g."jobSeekerId" = j.id)
     ORDER BY EXISTS (SELECT 1 FROM career_profile p WHERE p."jobSeekerId" = j.id), u.email, j.id
     LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no own job seeker without the NAV consents');
  ({ email, jobSeekerId } = rows[0]);
  // Whether such a job seeker also lacks a profile depends on the day the demo data is generated
  // for: the test makes it so, and the first revision is always written here.
  await stack.admin.query(
    `DELETE FROM career_profile_revision WHERE "careerProfileId" IN (SELECT id FROM career_profile WHERE "jobSeekerId" = $1)`,
    [jobSeekerId],
  );
  await stack.admin.query(`DELETE FROM career_profile WHERE "jobSeekerId" = $1`, [jobSeekerId]);
});
afterAll(async () => {
  await stack?.close();
});

const globalId = (id: string) => Buffer.from(`JobSeeker:${id}`).toString('base64');

/** An Oslo day `days` from today, as the API's ISO day and as typed (dd.mm.åååå). */
function osloDay(days: number): { iso: string; typed: string } {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const iso = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  const [yy, mm, dd] = iso.split('-');
  return { iso, typed: `${dd}.${mm}.${yy}` };
}

async function expectAccessible(page: Page, name: string) {
  // Where a slow or failing run got to (the screenshot shows the state).
  console.info(`[consent-profile] ${new Date().toISOString()} ${name}`);
  await shot(page, `consent-profile-${name}`);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

async function openPage(width: number, height = 900) {
  const page = await stack.newPage(width);
  await page.setViewportSize({ width, height });
  await signIn(page, stack.shellUrl, email, `/portfolio/${globalId(jobSeekerId)}`);
  await page.getByRole('heading', { level: 2, name: 'Samtykker' }).waitFor();
  return page;
}

const one = async <T>(sql: string, params: unknown[]) => (await stack.admin.query(sql, params)).rows[0] as T;
const osloDayOf = (col: string) => `to_char(${col} AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD')`;

describe('job specialist: consent, sharing with NAV and the career profile', () => {
  it('records, changes and withdraws the NAV consent; shares only what it covers; withdrawal shows at once', async () => {
    const page = await openPage(1280);
    const navRow = page.locator('li[data-scope="NAV_SHARING"]');
    const sharing = page.locator('section[aria-labelledby="nav-sharing-heading"]');
    expect(await navRow.getAttribute('data-state')).toBe('none');
    await sharing.getByText('Ingenting er delt med NAV.').waitFor();
    await sharing.getByText(/har ikke et gyldig samtykke til deling med NAV/).waitFor();
    expect(await sharing.getByRole('button', { name: 'Del med NAV' }).count()).toBe(0);
    await expectAccessible(page, 'consent-overview');

    // Record the consent, valid from today to a day about half a year ahead.
    const today = osloDay(0);
    const until = osloDay(200);
    await page.getByRole('button', { name: 'Registrer samtykke: Deling med NAV' }).click();
    const record = page.getByRole('form', { name: 'Registrer samtykke: Deling med NAV' });
    expect(await record.getByLabel('Gyldig fra').inputValue()).toBe(today.typed);
    await record.getByLabel('Gyldig til og med (valgfritt)').fill(until.typed);
    await record.getByLabel('Hvor det signerte samtykket ligger (valgfritt)').fill('Journal, dok. 4711');
    // The parts the job seeker consents to NAV seeing (issue 17 item 1): basic details always.
    expect(await record.getByRole('checkbox', { name: 'Grunnopplysninger' }).isChecked()).toBe(true);
    await record.getByRole('checkbox', { name: 'Arbeidsstatus' }).check();
    await record.getByRole('checkbox', { name: 'Karriereprofil' }).check();
    await expectAccessible(page, 'consent-record-form');
    await record.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('status').filter({ hasText: 'Samtykket er registrert: Deling med NAV.' }).waitFor();
    await expect.poll(() => navRow.getAttribute('data-state')).toBe('active');
    await navRow.getByText(`Gyldig ${today.typed} – ${until.typed}`).waitFor();
    const saved = await one<{ id: string; version: number; from: string; until: string; ref: string }>(
      `SELECT id, version, ${osloDayOf('"validFrom"')} AS from, ${osloDayOf('"validUntil"')} AS until, "documentReference" AS ref
       FROM consent WHERE "jobSeekerId" = $1 AND scope = 'NAV_SHARING'`,
      [jobSeekerId],
    );
    expect(saved).toMatchObject({ version: 1, from: today.iso, until: until.iso, ref: 'Journal, dok. 4711' });
    await navRow.getByText('Deler med NAV: Grunnopplysninger, Arbeidsstatus, Karriereprofil').waitFor();

    // Change the period: to about three months ahead.
    const shorter = osloDay(90);
    await navRow.getByRole('button', { name: 'Endre: Deling med NAV' }).click();
    const change = page.getByRole('form', { name: 'Endre samtykke: Deling med NAV' });
    expect(await change.getByLabel('Gyldig til og med (valgfritt)').inputValue()).toBe(until.typed);
    await change.getByLabel('Gyldig til og med (valgfritt)').fill(shorter.typed);
    await expectAccessible(page, 'consent-change-form');
    await change.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('status').filter({ hasText: 'Samtykket er endret: Deling med NAV.' }).waitFor();
    await navRow.getByText(`Gyldig ${today.typed} – ${shorter.typed}`).waitFor();
    expect(
      await one<{ version: number; until: string }>(
        `SELECT version, ${osloDayOf('"validUntil"')} AS until FROM consent WHERE id = $1`,
        [saved.id],
      ),
    ).toEqual({ version: 2, until: shorter.iso });

    // A change on a stale version (someone saved meanwhile) is a conflict on screen, nothing written.
    await navRow.getByRole('button', { name: 'Endre: Deling med NAV' }).click();
    await stack.admin.query('UPDATE consent SET version = version + 1 WHERE id = $1', [saved.id]);
    await change.getByLabel('Gyldig til og med (valgfritt)').fill(until.typed);
    await change.getByRole('button', { name: 'Lagre' }).click();
    await change.getByRole('alert').filter({ hasText: 'Samtykket er endret av noen andre' }).waitFor();
    expect(
      await one<{ until: string }>(
        `SELECT ${osloDayOf('"validUntil"')} AS until FROM consent WHERE id = $1`,
        [saved.id],
      ),
    ).toEqual({ until: shorter.iso });
    await expectAccessible(page, 'consent-conflict');
    await change.getByRole('button', { name: 'Last inn på nytt' }).click();
    await change.waitFor({ state: 'detached' });

    // Share with a NAV office: the parts the consent covers are offered, the others are not.
    await sharing.getByRole('button', { name: 'Del med NAV' }).click();
    const grant = page.getByRole('form', { name: 'Del med et NAV-kontor' });
    const office = grant.getByLabel('NAV-kontor');
    await expect.poll(() => office.locator('option').count()).toBeGreaterThan(1);
    const officeName = (await office.locator('option').nth(1).textContent()) ?? '';
    await office.selectOption({ index: 1 });
    await grant.getByRole('checkbox', { name: 'Arbeidsstatus' }).waitFor();
    await grant.getByRole('checkbox', { name: 'Karriereprofil' }).waitFor();
    expect(await grant.getByRole('checkbox', { name: 'Jobbstøtteplan' }).count()).toBe(0);
    await grant
      .getByText(
        'Ikke dekket av samtykket til deling med NAV: Jobbstøtteplan, Dialog med NAV, Ytelsesveiledning.',
      )
      .waitFor();
    await grant.getByRole('checkbox', { name: 'Arbeidsstatus' }).check();
    await expectAccessible(page, 'nav-grant-form');
    await grant.getByRole('button', { name: 'Del', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Delt med ${officeName}.` })
      .waitFor();
    const grantRow = sharing.locator('li[data-grant-state]');
    await expect.poll(() => grantRow.getAttribute('data-grant-state')).toBe('active');
    await grantRow.getByText('Grunnopplysninger, Arbeidsstatus').waitFor();
    const grantDb = await one<{ scopes: string; revokedAt: Date | null }>(
      `SELECT array_to_string(scopes, ',') AS scopes, "revokedAt" FROM nav_sharing_grant WHERE "jobSeekerId" = $1`,
      [jobSeekerId],
    );
    expect(grantDb.scopes.split(',').sort()).toEqual(['BASIC_DETAILS', 'EMPLOYMENT_STATUS']);
    await shot(page, 'consent-granted');

    // Withdraw: the confirmation says what it does and names the grant that stops.
    await navRow.getByRole('button', { name: 'Trekk tilbake: Deling med NAV' }).click();
    const confirm = page.getByRole('form', { name: 'Trekke tilbake samtykket «Deling med NAV»?' });
    await confirm.getByText(/NAV ser ingenting av saken lenger fra neste oppslag/).waitFor();
    await confirm.getByText(`${officeName}: Grunnopplysninger, Arbeidsstatus`).waitFor();
    await confirm.getByLabel('Merknad (valgfritt)').fill('Trakk samtykket i samtale');
    await expectAccessible(page, 'consent-withdraw-confirm');
    await confirm.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Samtykket er trukket tilbake: Deling med NAV.' })
      .waitFor();
    // At once, on the same screen: the scope is withdrawn, the grant stopped, the offer gone.
    await expect.poll(() => navRow.getAttribute('data-state')).toBe('withdrawn');
    await expect.poll(() => grantRow.getAttribute('data-grant-state')).toBe('stopped');
    await grantRow.getByText('Stoppet: samtykket er trukket tilbake eller utløpt').waitFor();
    expect(await sharing.getByRole('button', { name: 'Del med NAV' }).count()).toBe(0);
    await sharing.getByText(/har ikke et gyldig samtykke til deling med NAV/).waitFor();
    await navRow.getByRole('button', { name: 'Registrer samtykke: Deling med NAV' }).waitFor();
    expect(
      await one<{ withdrawn: boolean; note: string }>(
        `SELECT "withdrawnAt" IS NOT NULL AS withdrawn, "withdrawalNote" AS note FROM consent WHERE id = $1`,
        [saved.id],
      ),
    ).toEqual({ withdrawn: true, note: 'Trakk samtykket i samtale' });
    await expectAccessible(page, 'consent-withdrawn');
    await shot(page, 'consent-withdrawn');
    await page.context().close();
  }, 300_000);
});

describe('job specialist: the career profile, with a conflict', () => {
  it('writes and revises the career profile; a second window on a stale version gets the conflict', async () => {
    const revisions = async () =>
      Number(
        (
          await one<{ n: string }>(
            `SELECT count(*) AS n FROM career_profile_revision r JOIN career_profile p ON p.id = r."careerProfileId" WHERE p."jobSeekerId" = $1`,
            [jobSeekerId],
          )
        ).n,
      );
    const before = await revisions();
    const desk = await openPage(1280);
    const profile = desk.locator('section[aria-labelledby="profile-heading"]');
    await profile.getByRole('button', { name: before ? 'Endre profilen' : 'Skriv karriereprofil' }).click();
    const editor = desk.getByRole('form', { name: 'Karriereprofil' });
    await editor.getByLabel('Interesser', { exact: true }).fill('Lager og logistikk, å jobbe med hendene');
    await editor.getByLabel('Styrker', { exact: true }).fill('Punktlig, nøyaktig, god på truck');
    await editor.getByLabel('Ønsker', { exact: true }).fill('Dagtid, 60 prosent til å begynne med');
    await editor.getByRole('button', { name: 'Legg til arbeidserfaring' }).click();
    const work = editor.getByRole('group', { name: 'Arbeidserfaring' });
    await work.getByLabel('Stilling eller oppgave').last().fill('Lagermedarbeider');
    await work.getByLabel('Arbeidsgiver (valgfritt)').last().fill('Coop Øst');
    await work.getByLabel('År (valgfritt)').last().fill('1,5');
    await editor.getByRole('button', { name: 'Legg til utdanning' }).click();
    const education = editor.getByRole('group', { name: 'Utdanning' });
    await education.getByLabel('Nivå').last().fill('Videregående');
    await education.getByLabel('Fag eller retning (valgfritt)').last().fill('Transport og logistikk');
    await editor.getByLabel('Åpenhet om helse overfor arbeidsgiver').selectOption('PARTIAL');
    await editor.getByLabel('Ytelser og økonomi (valgfritt)').fill('Arbeidsavklaringspenger');
    await expectAccessible(desk, 'profile-editor');
    await editor.getByRole('button', { name: before ? 'Lagre ny versjon' : 'Lagre profilen' }).click();
    await profile
      .getByRole('status')
      .filter({ hasText: `lagret som versjon ${before + 1}` })
      .waitFor();
    expect(await revisions()).toBe(before + 1);
    await profile.getByText('Lagermedarbeider, Coop Øst (1,5 år)').first().waitFor();
    await profile.getByText('Delvis åpenhet').first().waitFor();
    const current = await one<{ workExperience: unknown; disclosurePreference: string }>(
      `SELECT r."workExperience", r."disclosurePreference" FROM career_profile_revision r JOIN career_profile p ON p.id = r."careerProfileId"
       WHERE p."jobSeekerId" = $1 ORDER BY r.revision DESC LIMIT 1`,
      [jobSeekerId],
    );
    expect(current).toEqual({
      workExperience: [{ title: 'Lagermedarbeider', employer: 'Coop Øst', years: 1.5 }],
      disclosurePreference: 'PARTIAL',
    });

    // Revise it: a new revision, the earlier one listed.
    await profile.getByRole('button', { name: 'Endre profilen' }).click();
    await editor.getByLabel('Ønsker', { exact: true }).fill('Dagtid, 80 prosent etter tre måneder');
    await editor.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await profile
      .getByRole('status')
      .filter({ hasText: `lagret som versjon ${before + 2}` })
      .waitFor();
    expect(await revisions()).toBe(before + 2);
    await profile.getByText('Dagtid, 80 prosent etter tre måneder').first().waitFor();
    await profile.getByText(`Tidligere versjoner (${before + 1})`).click();
    await profile.getByText('Dagtid, 60 prosent til å begynne med').waitFor();
    await expectAccessible(desk, 'profile-revisions');

    // A second window opens the editor on this version; the desk saves first.
    const phone = await openPage(360, 740);
    const phoneProfile = phone.locator('section[aria-labelledby="profile-heading"]');
    await phoneProfile.getByRole('button', { name: 'Endre profilen' }).click();
    const phoneEditor = phone.getByRole('form', { name: 'Karriereprofil' });
    await phoneEditor.getByLabel('Styrker', { exact: true }).fill('Punktlig, nøyaktig (fra telefonen)');
    await profile.getByRole('button', { name: 'Endre profilen' }).click();
    await editor
      .getByLabel('Interesser', { exact: true })
      .fill('Lager, logistikk og varetransport (fra kontoret)');
    await editor.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await profile
      .getByRole('status')
      .filter({ hasText: `lagret som versjon ${before + 3}` })
      .waitFor();

    // The phone saves on its stale version: the conflict on screen, nothing written.
    await phoneEditor.getByRole('button', { name: 'Lagre ny versjon' }).click();
    const alert = phone.getByRole('alert').filter({ hasText: 'Profilen er endret av noen andre' });
    await alert.waitFor();
    expect(await revisions()).toBe(before + 3);
    await expectAccessible(phone, 'profile-conflict-360');
    await shot(phone, 'profile-conflict-360');
    // …and saves on top of the newer revision when the user says so.
    await alert.getByRole('button', { name: 'Lagre mine endringer oppå den nye versjonen' }).click();
    await phoneProfile
      .getByRole('status')
      .filter({ hasText: `lagret som versjon ${before + 4}` })
      .waitFor();
    expect(await revisions()).toBe(before + 4);
    await phoneProfile.getByText('Punktlig, nøyaktig (fra telefonen)').waitFor();
    await desk.context().close();
    await phone.context().close();
  }, 300_000);
});

describe('job specialist: the career profile on a phone', () => {
  it('reads and edits the profile at 360 × 740 without horizontal scroll or squeezed columns', async () => {
    const page = await openPage(360, 740);
    const profile = page.locator('section[aria-labelledby="profile-heading"]');
    await profile.locator('dd').first().waitFor();
    const layout = async () =>
      page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        narrowDd: [...document.querySelectorAll('section[aria-labelledby="profile-heading"] dd')]
          .map((d) => d.getBoundingClientRect().width)
          .filter((w) => w < 100),
        narrowFields: [
          ...document.querySelectorAll(
            'section[aria-labelledby="profile-heading"] textarea, section[aria-labelledby="profile-heading"] select',
          ),
        ]
          .map((d) => d.getBoundingClientRect().width)
          .filter((w) => w < 100),
      }));
    const read = await layout();
    expect(read.scroll).toBeLessThanOrEqual(360);
    expect(read.narrowDd).toEqual([]);
    // The facts stack: each label above its value, as wide as the list.
    const widths = await profile
      .locator('dd')
      .evaluateAll((dds) => dds.map((d) => Math.round(d.getBoundingClientRect().width)));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(200);
    await expectAccessible(page, 'profile-360');
    await shot(page, 'profile-360');

    await profile.getByRole('button', { name: 'Endre profilen' }).click();
    const editor = page.getByRole('form', { name: 'Karriereprofil' });
    await editor
      .getByLabel('Interesser', { exact: true })
      .fill('Lager og logistikk – skrevet på telefonen i felt');
    const editing = await layout();
    expect(editing.scroll).toBeLessThanOrEqual(360);
    expect(editing.narrowFields).toEqual([]);
    await expectAccessible(page, 'profile-editor-360');
    await shot(page, 'profile-editor-360');
    await editor.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await profile
      .getByRole('status')
      .filter({ hasText: /lagret som versjon/ })
      .waitFor();
    await profile.getByText('Lager og logistikk – skrevet på telefonen i felt').waitFor();
    expect((await layout()).scroll).toBeLessThanOrEqual(360);
    await page.context().close();
  }, 300_000);
});
