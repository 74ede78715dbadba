/**
 * `pnpm --filter @ips/db prepare:database`: what `pnpm start` does to the database, then exits —
 * roles and database present, migrations applied, demo data loaded when the database is empty.
 * The compose file runs it once before the API (a demonstration stack, never production data).
 */
import { prepareDatabase } from '../src/prepare.js';

const env = await prepareDatabase(console.log);
await env.stop();
