/**
 * The weekly team meeting in a real browser against the real API: the supervisor starts a meeting
 * and sees the agenda the API pre-filled; writes and saves the minutes; while writing on, a
 * colleague saves: the draft is shown in conflict (both texts side by side), nothing is overwritten
 * until the supervisor chooses to save on top; adds an action point; distributes the minutes. Everything is checked in the database and after
 * a reload; axe clean.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

let stack: AdminStack;
let supervisor = '';
let teamId = '';

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query<{ email: string; teamId: string }>(
    `SELECT u.email, tm."teamId" FROM team_member tm JOIN app_user u ON u.id = tm."userId"
     WHERE tm.role = 'METHOD_SUPERVISOR' AND tm."leftOn" IS NULL
       AND (SELECT count(DISTINCT "organizationId") FROM membership m WHERE m."userId" = u.id AND m."endedAt" IS NULL) = 1
       AND (SELECT count(*) FROM team_member x WHERE x."userId" = u.id AND x.role = 'METHOD_SUPERVISOR' AND x."leftOn" IS NULL) = 1
     ORDER BY u.email LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no method supervisor of one team');
  ({ email: supervisor, teamId } = rows[0]);
});
afterAll(async () => {
  await stack?.close();
});

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

describe('method supervisor: the team meeting', () => {
  it('starts a meeting with the pre-filled agenda, saves minutes through a conflict, adds an action point, distributes', async () => {
    const page = await stack.newPage(1280);
    await signIn(page, stack.shellUrl, supervisor, '/team-meeting');
    await page.getByRole('heading', { level: 1, name: 'Teammøte' }).waitFor();
    await page.getByRole('button', { name: 'Start nytt teammøte' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('mote')).toBeTruthy();
    const meetingId = new URL(page.url()).searchParams.get('mote') as string;
    const items = Number(
      (
        await stack.admin.query<{ n: string }>(
          'SELECT count(*) AS n FROM team_meeting_agenda_item WHERE "meetingId" = $1',
          [meetingId],
        )
      ).rows[0]?.n,
    );
    expect(items).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('agenda').locator(':scope > li').count()).toBe(items);
    await expectAccessible(page, 'team-meeting');

    // Minutes, saved.
    await page
      .getByLabel('Referat', { exact: true })
      .fill('Gjennomgang av nye i jobb og stillestående saker.');
    await page.getByRole('button', { name: 'Lagre referat' }).click();
    await page.getByRole('status').filter({ hasText: 'Referatet er lagret.' }).waitFor();

    // The supervisor writes on; meanwhile a colleague saves the minutes. Adding an action point
    // brings the colleague's version in: the draft is in conflict at once, nothing is overwritten.
    await page.getByLabel('Referat', { exact: true }).fill('Referat etter møtet, endelig versjon.');
    await stack.admin.query(
      `UPDATE team_meeting SET minutes = 'Endret av en kollega', version = version + 1 WHERE id = $1`,
      [meetingId],
    );
    // Typed into the date picker as dd.mm.åååå.
    const due = new Date(Date.now() + 7 * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .split('-')
      .reverse()
      .join('.');
    const actions = page.getByRole('form', { name: 'Legg til aksjonspunkt' });
    await actions.getByLabel('Hva').fill('Ring arbeidsgiver om arbeidstid');
    const owner = await actions.getByLabel('Ansvarlig').locator('option').nth(1).getAttribute('value');
    await actions.getByLabel('Ansvarlig').selectOption(owner as string);
    await actions.getByLabel('Frist').fill(due);
    await actions.getByRole('button', { name: 'Legg til aksjonspunkt' }).click();
    await page.getByTestId('action-points').getByText('Ring arbeidsgiver om arbeidstid').waitFor();
    const { rows: points } = await stack.admin.query<{ ownerId: string }>(
      `SELECT a."ownerId" FROM action_point a WHERE a."meetingId" = $1`,
      [meetingId],
    );
    expect(points).toEqual([{ ownerId: owner }]);

    const conflict = page.getByRole('alert').filter({ hasText: 'Referatet er endret av noen andre' });
    await conflict.waitFor();
    const compare = conflict.getByTestId('minutes-compare');
    await compare.getByText('Endret av en kollega').waitFor();
    await compare.getByText('Referat etter møtet, endelig versjon.').waitFor();
    const stored = async () =>
      (
        await stack.admin.query<{ minutes: string }>('SELECT minutes FROM team_meeting WHERE id = $1', [
          meetingId,
        ])
      ).rows[0]?.minutes;
    expect(await stored()).toBe('Endret av en kollega');
    // Nothing can be sent on top of an unseen version: saving and distributing wait for a choice.
    expect(await page.getByRole('button', { name: 'Lagre referat' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send referatet til teamet' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'team-meeting-conflict');
    await page.screenshot({ path: join(ARTIFACTS, 'team-meeting-conflict-1280.png'), fullPage: true });
    await conflict.getByRole('button', { name: 'Lagre mitt oppå' }).click();
    await page.getByRole('status').filter({ hasText: 'Referatet er lagret.' }).waitFor();
    expect(await stored()).toBe('Referat etter møtet, endelig versjon.');

    // Distributed, and all of it is there after a reload.
    await page.getByRole('button', { name: 'Send referatet til teamet' }).click();
    await expect
      .poll(async () =>
        Boolean(
          (
            await stack.admin.query<{ d: Date | null }>(
              'SELECT "distributedAt" AS d FROM team_meeting WHERE id = $1',
              [meetingId],
            )
          ).rows[0]?.d,
        ),
      )
      .toBe(true);
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Referat', { exact: true }).inputValue())
      .toBe('Referat etter møtet, endelig versjon.');
    await page.getByTestId('action-points').getByText('Ring arbeidsgiver om arbeidstid').waitFor();
    expect(teamId).toBeTruthy();
    await page.context().close();
  });
});
