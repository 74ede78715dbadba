/**
 * Issue 17 item 6 and issue 16's "asks for the consent" (seed 001 §3: "Alle jobbsøkere tilknyttet
 * tjenesten skal ha underskrevet et samtykke til at deres sak kan drøftes i jobbspesialistteamet,
 * samt med NAV"): job seekers without the team-discussion consent are flagged to their own specialist
 * (person page, portfolio filter) until it is recorded or refused; the method supervisor reads only
 * the count and asks the specialist to obtain the consents, never learning who they concern.
 * Before this, nothing flagged them and nobody could ask: the fields, the filter and both mutations
 * did not exist.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
/** A team, its method supervisor, one specialist member (not the supervisor) and a colleague. */
let team: { id: string; organizationId: string };
let supervisor: { email: string; userId: string };
let specialist: { email: string; userId: string };
let colleague: { email: string; userId: string };
/** The specialist's job seekers: one without the consent, one with it. */
let missingId: string;
let consentedId: string;

const ACTIVE = `c.scope = 'TEAM_CASE_DISCUSSION' AND c."withdrawnAt" IS NULL AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now())`;
const HAS_CONSENT = `EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND ${ACTIVE})`;

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const row = (await stack.admin.query(sql, params)).rows[0];
  if (!row) throw new Error(`no row: ${sql}`);
  return row as T;
}

/** The counts, computed from the tables independently of the API. */
async function expectedGap(specialistId: string) {
  const row = await one<{ missing: string; refused: string }>(
    `SELECT count(*) FILTER (WHERE j."teamConsentRefusedAt" IS NULL) AS missing,
            count(*) FILTER (WHERE j."teamConsentRefusedAt" IS NOT NULL) AS refused
       FROM job_seeker j
      WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED' AND j."deletedAt" IS NULL AND NOT ${HAS_CONSENT}`,
    [specialistId],
  );
  return { missing: Number(row.missing), refused: Number(row.refused) };
}

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // A team whose supervisor leads at least two other current members, one of whom has job seekers.
  const found = await one<{
    teamId: string;
    organizationId: string;
    supervisorId: string;
    supervisorEmail: string;
    specialistId: string;
    specialistEmail: string;
    colleagueId: string;
    colleagueEmail: string;
  }>(
    `SELECT t.id AS "teamId", t."organizationId", s.id AS "supervisorId", s.email AS "supervisorEmail",
            p.id AS "specialistId", p.email AS "specialistEmail", c.id AS "colleagueId", c.email AS "colleagueEmail"
       FROM specialist_team t
       JOIN team_member ms ON ms."teamId" = t.id AND ms.role = 'METHOD_SUPERVISOR' AND ms."leftOn" IS NULL
       JOIN app_user s ON s.id = ms."userId"
       JOIN team_member mp ON mp."teamId" = t.id AND mp.role = 'JOB_SPECIALIST' AND mp."leftOn" IS NULL AND mp."userId" <> s.id
       JOIN app_user p ON p.id = mp."userId"
       JOIN team_member mc ON mc."teamId" = t.id AND mc.role = 'JOB_SPECIALIST' AND mc."leftOn" IS NULL
                          AND mc."userId" NOT IN (s.id, p.id)
       JOIN app_user c ON c.id = mc."userId"
      WHERE EXISTS (SELECT 1 FROM membership x WHERE x."userId" = c.id AND x."organizationId" = t."organizationId" AND x."endedAt" IS NULL)
        AND EXISTS (SELECT 1 FROM membership x WHERE x."userId" = s.id AND x."organizationId" = t."organizationId" AND x."endedAt" IS NULL)
        AND (SELECT count(*) FROM job_seeker j WHERE j."currentSpecialistId" = p.id AND j.phase <> 'DISCHARGED'
               AND j."teamId" = t.id AND j."organizationId" = t."organizationId") >= 3
      ORDER BY t.id, p.id, c.id LIMIT 1`,
  );
  team = { id: found.teamId, organizationId: found.organizationId };
  supervisor = { email: found.supervisorEmail, userId: found.supervisorId };
  specialist = { email: found.specialistEmail, userId: found.specialistId };
  colleague = { email: found.colleagueEmail, userId: found.colleagueId };
  // The data this test needs, whatever today's seed holds: no refusal recorded yet; two job seekers
  // without the consent, one with it.
  await stack.admin.query(
    `UPDATE job_seeker SET "teamConsentRefusedAt" = NULL, "teamConsentRequestedAt" = NULL WHERE "currentSpecialistId" = $1`,
    [specialist.userId],
  );
  const ids = (
    await stack.admin.query<{ id: string }>(
      `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 AND phase <> 'DISCHARGED' AND "teamId" = $2
        AND "organizationId" = $3 ORDER BY id LIMIT 3`,
      [specialist.userId, team.id, team.organizationId],
    )
  ).rows.map((r) => r.id);
  [missingId, consentedId] = ids as [string, string];
  await stack.admin.query(
    `UPDATE consent SET "withdrawnAt" = now() - interval '1 day', "withdrawnById" = "recordedById"
      WHERE "jobSeekerId" = ANY($1) AND scope = 'TEAM_CASE_DISCUSSION' AND "withdrawnAt" IS NULL`,
    [[missingId, ids[2]]],
  );
  if (
    !(
      await one<{ has: boolean }>(`SELECT ${HAS_CONSENT} AS has FROM job_seeker j WHERE j.id = $1`, [
        consentedId,
      ])
    ).has
  )
    await stack.admin.query(
      `INSERT INTO consent (id, "organizationId", "jobSeekerId", scope, "validFrom", "recordedById", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'TEAM_CASE_DISCUSSION', now() - interval '1 day', $3, now())`,
      [team.organizationId, consentedId, specialist.userId],
    );
});
afterAll(async () => {
  await stack?.close();
});

