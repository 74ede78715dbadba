/**
 * Our stack as it runs in production (Express, token verification, actor lookup, one transaction
 * with the RLS settings, CASL, Pothos + Prisma, Apollo with graphql-armor, the access log), or
 * with the security layers off (`benchmarkOnlyWithoutSecurity` + a connection that bypasses
 * row-level security) to price them. Logs go to /dev/null at the production level.
 */

import { readConfig } from '@ips/api/config';
import { createApi } from '@ips/api/server';
import pino from 'pino';

export async function startOurs(
  databaseUrl: string,
  secure: boolean,
): Promise<{ url: string; close(): Promise<void> }> {
  const api = await createApi(
    readConfig(
      {},
      {
        appDatabaseUrl: databaseUrl,
        port: 0,
        metricsPort: 0,
        // Production settings, except what a benchmark cannot have: one user sends all requests.
        production: secure,
        rateLimitPerMinute: 1_000_000_000,
        maxPageSize: 100,
        sealIntervalMs: 0,
        outboxIntervalMs: 0,
        digestHour: null,
      },
    ),
    {
      logger: pino({ level: 'info' }, pino.destination('/dev/null')),
      benchmarkOnlyWithoutSecurity: !secure,
    },
  );
  const { url } = await api.listen();
  return { url, close: () => api.stop() };
}
