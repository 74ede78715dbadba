/**
 * IPS fidelity reviews over HTTP: pre-scored items with their evidence (item 1's caseload checked
 * against SQL), scores outside 1–5 refused with a typed error and nothing written, stale versions
 * refused, the total and band on finalising, the action plan followed up, the comparison with the
 * previous review, and who may read and write.
 */
import { fidelityBand, osloDay } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

let stack: Stack;
let teamId = '';
let orgId = '';
let supervisor = '';
let specialist = '';
let specialistId = '';
const today = osloDay(new Date());

async function gql<T = Record<string, unknown>>(
  as: string,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const res = await stack.gql<T>(as, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const REVIEW = `id version status totalScore band
  items { item score computedScore computedEvidence { figure unit basis } }
  comparison { item score previousScore change }
  actionPlan { id status version followUpNote }`;
type Review = {
  id: string;
  version: number;
  status: string;
  totalScore: number | null;
  band: string | null;
  items: {
    item: number;
    score: number | null;
    computedScore: number | null;
    computedEvidence: { figure: number | null } | null;
  }[];
  comparison: { item: number; score: number | null; previousScore: number | null; change: number | null }[];
  actionPlan: { id: string; status: string; version: number; followUpNote: string | null }[];
};
type Payload<K extends string> = Record<
  K,
  { __typename: string; data?: Review; issues?: { field: string; code: string }[]; currentVersion?: number }
>;

const START = `mutation($input: StartFidelityReviewInput!) { startFidelityReview(input: $input) { __typename
  ... on MutationStartFidelityReviewSuccess { data { ${REVIEW} } } } }`;
const SCORE = `mutation($input: ScoreFidelityItemInput!) { scoreFidelityItem(input: $input) { __typename
  ... on MutationScoreFidelityItemSuccess { data { ${REVIEW} } }
  ... on ValidationError { issues { field code } } ... on ConflictError { currentVersion } } }`;
const FINALIZE = `mutation($input: FinalizeFidelityReviewInput!) { finalizeFidelityReview(input: $input) { __typename
  ... on MutationFinalizeFidelityReviewSuccess { data { ${REVIEW} } } ... on ValidationError { issues { field code } } } }`;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  const { rows } = await stack.admin.query(
    `SELECT t.id AS "teamId", t."organizationId" AS "orgId", s.email AS sup, u.email AS spec, u.id AS "specId"
     FROM specialist_team t JOIN app_user s ON s.id = t."methodSupervisorId"
     JOIN team_member tm ON tm."teamId" = t.id AND tm.role = 'JOB_SPECIALIST' AND tm."leftOn" IS NULL AND tm."employerOrganizationId" = t."organizationId"
     JOIN app_user u ON u.id = tm."userId"
     WHERE EXISTS (SELECT 1 FROM membership m WHERE m."organizationId" = t."organizationId" AND m.role = 'HEALTH_SERVICE_LEADER')
     ORDER BY t.id, u.id LIMIT 1`,
  );
  ({ teamId, orgId, sup: supervisor, spec: specialist, specId: specialistId } = rows[0]);
});
afterAll(async () => {
  await stack?.close();
});

/** Scores every unscored item with `score`, following the version; returns the review. */
async function scoreAll(review: Review, score: number): Promise<Review> {
  let current = review;
  for (let item = 1; item <= 25; item++) {
    if (current.items.some((i) => i.item === item && i.score !== null)) continue;
    const res = await gql<Payload<'scoreFidelityItem'>>(supervisor, SCORE, {
      input: { reviewId: current.id, version: current.version, item, score, evidence: 'Intervju med teamet' },
    });
    current = res.scoreFidelityItem.data as Review;
  }
  return current;
}

let first: Review;

