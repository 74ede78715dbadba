/**
 * `pnpm --filter @ips/api fault:db-restart`: PostgreSQL restarted under write load (loopback only,
 * bounded, stops by itself). An embedded PostgreSQL of its own with the demo data, the API as its
 * own process; 8 clients register employers in a loop, each create with an idempotency key and
 * retried with the same key until acknowledged. After FAULT_AT seconds the database stops (fast
 * shutdown) for DOWN seconds and starts again. Prints how fast errors came while it was down, how
 * soon writes and throughput recovered, and checks that every acknowledged write is in the
 * database exactly once. Env: FAULT_SECONDS (40), FAULT_AT (10), FAULT_DOWN (5).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  type ApiProcess,
  type FaultDatabase,
  ms,
  percentile,
  specialistToken,
  startApiProcess,
  startFaultDatabase,
} from './fault-kit.js';

const TOTAL = Number(process.env.FAULT_SECONDS ?? 40) * 1000;
const FAULT_AT = Number(process.env.FAULT_AT ?? 10) * 1000;
const DOWN = Number(process.env.FAULT_DOWN ?? 5) * 1000;
const CLIENTS = 8;
const REQUEST_TIMEOUT = 10_000;

const REGISTER = `mutation($input: RegisterEmployerInput!) {
  registerEmployer(input: $input) { __typename ... on MutationRegisterEmployerSuccess { data { id } } }
}`;

let db: FaultDatabase | undefined;
let api: ApiProcess | undefined;
let exitCode = 0;
try {
  console.log('setting up: embedded PostgreSQL, demo data, API process …');
  db = await startFaultDatabase();
  // With the job worker on: its connections are cut too, and the process must survive that.
  api = await startApiProcess(db.appUrl, {
    DB_ACQUIRE_TIMEOUT_MS: '2000',
    DB_STATEMENT_TIMEOUT_MS: '5000',
    API_JOBS: 'on',
  });
  const { token, organizationId } = await specialistToken(db);
  const base = api.url;

  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const acknowledged = new Set<string>();
  const unacknowledged = new Set<string>();
  const successesAt: number[] = [];
  const errors: { at: number; ms: number; what: string }[] = [];
  let downAt = Number.NaN;
  let upAt = Number.NaN;

  const attempt = async (key: string): Promise<boolean> => {
    const started = now();
    try {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
        },
        body: JSON.stringify({
          query: REGISTER,
          variables: { input: { organizationId, name: `fault-${key}` } },
        }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT),
      });
      const body = (await res.json()) as {
        data?: { registerEmployer?: { __typename: string } };
        errors?: { extensions?: { code?: string } }[];
      };
      if (res.status === 200 && body.data?.registerEmployer?.__typename === 'MutationRegisterEmployerSuccess')
        return true;
      errors.push({
        at: started,
        ms: now() - started,
        what: `${res.status} ${body.errors?.[0]?.extensions?.code ?? ''}`.trim(),
      });
    } catch (error) {
      errors.push({ at: started, ms: now() - started, what: (error as Error).name });
    }
    return false;
  };

  const client = async () => {
    while (now() < TOTAL) {
      const key = randomUUID();
      // Retry the same key until it is acknowledged or the run ends: never a second write.
      for (;;) {
        if (await attempt(key)) {
          acknowledged.add(key);
          successesAt.push(now());
          break;
        }
        if (now() >= TOTAL) {
          unacknowledged.add(key);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };

  const fault = (async () => {
    await new Promise((resolve) => setTimeout(resolve, FAULT_AT));
    downAt = now();
    console.log(`t=${(downAt / 1000).toFixed(1)} s: stopping PostgreSQL`);
    await db?.stopServer();
    await new Promise((resolve) => setTimeout(resolve, DOWN));
    await db?.startServer();
    upAt = now();
    console.log(`t=${(upAt / 1000).toFixed(1)} s: PostgreSQL is back`);
  })();
  await Promise.all([...Array.from({ length: CLIENTS }, client), fault]);

  // Verify against the database: every acknowledged write once, nothing twice.
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ name: string; n: string }>(
    `SELECT name, count(*) AS n FROM employer WHERE name LIKE 'fault-%' GROUP BY name`,
  );
  await admin.end();
  const counts = new Map(rows.map((r) => [r.name.slice('fault-'.length), Number(r.n)]));
  const missing = [...acknowledged].filter((k) => !counts.has(k)).length;
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  const unexpected = [...counts.keys()].filter((k) => !acknowledged.has(k) && !unacknowledged.has(k)).length;

  const rate = (from: number, to: number) =>
    successesAt.filter((t) => t >= from && t < to).length / ((to - from) / 1000);
  const before = rate(1000, downAt);
  const during = rate(downAt, upAt);
  const firstAfter = successesAt.find((t) => t >= upAt) ?? Number.NaN;
  // Throughput back: the first whole second after the restart at ≥ 80 % of the rate before.
  let recovered = Number.NaN;
  for (let s = upAt; s + 1000 <= TOTAL; s += 250) {
    if (rate(s, s + 1000) >= 0.8 * before) {
      recovered = s + 1000;
      break;
    }
  }
  const after = rate(Number.isNaN(recovered) ? upAt : recovered, TOTAL);
  const outage = errors
    .filter((e) => e.at >= downAt && e.at < upAt)
    .map((e) => e.ms)
    .sort((a, b) => a - b);
  const kinds = new Map<string, number>();
  for (const e of errors) kinds.set(e.what, (kinds.get(e.what) ?? 0) + 1);

  console.log('\nPostgreSQL restart under write load');
  console.log(
    `  load: ${CLIENTS} clients, ${TOTAL / 1000} s; database down at ${(downAt / 1000).toFixed(1)} s for ${((upAt - downAt) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  writes acknowledged: ${acknowledged.size}; still unacknowledged at the end: ${unacknowledged.size}`,
  );
  console.log(
    `  in the database: acknowledged and missing ${missing}, duplicated ${duplicated}, unexpected ${unexpected}`,
  );
  console.log(
    `  errors while down: ${outage.length}, answered in p50 ${ms(percentile(outage, 50))}, p99 ${ms(percentile(outage, 99))}, max ${ms(outage.at(-1) ?? Number.NaN)}`,
  );
  console.log(`  error kinds: ${[...kinds].map(([k, n]) => `${k} × ${n}`).join(', ') || 'none'}`);
  console.log(`  first acknowledged write after the database returned: ${ms(firstAfter - upAt)}`);
  console.log(`  throughput back to ≥ 80 % of before: ${ms(recovered - upAt)} after the return`);
  console.log(
    `  writes/s: before ${before.toFixed(1)}, while down ${during.toFixed(1)}, after ${after.toFixed(1)}`,
  );
  const survived =
    api.child.exitCode === null &&
    (await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ));
  console.log(`  API process (with the job worker) survived the restart: ${survived ? 'yes' : 'NO'}`);
  if (missing > 0 || duplicated > 0 || unexpected > 0 || !survived) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await api?.stop().catch(() => {});
  await db?.close().catch(() => {});
}
process.exit(exitCode);
