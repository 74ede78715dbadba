/**
 * Seed 000 in the browser alone (issue 15, "Done when"): a job specialist signs in and, through the
 * screens only, walks one job seeker from referral to discharge — referral → intake → consents →
 * career profile → employer contact → job start with an employer meeting and a support plan →
 * follow-up meetings → job end → contact within three days → a new job → tapering → discharge —
 * and then downloads a journal note as PDF and marks one as entered in the patient record.
 *
 * Time is injected, never waited for: the API's clock (`startAdminStack(…, { clock })`) and the
 * browser's (`page.clock`) are moved together to each day of the walk, so every duty is seen to
 * appear, to warn ("Snart frist"), to turn overdue ("Forfalt") and to close on screen on the right
 * day in Oslo — twice at 00:30 in Oslo, when the day in UTC is still the day before. The walk lives
 * in the past (it starts about 240 days before the run's today and ends before it), so PostgreSQL's
 * own now() — which judges consents and memberships in row-level security — is never behind the
 * API's clock (docs/adr/0015). Under IPS_TODAY the whole run, this test included, is shifted.
 *
 * Token expiry when the clock jumps: oidc-client-ts stamps the signed-in user's `expires_at` with
 * the browser's clock at sign-in (the access token lives 15 minutes), and the shell drops an
 * expired user when a page loads. So after each jump of the browser's clock the specialist signs in
 * again — as one would, opening the laptop the next morning. The API checks the token against the
 * real clock, where it is fresh. (Moving the clock in steps smaller than the token's life was the
 * alternative: hundreds of steps for a walk of months.)
 *
 * Only the signed-in specialist and an unused identity number are picked by SQL before the walk;
 * after that nothing but the screens, then read-only SQL to check what the screens claim.
 *
 * Each task's clicks and typed fields are counted (`Tally`) and written to
 * test-results/specialist-tasks-<width>.json; each is held to an upper bound (`BOUNDS`), so a
 * change that adds clicks to a task fails here (docs/specialist-tasks.md). The whole walk runs at
 * 1280 × 900; the steps a specialist does in the field (the profile, the employer contact, job
 * start and end, the follow-up meeting and the call after a job ended) run again at 360 × 740 with
 * a new job seeker, in one day. No horizontal scroll and no serious or critical axe violations in
 * any new page state.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AdminStack, ARTIFACTS, signIn, startAdminStack } from './stack.js';

// ---------------------------------------------------------------------------------------------
// The injected clock: one offset from the real clock, shared by the API and the browser.

/** How far the walk's world is from the real clock (ms); the API's clock reads it on each request. */
let offsetMs = 0;
const worldNow = () => new Date(Date.now() + offsetMs);

/** Europe/Oslo's offset from UTC at an instant, in minutes. */
function osloOffsetMinutes(at: Date): number {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(part ?? '');
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}
/** The instant of an Oslo wall-clock time on an Oslo day. */
function oslo(day: string, time: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const first = new Date(guess.getTime() - osloOffsetMinutes(guess) * 60_000);
  return new Date(guess.getTime() - osloOffsetMinutes(first) * 60_000);
}
const osloDayOf = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(at);
const utcDayOf = (at: Date) => at.toISOString().slice(0, 10);
function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
/** One calendar month later, clamped to the month's last day (as the API's date-fns addMonths). */
function addOneMonth(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}
/** dd.mm.åååå, as shown and as a Norwegian types a day into a date field. */
const typed = (day: string) => day.split('-').reverse().join('.');

// ---------------------------------------------------------------------------------------------
// Counting clicks and typed fields per task.

interface Tally {
  clicks: number;
  typed: number;
}
/**
 * Upper bounds per task (as measured, docs/specialist-tasks.md): a change that makes a task take
 * more clicks or more typing fails here. A click is a button, link, tab, checkbox, radio or a choice
 * in a list; a typed field is any field filled in (a date typed as dd.mm.åååå included).
 */
const BOUNDS: Record<string, Tally> = {
  'Henvise ny jobbsøker (fra Min portefølje)': { clicks: 3, typed: 3 },
  'Registrere inntak (i dag)': { clicks: 1, typed: 0 },
  'Registrere et samtykke (fra i dag, uten sluttdato)': { clicks: 2, typed: 0 },
  'Skrive karriereprofilen': { clicks: 3, typed: 3 },
  'Arbeidsgiverkontakt fra fristen (Mine frister)': { clicks: 3, typed: 0 },
  'Registrere jobbstart med møte med arbeidsgiver': { clicks: 7, typed: 4 },
  'Lage jobbstøtteplan': { clicks: 3, typed: 1 },
  'Møte med arbeidsgiver fra fristen (Mine frister)': { clicks: 3, typed: 0 },
  'Oppfølgingsmøte fra fristen (Mine frister)': { clicks: 2, typed: 0 },
  'Avtale et møte fram i tid': { clicks: 3, typed: 2 },
  'Registrere et avtalt møte som holdt': { clicks: 3, typed: 0 },
  'Registrere at jobben er avsluttet': { clicks: 3, typed: 1 },
  'Kontakt på telefon etter jobbslutt fra fristen (Mine frister)': { clicks: 3, typed: 0 },
  'Registrere ny jobbstart uten møte med arbeidsgiver': { clicks: 6, typed: 4 },
  'Planlegge nedtrapping i jobbstøtteplanen': { clicks: 2, typed: 2 },
  'Skrive ut fra porteføljen': { clicks: 4, typed: 0 },
  'Laste ned et journalnotat som PDF': { clicks: 2, typed: 0 },
  'Markere et journalnotat som ført i journal': { clicks: 1, typed: 0 },
};