describe('fidelity review', () => {
  it('starts with the items the data can score, each with its evidence', async () => {
    const res = await gql<Payload<'startFidelityReview'>>(supervisor, START, {
      input: { teamId, reviewedOn: today, reviewers: 'Ekstern fidelitymåler og metodeveileder' },
    });
    first = res.startFidelityReview.data as Review;
    expect(first.status).toBe('DRAFT');
    const logged = await stack.admin.query(
      'SELECT count(*) AS n FROM audit_log WHERE "entityId" = $1 AND action = $2',
      [first.id, 'CREATE'],
    );
    expect(Number(logged.rows[0]?.n)).toBe(1);
    expect(first.totalScore).toBeNull();
    const items = first.items.map((i) => i.item);
    for (const item of [1, 8, 15, 17, 24]) expect(items).toContain(item);
    expect(first.items.every((i) => i.computedEvidence !== null)).toBe(true);
    expect(first.items.every((i) => i.score === i.computedScore)).toBe(true);
    // Item 1's figure is the caseload per full-time job specialist, computed here in SQL.
    const { rows } = await stack.admin.query<{ caseload: string; fte: string }>(
      `SELECT (SELECT count(*) FROM job_seeker j WHERE j."currentSpecialistId" IN (SELECT "userId" FROM team_member WHERE "teamId" = $1 AND "leftOn" IS NULL)
                 AND j.phase <> 'DISCHARGED' AND j."referralDate" <= CURRENT_DATE) AS caseload,
              (SELECT sum(m.fte) FROM team_member tm JOIN membership m ON m."userId" = tm."userId" AND m."organizationId" = tm."employerOrganizationId" AND m."endedAt" IS NULL
                 WHERE tm."teamId" = $1 AND tm."leftOn" IS NULL AND tm.role = 'JOB_SPECIALIST') AS fte`,
      [teamId],
    );
    const expected = Math.round((Number(rows[0]?.caseload) / Number(rows[0]?.fte)) * 10) / 10;
    expect(first.items.find((i) => i.item === 1)?.computedEvidence?.figure).toBe(expected);
  });

  it('refuses a score outside 1–5 or an item outside 1–25 and writes nothing', async () => {
    for (const [item, score, field] of [
      [2, 6, 'score'],
      [2, 0, 'score'],
      [26, 3, 'item'],
    ] as const) {
      const res = await gql<Payload<'scoreFidelityItem'>>(supervisor, SCORE, {
        input: { reviewId: first.id, version: first.version, item, score },
      });
      expect(res.scoreFidelityItem).toEqual({
        __typename: 'ValidationError',
        issues: [{ field, code: 'OUT_OF_RANGE' }],
      });
    }
    const { rows } = await stack.admin.query('SELECT version FROM fidelity_review WHERE id = $1', [first.id]);
    expect(rows[0]?.version).toBe(first.version);
    await expect(
      stack.admin.query(
        `INSERT INTO fidelity_item_score (id, "organizationId", "reviewId", item, score) VALUES (gen_random_uuid(), $1, $2, 3, 7)`,
        [orgId, first.id],
      ),
    ).rejects.toThrow(/score 1–5/);
  });

  it('refuses a stale version and finalising before all 25 are scored', async () => {
    const ok = await gql<Payload<'scoreFidelityItem'>>(supervisor, SCORE, {
      input: { reviewId: first.id, version: first.version, item: 2, score: 4 },
    });
    expect(ok.scoreFidelityItem.__typename).toBe('MutationScoreFidelityItemSuccess');
    const stale = await gql<Payload<'scoreFidelityItem'>>(supervisor, SCORE, {
      input: { reviewId: first.id, version: first.version, item: 3, score: 4 },
    });
    expect(stale.scoreFidelityItem).toEqual({
      __typename: 'ConflictError',
      currentVersion: first.version + 1,
    });
    first = ok.scoreFidelityItem.data as Review;
    const early = await gql<Payload<'finalizeFidelityReview'>>(supervisor, FINALIZE, {
      input: { reviewId: first.id, version: first.version },
    });
    expect(early.finalizeFidelityReview).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'items', code: 'INCOMPLETE' }],
    });
  });
});

