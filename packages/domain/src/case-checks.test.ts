import { describe, expect, it } from 'vitest';
import { asDate, futureDayIssue, startIssues } from './case-checks';

describe('case checks', () => {
  it('a day after today is in the future; today and earlier are not', () => {
    expect(futureDayIssue('2027-03-01', 'endDate', '2027-03-02', 'not yet')).toEqual({
      field: 'endDate',
      code: 'IN_FUTURE',
      message: 'not yet',
    });
    expect(futureDayIssue('2027-03-01', 'endDate', '2027-03-01', 'not yet')).toBeNull();
    expect(futureDayIssue('2027-03-01', 'endDate', null, 'not yet')).toBeNull();
  });

  it('a start is refused for a discharged job seeker and before the referral', () => {
    const js = { phase: 'FOLLOW_UP', referralDate: asDate('2027-01-10') };
    expect(startIssues(js, '2027-01-10', 'A job start')).toEqual([]);
    expect(startIssues(js, '2027-01-09', 'A job start')).toMatchObject([
      { field: 'startDate', code: 'BEFORE_REFERRAL', message: 'A job start cannot be before the referral' },
    ]);
    expect(startIssues({ ...js, phase: 'DISCHARGED' }, '2027-02-01', 'A study start')).toMatchObject([
      { field: 'jobSeekerId', code: 'DISCHARGED' },
    ]);
  });

  it('a day is its UTC midnight', () => {
    expect(asDate('2028-02-29').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});
