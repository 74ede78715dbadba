import pg from 'pg';

/** Runs `fn` in a transaction that is always rolled back. */
export async function inRolledBackTransaction<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    return await fn(client);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await client.end();
  }
}

/** Sets the request context the way the API does: transaction-local settings. */
export async function setContext(client: pg.ClientBase, userId: string | null, orgIds: readonly string[]) {
  await client.query("SELECT set_config('app.user_id', $1, true), set_config('app.org_ids', $2, true)", [
    userId ?? '',
    orgIds.join(','),
  ]);
}

export async function queryOne<T extends pg.QueryResultRow>(
  client: pg.ClientBase,
  sql: string,
  params: unknown[] = [],
) {
  const { rows } = await client.query<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql}`);
  return rows[0] as T;
}
