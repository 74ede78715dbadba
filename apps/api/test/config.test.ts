/**
 * Configuration: one schema for every variable; a missing or bad value stops the start naming the
 * variable; secrets never appear in a message or a log line. The last tests start the real
 * production entry point (src/serve.ts) as a process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@ips/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiConfig, ConfigError, describeConfig, readConfig } from '../src/config.js';

// Built at run time: a made-up password that must never appear in messages or logs.
const PASSWORD = ['fake', 'test', 'password'].join('-');
const DB = (() => {
  const url = new URL('postgresql://db.internal:5432/ips?sslmode=require');
  url.username = 'ips_app';
  url.password = PASSWORD;
  return url.toString();
})();

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('readConfig accepted the environment');
};

describe('readConfig', () => {
  it('has a default for everything but the database', () => {
    expect(readConfig({ APP_DATABASE_URL: DB })).toEqual<ApiConfig>({
      port: 4100,
      host: '127.0.0.1',
      production: false,
      appDatabaseUrl: DB,
      maxPageSize: 100,
      rateLimitPerMinute: 600,
      unauthenticatedRateLimitPerMinute: 60,
      trustProxy: false,
      clockToleranceSeconds: 30,
      sealIntervalMs: 15_000,
      navCaseSystemUrl: null,
      smtpUrl: null,
      mailFrom: 'IPS-plattformen <varsler@ips.invalid>',
      outboxIntervalMs: 10_000,
      digestHour: 7,
      dbPoolSize: 10,
      dbAcquireTimeoutMs: 5_000,
      dbStatementTimeoutMs: 15_000,
      jobs: true,
      metrics: true,
      metricsPort: 9464,
      metricsHost: '127.0.0.1',
      exposeErrorDetails: false,
      trustedDocuments: null,
      trustedDocumentsOnly: false,
      tracing: null,
      logLevel: 'info',
    });
  });

  it('reads every variable under its existing name', () => {
    const config = readConfig({
      APP_DATABASE_URL: DB,
      API_PORT: '8080',
      API_HOST: '0.0.0.0',
      NODE_ENV: 'production',
      API_MAX_PAGE_SIZE: '50',
      API_RATE_LIMIT_PER_MINUTE: '120',
      API_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '30',
      API_TRUST_PROXY: 'loopback, 10.0.0.0/8',
      API_CLOCK_TOLERANCE_SECONDS: '0',
      API_AUDIT_SEAL_INTERVAL_MS: '0',
      NAV_CASE_SYSTEM_URL: 'https://nav.example/api',
      SMTP_URL: 'smtps://u:p@mail.example:465',
      MAIL_FROM: 'IPS <a@b.example>',
      OUTBOX_INTERVAL_MS: '500',
      DEADLINE_DIGEST_HOUR: 'off',
      API_METRICS: 'off',
      API_METRICS_PORT: '9100',
      API_METRICS_HOST: '0.0.0.0',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      production: true,
      maxPageSize: 50,
      rateLimitPerMinute: 120,
      unauthenticatedRateLimitPerMinute: 30,
      trustProxy: ['loopback', '10.0.0.0/8'],
      clockToleranceSeconds: 0,
      sealIntervalMs: 0,
      navCaseSystemUrl: 'https://nav.example/api',
      smtpUrl: 'smtps://u:p@mail.example:465',
      mailFrom: 'IPS <a@b.example>',
      outboxIntervalMs: 500,
      digestHour: null,
      metrics: false,
      metricsPort: 9100,
      metricsHost: '0.0.0.0',
      exposeErrorDetails: false,
      tracing: { endpoint: 'http://collector:4318', serviceName: 'ips-api', sampleRatio: 0.25 },
      logLevel: 'warn',
    });
    expect(readConfig({ APP_DATABASE_URL: DB, DEADLINE_DIGEST_HOUR: '0' }).digestHour).toBe(0);
    expect(readConfig({ APP_DATABASE_URL: DB, API_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ APP_DATABASE_URL: DB, API_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(readConfig({ APP_DATABASE_URL: DB, API_EXPOSE_ERROR_DETAILS: 'on' }).exposeErrorDetails).toBe(
      true,
    );
  });

  it('never exposes error details in production, never serves metrics on the public port', () => {
    expect(
      problems({ APP_DATABASE_URL: DB, NODE_ENV: 'production', API_EXPOSE_ERROR_DETAILS: 'on' }).problems,
    ).toEqual([
      { variable: 'API_EXPOSE_ERROR_DETAILS', problem: expect.stringMatching(/NODE_ENV=production/) },
    ]);
    expect(problems({ APP_DATABASE_URL: DB, API_PORT: '9000', API_METRICS_PORT: '9000' }).problems).toEqual([
      { variable: 'API_METRICS_PORT', problem: expect.stringMatching(/must differ from API_PORT/) },
    ]);
    expect(
      readConfig({ APP_DATABASE_URL: DB, API_PORT: '9000', API_METRICS_PORT: '9000', API_METRICS: 'off' })
        .port,
    ).toBe(9000);
  });
});

describe('readConfig: blanks, missing and bad values, secrets', () => {
  it('takes a blank value as not given', () => {
    expect(readConfig({ APP_DATABASE_URL: DB, API_PORT: '', SMTP_URL: '  ' })).toMatchObject({
      port: 4100,
      smtpUrl: null,
    });
  });

  it('stops on a missing database, naming the variable', () => {
    const error = problems({});
    expect(error.problems).toEqual([
      { variable: 'APP_DATABASE_URL', problem: expect.stringMatching(/not set/) },
    ]);
    expect(error.message).toMatch(/^The API cannot start/);
  });

  it('names every bad variable at once, with what it expected', () => {
    const error = problems({
      APP_DATABASE_URL: DB,
      API_PORT: 'http',
      API_MAX_PAGE_SIZE: '0',
      API_RATE_LIMIT_PER_MINUTE: '1.5',
      DEADLINE_DIGEST_HOUR: '24',
      LOG_LEVEL: 'loud',
      NAV_CASE_SYSTEM_URL: 'ftp://nav.example',
      OUTBOX_INTERVAL_MS: '-1',
      API_METRICS: 'yes',
      API_EXPOSE_ERROR_DETAILS: '1',
      API_TRUST_PROXY: 'everyone',
      OTEL_TRACES_SAMPLER_ARG: '2',
    });
    expect(Object.fromEntries(error.problems.map((p) => [p.variable, p.problem]))).toEqual({
      API_PORT: 'expected a whole number from 0 to 65535, got "http"',
      API_MAX_PAGE_SIZE: 'expected a whole number from 1 to 1000, got "0"',
      API_RATE_LIMIT_PER_MINUTE: 'expected a whole number from 1 to 1000000, got "1.5"',
      DEADLINE_DIGEST_HOUR: 'expected an hour from 0 to 23 or "off", got "24"',
      LOG_LEVEL: 'expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      NAV_CASE_SYSTEM_URL: 'expected an http(s):// address, got "ftp://nav.example"',
      OUTBOX_INTERVAL_MS: 'expected a whole number from 0 to 86400000, got "-1"',
      API_METRICS: 'expected "on" or "off", got "yes"',
      API_EXPOSE_ERROR_DETAILS: 'expected "on" or "off", got "1"',
      API_TRUST_PROXY:
        'expected "off", a number of proxy hops from 1 to 10, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal, uniquelocal; got "everyone"',
      OTEL_TRACES_SAMPLER_ARG: 'expected a share from 0 to 1, got "2"',
    });
  });

  it('never repeats a secret in its message', () => {
    const error = problems({
      APP_DATABASE_URL: `mysql://root:${PASSWORD}@db/ips`,
      SMTP_URL: 'http://mailer:smtp-pw@mail.example',
    });
    expect(error.problems.map((p) => p.variable)).toEqual(['APP_DATABASE_URL', 'SMTP_URL']);
    expect(error.message).toMatch(/not shown: secret/);
    expect(error.message).not.toMatch(new RegExp(`${PASSWORD}|smtp-pw|mysql|mailer`));
  });

  it('lets tests and `pnpm start` override values, the database included', () => {
    const config = readConfig({}, { appDatabaseUrl: DB, port: 0, digestHour: null });
    expect(config).toMatchObject({ appDatabaseUrl: DB, port: 0, digestHour: null, maxPageSize: 100 });
  });

  it('describes itself without credentials', () => {
    const described = describeConfig(
      readConfig({ APP_DATABASE_URL: DB, SMTP_URL: 'smtp://u:smtp-pw@mail.example:587' }),
    );
    expect(described.appDatabaseUrl).toBe('postgresql://***@db.internal:5432/ips');
    expect(described.smtpUrl).toBe('smtp://***@mail.example:587');
    expect(JSON.stringify(described)).not.toMatch(new RegExp(`${PASSWORD}|smtp-pw|ips_app`));
  });
});

describe('the production entry point (src/serve.ts)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(inject('ipsTemplate'));
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Starts serve.ts; resolves with its output once it exits, or stops it with SIGTERM on `until`. */
  const serve = (env: NodeJS.ProcessEnv, until?: RegExp) =>
    new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, '..', 'src', 'serve.ts')],
        {
          cwd: join(import.meta.dirname, '..'),
          env: { PATH: process.env.PATH, TZ: 'UTC', ...env },
        },
      );
      let out = '';
      let signalled = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`serve.ts did not finish:\n${out}`));
        // Generous: on two loaded cores (the date runs, several checkouts) tsx alone can take 20 s
        // to start the process; the stop itself is bounded at 10 s by serve.ts.
      }, 100_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (!signalled && until?.test(out)) {
          signalled = true;
          child.kill('SIGTERM');
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out });
      });
    });

  it('refuses to start with a bad setting: exit 1, the variable named, the secret not shown', {
    timeout: 120_000,
  }, async () => {
    const { code, out } = await serve({
      APP_DATABASE_URL: `mysql://x:${PASSWORD}@h/db`,
      API_PORT: '99999',
    });
    expect(code).toBe(1);
    expect(out).toMatch(/APP_DATABASE_URL: expected a postgresql:\/\/ connection string/);
    expect(out).toMatch(/API_PORT: expected a whole number from 0 to 65535, got "99999"/);
    expect(out).not.toContain(PASSWORD);
  });

  it('starts, logs its configuration without the password, and stops cleanly on SIGTERM', {
    timeout: 120_000,
  }, async () => {
    const password = new URL(db.appUrl).password;
    expect(password.length).toBeGreaterThan(3);
    const { code, out } = await serve(
      {
        APP_DATABASE_URL: db.appUrl,
        API_PORT: '0',
        API_METRICS_PORT: '0',
        NODE_ENV: 'production',
        API_AUDIT_SEAL_INTERVAL_MS: '0',
      },
      /"msg":"listening/,
    );
    expect(out).toMatch(/"msg":"configuration"/);
    expect(out).toMatch(/"appDatabaseUrl":"postgresql:\/\/\*\*\*@127\.0\.0\.1:\d+\//);
    expect(out).not.toContain(password);
    expect(out).toMatch(/"msg":"stopping"/);
    expect(code).toBe(0);
  });
});
