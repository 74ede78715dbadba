/**
 * Prometheus metrics (`GET /metrics`): request rate, latency and errors per route, GraphQL errors
 * per code, the database pools' use, overdue deadlines per organisation, and the process's own
 * figures (CPU, memory, event-loop lag, GC). Labels never carry personal data: routes are a fixed
 * set, organisations appear only as ids with a count.
 */
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The only values the `route` label takes (unknown paths are "other": no label explosion). */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

export interface MetricsOptions {
  pools: { name: string; pool: pg.Pool; max: number }[];
  /** Overdue duties per organisation (a definer function: counts only). */
  overdue: () => Promise<{ organizationId: string; overdue: number }[]>;
  /** How long the overdue counts are reused between scrapes. */
  overdueCacheMs?: number;
  onError?: (error: unknown) => void;
}

export interface Metrics {
  registry: Registry;
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** A GraphQL error in a response (`extensions.code`, or INTERNAL_SERVER_ERROR). */
  graphqlError(code: string): void;
  handler(req: Request, res: Response): Promise<void>;
}

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ips_' });
  const labelNames = ['route', 'method', 'status'] as const;
  const requests = new Counter({
    name: 'ips_http_requests_total',
    help: 'HTTP requests answered, by route, method and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ips_http_request_duration_seconds',
    help: 'Time from request to response, by route, method and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'ips_http_request_errors_total',
    help: 'Requests answered with a 5xx status, by route',
    labelNames: ['route'],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'ips_graphql_errors_total',
    help: 'GraphQL errors in responses, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  new Gauge({
    name: 'ips_db_pool_connections',
    help: 'Database pool connections by pool and state (total, idle, waiting = requests queued for one, max)',
    labelNames: ['pool', 'state'],
    registers: [registry],
    collect() {
      for (const { name, pool, max } of options.pools) {
        this.set({ pool: name, state: 'total' }, pool.totalCount);
        this.set({ pool: name, state: 'idle' }, pool.idleCount);
        this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
        this.set({ pool: name, state: 'max' }, max);
      }
    },
  });
  const cacheMs = options.overdueCacheMs ?? 30_000;
  let cached: { at: number; rows: { organizationId: string; overdue: number }[] } | null = null;
  new Gauge({
    name: 'ips_overdue_deadlines',
    help: 'Open duties past their deadline, per organisation',
    labelNames: ['organization_id'],
    registers: [registry],
    async collect() {
      try {
        if (!cached || Date.now() - cached.at >= cacheMs)
          cached = { at: Date.now(), rows: await options.overdue() };
        this.reset();
        for (const r of cached.rows) this.set({ organization_id: r.organizationId }, r.overdue);
      } catch (error) {
        // A scrape while the database is away still answers, with the process's own figures.
        options.onError?.(error);
      }
    },
  });

  return {
    registry,
    middleware(req, res, next) {
      const route = ROUTES.has(req.path) ? req.path : 'other';
      const end = duration.startTimer();
      res.once('finish', () => {
        const labels = { route, method: req.method, status: String(res.statusCode) };
        end(labels);
        requests.inc(labels);
        if (res.statusCode >= 500) errors.inc({ route });
      });
      next();
    },
    graphqlError(code) {
      graphqlErrors.inc({ code });
    },
    async handler(_req, res) {
      res.setHeader('content-type', registry.contentType);
      res.send(await registry.metrics());
    },
  };
}
