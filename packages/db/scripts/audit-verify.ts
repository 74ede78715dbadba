/**
 * `pnpm db:audit:verify`: seals what is unsealed, then walks every organisation's audit hash chain.
 * Exits 1 and names the organisation and the first broken position when a row was edited,
 * deleted or cut off.
 */
import pg from 'pg';
import { openDatabaseEnvironment } from '../src/environment.js';

const env = await openDatabaseEnvironment(console.log);
const client = new pg.Client({ connectionString: env.adminUrl });
let broken = 0;
try {
  await client.connect();
  const { rows: sealed } = await client.query<{ n: number }>('SELECT app.seal_audit_log() AS n');
  console.log(`sealed ${sealed[0]?.n ?? 0} new row(s)`);
  const { rows: orgs } = await client.query<{ id: string; name: string }>(
    'SELECT DISTINCT o.id, o.name FROM audit_log a JOIN organization o ON o.id = a."organizationId" ORDER BY o.name',
  );
  for (const org of orgs) {
    const { rows } = await client.query<{ checked: string; first_broken: string | null }>(
      'SELECT * FROM app.verify_audit_chain($1)',
      [org.id],
    );
    const r = rows[0];
    if (r?.first_broken) {
      broken++;
      console.error(
        `BROKEN  ${org.name} (${org.id}): first bad position ${r.first_broken} after ${r.checked} row(s)`,
      );
    } else {
      console.log(`ok      ${org.name}: ${r?.checked ?? 0} row(s)`);
    }
  }
} finally {
  await client.end();
  await env.stop();
}
process.exit(broken > 0 ? 1 : 0);
