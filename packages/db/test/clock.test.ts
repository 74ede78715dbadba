import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ensureLibfaketime,
  fakeClockEnvironment,
  osloDate,
  osloOffsetMinutes,
  parseRunInstant,
} from '../src/testing/clock.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('IPS_TODAY: the instant a run lives at', () => {
  it('reads a bare day as noon in Oslo, summer and winter', () => {
    expect(parseRunInstant('2028-02-29').toISOString()).toBe('2028-02-29T11:00:00.000Z');
    expect(parseRunInstant('2027-07-01').toISOString()).toBe('2027-07-01T10:00:00.000Z');
  });

  it('reads an instant with its offset, across the Oslo/UTC day boundary', () => {
    const instant = parseRunInstant('2028-01-01T00:30+01:00');
    expect(instant.toISOString()).toBe('2027-12-31T23:30:00.000Z');
    expect(osloDate(instant)).toBe('2028-01-01');
  });

  it('refuses what is not a date, an impossible day and an instant without offset', () => {
    for (const bad of ['tomorrow', '2027-02-29', '2028-13-01', '2028-01-01T00:30', '']) {
      expect(() => parseRunInstant(bad), bad).toThrow(/IPS_TODAY/);
    }
  });

  it("knows Oslo's offset on both sides of the clock changes", () => {
    expect(osloOffsetMinutes(new Date('2027-03-28T00:59:00Z'))).toBe(60);
    expect(osloOffsetMinutes(new Date('2027-03-28T01:00:00Z'))).toBe(120);
    expect(osloOffsetMinutes(new Date('2027-10-31T00:59:00Z'))).toBe(120);
    expect(osloOffsetMinutes(new Date('2027-10-31T01:00:00Z'))).toBe(60);
  });

  it('shifts by one offset from the real clock (every process of the run agrees)', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const env = fakeClockEnvironment(new Date('2026-12-07T12:00:01Z'), '/lib/libfaketimeMT.so.1', now);
    expect(env.FAKETIME).toBe('+86401');
    expect(env.FAKETIME_DONT_FAKE_MONOTONIC).toBe('1');
    expect(env.LD_PRELOAD).toContain('/lib/libfaketimeMT.so.1');
    expect(fakeClockEnvironment(new Date('2026-12-06T11:00:00Z'), 'x', now).FAKETIME).toBe('-3600');
  });

  it('moves PostgreSQL, Node and the command to the same day', () => {
    ensureLibfaketime();
    const probe = join(here, 'fixtures/clock-probe.ts');
    const env: NodeJS.ProcessEnv = { ...process.env, IPS_TODAY: '2028-02-29T00:30+01:00' };
    for (const key of ['IPS_TEST_DATABASE_URL', 'DATABASE_URL', 'FAKETIME', 'LD_PRELOAD']) delete env[key];
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(here, '../scripts/with-postgres.ts'),
        '--',
        process.execPath,
        '--import',
        'tsx',
        probe,
      ],
      { env, encoding: 'utf8', timeout: 90_000 },
    );
    const seen = JSON.parse(out.trim().split('\n').at(-1) as string) as { node: string; postgres: string };
    for (const instant of [seen.node, seen.postgres]) {
      const skew = Date.parse(instant) - Date.parse('2028-02-28T23:30:00Z');
      expect(skew, instant).toBeGreaterThanOrEqual(0);
      expect(skew, instant).toBeLessThan(120_000);
    }
    expect(Math.abs(Date.parse(seen.node) - Date.parse(seen.postgres))).toBeLessThan(5_000);
  });
});
