/**
 * Runtime configuration: every environment variable the API reads, in one zod schema, read once at
 * start. A missing or bad value stops the start with a message naming each variable; the values of
 * secrets (connection strings, SMTP credentials) never appear in a message or a log line.
 */
import express from 'express';
import { z } from 'zod';
import type { TracingConfig } from './tracing.js';

/** Runtime configuration from the environment, read once. */
export interface ApiConfig {
  port: number;
  host: string;
  production: boolean;
  /** Runtime-role connection (row-level security applies). */
  appDatabaseUrl: string;
  /** Largest page a list may return. */
  maxPageSize: number;
  /** Requests per user per minute. */
  rateLimitPerMinute: number;
  /**
   * Requests without a valid token per client address per minute (counted on each 401; over it, a
   * 429 before any token is verified). The address is the socket's, or with `trustProxy` the one
   * the trusted proxies forwarded.
   */
  unauthenticatedRateLimitPerMinute: number;
  /**
   * Which proxies in front of the API are trusted to say the client's address (X-Forwarded-For),
   * as Express's `trust proxy`: false = none (the socket's address), a number of hops, or a list of
   * addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
   */
  trustProxy: false | number | string[];
  /** Allowed clock skew when verifying tokens, in seconds. */
  clockToleranceSeconds: number;
  /** How often the audit log is sealed into its hash chain (0 = never, e.g. in tests). */
  sealIntervalMs: number;
  /** NAV's case-system endpoint for support plans; the outbox is delivered only when set. */
  navCaseSystemUrl: string | null;
  /** SMTP server for notification e-mails (smtp://host:port or smtps://…); e-mail is sent only when set. */
  smtpUrl: string | null;
  /** The sender of notification e-mails. */
  mailFrom: string;
  /** How often the outbox is delivered (0 = never: tests deliver by hand). */
  outboxIntervalMs: number;
  /** The hour (Europe/Oslo) from which the day's deadline digest goes out; null = never. */
  digestHour: number | null;
  /** Connections in the request pool (Prisma's). */
  dbPoolSize: number;
  /** How long a request waits for a database connection before it fails (503), in ms. */
  dbAcquireTimeoutMs: number;
  /** Longest statement (and request transaction) before it is cancelled, in ms. */
  dbStatementTimeoutMs: number;
  /** Run the scheduled jobs' worker beside the API (API_JOBS=on|off; the entry points start it). */
  jobs: boolean;
  /** Serve Prometheus metrics on GET /metrics of a port of their own (API_METRICS=on|off). */
  metrics: boolean;
  /** The metrics port (never the API's public one; 0 = any free port, for tests). */
  metricsPort: number;
  /** The address the metrics port is bound to. */
  metricsHost: string;
  /**
   * Put the messages of unexpected errors (database driver, Prisma, stack-less internals) in
   * responses: for debugging on a developer's machine only (API_EXPOSE_ERROR_DETAILS=on; refused
   * with NODE_ENV=production). Off by default everywhere: clients get "Internal server error".
   */
  exposeErrorDetails: boolean;
  /**
   * The trusted-documents manifest (API_TRUSTED_DOCUMENTS, a JSON file: ADR 0023,
   * `http/trusted-documents.ts`); null = none. A client may send a listed document by its hash.
   */
  trustedDocuments: string | null;
  /**
   * Refuse every document the manifest does not list (API_TRUSTED_DOCUMENTS_ONLY=on|off; on by
   * default in production when a manifest is given, off in development and tests).
   */
  trustedDocumentsOnly: boolean;
  /** OpenTelemetry traces over OTLP; null (the default) = off. */
  tracing: TracingConfig | null;
  /** pino's level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Variables whose values are secret: never echoed in an error, shown as *** in a summary. */
export const SECRET_VARIABLES = ['APP_DATABASE_URL', 'SMTP_URL'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(
      `The API cannot start: ${problems.length === 1 ? 'a setting is' : 'settings are'} missing or wrong.\n` +
        problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

const isSecret = (variable: string) => (SECRET_VARIABLES as readonly string[]).includes(variable);

/** A value as given, for messages: quoted, cut short, or hidden for secrets. */
const shown = (variable: string, value: string) =>
  isSecret(variable)
    ? 'a value (not shown: secret)'
    : JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** An optional variable: unset or blank means "not given". */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function integer(variable: string, min: number, max: number, fallback: number) {
  return optional.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
    if (Number.isNaN(n) || n < min || n > max) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a whole number from ${min} to ${max}, got ${shown(variable, v)}`,
      });
      return z.NEVER;
    }
    return n;
  });
}

function onOff(variable: string, fallback: boolean) {
  return optional.transform((v, ctx) => {
    if (v === undefined) return fallback;
    if (v === 'on') return true;
    if (v === 'off') return false;
    ctx.addIssue({ code: 'custom', message: `expected "on" or "off", got ${shown(variable, v)}` });
    return z.NEVER;
  });
}

const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function url(variable: string, protocols: string[], what: string) {
  return optional.transform((v, ctx) => {
    if (v === undefined) return null;
    let parsed: URL | null = null;
    try {
      parsed = new URL(v);
    } catch {
      parsed = null;
    }
    if (!parsed || !protocols.includes(parsed.protocol)) {
      ctx.addIssue({ code: 'custom', message: `expected ${what}, got ${shown(variable, v)}` });
      return z.NEVER;
    }
    return v;
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  API_PORT: integer('API_PORT', 0, 65_535, 4100),
  API_HOST: optional.transform((v) => v ?? '127.0.0.1'),
  NODE_ENV: optional,
  APP_DATABASE_URL: url(
    'APP_DATABASE_URL',
    ['postgres:', 'postgresql:'],
    'a postgresql:// connection string for the runtime role',
  ).transform((v, ctx) => {
    if (v === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'not set (the runtime-role connection string, postgresql://…)',
      });
      return z.NEVER;
    }
    return v;
  }),
  API_MAX_PAGE_SIZE: integer('API_MAX_PAGE_SIZE', 1, 1000, 100),
  API_RATE_LIMIT_PER_MINUTE: integer('API_RATE_LIMIT_PER_MINUTE', 1, 1_000_000, 600),
  API_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: integer(
    'API_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE',
    1,
    1_000_000,
    60,
  ),
  API_TRUST_PROXY: optional.transform((v, ctx): false | number | string[] => {
    if (v === undefined || v === 'off') return false;
    if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10) return Number(v);
    const entries = v.split(',').map((e) => e.trim());
    // Addresses and ranges are checked the way Express will read them (proxy-addr, through `trust proxy`).
    const wrong = entries.filter(
      (e) =>
        !TRUST_PROXY_NAMES.includes(e) &&
        (() => {
          try {
            express().set('trust proxy', e);
            return false;
          } catch {
            return true;
          }
        })(),
    );
    if (entries.some((e) => e === '') || wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected "off", a number of proxy hops from 1 to 10, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal, uniquelocal; got ${shown('API_TRUST_PROXY', v)}`,
      });
      return z.NEVER;
    }
    return entries;
  }),
  API_CLOCK_TOLERANCE_SECONDS: integer('API_CLOCK_TOLERANCE_SECONDS', 0, 300, 30),
  API_AUDIT_SEAL_INTERVAL_MS: integer('API_AUDIT_SEAL_INTERVAL_MS', 0, 86_400_000, 15_000),
  NAV_CASE_SYSTEM_URL: url('NAV_CASE_SYSTEM_URL', ['http:', 'https:'], 'an http(s):// address'),
  SMTP_URL: url('SMTP_URL', ['smtp:', 'smtps:'], 'an smtp:// or smtps:// address'),
  MAIL_FROM: optional.transform((v) => v ?? 'IPS-plattformen <varsler@ips.invalid>'),
  OUTBOX_INTERVAL_MS: integer('OUTBOX_INTERVAL_MS', 0, 86_400_000, 10_000),
  DEADLINE_DIGEST_HOUR: optional.transform((v, ctx) => {
    if (v === undefined) return 7;
    if (v === 'off') return null;
    if (!/^\d{1,2}$/.test(v) || Number(v) > 23) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an hour from 0 to 23 or "off", got ${shown('DEADLINE_DIGEST_HOUR', v)}`,
      });
      return z.NEVER;
    }
    return Number(v);
  }),
  DB_POOL_SIZE: integer('DB_POOL_SIZE', 1, 200, 10),
  DB_ACQUIRE_TIMEOUT_MS: integer('DB_ACQUIRE_TIMEOUT_MS', 100, 60_000, 5_000),
  DB_STATEMENT_TIMEOUT_MS: integer('DB_STATEMENT_TIMEOUT_MS', 100, 600_000, 15_000),
  API_JOBS: onOff('API_JOBS', true),
  API_METRICS: onOff('API_METRICS', true),
  API_METRICS_PORT: integer('API_METRICS_PORT', 0, 65_535, 9464),
  API_METRICS_HOST: optional.transform((v) => v ?? '127.0.0.1'),
  API_EXPOSE_ERROR_DETAILS: onOff('API_EXPOSE_ERROR_DETAILS', false),
  API_TRUSTED_DOCUMENTS: optional,
  API_TRUSTED_DOCUMENTS_ONLY: optional.transform((v, ctx) => {
    if (v === undefined || v === 'on' || v === 'off') return v;
    ctx.addIssue({
      code: 'custom',
      message: `expected "on" or "off", got ${shown('API_TRUSTED_DOCUMENTS_ONLY', v)}`,
    });
    return z.NEVER;
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    ['http:', 'https:'],
    'an http(s):// address',
  ),
  OTEL_SERVICE_NAME: optional.transform((v) => v ?? 'ips-api'),
  OTEL_TRACES_SAMPLER_ARG: optional.transform((v, ctx) => {
    if (v === undefined) return 1;
    const n = /^(0(\.\d+)?|1(\.0+)?)$/.test(v) ? Number(v) : Number.NaN;
    if (Number.isNaN(n)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a share from 0 to 1, got ${shown('OTEL_TRACES_SAMPLER_ARG', v)}`,
      });
      return z.NEVER;
    }
    return n;
  }),
  LOG_LEVEL: optional.transform((v, ctx) => {
    if (v === undefined) return 'info' as const;
    if (!(LOG_LEVELS as readonly string[]).includes(v)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected one of ${LOG_LEVELS.join(', ')}, got ${shown('LOG_LEVEL', v)}`,
      });
      return z.NEVER;
    }
    return v as ApiConfig['logLevel'];
  }),
});

/**
 * Reads the configuration from `env`. `overrides` replace parsed values (tests, `pnpm start`); an
 * overridden runtime connection makes APP_DATABASE_URL optional. Throws `ConfigError` naming every
 * missing or bad variable at once.
 */
export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ApiConfig> = {},
): ApiConfig {
  const input = overrides.appDatabaseUrl ? { ...env, APP_DATABASE_URL: overrides.appDatabaseUrl } : env;
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        problem: issue.message,
      })),
    );
  }
  const e = result.data;
  const production = overrides.production ?? e.NODE_ENV === 'production';
  if (production && (overrides.exposeErrorDetails ?? e.API_EXPOSE_ERROR_DETAILS)) {
    throw new ConfigError([
      {
        variable: 'API_EXPOSE_ERROR_DETAILS',
        problem: "not allowed with NODE_ENV=production (error details are for a developer's machine)",
      },
    ]);
  }
  const trustedDocuments = overrides.trustedDocuments ?? e.API_TRUSTED_DOCUMENTS ?? null;
  const trustedDocumentsOnly =
    overrides.trustedDocumentsOnly ??
    (e.API_TRUSTED_DOCUMENTS_ONLY === undefined
      ? production && trustedDocuments !== null
      : e.API_TRUSTED_DOCUMENTS_ONLY === 'on');
  if (trustedDocumentsOnly && !trustedDocuments) {
    throw new ConfigError([
      {
        variable: 'API_TRUSTED_DOCUMENTS_ONLY',
        problem: 'needs API_TRUSTED_DOCUMENTS (the manifest of the documents to accept)',
      },
    ]);
  }
  const apiPort = overrides.port ?? e.API_PORT;
  if (e.API_METRICS && apiPort !== 0 && e.API_METRICS_PORT === apiPort) {
    throw new ConfigError([
      {
        variable: 'API_METRICS_PORT',
        problem: `must differ from API_PORT (${apiPort}): metrics are never served on the public port`,
      },
    ]);
  }
  return {
    port: e.API_PORT,
    host: e.API_HOST,
    production: e.NODE_ENV === 'production',
    appDatabaseUrl: e.APP_DATABASE_URL,
    maxPageSize: e.API_MAX_PAGE_SIZE,
    rateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    unauthenticatedRateLimitPerMinute: e.API_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
    trustProxy: e.API_TRUST_PROXY,
    clockToleranceSeconds: e.API_CLOCK_TOLERANCE_SECONDS,
    sealIntervalMs: e.API_AUDIT_SEAL_INTERVAL_MS,
    navCaseSystemUrl: e.NAV_CASE_SYSTEM_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    digestHour: e.DEADLINE_DIGEST_HOUR,
    dbPoolSize: e.DB_POOL_SIZE,
    dbAcquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS,
    dbStatementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    jobs: e.API_JOBS,
    metrics: e.API_METRICS,
    metricsPort: e.API_METRICS_PORT,
    metricsHost: e.API_METRICS_HOST,
    exposeErrorDetails: e.API_EXPOSE_ERROR_DETAILS,
    trustedDocuments,
    trustedDocumentsOnly,
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? {
          endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
          serviceName: e.OTEL_SERVICE_NAME,
          sampleRatio: e.OTEL_TRACES_SAMPLER_ARG,
        }
      : null,
    logLevel: e.LOG_LEVEL,
    ...overrides,
  };
}

/** The configuration for a start-up log line: connection strings without credentials. */
export function describeConfig(config: ApiConfig): Record<string, unknown> {
  const withoutCredentials = (value: string | null) => {
    if (value === null) return null;
    try {
      const u = new URL(value);
      return `${u.protocol}//${u.username || u.password ? '***@' : ''}${u.host}${u.pathname === '/' ? '' : u.pathname}`;
    } catch {
      return '***';
    }
  };
  return {
    ...config,
    appDatabaseUrl: withoutCredentials(config.appDatabaseUrl),
    smtpUrl: withoutCredentials(config.smtpUrl),
  };
}
