/** Norwegian days and times: the wall clock of Oslo, whatever the machine's zone or the UI's language. */
import { describe, expect, it } from 'vitest';
import { formatDay, formatDayTime, formatDecimal, formatTime, osloInstant, parseTime } from './date-field.js';
import { dateOfIsoDay, isoDayOf } from './iso-day.js';

describe('days and times in Oslo', () => {
  it('turns a day and a wall-clock time into the instant, in winter and in summer time', () => {
    expect(osloInstant('2027-01-15', '09:30')).toBe('2027-01-15T08:30:00.000Z');
    expect(osloInstant('2027-07-15', '09:30')).toBe('2027-07-15T07:30:00.000Z');
    // The night the clocks go back: 03:30 is after the change (UTC+1).
    expect(osloInstant('2027-10-31', '03:30')).toBe('2027-10-31T02:30:00.000Z');
    // Leap day, just after midnight: still 28 February in UTC.
    expect(osloInstant('2028-02-29', '00:30')).toBe('2028-02-28T23:30:00.000Z');
  });

  it('refuses days and times that do not exist', () => {
    expect(osloInstant('2027-02-29', '10:00')).toBeNull();
    expect(osloInstant('2027-02-28', '24:00')).toBeNull();
    expect(osloInstant('28.02.2027', '10:00')).toBeNull();
    expect(dateOfIsoDay('2027-13-01')).toBeUndefined();
  });

  it('reads times as typed on a phone', () => {
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('0905')).toBe('09:05');
    expect(parseTime('09.05')).toBe('09:05');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('9')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
  });

  it('shows dd.mm.åååå and HH:mm in Oslo, for days and instants', () => {
    expect(formatDay('2027-03-05')).toBe('05.03.2027');
    expect(formatDay('2027-12-31T23:30:00.000Z')).toBe('01.01.2028');
    expect(formatTime('2027-12-31T23:30:00.000Z')).toBe('00:30');
    expect(formatDayTime('2027-06-01T10:00:00.000Z')).toBe('01.06.2027 kl. 12:00');
    expect(formatDayTime('2027-06-01T10:00:00.000Z', 'en')).toBe('01.06.2027 at 12:00');
    expect(formatDay(null)).toBe('–');
    expect(formatDay('not a date')).toBe('–');
  });

  it('round-trips a picked day without moving it to UTC', () => {
    const picked = new Date(2027, 2, 28);
    expect(isoDayOf(picked)).toBe('2027-03-28');
    expect(isoDayOf(dateOfIsoDay('2028-02-29') as Date)).toBe('2028-02-29');
  });

  it('writes decimals with a comma', () => {
    expect(formatDecimal(0.8)).toBe('0,8');
    expect(formatDecimal(38.64)).toBe('38,6');
    expect(formatDecimal(20)).toBe('20');
  });
});
