/**
 * The PostgreSQL server a test run uses: the one in IPS_TEST_DATABASE_URL (set by the root test
 * command for the whole run) or DATABASE_URL, or else a throw-away embedded server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../embedded.js';
import { withDatabase } from '../urls.js';

export interface TestServer {
  adminUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestServer(): Promise<TestServer> {
  const given = process.env.IPS_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { adminUrl: withDatabase(given, 'postgres'), stop: async () => {} };
  const dataDir = await mkdtemp(join(tmpdir(), 'ips-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
