/**
 * The NAV dialogue's screens (issue 17, "A secure dialogue per job seeker"; docs/nav-dialogue.md),
 * in a real browser against the real API and PostgreSQL: the own specialist starts a thread on the
 * person page's "Dialog med NAV" tab → the NAV counsellor of the office holding the grant opens the
 * job seeker (the list marks the unread message and the answer due), sees the unread mark, opens the thread (which marks it read) and answers → the
 * specialist sees the answer marked unread, reads it and makes a journal note of the thread. When
 * the consent no longer names DIALOGUE the specialist still reads the history, with a notice and
 * no write form, and the counsellor's page shows no dialogue. Axe on each new state; 360 × 740
 * without horizontal scroll.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let counsellor: { id: string; email: string; office: string };
let js: { id: string; givenName: string; familyName: string; specialistEmail: string };
let consentId: string;
const subject = `Oppfølging av ytelse ${randomUUID().slice(0, 8)}`;
const question = 'Kan vi avtale et møte om arbeidsavklaringspengene neste uke?';
const answer = 'Ja, tirsdag passer fint. Jeg sender en innkalling.';

const globalId = (id: string) => Buffer.from(`JobSeeker:${id}`).toString('base64');

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const c = await stack.admin.query<typeof counsellor>(
    `SELECT u.id, u.email, m."organizationId" AS office FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN organization o ON o.id = m."organizationId"
     WHERE m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL AND o.kind = 'NAV_OFFICE' AND u.active
     ORDER BY u.email LIMIT 1`,
  );
  counsellor = c.rows[0] as typeof counsellor;
  // A job seeker of an active specialist, not shared with NAV yet.
  const j = await stack.admin.query<typeof js>(
    `SELECT j.id, j."givenName", j."familyName", u.email AS "specialistEmail" FROM job_seeker j
     JOIN app_user u ON u.id = j."currentSpecialistId"
     WHERE u.active AND j."deletedAt" IS NULL AND j."protectedAddress" = 'NONE' AND j.phase <> 'DISCHARGED'
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'NAV_SHARING')
       -- a team with a method supervisor of the organisation, who covers while the specialist is away
       AND EXISTS (SELECT 1 FROM team_member tm JOIN membership m ON m."userId" = tm."userId"
                   JOIN app_user su ON su.id = tm."userId"
                   WHERE tm."teamId" = j."teamId" AND tm.role = 'METHOD_SUPERVISOR' AND tm."leftOn" IS NULL
                     AND m."organizationId" = j."organizationId" AND m."endedAt" IS NULL AND su.active
                     AND tm."userId" <> j."currentSpecialistId")
     ORDER BY j."referralDate" DESC, j.id LIMIT 1`,
  );
  js = j.rows[0] as typeof js;
  if (!counsellor || !js) throw new Error('the demo data has no NAV counsellor or no job seeker to share');
  // The NAV-sharing consent names the dialogue; the grant (the whole office) too.
  consentId = randomUUID();
  await stack.admin.query(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "validUntil", "recordedById", "updatedAt", "navParts")
     SELECT $1, j."organizationId", j.id, 'NAV_SHARING', now() - interval '1 day', now() + interval '100 days',
            j."currentSpecialistId", now(), '{BASIC_DETAILS,DIALOGUE}'
     FROM job_seeker j WHERE j.id = $2`,
    [consentId, js.id],
  );
  await stack.admin.query(
    `INSERT INTO nav_sharing_grant (id, "organizationId", "jobSeekerId", "consentId", "navOfficeId", scopes, "validFrom", "grantedById", "updatedAt")
     SELECT $1, j."organizationId", j.id, $2, $3, '{BASIC_DETAILS,DIALOGUE}', now() - interval '1 day', j."currentSpecialistId", now()
     FROM job_seeker j WHERE j.id = $4`,
    [randomUUID(), consentId, counsellor.office, js.id],
  );
});
afterAll(async () => {
  await stack?.close();
});

async function expectAccessible(page: Page, name: string) {
  console.info(`[nav-dialogue] ${new Date().toISOString()} ${name}`);
  await page.screenshot({ path: join(ARTIFACTS, `nav-dialogue-${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

async function asSpecialist(width = 1280) {
  const page = await stack.newPage(width);
  if (width < 400) await page.setViewportSize({ width, height: 740 });
  await signIn(page, stack.shellUrl, js.specialistEmail, `/portfolio/${globalId(js.id)}?tab=dialogue`);
  await page.getByRole('heading', { level: 2, name: 'Dialog med NAV' }).waitFor();
  return page;
}

async function asCounsellor(width = 1280) {
  const page = await stack.newPage(width);
  if (width < 400) await page.setViewportSize({ width, height: 740 });
  await signIn(page, stack.shellUrl, counsellor.email, `/nav/${globalId(js.id)}`);
  await page.getByRole('heading', { level: 1, name: `${js.givenName} ${js.familyName}` }).waitFor();
  return page;
}

const thread = (page: Page) => page.locator('[data-thread]').filter({ hasText: subject });
const noHorizontalScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

describe('NAV dialogue: specialist and NAV counsellor', () => {
  it('the specialist starts a thread, NAV reads and answers, the specialist reads the answer and journals it', async () => {
    const sp = await asSpecialist();
    await sp.getByText('Ingen tråder ennå.').waitFor();
    await expectAccessible(sp, 'specialist-empty');
    // Nothing written: the fields say so, nothing is sent.
    await sp.getByRole('button', { name: 'Send', exact: true }).click();
    await sp.getByText('Skriv et emne.').waitFor();
    await sp.getByText('Skriv en melding.').waitFor();
    await expectAccessible(sp, 'specialist-start-errors');
    await sp.getByLabel('Emne').fill(subject);
    await sp.getByLabel('Melding').fill(question);
    await sp.getByRole('button', { name: 'Send', exact: true }).click();
    await thread(sp).waitFor();
    await expectAccessible(sp, 'specialist-started');

    // The counsellor's list marks the job seeker: one unread message, an answer due.
    const list = await stack.newPage();
    await signIn(list, stack.shellUrl, counsellor.email, '/nav');
    const table = list.getByTestId('shared-with-nav');
    await table.waitFor();
    const row = table.locator(`tr[data-id="${globalId(js.id)}"]`);
    for (let i = 0; i < 50 && (await row.count()) === 0; i++) {
      await list.getByRole('button', { name: 'Vis flere' }).click();
      await list.waitForTimeout(300);
    }
    const mark = row.locator('[data-dialogue-mark]');
    await mark.getByText('1 ulest melding').waitFor();
    await mark.getByText(/^Svar innen \d\d\.\d\d\.\d{4}$/).waitFor();
    await expectAccessible(list, 'nav-list');

    const nav = await asCounsellor();
    await nav.getByRole('heading', { level: 2, name: 'Dialog med jobbspesialisten' }).waitFor();
    const navThread = thread(nav);
    await navThread.getByText('1 ulest').waitFor();
    await expectAccessible(nav, 'nav-unread');
    await navThread.getByRole('button', { name: subject }).click();
    await navThread.getByText(question).waitFor();
    // Opening marked it read.
    await expect.poll(() => navThread.getByText('1 ulest').count()).toBe(0);
    await expectAccessible(nav, 'nav-open');
    await navThread.getByLabel('Svar').fill(answer);
    await navThread.getByRole('button', { name: 'Send svar' }).click();
    await navThread.getByText(answer).waitFor();
    await expect.poll(() => navThread.getByLabel('Svar').inputValue()).toBe('');
    await expectAccessible(nav, 'nav-answered');

    const sp2 = await asSpecialist();
    const spThread = thread(sp2);
    await spThread.getByText('1 ulest').waitFor();
    await spThread.getByRole('button', { name: subject }).click();
    await spThread.getByText(answer).waitFor();
    await spThread.getByText('NAV-veileder', { exact: false }).first().waitFor();
    await expect.poll(() => spThread.getByText('1 ulest').count()).toBe(0);
    await expectAccessible(sp2, 'specialist-answer');
    await spThread.getByRole('button', { name: 'Lag journalnotat' }).click();
    await spThread.getByText('Journalført').waitFor();
    const notes = await stack.admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM journal_note WHERE "jobSeekerId" = $1 AND kind = 'NAV_DIALOGUE'`,
      [js.id],
    );
    expect(Number(notes.rows[0]?.n)).toBe(1);
    await expectAccessible(sp2, 'specialist-journal');
  });

  it('reads and writes at 360 × 740 without horizontal scroll', async () => {
    const sp = await asSpecialist(360);
    await thread(sp).getByRole('button', { name: subject }).click();
    await thread(sp).getByText(question).waitFor();
    await sp.getByLabel('Emne').waitFor();
    await noHorizontalScroll(sp);
    await expectAccessible(sp, 'specialist-360');
    const nav = await asCounsellor(360);
    await thread(nav).getByRole('button', { name: subject }).click();
    await thread(nav).getByText(answer).waitFor();
    await noHorizontalScroll(nav);
    await expectAccessible(nav, 'nav-360');
  });

  it('while the specialist is away, the team’s method supervisor answers on the person page', async () => {
    // The supervisor covers a job seeker who consented to discussion in the team (seed 001 §4.1).
    const { rows } = await stack.admin.query<{
      email: string;
      supervisorId: string;
      org: string;
      specialistId: string;
    }>(
      `SELECT su.email, su.id AS "supervisorId", j."organizationId" AS org, j."currentSpecialistId" AS "specialistId"
       FROM job_seeker j JOIN team_member tm ON tm."teamId" = j."teamId" AND tm.role = 'METHOD_SUPERVISOR' AND tm."leftOn" IS NULL
       JOIN membership m ON m."userId" = tm."userId" AND m."organizationId" = j."organizationId" AND m."endedAt" IS NULL
       JOIN app_user su ON su.id = tm."userId" AND su.active
       WHERE j.id = $1 AND tm."userId" <> j."currentSpecialistId" ORDER BY su.email LIMIT 1`,
      [js.id],
    );
    const sup = rows[0];
    if (!sup) throw new Error('the job seeker’s team has no method supervisor');
    await stack.admin.query(
      `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, 'TEAM_CASE_DISCUSSION', now() - interval '1 day', $3, now()
       WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = $2 AND c.scope = 'TEAM_CASE_DISCUSSION'
                           AND c."withdrawnAt" IS NULL AND (c."validUntil" IS NULL OR c."validUntil" > now()))`,
      [sup.org, js.id, sup.specialistId],
    );
    const absence = randomUUID();
    await stack.admin.query(
      `INSERT INTO absence (id, "organizationId", "specialistId", type, planned, "startDate", "registeredById", "updatedAt")
       VALUES ($1, $2, $3, 'SICK_LEAVE', false, current_date - 1, $4, now())`,
      [absence, sup.org, sup.specialistId, sup.supervisorId],
    );
    try {
      const page = await stack.newPage();
      await signIn(page, stack.shellUrl, sup.email, `/portfolio/${globalId(js.id)}?tab=dialogue`);
      await page.getByRole('heading', { level: 2, name: 'Dialog med NAV' }).waitFor();
      const covering = thread(page);
      await covering.getByRole('button', { name: subject }).click();
      await covering.getByText(question).waitFor();
      await expectAccessible(page, 'supervisor-covering');
      const note = 'Jobbspesialisten er syk denne uken; jeg følger opp i mellomtiden.';
      await covering.getByLabel('Svar').fill(note);
      await covering.getByRole('button', { name: 'Send svar' }).click();
      await covering.getByText(note).waitFor();
      // A thread the supervisor starts is not offered as a journal note: the journal stays the
      // own specialist's.
      const own = `Dekning under fravær ${randomUUID().slice(0, 8)}`;
      await page.getByLabel('Emne').fill(own);
      await page.getByLabel('Melding').fill('Jeg følger opp mens jobbspesialisten er borte.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const started = page.locator('[data-thread]').filter({ hasText: own });
      await started.getByRole('button', { name: own }).click();
      await started.getByText('Jeg følger opp mens jobbspesialisten er borte.').waitFor();
      expect(await started.getByRole('button', { name: 'Lag journalnotat' }).count()).toBe(0);
    } finally {
      await stack.admin.query('DELETE FROM absence WHERE id = $1', [absence]);
    }
  });

  it('a consent without DIALOGUE closes it: the specialist reads the history with a notice, no write form; NAV sees none', async () => {
    await stack.admin.query(`UPDATE consent SET "navParts" = '{BASIC_DETAILS}' WHERE id = $1`, [consentId]);
    const sp = await asSpecialist();
    await sp.locator('[data-dialogue-closed]').waitFor();
    await thread(sp).getByRole('button', { name: subject }).click();
    await thread(sp).getByText(answer).waitFor();
    expect(await sp.getByLabel('Emne').count()).toBe(0);
    expect(await sp.getByLabel('Svar').count()).toBe(0);
    await expectAccessible(sp, 'specialist-closed');
    const nav = await asCounsellor();
    expect(await nav.getByRole('heading', { name: 'Dialog med jobbspesialisten' }).count()).toBe(0);
    expect(await nav.getByText(subject).count()).toBe(0);
  });
});