class Counter {
  /** Each task's tallies, one per time it was done in the walk. */
  readonly tasks = new Map<string, Tally[]>();
  private current: Tally | null = null;
  task(name: string) {
    expect(BOUNDS[name], `a bound for "${name}"`).toBeDefined();
    const tally = { clicks: 0, typed: 0 };
    this.tasks.set(name, [...(this.tasks.get(name) ?? []), tally]);
    this.current = tally;
  }
  /** Not part of any task (getting somewhere the table's row starts from). */
  none() {
    this.current = null;
  }
  private get tally(): Tally {
    if (!this.current) throw new Error('a counted action outside a task');
    return this.current;
  }
  async click(target: Locator) {
    this.tally.clicks++;
    await target.click();
  }
  async check(target: Locator, checked = true) {
    this.tally.clicks++;
    await target.setChecked(checked);
  }
  async choose(target: Locator, option: string | { label: string } | { index: number }) {
    this.tally.clicks++;
    await target.selectOption(option);
  }
  async fill(target: Locator, value: string) {
    this.tally.typed++;
    await target.fill(value);
  }
  /** Types an Oslo day into an Aksel date field (dd.mm.åååå, then leaves the field). */
  async day(target: Locator, day: string) {
    this.tally.typed++;
    await target.fill(typed(day));
    await target.press('Tab');
  }
}

// ---------------------------------------------------------------------------------------------

let stack: AdminStack;
let specialist = { email: '', organizationId: '' };
const numbers: string[] = [];

