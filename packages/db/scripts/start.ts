/**
 * `pnpm --filter @ips/db start`: the database alone (the product's `pnpm start` also starts the
 * API). Keeps running until Ctrl-C, then stops the embedded PostgreSQL cleanly.
 */
import { PortInUseError } from '../src/embedded.js';
import { prepareDatabase } from '../src/prepare.js';
import { redact } from '../src/urls.js';

try {
  const env = await prepareDatabase();
  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping …`);
    await env.stop();
    console.log('Stopped cleanly.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  console.log(`\nDatabase ready${env.embedded ? ' (embedded PostgreSQL)' : ''}.`);
  console.log(`  admin:   ${redact(env.adminUrl)}`);
  console.log(`  runtime: ${redact(env.appUrl)}`);
  console.log('Press Ctrl-C to stop.');
  setInterval(() => {}, 1 << 30);
} catch (error) {
  console.error(
    `\n${error instanceof PortInUseError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