describe('fidelity review: the total, the action plan and who reads it', () => {
  it('keeps the total and its band when all 25 are scored', async () => {
    first = await scoreAll(first, 4);
    const res = await gql<Payload<'finalizeFidelityReview'>>(supervisor, FINALIZE, {
      input: { reviewId: first.id, version: first.version },
    });
    first = res.finalizeFidelityReview.data as Review;
    const total = first.items.reduce((sum, i) => sum + (i.score ?? 0), 0);
    expect(first).toMatchObject({ status: 'FINAL', totalScore: total, band: fidelityBand(total) });
    const after = await gql<Payload<'scoreFidelityItem'>>(supervisor, SCORE, {
      input: { reviewId: first.id, version: first.version, item: 2, score: 5 },
    });
    expect(after.scoreFidelityItem).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'reviewId', code: 'FINAL' }],
    });
  });

  it('follows up the action plan, and compares the next review with this one', async () => {
    const added = await gql<{
      addFidelityActionItem: { __typename: string; data?: { id: string; version: number } };
    }>(
      supervisor,
      `mutation($input: AddFidelityActionItemInput!) { addFidelityActionItem(input: $input) { __typename
        ... on MutationAddFidelityActionItemSuccess { data { id version } } } }`,
      {
        input: {
          reviewId: first.id,
          item: 17,
          action: 'Flere arbeidsgiverbesøk: mål 6 i uka',
          ownerId: specialistId,
          dueOn: today,
        },
      },
    );
    const action = added.addFidelityActionItem.data as { id: string; version: number };
    const FOLLOW = `mutation($input: FollowUpFidelityActionItemInput!) { followUpFidelityActionItem(input: $input) { __typename
      ... on ConflictError { currentVersion } } }`;
    const done = await gql<{ followUpFidelityActionItem: { __typename: string } }>(supervisor, FOLLOW, {
      input: {
        id: action.id,
        version: action.version,
        status: 'DONE',
        followUpNote: 'Snitt 6,2 siste måned',
      },
    });
    expect(done.followUpFidelityActionItem.__typename).toBe('MutationFollowUpFidelityActionItemSuccess');
    const stale = await gql<{ followUpFidelityActionItem: unknown }>(supervisor, FOLLOW, {
      input: { id: action.id, version: action.version, status: 'OPEN' },
    });
    expect(stale.followUpFidelityActionItem).toEqual({
      __typename: 'ConflictError',
      currentVersion: action.version + 1,
    });

    // A later review scores item 2 at 5: +1 against the previous (moved a day back to come first).
    await stack.admin.query('UPDATE fidelity_review SET "reviewedOn" = "reviewedOn" - 1 WHERE id = $1', [
      first.id,
    ]);
    const next = await gql<Payload<'startFidelityReview'>>(supervisor, START, {
      input: { teamId, reviewedOn: today, reviewers: 'Metodeveileder' },
    });
    const second = next.startFidelityReview.data as Review;
    const scored = await gql<Payload<'scoreFidelityItem'>>(supervisor, SCORE, {
      input: { reviewId: second.id, version: second.version, item: 2, score: 5 },
    });
    const row = scored.scoreFidelityItem.data?.comparison.find((c) => c.item === 2);
    expect(row).toEqual({ item: 2, score: 5, previousScore: 4, change: 1 });
  });

  it('is read by the team and the leader; written by the supervisor only', async () => {
    const LIST = `{ fidelityReviews(teamId: "${teamId}") { id actionPlan { action } } }`;
    const own = await gql<{ fidelityReviews: { id: string }[] }>(specialist, LIST);
    expect(own.fidelityReviews.map((r) => r.id)).toContain(first.id);
    const leader = (
      await stack.admin.query(
        `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId" WHERE m."organizationId" = $1 AND m.role = 'HEALTH_SERVICE_LEADER' LIMIT 1`,
        [orgId],
      )
    ).rows[0].email;
    const led = await gql<{ fidelityReviews: { id: string }[] }>(leader, LIST);
    expect(led.fidelityReviews.map((r) => r.id)).toContain(first.id);
    const other = (
      await stack.admin.query(
        `SELECT u.email FROM specialist_team t JOIN app_user u ON u.id = t."methodSupervisorId"
         WHERE t."methodSupervisorId" <> (SELECT "methodSupervisorId" FROM specialist_team WHERE id = $1) LIMIT 1`,
        [teamId],
      )
    ).rows[0].email;
    expect((await gql<{ fidelityReviews: unknown[] }>(other, LIST)).fidelityReviews).toEqual([]);
    const bySpecialist = await stack.gql(specialist, SCORE, {
      input: { reviewId: first.id, version: first.version, item: 2, score: 3 },
    });
    expect(bySpecialist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byLeader = await stack.gql(leader, START, {
      input: { teamId, reviewedOn: today, reviewers: 'Leder' },
    });
    expect(byLeader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
