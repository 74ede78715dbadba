/**
 * Issue 17 item 6 and issue 16's cover bullet in a real browser against the real API and database
 * (seed 001 §3: every job seeker is to have signed the consent to discussion in the team and with
 * NAV): the method supervisor's cover for an absent specialist counts the job seekers without that
 * consent — never naming them — and asks the specialist to obtain it; the specialist finds them with
 * the portfolio's filter, sees the flag and the supervisor's request on the person page, and records
 * that one said no. Desktop and 360 × 740, no horizontal scroll, axe clean in each state.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let supervisor = '';
let specialist = { id: '', email: '', name: '' };
/** The specialist's job seeker without the consent. */
let missing = { id: '', name: '' };
let absenceId = '';

const TEAM_CONSENT = `EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION'
  AND c."withdrawnAt" IS NULL AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))`;
const ONE_ORG = (user: string) =>
  `(SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = ${user} AND m."endedAt" IS NULL) = 1`;
const gid = (id: string) => Buffer.from(`JobSeeker:${id}`).toString('base64');
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' })
    .format(new Date())
    .split('-')
    .reverse()
    .join('.');

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{
    supervisor: string;
    id: string;
    email: string;
    name: string;
    organizationId: string;
    jobSeekerId: string;
    jobSeekerName: string;
  }>(
    `SELECT su.email AS supervisor, x.id, x.email, x."givenName" || ' ' || x."familyName" AS name, t."organizationId",
            j.id AS "jobSeekerId", j."givenName" || ' ' || j."familyName" AS "jobSeekerName"
     FROM team_member s JOIN app_user su ON su.id = s."userId" JOIN specialist_team t ON t.id = s."teamId"
     JOIN team_member xm ON xm."teamId" = s."teamId" AND xm."userId" <> s."userId" AND xm."leftOn" IS NULL AND xm.role = 'JOB_SPECIALIST'
     JOIN app_user x ON x.id = xm."userId"
     JOIN job_seeker j ON j."currentSpecialistId" = x.id AND j."organizationId" = t."organizationId" AND j.phase <> 'DISCHARGED'
     WHERE s.role = 'METHOD_SUPERVISOR' AND s."leftOn" IS NULL AND ${ONE_ORG('su.id')} AND ${ONE_ORG('x.id')}
       AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = x.id AND m."organizationId" = t."organizationId" AND m.role = 'JOB_SPECIALIST')
     ORDER BY su.email, x.id, j.id LIMIT 1`,
  );
  const found = rows[0];
  if (!found) throw new Error('the demo data has no supervised specialist with a job seeker');
  supervisor = found.supervisor;
  specialist = { id: found.id, email: found.email, name: found.name };
  missing = { id: found.jobSeekerId, name: found.jobSeekerName };
  // The job seeker's team-discussion consent is withdrawn; no refusal or request recorded yet.
  await stack.admin.query(
    `UPDATE consent SET "withdrawnAt" = now() - interval '1 day', "withdrawnById" = "recordedById"
     WHERE "jobSeekerId" = $1 AND scope = 'TEAM_CASE_DISCUSSION' AND "withdrawnAt" IS NULL`,
    [missing.id],
  );
  await stack.admin.query(
    `UPDATE job_seeker SET "teamConsentRefusedAt" = NULL, "teamConsentRequestedAt" = NULL WHERE "currentSpecialistId" = $1`,
    [specialist.id],
  );
  absenceId = (
    await stack.admin.query<{ id: string }>(
      `INSERT INTO absence (id, "organizationId", "specialistId", type, planned, "startDate", "registeredById", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'SICK_LEAVE', false, CURRENT_DATE, $2, now()) RETURNING id`,
      [found.organizationId, found.id],
    )
  ).rows[0]?.id as string;
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

