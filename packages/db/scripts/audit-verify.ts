/**
 * `pnpm db:audit:verify`: seals what is unsealed, then walks every organisation's audit hash chain.
 * Exits 1 and names the organisation and the first broken position when a row was edited,
 * deleted or cut off.
 */
import pg from 'pg';
import { sealAuditLog, verifyAuditChains } from '../src/audit.js';
import { openDatabaseEnvironment } from '../src/environment.js';

const env = await openDatabaseEnvironment(console.log);
const client = new pg.Client({ connectionString: env.adminUrl });
let broken = 0;
try {
  await client.connect();
  console.log(`sealed ${await sealAuditLog(client)} new row(s)`);
  for (const r of await verifyAuditChains(client)) {
    if (r.firstBroken !== null) {
      broken++;
      console.error(
        `BROKEN  ${r.name} (${r.organizationId}): first bad position ${r.firstBroken} after ${r.checked} row(s)`,
      );
    } else {
      console.log(`ok      ${r.name}: ${r.checked} row(s)`);
    }
  }
} finally {
  await client.end();
  await env.stop();
}
process.exit(broken > 0 ? 1 : 0);