const GAP = `query($id: ID!) { teamDiscussionConsentGap(specialistId: $id) {
  __typename
  ... on QueryTeamDiscussionConsentGapSuccess { data { specialistId missing refused lastRequestedAt } }
  ... on NotFoundError { message }
} }`;
const REQUEST = `mutation($id: ID!) { requestTeamDiscussionConsents(specialistId: $id) {
  __typename
  ... on MutationRequestTeamDiscussionConsentsSuccess { data { missing refused lastRequestedAt } }
  ... on NotFoundError { message }
  ... on ValidationError { issues { field code } }
} }`;
const REFUSE = `mutation($input: RecordTeamDiscussionConsentRefusalInput!) { recordTeamDiscussionConsentRefusal(input: $input) {
  __typename
  ... on MutationRecordTeamDiscussionConsentRefusalSuccess { data { id teamDiscussionConsent teamConsentRefusedAt version } }
  ... on NotFoundError { message }
  ... on ConflictError { message }
  ... on ValidationError { issues { field code } }
} }`;
const PERSON = `query($id: ID!) { jobSeeker(id: $id) { id teamDiscussionConsent teamConsentRefusedAt teamConsentRequestedAt version } }`;
const FILTERED = `query { jobSeekers(teamConsentMissing: true, first: 50) { edges { node { id teamDiscussionConsent currentSpecialist { id } } } } }`;

type Person = {
  id: string;
  teamDiscussionConsent: string | null;
  teamConsentRefusedAt: string | null;
  teamConsentRequestedAt: string | null;
  version: number;
};
/** The uuid in a global node id ("JobSeeker:<uuid>", base64). */
const rawId = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':')[1];
const person = async (as: string, id: string) =>
  (await stack.gql<{ jobSeeker: Person | null }>(as, PERSON, { id })).data?.jobSeeker ?? null;

async function refuse(as: string, jobSeekerId: string, refused: boolean, version?: number) {
  const v = version ?? (await person(specialist.email, jobSeekerId))?.version;
  const res = await stack.gql<{
    recordTeamDiscussionConsentRefusal: { __typename: string; issues?: { code: string }[] };
  }>(as, REFUSE, { input: { jobSeekerId, version: v, refused } });
  return res;
}

