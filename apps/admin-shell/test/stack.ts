/**
 * The whole product for a browser test: a fresh database with the demo data, the development OIDC
 * provider, the API over HTTP, the built shell and micro-frontend served by `vite preview` (the
 * shell proxies /graphql to the API), and Debian's Chromium driven by playwright-core.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, readConfig } from '@ips/api';
import { defaultSeedOptions, seedDatabase } from '@ips/db/seed';
import { createTestDatabase, type TestTemplate } from '@ips/db/testing';
import { startDevOidc } from '@ips/dev-oidc';
import pg from 'pg';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { PORTS } from './global-setup.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '..', 'test-results');

export interface AdminStack {
  shellUrl: string;
  admin: pg.Client;
  browser: Browser;
  config: Record<string, unknown>;
  /** A page that gets this stack's config.json (issuer, remotes). */
  newPage(width?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startAdminStack(
  template: TestTemplate,
  /** `clock`: the API's clock (a test drives deadlines through time with it; the browser's is `page.clock`). */
  options: { clock?: () => Date } = {},
): Promise<AdminStack> {
  const db = await createTestDatabase(template);
  const shellUrl = `http://127.0.0.1:${PORTS.shell}`;
  const oidc = await startDevOidc({
    port: 0,
    databaseUrl: db.adminUrl,
    redirectUris: [`${shellUrl}/callback`],
    keyFile: join(await mkdtemp(join(tmpdir(), 'ips-admin-oidc-')), 'jwks.json'),
  });
  await seedDatabase(db.adminUrl, defaultSeedOptions({ devIssuer: oidc.issuer }));
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
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
        // The built admin runs against the API as production runs it: only the documents in the
        // trusted-documents manifest are accepted (ADR 0023), so a screen whose document is not
        // in the manifest fails its browser test.
        trustedDocuments: join(import.meta.dirname, '..', '..', 'api', 'trusted-documents.json'),
        trustedDocumentsOnly: true,
      },
    ),
    { logger: pino({ level: 'silent' }), ...(options.clock ? { clock: options.clock } : {}) },
  );
  const { url: apiUrl } = await api.listen();
  const apps = join(import.meta.dirname, '..', '..');
  const shell = await preview({
    root: join(apps, 'admin-shell'),
    configFile: join(apps, 'admin-shell', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: PORTS.shell, strictPort: true, proxy: { '/graphql': apiUrl } },
  });
  const portfolio = await preview({
    root: join(apps, 'mf-portfolio'),
    configFile: join(apps, 'mf-portfolio', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: PORTS.portfolio, strictPort: true, cors: true },
  });
  const nav = await preview({
    root: join(apps, 'mf-nav'),
    configFile: join(apps, 'mf-nav', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: PORTS.nav, strictPort: true, cors: true },
  });
  const team = await preview({
    root: join(apps, 'mf-team'),
    configFile: join(apps, 'mf-team', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: PORTS.team, strictPort: true, cors: true },
  });
  const organisation = await preview({
    root: join(apps, 'mf-organisation'),
    configFile: join(apps, 'mf-organisation', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: PORTS.organisation, strictPort: true, cors: true },
  });
  // Chromium runs on the real clock even in a run at another date (IPS_TODAY: libfaketime in every
  // process, docs/adr/0015): under libfaketime its own timers stall. A page's day comes from the
  // API, and a test that needs the browser's clock moves it with playwright's `page.clock`.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'LD_PRELOAD' && !entry[0].startsWith('FAKETIME'),
    ),
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], env });
  mkdirSync(ARTIFACTS, { recursive: true });
  const config = {
    apiUrl: '/graphql',
    issuer: oidc.issuer,
    clientId: 'ips-admin',
    remotes: [
      { name: 'portfolio', entry: `http://127.0.0.1:${PORTS.portfolio}/remoteEntry.js` },
      { name: 'nav', entry: `http://127.0.0.1:${PORTS.nav}/remoteEntry.js` },
      { name: 'team', entry: `http://127.0.0.1:${PORTS.team}/remoteEntry.js` },
      { name: 'organisation', entry: `http://127.0.0.1:${PORTS.organisation}/remoteEntry.js` },
    ],
  };
  return {
    shellUrl,
    admin,
    browser,
    config,
    async newPage(width = 1280) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nb-NO' });
      const page = await context.newPage();
      // Browser errors end up in the test output (and fail nothing by themselves).
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      page.on('response', (r) => {
        if (process.env.DEBUG_BROWSER) console.error(`[browser] ${r.status()} ${r.url().slice(0, 120)}`);
        if (r.status() >= 400)
          void r
            .text()
            .catch(() => '')
            .then((body) =>
              console.error(
                `[browser] ${r.status()} ${r.request().method()} ${r.url()} ${body.slice(0, 300)}`,
              ),
            );
      });
      // IPS_RECORD_DOCUMENTS=<file>: every GraphQL document the built admin sends, one JSON line each
      // (to compare with the trusted-documents manifest, ADR 0023).
      const recordTo = process.env.IPS_RECORD_DOCUMENTS;
      if (recordTo)
        page.on('request', (r) => {
          if (!r.url().endsWith('/graphql') || r.method() !== 'POST') return;
          const query = (r.postDataJSON() as { query?: unknown } | null)?.query;
          if (typeof query === 'string') appendFileSync(recordTo, `${JSON.stringify(query)}\n`);
        });
      page.on('console', (m) => {
        if (m.type() === 'error') console.error(`[browser console] ${m.text()}`);
      });
      await page.route('**/config.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
      );
      return page;
    },
    async close() {
      for (const step of [
        () => browser.close(),
        () => new Promise<void>((resolve) => shell.httpServer.close(() => resolve())),
        () => new Promise<void>((resolve) => portfolio.httpServer.close(() => resolve())),
        () => new Promise<void>((resolve) => nav.httpServer.close(() => resolve())),
        () => new Promise<void>((resolve) => team.httpServer.close(() => resolve())),
        () => new Promise<void>((resolve) => organisation.httpServer.close(() => resolve())),
        () => api.stop(),
        () => oidc.stop(),
        () => admin.end(),
        () => db.drop(),
      ])
        await step().catch(() => {});
    },
  };
}

/** Signs in through the OIDC provider as the demo user with this e-mail, starting at `path`. */
export async function signIn(page: Page, shellUrl: string, email: string, path = '/'): Promise<void> {
  await page.goto(
    `${shellUrl}${path}${path.includes('?') ? '&' : '?'}login_hint=${encodeURIComponent(email)}`,
  );
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => url.origin === shellUrl && url.pathname !== '/callback', {
    timeout: 30_000,
  });
}
