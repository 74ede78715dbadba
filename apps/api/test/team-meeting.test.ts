/**
 * The weekly team meeting over HTTP (seed 004): the supervisor plans it and finds the fixed agenda
 * pre-filled — a job start recorded this week under "new in work", the stalled cases (computed here
 * independently in SQL, with the tenant's own "stalled after" setting) as cases of their own, never
 * a job seeker without consent to team discussion — then writes minutes (a stale version is
 * refused), adds an action point that becomes the owner's task and notification, distributes the
 * minutes, and reviews a portfolio. Field mentoring is logged by the team.
 */
import { osloDay } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
let teamId = '';
let orgId = '';
let supervisor = '';
let specialist = '';
let specialistId = '';
let colleague = '';
let colleagueId = '';
const STALLED_WEEKS = 4;

// Calendar days in Norway, as the API counts them (this test may run around midnight UTC).
const today = osloDay(new Date());
const plusDays = (n: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const CONSENTED = `EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION'
  AND c."withdrawnAt" IS NULL AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))`;

async function gql<T = Record<string, unknown>>(
  as: string,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const res = await stack.gql<T>(as, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}
const email = async (id: string) =>
  (await stack.admin.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [id])).rows[0]
    ?.email as string;
const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // A team whose host-employed specialist has a consented job seeker in job search.
  const { rows } = await stack.admin.query(
    `SELECT t.id AS "teamId", t."organizationId" AS "orgId", t."methodSupervisorId" AS sup, tm."userId" AS spec,
            (SELECT x."userId" FROM team_member x WHERE x."teamId" = t.id AND x.role = 'JOB_SPECIALIST' AND x."leftOn" IS NULL
               AND x."userId" <> tm."userId" AND x."employerOrganizationId" = t."organizationId" ORDER BY x."userId" LIMIT 1) AS coll
     FROM specialist_team t JOIN team_member tm ON tm."teamId" = t.id AND tm.role = 'JOB_SPECIALIST' AND tm."leftOn" IS NULL
       AND tm."employerOrganizationId" = t."organizationId"
     WHERE EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = tm."userId" AND j.phase = 'JOB_SEARCH' AND ${CONSENTED})
     ORDER BY t.id, tm."userId" LIMIT 1`,
  );
  const r = rows[0];
  teamId = r.teamId;
  orgId = r.orgId;
  supervisor = await email(r.sup);
  specialistId = r.spec;
  specialist = await email(r.spec);
  colleagueId = r.coll;
  colleague = await email(r.coll);
  // The tenant's own setting: stalled after four weeks without progress.
  await stack.admin.query(
    `UPDATE organization SET settings = settings || '{"stalledAfterWeeks": ${STALLED_WEEKS}}' WHERE id = $1`,
    [orgId],
  );
});
afterAll(async () => {
  await stack?.close();
});

/** Independently of the API: the team's consented, not-working job seekers without progress for N weeks. */
async function expectedStalled(specialistIds?: string[]): Promise<string[]> {
  const { rows } = await stack.admin.query<{ id: string }>(
    `SELECT j.id FROM job_seeker j
     WHERE j."currentSpecialistId" IN (SELECT "userId" FROM team_member WHERE "teamId" = $1 AND "leftOn" IS NULL)
       AND ($3::uuid[] IS NULL OR j."currentSpecialistId" = ANY($3))
       AND j.phase NOT IN ('EMPLOYED', 'STUDYING', 'TAPERING', 'DISCHARGED') AND ${CONSENTED}
       AND greatest((j."phaseChangedAt" AT TIME ZONE 'Europe/Oslo')::date,
                    (SELECT max((c."contactedAt" AT TIME ZONE 'Europe/Oslo')::date) FROM employer_contact c WHERE c."jobSeekerId" = j.id),
                    (SELECT max(e."startDate") FROM employment e WHERE e."jobSeekerId" = j.id),
                    (SELECT max(s."startDate") FROM study s WHERE s."jobSeekerId" = j.id))
           <= (now() AT TIME ZONE 'Europe/Oslo')::date - $2::int * 7
     ORDER BY j.id`,
    [teamId, STALLED_WEEKS, specialistIds ?? null],
  );
  return rows.map((r) => r.id);
}

const dbId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1] as string;

type Meeting = {
  id: string;
  version: number;
  agenda: {
    id: string;
    kind: string;
    title: string;
    notes: string | null;
    jobSeeker: { id: string } | null;
  }[];
  attendees: { user: { id: string }; present: boolean }[];
};
const MEETING_FIELDS =
  'id version agenda { id kind title notes jobSeeker { id } } attendees { user { id } present }';

