/**
 * OpenTelemetry traces over OTLP/HTTP to a collector on loopback: one trace per request with the
 * HTTP server span, the GraphQL execution, the user lookup and Prisma's database spans; an
 * incoming traceparent is continued; no personal data in any span. Off by default.
 */
import { createServer, type Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { type Api, createApi } from '../src/server.js';
import { type Stack, startStack, userWith } from './harness.js';

interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

let stack: Stack;
let collector: Server;
let collectorUrl: string;
const received: OtlpSpan[] = [];
const requests: string[] = [];

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const json = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const rs of json.resourceSpans) for (const ss of rs.scopeSpans) received.push(...ss.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const address = collector.address();
  collectorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => collector?.close(resolve));
});

const post = (url: string, token: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query }),
  });

describe('tracing', () => {
  it('is off by default: no spans leave the process', async () => {
    expect(readConfig({ APP_DATABASE_URL: 'postgresql://a@b/c' }).tracing).toBeNull();
    const { email } = await userWith(stack.admin, 'JOB_SPECIALIST');
    expect((await stack.gql(email, '{ me { id } }')).status).toBe(200);
    expect(requests).toEqual([]);
  });

  it('exports a trace per request: HTTP, GraphQL, user lookup and database spans, no personal data', async () => {
    let api: Api | undefined;
    try {
      api = await createApi(
        readConfig(
          { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl, OTEL_SERVICE_NAME: 'ips-api-test' },
          {
            appDatabaseUrl: stack.db.appUrl,
            port: 0,
            metricsPort: 0,
            sealIntervalMs: 0,
            outboxIntervalMs: 0,
          },
        ),
        { logger: pino({ level: 'silent' }) },
      );
      const { url } = await api.listen();
      const { email } = await userWith(stack.admin, 'JOB_SPECIALIST');
      const token = await stack.issuer.sign(email);
      const res = await post(
        url,
        token,
        '{ jobSeekers(first: 5) { edges { node { id givenName familyName } } } }',
      );
      expect(res.status).toBe(200);
      const body = await res.text();
      // A caller's trace is continued.
      const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
      expect(
        (await post(url, token, '{ me { id } }', { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` }))
          .status,
      ).toBe(200);
      await api.stop(); // flushes the batch
      api = undefined;

      expect(requests.every((r) => r.startsWith('POST /v1/traces application/json'))).toBe(true);
      const server = received.filter((s) => s.name === 'POST /graphql');
      expect(server).toHaveLength(2);
      const first = server.find((s) => s.traceId !== callerTrace) as OtlpSpan;
      const inTrace = received.filter((s) => s.traceId === first.traceId);
      const names = inTrace.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['POST /graphql', 'graphql.execute']));
      expect(names.some((n) => n.startsWith('prisma:'))).toBe(true);
      // graphql.execute runs inside the request's transaction (Prisma's span), under the server span.
      const ancestors = (span: OtlpSpan | undefined): string[] => {
        const parent = inTrace.find((s) => s.spanId === span?.parentSpanId);
        return parent ? [parent.name, ...ancestors(parent)] : [];
      };
      const chain = ancestors(inTrace.find((s) => s.name === 'graphql.execute'));
      expect(chain.at(-1)).toBe('POST /graphql');
      expect(chain.some((n) => n.startsWith('prisma:'))).toBe(true);
      // The actor lookup rides with the transaction's BEGIN (ADR 0014): no span of its own.
      expect(names).not.toContain('resolve_actor');
      expect(server.find((s) => s.traceId === callerTrace)?.parentSpanId).toBe('00f067aa0ba902b7');

      // Nothing personal: no name, identity number or e-mail in any span.
      const exported = JSON.stringify(received);
      const names_ = [...body.matchAll(/"(givenName|familyName)":"([^"]+)"/g)].map((m) => m[2] as string);
      expect(names_.length).toBeGreaterThan(0);
      for (const n of names_) expect(exported).not.toContain(`"${n}"`);
      expect(exported).not.toContain(email);
    } finally {
      await api?.stop();
    }
  });
});
