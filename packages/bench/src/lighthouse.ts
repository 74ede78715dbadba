/**
 * Lighthouse (12.2.3) on the admin's first screen: the signed-in portfolio of a job specialist,
 * empty HTTP cache, mobile and desktop, two runs each (`LH_RUNS`). The production build of the
 * shell and the four micro-frontends, served as the production image serves them (compressed;
 * src/static-admin.ts), the real API on a fresh database with the demo data, the development
 * sign-in, Debian's Chromium headless (`CHROMIUM_PATH`). Prints score, LCP, TBT, CLS, transferred
 * bytes, unused JavaScript, main-thread work and the machine's load. Not part of the test command.
 *
 *   pnpm --filter @ips/bench lighthouse          # builds the admin first (LH_SKIP_BUILD=1 to reuse)
 *
 * Ports: `LH_PORT_BASE` (default 7090) … +4. The build bakes the remotes' addresses in, so a
 * browser test run afterwards rebuilds for its own ports.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, readConfig } from '@ips/api';
import { defaultSeedOptions, seedDatabase } from '@ips/db/seed';
import { createTestDatabase, dropTemplate, prepareTemplate, startTestServer } from '@ips/db/testing';
import { startDevOidc } from '@ips/dev-oidc';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import pg from 'pg';
import pino from 'pino';
import puppeteer, { type Browser } from 'puppeteer-core';
import { serveStatic } from './static-admin.js';

const BASE = Number(process.env.LH_PORT_BASE ?? 7090);
const RUNS = Number(process.env.LH_RUNS ?? 2);
const REMOTES = ['portfolio', 'nav', 'team', 'organisation'] as const;
const PORTS = { shell: BASE, portfolio: BASE + 1, nav: BASE + 2, team: BASE + 3, organisation: BASE + 4 };
const apps = join(import.meta.dirname, '..', '..', '..', 'apps');
const REPORTS = join(import.meta.dirname, '..', 'lighthouse-results');

/** The remote's roles from the shell's own config.json (the same as the production ConfigMap's). */
function shellConfigRemote(name: string): { roles?: string[]; platformOperator?: boolean } {
  const config = JSON.parse(readFileSync(join(apps, 'admin-shell', 'public', 'config.json'), 'utf8')) as {
    remotes: { name: string; roles?: string[]; platformOperator?: boolean }[];
  };
  const r = config.remotes.find((x) => x.name === name);
  return {
    ...(r?.roles ? { roles: r.roles } : {}),
    ...(r?.platformOperator ? { platformOperator: true } : {}),
  };
}

/** The production build, each remote with the address it is served from (as the image builds it). */
function build() {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const r of REMOTES) env[`MF_${r.toUpperCase()}_BASE`] = `http://127.0.0.1:${PORTS[r]}/`;
  for (const app of ['mf-portfolio', 'mf-nav', 'mf-team', 'mf-organisation', 'admin-shell'])
    execFileSync(join(apps, app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: join(apps, app),
      stdio: 'inherit',
      env,
    });
}

