/**
 * A test run at another date: `IPS_TODAY` shifts the clock of every process the run starts —
 * the embedded PostgreSQL (its now() in row-level security, column defaults and definer
 * functions), the seed (its `today`), the API (its clock) and the tests themselves — by one and
 * the same offset, through Debian's libfaketime. Shifting only the API's injected clock would
 * test a world that cannot occur: PostgreSQL would judge consents, grants and memberships at
 * another time than the API (docs/adr/0015-test-runs-at-other-dates.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** The variable that names the run's day: `YYYY-MM-DD` (12:00 in Oslo) or an ISO instant with offset. */
export const TODAY_VARIABLE = 'IPS_TODAY';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant a run at `spec` starts at. A bare day is noon in Oslo (the offset is looked up, so
 * a summer day is 10:00 UTC and a winter day 11:00 UTC); an instant must carry its offset.
 */
export function parseRunInstant(spec: string): Date {
  const text = spec.trim();
  let instant: Date;
  if (DAY.test(text)) {
    const noonUtc = new Date(`${text}T12:00:00Z`);
    if (Number.isNaN(noonUtc.getTime())) throw new Error(`${TODAY_VARIABLE}="${spec}" is not a date`);
    const offsetMinutes = osloOffsetMinutes(noonUtc);
    instant = new Date(noonUtc.getTime() - offsetMinutes * 60_000);
  } else if (INSTANT.test(text)) {
    instant = new Date(text);
  } else {
    throw new Error(
      `${TODAY_VARIABLE}="${spec}": expected YYYY-MM-DD or an ISO instant with offset (2028-01-01T00:30+01:00)`,
    );
  }
  if (Number.isNaN(instant.getTime())) throw new Error(`${TODAY_VARIABLE}="${spec}" is not a date`);
  if (DAY.test(text) && osloDate(instant) !== text)
    throw new Error(`${TODAY_VARIABLE}="${spec}" is not a date`);
  return instant;
}

/** Europe/Oslo's offset from UTC at an instant, in minutes (60 or 120). */
export function osloOffsetMinutes(at: Date): number {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(part ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** The calendar day in Oslo at an instant (YYYY-MM-DD). */
export function osloDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(at);
}

/** Where Debian's libfaketime (multi-threaded variant) is, or null. */
export function findLibfaketime(): string | null {
  const base = '/usr/lib';
  const candidates: string[] = [];
  try {
    for (const dir of readdirSync(base)) candidates.push(`${base}/${dir}/faketime/libfaketimeMT.so.1`);
  } catch {
    return null;
  }
  candidates.push(`${base}/faketime/libfaketimeMT.so.1`);
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** libfaketime's path, installed with apt-get when missing and we are root; else a clear error. */
export function ensureLibfaketime(): string {
  const found = findLibfaketime();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'libfaketime'], {
      stdio: 'inherit',
      env,
    });
    const installed = findLibfaketime();
    if (installed) return installed;
  }
  throw new Error(
    `A run at another date (${TODAY_VARIABLE}) needs Debian's libfaketime: install it with \`apt-get install libfaketime\`.`,
  );
}

/**
 * The environment that shifts a process tree's clock to start at `instant`: one offset from the
 * real clock for every process (an absolute start time would restart at each process's launch and
 * let the database and the API drift apart). Monotonic clocks stay real, so timers are unaffected.
 */
export function fakeClockEnvironment(
  instant: Date,
  library: string,
  now = new Date(),
): Record<string, string> {
  const offsetSeconds = Math.round((instant.getTime() - now.getTime()) / 1000);
  return {
    LD_PRELOAD: [library, process.env.LD_PRELOAD].filter(Boolean).join(' '),
    FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
}
