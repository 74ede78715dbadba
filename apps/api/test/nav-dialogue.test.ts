/**
 * Issue 17, "A secure dialogue per job seeker" (docs/nav-dialogue.md): who reads the thread list,
 * reads messages, posts, marks read and makes a journal note — the own specialist, a colleague of
 * the same team, of another team, of another tenant; the team's method supervisor while the
 * specialist is away and not; the NAV counsellor of the office holding the grant and of another
 * office — while the consent covers DIALOGUE, after it is narrowed, after it is withdrawn. Also the
 * round trip's duties and notifications, the access log, and that a thread list issues no statement
 * per thread.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';
import { ACTIVE, TEAM_CONSENT } from './relations.js';

let stack: Stack;
interface Who {
  email: string;
  userId: string;
}
let J: { id: string; org: string; teamId: string };
type ActorName = 'own' | 'supervisor' | 'sameTeam' | 'otherTeam' | 'otherTenant' | 'nav' | 'navOtherOffice';
const actors = {} as Record<ActorName, Who>;
let office: string;
let navConsent: { id: string; version: number };
let threadId: string;

const TODAY = `(now() AT TIME ZONE 'Europe/Oslo')::date`;

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await stack.admin.query(sql, params);
  if (!rows[0]) throw new Error(`no row for ${sql}`);
  return rows[0] as T;
}

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // A job seeker who consented to team discussion and not yet to NAV, in a team with a method
  // supervisor and another specialist; nobody of them away today.
  const notAway = (u: string) =>
    `NOT EXISTS (SELECT 1 FROM absence a WHERE a."specialistId" = ${u} AND a."startDate" <= ${TODAY}
       AND coalesce(a."actualEndDate", a."expectedEndDate", ${TODAY}) >= ${TODAY})`;
  const row = await one<{ id: string; org: string; teamId: string; s: string; v: string; c: string }>(
    `SELECT j.id, j."organizationId" AS org, j."teamId", j."currentSpecialistId" AS s, st."methodSupervisorId" AS v,
            (SELECT tm."userId" FROM team_member tm JOIN membership mm ON mm."userId" = tm."userId"
               AND mm."organizationId" = j."organizationId" AND mm.role = 'JOB_SPECIALIST' AND mm."endedAt" IS NULL
             WHERE tm."teamId" = j."teamId" AND tm."leftOn" IS NULL AND tm."userId" NOT IN (j."currentSpecialistId", st."methodSupervisorId")
             ORDER BY tm."userId" LIMIT 1) AS c
     FROM job_seeker j JOIN specialist_team st ON st.id = j."teamId"
     WHERE j.phase <> 'DISCHARGED' AND j."deletedAt" IS NULL AND st."methodSupervisorId" <> j."currentSpecialistId"
       AND ${TEAM_CONSENT}
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'NAV_SHARING')
       AND EXISTS (SELECT 1 FROM membership m WHERE m."userId" = st."methodSupervisorId" AND m."organizationId" = j."organizationId"
                   AND m.role = 'METHOD_SUPERVISOR' AND m."endedAt" IS NULL)
       AND EXISTS (SELECT 1 FROM team_member tm JOIN membership mm ON mm."userId" = tm."userId"
                     AND mm."organizationId" = j."organizationId" AND mm.role = 'JOB_SPECIALIST' AND mm."endedAt" IS NULL
                   WHERE tm."teamId" = j."teamId" AND tm."leftOn" IS NULL AND tm."userId" NOT IN (j."currentSpecialistId", st."methodSupervisorId"))
       AND ${notAway('j."currentSpecialistId"')} AND ${notAway('st."methodSupervisorId"')}
     ORDER BY j.id LIMIT 1`,
  );
  J = { id: row.id, org: row.org, teamId: row.teamId };
  const user = (id: string) => one<Who>(`SELECT email, id AS "userId" FROM app_user WHERE id = $1`, [id]);
  actors.own = await user(row.s);
  actors.supervisor = await user(row.v);
  actors.sameTeam = await user(row.c);
  // The demo has one team per organisation: another specialist of the team moves to a second team.
  actors.otherTeam = await one<Who>(
    `WITH d AS (
       SELECT tm.id AS member, u.email, u.id AS "userId" FROM team_member tm JOIN app_user u ON u.id = tm."userId"
       JOIN membership m ON m."userId" = u.id AND m."organizationId" = $1 AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
       WHERE tm."teamId" = $2 AND tm."leftOn" IS NULL AND u.id NOT IN ($3, $4, $5)
       ORDER BY u.email LIMIT 1
     ), team AS (
       INSERT INTO specialist_team (id, "organizationId", name, "methodSupervisorId", "updatedAt")
       SELECT gen_random_uuid(), st."organizationId", 'IPS Dialog', $4, now() FROM specialist_team st WHERE st.id = $2
       RETURNING id
     ), moved AS (
       UPDATE team_member tm SET "teamId" = team.id FROM team, d WHERE tm.id = d.member RETURNING tm.id
     )
     SELECT d.email, d."userId" FROM d, moved`,
    [J.org, J.teamId, row.s, row.v, row.c],
  );
  actors.otherTenant = await one<Who>(
    `SELECT u.email, u.id AS "userId" FROM membership m JOIN app_user u ON u.id = m."userId"
     WHERE m."organizationId" <> $1 AND m.role = 'JOB_SPECIALIST' AND m."endedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = u.id AND x."organizationId" = $1)
     ORDER BY u.email LIMIT 1`,
    [J.org],
  );
  const nav = await one<Who & { office: string }>(
    `SELECT u.email, u.id AS "userId", m."organizationId" AS office FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN organization o ON o.id = m."organizationId"
     WHERE m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL AND o.kind = 'NAV_OFFICE' AND o.active AND u.active
     ORDER BY u.email LIMIT 1`,
  );
  office = nav.office;
  actors.nav = { email: nav.email, userId: nav.userId };
  actors.navOtherOffice = await one<Who>(
    `SELECT u.email, u.id AS "userId" FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN organization o ON o.id = m."organizationId"
     WHERE m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL AND o.kind = 'NAV_OFFICE' AND o.active AND u.active
       AND m."organizationId" <> $1
       AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = u.id AND x."organizationId" = $1)
     ORDER BY u.email LIMIT 1`,
    [office],
  );
  // The job seeker consents to NAV's employment status and the dialogue; the specialist shares both.
  const given = await ok<{ recordConsent: { data: { id: string; version: number } } }>(
    actors.own.email,
    `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { __typename ... on MutationRecordConsentSuccess { data { id version } } } }`,
    { input: { jobSeekerId: J.id, scope: 'NAV_SHARING', navParts: ['EMPLOYMENT_STATUS', 'DIALOGUE'] } },
  );
  navConsent = given.recordConsent.data;
  const granted = await ok<{ grantNavSharing: { __typename: string } }>(
    actors.own.email,
    `mutation($input: GrantNavSharingInput!) { grantNavSharing(input: $input) { __typename } }`,
    { input: { jobSeekerId: J.id, navOfficeId: office, scopes: ['EMPLOYMENT_STATUS', 'DIALOGUE'] } },
  );
  expect(granted.grantNavSharing.__typename).toBe('MutationGrantNavSharingSuccess');
});
afterAll(async () => {
  await stack?.close();
});

async function ok<T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await stack.gql<T>(email, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** The person page's flag for the dialogue tab: null when the reader cannot open the job seeker. */
async function mayUse(who: ActorName): Promise<boolean | null> {
  const id = Buffer.from(`JobSeeker:${J.id}`).toString('base64');
  const res = await stack.gql<{ node: { mayUseNavDialogue?: boolean } | null }>(
    actors[who].email,
    `query($id: ID!) { node(id: $id) { ... on JobSeeker { mayUseNavDialogue } } }`,
    { id },
  );
  expect(res.errors).toBeUndefined();
  return res.data?.node?.mayUseNavDialogue ?? null;
}

