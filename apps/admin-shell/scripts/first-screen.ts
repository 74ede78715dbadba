/**
 * Measures the admin as users get it, against a running `pnpm start` (default
 * http://127.0.0.1:5173; `ADMIN_URL` to change): the JavaScript the shell needs before its first
 * screen (sum of gzip sizes), the time from navigation to the sign-in page, and — signed in as the
 * demo job specialist — the time from navigation to the portfolio table, cold (new browser context)
 * and warm (reload). Prints figures; asserts nothing. Debian's Chromium (`CHROMIUM_PATH`).
 *
 *   pnpm start            # in one terminal
 *   pnpm --filter @ips/admin-shell measure:first-screen
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

const ADMIN = process.env.ADMIN_URL ?? 'http://127.0.0.1:5173';
const EMAIL = process.env.DEMO_EMAIL; // default: the first specialist the sign-in page lists
const RUNS = Number(process.env.RUNS ?? 5);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});

/** JavaScript fetched until `done` resolves, by origin: raw and gzip bytes. */
async function scripts(page: Page, done: () => Promise<unknown>) {
  const seen: { url: string; raw: number; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    pending.push(
      r.body().then(
        (body) =>
          void seen.push({ url: r.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        () => undefined,
      ),
    );
  });
  await done();
  await Promise.all(pending);
  return seen;
}

const ms = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms (min ${sorted[0]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}, n=${sorted.length})`;
};

// 1. The shell's own JavaScript up to its first screen (the sign-in redirect starts after it ran).
const first = await (await browser.newContext()).newPage();
const shellOrigin = new URL(ADMIN).origin;
const loaded = await scripts(first, async () => {
  await first.goto(`${ADMIN}/portfolio`);
  await first.getByRole('button', { name: 'Logg inn' }).waitFor({ timeout: 30_000 });
});
const shell = loaded.filter((s) => s.url.startsWith(shellOrigin));
const sum = (rows: typeof loaded, k: 'raw' | 'gzip') => rows.reduce((n, r) => n + r[k], 0);
console.log(`admin at ${ADMIN}`);
console.log(
  `shell JavaScript before the first screen: ${shell.length} files, ${(sum(shell, 'gzip') / 1024).toFixed(1)} KiB gzip (${(sum(shell, 'raw') / 1024).toFixed(0)} KiB raw)`,
);
for (const s of shell)
  console.log(`  ${(s.gzip / 1024).toFixed(1).padStart(7)} KiB gzip  ${s.url.slice(shellOrigin.length)}`);
const email =
  EMAIL ??
  (await first.locator('text=/@/').allTextContents())
    .map((t) => t.match(/[\w.+-]+@[\w.-]+/)?.[0])
    .find(Boolean);
await first.context().close();

// 2. Navigation → the sign-in page (cold: a new context each time).
const toSignIn: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const page = await (await browser.newContext()).newPage();
  const t0 = performance.now();
  await page.goto(`${ADMIN}/portfolio`);
  await page.getByRole('button', { name: 'Logg inn' }).waitFor();
  toSignIn.push(performance.now() - t0);
  await page.context().close();
}
console.log(`navigation → sign-in page (cold):        ${ms(toSignIn)}`);

// 3. Signed in: navigation → the portfolio table, cold (first load in the context) and warm (reload).
const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
await page.goto(`${ADMIN}/portfolio${email ? `?login_hint=${encodeURIComponent(email)}` : ''}`);
await page.getByRole('button', { name: 'Logg inn' }).click();
const t0 = performance.now();
await page.getByTestId('portfolio').waitFor({ timeout: 60_000 });
const afterSignIn = performance.now() - t0;
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  await page.reload();
  await page.getByTestId('portfolio').waitFor();
  warm.push(performance.now() - t);
}
console.log(
  `sign-in → portfolio table (first load):  ${afterSignIn.toFixed(0)} ms (as ${email ?? 'the first listed user'})`,
);
console.log(`reload → portfolio table (warm, signed in): ${ms(warm)}`);
await browser.close();
