/**
 * Loads the deterministic demo (or national-scale) data set into an empty, migrated database, in
 * one transaction, as the owner role (below row-level security).
 */
import pg from 'pg';
import { OWNER_ROLE } from '../roles.js';
import { TableBuffer } from './copy.js';
import {
  DEMO_SCALE,
  generateDataset,
  NATIONAL_SCALE,
  type SeedOptions,
  type SeedScale,
  TABLE_ORDER,
} from './generate.js';

export { DEMO_SCALE, NATIONAL_SCALE, type SeedOptions, type SeedScale, TABLE_ORDER };

export const DEFAULT_DEV_ISSUER = 'http://127.0.0.1:4010';
export const DEFAULT_SEED = 20_261_125;

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super(
      'The database already holds organisations. Seed only an empty database (pnpm db:reset starts over).',
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

export interface SeedResult {
  rows: Record<string, number>;
  totalRows: number;
  organizations: number;
  specialists: number;
  jobSeekers: number;
  milliseconds: number;
}

export function defaultSeedOptions(
  overrides: Partial<SeedOptions> = {},
): SeedOptions & { skipForeignKeyChecks?: boolean } {
  return {
    scale: DEMO_SCALE,
    today: new Date().toISOString().slice(0, 10),
    seed: DEFAULT_SEED,
    devIssuer: process.env.OIDC_DEV_ISSUER ?? DEFAULT_DEV_ISSUER,
    ...overrides,
  };
}

export async function seedDatabase(
  adminUrl: string,
  options: SeedOptions & { skipForeignKeyChecks?: boolean },
  log: (line: string) => void = () => {},
): Promise<SeedResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`SET ROLE ${OWNER_ROLE}`);
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM organization');
    if (Number(rows[0]?.n) > 0) throw new DatabaseNotEmptyError();
    await client.query('BEGIN');
    if (options.skipForeignKeyChecks) {
      // National scale only: the generator's references are proven by the demo seed's tests (loaded
      // with every check on); skipping the per-row foreign-key triggers makes bulk loading several
      // times faster. Needs a superuser; otherwise the load runs with the checks, just slower.
      const { rows: su } = await client.query<{ su: boolean }>(
        'SELECT rolsuper AS su FROM pg_roles WHERE rolname = session_user',
      );
      if (su[0]?.su) {
        await client.query('RESET ROLE');
        await client.query("SET LOCAL session_replication_role = 'replica'");
        await client.query(`SET ROLE ${OWNER_ROLE}`);
      }
    }
    const buffer = new TableBuffer(TABLE_ORDER);
    let flushes = 0;
    const counts = await generateDataset(options, buffer, async () => {
      await buffer.flush(client);
      if (++flushes % 25 === 0) log(`… ${[...buffer.totals.values()].reduce((a, b) => a + b, 0)} rows`);
    });
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const totals = Object.fromEntries(buffer.totals);
    return {
      rows: totals,
      totalRows: Object.values(totals).reduce((a, b) => a + b, 0),
      ...counts,
      milliseconds: Math.round(performance.now() - started),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
