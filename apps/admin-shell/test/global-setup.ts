/**
 * Browser tests run against the built admin: the shell and each micro-frontend are built once here
 * (the remote with the address it is served from), and one PostgreSQL serves the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dropTemplate, prepareTemplate, startTestServer, type TestTemplate } from '@ips/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    ipsTemplate: TestTemplate;
  }
}

function withoutTestEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of Object.keys(copy)) if (key.startsWith('VITEST') || key === 'TEST') delete copy[key];
  return copy;
}

/** Fixed ports (the remotes' addresses are built into the shell); `IPS_BROWSER_PORT_BASE` moves them, so two checkouts can run their browser tests at once. */
const base = Number(process.env.IPS_BROWSER_PORT_BASE ?? 5183);
export const PORTS = {
  shell: base,
  portfolio: base + 1,
  nav: base + 2,
  team: base + 3,
  organisation: base + 4,
} as const;

/** Debian's Chromium, installed from Debian's packages when missing and we may (never a downloaded browser). */
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    });
    if (existsSync(path)) return;
  }
  throw new Error(
    `The browser tests drive Debian's Chromium at ${path}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`,
  );
}

/**
 * `vite build` of one app. The federation plugin sometimes decides a remote's module graph is
 * parsed before it is, on a loaded machine, and the build fails with every export of a shared
 * module missing (`MISSING_EXPORT … loadShare__react`; ADR 0021 §7): that failure, and only that
 * one, is built again (at most twice more), as the ADR's operations note says to.
 */
function buildApp(apps: string, app: string): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      execFileSync(join(apps, app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
        cwd: join(apps, app),
        stdio: ['ignore', 'inherit', 'pipe'],
        // A production build, as deployed: not the test run's NODE_ENV / VITEST (the federation
        // plugin leaves the remote entry out of test builds).
        env: { ...withoutTestEnv(process.env), NODE_ENV: 'production' },
      });
      return;
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
      process.stderr.write(stderr);
      const race = /MISSING_EXPORT/.test(stderr) && /loadShare/.test(stderr);
      if (!race || attempt >= 3) throw error;
      console.warn(`${app}: the federation plugin's early-parse race (ADR 0021 §7); building again`);
    }
  }
}

export default async function setup(project: TestProject) {
  ensureChromium();
  const apps = join(import.meta.dirname, '..', '..');
  process.env.MF_PORTFOLIO_BASE = `http://127.0.0.1:${PORTS.portfolio}/`;
  process.env.MF_NAV_BASE = `http://127.0.0.1:${PORTS.nav}/`;
  process.env.MF_TEAM_BASE = `http://127.0.0.1:${PORTS.team}/`;
  process.env.MF_ORGANISATION_BASE = `http://127.0.0.1:${PORTS.organisation}/`;
  // Built as each app builds itself (`vite build` in its folder: the federation plugin resolves
  // its entries from the working directory).
  for (const app of ['mf-portfolio', 'mf-nav', 'mf-team', 'mf-organisation', 'admin-shell'])
    buildApp(apps, app);
  const server = await startTestServer();
  const template = await prepareTemplate(server.adminUrl, 'admin');
  project.provide('ipsTemplate', template);
  return async () => {
    await dropTemplate(template);
    await server.stop();
  };
}