/** The two mod-11 check digits of a fødselsnummer (null when one would be 10). */
function withCheckDigits(firstNine: string): string | null {
  const digit = (digits: number[], weights: number[]) => {
    const r = 11 - (digits.reduce((s, d, i) => s + d * (weights[i] as number), 0) % 11);
    return r === 11 ? 0 : r === 10 ? null : r;
  };
  const d = [...firstNine].map(Number);
  const k1 = digit(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === null) return null;
  const k2 = digit([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k2 === null ? null : `${firstNine}${k1}${k2}`;
}

beforeAll(async () => {
  stack = await startAdminStack(inject('ipsTemplate'), { clock: worldNow });
  // A job specialist of one organisation with employers in its register (every demo tenant allows
  // synthetic identity numbers).
  const { rows } = await stack.admin.query<typeof specialist>(
    `SELECT u.email, m."organizationId" FROM app_user u JOIN membership m ON m."userId" = u.id AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
     WHERE (SELECT count(DISTINCT "organizationId") FROM membership x WHERE x."userId" = u.id AND x."endedAt" IS NULL) = 1
       AND (SELECT count(*) FROM employer e WHERE e."organizationId" = m."organizationId") >= 1
       AND EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = u.id)
     ORDER BY u.email LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the demo data has no job specialist of one organisation with employers');
  specialist = rows[0];
  // Two synthetic numbers (born 12.05.1994, month + 80) that no job seeker has.
  for (let individual = 311; numbers.length < 2 && individual < 600; individual++) {
    const n = withCheckDigits(`128594${individual}`);
    if (!n) continue;
    const taken = await stack.admin.query('SELECT 1 FROM job_seeker WHERE "identityNumber" = $1', [n]);
    if (!taken.rowCount) numbers.push(n);
  }
});
afterAll(async () => {
  await stack?.close();
});

const DUTY = {
  contact: 'Første arbeidsgiverkontakt innen én måned etter inntak',
  employerMeeting: 'Møte med arbeidsgiver siste uka før jobbstart',
  followUp: 'Første oppfølgingsmøte innen tre dager etter jobbstart',
  afterEnd: 'Kontakt jobbsøker senest tre dager etter at jobben ble avsluttet',
} as const;
const STATUS = { UPCOMING: 'Kommende', DUE: 'Snart frist', OVERDUE: 'Forfalt' } as const;

/** One specialist at one screen size, walking one job seeker. */
class Session {
  readonly count = new Counter();
  id = '';
  private readonly started = Date.now();
  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly width: number,
    readonly name: string,
  ) {}

  /** Where a slow or failing run got to. */
  log(step: string) {
    console.info(`[seed000-walk ${this.width}] +${Math.round((Date.now() - this.started) / 1000)} s ${step}`);
  }

  /** A new page state: no horizontal scroll, axe without serious or critical violations. */
  async check(state: string, screenshot = false) {
    const { page } = this;
    const label = `${state}-${this.width}`;
    this.log(label);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect({ state: label, fits: scroll <= client }).toEqual({ state: label, fits: true });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${label}: ${v.id} (${v.nodes.length})`)).toEqual([]);
    if (screenshot) await page.screenshot({ path: join(ARTIFACTS, `seed000-${label}.png`), fullPage: true });
  }

  /** Starts the world (the API's and the browser's clocks) at an Oslo day and time, and signs in. */
  async begin(day: string, time: string, path: string) {
    const at = oslo(day, time);
    offsetMs = at.getTime() - Date.now();
    await this.context.clock.install({ time: at });
    await signIn(this.page, stack.shellUrl, specialist.email, path);
  }

  /**
   * Moves the world to an Oslo day and time and signs in again there (the token the browser holds
   * has expired by its own clock), landing at `path`.
   */
  async travel(day: string, time: string, path: string) {
    this.log(`travel to ${day} ${time}`);
    const at = oslo(day, time);
    offsetMs = at.getTime() - Date.now();
    await this.context.clock.setSystemTime(at);
    await this.page.evaluate(() => sessionStorage.clear()).catch(() => {});
    await signIn(this.page, stack.shellUrl, specialist.email, path);
  }
  /** The browser's day in Oslo. */
  browserDay() {
    return this.page.evaluate(() =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date()),
    );
  }
  async toPerson(day: string, time: string, tab = '') {
    await this.travel(day, time, `/portfolio/${encodeURIComponent(this.id)}${tab ? `?tab=${tab}` : ''}`);
    await this.page.getByRole('heading', { level: 1, name: this.name }).waitFor();
    expect(await this.browserDay()).toBe(day);
  }
  async toDeadlines(day: string, time: string) {
    await this.travel(day, time, '/deadlines');
    await this.page.getByRole('heading', { level: 1, name: 'Mine frister' }).waitFor();
    expect(await this.browserDay()).toBe(day);
  }
  /** "Mine frister" from the menu (no new sign-in; the list is read again). */
  async openDeadlines() {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Mine frister' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Mine frister' }).waitFor();
  }

  /** The row of a duty of this job seeker in "Mine frister". */
  deadlineRow(duty: string) {
    return this.page
      .getByTestId('deadlines')
      .getByRole('row')
      .filter({ hasText: this.name })
      .filter({ hasText: duty });
  }
  /** A duty in the person page's "Åpne frister". */
  personDuty(duty: string) {
    return this.page.locator('section[aria-labelledby="deadlines-heading"] li').filter({ hasText: duty });
  }
  private async expectTag(scope: Locator, status: keyof typeof STATUS, dueOn: string) {
    await scope.getByText(STATUS[status], { exact: true }).waitFor();
    expect(await scope.textContent()).toContain(typed(dueOn));
    const tag = scope.locator('[data-color]').filter({ hasText: STATUS[status] });
    expect(await tag.getAttribute('data-color')).toBe(
      status === 'OVERDUE' ? 'danger' : status === 'DUE' ? 'warning' : 'info',
    );
  }
  /** The duty in "Mine frister" with this status (and its colour) and due day. */
  expectRow(duty: string, status: keyof typeof STATUS, dueOn: string) {
    return this.expectTag(this.deadlineRow(duty), status, dueOn);
  }
  /** The duty on the person page with this status (and its colour) and due day. */
  expectOnPerson(duty: string, status: keyof typeof STATUS, dueOn: string) {
    return this.expectTag(this.personDuty(duty), status, dueOn);
  }
  async expectClosedOnPerson(duty: string) {
    await this.page.getByRole('tab', { name: 'Oversikt' }).click();
    await this.page.locator('section[aria-labelledby="deadlines-heading"]').waitFor();
    await expect.poll(() => this.personDuty(duty).count()).toBe(0);
  }
}

const meetingForm = (page: Page) => page.locator('#meeting-form');
const jobStartForm = (page: Page) => page.locator('form[aria-labelledby="job-start-heading"]');