let meeting: Meeting;
let jobSeekerName = '';

describe('the weekly team meeting', () => {
  it('is planned by the supervisor with the fixed agenda pre-filled from the team’s data', async () => {
    // A job start this week, recorded by the specialist, for a consented job seeker.
    const { rows } = await stack.admin.query<{ id: string; givenName: string; familyName: string }>(
      `SELECT j.id, j."givenName", j."familyName" FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j.phase = 'JOB_SEARCH' AND ${CONSENTED}
       ORDER BY j.id LIMIT 1`,
      [specialistId],
    );
    const js = rows[0] as { id: string; givenName: string; familyName: string };
    jobSeekerName = `${js.givenName} ${js.familyName.slice(0, 1)}.`;
    const start = await gql<{ recordJobStart: { __typename: string } }>(
      specialist,
      'mutation($input: RecordJobStartInput!) { recordJobStart(input: $input) { __typename } }',
      {
        input: {
          jobSeekerId: js.id,
          kind: 'ORDINARY_JOB',
          jobTitle: 'Butikkmedarbeider',
          jobType: '5223',
          startDate: today,
          hoursPerWeek: 20,
          openLabourMarket: true,
          atLeastMinimumWage: true,
          openToAnyone: true,
          employerMeetingWanted: false,
        },
      },
    );
    expect(start.recordJobStart.__typename).toBe('MutationRecordJobStartSuccess');

    const res = await gql<{ createTeamMeeting: { __typename: string; data?: Meeting } }>(
      supervisor,
      `mutation($input: CreateTeamMeetingInput!) { createTeamMeeting(input: $input) { __typename
         ... on MutationCreateTeamMeetingSuccess { data { ${MEETING_FIELDS} } } } }`,
      { input: { teamId, scheduledAt: `${plusDays(1)}T08:00:00Z` } },
    );
    expect(res.createTeamMeeting.__typename).toBe('MutationCreateTeamMeetingSuccess');
    meeting = res.createTeamMeeting.data as Meeting;
    const fixed = meeting.agenda.filter((i) => !i.jobSeeker);
    expect(fixed.map((i) => i.title)).toEqual([
      'Gjennomgang, oppfølging fra forrige veiledning',
      'Nye i jobb',
      'Status jobbsøkere',
      'Arbeidsgiverkontakt forrige uke',
      'Case, aksjonspunkter',
      'Diverse',
    ]);
    expect(fixed[1]?.notes).toContain(`${jobSeekerName} (`);
    expect(fixed[1]?.notes).toContain(`Butikkmedarbeider, start ${today.split('-').reverse().join('.')}`);
    const specialists = await count(
      `SELECT count(*) AS n FROM team_member WHERE "teamId" = $1 AND role = 'JOB_SPECIALIST' AND "leftOn" IS NULL`,
      [teamId],
    );
    expect(fixed[3]?.notes?.split('\n')).toHaveLength(specialists);
    // The stalled cases, exactly as computed in SQL, right after the status item and never unconsented.
    const cases = meeting.agenda.filter((i) => i.jobSeeker);
    expect(cases.map((i) => dbId(i.jobSeeker?.id as string)).sort()).toEqual(await expectedStalled());
    expect(
      cases.every((i) => i.kind === 'JOB_SEEKER_STATUS' && i.title.startsWith('Har stått stille: ')),
    ).toBe(true);
    const statusAt = meeting.agenda.findIndex((i) => i.title === 'Status jobbsøkere');
    expect(meeting.agenda.slice(statusAt + 1, statusAt + 1 + cases.length).every((i) => i.jobSeeker)).toBe(
      true,
    );
    expect(meeting.attendees.map((a) => a.user.id)).toContain(specialistId);
    // Logged: the meeting, and a read of each case the agenda names.
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE "entityId" = $1 AND action = 'CREATE'`, [
        meeting.id,
      ]),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE area = 'TeamMeeting.agenda' AND action = 'READ' AND "jobSeekerId" = ANY($1)`,
        [cases.map((i) => dbId(i.jobSeeker?.id as string))],
      ),
    ).toBe(cases.length);
  });

  it('is planned by no one else', async () => {
    const MUT = `mutation($input: CreateTeamMeetingInput!) { createTeamMeeting(input: $input) { __typename } }`;
    const meetings = await count('SELECT count(*) AS n FROM team_meeting WHERE "teamId" = $1', [teamId]);
    const bySpecialist = await stack.gql(specialist, MUT, {
      input: { teamId, scheduledAt: `${plusDays(2)}T08:00:00Z` },
    });
    expect(bySpecialist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = (
      await stack.admin.query<{ email: string }>(
        `SELECT u.email FROM specialist_team t JOIN app_user u ON u.id = t."methodSupervisorId" WHERE t.id <> $1 AND t."methodSupervisorId" <> (SELECT "methodSupervisorId" FROM specialist_team WHERE id = $1) LIMIT 1`,
        [teamId],
      )
    ).rows[0]?.email as string;
    const byOther = await gql<{ createTeamMeeting: { __typename: string } }>(other, MUT, {
      input: { teamId, scheduledAt: `${plusDays(2)}T08:00:00Z` },
    });
    expect(byOther.createTeamMeeting.__typename).toBe('NotFoundError');
    expect(await count('SELECT count(*) AS n FROM team_meeting WHERE "teamId" = $1', [teamId])).toBe(
      meetings,
    );
  });
});

