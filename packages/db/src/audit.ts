/** The audit log's hash chains: seal what is unsealed, and walk every organisation's chain. */
import type pg from 'pg';

export interface AuditChainResult {
  organizationId: string;
  name: string;
  /** Rows walked. */
  checked: number;
  /** The first position that does not match; null when the chain is intact. */
  firstBroken: number | null;
}

/** Links unsealed rows into their organisation's chain; returns how many were sealed. */
export async function sealAuditLog(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: number }>('SELECT app.seal_audit_log() AS n');
  return Number(rows[0]?.n ?? 0);
}

/** Walks every organisation's chain (read-only). */
export async function verifyAuditChains(client: pg.ClientBase): Promise<AuditChainResult[]> {
  const { rows: orgs } = await client.query<{ id: string; name: string }>(
    'SELECT DISTINCT o.id, o.name FROM audit_log a JOIN organization o ON o.id = a."organizationId" ORDER BY o.name, o.id',
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