async function startStack() {
  const server = await startTestServer();
  const template = await prepareTemplate(server.adminUrl, 'lighthouse');
  const db = await createTestDatabase(template);
  const shellUrl = `http://127.0.0.1:${PORTS.shell}`;
  const oidc = await startDevOidc({
    port: 0,
    databaseUrl: db.adminUrl,
    redirectUris: [`${shellUrl}/callback`],
    keyFile: join(await mkdtemp(join(tmpdir(), 'ips-lh-oidc-')), 'jwks.json'),
  });
  await seedDatabase(db.adminUrl, defaultSeedOptions({ devIssuer: oidc.issuer }));
  const api = await createApi(
    readConfig(
      {},
      {
        appDatabaseUrl: db.appUrl,
        port: 0,
        metricsPort: 0,
        sealIntervalMs: 0,
        outboxIntervalMs: 0,
        digestHour: null,
      },
    ),
    { logger: pino({ level: 'silent' }) },
  );
  const { url: apiUrl } = await api.listen();
  const config = {
    apiUrl: '/graphql',
    issuer: oidc.issuer,
    clientId: 'ips-admin',
    // As in production (infra/k8s/admin.yaml): each remote with the roles its menu serves.
    remotes: REMOTES.map((name) => ({
      name,
      entry: `http://127.0.0.1:${PORTS[name]}/remoteEntry.js`,
      ...shellConfigRemote(name),
    })),
  };
  const servers: Server[] = [
    await serveStatic({
      root: join(apps, 'admin-shell', 'dist'),
      port: PORTS.shell,
      shell: { config, api: apiUrl },
    }),
  ];
  for (const r of REMOTES)
    servers.push(await serveStatic({ root: join(apps, `mf-${r}`, 'dist'), port: PORTS[r] }));
  // The job specialist with the largest active portfolio (as the bench's portfolio workload).
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ email: string; n: string }>(
    `SELECT u.email, count(*) AS n FROM job_seeker j JOIN app_user u ON u.id = j."currentSpecialistId"
     JOIN membership m ON m."userId" = j."currentSpecialistId" AND m."organizationId" = j."organizationId" AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
     WHERE j."dischargedAt" IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  await admin.end();
  if (!rows[0]) throw new Error('the demo data has no job specialist with a portfolio');
  return {
    shellUrl,
    specialist: rows[0],
    async stop() {
      for (const s of servers) await new Promise((resolve) => s.close(resolve));
      await api.stop();
      await oidc.stop();
      await db.drop();
      await dropTemplate(template);
      await server.stop();
    },
  };
}

interface Figures {
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
  unusedJs: number;
  mainThread: number;
}

/** One Lighthouse run: a new browser context (empty cache), signed in, cache emptied again, measured. */
async function run(browser: Browser, shellUrl: string, email: string, formFactor: 'mobile' | 'desktop') {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(`${shellUrl}/portfolio?login_hint=${encodeURIComponent(email)}`);
  const signIn = await page.waitForSelector('xpath///button[normalize-space()="Logg inn"]');
  await signIn?.click();
  await page.waitForSelector('[data-testid="portfolio"]', { timeout: 60_000 });
  // The session (sessionStorage) stays; the HTTP cache goes: the first screen with an empty cache.
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  const result = await lighthouse(
    `${shellUrl}/portfolio`,
    { disableStorageReset: true, logLevel: 'error', onlyCategories: ['performance'] },
    formFactor === 'desktop' ? desktopConfig : undefined,
    page,
  );
  if (!result) throw new Error('Lighthouse gave no result');
  // Guard: the measured page is the signed-in portfolio, not the sign-in page.
  if (!(await page.$('[data-testid="portfolio"]'))) throw new Error('the measured page is not the portfolio');
  const { lhr } = result;
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(join(REPORTS, `${formFactor}-${Date.now()}.json`), JSON.stringify(lhr));
  await context.close();
  const audit = (id: string) => lhr.audits[id];
  const unused = audit('unused-javascript')?.details as { overallSavingsBytes?: number } | undefined;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: audit('largest-contentful-paint')?.numericValue ?? Number.NaN,
    tbt: audit('total-blocking-time')?.numericValue ?? Number.NaN,
    cls: audit('cumulative-layout-shift')?.numericValue ?? Number.NaN,
    bytes: audit('total-byte-weight')?.numericValue ?? Number.NaN,
    unusedJs: unused?.overallSavingsBytes ?? 0,
    mainThread: audit('mainthread-work-breakdown')?.numericValue ?? Number.NaN,
  } satisfies Figures;
}

/** Diagnostic (`LH_SHIFTS=1`): the layout shifts of a signed-in load at 360 × 740, with what moved. */
async function shifts(browser: Browser, shellUrl: string, email: string) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 360, height: 740 });
  await page.goto(`${shellUrl}/portfolio?login_hint=${encodeURIComponent(email)}`);
  await (await page.waitForSelector('xpath///button[normalize-space()="Logg inn"]'))?.click();
  await page.waitForSelector('[data-testid="portfolio"]', { timeout: 60_000 });
  // A string: this package has no DOM types; it runs in the page.
  await page.evaluateOnNewDocument(`window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__shifts.push(e.value.toFixed(3) + ' at ' + e.startTime.toFixed(0) + ' ms: ' + e.sources
          .map((s) => (s.node && s.node.outerHTML ? s.node.outerHTML.slice(0, 90) : s.node && s.node.nodeName) + ' ' + s.previousRect.y + '→' + s.currentRect.y)
          .join(' | '));
    }).observe({ type: 'layout-shift', buffered: true });`);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await page.reload();
  await page.waitForSelector('[data-testid="portfolio"]', { timeout: 60_000 });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const found = (await page.evaluate('window.__shifts')) as string[];
  await context.close();
  return found;
}

/**
 * Diagnostic (`LH_PROFILE=1`): where the main thread's time goes on a signed-in load with an empty
 * cache at Lighthouse's phone CPU (4× slower): a V8 CPU profile from navigation until the portfolio
 * shows and the page is quiet, self time summed per function and per script.
 */
async function profile(browser: Browser, shellUrl: string, email: string) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(`${shellUrl}/portfolio?login_hint=${encodeURIComponent(email)}`);
  await (await page.waitForSelector('xpath///button[normalize-space()="Logg inn"]'))?.click();
  await page.waitForSelector('[data-testid="portfolio"]', { timeout: 60_000 });
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.reload();
  await page.waitForSelector('table[data-testid="portfolio"] tbody tr', { timeout: 60_000 });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
  };
  await context.close();
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const perFunction = new Map<string, number>();
  const perScript = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const script = frame.url.replace(/^.*\//, '') || frame.functionName;
    const fn = `${frame.functionName || '(anonymous)'} ${script}:${frame.lineNumber + 1}`;
    perFunction.set(fn, (perFunction.get(fn) ?? 0) + ms);
    perScript.set(script, (perScript.get(script) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`);
  const busy = [...perScript.values()].reduce((a, b) => a + b, 0);
  return [
    `busy ${busy.toFixed(0)} ms (4× CPU slow-down), per script:`,
    ...top(perScript, 12),
    'per function:',
    ...top(perFunction, 30),
  ];
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
function line(label: string, f: Figures) {
  return [
    label.padEnd(10),
    String(f.score).padStart(5),
    `${(f.lcp / 1000).toFixed(1)} s`.padStart(8),
    `${f.tbt.toFixed(0)} ms`.padStart(8),
    f.cls.toFixed(3).padStart(6),
    kib(f.bytes).padStart(9),
    kib(f.unusedJs).padStart(10),
    `${(f.mainThread / 1000).toFixed(1)} s`.padStart(8),
  ].join(' ');
}