async function refer(s: Session, day: string, w: NewJobSeeker) {
  const { page, count } = s;
  await page.getByRole('heading', { level: 1, name: 'Min portefølje' }).waitFor();
  count.task('Henvise ny jobbsøker (fra Min portefølje)');
  await count.click(page.getByRole('button', { name: 'Ny henvisning' }));
  await page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();
  expect(await page.getByRole('textbox', { name: 'Henvist dato' }).inputValue()).toBe(typed(day));
  await count.fill(page.getByLabel('Fødselsnummer eller D-nummer'), w.identityNumber);
  await count.fill(page.getByLabel('Fornavn'), w.givenName);
  await count.fill(page.getByLabel('Etternavn'), w.familyName);
  await count.check(page.getByRole('radio', { name: 'Ja' }));
  await s.check('referral');
  await count.click(page.getByRole('button', { name: 'Registrer henvisning' }));
  await page.getByRole('heading', { level: 1, name: s.name }).waitFor();
  s.id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

/** The intake today: the first employer contact is due a month later (seed 003, principle 6). */
async function intake(s: Session, day: string) {
  const { page, count } = s;
  await page.getByRole('heading', { name: 'Registrer inntakssamtale' }).waitFor();
  count.task('Registrere inntak (i dag)');
  await count.click(page.getByRole('button', { name: 'Registrer inntak' }));
  await expect.poll(() => page.getByRole('heading', { name: 'Registrer inntakssamtale' }).count()).toBe(0);
  await s.expectOnPerson(DUTY.contact, 'UPCOMING', addOneMonth(day));
  await s.check('after-intake');
}

async function consent(s: Session, scope: string, day: string, axe: boolean) {
  const { page, count } = s;
  count.task('Registrere et samtykke (fra i dag, uten sluttdato)');
  await count.click(page.getByRole('button', { name: `Registrer samtykke: ${scope}` }));
  const form = page.getByRole('form', { name: `Registrer samtykke: ${scope}` });
  expect(await form.getByLabel('Gyldig fra').inputValue()).toBe(typed(day));
  if (axe) await s.check('consent-form');
  await count.click(form.getByRole('button', { name: 'Lagre' }));
  await page
    .getByRole('status')
    .filter({ hasText: `Samtykket er registrert: ${scope}.` })
    .waitFor();
}

async function careerProfile(s: Session) {
  const { page, count } = s;
  count.task('Skrive karriereprofilen');
  const profile = page.locator('section[aria-labelledby="profile-heading"]');
  await count.click(profile.getByRole('button', { name: 'Skriv karriereprofil' }));
  const editor = page.getByRole('form', { name: 'Karriereprofil' });
  await count.fill(editor.getByLabel('Interesser', { exact: true }), 'Matlaging, å jobbe med folk');
  await count.fill(editor.getByLabel('Styrker', { exact: true }), 'Punktlig, rolig under press');
  await count.fill(editor.getByLabel('Ønsker', { exact: true }), 'Deltid på dagtid til å begynne med');
  await count.choose(editor.getByLabel('Åpenhet om helse overfor arbeidsgiver'), 'PARTIAL');
  await s.check('profile-editor');
  await count.click(editor.getByRole('button', { name: 'Lagre profilen' }));
  await profile.getByRole('status').filter({ hasText: 'lagret som versjon 1' }).waitFor();
  await s.check('profile-saved', true);
}

/** From "Mine frister": the duty's link opens the employer-contact form; a face-to-face contact now. */
async function employerContactFromDuty(s: Session, day: string) {
  const { page, count } = s;
  count.task('Arbeidsgiverkontakt fra fristen (Mine frister)');
  await count.click(s.deadlineRow(DUTY.contact).getByRole('link', { name: DUTY.contact }));
  const form = page.locator('#employer-contact-form');
  await form.waitFor();
  const employer = form.getByLabel('Arbeidsgiver');
  await expect.poll(() => employer.locator('option').count()).toBeGreaterThan(1);
  await count.choose(employer, { index: 1 });
  expect(await form.getByRole('textbox', { name: 'Dato' }).inputValue()).toBe(typed(day));
  await s.check('employer-contact-form');
  await count.click(form.getByRole('button', { name: 'Registrer kontakten' }));
  await page.getByText(/^Kontakten med .+ er registrert\.$/).waitFor();
  await s.expectClosedOnPerson(DUTY.contact);
}

async function jobStart(
  s: Session,
  job: { title: string; code: string; start: string; hours: string; meeting: boolean },
) {
  const { page, count } = s;
  count.task(
    job.meeting
      ? 'Registrere jobbstart med møte med arbeidsgiver'
      : 'Registrere ny jobbstart uten møte med arbeidsgiver',
  );
  await count.click(page.getByRole('button', { name: 'Registrer jobbstart' }));
  const form = jobStartForm(page);
  await count.fill(form.getByLabel('Stillingstittel'), job.title);
  await count.fill(form.getByLabel('Yrkeskode (STYRK-08)'), job.code);
  const employer = form.getByLabel('Arbeidsgiver', { exact: true });
  await expect.poll(() => employer.locator('option').count()).toBeGreaterThan(1);
  await count.choose(employer, { index: 1 });
  await count.day(form.getByRole('textbox', { name: 'Startdato', exact: true }), job.start);
  await count.fill(form.getByLabel('Timer per uke'), job.hours);
  await count.check(form.getByLabel('På det ordinære arbeidsmarkedet (en vanlig arbeidsplass)'));
  await count.check(form.getByLabel('Lønn minst etter tariff eller minstelønn'));
  await count.check(
    form.getByLabel('Åpen for alle å søke, ikke reservert for personer med funksjonsnedsettelse'),
  );
  await form.getByText('Jobben teller som ordinært lønnet arbeid.').waitFor();
  if (job.meeting)
    await count.check(form.getByLabel('Jobbsøkeren ønsker et møte med arbeidsgiver før start'));
  if (job.meeting || s.width < 1280) await s.check('job-start-form');
  await count.click(form.getByRole('button', { name: 'Registrer jobbstart' }));
  await page.getByText(`Jobbstarten som ${job.title} er registrert.`).waitFor();
}

async function supportPlan(s: Session, responsibility: string, axe: boolean) {
  const { page, count } = s;
  count.task('Lage jobbstøtteplan');
  await count.click(page.getByRole('tab', { name: 'Jobbstøtteplan' }));
  await count.click(page.getByRole('button', { name: 'Lag jobbstøtteplan' }));
  const form = page.locator('form[aria-labelledby^="new-plan-"]');
  await count.fill(form.getByLabel('Ansvar'), responsibility);
  if (axe) await s.check('new-support-plan');
  await count.click(form.getByRole('button', { name: 'Lagre planen' }));
  await page.getByText('Planen er laget. Du kan endre den under.').waitFor();
}

/** From "Mine frister": the duty's link opens the meeting form with the purpose that closes it. */
async function meetingFromDuty(
  s: Session,
  task: string,
  duty: string,
  purpose: string,
  fill: (form: Locator) => Promise<void> = async () => {},
  state = '',
) {
  const { page, count } = s;
  count.task(task);
  await count.click(s.deadlineRow(duty).getByRole('link', { name: duty }));
  const form = meetingForm(page);
  await form.waitFor();
  expect(await form.getByLabel('Formål').inputValue()).toBe(purpose);
  await fill(form);
  if (state) await s.check(state);
  await count.click(form.getByRole('button', { name: 'Registrer møtet' }));
  await page.getByText('Møtet er registrert.').waitFor();
  await s.expectClosedOnPerson(duty);
}

/** The job ends (end date typed, the day learned of it today): the 3-day contact duty opens. */
async function jobEnd(s: Session, title: string, endDate: string, learned: string) {
  const { page, count } = s;
  count.task('Registrere at jobben er avsluttet');
  const job = page.locator('li[data-employment]').filter({ hasText: title });
  await count.click(job.getByRole('button', { name: 'Avslutt jobben' }));
  const form = page.locator('form[aria-labelledby^="job-end-"]');
  expect(await form.getByRole('textbox', { name: 'Dagen du fikk vite det' }).inputValue()).toBe(
    typed(learned),
  );
  await count.day(form.getByRole('textbox', { name: 'Sluttdato', exact: true }), endDate);
  await count.check(form.getByLabel('Jobbsøkeren', { exact: true }));
  await s.check('job-end-form');
  await count.click(form.getByRole('button', { name: 'Registrer at jobben er avsluttet' }));
  await page.getByText('Jobben er registrert som avsluttet.').waitFor();
  await s.expectOnPerson(DUTY.afterEnd, 'DUE', addDays(learned, 3));
  await s.check('job-ended', true);
}

/**
 * A phone call closes the contact after a job ends (seed 000 §8: any contact). The kind of contact
 * is one choice; the place follows it (a phone call is remote).
 */
const byPhone = (s: Session) => async (form: Locator) => {
  await s.count.check(form.getByRole('radio', { name: 'Telefon' }));
};

// ---------------------------------------------------------------------------------------------

interface NewJobSeeker {
  givenName: string;
  familyName: string;
  identityNumber: string;
}

/** The whole path at a desk, with the clock moved to each day a duty changes. */
async function deskWalk(s: Session, w: NewJobSeeker) {
  const day1 = await referToFirstContact(s, w);
  const start = await firstJob(s, day1);
  await bookedMeeting(s, addDays(start, 14));
  const newJob = await jobEndAndNewJob(s, start);
  await taperAndDischarge(s, newJob);
  await journalNotes(s);
  await pathInDatabase(s);
}

/** Referral, intake, consents, the profile; the first employer contact's duty to overdue and closed. */
async function referToFirstContact(s: Session, w: NewJobSeeker): Promise<string> {
  // Day 0: about 240 days before the run's today; the walk ends before today.
  const d0 = addDays(osloDayOf(new Date()), -240);
  await s.begin(d0, '09:00', '/portfolio');
  await refer(s, d0, w);
  await intake(s, d0);
  // Consents: contact with the employer (seed 000 §3) and with the health team.
  await consent(s, 'Kontakt med arbeidsgiver', d0, true);
  await consent(s, 'Samarbeid med helseteamet', d0, false);
  await careerProfile(s);

  // The first employer contact: appears, warns on its Oslo day, turns overdue, closes.
  const contactDue = addOneMonth(d0);
  await s.openDeadlines();
  await s.expectRow(DUTY.contact, 'UPCOMING', contactDue);
  // The evening before the warning starts: still upcoming.
  await s.toDeadlines(addDays(contactDue, -8), '23:30');
  await s.expectRow(DUTY.contact, 'UPCOMING', contactDue);
  // 00:30 in Oslo the next day (in UTC still the day before): it warns.
  await s.toDeadlines(addDays(contactDue, -7), '00:30');
  expect(utcDayOf(worldNow())).toBe(addDays(contactDue, -8));
  await s.expectRow(DUTY.contact, 'DUE', contactDue);
  await s.check('deadlines-due', true);
  // 00:30 the day after the due day (in UTC still the due day): overdue; the specialist acts on it.
  const day1 = addDays(contactDue, 1);
  await s.toDeadlines(day1, '00:30');
  expect(utcDayOf(worldNow())).toBe(contactDue);
  await s.expectRow(DUTY.contact, 'OVERDUE', contactDue);
  await s.check('deadlines-overdue');
  await employerContactFromDuty(s, day1);
  return day1;
}

/** A job start with an employer meeting, its plan, and the first follow-up on its last day. */
async function firstJob(s: Session, day1: string): Promise<string> {
  const { count } = s;
  // A job start a week ahead, with an employer meeting wanted (seed 000 §4.1): the meeting is due
  // the day before the start and warns from a week before — today; the first follow-up is due
  // three days after the start (§7).
  const start = addDays(day1, 7);
  await jobStart(s, { title: 'Kokk', code: '5120', start, hours: '30', meeting: true });
  await s.expectOnPerson(DUTY.employerMeeting, 'DUE', addDays(start, -1));
  await s.expectOnPerson(DUTY.followUp, 'UPCOMING', addDays(start, 3));
  await supportPlan(s, 'Samtale hver uke den første måneden.', true);

  // The day before the start: the employer meeting, from its duty.
  await s.toDeadlines(addDays(start, -1), '09:00');
  await s.expectRow(DUTY.employerMeeting, 'DUE', addDays(start, -1));
  await s.expectRow(DUTY.followUp, 'UPCOMING', addDays(start, 3));
  await meetingFromDuty(
    s,
    'Møte med arbeidsgiver fra fristen (Mine frister)',
    DUTY.employerMeeting,
    'EMPLOYER_MEETING_BEFORE_START',
    (form) => count.check(form.getByRole('checkbox', { name: 'Arbeidsgiver' })),
    'employer-meeting-form',
  );
  await s.expectOnPerson(DUTY.followUp, 'UPCOMING', addDays(start, 3));

  // The third day after the start at 23:30: still due, not overdue; the follow-up closes it.
  const lastDay = addDays(start, 3);
  await s.toDeadlines(lastDay, '23:30');
  await s.expectRow(DUTY.followUp, 'DUE', lastDay);
  await meetingFromDuty(
    s,
    'Oppfølgingsmøte fra fristen (Mine frister)',
    DUTY.followUp,
    'FOLLOW_ALONG',
    async (form) =>
      expect(await form.getByRole('textbox', { name: 'Dato' }).inputValue()).toBe(typed(lastDay)),
    'follow-up-form',
  );
  return start;
}

/** The plan's second face-to-face meeting, booked ahead, then recorded from the booking on its day. */
async function bookedMeeting(s: Session, second: string) {
  const { page, count } = s;
  // Booked ahead for the 14th day.
  await page.getByRole('tab', { name: 'Kontakter og møter' }).click();
  count.task('Avtale et møte fram i tid');
  await count.click(page.getByRole('button', { name: 'Registrer eller avtal møte' }));
  const form = meetingForm(page);
  await count.click(form.getByText('Avtale et møte fram i tid'));
  await count.day(form.getByRole('textbox', { name: 'Dato' }), second);
  await count.fill(form.getByLabel('Klokkeslett'), '10:00');
  await count.click(form.getByRole('button', { name: 'Avtal møtet' }));
  await page.getByText('Møtet er avtalt.').waitFor();
  await page
    .getByTestId('planned-meetings')
    .getByText(`${typed(second)} kl. 10:00`)
    .waitFor();
  await s.check('meeting-booked', true);

  // On its day, after it was held: recorded from the booking.
  await s.toPerson(second, '11:00');
  count.task('Registrere et avtalt møte som holdt');
  await count.click(page.getByRole('tab', { name: 'Kontakter og møter' }));
  await count.click(
    page.getByTestId('planned-meetings').getByRole('button', { name: 'Registrer som holdt' }),
  );
  await form.waitFor();
  await count.click(form.getByRole('button', { name: 'Registrer møtet' }));
  await page.getByText('Møtet er registrert.').waitFor();
  await page
    .locator('section[aria-labelledby="planned-heading"]')
    .getByText('Ingen avtalte møter.')
    .waitFor();
}

/** The job ends and a phone call closes the 3-day contact; a new job without an employer meeting. */
async function jobEndAndNewJob(s: Session, start: string): Promise<string> {
  const { page } = s;
  // The job ends; the specialist learns of it the day after: three days to make contact (§8).
  const learned = addDays(start, 30);
  await s.toPerson(learned, '09:00');
  await jobEnd(s, 'Kokk', addDays(learned, -1), learned);
  // The third day in the evening: still due; a phone call closes it.
  const contactBy = addDays(learned, 3);
  await s.toDeadlines(contactBy, '21:00');
  await s.expectRow(DUTY.afterEnd, 'DUE', contactBy);
  await meetingFromDuty(
    s,
    'Kontakt på telefon etter jobbslutt fra fristen (Mine frister)',
    DUTY.afterEnd,
    'JOB_END_FOLLOW_UP',
    byPhone(s),
    'phone-contact-form',
  );

  // A new job from today, no employer meeting wanted: the first follow-up warns at once; its plan.
  const newJob = addDays(learned, 10);
  await s.toPerson(newJob, '08:00');
  await jobStart(s, {
    title: 'Kjøkkenassistent',
    code: '9412',
    start: newJob,
    hours: '22,5',
    meeting: false,
  });
  await s.expectOnPerson(DUTY.followUp, 'DUE', addDays(newJob, 3));
  expect(await s.personDuty(DUTY.employerMeeting).count()).toBe(0);
  await supportPlan(s, 'Samtale annenhver uke.', false);
  await s.openDeadlines();
  await s.expectRow(DUTY.followUp, 'DUE', addDays(newJob, 3));
  await meetingFromDuty(s, 'Oppfølgingsmøte fra fristen (Mine frister)', DUTY.followUp, 'FOLLOW_ALONG');
  await page
    .locator('section[aria-labelledby="deadlines-heading"]')
    .getByText('Ingen åpne frister.')
    .waitFor();
  return newJob;
}

/** Tapering in the newest plan after months of stable work, then discharge. */
async function taperAndDischarge(s: Session, newJob: string) {
  const { page, count } = s;
  // Tapering after months of stable work (seed 000 §9), in the newest plan.
  await s.toPerson(addDays(newJob, 120), '10:00', 'plan');
  count.task('Planlegge nedtrapping i jobbstøtteplanen');
  await count.click(page.getByRole('button', { name: 'Endre planen' }).first());
  const planEditor = page.locator('form[aria-labelledby="sp-edit-heading"]');
  await count.fill(planEditor.getByLabel('Plan for nedtrapping'), 'Samtale hver måned fram til sommeren.');
  await count.fill(planEditor.getByLabel('Hva er endret'), 'Nedtrapping');
  await s.check('tapering-form');
  await count.click(planEditor.getByRole('button', { name: 'Lagre ny versjon' }));
  await page.getByText('Planen er lagret som versjon 2.').waitFor();

  // Discharge a month later, stable in work (RL4434).
  await s.toPerson(addDays(newJob, 150), '10:00');
  count.task('Skrive ut fra porteføljen');
  await count.click(page.getByRole('button', { name: 'Skriv ut fra porteføljen' }));
  await count.choose(page.getByLabel('Årsak'), { label: 'Stabil i arbeid' });
  await count.click(page.getByRole('button', { name: 'Gå videre' }));
  await s.check('discharge-confirm');
  await count.click(page.getByRole('button', { name: 'Bekreft utskriving' }));
  await page.getByTestId('discharge-done').getByText('Fase: Utskrevet').waitFor();
  await s.check('discharged', true);
}

/** The journal notes: one downloaded as PDF, one marked as entered in the patient record. */
async function journalNotes(s: Session) {
  const { page, count } = s;
  // The journal notes: one downloaded as PDF, one marked as entered in the patient record.
  count.task('Laste ned et journalnotat som PDF');
  await count.click(page.getByRole('tab', { name: 'Journalnotater' }));
  await page.getByTestId('journal-notes').waitFor();
  const pending = page.locator('section[aria-labelledby="jn-pending-heading"] li');
  await expect.poll(() => pending.count()).toBeGreaterThanOrEqual(5);
  await s.check('journal-notes');
  const note = pending.first();
  const title = (await note.getByRole('heading').first().textContent()) ?? '';
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    count.click(note.getByRole('button', { name: 'Last ned PDF' })),
  ]);
  expect(download.suggestedFilename()).toMatch(/^journalnotat-[a-z-]+-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await readFile(await download.path())).subarray(0, 5).toString()).toBe('%PDF-');
  count.task('Markere et journalnotat som ført i journal');
  await count.click(note.getByRole('button', { name: 'Marker som ført i journal' }));
  await page.getByText('Notatet er markert som ført i journal.').waitFor();
  await page
    .locator('section[aria-labelledby="jn-entered-heading"]')
    .getByRole('heading', { name: title })
    .waitFor();
  await s.check('journal-note-entered', true);
  count.none();
}