const missingCount = async () =>
  Number(
    (
      await stack.admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED'
           AND j."teamConsentRefusedAt" IS NULL AND NOT ${TEAM_CONSENT}`,
        [specialist.id],
      )
    ).rows[0]?.n,
  );

describe('the consent to team and NAV discussion (seed 001 §3)', () => {
  it('the supervisor sees the count beside the cover, never the names, and asks the specialist (360 × 740)', async () => {
    const n = await missingCount();
    expect(n).toBeGreaterThanOrEqual(1);
    const page = await stack.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, stack.shellUrl, supervisor, `/coverage?fravaer=${absenceId}`);
    const gap = page.getByTestId('team-consent-gap');
    await gap
      .getByRole('heading', {
        name: new RegExp(`^${n} jobbsøkere? mangler samtykke til drøfting i team og med NAV`),
      })
      .waitFor({ timeout: 30_000 });
    // Counted, never named.
    expect(await page.getByText(missing.name).count()).toBe(0);
    await expectNoHorizontalScroll(page, 'coverage-gap');
    await expectAccessible(page, 'coverage-gap-360');
    await gap.getByRole('button', { name: `Be ${specialist.name} innhente samtykket` }).click();
    await gap
      .getByRole('status')
      .getByText(`${specialist.name} har fått beskjed om å innhente samtykket`, { exact: false })
      .waitFor();
    await gap.getByText(`Sist bedt om ${today()}.`).waitFor();
    expect(await page.getByText(missing.name).count()).toBe(0);
    await expectAccessible(page, 'coverage-gap-asked');
    await shot(page, 'team-consent-supervisor-360');
    const notice = await stack.admin.query<{ title: string }>(
      `SELECT title FROM notification WHERE "recipientId" = $1 AND kind = 'TEAM_CONSENT_REQUEST'`,
      [specialist.id],
    );
    expect(notice.rows.map((r) => r.title)).toEqual([expect.stringContaining(`for ${n} jobbsøker`)]);
    await page.context().close();
  }, 240_000);

  it('the specialist finds them by the filter, sees the flag and the request, and records a refusal (360 × 740)', async () => {
    const n = await missingCount();
    const page = await stack.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, stack.shellUrl, specialist.email, '/portfolio?vis=samtykke');
    await page
      .getByTestId('count-team-consent')
      .getByText(`Mangler samtykke til drøfting i team: ${n}`)
      .waitFor();
    const table = page.getByTestId('portfolio');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBe(n);
    await table.getByRole('link', { name: missing.name }).waitFor();
    await expectNoHorizontalScroll(page, 'portfolio-filter');
    await expectAccessible(page, 'portfolio-filter-360');
    await table.getByRole('link', { name: missing.name }).click();
    const flag = page.getByTestId('team-consent-flag');
    await flag.getByRole('heading', { name: 'Mangler samtykke til drøfting i team og med NAV' }).waitFor();
    await flag.getByText(`Metodeveilederen ba om samtykket ${today()}.`).waitFor();
    await expectNoHorizontalScroll(page, 'person-flag');
    await expectAccessible(page, 'person-flag-360');
    await flag.getByRole('button', { name: 'Jobbsøkeren har sagt nei' }).click();
    await flag.getByText(/Jobbsøkeren har sagt nei til at saken drøftes i teamet og med NAV/).waitFor();
    await expectAccessible(page, 'person-refused-360');
    await shot(page, 'team-consent-specialist-360');
    const stored = await stack.admin.query<{ refused: boolean }>(
      `SELECT "teamConsentRefusedAt" IS NOT NULL AS refused FROM job_seeker WHERE id = $1`,
      [missing.id],
    );
    expect(stored.rows[0]?.refused).toBe(true);
    // No longer in the filter.
    await page.goto(`${stack.shellUrl}/portfolio?vis=samtykke`);
    await page
      .getByTestId('count-team-consent')
      .getByText(`Mangler samtykke til drøfting i team: ${n - 1}`)
      .waitFor();
    expect(await page.getByRole('link', { name: missing.name }).count()).toBe(0);
    await page.goto(`${stack.shellUrl}/portfolio/${gid(missing.id)}`);
    await page
      .getByTestId('team-consent-flag')
      .getByRole('button', { name: 'Angre: jobbsøkeren har ikke sagt nei' })
      .waitFor();
    await page.context().close();
  }, 240_000);
});
