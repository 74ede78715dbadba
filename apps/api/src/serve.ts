/**
 * The production entry point (the container's command): the API alone, configured only from the
 * environment. Unlike `pnpm start` (main.ts) it starts no database, runs no migrations and loads no
 * demo data — migrations run before it as their own step (`packages/db/scripts/migrate.ts`).
 * SIGTERM (Kubernetes, compose) stops it cleanly: no new connections, open requests finish, pools close.
 */
import { readConfig } from './config.js';
import { createApi } from './server.js';

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const api = await createApi(config);
try {
  const { url } = await api.listen();
  console.log(`IPS API listening on ${url} (health: /healthz, ready: /readyz)`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `\nPort ${config.port} is already in use: set API_PORT to another port.\n`
      : `\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  await api.stop().catch(() => {});
  process.exit(1);
}
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping …`);
  // Bounded: a stuck client must not outlive the orchestrator's grace period.
  await Promise.race([api.stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
