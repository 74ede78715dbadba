/**
 * `pnpm --filter @ips/api bench:dashboard`: the method supervisor's team dashboard — `teamResults`
 * over HTTP for a full team (10 job specialists, two years of demo history) —
 * at several granularities, one request at a time (what a supervisor waits for). Prints the
 * team's size, the rows the measures count, and p50/p95 per granularity. Env: BENCH_RUNS (30).
 */
import { dropTemplate, prepareTemplate, startTestServer } from '@ips/db/testing';
import { DEMO_SCALE, startStack } from '../test/harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const QUERY = `query($teamId: ID!, $g: Granularity, $n: Int) { teamResults(teamId: $teamId, granularity: $g, periods: $n) {
  ... on QueryTeamResultsSuccess { data { periods { from team { measure value target met }
    specialists { userId values { measure value met } } } } } } }`;

const server = await startTestServer();
const template = await prepareTemplate(server.adminUrl, 'bench-dashboard');
// The demo data with one municipality large enough for a full team of 10 specialists.
const stack = await startStack(template, {
  seed: { scale: { ...DEMO_SCALE, specialistsPerMunicipality: [3, 10], jobSeekersPerSpecialist: 20 } },
});
try {
  const { rows } = await stack.admin.query<{ teamId: string; email: string; members: string }>(
    `SELECT t.id AS "teamId", u.email, (SELECT count(*) FROM team_member tm WHERE tm."teamId" = t.id AND tm."leftOn" IS NULL AND tm.role = 'JOB_SPECIALIST') AS members
     FROM specialist_team t JOIN app_user u ON u.id = t."methodSupervisorId"
     ORDER BY members DESC, t.id LIMIT 1`,
  );
  const team = rows[0];
  if (!team) throw new Error('no team in the demo data');
  const facts = await stack.admin.query<{
    assignments: string;
    contacts: string;
    meetings: string;
    employments: string;
  }>(
    `WITH s AS (SELECT "userId" FROM team_member WHERE "teamId" = $1 AND "leftOn" IS NULL)
     SELECT (SELECT count(*) FROM assignment WHERE "specialistId" IN (SELECT * FROM s)) AS assignments,
            (SELECT count(*) FROM employer_contact WHERE "specialistId" IN (SELECT * FROM s)) AS contacts,
            (SELECT count(*) FROM follow_up_meeting WHERE "specialistId" IN (SELECT * FROM s)) AS meetings,
            (SELECT count(*) FROM employment e WHERE e."jobSeekerId" IN (SELECT "jobSeekerId" FROM assignment WHERE "specialistId" IN (SELECT * FROM s))) AS employments`,
    [team.teamId],
  );
  console.log(
    `team of ${team.members} job specialists + supervisor; history: ${JSON.stringify(facts.rows[0])} rows`,
  );
  const token = await stack.issuer.sign(team.email, { expiresIn: '1h' });
  const run = async (granularity: string, periods: number) => {
    const body = JSON.stringify({
      query: QUERY,
      variables: { teamId: team.teamId, g: granularity, n: periods },
    });
    const once = async () => {
      const t0 = performance.now();
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const json = (await res.json()) as { errors?: unknown };
      if (res.status !== 200 || json.errors) throw new Error(JSON.stringify(json));
      return performance.now() - t0;
    };
    for (let i = 0; i < 3; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await once());
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
    console.log(
      JSON.stringify({
        granularity,
        periods,
        runs: RUNS,
        'p50 ms': +pct(50).toFixed(1),
        'p95 ms': +pct(95).toFixed(1),
      }),
    );
  };
  await run('WEEK', 1);
  await run('WEEK', 12);
  await run('MONTH', 24);
  await run('QUARTER', 8);
  await run('YEAR', 2);
} finally {
  for (const step of [() => stack.close(), () => dropTemplate(template), () => server.stop()]) {
    await step().catch((error: unknown) => console.error(error));
  }
}
