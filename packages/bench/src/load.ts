/**
 * The load generator: autocannon, with every response's latency collected (autocannon reports no
 * p95), a warm-up, a fixed-concurrency run and a fixed-rate run.
 */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  /** A fixed request, or one built per request for each connection (the mutation's version). */
  body?: { token: string; payload: string };
  /** Called before each run (warm-up, fixed concurrency, fixed rate). */
  beforeRun?: () => Promise<void>;
  perConnection?: () => {
    next(): { token: string; payload: string };
    onResponse(status: number, body: string): void;
  };
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx responses and bodies with GraphQL errors. */
  errors: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function load(
  spec: LoadSpec,
  options: { seconds: number; connections: number; rate?: number },
): Promise<LoadResult> {
  await spec.beforeRun?.();
  const latencies: number[] = [];
  let errors = 0;
  const contexts = new Map<object, ReturnType<NonNullable<LoadSpec['perConnection']>>>();
  const request = spec.perConnection
    ? {
        method: 'POST' as const,
        path: '/graphql',
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          let c = contexts.get(context);
          if (!c) {
            c = (spec.perConnection as NonNullable<LoadSpec['perConnection']>)();
            contexts.set(context, c);
          }
          const { token, payload } = c.next();
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: payload,
          };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          if (status !== 200 || body.includes('"errors"') || body.includes('ConflictError')) {
            errors += 1;
            if (process.env.BENCH_DEBUG && errors <= 3) console.error(`error answer: ${body.slice(0, 300)}`);
          }
          contexts.get(context)?.onResponse(status, body);
        },
      }
    : {
        method: 'POST' as const,
        path: '/graphql',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${spec.body?.token}`,
        },
        body: spec.body?.payload,
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.includes('"errors"')) errors += 1;
        },
      };
  const options_ = {
    url: spec.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    // biome-ignore lint/suspicious/noExplicitAny: autocannon's request options are loosely typed
    requests: [request as any],
    timeout: 10,
    // autocannon starts each loop over `requests` with a fresh context; keep one per connection
    // instead, so a connection can carry state (the version of the plan it revises).
    ...(spec.perConnection
      ? {
          setupClient: (client: { requestIterator: { resetContext(): void } }) => {
            client.requestIterator.resetContext = () => {};
          },
        }
      : {}),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    // biome-ignore lint/suspicious/noExplicitAny: setupClient's client is untyped in @types/autocannon
    const instance = autocannon(options_ as any, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / options.seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    errors: errors + result.errors + result.timeouts,
  };
}
