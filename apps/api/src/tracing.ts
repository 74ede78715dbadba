/**
 * OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: a server span per HTTP
 * request (continuing an incoming W3C `traceparent`), a span for the GraphQL execution, one for the
 * user lookup, and Prisma's spans for every database round trip (`@prisma/instrumentation`),
 * exported in batches over OTLP/HTTP. Spans carry no personal data: no variables, no SQL
 * parameters, no e-mail — operation names, ids of the request and timings only.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { PrismaInstrumentation } from '@prisma/instrumentation';

export interface TracingConfig {
  /** OTLP/HTTP endpoint (the collector's base address; /v1/traces is appended). */
  endpoint: string;
  serviceName: string;
  /** Share of traces kept, 0–1 (a caller's sampling decision is respected). */
  sampleRatio: number;
}

export interface Tracing {
  /** Exports what is buffered and unregisters everything. */
  shutdown(): Promise<void>;
}

export function startTracing(config: TracingConfig): Tracing {
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${config.endpoint.replace(/\/+$/, '')}/v1/traces` }),
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(provider);
  prisma.enable();
  return {
    async shutdown() {
      prisma.disable();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
