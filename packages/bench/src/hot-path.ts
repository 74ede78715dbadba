/**
 * `pnpm --filter @ips/bench hot-path`: the hot path of our stack, measured the way a busy shared
 * machine still allows — CPU time per request rather than throughput. Starts the API in this
 * process over the demo data, sends each workload N times over one connection (after a warm-up)
 * and prints CPU ms per request (API and the small fetch client together), wall p50 and SQL
 * statements per request; with HOT_PATH_PROFILE=<file> also writes a V8 CPU profile of the
 * measured part. Env: HOT_PATH_REQUESTS (300), HOT_PATH_SECURE (1; 0 = security layers off),
 * HOT_PATH_AUDIT_ROWS (0; rows added to the access log before measuring), HOT_PATH_WORKLOADS
 * (comma-separated subset), API_COMPILED_EXECUTION (on|off: compiled execution, ADR 0023).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { sealAuditLog } from '@ips/db';
import { prepareData } from './setup.js';
import { recordStatements } from './sql-capture.js';
import { startOurs } from './targets/ours.js';
import {
  type GraphQLCall,
  graphqlCall,
  planVersionAfter,
  reviseCall,
  type WorkloadName,
} from './workloads.js';

const requests = Number(process.env.HOT_PATH_REQUESTS ?? 300);
const secure = process.env.HOT_PATH_SECURE !== '0';
const data = await prepareData({ planCount: 1 });
// HOT_PATH_AUDIT_ROWS: grow the access log first (rows spread over the organisations, sealed), to see
// what a large log costs the hot path (the access log grows with every read).
const auditRows = Number(process.env.HOT_PATH_AUDIT_ROWS ?? 0);
if (auditRows > 0) {
  await data.admin.query(
    `INSERT INTO audit_log (id, "organizationId", action, area, "jobSeekerId", "actorUserId")
     SELECT app.uuid_v7(), o.id, 'READ', 'JobSeeker.list', gen_random_uuid(), gen_random_uuid()
     FROM generate_series(1, $1::int) i
     JOIN LATERAL (SELECT id FROM organization ORDER BY id OFFSET (i % (SELECT count(*) FROM organization)) LIMIT 1) o ON true`,
    [auditRows],
  );
  await sealAuditLog(data.admin, 600_000);
  await data.admin.query('VACUUM ANALYZE audit_log');
}
const api = await startOurs(secure ? data.db.appUrl : data.db.adminUrl, secure);
const session = new Session();
session.connect();
try {
  const plan = data.plans[0];
  if (!plan) throw new Error('no support plan in the demo data');
  let version =
    (
      await data.admin.query<{ version: number }>('SELECT version FROM support_plan WHERE id = $1', [
        plan.supportPlanId,
      ])
    ).rows[0]?.version ?? 1;
  let n = 0;
  const calls: [WorkloadName, () => GraphQLCall][] = [
    ['portfolio', () => graphqlCall(data, 'portfolio')],
    ['jobSeekerPage', () => graphqlCall(data, 'jobSeekerPage')],
    ['teamDashboard', () => graphqlCall(data, 'teamDashboard')],
    ['navList', () => graphqlCall(data, 'navList')],
    ['supportPlanUpdate', () => reviseCall(plan, version, ++n)],
  ];
  if (process.env.HOT_PATH_PROFILE) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
  }
  const only = process.env.HOT_PATH_WORKLOADS?.split(',');
  for (const [name, make] of calls.filter(([name]) => !only || only.includes(name))) {
    const once = async () => {
      const call = make();
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${call.token}` },
        body: JSON.stringify({ query: call.query, variables: call.variables }),
      });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"') || text.includes('ConflictError'))
        throw new Error(`${name}: ${text.slice(0, 300)}`);
      version = planVersionAfter(name, text, version);
    };
    for (let i = 0; i < 30; i++) await once();
    const statements = (await recordStatements(once)).length;
    if (process.env.HOT_PATH_PROFILE && name === (process.env.HOT_PATH_PROFILE_WORKLOAD ?? 'portfolio'))
      await session.post('Profiler.start');
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      await once();
      times.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    if (process.env.HOT_PATH_PROFILE && name === (process.env.HOT_PATH_PROFILE_WORKLOAD ?? 'portfolio')) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(process.env.HOT_PATH_PROFILE, JSON.stringify(profile));
    }
    times.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(18)} ${((cpu.user + cpu.system) / 1000 / requests).toFixed(2).padStart(6)} CPU ms/req   p50 ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(2).padStart(6)} ms   ${statements} SQL/req`,
    );
  }
} finally {
  session.disconnect();
  await api.close();
  await data.close();
}
process.exit(0);