describe('the weekly team meeting: minutes', () => {
  it('keeps minutes with a version check, and distributes them to the team', async () => {
    const SAVE = `mutation($input: SaveTeamMeetingMinutesInput!) { saveTeamMeetingMinutes(input: $input) { __typename
      ... on MutationSaveTeamMeetingMinutesSuccess { data { version status minutes } } ... on ConflictError { currentVersion } } }`;
    const first = await gql<{ saveTeamMeetingMinutes: { data?: { version: number; status: string } } }>(
      supervisor,
      SAVE,
      {
        input: {
          meetingId: meeting.id,
          version: meeting.version,
          minutes: 'Gjennomgått porteføljene. Feltveiledning avtalt.',
          agendaNotes: [{ agendaItemId: meeting.agenda[5]?.id, notes: 'Ingen saker.' }],
          absentUserIds: [colleagueId],
        },
      },
    );
    expect(first.saveTeamMeetingMinutes.data).toMatchObject({ version: meeting.version + 1, status: 'HELD' });
    const stale = await gql<{ saveTeamMeetingMinutes: { __typename: string; currentVersion?: number } }>(
      supervisor,
      SAVE,
      {
        input: { meetingId: meeting.id, version: meeting.version, minutes: 'Overskriver' },
      },
    );
    expect(stale.saveTeamMeetingMinutes).toEqual({
      __typename: 'ConflictError',
      currentVersion: meeting.version + 1,
    });
    expect(
      await count(`SELECT count(*) AS n FROM team_meeting WHERE id = $1 AND minutes LIKE 'Gjennomgått%'`, [
        meeting.id,
      ]),
    ).toBe(1);
    expect(
      await count('SELECT count(*) AS n FROM team_meeting_attendee WHERE "meetingId" = $1 AND NOT present', [
        meeting.id,
      ]),
    ).toBe(1);

    const before = await count(`SELECT count(*) AS n FROM notification WHERE kind = 'MEETING_MINUTES'`);
    const DISTRIBUTE = `mutation($input: TeamMeetingVersionInput!) { distributeTeamMeetingMinutes(input: $input) { __typename } }`;
    const sent = await gql<{ distributeTeamMeetingMinutes: { __typename: string } }>(supervisor, DISTRIBUTE, {
      input: { meetingId: meeting.id, version: meeting.version + 1 },
    });
    expect(sent.distributeTeamMeetingMinutes.__typename).toBe('MutationDistributeTeamMeetingMinutesSuccess');
    const members = await count(
      `SELECT count(*) AS n FROM team_member WHERE "teamId" = $1 AND "leftOn" IS NULL AND "userId" <> (SELECT "methodSupervisorId" FROM specialist_team WHERE id = $1)`,
      [teamId],
    );
    expect(await count(`SELECT count(*) AS n FROM notification WHERE kind = 'MEETING_MINUTES'`)).toBe(
      before + members,
    );
    const inbox = await gql<{ notifications: { kind: string; linkId: string }[] }>(
      specialist,
      '{ notifications { kind linkId } }',
    );
    expect(inbox.notifications).toContainEqual({ kind: 'MEETING_MINUTES', linkId: meeting.id });
  });
});

