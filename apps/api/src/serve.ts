/**
 * The production entry point (the container's command): the API alone, configured only from the
 * environment. Unlike `pnpm start` (main.ts) it starts no database, runs no migrations and loads no
 * demo data — migrations run before it as their own step (`packages/db/scripts/migrate.ts`).
 * SIGTERM (Kubernetes, compose) stops it cleanly: no new connections, open requests finish, pools close.
 */
import pino from 'pino';
import { ConfigError, describeConfig, readConfig } from './config.js';
import { startJobs } from './jobs.js';
import { createApi } from './server.js';

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
const log = pino({ level: config.logLevel, base: { service: 'ips-api' } });
// Credentials are cut out of the connection strings before they are logged.
log.info({ config: describeConfig(config) }, 'configuration');
const api = await createApi(config, { logger: log });
// The scheduled jobs (digest, consent expiry, retention) run in every replica; the queue in the
// database makes each run happen once.
const jobs = config.jobs
  ? await startJobs({ connectionString: config.appDatabaseUrl, digestHour: config.digestHour, log })
  : null;
try {
  const { url, metricsUrl } = await api.listen();
  log.info({ url, metricsUrl }, 'listening (health: /healthz, ready: /readyz; metrics: metricsUrl/metrics)');
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `\nA port is already in use (API_PORT ${config.port}, API_METRICS_PORT ${config.metricsPort}): set another.\n`
      : `\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  await jobs?.stop().catch(() => {});
  await api.stop().catch(() => {});
  process.exit(1);
}
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  // Bounded: a stuck client must not outlive the orchestrator's grace period.
  await Promise.race([
    Promise.all([jobs?.stop().catch(() => {}), api.stop().catch(() => {})]),
    new Promise((resolve) => setTimeout(resolve, 10_000)),
  ]);
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
