/**
 * `pnpm --filter @ips/dev-oidc start`: the development OIDC provider on its own, against the
 * database in DATABASE_URL (the admin URL of the product database; `pnpm start` of the API prints
 * it). Ctrl-C stops it.
 */
import { devOidcOptionsFromEnv, startDevOidc } from './index.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    '\nDATABASE_URL is not set: give the admin connection string of the product database, e.g.\n' +
      '  DATABASE_URL=postgresql://postgres:postgres-local-only@127.0.0.1:54329/ips pnpm --filter @ips/dev-oidc start\n' +
      '(that is the embedded PostgreSQL that `pnpm start` runs).\n',
  );
  process.exit(1);
}

let oidc: Awaited<ReturnType<typeof startDevOidc>>;
try {
  oidc = await startDevOidc({ ...devOidcOptionsFromEnv(), databaseUrl });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? '\nThe port of the development OIDC provider is in use: set OIDC_DEV_PORT (and OIDC_DEV_ISSUER).\n'
      : `\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
console.log(`Development OIDC provider (demo only): ${oidc.issuer}`);
console.log(`  discovery: ${oidc.issuer}/.well-known/openid-configuration   keys: ${oidc.issuer}/jwks`);
console.log('Press Ctrl-C to stop.');
const stop = async (signal: string) => {
  console.log(`\n${signal}: stopping …`);
  await oidc.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