describe('the weekly team meeting: action points and field mentoring', () => {
  it('turns an action point into the owner’s task and notification; the owner completes it', async () => {
    const ADD = `mutation($input: AddActionPointInput!) { addActionPoint(input: $input) { __typename
      ... on MutationAddActionPointSuccess { data { id version status } } ... on ValidationError { issues { field code } } } }`;
    const outsider = await stack.admin.query<{ id: string }>(
      `SELECT id FROM app_user WHERE id NOT IN (SELECT "userId" FROM team_member WHERE "teamId" = $1) LIMIT 1`,
      [teamId],
    );
    const refused = await gql<{ addActionPoint: unknown }>(supervisor, ADD, {
      input: { meetingId: meeting.id, ownerId: outsider.rows[0]?.id, description: 'Noe', dueOn: plusDays(5) },
    });
    expect(refused.addActionPoint).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'ownerId', code: 'NOT_IN_TEAM' }],
    });
    const added = await gql<{ addActionPoint: { data: { id: string; version: number } } }>(supervisor, ADD, {
      input: {
        meetingId: meeting.id,
        ownerId: specialistId,
        description: 'Kontakt Coop om praksisplass',
        dueOn: plusDays(5),
      },
    });
    const pointId = added.addActionPoint.data.id;
    const mine = await gql<{ myDeadlines: { rule: string; title: string; dueOn: string }[] }>(
      specialist,
      '{ myDeadlines { rule title dueOn } }',
    );
    expect(mine.myDeadlines).toContainEqual({
      rule: 'ACTION_POINT',
      title: 'Kontakt Coop om praksisplass',
      dueOn: plusDays(5),
    });
    const inbox = await gql<{ notifications: { kind: string; linkId: string }[] }>(
      specialist,
      '{ notifications { kind linkId } }',
    );
    expect(inbox.notifications).toContainEqual({ kind: 'ACTION_POINT', linkId: pointId });

    const COMPLETE = `mutation($input: CompleteActionPointInput!) { completeActionPoint(input: $input) { __typename } }`;
    const byColleague = await stack.gql(colleague, COMPLETE, {
      input: { actionPointId: pointId, version: 1 },
    });
    expect(byColleague.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await gql<{ completeActionPoint: { __typename: string } }>(specialist, COMPLETE, {
      input: { actionPointId: pointId, version: 1 },
    });
    expect(done.completeActionPoint.__typename).toBe('MutationCompleteActionPointSuccess');
    expect(
      await count(
        `SELECT count(*) AS n FROM task t JOIN action_point a ON a."taskId" = t.id WHERE a.id = $1 AND t.status = 'DONE' AND a.status = 'DONE'`,
        [pointId],
      ),
    ).toBe(1);
  });

  it('logs field mentoring by two members of the team', async () => {
    const LOG = `mutation($input: LogFieldMentoringInput!) { logFieldMentoring(input: $input) { __typename
      ... on ValidationError { issues { field code } } } }`;
    const ok = await gql<{ logFieldMentoring: { __typename: string } }>(specialist, LOG, {
      input: {
        teamId,
        observedSpecialistId: colleagueId,
        observerId: specialistId,
        occurredOn: today,
        setting: 'EMPLOYER_MEETING',
        feedback: 'God presentasjon av tjenesten.',
      },
    });
    expect(ok.logFieldMentoring.__typename).toBe('MutationLogFieldMentoringSuccess');
    const same = await gql<{ logFieldMentoring: unknown }>(specialist, LOG, {
      input: {
        teamId,
        observedSpecialistId: specialistId,
        observerId: specialistId,
        occurredOn: today,
        setting: 'EMPLOYER_MEETING',
      },
    });
    expect(same.logFieldMentoring).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'observerId', code: 'SAME_PERSON' }],
    });
    const log = await gql<{ fieldMentorings: { feedback: string | null }[] }>(
      colleague,
      `{ fieldMentorings(teamId: "${teamId}") { feedback } }`,
    );
    expect(log.fieldMentorings).toContainEqual({ feedback: 'God presentasjon av tjenesten.' });
  });
});