if (process.env.LH_SKIP_BUILD !== '1') build();
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const loadBefore = load();
const stack = await startStack();
// Chromium on the real clock (a run under IPS_TODAY's libfaketime would stall its timers).
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    (e): e is [string, string] => e[1] !== undefined && e[0] !== 'LD_PRELOAD' && !e[0].startsWith('FAKETIME'),
  ),
);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
  env,
});
const rows: string[] = [];
try {
  if (process.env.LH_SHIFTS === '1')
    for (const s of await shifts(browser, stack.shellUrl, stack.specialist.email)) console.log(`shift ${s}`);
  if (process.env.LH_PROFILE === '1')
    for (const l of await profile(browser, stack.shellUrl, stack.specialist.email)) console.log(l);
  for (const formFactor of ['mobile', 'desktop'] as const)
    for (let i = 1; i <= RUNS; i++)
      rows.push(
        line(`${formFactor} ${i}`, await run(browser, stack.shellUrl, stack.specialist.email, formFactor)),
      );
} finally {
  await browser.close();
  await stack.stop();
}
console.log(
  `\nLighthouse 12.2.3, signed-in portfolio (${stack.specialist.n} job seekers), empty cache; load average ${loadBefore} before, ${load()} after`,
);
console.log(`${'run'.padEnd(10)} score      LCP      TBT    CLS  transfer  unused JS main thr`);
for (const r of rows) console.log(r);
console.log(`reports: ${REPORTS}`);
