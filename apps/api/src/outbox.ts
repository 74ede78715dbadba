/**
 * Delivers outbox messages to other systems, outside any request: claim due messages (a lease),
 * send each through its adapter, report the outcome (sent, or failed with back-off and retry).
 */
import type { Transporter } from 'nodemailer';
import type pg from 'pg';
import {
  NAV_SUPPORT_PLAN_RETRACT_TOPIC,
  NAV_SUPPORT_PLAN_TOPIC,
  type NavCaseSystemAdapter,
  type NavRetractionMessage,
  type NavSupportPlanMessage,
} from './schema/nav-case-system.js';
import { NOTIFICATION_EMAIL_TOPIC, type NotificationEmail } from './schema/notification.js';

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

  /** DELETE <endpoint>/<exportId>: NAV removes that delivered revision (404: nothing to remove). */
  async retract(message: NavRetractionMessage): Promise<void> {
    const response = await fetch(
      `${this.endpoint.replace(/\/$/, '')}/${encodeURIComponent(message.exportId)}`,
      {
        method: 'DELETE',
        headers: { 'idempotency-key': `retract-${message.exportId}`, ...this.headers },
        signal: AbortSignal.timeout(10_000),
      },
    );
    if (!response.ok && response.status !== 404)
      throw new Error(`NAV case system answered ${response.status}`);
  }
}

/**
 * NAV's case system in memory, for development and tests: holds the delivered revisions by export
 * id, replaces the one a new revision names, and removes a retracted one.
 */
export class InMemoryNavCaseSystem implements NavCaseSystemAdapter {
  readonly held = new Map<string, NavSupportPlanMessage>();
  readonly retracted: string[] = [];

  async sendSupportPlan(message: NavSupportPlanMessage): Promise<void> {
    if (message.replacesExportId) this.held.delete(message.replacesExportId);
    this.held.set(message.exportId, message);
  }

  async retract(message: NavRetractionMessage): Promise<void> {
    this.held.delete(message.exportId);
    this.retracted.push(message.exportId);
  }
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** One delivery round for NAV support plans; returns how many were sent and failed. */
export function deliverNavSupportPlans(
  pool: pg.Pool,
  adapter: NavCaseSystemAdapter,
  limit = 50,
): Promise<DeliveryResult> {
  return deliver<NavSupportPlanMessage>(pool, NAV_SUPPORT_PLAN_TOPIC, limit, (m) =>
    adapter.sendSupportPlan(m),
  );
}

/** One delivery round of retractions to NAV (after a withdrawn consent, issue 17 item 3). */
export function deliverNavRetractions(
  pool: pg.Pool,
  adapter: NavCaseSystemAdapter,
  limit = 50,
): Promise<DeliveryResult> {
  return deliver<NavRetractionMessage>(pool, NAV_SUPPORT_PLAN_RETRACT_TOPIC, limit, (m) =>
    adapter.retract(m),
  );
}

/** One delivery round for notification e-mails over SMTP (nodemailer). */
export function deliverNotificationEmails(
  pool: pg.Pool,
  transport: Transporter,
  from: string,
  limit = 50,
): Promise<DeliveryResult> {
  return deliver<NotificationEmail>(pool, NOTIFICATION_EMAIL_TOPIC, limit, async (m) => {
    await transport.sendMail({
      from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      messageId: `<${m.notificationId}@ips>`,
    });
  });
}

async function deliver<T>(
  pool: pg.Pool,
  topic: string,
  limit: number,
  send: (payload: T) => Promise<void>,
): Promise<DeliveryResult> {
  const { rows } = await pool.query<{ id: string; payload: T }>(
    'SELECT id, payload FROM app.claim_outbox($1, $2)',
    [topic, limit],
  );
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (const row of rows) {
    try {
      await send(row.payload);
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

/**
 * The daily deadline digest (an idempotent database function: at most one per person, organisation
 * and Oslo day, however often it is called). Returns how many digests were written.
 */
export async function sendDeadlineDigest(pool: pg.Pool, osloDay: string): Promise<number> {
  const { rows } = await pool.query<{ sent: number }>('SELECT app.send_deadline_digest($1::date) AS sent', [
    osloDay,
  ]);
  return rows[0]?.sent ?? 0;
}