const THREAD = `id version unreadCount answerDueOn otherSideReadUpTo journalNoteId messages { id side authorName body }`;
const DIALOGUE = `query($id: ID!) { navDialogue(jobSeekerId: $id) { __typename
  ... on QueryNavDialogueSuccess { data { side open openOffices { id } threads { ${THREAD} } } } } }`;

type Outcome = 'ok' | 'not found' | 'consent' | 'forbidden' | 'conflict' | 'already';
const outcome = (
  res: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] },
  field: string,
) => {
  if (res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) return 'forbidden' as const;
  expect(res.errors).toBeUndefined();
  const name = (res.data as Record<string, { __typename: string }>)[field]?.__typename;
  if (name?.endsWith('Success')) return 'ok' as const;
  const map: Record<string, Outcome> = {
    NotFoundError: 'not found',
    ConsentRequiredError: 'consent',
    ConflictError: 'conflict',
    AlreadyRecordedError: 'already',
  };
  return map[name as string] ?? (name as Outcome);
};

const ops = {
  async list(who: Who): Promise<Outcome> {
    const d = await ok<{ navDialogueOverview: { jobSeekerId: string }[] }>(
      who.email,
      `{ navDialogueOverview { jobSeekerId unreadCount answerDueOn } }`,
    );
    return d.navDialogueOverview.some((i) => i.jobSeekerId === J.id) ? 'ok' : 'not found';
  },
  async read(who: Who): Promise<Outcome> {
    const res = await stack.gql(who.email, DIALOGUE, { id: J.id });
    const o = outcome(res, 'navDialogue');
    if (o === 'ok') {
      const threads = (
        res.data as { navDialogue: { data: { threads: { id: string; messages: unknown[] }[] } } }
      ).navDialogue.data.threads;
      expect(threads.find((t) => t.id === threadId)?.messages.length).toBeGreaterThan(0);
    }
    return o;
  },
  async post(who: Who): Promise<Outcome> {
    const res = await stack.gql(
      who.email,
      `mutation($input: PostNavDialogueMessageInput!) { postNavDialogueMessage(input: $input) { __typename } }`,
      { input: { threadId, body: `Melding fra ${who.email}` } },
    );
    return outcome(res, 'postNavDialogueMessage');
  },
  async markRead(who: Who): Promise<Outcome> {
    const res = await stack.gql(
      who.email,
      `mutation($input: MarkNavDialogueReadInput!) { markNavDialogueRead(input: $input) { __typename } }`,
      { input: { threadId } },
    );
    return outcome(res, 'markNavDialogueRead');
  },
  async journal(who: Who): Promise<Outcome> {
    const { version } = await one<{ version: number }>(
      `SELECT version FROM nav_dialogue_thread WHERE id = $1`,
      [threadId],
    );
    const res = await stack.gql(
      who.email,
      `mutation($input: NavDialogueToJournalNoteInput!) { navDialogueToJournalNote(input: $input) { __typename } }`,
      { input: { threadId, version } },
    );
    return outcome(res, 'navDialogueToJournalNote');
  },
};

