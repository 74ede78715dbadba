/**
 * The daily deadline digest: one notification (and one e-mail in the outbox) per person and
 * organisation with overdue duties, counted here independently in SQL; a second run the same day
 * sends nothing more; the person finds it in their inbox.
 */
import { osloDay } from '@ips/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendDeadlineDigest } from '../src/outbox.js';
import { addOverdueDuty, type Stack, startStack } from './harness.js';

let stack: Stack;
let pool: pg.Pool;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addOverdueDuty(stack.admin);
  pool = new pg.Pool({ connectionString: stack.db.appUrl, max: 1 });
});
afterAll(async () => {
  await pool?.end();
  await stack?.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

describe('deadline digest', () => {
  it('goes once a day to each person with overdue duties, in each organisation', async () => {
    const day = osloDay(new Date());
    const expected = await count(
      `SELECT count(*) AS n FROM (SELECT DISTINCT "organizationId", "assigneeId" FROM task t WHERE status = 'OPEN' AND "dueOn" < $1::date
         AND NOT EXISTS (SELECT 1 FROM notification n WHERE n."recipientId" = t."assigneeId" AND n."organizationId" = t."organizationId"
                           AND n.kind = 'DEADLINE_DIGEST' AND (n."createdAt" AT TIME ZONE 'Europe/Oslo')::date = $1::date)) x`,
      [day],
    );
    expect(expected).toBeGreaterThan(0);
    const NOTES = `SELECT count(*) AS n FROM notification WHERE kind = 'DEADLINE_DIGEST'`;
    const MAILS = `SELECT count(*) AS n FROM outbox_message WHERE topic = 'email.notification' AND payload->>'subject' = 'Frister som har passert'`;
    const [notesBefore, mailsBefore] = [await count(NOTES), await count(MAILS)];
    expect(await sendDeadlineDigest(pool, day)).toBe(expected);
    expect(await count(NOTES)).toBe(notesBefore + expected);
    expect(await count(MAILS)).toBe(mailsBefore + expected);
    // Idempotent for the day.
    expect(await sendDeadlineDigest(pool, day)).toBe(0);
    expect(await count(NOTES)).toBe(notesBefore + expected);

    const { rows } = await stack.admin.query<{ email: string; overdue: string }>(
      `SELECT u.email, count(*) AS overdue FROM task t JOIN app_user u ON u.id = t."assigneeId"
       WHERE t.status = 'OPEN' AND t."dueOn" < $1::date GROUP BY u.email HAVING count(DISTINCT t."organizationId") = 1 ORDER BY u.email LIMIT 1`,
      [day],
    );
    const person = rows[0] as { email: string; overdue: string };
    const inbox = await stack.gql<{ notifications: { kind: string; title: string }[] }>(
      person.email,
      '{ notifications { kind title } }',
    );
    const digest = inbox.data?.notifications.find((n) => n.kind === 'DEADLINE_DIGEST');
    expect(digest?.title).toBe(
      Number(person.overdue) === 1
        ? 'Du har 1 frist som har passert.'
        : `Du har ${person.overdue} frister som har passert.`,
    );
  });
});
