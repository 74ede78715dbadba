/**
 * `pnpm start`: the product on one machine — the database (embedded PostgreSQL with demo data
 * unless DATABASE_URL is set) and the API. Ctrl-C stops both cleanly.
 */

import { join } from 'node:path';
import { PortInUseError, prepareDatabase, redact } from '@ips/db';
import { readConfig } from './config.js';
import { createApi } from './server.js';

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
const config = readConfig({
  ...process.env,
  APP_DATABASE_URL: process.env.APP_DATABASE_URL ?? env.appUrl,
  ...(mail ? { SMTP_URL: mail.url } : {}),
});
const api = await createApi(config);
// Development sign-in: a real OIDC provider (code + PKCE) for the demo users. Never in production.
const oidc = config.production
  ? null
  : await import('@ips/dev-oidc').then((m) =>
      m.startDevOidc({ ...m.devOidcOptionsFromEnv(), databaseUrl: env.adminUrl }),
    );
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping …`);
  // The API first (bounded: a stuck client must not keep the database from a clean shutdown).
  await Promise.race([api.stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 3_000))]);
  await oidc?.stop().catch(() => {});
  await mail?.stop().catch(() => {});
  await env.stop();
  console.log('Stopped cleanly.');
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
try {
  const { url } = await api.listen();
  console.log(`\nIPS platform running${env.embedded ? ' (embedded PostgreSQL)' : ''}.`);
  console.log(`  API:      ${url}/graphql   (health: ${url}/healthz, ready: ${url}/readyz)`);
  console.log(`  database: ${redact(env.adminUrl)}`);
  if (oidc) console.log(`  sign-in:  ${oidc.issuer}   (demo users, no password: development only)`);
  if (mail) console.log(`  e-mail:   ${mail.url}   (development sink: messages kept in .data/mail)`);
  console.log('Press Ctrl-C to stop.');
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `\nPort ${config.port} is already in use: set API_PORT to another port.\n`
      : `\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  await oidc?.stop().catch(() => {});
  await env.stop();
  process.exit(1);
}