describe('the weekly team meeting: portfolio reviews and what it never shows', () => {
  it('reviews a specialist’s portfolio with the stalled cases first; the specialist reads it, a colleague not', async () => {
    const res = await gql<{
      startPortfolioReview: {
        __typename: string;
        data?: { id: string; items: { stalled: boolean; jobSeeker: { id: string } }[] };
      };
    }>(
      supervisor,
      `mutation($input: StartPortfolioReviewInput!) { startPortfolioReview(input: $input) { __typename
         ... on MutationStartPortfolioReviewSuccess { data { id items { stalled jobSeeker { id } } } } } }`,
      { input: { teamId, specialistId, reviewedOn: today, meetingId: meeting.id } },
    );
    const items = res.startPortfolioReview.data?.items ?? [];
    const consented = await count(
      `SELECT count(*) AS n FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED' AND ${CONSENTED}`,
      [specialistId],
    );
    expect(items).toHaveLength(consented);
    const stalled = items.filter((i) => i.stalled).map((i) => dbId(i.jobSeeker.id));
    expect(stalled.sort()).toEqual(await expectedStalled([specialistId]));
    expect(items.slice(0, stalled.length).every((i) => i.stalled)).toBe(true);
    const own = await gql<{ portfolioReviews: { id: string }[] }>(
      specialist,
      `{ portfolioReviews(teamId: "${teamId}") { id } }`,
    );
    expect(own.portfolioReviews.map((r) => r.id)).toContain(res.startPortfolioReview.data?.id);
    const theirs = await gql<{ portfolioReviews: { id: string }[] }>(
      colleague,
      `{ portfolioReviews(teamId: "${teamId}") { id } }`,
    );
    expect(theirs.portfolioReviews.map((r) => r.id)).not.toContain(res.startPortfolioReview.data?.id);
  });

  it('never names a case the team may not discuss: the supervisor’s own, or another team’s', async () => {
    // The supervisor's own job seeker without team-discussion consent, stalled for a year.
    const { rows } = await stack.admin.query<{ id: string; sup: string }>(
      `SELECT j.id, t."methodSupervisorId" AS sup FROM specialist_team t
       JOIN job_seeker j ON j."currentSpecialistId" = t."methodSupervisorId" AND j.phase <> 'DISCHARGED'
       WHERE t.id = $1 ORDER BY j.id LIMIT 1`,
      [teamId],
    );
    const own = rows[0] as { id: string; sup: string };
    await stack.admin.query(`DELETE FROM consent_event WHERE "jobSeekerId" = $1`, [own.id]);
    await stack.admin.query(
      `UPDATE consent SET "withdrawnAt" = now() - interval '1 day' WHERE "jobSeekerId" = $1 AND scope = 'TEAM_CASE_DISCUSSION'`,
      [own.id],
    );
    await stack.admin.query(
      `UPDATE job_seeker SET phase = 'JOB_SEARCH', "phaseChangedAt" = now() - interval '400 days', "givenName" = 'Hemmelig', "familyName" = 'Ikkedelt' WHERE id = $1`,
      [own.id],
    );
    await stack.admin.query(`DELETE FROM employer_contact WHERE "jobSeekerId" = $1`, [own.id]);
    const res = await gql<{ createTeamMeeting: { data?: Meeting } }>(
      supervisor,
      `mutation($input: CreateTeamMeetingInput!) { createTeamMeeting(input: $input) { __typename
         ... on MutationCreateTeamMeetingSuccess { data { ${MEETING_FIELDS} } } } }`,
      { input: { teamId, scheduledAt: `${plusDays(8)}T08:00:00Z` } },
    );
    const agenda = res.createTeamMeeting.data?.agenda ?? [];
    expect(agenda.length).toBeGreaterThan(5);
    expect(agenda.some((i) => i.jobSeeker && dbId(i.jobSeeker.id) === own.id)).toBe(false);
    expect(
      agenda.some(
        (i) =>
          `${i.title} ${i.notes ?? ''}`.includes('Hemmelig') ||
          `${i.title} ${i.notes ?? ''}`.includes('Ikkedelt'),
      ),
    ).toBe(false);
  });

  it('sends no action-point text by e-mail: it stays in the inbox', async () => {
    const ADD = `mutation($input: AddActionPointInput!) { addActionPoint(input: $input) { __typename } }`;
    await gql(supervisor, ADD, {
      input: {
        meetingId: meeting.id,
        ownerId: specialistId,
        description: 'Ring Kari Nordmanns arbeidsgiver om tilrettelegging',
        dueOn: plusDays(6),
      },
    });
    const { rows } = await stack.admin.query<{ payload: { text: string; subject: string } }>(
      `SELECT payload FROM outbox_message WHERE topic = 'email.notification' ORDER BY "createdAt" DESC LIMIT 1`,
    );
    expect(rows[0]?.payload.subject).toBe('Nytt tiltakspunkt til deg');
    expect(JSON.stringify(rows[0]?.payload)).not.toContain('Kari Nordmann');
  });
});
