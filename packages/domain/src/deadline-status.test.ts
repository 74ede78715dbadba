import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dutyStatus, osloDay, worstStatus } from './deadline-status';

describe('osloDay', () => {
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
});
