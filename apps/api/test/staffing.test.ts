/**
 * Source document 001's procedure over HTTP, on the seeded data: a specialist's unplanned long
 * sick leave → the health-service leader registers it → the method supervisor is notified (inbox
 * and e-mail through a real SMTP sink) → the coverage view → transfers that prefer the same
 * service level → a cross-service transfer refused without consent and allowed with it → the new
 * specialists get "meet soon" tasks; a concurrent reassignment is refused; the specialist leaves
 * and the rest of the portfolio moves in one all-or-nothing decision. And the team rules: the 11th
 * specialist is refused.
 */
import { osloDay } from '@ips/domain';
import { type ParsedMail, simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverNotificationEmails } from '../src/outbox.js';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
let appPool: pg.Pool;
let sink: SMTPServer;
let sinkPort = 0;
const mails: ParsedMail[] = [];

interface Facts {
  teamId: string;
  orgId: string;
  supervisor: string;
  supervisorId: string;
  absent: string;
  absentId: string;
  leader: string;
  crossServiceId: string;
  crossService: string;
}
let f: Facts;

const today = osloDay(new Date());
const plusDays = (n: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dbId = (id: unknown) => {
  const text = String(id);
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(text)
    ? text
    : (Buffer.from(text, 'base64').toString().split(':')[1] as string);
};

async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await stack.admin.query(sql, params);
  if (!rows[0]) throw new Error(`no row for ${sql}`);
  return rows[0] as T;
}
/** The colleague who took over in the seed-001 scenario. */
let coverId = '';
const coverOf = () => coverId;

const count = async (sql: string, params: unknown[] = []) =>
  Number((await one<{ n: string }>(sql, params)).n);

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  appPool = new pg.Pool({ connectionString: stack.db.appUrl, max: 2 });
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  sinkPort = (sink.server.address() as { port: number }).port;

  // A municipal team with a host-employed specialist who has a portfolio and no absence ahead, and
  // a member employed by another organisation (another service).
  const team = await one<{ teamId: string; orgId: string; supervisorId: string; absentId: string }>(
    `SELECT t.id AS "teamId", t."organizationId" AS "orgId", t."methodSupervisorId" AS "supervisorId", tm."userId" AS "absentId"
     FROM specialist_team t
     JOIN organization o ON o.id = t."organizationId" AND o.kind = 'MUNICIPALITY'
     JOIN team_member tm ON tm."teamId" = t.id AND tm.role = 'JOB_SPECIALIST' AND tm."leftOn" IS NULL
       AND tm."employerOrganizationId" = t."organizationId"
     WHERE EXISTS (SELECT 1 FROM team_member x WHERE x."teamId" = t.id AND x."leftOn" IS NULL AND x."employerOrganizationId" <> t."organizationId")
       AND EXISTS (SELECT 1 FROM membership m WHERE m."organizationId" = t."organizationId" AND m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL)
       AND NOT EXISTS (SELECT 1 FROM absence a WHERE a."specialistId" = tm."userId" AND a."startDate" <= $1::date + 40
                         AND coalesce(a."actualEndDate", a."expectedEndDate", 'infinity') >= $1::date)
     ORDER BY (SELECT count(*) FROM job_seeker j WHERE j."currentSpecialistId" = tm."userId" AND j.phase <> 'DISCHARGED'
                 AND j."organizationId" = t."organizationId") DESC, tm."userId"
     LIMIT 1`,
    [today],
  );
  const email = async (id: string) =>
    (await one<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [id])).email;
  const leader = await one<{ email: string }>(
    `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId"
     WHERE m."organizationId" = $1 AND m.role = 'HEALTH_SERVICE_LEADER' AND m."endedAt" IS NULL ORDER BY u.email LIMIT 1`,
    [team.orgId],
  );
  const cross = await one<{ userId: string }>(
    `SELECT tm."userId" FROM team_member tm WHERE tm."teamId" = $1 AND tm."leftOn" IS NULL AND tm."employerOrganizationId" <> $2
     ORDER BY tm."userId" LIMIT 1`,
    [team.teamId, team.orgId],
  );
  f = {
    ...team,
    supervisor: await email(team.supervisorId),
    absent: await email(team.absentId),
    leader: leader.email,
    crossServiceId: cross.userId,
    crossService: await email(cross.userId),
  };
});

afterAll(async () => {
  await appPool?.end();
  await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  await stack?.close();
});