describe('the own specialist: flagged until recorded or refused', () => {
  it('the person page says MISSING without the consent and GIVEN with it', async () => {
    expect((await person(specialist.email, missingId))?.teamDiscussionConsent).toBe('MISSING');
    expect((await person(specialist.email, consentedId))?.teamDiscussionConsent).toBe('GIVEN');
  });

  it('the portfolio filter lists exactly the own job seekers missing it', async () => {
    const res = await stack.gql<{
      jobSeekers: { edges: { node: { id: string; teamDiscussionConsent: string } }[] };
    }>(specialist.email, FILTERED);
    const listed = res.data?.jobSeekers.edges.map((e) => rawId(e.node.id)).sort();
    const expected = (
      await stack.admin.query<{ id: string }>(
        `SELECT j.id FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED'
           AND j."teamConsentRefusedAt" IS NULL AND NOT ${HAS_CONSENT} ORDER BY j.id`,
        [specialist.userId],
      )
    ).rows.map((r) => r.id);
    expect(listed).toEqual(expected.sort());
    expect(listed).toContain(missingId);
    expect(listed).not.toContain(consentedId);
    for (const e of res.data?.jobSeekers.edges ?? []) expect(e.node.teamDiscussionConsent).toBe('MISSING');
  });

  it('a refusal is recorded by the own specialist: no longer flagged, and it can be undone', async () => {
    const before = await expectedGap(specialist.userId);
    const res = await refuse(specialist.email, missingId, true);
    expect(res.data?.recordTeamDiscussionConsentRefusal.__typename).toBe(
      'MutationRecordTeamDiscussionConsentRefusalSuccess',
    );
    expect((await person(specialist.email, missingId))?.teamDiscussionConsent).toBe('REFUSED');
    expect((await person(specialist.email, missingId))?.teamConsentRefusedAt).not.toBeNull();
    const after = await expectedGap(specialist.userId);
    expect(after).toEqual({ missing: before.missing - 1, refused: before.refused + 1 });
    const filtered = await stack.gql<{ jobSeekers: { edges: { node: { id: string } }[] } }>(
      specialist.email,
      FILTERED,
    );
    expect(filtered.data?.jobSeekers.edges.map((e) => rawId(e.node.id))).not.toContain(missingId);
    // The job seeker's access log says who recorded it.
    const logged = await one<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE "jobSeekerId" = $1 AND area = 'JobSeeker.teamConsentRefused'`,
      [missingId],
    );
    expect(Number(logged.n)).toBeGreaterThan(0);
    expect(
      (await refuse(specialist.email, missingId, false)).data?.recordTeamDiscussionConsentRefusal.__typename,
    ).toBe('MutationRecordTeamDiscussionConsentRefusalSuccess');
    expect((await person(specialist.email, missingId))?.teamDiscussionConsent).toBe('MISSING');
  });

  it('a refusal beside a consent in force is refused at the field; a stale version is a conflict', async () => {
    const given = await refuse(specialist.email, consentedId, true);
    expect(given.data?.recordTeamDiscussionConsentRefusal.issues?.map((i) => i.code)).toEqual([
      'ALREADY_GIVEN',
    ]);
    const current = (await person(specialist.email, missingId))?.version as number;
    const stale = await refuse(specialist.email, missingId, true, current - 1);
    expect(stale.data?.recordTeamDiscussionConsentRefusal.__typename).toBe('ConflictError');
    expect((await person(specialist.email, missingId))?.teamDiscussionConsent).toBe('MISSING');
  });

  it('nobody else records it or reads it: colleague, supervisor (not found or forbidden), fields null', async () => {
    for (const who of [colleague, supervisor]) {
      // Without the consent the case is not theirs to see at all.
      const hidden = await refuse(who.email, missingId, true, 1);
      expect(hidden.data?.recordTeamDiscussionConsentRefusal.__typename, who.email).toBe('NotFoundError');
      // With the consent they read the case, but not the specialist's flag, and may not change it.
      const seen = await person(who.email, consentedId);
      expect(rawId(seen?.id ?? ''), who.email).toBe(consentedId);
      expect(seen?.teamDiscussionConsent).toBeNull();
      expect(seen?.teamConsentRequestedAt).toBeNull();
      const forbidden = await refuse(who.email, consentedId, false, 1);
      expect(JSON.stringify(forbidden.errors ?? []), who.email).toContain('FORBIDDEN');
    }
    expect((await person(specialist.email, missingId))?.teamDiscussionConsent).toBe('MISSING');
  });

  it('the filter shows a supervisor or colleague none of the specialist’s job seekers', async () => {
    for (const who of [colleague, supervisor]) {
      const res = await stack.gql<{
        jobSeekers: { edges: { node: { currentSpecialist: { id: string } | null } }[] };
      }>(who.email, FILTERED);
      for (const e of res.data?.jobSeekers.edges ?? []) expect(e.node.currentSpecialist?.id).toBe(who.userId);
    }
  });
});

describe('the method supervisor: counts, never names, and the request', () => {
  it('reads how many miss the consent and how many refused it, as the tables say', async () => {
    await refuse(specialist.email, missingId, true);
    const res = await stack.gql<{
      teamDiscussionConsentGap: { __typename: string; data?: Record<string, unknown> };
    }>(supervisor.email, GAP, { id: specialist.userId });
    expect(res.data?.teamDiscussionConsentGap.__typename).toBe('QueryTeamDiscussionConsentGapSuccess');
    const expected = await expectedGap(specialist.userId);
    expect(expected.refused).toBeGreaterThanOrEqual(1);
    expect(res.data?.teamDiscussionConsentGap.data).toMatchObject(expected);
    await refuse(specialist.email, missingId, false);
  });

  it('asks the specialist: a notification to them, the job seekers marked as asked for, and the answer names nobody', async () => {
    const expected = await expectedGap(specialist.userId);
    expect(expected.missing).toBeGreaterThanOrEqual(1);
    const res = await stack.gql(supervisor.email, REQUEST, { id: specialist.userId });
    const answer = (
      res.data as { requestTeamDiscussionConsents: { __typename: string; data: { missing: number } } }
    ).requestTeamDiscussionConsents;
    expect(answer.__typename).toBe('MutationRequestTeamDiscussionConsentsSuccess');
    expect(answer.data.missing).toBe(expected.missing);
    // Nothing in the answer names a job seeker of the specialist.
    const names = (
      await stack.admin.query<{ id: string; givenName: string; familyName: string }>(
        `SELECT id, "givenName", "familyName" FROM job_seeker WHERE "currentSpecialistId" = $1`,
        [specialist.userId],
      )
    ).rows;
    const text = JSON.stringify(res);
    for (const n of names) {
      expect(text).not.toContain(n.id);
      expect(text).not.toContain(n.familyName);
    }
    const notice = await one<{ title: string; body: string; recipientId: string; linkType: string }>(
      `SELECT title, body, "recipientId", "linkType" FROM notification WHERE kind = 'TEAM_CONSENT_REQUEST' AND "recipientId" = $1
        ORDER BY "createdAt" DESC LIMIT 1`,
      [specialist.userId],
    );
    expect(notice.title).toContain(String(expected.missing));
    expect(notice.linkType).toBe('TeamConsentMissing');
    for (const n of names) expect(`${notice.title} ${notice.body}`).not.toContain(n.familyName);
    // The own specialist sees when it was asked for, on the person page.
    expect((await person(specialist.email, missingId))?.teamConsentRequestedAt).not.toBeNull();
    const gap = await stack.gql<{ teamDiscussionConsentGap: { data?: { lastRequestedAt: string | null } } }>(
      supervisor.email,
      GAP,
      { id: specialist.userId },
    );
    expect(gap.data?.teamDiscussionConsentGap.data?.lastRequestedAt).not.toBeNull();
  });

  it('with nothing missing the request is refused at the field and notifies nobody', async () => {
    // The supervisor's own membership as a specialist-less user: a member with no job seeker at all.
    const empty = await one<{ id: string }>(
      `INSERT INTO app_user (id, email, "givenName", "familyName", "updatedAt")
       VALUES (gen_random_uuid(), 'tom.portefolje@example.test', 'Tom', 'Portefølje', now()) RETURNING id`,
    );
    await stack.admin.query(
      `INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'JOB_SPECIALIST', now())`,
      [team.organizationId, empty.id],
    );
    await stack.admin.query(
      `INSERT INTO team_member (id, "organizationId", "teamId", "userId", role, "employerOrganizationId", "joinedOn")
       VALUES (gen_random_uuid(), $1, $2, $3, 'JOB_SPECIALIST', $1, current_date)`,
      [team.organizationId, team.id, empty.id],
    );
    const res = await stack.gql<{
      requestTeamDiscussionConsents: { __typename: string; issues?: { code: string }[] };
    }>(supervisor.email, REQUEST, { id: empty.id });
    expect(res.data?.requestTeamDiscussionConsents.issues?.map((i) => i.code)).toEqual(['EMPTY']);
    const sent = await one<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE "recipientId" = $1`, [
      empty.id,
    ]);
    expect(Number(sent.n)).toBe(0);
  });
});

