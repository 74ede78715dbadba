/**
 * The job-seeker page in a real browser against the real API and the seeded database: the consent
 * panel and the timeline show what the database holds; the support plan is revised and the revision
 * is there after a reload; and when two windows edit the same plan, the second gets the conflict,
 * compares, and saves on top — nothing is overwritten silently. At 1280 px and 360 px, axe clean.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let email = '';
let jobSeekerId = '';
let planId = '';

const ACTIVE = (a: string) =>
  `${a}."withdrawnAt" IS NULL AND ${a}."validFrom" <= now() AND (${a}."validUntil" IS NULL OR ${a}."validUntil" > now())`;

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  // A specialist in one organisation, following a job seeker with an open job support plan and the
  // consent to employer contact (so the plan's employer agreements stay allowed).
  const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string; planId: string }>(
    `SELECT u.email, j.id AS "jobSeekerId", p.id AS "planId"
     FROM support_plan p JOIN job_seeker j ON j.id = p."jobSeekerId" JOIN app_user u ON u.id = j."currentSpecialistId"
     WHERE p.status <> 'CLOSED' AND p.kind = 'JOB' AND j.phase <> 'DISCHARGED'
       AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."organizationId" = j."organizationId")
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
       AND EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'EMPLOYER_CONTACT' AND ${ACTIVE('c')})
     ORDER BY p.id LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no open job support plan with employer-contact consent');
  ({ email, jobSeekerId, planId } = rows[0]);
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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

async function openPage(width: number, tab = '') {
  const page = await stack.newPage(width);
  await signIn(page, stack.shellUrl, email, `/portfolio/${globalId(jobSeekerId)}${tab ? `?tab=${tab}` : ''}`);
  await page.getByRole('tablist').waitFor();
  return page;
}

describe('job specialist: the job-seeker page', () => {
  for (const width of [1280, 360]) {
    it(`shows the consents and the timeline as the database has them (${width} px)`, async () => {
      const { rows } = await stack.admin.query<{ consents: string; active: string; events: string }>(
        `SELECT (SELECT count(DISTINCT scope) FROM consent WHERE "jobSeekerId" = j.id) AS consents,
                (SELECT count(*) FROM consent c WHERE c."jobSeekerId" = j.id AND ${ACTIVE('c')}) AS active,
                (j."referralDate" IS NOT NULL)::int + (j."intakeDate" IS NOT NULL)::int + (j."dischargedAt" IS NOT NULL)::int
                + (SELECT count(*) FROM consent WHERE "jobSeekerId" = j.id)
                + (SELECT count(*) FROM consent WHERE "jobSeekerId" = j.id AND "withdrawnAt" IS NOT NULL)
                + LEAST(100, (SELECT count(*) FROM follow_up_meeting WHERE "jobSeekerId" = j.id))
                + LEAST(100, (SELECT count(*) FROM employer_contact WHERE "jobSeekerId" = j.id))
                + (SELECT count(*) FROM employment WHERE "jobSeekerId" = j.id)
                + (SELECT count(*) FROM employment WHERE "jobSeekerId" = j.id AND "endDate" IS NOT NULL)
                + (SELECT count(*) FROM support_plan_revision r JOIN support_plan p ON p.id = r."supportPlanId" WHERE p."jobSeekerId" = j.id)
                + (SELECT count(*) FROM transfer WHERE "jobSeekerId" = j.id) AS events
         FROM job_seeker j WHERE j.id = $1`,
        [jobSeekerId],
      );
      const page = await openPage(width);
      // One row per scope; those never given say so.
      const consents = page.locator(
        'section[aria-labelledby="consents-heading"] li[data-scope]:not([data-state="none"])',
      );
      await expect.poll(() => consents.count()).toBe(Number(rows[0]?.consents));
      expect(await page.locator('li[data-state="active"]').count()).toBe(Number(rows[0]?.active));
      await expectAccessible(page, `job-seeker-overview-${width}`);
      await shot(page, `job-seeker-overview-${width}`);

      await page.getByRole('tab', { name: 'Tidslinje' }).click();
      const events = page.getByRole('list', { name: 'Tidslinje' }).locator(':scope > li');
      await expect.poll(() => events.count()).toBe(Number(rows[0]?.events));
      await expectAccessible(page, `job-seeker-timeline-${width}`);
      await shot(page, `job-seeker-timeline-${width}`);

      await page.getByRole('tab', { name: 'Kontakter og møter' }).click();
      await page.getByRole('heading', { level: 2, name: 'Oppfølgingsmøter' }).waitFor();
      await expectAccessible(page, `job-seeker-contacts-${width}`);
      await page.context().close();
    });
  }

  it('revises the plan; a second window editing the same plan gets the conflict, compares and saves on top', async () => {
    const version = async () =>
      Number(
        (
          await stack.admin.query<{ v: number }>('SELECT version AS v FROM support_plan WHERE id = $1', [
            planId,
          ])
        ).rows[0]?.v,
      );
    const before = await version();
    const desk = await openPage(1280, 'plan');
    const phone = await openPage(360, 'plan');
    // The phone opens the editor first, on the version as it is now.
    await phone.getByRole('button', { name: 'Endre planen' }).click();
    await phone.getByLabel('Rutiner hos arbeidsgiver').fill('Oppmøte kl. 09 (fra telefonen)');
    await phone.getByLabel('Hva er endret').fill('Senere oppmøte');
    await expectAccessible(phone, 'support-plan-editor-360');

    // Meanwhile the desk saves a revision.
    await desk.getByRole('button', { name: 'Endre planen' }).click();
    await desk.getByLabel('Rutiner hos arbeidsgiver').fill('Oppmøte kl. 07 (fra kontoret)');
    await desk.getByLabel('Hva er endret').fill('Tidligere oppmøte');
    await desk.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await desk.getByText(/Planen er lagret som versjon/).waitFor();
    expect(await version()).toBe(before + 1);

    // The phone saves on its stale version: a conflict, nothing written.
    await phone.getByRole('button', { name: 'Lagre ny versjon' }).click();
    const alert = phone.getByRole('alert').filter({ hasText: 'Planen er endret av noen andre' });
    await alert.waitFor();
    expect(await version()).toBe(before + 1);
    await expectAccessible(phone, 'support-plan-conflict-360');
    await alert.getByRole('button', { name: 'Sammenlign' }).click();
    const table = phone.getByRole('table');
    await table.getByText('Oppmøte kl. 07 (fra kontoret)').waitFor();
    await table.getByText('Oppmøte kl. 09 (fra telefonen)').waitFor();
    await shot(phone, 'support-plan-conflict-360');
    await phone.getByRole('button', { name: 'Lagre mine endringer oppå den nye versjonen' }).click();
    await phone.getByText(/Planen er lagret som versjon/).waitFor();
    expect(await version()).toBe(before + 2);

    // Both revisions are kept, the phone's is current, and the desk sees it after a reload.
    const { rows } = await stack.admin.query<{ employerRoutines: string; changeNote: string }>(
      `SELECT "employerRoutines", "changeNote" FROM support_plan_revision WHERE "supportPlanId" = $1 ORDER BY revision DESC LIMIT 2`,
      [planId],
    );
    expect(rows).toEqual([
      { employerRoutines: 'Oppmøte kl. 09 (fra telefonen)', changeNote: 'Senere oppmøte' },
      { employerRoutines: 'Oppmøte kl. 07 (fra kontoret)', changeNote: 'Tidligere oppmøte' },
    ]);
    await desk.reload();
    await desk.getByText('Oppmøte kl. 09 (fra telefonen)').waitFor();
    await desk.context().close();
    await phone.context().close();
  });
});
