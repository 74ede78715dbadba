/**
 * `pnpm --filter @ips/bench access-log`: what a large access log costs a read. Starts our stack
 * over the demo data, measures the portfolio's wall p50 with an empty access log, fills the log
 * with N rows in SQL (generate_series, in chunks of one transaction each, spread over the last
 * ACCESS_LOG_MONTHS months as a real log is, then sealed as the background sealer would), and
 * measures again. Env: ACCESS_LOG_ROWS (200000), ACCESS_LOG_CHUNK (100000), ACCESS_LOG_MONTHS (12),
 * ACCESS_LOG_REQUESTS (300, in three blocks; the lowest block p50 counts). Prints both p50s, their
 * ratio and how long filling and sealing took.
 */
import { sealAuditLog } from '@ips/db';
import { prepareData } from './setup.js';
import { startOurs } from './targets/ours.js';
import { graphqlCall } from './workloads.js';

const rows = Number(process.env.ACCESS_LOG_ROWS ?? 200_000);
const chunk = Number(process.env.ACCESS_LOG_CHUNK ?? 100_000);
const months = Number(process.env.ACCESS_LOG_MONTHS ?? 12);
const requests = Number(process.env.ACCESS_LOG_REQUESTS ?? 300);

const data = await prepareData({ planCount: 1 });
const api = await startOurs(data.db.appUrl, true);

async function portfolioP50(): Promise<number> {
  const once = async () => {
    const call = graphqlCall(data, 'portfolio');
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${call.token}` },
      body: JSON.stringify({ query: call.query, variables: call.variables }),
    });
    const text = await res.text();
    if (res.status !== 200 || text.includes('"errors"')) throw new Error(`portfolio: ${text.slice(0, 300)}`);
  };
  for (let i = 0; i < 30; i++) await once();
  // three blocks; the lowest block p50 (a shared machine's load comes and goes between blocks)
  const p50s: number[] = [];
  for (let block = 0; block < 3; block++) {
    const times: number[] = [];
    for (let i = 0; i < Math.ceil(requests / 3); i++) {
      const t0 = performance.now();
      await once();
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    p50s.push(times[Math.floor(times.length / 2)] ?? 0);
  }
  return Math.min(...p50s);
}

async function logRows(): Promise<number> {
  return Number((await data.admin.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]?.n);
}

/** Seals everything written so far, as the background sealer would (rounds of up to 100,000 rows). */
async function sealAll(): Promise<void> {
  await sealAuditLog(data.admin, 3_600_000);
}

/** Empties the access log and its chains (the benchmark's own database only). */
async function emptyLog(): Promise<void> {
  await data.admin.query(`DO $$ BEGIN
    TRUNCATE audit_log;
    DELETE FROM app.audit_chain_head;
    TRUNCATE app.audit_log_batch, app.audit_chain_origin;
    UPDATE app.audit_seal_state SET "sealedThrough" = 0, "pendingThrough" = 0, "pendingXmax" = '0';
  END $$`);
}

try {
  // Warm the API up first (the JIT, the pool, the plans), then start from an empty log.
  await portfolioP50();
  await emptyLog();
  await data.admin.query('VACUUM ANALYZE audit_log');
  const emptyRows = await logRows();
  const empty = await portfolioP50();
  // (the sealer's job creates each month's partition ahead; the months filled here need theirs)
  await data.admin.query(`SELECT app.ensure_audit_partitions(now() - make_interval(months => $1), $1 + 2)`, [
    months,
  ]);
  const t0 = performance.now();
  // Rows as the API writes them: READs of job seekers by members of each organisation, in
  // insertion order over the last `months` months (the newest last).
  for (let done = 0; done < rows; done += chunk) {
    await data.admin.query(
      `WITH o AS (SELECT array_agg(id ORDER BY id) AS ids FROM organization),
            j AS (SELECT array_agg(id ORDER BY id) AS ids FROM job_seeker),
            u AS (SELECT array_agg(id ORDER BY id) AS ids FROM app_user)
       INSERT INTO audit_log (id, "organizationId", "occurredAt", action, area, "entityType", "entityId", "jobSeekerId", "actorUserId", "requestId")
       SELECT app.uuid_v7(), o.ids[1 + i % cardinality(o.ids)],
         now() - make_interval(secs => ($3::float8 * 30.4 * 86400) * (1 - i::float8 / $4)),
         'READ', 'JobSeeker.list', 'JobSeeker', j.ids[1 + i % cardinality(j.ids)], j.ids[1 + i % cardinality(j.ids)],
         u.ids[1 + i % cardinality(u.ids)], 'bench-' || i
       FROM generate_series($1::bigint, $2::bigint) i, o, j, u`,
      [done, Math.min(rows, done + chunk) - 1, months, rows],
    );
  }
  const filled = performance.now();
  await sealAll();
  const sealed = performance.now();
  await data.admin.query('VACUUM ANALYZE audit_log');
  const fullRows = await logRows();
  const full = await portfolioP50();
  const size = (
    await data.admin.query<{ s: string }>(
      `SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS s FROM pg_class c
       WHERE c.relkind = 'r' AND c.relname LIKE 'audit_log%' AND c.relnamespace IN ('public'::regnamespace, 'audit_part'::regnamespace, 'app'::regnamespace)`,
    )
  ).rows[0]?.s;
  console.log(
    `access log rows      ${String(emptyRows).padStart(10)}   portfolio p50 ${empty.toFixed(2)} ms`,
  );
  console.log(`access log rows      ${String(fullRows).padStart(10)}   portfolio p50 ${full.toFixed(2)} ms`);
  console.log(`ratio full / empty   ${(full / empty).toFixed(3)}`);
  console.log(
    `filled ${rows} rows in ${((filled - t0) / 1000).toFixed(1)} s, sealed in ${((sealed - filled) / 1000).toFixed(1)} s; log on disk ${size}; load ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await api.close();
  await data.close();
}
process.exit(0);