async function gql<T = Record<string, unknown>>(
  as: string,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const res = await stack.gql<T>(as, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const TRANSFER = `mutation($input: TransferJobSeekerInput!) {
  transferJobSeeker(input: $input) {
    __typename
    ... on MutationTransferJobSeekerSuccess { data { id temporary crossService reason toSpecialist { id } } }
    ... on ValidationError { issues { field code } }
    ... on ConflictError { currentVersion }
    ... on ConsentRequiredError { scope }
  }
}`;

type TransferResult = {
  transferJobSeeker: {
    __typename: string;
    data?: { id: string; temporary: boolean; crossService: boolean; toSpecialist: { id: string } };
    issues?: { field: string; code: string }[];
    scope?: string;
  };
};

const portfolioOf = (userId: string) =>
  stack.admin
    .query<{ id: string }>(
      `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 AND phase <> 'DISCHARGED' AND "organizationId" = $2 ORDER BY id`,
      [userId, f.orgId],
    )
    .then((r) => r.rows.map((x) => x.id));

const hasScope = (jobSeekerId: string, scope: string) =>
  count(
    `SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1 AND scope = $2 AND "withdrawnAt" IS NULL
       AND "validFrom" <= now() AND ("validUntil" IS NULL OR "validUntil" > now())`,
    [jobSeekerId, scope],
  ).then((n) => n > 0);

/**
 * A job seeker of this specialist whom the team may discuss: the first with the consent, or the
 * first of the portfolio given the consent here (what today's seed holds must not decide).
 */
async function discussable(specialistId: string): Promise<string> {
  const portfolio = await portfolioOf(specialistId);
  for (const id of portfolio) if (await hasScope(id, 'TEAM_CASE_DISCUSSION')) return id;
  const id = portfolio[0];
  if (!id) throw new Error('the specialist has no portfolio');
  await stack.admin.query(
    `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
     SELECT gen_random_uuid(), j."organizationId", j.id, 'TEAM_CASE_DISCUSSION', now() - interval '1 day', $2, now()
     FROM job_seeker j WHERE j.id = $1`,
    [id, specialistId],
  );
  return id;
}

let absenceId = '';
let coveredId = '';

describe('seed 001: long sick leave, coverage and transfers', () => {
  it('the leader registers an unplanned long absence; the supervisor is told in the inbox and by e-mail', async () => {
    const before = await count('SELECT count(*) AS n FROM notification WHERE "recipientId" = $1', [
      f.supervisorId,
    ]);
    const res = await gql<{
      registerAbsence: { __typename: string; data?: { id: string; supervisorNotifiedAt: string | null } };
    }>(
      f.leader,
      `mutation($input: RegisterAbsenceInput!) { registerAbsence(input: $input) { __typename
         ... on MutationRegisterAbsenceSuccess { data { id supervisorNotifiedAt } } } }`,
      {
        input: {
          specialistId: f.absentId,
          type: 'SICK_LEAVE',
          planned: false,
          startDate: today,
          expectedEndDate: plusDays(30),
        },
      },
    );
    expect(res.registerAbsence.__typename).toBe('MutationRegisterAbsenceSuccess');
    expect(res.registerAbsence.data?.supervisorNotifiedAt).not.toBeNull();
    absenceId = res.registerAbsence.data?.id as string;
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE "entityId" = $1 AND area = 'Absence.register' AND action = 'CREATE'`,
        [absenceId],
      ),
    ).toBe(1);

    const inbox = await gql<{
      notifications: { kind: string; read: boolean; linkId: string; id: string }[];
      unreadNotificationCount: number;
    }>(f.supervisor, '{ notifications(unreadOnly: true) { id kind read linkId } unreadNotificationCount }');
    const note = inbox.notifications.find((n) => n.kind === 'LONG_ABSENCE' && n.linkId === absenceId);
    expect(note).toBeDefined();
    expect(inbox.unreadNotificationCount).toBe(before + 1);
    // The leader does not see the supervisor's inbox.
    const leaderInbox = await gql<{ notifications: { id: string }[] }>(f.leader, '{ notifications { id } }');
    expect(leaderInbox.notifications.map((n) => n.id)).not.toContain(note?.id);

    // The e-mail leaves through the outbox and a real SMTP conversation, once.
    const transport = createTransport({ host: '127.0.0.1', port: sinkPort, secure: false, ignoreTLS: true });
    const first = await deliverNotificationEmails(appPool, transport, 'IPS <varsler@ips.test>');
    expect(first.failed).toBe(0);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect((await deliverNotificationEmails(appPool, transport, 'IPS <varsler@ips.test>')).sent).toBe(0);
    transport.close();
    const mail = mails.find((m) =>
      (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(f.supervisor)),
    );
    expect(mail?.subject).toBe('Langvarig fravær i teamet ditt');
    expect(
      await count('SELECT count(*) AS n FROM notification WHERE id = $1 AND "emailedAt" IS NOT NULL', [
        note?.id,
      ]),
    ).toBe(1);

    // Marking it read.
    const marked = await gql<{ markNotificationsRead: { __typename: string } }>(
      f.supervisor,
      'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { __typename } }',
      { ids: [note?.id] },
    );
    expect(marked.markNotificationsRead.__typename).toBe('MutationMarkNotificationsReadSuccess');
    const after = await gql<{ unreadNotificationCount: number }>(f.supervisor, '{ unreadNotificationCount }');
    expect(after.unreadNotificationCount).toBe(before);
  });

  it('an overlapping absence is refused and nothing is written', async () => {
    const n = await count('SELECT count(*) AS n FROM absence WHERE "specialistId" = $1', [f.absentId]);
    const res = await gql<{ registerAbsence: { __typename: string; issues?: { code: string }[] } }>(
      f.leader,
      `mutation($input: RegisterAbsenceInput!) { registerAbsence(input: $input) { __typename ... on ValidationError { issues { code } } } }`,
      {
        input: {
          specialistId: f.absentId,
          type: 'COURSE',
          planned: true,
          startDate: plusDays(3),
          expectedEndDate: plusDays(4),
        },
      },
    );
    expect(res.registerAbsence).toEqual({ __typename: 'ValidationError', issues: [{ code: 'OVERLAPS' }] });
    expect(await count('SELECT count(*) AS n FROM absence WHERE "specialistId" = $1', [f.absentId])).toBe(n);
  });

  it('the coverage view lists the absent specialist’s job seekers the supervisor may discuss, and counts the rest', async () => {
    const res = await gql<{
      absenceCoverage: {
        __typename: string;
        data?: { jobSeekers: { id: string; familyName: string | null }[]; notShown: number };
      };
    }>(
      f.supervisor,
      `query($id: ID!) { absenceCoverage(absenceId: $id) { __typename
         ... on QueryAbsenceCoverageSuccess { data { jobSeekers { id familyName } notShown } } } }`,
      { id: absenceId },
    );
    const coverage = res.absenceCoverage.data;
    const portfolio = await portfolioOf(f.absentId);
    const consented = [];
    for (const id of portfolio) if (await hasScope(id, 'TEAM_CASE_DISCUSSION')) consented.push(id);
    expect(portfolio.length).toBeGreaterThan(2);
    expect(coverage?.jobSeekers.map((j) => dbId(j.id)).sort()).toEqual(consented.sort());
    expect(coverage?.notShown).toBe(portfolio.length - consented.length);
    expect(coverage?.jobSeekers.every((j) => j.familyName)).toBe(true);
    // The leader sees the absence but no job seeker.
    const leader = await gql<{ absenceCoverage: { data?: { jobSeekers: unknown[]; notShown: number } } }>(
      f.leader,
      `query($id: ID!) { absenceCoverage(absenceId: $id) { ... on QueryAbsenceCoverageSuccess { data { jobSeekers { id } notShown } } } }`,
      { id: absenceId },
    );
    expect(leader.absenceCoverage.data).toEqual({ jobSeekers: [], notShown: portfolio.length });
  });
});

describe('seed 001: coverage — ranking and moving a job seeker', () => {
  it('ranks the same service level first, leaves out the absent specialist, and moves a job seeker to the best colleague', async () => {
    const portfolio = await portfolioOf(f.absentId);
    for (const id of portfolio) {
      if ((await hasScope(id, 'TEAM_CASE_DISCUSSION')) && !(await hasScope(id, 'CROSS_SERVICE_TRANSFER'))) {
        coveredId = id;
        break;
      }
    }
    expect(coveredId).not.toBe('');
    const res = await gql<{
      transferCandidates: {
        data?: {
          userId: string;
          sameServiceLevel: boolean;
          crossService: boolean;
          underCaseloadLimit: boolean;
        }[];
      };
    }>(
      f.supervisor,
      `query($id: ID!) { transferCandidates(jobSeekerId: $id) { ... on QueryTransferCandidatesSuccess {
         data { userId sameServiceLevel crossService underCaseloadLimit } } } }`,
      { id: coveredId },
    );
    const candidates = res.transferCandidates.data ?? [];
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates.map((c) => c.userId)).not.toContain(f.absentId);
    const firstOther = candidates.findIndex((c) => !c.sameServiceLevel);
    if (firstOther >= 0) expect(candidates.slice(firstOther).every((c) => !c.sameServiceLevel)).toBe(true);
    expect(candidates.some((c) => c.userId === f.crossServiceId && c.crossService)).toBe(true);
    const best = candidates[0] as (typeof candidates)[number];
    expect(best.crossService).toBe(false);
    coverId = best.userId;

    const moved = await gql<TransferResult>(f.supervisor, TRANSFER, {
      input: {
        jobSeekerId: coveredId,
        fromSpecialistId: f.absentId,
        toSpecialistId: coverId,
        reason: 'SPECIALIST_ABSENCE',
        temporary: true,
      },
    });
    expect(moved.transferJobSeeker).toMatchObject({
      __typename: 'MutationTransferJobSeekerSuccess',
      data: { temporary: true, crossService: false, toSpecialist: { id: coverId } },
    });
    // History: the old assignment ended, a temporary-cover assignment started.
    const history = await stack.admin.query(
      `SELECT reason, "endedAt" IS NULL AS open FROM assignment WHERE "jobSeekerId" = $1 ORDER BY "startedAt", "createdAt"`,
      [coveredId],
    );
    expect(history.rows.at(-1)).toEqual({ reason: 'TEMPORARY_COVER', open: true });
    expect(history.rows.filter((r) => r.open)).toHaveLength(1);

    // The new specialist: a "meet soon" task, every open duty of the job seeker, a notification, a journal note.
    const cover = (await one<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [coverId])).email;
    const duties = await gql<{ myDeadlines: { rule: string; jobSeeker: { id: string } | null }[] }>(
      cover,
      '{ myDeadlines { rule jobSeeker { id } } }',
    );
    const mine = duties.myDeadlines
      .filter((d) => d.jobSeeker && dbId(d.jobSeeker.id) === coveredId)
      .map((d) => d.rule);
    expect(mine).toContain('MEET_AFTER_TRANSFER');
    expect(
      await count(
        `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND status = 'OPEN' AND "assigneeId" <> $2`,
        [coveredId, coverId],
      ),
    ).toBe(0);
    const inbox = await gql<{ notifications: { kind: string; linkId: string }[] }>(
      cover,
      '{ notifications { kind linkId } }',
    );
    expect(inbox.notifications).toContainEqual({ kind: 'TRANSFER', linkId: coveredId });
    const notes = await gql<{ jobSeeker: { journalNotes: { kind: string; text: string }[] } }>(
      cover,
      `{ jobSeeker(id: "${coveredId}") { journalNotes { kind text } } }`,
    );
    const note = notes.jobSeeker.journalNotes.find((n) => n.kind === 'TRANSFER');
    expect(note?.text).toContain('IPS: midlertidig oppfølging ved annen jobbspesialist');
    expect(note?.text).toContain('jobbspesialistens fravær');
    // A face-to-face meeting by the new specialist closes the "meet soon" task.
    const met = await gql<{ recordFollowUpMeeting: { __typename: string } }>(
      cover,
      `mutation($input: RecordFollowUpMeetingInput!) { recordFollowUpMeeting(input: $input) { __typename } }`,
      {
        input: {
          jobSeekerId: coveredId,
          purpose: 'FOLLOW_ALONG',
          heldAt: new Date().toISOString(),
          participants: ['JOB_SEEKER'],
          faceToFace: true,
          location: 'COMMUNITY',
          durationMinutes: 45,
        },
      },
    );
    expect(met.recordFollowUpMeeting.__typename).toBe('MutationRecordFollowUpMeetingSuccess');
    expect(
      await count(
        `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND rule = 'MEET_AFTER_TRANSFER' AND status = 'DONE'`,
        [coveredId],
      ),
    ).toBe(1);
  });

  it('refuses a concurrent reassignment: "from" is no longer the current specialist', async () => {
    const before = await count('SELECT count(*) AS n FROM transfer WHERE "jobSeekerId" = $1', [coveredId]);
    const again = await gql<TransferResult>(f.supervisor, TRANSFER, {
      input: {
        jobSeekerId: coveredId,
        fromSpecialistId: f.absentId,
        toSpecialistId: f.supervisorId,
        reason: 'SPECIALIST_ABSENCE',
      },
    });
    expect(again.transferJobSeeker.__typename).toBe('ConflictError');
    expect(await count('SELECT count(*) AS n FROM transfer WHERE "jobSeekerId" = $1', [coveredId])).toBe(
      before,
    );
    expect(
      await count('SELECT count(*) AS n FROM job_seeker WHERE id = $1 AND "currentSpecialistId" = $2', [
        coveredId,
        coverId,
      ]),
    ).toBe(1);
  });
});

describe('seed 001: transfers that are refused', () => {
  it('refuses a cross-service transfer without the consent scope and allows it with it', async () => {
    const portfolio = await portfolioOf(f.absentId);
    let id = '';
    for (const js of portfolio)
      if ((await hasScope(js, 'TEAM_CASE_DISCUSSION')) && !(await hasScope(js, 'CROSS_SERVICE_TRANSFER'))) {
        id = js;
        break;
      }
    expect(id).not.toBe('');
    const input = {
      jobSeekerId: id,
      fromSpecialistId: f.absentId,
      toSpecialistId: f.crossServiceId,
      reason: 'SPECIALIST_ABSENCE',
      // Another service level while a same-level colleague has room: a reason (issue 17 item 5).
      levelReason: 'Jobbsøker ønsker å fortsette hos DPS-teamet (seed 001 §4.2)',
    };
    const assignments = await count('SELECT count(*) AS n FROM assignment WHERE "jobSeekerId" = $1', [id]);
    const refused = await gql<TransferResult>(f.supervisor, TRANSFER, { input });
    expect(refused.transferJobSeeker).toEqual({
      __typename: 'ConsentRequiredError',
      scope: 'CROSS_SERVICE_TRANSFER',
    });
    expect(await count('SELECT count(*) AS n FROM assignment WHERE "jobSeekerId" = $1', [id])).toBe(
      assignments,
    );
    expect(
      await count('SELECT count(*) AS n FROM job_seeker WHERE id = $1 AND "currentSpecialistId" = $2', [
        id,
        f.absentId,
      ]),
    ).toBe(1);
    // The cross-service specialist cannot see the job seeker yet.
    const jsGlobal = Buffer.from(`JobSeeker:${id}`).toString('base64');
    const hidden = await stack.gql<{ jobSeeker: unknown }>(
      f.crossService,
      `{ jobSeeker(id: "${id}") { id } }`,
    );
    expect(hidden.data?.jobSeeker ?? null).toBeNull();

    // The job seeker consents (recorded by their own specialist), and the transfer goes through.
    const consent = await gql<{ recordConsent: { __typename: string } }>(
      f.absent,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { __typename } }`,
      { input: { jobSeekerId: id, scope: 'CROSS_SERVICE_TRANSFER', documentReference: 'Signert samtykke' } },
    );
    expect(consent.recordConsent.__typename).toBe('MutationRecordConsentSuccess');
    const allowed = await gql<TransferResult>(f.supervisor, TRANSFER, { input });
    expect(allowed.transferJobSeeker).toMatchObject({
      __typename: 'MutationTransferJobSeekerSuccess',
      data: { crossService: true, toSpecialist: { id: f.crossServiceId } },
    });
    expect(
      await count('SELECT count(*) AS n FROM transfer WHERE "jobSeekerId" = $1 AND "consentId" IS NOT NULL', [
        id,
      ]),
    ).toBe(1);
    // They now work in the record's organisation and see the job seeker and the "meet soon" task.
    const seen = await gql<{
      jobSeeker: { id: string } | null;
      myDeadlines: { rule: string; jobSeeker: { id: string } | null }[];
    }>(f.crossService, `{ jobSeeker(id: "${id}") { id } myDeadlines { rule jobSeeker { id } } }`);
    expect(seen.jobSeeker?.id).toBe(jsGlobal);
    expect(
      seen.myDeadlines.some((d) => d.rule === 'MEET_AFTER_TRANSFER' && d.jobSeeker?.id === jsGlobal),
    ).toBe(true);
  });

  it('refuses a transfer to someone outside the team and by anyone but the supervisor, writing nothing', async () => {
    const [id] = await portfolioOf(f.absentId);
    const outsider = await one<{ userId: string }>(
      `SELECT m."userId" FROM membership m WHERE m.role = 'JOB_SPECIALIST' AND m."organizationId" = $1
         AND NOT EXISTS (SELECT 1 FROM team_member tm WHERE tm."userId" = m."userId" AND tm."teamId" = $2) LIMIT 1`,
      [f.orgId, f.teamId],
    ).catch(() => ({ userId: '00000000-0000-4000-8000-000000000000' }));
    const transfers = await count('SELECT count(*) AS n FROM transfer');
    const out = await gql<TransferResult>(f.supervisor, TRANSFER, {
      input: {
        jobSeekerId: id,
        fromSpecialistId: f.absentId,
        toSpecialistId: outsider.userId,
        reason: 'SPECIALIST_ABSENCE',
      },
    });
    if (await hasScope(id as string, 'TEAM_CASE_DISCUSSION'))
      expect(out.transferJobSeeker).toEqual({
        __typename: 'ValidationError',
        issues: [{ field: 'toSpecialistId', code: 'OUT_OF_REACH' }],
      });
    else expect(out.transferJobSeeker.__typename).toBe('NotFoundError');
    const byLeader = await stack.gql(f.leader, TRANSFER, {
      input: {
        jobSeekerId: id,
        fromSpecialistId: f.absentId,
        toSpecialistId: coverId,
        reason: 'SPECIALIST_ABSENCE',
      },
    });
    expect(byLeader.data).toEqual({ transferJobSeeker: { __typename: 'NotFoundError' } });
    expect(await count('SELECT count(*) AS n FROM transfer')).toBe(transfers);
  });
});

describe('seed 001: transfers refused by date or membership', () => {
  it('refuses a transfer dated in the future (it would cut the current specialist off today)', async () => {
    // A job seeker the supervisor may discuss (else the answer is NotFound, whatever the date).
    const id = await discussable(f.absentId);
    const before = await count('SELECT count(*) AS n FROM transfer WHERE "jobSeekerId" = $1', [id]);
    const res = await gql<TransferResult>(f.supervisor, TRANSFER, {
      input: {
        jobSeekerId: id,
        fromSpecialistId: f.absentId,
        toSpecialistId: coverId,
        reason: 'SPECIALIST_ABSENCE',
        effectiveOn: plusDays(14),
      },
    });
    expect(res.transferJobSeeker.__typename).toBe('ValidationError');
    expect(res.transferJobSeeker.issues).toContainEqual({ field: 'effectiveOn', code: 'IN_FUTURE' });
    expect(await count('SELECT count(*) AS n FROM transfer WHERE "jobSeekerId" = $1', [id])).toBe(before);
  });

  it('does not reopen a membership an administrator ended: a cross-service transfer is refused instead', async () => {
    await stack.admin.query(
      `UPDATE membership SET "endedAt" = now() WHERE "userId" = $1 AND "organizationId" = $2 AND role = 'JOB_SPECIALIST'`,
      [f.crossServiceId, f.orgId],
    );
    let id = '';
    for (const js of await portfolioOf(f.absentId))
      if ((await hasScope(js, 'TEAM_CASE_DISCUSSION')) && (await hasScope(js, 'CROSS_SERVICE_TRANSFER')))
        id = js;
    if (!id) {
      id = (await portfolioOf(f.absentId))[0] as string;
      await stack.admin.query(
        `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'CROSS_SERVICE_TRANSFER', now() - interval '1 day', $3, now())`,
        [f.orgId, id, f.absentId],
      );
    }
    const res = await gql<TransferResult>(f.supervisor, TRANSFER, {
      input: {
        jobSeekerId: id,
        fromSpecialistId: f.absentId,
        toSpecialistId: f.crossServiceId,
        reason: 'SPECIALIST_ABSENCE',
        levelReason: 'Jobbsøker ønsker å fortsette hos DPS-teamet (seed 001 §4.2)',
      },
    });
    expect(res.transferJobSeeker.__typename).toBe('ValidationError');
    expect(res.transferJobSeeker.issues).toContainEqual({
      field: 'toSpecialistId',
      code: 'MEMBERSHIP_ENDED',
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM membership WHERE "userId" = $1 AND "organizationId" = $2 AND "endedAt" IS NULL`,
        [f.crossServiceId, f.orgId],
      ),
    ).toBe(0);
    // The administrator reopens it (the tests below need it).
    await stack.admin.query(
      `UPDATE membership SET "endedAt" = NULL WHERE "userId" = $1 AND "organizationId" = $2 AND role = 'JOB_SPECIALIST'`,
      [f.crossServiceId, f.orgId],
    );
  });
});

describe('seed 001: corrections and a leaving specialist', () => {
  it('clears an absence’s end date that was set by mistake', async () => {
    const ABS = `mutation($input: UpdateAbsenceInput!) { updateAbsence(input: $input) { __typename
      ... on MutationUpdateAbsenceSuccess { data { version actualEndDate } } } }`;
    const { rows } = await stack.admin.query<{ version: number }>(
      'SELECT version FROM absence WHERE id = $1',
      [absenceId],
    );
    const set = await gql<{ updateAbsence: { data?: { version: number; actualEndDate: string | null } } }>(
      f.leader,
      ABS,
      {
        input: { absenceId, version: rows[0]?.version, actualEndDate: plusDays(1) },
      },
    );
    expect(set.updateAbsence.data?.actualEndDate).toBe(plusDays(1));
    const cleared = await gql<{ updateAbsence: { data?: { actualEndDate: string | null } } }>(f.leader, ABS, {
      input: { absenceId, version: set.updateAbsence.data?.version, actualEndDate: null },
    });
    expect(cleared.updateAbsence.data?.actualEndDate).toBeNull();
  });

  it('moves a leaving specialist’s portfolio all or nothing, with a result per job seeker', async () => {
    const portfolio = [];
    for (const id of await portfolioOf(f.absentId))
      if ((await hasScope(id, 'TEAM_CASE_DISCUSSION')) && !(await hasScope(id, 'CROSS_SERVICE_TRANSFER')))
        portfolio.push(id);
    expect(portfolio.length).toBeGreaterThan(0);
    const BULK = `mutation($input: TransferPortfolioInput!) { transferPortfolio(input: $input) {
      applied items { jobSeekerId transfer { id } problem { type message scope } } } }`;
    const transfers = await count('SELECT count(*) AS n FROM transfer');
    const tasks = await count('SELECT count(*) AS n FROM task');
    // One move goes to the cross-service colleague without consent: nothing of the batch happens.
    const moves = portfolio.map((id, i) => ({
      jobSeekerId: id,
      toSpecialistId: i === 0 ? f.crossServiceId : coverId,
      ...(i === 0 ? { levelReason: 'Jobbsøker ønsker å fortsette hos DPS-teamet' } : {}),
    }));
    const refused = await gql<{
      transferPortfolio: {
        applied: boolean;
        items: {
          jobSeekerId: string;
          transfer: unknown;
          problem: { type: string; scope: string | null } | null;
        }[];
      };
    }>(f.supervisor, BULK, { input: { fromSpecialistId: f.absentId, reason: 'SPECIALIST_LEAVING', moves } });
    expect(refused.transferPortfolio.applied).toBe(false);
    expect(refused.transferPortfolio.items[0]?.problem).toMatchObject({
      type: 'ConsentRequiredError',
      scope: 'CROSS_SERVICE_TRANSFER',
    });
    expect(
      refused.transferPortfolio.items.slice(1).every((i) => i.problem === null && i.transfer === null),
    ).toBe(true);
    expect(await count('SELECT count(*) AS n FROM transfer')).toBe(transfers);
    expect(await count('SELECT count(*) AS n FROM task')).toBe(tasks);
    expect((await portfolioOf(f.absentId)).length).toBeGreaterThanOrEqual(portfolio.length);

    const ok = await gql<{
      transferPortfolio: { applied: boolean; items: { transfer: { id: string } | null }[] };
    }>(f.supervisor, BULK, {
      input: {
        fromSpecialistId: f.absentId,
        reason: 'SPECIALIST_LEAVING',
        moves: portfolio.map((id) => ({ jobSeekerId: id, toSpecialistId: coverId })),
      },
    });
    expect(ok.transferPortfolio.applied).toBe(true);
    expect(ok.transferPortfolio.items.every((i) => i.transfer !== null)).toBe(true);
    expect(await count('SELECT count(*) AS n FROM transfer')).toBe(transfers + portfolio.length);
    for (const id of portfolio)
      expect(
        await count(
          `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND rule = 'MEET_AFTER_TRANSFER' AND status = 'OPEN' AND "assigneeId" = $2`,
          [id, coverId],
        ),
      ).toBe(1);
  });
});

describe('team rules', () => {
  it('refuses the 11th job specialist with a typed error, and the database refuses it too', async () => {
    const ADD = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { __typename
      ... on ValidationError { issues { field code } } } }`;
    const active = await count(
      `SELECT count(*) AS n FROM team_member WHERE "teamId" = $1 AND role = 'JOB_SPECIALIST' AND "leftOn" IS NULL`,
      [f.teamId],
    );
    // New specialists of the team's organisation fill it up to ten.
    const newcomers: string[] = [];
    for (let i = 0; i < 11 - active; i++) {
      const { rows } = await stack.admin.query<{ id: string }>(
        `INSERT INTO app_user (id, "givenName", "familyName", email, "updatedAt") VALUES (gen_random_uuid(), 'Ny', $1, $2, now()) RETURNING id`,
        [`Spesialist ${i}`, `ny.spesialist.${i}@ips.test`],
      );
      const id = rows[0]?.id as string;
      await stack.admin.query(
        `INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'JOB_SPECIALIST', now())`,
        [f.orgId, id],
      );
      newcomers.push(id);
    }
    for (const id of newcomers.slice(0, -1)) {
      const res = await gql<{ addTeamMember: { __typename: string } }>(f.supervisor, ADD, {
        input: { teamId: f.teamId, userId: id, joinedOn: today },
      });
      expect(res.addTeamMember.__typename).toBe('MutationAddTeamMemberSuccess');
    }
    expect(
      await count(
        `SELECT count(*) AS n FROM team_member WHERE "teamId" = $1 AND role = 'JOB_SPECIALIST' AND "leftOn" IS NULL`,
        [f.teamId],
      ),
    ).toBe(10);
    const eleventh = await gql<{ addTeamMember: unknown }>(f.supervisor, ADD, {
      input: { teamId: f.teamId, userId: newcomers.at(-1), joinedOn: today },
    });
    expect(eleventh.addTeamMember).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'teamId', code: 'TEAM_FULL' }],
    });
    // Below the API, the trigger holds the same line.
    await expect(
      stack.admin.query(
        `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
         VALUES (gen_random_uuid(), $1, $2, $3, 'JOB_SPECIALIST', $1, CURRENT_DATE)`,
        [f.orgId, f.teamId, newcomers.at(-1)],
      ),
    ).rejects.toThrow(/at most 10 job specialists/);
    // A specialist may not add members; the supervisor may not add to someone else's team.
    const bySpecialist = await stack.gql(f.absent, ADD, {
      input: { teamId: f.teamId, userId: newcomers.at(-1), joinedOn: today },
    });
    expect(bySpecialist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('leaving a team', () => {
  it('is refused while the specialist has a portfolio, also in an organisation the caller cannot see', async () => {
    // The host organisation's administrator; the specialist is employed (and follows job seekers) elsewhere.
    const admin = (
      await one<{ email: string }>(
        `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId"
         WHERE m."organizationId" = $1 AND m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL
           AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x."organizationId" <> $1) LIMIT 1`,
        [f.orgId],
      )
    ).email;
    const { rows } = await stack.admin.query<{ userId: string }>(
      `SELECT tm."userId" FROM team_member tm WHERE tm."teamId" = $1 AND tm."leftOn" IS NULL AND tm."employerOrganizationId" <> $2
         AND EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = tm."userId" AND j.phase <> 'DISCHARGED' AND j."organizationId" <> $2)
       ORDER BY tm."userId" LIMIT 1`,
      [f.teamId, f.orgId],
    );
    const userId = rows[0]?.userId as string;
    const res = await gql<{ removeTeamMember: unknown }>(
      admin,
      `mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { __typename ... on ValidationError { issues { field code } } } }`,
      { input: { teamId: f.teamId, userId, leftOn: today } },
    );
    expect(res.removeTeamMember).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'userId', code: 'HAS_PORTFOLIO' }],
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM team_member WHERE "teamId" = $1 AND "userId" = $2 AND "leftOn" IS NULL`,
        [f.teamId, userId],
      ),
    ).toBe(1);
  });
});

describe('the leader’s staffing view and the tenant’s staffing settings', () => {
  it('shows each specialist’s caseload and absence, and only to the leader', async () => {
    const res = await gql<{
      staffing: {
        __typename: string;
        data?: { userId: string; caseload: number; absentToday: boolean; teams: string[] }[];
      };
    }>(
      f.leader,
      `query($org: ID!) { staffing(organizationId: $org) { __typename
         ... on QueryStaffingSuccess { data { userId caseload absentToday teams } } } }`,
      { org: f.orgId },
    );
    const rows = res.staffing.data ?? [];
    const absent = rows.find((r) => r.userId === f.absentId);
    expect(absent?.absentToday).toBe(true);
    expect(absent?.caseload).toBe((await portfolioOf(f.absentId)).length);
    expect(rows.find((r) => r.userId === coverOf())?.absentToday).toBe(false);
    const bySupervisor = await stack.gql(
      f.supervisor,
      `{ staffing(organizationId: "${f.orgId}") { __typename } }`,
    );
    expect(bySupervisor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the tenant administrator (and the leader) set the long-absence threshold within bounds, and the rule follows it', async () => {
    const admin = (
      await one<{ email: string }>(
        `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId" WHERE m."organizationId" = $1 AND m.role = 'TENANT_ADMINISTRATOR' LIMIT 1`,
        [f.orgId],
      )
    ).email;
    const SET = `mutation($input: UpdateStaffingSettingsInput!) { updateStaffingSettings(input: $input) { __typename
      ... on MutationUpdateStaffingSettingsSuccess { data { longAbsenceThresholdDays stalledAfterWeeks } }
      ... on ValidationError { issues { field code } } } }`;
    const bad = await gql<{ updateStaffingSettings: unknown }>(admin, SET, {
      input: { organizationId: f.orgId, longAbsenceThresholdDays: 90 },
    });
    expect(bad.updateStaffingSettings).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'longAbsenceThresholdDays', code: 'OUT_OF_BOUNDS' }],
    });
    const ok = await gql<{ updateStaffingSettings: { data?: unknown } }>(admin, SET, {
      input: { organizationId: f.orgId, longAbsenceThresholdDays: 30 },
    });
    expect(ok.updateStaffingSettings.data).toEqual({ longAbsenceThresholdDays: 30, stalledAfterWeeks: 12 });
    // The leader may change them too (issue 16; the matrix is in administration-matrix.test.ts).
    const byLeader = await gql<{ updateStaffingSettings: { data?: unknown } }>(f.leader, SET, {
      input: { organizationId: f.orgId, longAbsenceThresholdDays: 30 },
    });
    expect(byLeader.updateStaffingSettings.data).toEqual({
      longAbsenceThresholdDays: 30,
      stalledAfterWeeks: 12,
    });
    // A 20-day unplanned absence is no longer "long": nobody is notified.
    const res = await gql<{ registerAbsence: { data?: { supervisorNotifiedAt: string | null } } }>(
      f.leader,
      `mutation($input: RegisterAbsenceInput!) { registerAbsence(input: $input) { ... on MutationRegisterAbsenceSuccess { data { supervisorNotifiedAt } } } }`,
      {
        input: {
          specialistId: coverOf(),
          type: 'SICK_LEAVE',
          planned: false,
          startDate: plusDays(60),
          expectedEndDate: plusDays(79),
        },
      },
    );
    expect(res.registerAbsence.data).toEqual({ supervisorNotifiedAt: null });
  });
});
