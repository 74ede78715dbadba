/**
 * The audit log's hash chains (ADR 0017): seal what is unsealed into batches, and walk every
 * organisation's chain of batches.
 */
import type pg from 'pg';

export interface AuditChainResult {
  organizationId: string;
  name: string;
  /** Rows checked (in intact batches). */
  checked: number;
  /** The first batch number that does not match; null when the chain is intact. */
  firstBroken: number | null;
}

/**
 * Seals every row committed before the call into its organisation's chain; returns how many rows
 * were sealed. A round seals only what an earlier round noted once every transaction that could
 * still add to it has ended, so this runs rounds until the rows present at the call are sealed
 * (waiting up to `timeoutMs` for transactions still open elsewhere). Not inside a transaction.
 */
export async function sealAuditLog(client: pg.ClientBase, timeoutMs = 10_000): Promise<number> {
  const round = async () =>
    Number(
      (await client.query<{ n: number }>('SELECT app.seal_audit_log(NULL, 100000) AS n')).rows[0]?.n ?? 0,
    );
  const sealedThrough = async () =>
    BigInt(
      (await client.query<{ s: string }>('SELECT "sealedThrough"::text AS s FROM app.audit_seal_state'))
        .rows[0]?.s ?? '0',
    );
  // the highest sequence number handed out so far (whatever the caller may see of the rows)
  const { rows } = await client.query<{ s: string }>(
    'SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS s FROM audit_log_sequence_seq',
  );
  const target = BigInt(rows[0]?.s ?? '0');
  const deadline = Date.now() + timeoutMs;
  let sealed = await round();
  while ((await sealedThrough()) < target && Date.now() < deadline) {
    const n = await round();
    sealed += n;
    if (n === 0) await new Promise((r) => setTimeout(r, 20));
  }
  return sealed;
}

/** Walks every organisation's chain (read-only). */
export async function verifyAuditChains(client: pg.ClientBase): Promise<AuditChainResult[]> {
  const { rows: orgs } = await client.query<{ id: string; name: string }>(
    `SELECT o.id, o.name FROM organization o
     WHERE EXISTS (SELECT 1 FROM app.audit_chain_head h WHERE h.organization_id = o.id)
        OR EXISTS (SELECT 1 FROM audit_log a WHERE a."organizationId" = o.id)
     ORDER BY o.name, o.id`,
  );
  const results: AuditChainResult[] = [];
  for (const org of orgs) {
    const { rows } = await client.query<{ checked: string; first_broken: string | null }>(
      'SELECT * FROM app.verify_audit_chain($1)',
      [org.id],
    );
    const r = rows[0];
    results.push({
      organizationId: org.id,
      name: org.name,
      checked: Number(r?.checked ?? 0),
      firstBroken: r?.first_broken == null ? null : Number(r.first_broken),
    });
  }
  return results;
}
