/**
 * The method supervisor's weekly routine through the screens only (issue 16), in a real browser
 * against the real API: the supervisor prepares and holds the team meeting (minutes, an action point
 * for a job specialist, distributed); the job specialist opens the team meeting, reads the minutes
 * and closes their action point; the supervisor logs field mentoring, runs a quarterly portfolio
 * review (the stalled cases found from data), sets a team target, adds and removes a team member,
 * and adds and follows up a fidelity action item. Each effect is checked in the database; axe on
 * each new state; each new page without horizontal scrolling at 360 px.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let supervisor = '';
let teamId = '';
let organizationId = '';
let specialist = { email: '', id: '', name: '' };
let meetingId = '';
/** The supervisor, signed in once: each step goes on through the menu. */
let page: Page;
let newcomer = { id: '', name: 'Nora Nykommer' };

/** A day `days` from today in Oslo, as typed into a date field (dd.mm.åååå). */
function typedDay(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Oslo',
  });
  return day.split('-').reverse().join('.');
}

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  // A supervisor of one team in one organisation, with room for one more job specialist.
  const { rows } = await stack.admin.query<{ email: string; teamId: string; organizationId: string }>(
    `SELECT u.email, tm."teamId", tm."organizationId" FROM team_member tm JOIN app_user u ON u.id = tm."userId"
     WHERE tm.role = 'METHOD_SUPERVISOR' AND tm."leftOn" IS NULL
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
       AND (SELECT count(*) FROM team_member x WHERE x."userId" = u.id AND x.role = 'METHOD_SUPERVISOR' AND x."leftOn" IS NULL) = 1
       AND (SELECT count(*) FROM team_member x WHERE x."teamId" = tm."teamId" AND x.role = 'JOB_SPECIALIST' AND x."leftOn" IS NULL) < 10
     ORDER BY u.email LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no method supervisor of one team with room');
  ({ email: supervisor, teamId, organizationId } = rows[0]);
  // A job specialist of the team, employed in the team's organisation only.
  const { rows: members } = await stack.admin.query<{
    email: string;
    id: string;
    givenName: string;
    familyName: string;
  }>(
    `SELECT u.email, u.id, u."givenName", u."familyName" FROM team_member tm JOIN app_user u ON u.id = tm."userId"
     WHERE tm."teamId" = $1 AND tm.role = 'JOB_SPECIALIST' AND tm."leftOn" IS NULL
       AND (SELECT count(*) FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
       AND (SELECT count(*) FROM team_member x WHERE x."userId" = u.id AND x."leftOn" IS NULL) = 1
     ORDER BY u.email LIMIT 1`,
    [teamId],
  );
  const m = members[0];
  if (!m) throw new Error('the team has no job specialist of its own organisation');
  specialist = { email: m.email, id: m.id, name: `${m.givenName} ${m.familyName}` };
  // A newly hired job specialist of the organisation, in no team yet: the one the supervisor adds.
  const { rows: created } = await stack.admin.query<{ id: string }>(
    `INSERT INTO app_user (id, "givenName", "familyName", email, "updatedAt")
     VALUES (gen_random_uuid(), 'Nora', 'Nykommer', 'nora.nykommer@ips.test', now()) RETURNING id`,
  );
  newcomer = { ...newcomer, id: created[0]?.id as string };
  await stack.admin.query(
    `INSERT INTO membership (id, "organizationId", "userId", role, fte, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'JOB_SPECIALIST', 0.8, now())`,
    [organizationId, newcomer.id],
  );
  page = await stack.newPage(1280);
  await signIn(page, stack.shellUrl, supervisor, '/');
  await page.getByTestId('inbox').waitFor();
});
afterAll(async () => {
  await stack?.close();
});

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

/** The page at 360 × 740: nothing wider than the screen. */
async function expectPhoneWidth(page: Page, name: string) {
  await page.setViewportSize({ width: 360, height: 740 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${name} scrolls sideways at 360 px`).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** On a failure: where the page was and what it showed (the run is slow to repeat). */
async function explained(page: Page, name: string, body: () => Promise<void>) {
  page.setDefaultTimeout(25_000);
  const started = Date.now();
  try {
    await body();
  } catch (error) {
    const text = await page
      .locator('body')
      .textContent({ timeout: 2_000 })
      .catch(() => null);
    console.error(
      `[${name}] after ${Date.now() - started} ms at ${page.url()}:\n${(text ?? '').slice(0, 1500)}`,
    );
    await page
      .screenshot({ path: join(ARTIFACTS, `supervisor-${name}.png`), fullPage: true })
      .catch(() => {});
    throw error;
  }
}

const one = async <T>(sql: string, params: unknown[]) =>
  (await stack.admin.query<T & Record<string, unknown>>(sql, params)).rows[0] as T | undefined;

describe('method supervisor: the weekly routine through the screens', () => {
  it('the supervisor holds the team meeting: minutes, an action point for a job specialist, distributed', async () => {
    await explained(page, 'meeting', async () => {
      await page.getByRole('link', { name: 'Teammøte', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Teammøte' }).waitFor();
      await page.getByRole('button', { name: 'Start nytt teammøte' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('mote')).toBeTruthy();
      meetingId = new URL(page.url()).searchParams.get('mote') as string;
      // Starting a meeting refetches the team's meetings: type once the page has its data. (Typed
      // minutes were once emptied here: the shell re-read the session on each change of address and
      // replaced the API client, remounting the screen — fixed, and guarded by the portfolio
      // browser test "moving between screens".)
      await page.waitForLoadState('networkidle');
      await page.getByLabel('Referat', { exact: true }).fill('Vi gikk gjennom nye i jobb. Kari følger opp.');
      await expect
        .poll(() => page.getByLabel('Referat', { exact: true }).inputValue())
        .toBe('Vi gikk gjennom nye i jobb. Kari følger opp.');
      await page.getByRole('button', { name: 'Lagre referat' }).click();
      await page.getByRole('status').filter({ hasText: 'Referatet er lagret.' }).waitFor();
      // The save refetches the meeting; a person types the action point after that, not within
      // the same milliseconds (one CI run found the date field empty at the click).
      await page.waitForLoadState('networkidle');
      const actions = page.getByRole('form', { name: 'Legg til aksjonspunkt' });
      await actions.getByLabel('Hva').fill('Besøk lageret på Alnabru');
      await actions.getByLabel('Ansvarlig').selectOption(specialist.id);
      await actions.getByLabel('Frist').fill(typedDay(7));
      await expect.poll(() => actions.getByLabel('Frist').inputValue()).toBe(typedDay(7));
      await actions.getByRole('button', { name: 'Legg til aksjonspunkt' }).click();
      await page.getByTestId('action-points').getByText('Besøk lageret på Alnabru').waitFor();
      await page.getByRole('button', { name: 'Send referatet til teamet' }).click();
      await expect
        .poll(async () =>
          Boolean(
            (
              await one<{ d: Date | null }>('SELECT "distributedAt" AS d FROM team_meeting WHERE id = $1', [
                meetingId,
              ])
            )?.d,
          ),
        )
        .toBe(true);
    });
  });

  it('the job specialist reads the distributed minutes and closes their action point', async () => {
    // The team meeting is in the job specialist's menu; the minutes and their own point are there.
    const member = await stack.newPage(1280);
    await explained(member, 'member', async () => {
      await signIn(member, stack.shellUrl, specialist.email, '/');
      await member.getByRole('link', { name: 'Teammøte', exact: true }).click();
      await member.getByRole('heading', { level: 1, name: 'Teammøte' }).waitFor();
      await member
        .getByTestId('distributed-minutes')
        .getByText('Vi gikk gjennom nye i jobb. Kari følger opp.')
        .waitFor();
      const mine = member.getByTestId('my-action-points');
      await mine.getByText('Besøk lageret på Alnabru').waitFor();
      // Only what the member may do: no meeting to start, no minutes to edit.
      expect(await member.getByRole('button', { name: 'Start nytt teammøte' }).count()).toBe(0);
      expect(await member.getByRole('textbox', { name: 'Referat' }).count()).toBe(0);
      await expectAccessible(member, 'team-meeting (member)');
      await expectPhoneWidth(member, 'team-meeting (member)');
      await mine.getByRole('button', { name: 'Merk som utført: Besøk lageret på Alnabru' }).click();
      await member.getByRole('status').filter({ hasText: 'Aksjonspunktet er merket som utført.' }).waitFor();
      const point = await one<{ status: string; ownerId: string }>(
        'SELECT status, "ownerId" FROM action_point WHERE "meetingId" = $1',
        [meetingId],
      );
      expect(point).toEqual({ status: 'DONE', ownerId: specialist.id });
      await member.getByText('Du har ingen åpne aksjonspunkter.').waitFor();
      await expectAccessible(member, 'team-meeting (member, point done)');
    });
    await member.context().close();
  });

  it('logs field mentoring', async () => {
    await explained(page, 'supervision', async () => {
      await page.getByRole('link', { name: 'Veiledning', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /^Veiledning/ }).waitFor();
      await page
        .getByText('Ingen feltveiledning ført inn ennå.')
        .or(page.getByTestId('mentoring-log'))
        .waitFor();
      await expectAccessible(page, 'supervision');

      const log = page.getByRole('form', { name: 'Før inn feltveiledningen' });
      await log.getByLabel('Jobbspesialist som ble observert').selectOption(specialist.id);
      const observer = await log.getByLabel('Observatør').locator('option').nth(1).getAttribute('value');
      await log.getByLabel('Observatør').selectOption(observer as string);
      await log.getByLabel('Dato').fill(typedDay(-1));
      await log.getByLabel('Møte', { exact: true }).selectOption('EMPLOYER_MEETING');
      await log
        .getByLabel('Tilbakemelding (valgfritt)')
        .fill('God forberedelse; spør mer om arbeidsoppgavene.');
      await log.getByRole('button', { name: 'Før inn feltveiledningen' }).click();
      await page.getByRole('status').filter({ hasText: 'Feltveiledningen er ført inn.' }).waitFor();
      await page
        .getByTestId('mentoring-log')
        .getByText('God forberedelse; spør mer om arbeidsoppgavene.')
        .waitFor();
      const mentoring = await one<{ observedSpecialistId: string; observerId: string; setting: string }>(
        `SELECT "observedSpecialistId", "observerId", setting FROM field_mentoring
       WHERE "teamId" = $1 AND feedback = 'God forberedelse; spør mer om arbeidsoppgavene.'`,
        [teamId],
      );
      expect(mentoring).toEqual({
        observedSpecialistId: specialist.id,
        observerId: observer,
        setting: 'EMPLOYER_MEETING',
      });
    });
  });
});

describe('method supervisor: portfolio review, members and target', () => {
  it('runs a quarterly portfolio review: the stalled cases found from data, the decisions recorded', async () => {
    await explained(page, 'review', async () => {
      const review = page.getByRole('form', { name: 'Gjennomfør gjennomgangen' });
      await review.getByLabel('Jobbspesialist', { exact: true }).selectOption(specialist.id);
      await review.getByLabel('Beslutninger (valgfritt)').fill('To saker tas opp i neste teammøte.');
      await review.getByRole('button', { name: 'Gjennomfør gjennomgangen' }).click();
      await page.getByRole('status').filter({ hasText: 'Porteføljegjennomgangen er registrert.' }).waitFor();
      const stored = await one<{ id: string; items: string; stalled: string }>(
        `SELECT r.id, (SELECT count(*) FROM portfolio_review_item i WHERE i."reviewId" = r.id) AS items,
              (SELECT count(*) FROM portfolio_review_item i WHERE i."reviewId" = r.id AND i.stalled) AS stalled
       FROM portfolio_review r WHERE r."teamId" = $1 AND r."specialistId" = $2 AND r.notes = 'To saker tas opp i neste teammøte.'`,
        [teamId, specialist.id],
      );
      expect(stored).toBeTruthy();
      const card = page.getByTestId('portfolio-reviews').locator('article').first();
      await card.getByText('To saker tas opp i neste teammøte.').waitFor();
      await card.getByText(`${Number(stored?.stalled)} har stått stille`).waitFor();
      expect(await card.locator('li').count()).toBe(Number(stored?.items));
      await expectAccessible(page, 'supervision (logged, reviewed)');
      await expectPhoneWidth(page, 'supervision');
    });
  });

  it('shows members with caseload against the ceiling, and sets a team target', async () => {
    await explained(page, 'team', async () => {
      await page.getByRole('link', { name: 'Teamet', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /^Teamet/ }).waitFor();
      // The specialist's caseload, as the database counts it, against the ceiling for their FTE.
      const counted = await one<{ n: string; fte: string }>(
        `SELECT (SELECT count(*) FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j."organizationId" = $2
                 AND j.phase <> 'DISCHARGED' AND j."deletedAt" IS NULL) AS n,
              (SELECT fte FROM membership WHERE "userId" = $1 AND "organizationId" = $2 AND "endedAt" IS NULL) AS fte`,
        [specialist.id, organizationId],
      );
      const members = page.getByTestId('team-members');
      const row = members.locator('li').filter({ hasText: specialist.name });
      await row
        .getByText(`Jobbsøkere: ${Number(counted?.n)} av høyst ${Math.floor(20 * Number(counted?.fte))}`)
        .waitFor();
      await expectAccessible(page, 'team-members');

      // A target, with what it means.
      const target = page.getByRole('form', { name: 'Nytt mål' });
      await target.getByLabel('Mål for').selectOption('JOB_STARTS_PER_SPECIALIST_PER_YEAR');
      await target.getByLabel('Verdi', { exact: true }).fill('14');
      await target.getByRole('button', { name: 'Sett målet' }).click();
      await page.getByRole('status').filter({ hasText: 'Målet er satt.' }).waitFor();
      await page
        .getByTestId('team-targets')
        .locator('[data-measure="JOB_STARTS_PER_SPECIALIST_PER_YEAR"]')
        .getByText('Gjeldende mål: 14')
        .waitFor();
      const stored = await one<{ value: string }>(
        `SELECT value FROM target WHERE "teamId" = $1 AND measure = 'JOB_STARTS_PER_SPECIALIST_PER_YEAR' AND "validUntil" IS NULL`,
        [teamId],
      );
      expect(Number(stored?.value)).toBe(14);
    });
  });

  it('adds a newly hired job specialist to the team and removes them again', async () => {
    await explained(page, 'members', async () => {
      const members = page.getByTestId('team-members');
      // The newcomer is added, then leaves again (no job seekers yet).
      const add = page.getByRole('form', { name: 'Legg til jobbspesialist' });
      await add.getByLabel('Jobbspesialist', { exact: true }).selectOption(newcomer.id);
      await add.getByRole('button', { name: 'Legg til jobbspesialist' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${newcomer.name} er lagt til i teamet.` })
        .waitFor();
      await members
        .locator('li')
        .filter({ hasText: newcomer.name })
        .getByText('Stillingsandel: 80 %')
        .waitFor();
      expect(
        await one<{ n: string }>(
          `SELECT count(*) AS n FROM team_member WHERE "teamId" = $1 AND "userId" = $2 AND "leftOn" IS NULL`,
          [teamId, newcomer.id],
        ),
      ).toEqual({ n: '1' });
      await expectAccessible(page, 'team-members (added)');
      await page.getByRole('button', { name: `Fjern ${newcomer.name} fra teamet` }).click();
      const remove = page.getByRole('form', { name: `Fjern ${newcomer.name} fra teamet` });
      await remove.getByLabel('Sluttdato i teamet').waitFor();
      await expectAccessible(page, 'team-members (removing)');
      await remove.getByRole('button', { name: 'Fjern fra teamet' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${newcomer.name} er fjernet fra teamet.` })
        .waitFor();
      await expect.poll(() => members.locator('li').filter({ hasText: newcomer.name }).count()).toBe(0);
      expect(
        await one<{ n: string }>(
          `SELECT count(*) AS n FROM team_member WHERE "teamId" = $1 AND "userId" = $2 AND "leftOn" IS NOT NULL`,
          [teamId, newcomer.id],
        ),
      ).toEqual({ n: '1' });
      await expectPhoneWidth(page, 'team-members');
    });
  });
});

describe('method supervisor: fidelity action items', () => {
  it('adds a fidelity action item by its item title and follows it up', async () => {
    await explained(page, 'fidelity', async () => {
      await page.getByRole('link', { name: 'Kvalitetsevaluering', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Kvalitetsevaluering (IPS-25)' }).waitFor();
      await page.getByLabel('Evaluatorer').fill('Kari Nordmann (NAV)');
      await page.getByRole('button', { name: 'Start ny evaluering' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('evaluering')).toBeTruthy();
      const reviewId = new URL(page.url()).searchParams.get('evaluering') as string;
      // Items by title, not by number only; a chosen score is shown whole.
      await page
        .getByTestId('fidelity-items')
        .getByText('Oppfølging ute i samfunnet', { exact: true })
        .waitFor();
      const score = page.getByLabel('Skår for punkt 24', { exact: true });
      await score.selectOption('4');
      await expect.poll(() => score.inputValue()).toBe('4');
      const fits = await score.evaluate((el) => (el as HTMLSelectElement).clientWidth >= 56);
      expect(fits).toBe(true);

      const add = page.getByRole('form', { name: 'Legg til tiltak' });
      await add
        .getByLabel('Tiltak', { exact: true })
        .fill('Flere møter med jobbsøkerne ute, ikke på kontoret');
      await add.getByLabel('Gjelder punkt (valgfritt)').selectOption('24');
      await add.getByLabel('Ansvarlig').selectOption(specialist.id);
      await add.getByLabel('Frist').fill(typedDay(30));
      await add.getByRole('button', { name: 'Legg til tiltak' }).click();
      const plan = page.getByTestId('action-plan');
      const item = plan.locator('li').filter({ hasText: 'Flere møter med jobbsøkerne ute' });
      await item.getByText('24. Oppfølging ute i samfunnet').waitFor();
      await item.getByText('åpen').waitFor();
      await expectAccessible(page, 'fidelity (action item)');

      await item
        .getByRole('button', { name: 'Følg opp: Flere møter med jobbsøkerne ute, ikke på kontoret' })
        .click();
      await item.getByLabel('Ny status').selectOption('DONE');
      await item.getByLabel('Oppfølging (valgfritt)').fill('Halvparten av møtene er nå ute.');
      await expectAccessible(page, 'fidelity (following up)');
      await item.getByRole('button', { name: 'Lagre oppfølgingen' }).click();
      await item.getByText('gjennomført').waitFor();
      await item.getByText('Halvparten av møtene er nå ute.').waitFor();
      const stored = await one<{ item: number; status: string; ownerId: string; followUpNote: string }>(
        `SELECT item, status, "ownerId", "followUpNote" FROM fidelity_action_item WHERE "reviewId" = $1`,
        [reviewId],
      );
      expect(stored).toEqual({
        item: 24,
        status: 'DONE',
        ownerId: specialist.id,
        followUpNote: 'Halvparten av møtene er nå ute.',
      });
      await expectPhoneWidth(page, 'fidelity');
    });
  });
});