/** What the screens said, in the database (read only). */
async function pathInDatabase(s: Session) {
  const jobSeekerId = Buffer.from(s.id, 'base64').toString().split(':')[1];
  const { rows: phases } = await stack.admin.query<{ p: string }>(
    `SELECT string_agg("toPhase"::text, ',' ORDER BY "changedAt", id) AS p FROM job_seeker_phase_change WHERE "jobSeekerId" = $1`,
    [jobSeekerId],
  );
  expect(phases[0]?.p).toBe('REFERRED,INTAKE,CAREER_PROFILING,EMPLOYED,JOB_SEARCH,EMPLOYED,DISCHARGED');
  const { rows: tasks } = await stack.admin.query<{ rule: string; status: string }>(
    `SELECT rule::text, status::text FROM task WHERE "jobSeekerId" = $1`,
    [jobSeekerId],
  );
  expect(tasks.filter((t) => t.status === 'OPEN')).toEqual([]);
  expect(tasks.map((t) => t.rule).sort()).toEqual(
    [
      'CONTACT_AFTER_JOB_END',
      'EMPLOYER_MEETING_BEFORE_START',
      'FIRST_EMPLOYER_CONTACT',
      'FIRST_FOLLOW_UP_AFTER_START',
      'FIRST_FOLLOW_UP_AFTER_START',
    ].sort(),
  );
  const { rows: entered } = await stack.admin.query<{ n: string }>(
    `SELECT count(*) AS n FROM journal_note WHERE "jobSeekerId" = $1 AND "recordedInJournalAt" IS NOT NULL`,
    [jobSeekerId],
  );
  expect(Number(entered[0]?.n)).toBe(1);
}

