import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DUTY_STATUSES,
  dutyStatus,
  dutyStatusCondition,
  meetsDutyCondition,
  osloDay,
  worstStatus,
} from './deadline-status';

describe('osloDay', () => {
  it('agrees with the time-zone database at every instant, across midnights and daylight-saving changes (one lookup per UTC hour)', () => {
    const direct = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // Every 7 minutes through two years: each minute of an hour, both DST changes, every midnight.
    const start = Date.UTC(2025, 0, 1);
    for (let t = start; t < start + 2 * 366 * 86_400_000; t += 7 * 60_000 + 13_000) {
      const at = new Date(t);
      if (osloDay(at) !== direct.format(at)) expect(osloDay(at)).toBe(direct.format(at));
    }
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (d) => {
          expect(osloDay(d)).toBe(direct.format(d));
        },
      ),
    );
  });

  it('is the Norwegian calendar day, not the UTC one', () => {
    expect(osloDay(new Date('2026-11-25T22:30:00Z'))).toBe('2026-11-25'); // 23:30 in Oslo (CET)
    expect(osloDay(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-26'); // 00:30 in Oslo
    expect(osloDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 in Oslo (CEST)
  });

  it('handles the daylight-saving changes (last Sundays of March and October)', () => {
    expect(osloDay(new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29');
    expect(osloDay(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(osloDay(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25'); // 00:00 CEST
    expect(osloDay(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25'); // 23:59 CET
  });
});

describe('deadline status', () => {
  const duty = { warnFrom: '2026-11-20', dueOn: '2026-11-27' };
  it.each([
    ['2026-11-19', 'UPCOMING'],
    ['2026-11-20', 'DUE'],
    ['2026-11-27', 'DUE'],
    ['2026-11-28', 'OVERDUE'],
  ])('on %s the duty is %s', (today, status) => {
    expect(dutyStatus(duty, today)).toBe(status);
  });

  it('takes the most urgent of several duties, NONE without any', () => {
    expect(worstStatus([], '2026-11-25')).toBe('NONE');
    expect(worstStatus([{ warnFrom: '2026-12-01', dueOn: '2026-12-08' }, duty], '2026-11-25')).toBe('DUE');
  });

  it('never reports a duty overdue on or before its day (property)', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const [warnFrom, dueOn] = a <= b ? [a, b] : [b, a];
        const status = dutyStatus({ warnFrom, dueOn }, today);
        expect(status === 'OVERDUE').toBe(today > dueOn);
        expect(status === 'UPCOMING').toBe(today < warnFrom);
      }),
    );
  });

  it('gives every open duty exactly one status by the conditions the queries use (property)', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const duty = a <= b ? { warnFrom: a, dueOn: b } : { warnFrom: b, dueOn: a };
        const met = DUTY_STATUSES.filter((s) => meetsDutyCondition(duty, dutyStatusCondition(s, today)));
        expect(met).toEqual([dutyStatus(duty, today)]);
      }),
    );
  });
});
