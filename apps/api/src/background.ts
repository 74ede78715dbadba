/**
 * The API's two background timers: sealing the access log into its hash chain, and delivering the
 * outbox (support plans to NAV's case system and their retractions, notification e-mails), each only when configured.
 * Scheduled jobs (reminders, retention, the digest) run on the job queue instead (`jobs.ts`).
 */
import { createTransport } from 'nodemailer';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ApiConfig } from './config.js';
import {
  deliverNavRetractions,
  deliverNavSupportPlans,
  deliverNotificationEmails,
  HttpNavCaseSystemAdapter,
} from './outbox.js';

export function startBackgroundTimers(pool: pg.Pool, config: ApiConfig, log: Logger): { stop(): void } {
  // Seal the access log in the background (ADR 0017): the month's partitions exist ahead of time,
  // then one round chains a batch per organisation (it writes batches; it cannot change a row).
  const sealer =
    config.sealIntervalMs > 0
      ? setInterval(() => {
          pool
            .query('SELECT app.ensure_current_audit_partitions()')
            .then(() => pool.query('SELECT app.seal_audit_log()'))
            .catch((error: unknown) =>
              log.error(
                { error: { name: (error as Error)?.name, code: (error as { code?: string })?.code } },
                'audit sealing failed',
              ),
            );
        }, config.sealIntervalMs)
      : undefined;
  sealer?.unref();
  const navAdapter = config.navCaseSystemUrl ? new HttpNavCaseSystemAdapter(config.navCaseSystemUrl) : null;
  const mail = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  const deliverer =
    (navAdapter || mail) && config.outboxIntervalMs > 0
      ? setInterval(() => {
          const failed = (error: unknown) =>
            log.error({ error: { name: (error as Error)?.name } }, 'outbox delivery failed');
          if (navAdapter) {
            deliverNavSupportPlans(pool, navAdapter).catch(failed);
            deliverNavRetractions(pool, navAdapter).catch(failed);
          }
          if (mail) deliverNotificationEmails(pool, mail, config.mailFrom).catch(failed);
        }, config.outboxIntervalMs)
      : undefined;
  deliverer?.unref();
  return {
    stop() {
      if (sealer) clearInterval(sealer);
      if (deliverer) clearInterval(deliverer);
      mail?.close();
    },
  };
}