async function row(who: ActorName): Promise<Record<keyof typeof ops, Outcome>> {
  const a = actors[who];
  return {
    list: await ops.list(a),
    read: await ops.read(a),
    post: await ops.post(a),
    markRead: await ops.markRead(a),
    journal: await ops.journal(a),
  };
}
const all = (o: Outcome, journal: Outcome = o) => ({ list: o, read: o, post: o, markRead: o, journal });

async function openDuties(assignee: string) {
  return (
    await stack.admin.query<{ dueOn: string; sourceType: string }>(
      `SELECT to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", "sourceType" FROM task
       WHERE rule = 'NAV_DIALOGUE_ANSWER' AND status = 'OPEN' AND "sourceId" = $1 AND "assigneeId" = $2`,
      [threadId, assignee],
    )
  ).rows;
}
const notifications = async (recipient: string) =>
  Number(
    (
      await one<{ n: string }>(
        `SELECT count(*) AS n FROM notification WHERE kind = 'NAV_DIALOGUE' AND "recipientId" = $1 AND "linkId" = $2`,
        [recipient, J.id],
      )
    ).n,
  );

describe('the NAV dialogue (issue 17)', () => {
  it('a round trip: both sides told, the 48-hour duty opened for the other side and closed by the answer', async () => {
    const start = await ok<{ startNavDialogueThread: { __typename: string; data: { id: string } } }>(
      actors.own.email,
      `mutation($input: StartNavDialogueThreadInput!) { startNavDialogueThread(input: $input) { __typename
        ... on MutationStartNavDialogueThreadSuccess { data { id } } } }`,
      {
        input: {
          jobSeekerId: J.id,
          subject: 'Arbeidsavklaringspenger',
          body: 'Kan vi ta et møte om ytelsene?',
        },
      },
    );
    expect(start.startNavDialogueThread.__typename).toBe('MutationStartNavDialogueThreadSuccess');
    threadId = start.startNavDialogueThread.data.id;
    const { today, due } = await one<{ today: string; due: string }>(
      `SELECT to_char(${TODAY}, 'YYYY-MM-DD') AS today, to_char(${TODAY} + 2, 'YYYY-MM-DD') AS due`,
    );
    expect(today < due).toBe(true);
    // NAV is told (in its own office's inbox) and owes an answer in two days; the specialist owes nothing.
    expect(await notifications(actors.nav.userId)).toBe(1);
    expect(await openDuties(actors.nav.userId)).toEqual([
      { dueOn: due, sourceType: 'NavDialogueThread.NAV' },
    ]);
    expect(await openDuties(actors.own.userId)).toEqual([]);
    const inbox = await ok<{ notifications: { kind: string; linkId: string }[] }>(
      actors.nav.email,
      `{ notifications { kind linkId } }`,
    );
    expect(inbox.notifications).toContainEqual({ kind: 'NAV_DIALOGUE', linkId: J.id });
    // The counsellor reads it: one unread, an answer due; NAV sees its own duty.
    const seen = await ok<{
      navDialogue: { data: { side: string; threads: { unreadCount: number; answerDueOn: string }[] } };
    }>(actors.nav.email, DIALOGUE, { id: J.id });
    expect(seen.navDialogue.data.side).toBe('NAV');
    expect(seen.navDialogue.data.threads[0]).toMatchObject({ unreadCount: 1, answerDueOn: due });
    expect(await ops.markRead(actors.nav)).toBe('ok');
    const overview = await ok<{
      navDialogueOverview: { jobSeekerId: string; unreadCount: number; answerDueOn: string }[];
    }>(actors.nav.email, `{ navDialogueOverview { jobSeekerId unreadCount answerDueOn } }`);
    expect(overview.navDialogueOverview).toContainEqual({
      jobSeekerId: J.id,
      unreadCount: 0,
      answerDueOn: due,
    });
    // The answer closes NAV's duty, tells the specialist and opens theirs.
    expect(await ops.post(actors.nav)).toBe('ok');
    expect(await openDuties(actors.nav.userId)).toEqual([]);
    expect(await notifications(actors.own.userId)).toBe(1);
    expect(await openDuties(actors.own.userId)).toEqual([
      { dueOn: due, sourceType: 'NavDialogueThread.SPECIALIST' },
    ]);
    const mine = await ok<{
      navDialogue: { data: { threads: { unreadCount: number; otherSideReadUpTo: string | null }[] } };
    }>(actors.own.email, DIALOGUE, { id: J.id });
    expect(mine.navDialogue.data.threads[0]?.unreadCount).toBe(1);
    expect(mine.navDialogue.data.threads[0]?.otherSideReadUpTo).not.toBeNull();
    // The specialist's duty shows in their deadlines until they answer.
    const deadlines = async () =>
      (
        await stack.admin.query(
          `SELECT 1 FROM task WHERE "assigneeId" = $1 AND rule = 'NAV_DIALOGUE_ANSWER' AND status = 'OPEN'`,
          [actors.own.userId],
        )
      ).rowCount;
    expect(await deadlines()).toBe(1);
    expect(await ops.post(actors.own)).toBe('ok');
    expect(await deadlines()).toBe(0);
    // Every read and write is in the job seeker's access log.
    const log = await stack.admin.query<{ actor: string; action: string; area: string }>(
      `SELECT "actorUserId" AS actor, action::text, area FROM audit_log WHERE "jobSeekerId" = $1 AND area LIKE 'NavDialogue%'`,
      [J.id],
    );
    const has = (actor: string, action: string, area: string) =>
      log.rows.some((r) => r.actor === actor && r.action === action && r.area === area);
    expect(has(actors.own.userId, 'CREATE', 'NavDialogue.post')).toBe(true);
    expect(has(actors.nav.userId, 'READ', 'NavDialogue')).toBe(true);
    expect(has(actors.nav.userId, 'CREATE', 'NavDialogue.post')).toBe(true);
    expect(has(actors.nav.userId, 'UPDATE', 'NavDialogue.read')).toBe(true);
  });

  it('a thread list issues the same statements for two threads as for three (no statement per thread)', async () => {
    const start = () =>
      ok(
        actors.own.email,
        `mutation($input: StartNavDialogueThreadInput!) { startNavDialogueThread(input: $input) { __typename } }`,
        {
          input: { jobSeekerId: J.id, subject: 'Oppfølging', body: 'Et spørsmål til.' },
        },
      );
    const count = async () => {
      stack.statements.length = 0;
      await ok(actors.own.email, DIALOGUE, { id: J.id });
      return stack.statements.length;
    };
    await start();
    const two = await count();
    await start();
    expect(await count()).toBe(two);
  });
});