describe('authorization matrix: who may read the count and ask (role × relation)', () => {
  /** Actors found by relation to the specialist, independently of the rule under test. */
  async function actorsFor() {
    const sql = (where: string) =>
      stack.admin
        .query<{ email: string }>(
          `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId" WHERE ${where} ORDER BY u.email LIMIT 1`,
          [specialist.userId, team.id, team.organizationId],
        )
        .then((r) => r.rows[0]?.email ?? null);
    return {
      'the specialist themselves': specialist.email,
      'a same-team specialist': colleague.email,
      'the team’s method supervisor': supervisor.email,
      'another team’s method supervisor': await sql(
        `m.role = 'METHOD_SUPERVISOR' AND m."userId" <> $1 AND NOT EXISTS (SELECT 1 FROM team_member t WHERE t."userId" = m."userId" AND t."teamId" = $2 AND t."leftOn" IS NULL) AND EXISTS (SELECT 1 FROM team_member t WHERE t."userId" = m."userId" AND t.role = 'METHOD_SUPERVISOR' AND t."leftOn" IS NULL) AND $3::uuid IS NOT NULL`,
      ),
      'a health-service leader of the organisation': await sql(
        `m.role = 'HEALTH_SERVICE_LEADER' AND m."organizationId" = $3 AND $1::uuid IS NOT NULL AND $2::uuid IS NOT NULL`,
      ),
      'a tenant administrator of the organisation': await sql(
        `m.role = 'TENANT_ADMINISTRATOR' AND m."organizationId" = $3 AND $1::uuid IS NOT NULL AND $2::uuid IS NOT NULL`,
      ),
      'a NAV counsellor': await sql(
        `m.role = 'NAV_COUNSELLOR' AND $1::uuid IS NOT NULL AND $2::uuid IS NOT NULL AND $3::uuid IS NOT NULL`,
      ),
    } as Record<string, string | null>;
  }

  it('only the team’s method supervisor; everyone else gets not-found and nothing is sent', async () => {
    const actors = await actorsFor();
    const before = await one<{ n: string }>(
      `SELECT count(*) AS n FROM notification WHERE kind = 'TEAM_CONSENT_REQUEST' AND "recipientId" = $1`,
      [specialist.userId],
    );
    const seen: Record<string, [string, string]> = {};
    for (const [who, email] of Object.entries(actors)) {
      if (!email) throw new Error(`the demo data has no ${who}`);
      const gap = await stack.gql<{ teamDiscussionConsentGap: { __typename: string } }>(email, GAP, {
        id: specialist.userId,
      });
      const ask = await stack.gql<{ requestTeamDiscussionConsents: { __typename: string } }>(email, REQUEST, {
        id: specialist.userId,
      });
      seen[who] = [
        gap.data?.teamDiscussionConsentGap.__typename ?? 'error',
        ask.data?.requestTeamDiscussionConsents.__typename ?? 'error',
      ];
    }
    expect(seen).toEqual({
      'the specialist themselves': ['NotFoundError', 'NotFoundError'],
      'a same-team specialist': ['NotFoundError', 'NotFoundError'],
      'the team’s method supervisor': [
        'QueryTeamDiscussionConsentGapSuccess',
        'MutationRequestTeamDiscussionConsentsSuccess',
      ],
      'another team’s method supervisor': ['NotFoundError', 'NotFoundError'],
      'a health-service leader of the organisation': ['NotFoundError', 'NotFoundError'],
      'a tenant administrator of the organisation': ['NotFoundError', 'NotFoundError'],
      'a NAV counsellor': ['NotFoundError', 'NotFoundError'],
    });
    const after = await one<{ n: string }>(
      `SELECT count(*) AS n FROM notification WHERE kind = 'TEAM_CONSENT_REQUEST' AND "recipientId" = $1`,
      [specialist.userId],
    );
    // The supervisor's request alone was sent.
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('a supervisor no longer a member’s supervisor (the member left the team) may not ask', async () => {
    await stack.admin.query(
      `UPDATE team_member SET "leftOn" = current_date WHERE "userId" = $1 AND "teamId" = $2`,
      [specialist.userId, team.id],
    );
    try {
      const res = await stack.gql<{ requestTeamDiscussionConsents: { __typename: string } }>(
        supervisor.email,
        REQUEST,
        {
          id: specialist.userId,
        },
      );
      expect(res.data?.requestTeamDiscussionConsents.__typename).toBe('NotFoundError');
    } finally {
      await stack.admin.query(
        `UPDATE team_member SET "leftOn" = NULL WHERE "userId" = $1 AND "teamId" = $2`,
        [specialist.userId, team.id],
      );
    }
  });
});
