/**
 * One rung of the ladder in its own process (so the load generator does not share its event loop):
 * started by the bench with the rung's name and connection details, it counts every SQL statement
 * (`sql-capture.ts`) and samples its resident memory, and answers the bench's `reset` / `stats`
 * messages.
 */
import { installStatementCounter, resetStatementCount, statementCount } from './sql-capture.js';

export type Rung = 'bare' | 'raw' | 'postgraphile' | 'ours' | 'ours-insecure';

export interface TargetConfig {
  rung: Rung;
  appUrl: string;
  adminUrl: string;
  issuerUrl: string;
}

export type ToTarget = { type: 'reset' } | { type: 'stats' } | { type: 'stop' };
export type FromTarget =
  | { type: 'ready'; url: string }
  | { type: 'reset' }
  | { type: 'stats'; statements: number; rssMax: number; cpuMs: number }
  | { type: 'error'; message: string };

// PostGraphile 5 (grafast) uses Promise.withResolvers, which Node.js has from 22; this repo runs on
// Node.js ≥ 20.19: the standard shape, for the PostGraphile rung's process only.
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
promiseStatics.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

installStatementCounter();

let rssMax = 0;
let cpuAtReset = process.cpuUsage();
const sampler = setInterval(() => {
  rssMax = Math.max(rssMax, process.memoryUsage.rss());
}, 50);
sampler.unref();

const send = (message: FromTarget) => process.send?.(message);

async function start(config: TargetConfig): Promise<{ url: string; close(): Promise<void> }> {
  switch (config.rung) {
    case 'bare':
      return (await import('./targets/bare.js')).startBare();
    case 'raw':
      return (await import('./targets/raw.js')).startRaw(config.appUrl, config.issuerUrl);
    case 'postgraphile':
      return (await import('./targets/postgraphile.js')).startPostGraphile(config.appUrl, config.issuerUrl);
    case 'ours':
      return (await import('./targets/ours.js')).startOurs(config.appUrl, true);
    case 'ours-insecure':
      // The owner connection: a superuser, which row-level security does not apply to.
      return (await import('./targets/ours.js')).startOurs(config.adminUrl, false);
  }
}

const config = JSON.parse(process.env.BENCH_TARGET ?? '{}') as TargetConfig;
try {
  const target = await start(config);
  process.on('message', async (message: ToTarget) => {
    if (message.type === 'reset') {
      resetStatementCount();
      cpuAtReset = process.cpuUsage();
      rssMax = process.memoryUsage.rss();
      send({ type: 'reset' });
    } else if (message.type === 'stats') {
      const cpu = process.cpuUsage(cpuAtReset);
      send({ type: 'stats', statements: statementCount(), rssMax, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (message.type === 'stop') {
      await target.close().catch(() => {});
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: target.url });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