describe('who uses the NAV dialogue, and when it closes (issue 17)', () => {
  it('while the consent covers the dialogue: the own specialist, the covering supervisor and the office', async () => {
    expect(await row('sameTeam')).toEqual(all('not found'));
    expect(await row('otherTeam')).toEqual(all('not found'));
    expect(await row('otherTenant')).toEqual(all('not found'));
    expect(await row('supervisor')).toEqual(all('not found'));
    expect(await row('nav')).toEqual(all('ok', 'forbidden'));
    // The person page's dialogue tab follows the same rule (the supervisor reads the case under
    // the team consent, but does not cover it yet).
    expect(await mayUse('own')).toBe(true);
    expect(await mayUse('supervisor')).toBe(false);
    expect(await mayUse('sameTeam')).not.toBe(true);
    expect(await mayUse('nav')).not.toBe(true);
    expect(await row('navOtherOffice')).toEqual({
      ...all('consent'),
      list: 'not found',
      read: 'not found',
      journal: 'not found',
    });
    // The specialist is away today: the supervisor answers for the follow-up (seed 001 §4.1),
    // but the journal stays the own specialist's.
    const absence = await one<{ id: string }>(
      `INSERT INTO absence (id, "organizationId", "specialistId", type, planned, "startDate", "registeredById", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'SICK_LEAVE', false, ${TODAY} - 1, $3, now()) RETURNING id`,
      [J.org, actors.own.userId, actors.supervisor.userId],
    );
    expect(await row('supervisor')).toEqual(all('ok', 'forbidden'));
    expect(await mayUse('supervisor')).toBe(true);
    // NAV's answer now reaches the supervisor too.
    const before = await notifications(actors.supervisor.userId);
    expect(await ops.post(actors.nav)).toBe('ok');
    expect(await notifications(actors.supervisor.userId)).toBe(before + 1);
    await stack.admin.query(`DELETE FROM absence WHERE id = $1`, [absence.id]);
    expect(await ops.read(actors.supervisor)).toBe('not found');
    expect(await mayUse('supervisor')).toBe(false);
    expect(await row('own')).toEqual(all('ok'));
    expect(await ops.journal(actors.own)).toBe('already');
    const note = await one<{ kind: string; text: string }>(
      `SELECT kind::text, text FROM journal_note WHERE "sourceId" = $1`,
      [threadId],
    );
    expect(note.kind).toBe('NAV_DIALOGUE');
    expect(note.text).toContain('NAV-veileder');
  });

  it('narrowed, then withdrawn: closed on the next request for every side; the history stays with the specialist', async () => {
    const narrowed = await ok<{ changeConsent: { __typename: string; data: { version: number } } }>(
      actors.own.email,
      `mutation($input: ChangeConsentInput!) { changeConsent(input: $input) { __typename ... on MutationChangeConsentSuccess { data { version } } } }`,
      { input: { id: navConsent.id, version: navConsent.version, navParts: ['EMPLOYMENT_STATUS'] } },
    );
    expect(narrowed.changeConsent.__typename).toBe('MutationChangeConsentSuccess');
    const closed = {
      list: 'not found',
      read: 'consent',
      post: 'consent',
      markRead: 'consent',
      journal: 'not found',
    };
    expect(await row('nav')).toEqual(closed);
    const history = async () => {
      const d = await ok<{ navDialogue: { data: { open: boolean; threads: unknown[] } } }>(
        actors.own.email,
        DIALOGUE,
        { id: J.id },
      );
      return d.navDialogue.data;
    };
    expect(await history()).toMatchObject({ open: false });
    expect((await history()).threads.length).toBeGreaterThan(0);
    expect(await ops.post(actors.own)).toBe('consent');
    expect(await ops.markRead(actors.own)).toBe('ok');
    // Widened again, then withdrawn.
    const widened = await ok<{ changeConsent: { data: { version: number } } }>(
      actors.own.email,
      `mutation($input: ChangeConsentInput!) { changeConsent(input: $input) { ... on MutationChangeConsentSuccess { data { version } } } }`,
      {
        input: {
          id: navConsent.id,
          version: narrowed.changeConsent.data.version,
          navParts: ['EMPLOYMENT_STATUS', 'DIALOGUE'],
        },
      },
    );
    // Narrowing the consent narrowed the grant: the specialist shares the dialogue again.
    expect(await ops.read(actors.nav)).toBe('consent');
    await ok(
      actors.own.email,
      `mutation($input: GrantNavSharingInput!) { grantNavSharing(input: $input) { __typename } }`,
      {
        input: { jobSeekerId: J.id, navOfficeId: office, scopes: ['EMPLOYMENT_STATUS', 'DIALOGUE'] },
      },
    );
    expect(await ops.read(actors.nav)).toBe('ok');
    const withdrawn = await ok<{ withdrawConsent: { __typename: string } }>(
      actors.own.email,
      `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { __typename } }`,
      { input: { id: navConsent.id, version: widened.changeConsent.data.version } },
    );
    expect(withdrawn.withdrawConsent.__typename).toBe('MutationWithdrawConsentSuccess');
    expect(await row('nav')).toEqual(closed);
    expect((await history()).threads.length).toBeGreaterThan(0);
    expect(await ops.post(actors.own)).toBe('consent');
    // Below the API: the database shows NAV none of it either.
    const c = await stack.admin.query(`SELECT 1 FROM consent c WHERE c.id = $1 AND ${ACTIVE('c')}`, [
      navConsent.id,
    ]);
    expect(c.rowCount).toBe(0);
  });
});
