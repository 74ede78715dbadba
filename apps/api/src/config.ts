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
}

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ApiConfig> = {},
): ApiConfig {
  const appDatabaseUrl = overrides.appDatabaseUrl ?? env.APP_DATABASE_URL;
  if (!appDatabaseUrl) throw new Error('APP_DATABASE_URL is not set (the runtime-role connection string).');
  return {
    port: Number(env.API_PORT ?? 4100),
    host: env.API_HOST ?? '127.0.0.1',
    production: env.NODE_ENV === 'production',
    appDatabaseUrl,
    maxPageSize: Number(env.API_MAX_PAGE_SIZE ?? 100),
    rateLimitPerMinute: Number(env.API_RATE_LIMIT_PER_MINUTE ?? 600),
    clockToleranceSeconds: Number(env.API_CLOCK_TOLERANCE_SECONDS ?? 30),
    sealIntervalMs: Number(env.API_AUDIT_SEAL_INTERVAL_MS ?? 15_000),
    navCaseSystemUrl: env.NAV_CASE_SYSTEM_URL ?? null,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM ?? 'IPS-plattformen <varsler@ips.invalid>',
    outboxIntervalMs: Number(env.OUTBOX_INTERVAL_MS ?? 10_000),
    digestHour: env.DEADLINE_DIGEST_HOUR === 'off' ? null : Number(env.DEADLINE_DIGEST_HOUR ?? 7),
    ...overrides,
  };
}
