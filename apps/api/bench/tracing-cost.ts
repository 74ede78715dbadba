/**
 * `pnpm --filter @ips/api bench:tracing`: what OpenTelemetry tracing costs when on. Two API
 * processes (the production entry point, src/serve.ts) on one database — tracing off, and tracing
 * on (every trace sampled, exported over OTLP/HTTP to a collector stub on loopback that counts what
 * it receives) — get the same request (a specialist's first 20 job seekers) in alternating rounds
 * at concurrency 10. Separate processes, because the tracer provider is global to a process.
 * Prints throughput, latency percentiles and each server's CPU per request (from its own
 * /metrics). Env: BENCH_SECONDS (per round, default 5), BENCH_ROUNDS (default 3).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { dropTemplate, prepareTemplate, startTestServer } from '@ips/db/testing';
import { startStack, userWith } from '../test/harness.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 10;

let exports = 0;
let exportedBytes = 0;
const collector = createServer((req, res) => {
  req.on('data', (chunk: Buffer) => {
    exportedBytes += chunk.length;
  });
  req.on('end', () => {
    exports++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
const address = collector.address();
const collectorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const server = await startTestServer();
const template = await prepareTemplate(server.adminUrl, 'bench');
const stack = await startStack(template);
const children: ChildProcess[] = [];

/** Each server's metrics address (a port of its own), by its API address. */
const metricsUrls = new Map<string, string>();

/** Starts src/serve.ts with `env`; resolves with its address once it listens. */
function serve(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '..', 'src', 'serve.ts')],
      {
        cwd: join(import.meta.dirname, '..'),
        env: {
          PATH: process.env.PATH ?? '',
          TZ: 'UTC',
          APP_DATABASE_URL: stack.db.appUrl,
          API_PORT: '0',
          API_METRICS_PORT: '0',
          API_RATE_LIMIT_PER_MINUTE: '1000000',
          API_AUDIT_SEAL_INTERVAL_MS: '0',
          OUTBOX_INTERVAL_MS: '0',
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    let out: string | null = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      if (out === null) return; // listening: the rest (a log line per request) is read and dropped
      out += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      const metrics = /"metricsUrl":"(http:\/\/[^"]+)"/.exec(out);
      if (m?.[1] && metrics?.[1]) {
        out = null;
        metricsUrls.set(m[1], metrics[1]);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve.ts exited (${code}) before listening`)));
  });
}

/** A server's own CPU seconds so far (its /metrics). */
async function cpuSeconds(url: string): Promise<number> {
  const text = await (await fetch(`${metricsUrls.get(url)}/metrics`)).text();
  return Number(/^ips_process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
}

try {
  // LOG_LEVEL=warn would hide the "listening" line: the address comes from an info line.
  const [offUrl, tracedUrl] = await Promise.all([
    serve({ LOG_LEVEL: 'info' }),
    serve({ LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl }),
  ]);
  const s = await userWith(stack.admin, 'JOB_SPECIALIST');
  const token = await stack.issuer.sign(s.email, { expiresIn: '1h' });
  const body = JSON.stringify({
    query: '{ jobSeekers(first: 20) { edges { node { id givenName familyName phase referralDate } } } }',
  });
  const once = async (url: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.arrayBuffer();
  };
  const totals = { off: { latencies: [] as number[], cpu: 0 }, on: { latencies: [] as number[], cpu: 0 } };
  for (const url of [offUrl, tracedUrl]) for (let i = 0; i < 30; i++) await once(url); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, url] of [
      ['off', offUrl],
      ['on', tracedUrl],
    ] as const) {
      const cpu = await cpuSeconds(url);
      const end = performance.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < end) {
            const t0 = performance.now();
            await once(url);
            totals[name].latencies.push(performance.now() - t0);
          }
        }),
      );
      totals[name].cpu += ((await cpuSeconds(url)) - cpu) * 1000;
    }
  }
  const row = (name: 'off' | 'on') => {
    const l = [...totals[name].latencies].sort((a, b) => a - b);
    const pct = (p: number) => l[Math.min(l.length - 1, Math.floor((p / 100) * l.length))] ?? 0;
    return {
      tracing: name,
      requests: l.length,
      'req/s': Math.round(l.length / (SECONDS * ROUNDS)),
      'p50 ms': +pct(50).toFixed(1),
      'p99 ms': +pct(99).toFixed(1),
      'server CPU ms/req': +(totals[name].cpu / l.length).toFixed(2),
    };
  };
  const off = row('off');
  const on = row('on');
  // Let the traced server flush its batch, then stop both.
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  console.log(JSON.stringify(off));
  console.log(JSON.stringify(on));
  console.log(
    `\nTracing on (all sampled, OTLP/HTTP to loopback) vs off, concurrency ${CONCURRENCY}, ${ROUNDS}×${SECONDS} s each: ` +
      `throughput ${(((on['req/s'] - off['req/s']) / off['req/s']) * 100).toFixed(1)} %, ` +
      `p50 ${on['p50 ms'] - off['p50 ms'] >= 0 ? '+' : ''}${(on['p50 ms'] - off['p50 ms']).toFixed(1)} ms, ` +
      `p99 ${on['p99 ms'] - off['p99 ms'] >= 0 ? '+' : ''}${(on['p99 ms'] - off['p99 ms']).toFixed(1)} ms, ` +
      `server CPU per request ${(((on['server CPU ms/req'] - off['server CPU ms/req']) / off['server CPU ms/req']) * 100).toFixed(1)} %; ` +
      `${exports} exports, ${(exportedBytes / on.requests).toFixed(0)} bytes of spans per request.`,
  );
} finally {
  for (const step of [
    async () => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    },
    () => stack.close(),
    () => dropTemplate(template),
    () => server.stop(),
    () => new Promise<void>((resolve) => collector.close(() => resolve())),
  ]) {
    await step().catch(() => {});
  }
}
process.exit(0);