/**
 * The field steps on a phone (contacts, meetings, job start and end, the profile), in one day: a
 * new job seeker is referred and taken in (so the walk needs nothing but the screens), gets a
 * profile, an employer contact, a job start, the follow-up, the job's end and the phone call.
 */
async function phoneWalk(s: Session, w: NewJobSeeker) {
  const day = addDays(osloDayOf(new Date()), -30);
  await s.begin(day, '10:00', '/portfolio');
  await refer(s, day, w);
  await intake(s, day);
  await consent(s, 'Kontakt med arbeidsgiver', day, true);
  await careerProfile(s);
  await s.openDeadlines();
  await s.expectRow(DUTY.contact, 'UPCOMING', addOneMonth(day));
  await s.check('deadlines');
  await employerContactFromDuty(s, day);
  await jobStart(s, { title: 'Servitør', code: '5131', start: day, hours: '20', meeting: false });
  await s.expectOnPerson(DUTY.followUp, 'DUE', addDays(day, 3));
  await s.check('job-started');
  await s.openDeadlines();
  await meetingFromDuty(
    s,
    'Oppfølgingsmøte fra fristen (Mine frister)',
    DUTY.followUp,
    'FOLLOW_ALONG',
    undefined,
    'follow-up-form',
  );
  await jobEnd(s, 'Servitør', day, day);
  await s.openDeadlines();
  await meetingFromDuty(
    s,
    'Kontakt på telefon etter jobbslutt fra fristen (Mine frister)',
    DUTY.afterEnd,
    'JOB_END_FOLLOW_UP',
    byPhone(s),
    'phone-contact-form',
  );
  s.count.none();
}

