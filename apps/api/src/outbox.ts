/**
 * Delivers outbox messages to other systems, outside any request: claim due messages (a lease),
 * send each through its adapter, report the outcome (sent, or failed with back-off and retry).
 */
import type pg from 'pg';
import {
  NAV_SUPPORT_PLAN_TOPIC,
  type NavCaseSystemAdapter,
  type NavSupportPlanMessage,
} from './schema/nav-case-system.js';

/** Sends support plans to NAV's case system as JSON over HTTPS (the receiving endpoint is configured). */
export class HttpNavCaseSystemAdapter implements NavCaseSystemAdapter {
  constructor(
    private readonly endpoint: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async sendSupportPlan(message: NavSupportPlanMessage): Promise<void> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.exportId, ...this.headers },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`NAV case system answered ${response.status}`);
  }
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** One delivery round for NAV support plans; returns how many were sent and failed. */
export async function deliverNavSupportPlans(
  pool: pg.Pool,
  adapter: NavCaseSystemAdapter,
  limit = 50,
): Promise<DeliveryResult> {
  const { rows } = await pool.query<{ id: string; payload: NavSupportPlanMessage }>(
    'SELECT id, payload FROM app.claim_outbox($1, $2)',
    [NAV_SUPPORT_PLAN_TOPIC, limit],
  );
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (const row of rows) {
    try {
      await adapter.sendSupportPlan(row.payload);
      await pool.query('SELECT app.complete_outbox($1, true)', [row.id]);
      result.sent++;
    } catch (error) {
      await pool.query('SELECT app.complete_outbox($1, false, $2)', [
        row.id,
        error instanceof Error ? error.message : String(error),
      ]);
      result.failed++;
    }
  }
  return result;
}
