/**
 * `pnpm start`: the product on one machine — the database (embedded PostgreSQL with demo data
 * unless DATABASE_URL is set), the API, the development sign-in (dev OIDC), the development mail
 * sink and the built admin. `pnpm start:api` (`--api-only`, or `IPS_ADMIN=off`) leaves the admin
 * out: database, API, sign-in and mail sink only. Every port comes from the environment: PGPORT,
 * API_PORT, OIDC_DEV_PORT, DEV_SMTP_PORT. Ctrl-C stops everything cleanly.
 */

import { join } from 'node:path';
import { ConfigError, createApi, readConfig } from '@ips/api';
import { PortInUseError, prepareDatabase, redact } from '@ips/db';
import pg from 'pg';
import pino from 'pino';

const apiOnly = process.argv.includes('--api-only') || process.env.IPS_ADMIN === 'off';
// The dev sign-in on another port: its issuer (which the seed stores as trusted) follows, unless
// given. Set before the database is prepared, so a first start seeds that issuer.
if (process.env.OIDC_DEV_PORT && !process.env.OIDC_DEV_ISSUER) {
  process.env.OIDC_DEV_ISSUER = `http://127.0.0.1:${process.env.OIDC_DEV_PORT}`;
}

let env: Awaited<ReturnType<typeof prepareDatabase>>;
try {
  env = await prepareDatabase();
} catch (error) {
  console.error(
    `\n${error instanceof PortInUseError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
// Development mail: without SMTP_URL, a local SMTP sink keeps every e-mail in .data/mail.
const production = process.env.NODE_ENV === 'production';
const mail =
  production || process.env.SMTP_URL
    ? null
    : await import('./dev-mail.js')
        .then((m) =>
          m.startDevMailSink(
            process.env.DEV_MAIL_DIR ?? join(process.cwd(), '..', '..', '.data', 'mail'),
            Number(process.env.DEV_SMTP_PORT ?? 2525),
          ),
        )
        .catch((error: unknown) => {
          console.warn(
            `Development mail sink not started (${(error as Error).message}); e-mails wait in the outbox.`,
          );
          return null;
        });
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig({
    ...process.env,
    APP_DATABASE_URL: process.env.APP_DATABASE_URL ?? env.appUrl,
    ...(mail ? { SMTP_URL: mail.url } : {}),
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`\n${error.message}\n`);
  await mail?.stop().catch(() => {});
  await env.stop();
  process.exit(1);
}
const api = await createApi(config);
const jobs = config.jobs
  ? await import('@ips/api/jobs').then((m) =>
      m.startJobs({
        connectionString: config.appDatabaseUrl,
        digestHour: config.digestHour,
        log: pino({ level: config.logLevel, base: { service: 'ips-jobs' } }),
      }),
    )
  : null;
// Development sign-in: a real OIDC provider (code + PKCE) for the demo users. Never in production.
const oidc = config.production
  ? null
  : await import('@ips/dev-oidc').then((m) =>
      m.startDevOidc({ ...m.devOidcOptionsFromEnv(), databaseUrl: env.adminUrl }),
    );
let admin: { url: string; stop(): Promise<void> } | null = null;

/** One demo user per role, to sign in with. */
async function printDemoUsers(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ role: string; email: string }>(
      `SELECT DISTINCT ON (m.role) m.role, u.email FROM membership m JOIN app_user u ON u.id = m."userId"
       WHERE m."endedAt" IS NULL ORDER BY m.role, u.email`,
    );
    for (const r of rows) console.log(`            ${r.role.padEnd(22)} ${r.email}`);
  } catch {
    // The list is a convenience; the admin works without it.
  } finally {
    await client.end().catch(() => {});
  }
}

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping …`);
  // The API first (bounded: a stuck client must not keep the database from a clean shutdown).
  await Promise.race([
    Promise.all([jobs?.stop().catch(() => {}), api.stop().catch(() => {})]),
    new Promise((resolve) => setTimeout(resolve, 3_000)),
  ]);
  await admin?.stop().catch(() => {});
  await oidc?.stop().catch(() => {});
  await mail?.stop().catch(() => {});
  await env.stop();
  console.log('Stopped cleanly.');
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
try {
  const { url, metricsUrl } = await api.listen();
  console.log(`\nIPS platform running${env.embedded ? ' (embedded PostgreSQL)' : ''}.`);
  console.log(`  API:      ${url}/graphql   (health: ${url}/healthz, ready: ${url}/readyz)`);
  if (metricsUrl) console.log(`  metrics:  ${metricsUrl}/metrics`);
  console.log(`  database: ${redact(env.adminUrl)}`);
  if (oidc) console.log(`  sign-in:  ${oidc.issuer}   (demo users, no password: development only)`);
  if (mail) console.log(`  e-mail:   ${mail.url}   (development sink: messages kept in .data/mail)`);
  if (!production && apiOnly) {
    console.log('  admin:    not started (API only); `pnpm start` serves it');
    if (oidc) await printDemoUsers(env.adminUrl);
  } else if (!production) {
    // The admin (built by `pnpm start`): shell and micro-frontends, each served on its own.
    // The admin owns how it is served (`@ips/admin-shell/serve`); loaded only when it is needed.
    admin = await import('@ips/admin-shell/serve')
      .then((m) => m.serveAdmin(url))
      .catch((error: unknown) => {
        console.warn(`  admin:    not started (${(error as Error).message}); run \`pnpm build\` first`);
        return null;
      });
    if (admin) {
      console.log(`  admin:    ${admin.url}   (sign in as one of the demo users below)`);
      await printDemoUsers(env.adminUrl);
    }
  }
  console.log('Press Ctrl-C to stop.');
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `\nA port is already in use (API_PORT ${config.port}, API_METRICS_PORT ${config.metricsPort}): set another.\n`
      : `\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  await oidc?.stop().catch(() => {});
  await jobs?.stop().catch(() => {});
  await env.stop();
  process.exit(1);
}