async function runAt(width: number, height: number, w: NewJobSeeker, path: typeof deskWalk) {
  const context = await stack.browser.newContext({
    viewport: { width, height },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    acceptDownloads: true,
  });
  await context.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(stack.config) }),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  const s = new Session(context, page, width, `${w.givenName} ${w.familyName}`);
  try {
    await path(s, w);
    const measured = Object.fromEntries(s.count.tasks);
    await writeFile(
      join(ARTIFACTS, `specialist-tasks-${width}.json`),
      `${JSON.stringify({ width, height, tasks: measured }, null, 2)}\n`,
    );
    console.info(`[seed000-walk ${width}] ${JSON.stringify(measured)}`);
    // Each time a task is done (a consent, a support plan, a follow-up from its duty) it keeps its bound.
    const over = [...s.count.tasks].flatMap(([task, tallies]) =>
      tallies
        .filter((t) => t.clicks > (BOUNDS[task] as Tally).clicks || t.typed > (BOUNDS[task] as Tally).typed)
        .map((t) => `${task}: ${t.clicks} clicks, ${t.typed} typed`),
    );
    expect(over).toEqual([]);
    // At the desk every task of the table is done and counted.
    if (path === deskWalk) expect([...s.count.tasks.keys()].sort()).toEqual(Object.keys(BOUNDS).sort());
  } catch (error) {
    await page.screenshot({ path: join(ARTIFACTS, `seed000-failure-${width}.png`), fullPage: true });
    throw error;
  } finally {
    offsetMs = 0;
    await context.close();
  }
}

describe('seed 000 in the browser alone', () => {
  it('walks a job seeker from referral to discharge at 1280 px, every duty on its Oslo day', async () => {
    await runAt(
      1280,
      900,
      { givenName: 'Sigrid', familyName: 'Walkmo', identityNumber: numbers[0] as string },
      deskWalk,
    );
    // Every task of the table was done and counted at the desk.
  }, 720_000);

  it('does the field steps on a phone, 360 × 740', async () => {
    await runAt(
      360,
      740,
      { givenName: 'Tora', familyName: 'Feltvik', identityNumber: numbers[1] as string },
      phoneWalk,
    );
  }, 420_000);
});
