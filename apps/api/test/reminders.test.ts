/**
 * Personal reminders (issue 15 item 10) over HTTP: set on an own job seeker, seen in "my reminders"
 * and on the job seeker, marked done — and never seen or changed by anyone but the author. The
 * matrix: author, same-team colleague, the team's method supervisor, a specialist of another team,
 * a specialist of another tenant. Below the API, row-level security holds the same line.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';
import { findCell } from './relations.js';

let stack: Stack;
interface Person {
  email: string;
  userId: string;
  organizationId: string;
}
let author: Person & { jobSeekerId: string };
const others: Record<string, Person> = {};

const SET = `mutation($input: SetReminderInput!) {
  setReminder(input: $input) {
    __typename
    ... on MutationSetReminderSuccess { data { id dueOn text doneAt } }
    ... on ValidationError { issues { field code } }
    ... on NotFoundError { entity }
  }
}`;
const COMPLETE = `mutation($input: CompleteReminderInput!) {
  completeReminder(input: $input) {
    __typename
    ... on MutationCompleteReminderSuccess { data { id doneAt } }
    ... on NotFoundError { entity }
  }
}`;
const MINE = `{ myReminders { id text dueOn jobSeeker { id } } }`;
const ON_JOB_SEEKER = `query($id: ID!) { jobSeeker(id: $id) { id reminders { id text } } }`;

type SetResult = {
  __typename: string;
  data?: { id: string; dueOn: string; text: string; doneAt: string | null };
  issues?: { field: string; code: string }[];
};

const osloToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function person(sql: string, params: unknown[]): Promise<Person> {
  const { rows } = await stack.admin.query<Person>(sql, params);
  if (!rows[0]) throw new Error(`no person for ${sql}`);
  return rows[0];
}

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  const own = await findCell(stack, 'JOB_SPECIALIST', 'own');
  const a = await person(
    `SELECT u.email, u.id AS "userId", j."organizationId" FROM app_user u JOIN job_seeker j ON j."currentSpecialistId" = u.id
     WHERE u.email = $1 AND j.id = $2`,
    [own.email, own.jobSeekerId],
  );
  author = { ...a, jobSeekerId: own.jobSeekerId };
  const team = (
    await stack.admin.query<{ teamId: string; supervisorId: string }>(
      `SELECT t.id AS "teamId", t."methodSupervisorId" AS "supervisorId" FROM team_member tm
       JOIN specialist_team t ON t.id = tm."teamId" WHERE tm."userId" = $1 AND tm."leftOn" IS NULL LIMIT 1`,
      [author.userId],
    )
  ).rows[0];
  if (!team) throw new Error('the author is in no team');
  others.colleague = await person(
    `SELECT u.email, u.id AS "userId", tm."organizationId" FROM team_member tm JOIN app_user u ON u.id = tm."userId"
     WHERE tm."teamId" = $1 AND tm."userId" <> $2 AND tm."userId" <> $3 AND tm."leftOn" IS NULL ORDER BY u.email LIMIT 1`,
    [team.teamId, author.userId, team.supervisorId],
  );
  others.supervisor = await person(
    `SELECT u.email, u.id AS "userId", $2::uuid AS "organizationId" FROM app_user u WHERE u.id = $1`,
    [team.supervisorId, author.organizationId],
  );
  // Another team in the author's organisation, with a specialist of its own.
  others.otherTeam = await person(
    `WITH t AS (
       INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'IPS Påminnelser', $2, now()) RETURNING id
     ), moved AS (
       UPDATE team_member tm SET "teamId" = (SELECT id FROM t)
       WHERE tm.id = (SELECT tm2.id FROM team_member tm2 WHERE tm2."teamId" = $3 AND tm2."userId" NOT IN ($4, $5, $2)
                      AND tm2."leftOn" IS NULL AND tm2.role = 'JOB_SPECIALIST' ORDER BY tm2."userId" LIMIT 1)
       RETURNING tm."userId"
     )
     SELECT u.email, u.id AS "userId", $1::uuid AS "organizationId" FROM app_user u WHERE u.id = (SELECT "userId" FROM moved)`,
    [author.organizationId, team.supervisorId, team.teamId, author.userId, others.colleague.userId],
  );
  others.otherTenant = await person(
    `SELECT u.email, u.id AS "userId", m."organizationId" FROM membership m JOIN app_user u ON u.id = m."userId"
     WHERE m.role = 'JOB_SPECIALIST' AND m."organizationId" <> $1 AND m."endedAt" IS NULL ORDER BY u.email LIMIT 1`,
    [author.organizationId],
  );
});
afterAll(async () => {
  await stack?.close();
});

const set = (as: string, input: Record<string, unknown>) =>
  stack.gql<{ setReminder: SetResult }>(as, SET, { input });

describe('personal reminders', () => {
  it('are set with a day and a text of at most 500 characters, from today on', async () => {
    const today = osloToday();
    const empty = await set(author.email, { jobSeekerId: author.jobSeekerId, dueOn: today, text: '   ' });
    expect(empty.data?.setReminder.issues).toEqual([{ field: 'text', code: 'REQUIRED' }]);
    const long = await set(author.email, {
      jobSeekerId: author.jobSeekerId,
      dueOn: today,
      text: 'x'.repeat(501),
    });
    expect(long.data?.setReminder.issues).toEqual([{ field: 'text', code: 'TOO_LONG' }]);
    const past = await set(author.email, {
      jobSeekerId: author.jobSeekerId,
      dueOn: addDays(today, -1),
      text: 'Ring Kari',
    });
    expect(past.data?.setReminder.issues).toEqual([{ field: 'dueOn', code: 'IN_PAST' }]);
    const full = await set(author.email, {
      jobSeekerId: author.jobSeekerId,
      dueOn: today,
      text: 'y'.repeat(500),
    });
    expect(full.data?.setReminder.__typename).toBe('MutationSetReminderSuccess');
  });

  it('only the author sees and completes one (author, same team, supervisor, other team, other tenant)', async () => {
    const text = `Ring om arbeidstrening ${Date.now()}`;
    const made = await set(author.email, {
      jobSeekerId: author.jobSeekerId,
      dueOn: addDays(osloToday(), 2),
      text,
    });
    const id = made.data?.setReminder.data?.id as string;
    expect(id).toBeTruthy();

    const seen = async (as: string) => {
      const mine = await stack.gql<{ myReminders: { id: string }[] }>(as, MINE);
      const onJs = await stack.gql<{ jobSeeker: { reminders?: { id: string }[] } | null }>(
        as,
        ON_JOB_SEEKER,
        {
          id: author.jobSeekerId,
        },
      );
      return {
        inMine: (mine.data?.myReminders ?? []).some((r) => r.id === id),
        onJobSeeker: (onJs.data?.jobSeeker?.reminders ?? []).some((r) => r.id === id),
      };
    };
    expect(await seen(author.email)).toEqual({ inMine: true, onJobSeeker: true });

    for (const [who, p] of Object.entries(others)) {
      expect({ who, ...(await seen(p.email)) }).toEqual({ who, inMine: false, onJobSeeker: false });
      const done = await stack.gql<{ completeReminder: { __typename: string } }>(p.email, COMPLETE, {
        input: { reminderId: id },
      });
      expect({ who, result: done.data?.completeReminder.__typename }).toEqual({
        who,
        result: 'NotFoundError',
      });
      // Nor may they set one on the author's job seeker.
      const theirs = await set(p.email, { jobSeekerId: author.jobSeekerId, dueOn: osloToday(), text: 'x' });
      const refused =
        theirs.data?.setReminder.__typename ?? (theirs.errors?.[0]?.extensions?.code as string | undefined);
      expect({ who, ok: refused === 'MutationSetReminderSuccess' }).toEqual({ who, ok: false });
    }
    // Nothing changed by their attempts.
    const row = await stack.admin.query(`SELECT "doneAt" FROM reminder WHERE id = $1`, [id]);
    expect(row.rows[0]?.doneAt).toBeNull();

    const done = await stack.gql<{ completeReminder: { data?: { doneAt: string | null } } }>(
      author.email,
      COMPLETE,
      { input: { reminderId: id } },
    );
    expect(done.data?.completeReminder.data?.doneAt).toBeTruthy();
    expect(await seen(author.email)).toEqual({ inMine: false, onJobSeeker: false });
  });

  it('row-level security shows a reminder to its author only, with the API’s filters gone', async () => {
    const made = await set(author.email, {
      jobSeekerId: author.jobSeekerId,
      dueOn: osloToday(),
      text: 'RLS',
    });
    const id = made.data?.setReminder.data?.id as string;
    const visible = async (p: Person) => {
      const c = new pg.Client({ connectionString: stack.db.appUrl });
      await c.connect();
      try {
        await c.query('BEGIN');
        await c.query("SELECT set_config('app.user_id', $1, true), set_config('app.org_ids', $2, true)", [
          p.userId,
          p.organizationId,
        ]);
        const read = await c.query('SELECT id FROM reminder WHERE id = $1', [id]);
        const changed = await c.query(`UPDATE reminder SET text = 'endret' WHERE id = $1`, [id]);
        return { read: read.rowCount, changed: changed.rowCount };
      } finally {
        await c.query('ROLLBACK');
        await c.end();
      }
    };
    expect(await visible(author)).toEqual({ read: 1, changed: 1 });
    for (const [who, p] of Object.entries(others)) {
      expect({ who, ...(await visible(p)) }).toEqual({ who, read: 0, changed: 0 });
    }
  });

  it('never writes the text to the audit log', async () => {
    const text = `Hemmelig påminnelse ${Date.now()}`;
    await set(author.email, { jobSeekerId: author.jobSeekerId, dueOn: osloToday(), text });
    const { rows } = await stack.admin.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE row_to_json(audit_log)::text LIKE $1`,
      [`%${text}%`],
    );
    expect(rows[0]?.n).toBe(0);
    const logged = await stack.admin.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE area = 'Reminder.set' AND "jobSeekerId" = $1`,
      [author.jobSeekerId],
    );
    expect(logged.rows[0]?.n).toBeGreaterThan(0);
  });
});
