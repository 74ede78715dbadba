/**
 * Prometheus metrics over HTTP on a port of their own (never the public one): request rate,
 * latency and errors per route, GraphQL errors per code, pool use, overdue deadlines per
 * organisation equal to the database's — and nothing personal in the text.
 */

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { createApi } from '../src/server.js';
import { addOverdueDuty, type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addOverdueDuty(stack.admin);
});
afterAll(async () => {
  await stack?.close();
});

const scrape = async () => {
  const res = await fetch(`${stack.metricsUrl}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
};

/** The value of one series (0 when absent). */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe('GET /metrics', () => {
  it('is served on its own port and bound where configured, never on the public port (404, JSON)', async () => {
    expect(new URL(stack.metricsUrl).port).not.toBe(new URL(stack.url).port);
    expect(new URL(stack.metricsUrl).hostname).toBe('127.0.0.1');
    const token = await stack.issuer.sign((await userWith(stack.admin, 'JOB_SPECIALIST')).email);
    for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      const res = await fetch(`${stack.url}/metrics`, { headers });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.text()).not.toMatch(/ips_http_requests_total/);
    }
    // The metrics port serves metrics only.
    expect((await fetch(`${stack.metricsUrl}/graphql`)).status).toBe(404);
    expect((await fetch(`${stack.metricsUrl}/healthz`)).status).toBe(404);
  });

  it('counts requests by route and status, their latency, and GraphQL errors by code', async () => {
    const { email } = await userWith(stack.admin, 'JOB_SPECIALIST');
    const before = await scrape();
    const ok = '{route="/graphql",method="POST",status="200"}';
    const unauthenticated = '{route="/graphql",method="POST",status="401"}';
    expect((await stack.gql(email, '{ me { id } }')).status).toBe(200);
    expect((await stack.gql(email, '{ me { id } }')).status).toBe(200);
    expect((await stack.gql(null, '{ me { id } }')).status).toBe(401);
    const invalid = await stack.gql(email, '{ noSuchField }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await fetch(`${stack.url}/nope`)).status).toBe(404);
    const after = await scrape();

    expect(value(after, `ips_http_requests_total${ok}`) - value(before, `ips_http_requests_total${ok}`)).toBe(
      2,
    );
    expect(
      value(after, `ips_http_requests_total${unauthenticated}`) -
        value(before, `ips_http_requests_total${unauthenticated}`),
    ).toBe(1);
    const count = `ips_http_request_duration_seconds_count${ok}`;
    expect(value(after, count) - value(before, count)).toBe(2);
    expect(after).toMatch(
      /ips_http_request_duration_seconds_bucket\{le="0.1",route="\/graphql",method="POST",status="200"\}/,
    );
    const validation = 'ips_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}';
    expect(value(after, validation) - value(before, validation)).toBe(1);
    // Unknown paths share one label value: clients cannot grow the series.
    expect(after).toContain('ips_http_requests_total{route="other",method="GET",status="404"}');
    expect(after).not.toContain('/nope');
  });

  it('shows both database pools and the process figures', async () => {
    const text = await scrape();
    expect(value(text, 'ips_db_pool_connections{pool="api",state="max"}')).toBe(4);
    expect(value(text, 'ips_db_pool_connections{pool="prisma",state="max"}')).toBe(10);
    expect(value(text, 'ips_db_pool_connections{pool="prisma",state="total"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^ips_process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^ips_nodejs_eventloop_lag_seconds /m);
  });

  it('overdue deadlines per organisation equal the database, with no case data', async () => {
    const { rows } = await stack.admin.query<{ org: string; n: string }>(
      `SELECT "organizationId" AS org, count(*) AS n FROM task
       WHERE status = 'OPEN' AND "dueOn" < (now() AT TIME ZONE 'Europe/Oslo')::date GROUP BY 1`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const text = await scrape();
    const series = text.split('\n').filter((l) => l.startsWith('ips_overdue_deadlines{'));
    expect(
      Object.fromEntries(
        series.map((l) => {
          const m = /^ips_overdue_deadlines\{organization_id="([0-9a-f-]{36})"\} (\d+)$/.exec(l);
          expect(m, l).not.toBeNull();
          return [m?.[1], Number(m?.[2])];
        }),
      ),
    ).toEqual(Object.fromEntries(rows.map((r) => [r.org, Number(r.n)])));
    // Nothing about a person: no e-mail, name or identity number of anyone seeded.
    const { rows: people } = await stack.admin.query<{ v: string }>(
      `(SELECT email AS v FROM app_user LIMIT 20) UNION ALL (SELECT "familyName" FROM job_seeker LIMIT 20)
       UNION ALL (SELECT "identityNumber" FROM job_seeker LIMIT 20)`,
    );
    for (const p of people) expect(text).not.toContain(p.v);
    expect(text).not.toMatch(/@/);
  });

  it('the runtime role may call the overdue function but sees no rows of the task table without a request', async () => {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: stack.db.appUrl });
    await c.connect();
    try {
      const { rows } = await c.query('SELECT count(*) AS n FROM task');
      expect(Number(rows[0]?.n)).toBe(0);
      const counts = await c.query("SELECT * FROM app.overdue_deadlines_per_organization('2100-01-01')");
      expect(Object.keys(counts.rows[0] ?? {})).toEqual(['organization_id', 'overdue']);
    } finally {
      await c.end();
    }
  });

  it('is absent with API_METRICS=off', async () => {
    const api = await createApi(
      readConfig(
        { API_METRICS: 'off', API_METRICS_PORT: '0' },
        { appDatabaseUrl: stack.db.appUrl, port: 0, sealIntervalMs: 0 },
      ),
      {
        logger: pino({ level: 'silent' }),
      },
    );
    try {
      const { url, metricsUrl } = await api.listen();
      expect(metricsUrl).toBeNull();
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await api.stop();
    }
  });
});
