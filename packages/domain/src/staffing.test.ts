import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absenceIssues,
  absenceLength,
  type Colleague,
  caseloadLimitFor,
  checkLongAbsenceThreshold,
  coversDay,
  MAX_TEAM_SPECIALISTS,
  periodsOverlap,
  rankTransferCandidates,
  supervisorMustBeNotified,
  type TransferTarget,
  teamHasRoom,
} from './staffing';

describe('absences', () => {
  it('counts both ends of an absence', () => {
    expect(absenceLength({ startDate: '2026-11-02', endDate: '2026-11-02' })).toBe(1);
    expect(absenceLength({ startDate: '2026-11-02', endDate: '2026-11-15' })).toBe(14);
    expect(absenceLength({ startDate: '2026-11-02', endDate: null })).toBeNull();
    // across the end of daylight-saving time (25 October 2026)
    expect(absenceLength({ startDate: '2026-10-20', endDate: '2026-10-30' })).toBe(11);
  });

  it('tells the supervisor of an unplanned absence longer than the threshold, or with no end', () => {
    const sick = (endDate: string | null) => ({ startDate: '2026-11-02', endDate, planned: false });
    expect(supervisorMustBeNotified(sick('2026-11-15'))).toBe(false); // 14 days: not more than 14
    expect(supervisorMustBeNotified(sick('2026-11-16'))).toBe(true); // 15 days
    expect(supervisorMustBeNotified(sick(null))).toBe(true);
    expect(supervisorMustBeNotified({ ...sick('2026-12-31'), planned: true })).toBe(false);
    expect(supervisorMustBeNotified(sick('2026-11-08'), 5)).toBe(true);
  });

  it('keeps the tenant threshold within safe bounds', () => {
    expect(checkLongAbsenceThreshold(14)).toBe(true);
    expect(checkLongAbsenceThreshold(2)).toBe(false);
    expect(checkLongAbsenceThreshold(61)).toBe(false);
    expect(checkLongAbsenceThreshold(7.5)).toBe(false);
  });

  it('refuses an end before the start and an overlap with another absence', () => {
    expect(absenceIssues({ startDate: '2026-11-10', endDate: '2026-11-09' }, [])).toEqual([
      { field: 'expectedEndDate', code: 'END_BEFORE_START' },
    ]);
    const others = [{ startDate: '2026-11-01', endDate: '2026-11-05' }];
    expect(absenceIssues({ startDate: '2026-11-05', endDate: '2026-11-07' }, others)).toEqual([
      { field: 'startDate', code: 'OVERLAPS', otherStartDate: '2026-11-01' },
    ]);
    expect(absenceIssues({ startDate: '2026-11-06', endDate: null }, others)).toEqual([]);
    // an open-ended absence runs on
    expect(
      absenceIssues({ startDate: '2026-12-01', endDate: '2026-12-02' }, [
        { startDate: '2026-11-20', endDate: null },
      ]),
    ).toHaveLength(1);
  });

  it('overlap is symmetric and agrees with sharing a day', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => {
      const d = new Date(Date.UTC(2026, 0, 1 + n));
      return d.toISOString().slice(0, 10);
    });
    const period = fc
      .tuple(day, fc.option(day, { nil: null }))
      .filter(([s, e]) => e === null || e >= s)
      .map(([startDate, endDate]) => ({ startDate, endDate }));
    fc.assert(
      fc.property(period, period, day, (a, b, d) => {
        expect(periodsOverlap(a, b)).toBe(periodsOverlap(b, a));
        if (coversDay(a, d) && coversDay(b, d)) expect(periodsOverlap(a, b)).toBe(true);
      }),
    );
  });
});

describe('transfer candidates', () => {
  const target: TransferTarget = {
    organizationId: 'muni',
    serviceLevel: 'MUNICIPAL',
    teamId: 'team-1',
    healthTeamId: 'ht-1',
    currentSpecialistId: 'absent-one',
  };
  const colleague = (userId: string, over: Partial<Colleague> = {}): Colleague => ({
    userId,
    employerOrganizationId: 'muni',
    serviceLevel: 'MUNICIPAL',
    teamIds: ['team-1'],
    healthTeamIds: [],
    caseload: 10,
    fte: 1,
    absent: false,
    ...over,
  });

  it('puts the same service level first, then room in the caseload, then the health team', () => {
    const ranked = rankTransferCandidates(target, [
      colleague('trust-specialist', {
        employerOrganizationId: 'trust',
        serviceLevel: 'SPECIALIST_HEALTH_SERVICE',
        caseload: 2,
        healthTeamIds: ['ht-1'],
      }),
      colleague('full', { caseload: 20 }),
      colleague('room'),
      colleague('room-same-health-team', { healthTeamIds: ['ht-1'], caseload: 15 }),
    ]);
    expect(ranked.map((c) => c.userId)).toEqual([
      'room-same-health-team',
      'room',
      'full',
      'trust-specialist',
    ]);
    expect(ranked[3]).toMatchObject({
      crossService: true,
      sameServiceLevel: false,
      underCaseloadLimit: true,
    });
    expect(ranked[2]).toMatchObject({ crossService: false, underCaseloadLimit: false });
  });

  it('leaves out the current specialist and anyone absent', () => {
    const ranked = rankTransferCandidates(target, [
      colleague('absent-one'),
      colleague('also-away', { absent: true }),
      colleague('here'),
    ]);
    expect(ranked.map((c) => c.userId)).toEqual(['here']);
  });

  it('scales the caseload limit by the full-time equivalent', () => {
    expect(caseloadLimitFor(1)).toBe(20);
    expect(caseloadLimitFor(0.8)).toBe(16);
    const [part] = rankTransferCandidates(target, [colleague('part', { fte: 0.8, caseload: 16 })]);
    expect(part?.underCaseloadLimit).toBe(false);
  });

  it('employed by another organisation at the same service level is still cross-service', () => {
    const [other] = rankTransferCandidates(target, [
      colleague('neighbour', { employerOrganizationId: 'muni-2' }),
    ]);
    expect(other).toMatchObject({ sameServiceLevel: true, crossService: true });
  });

  it('never ranks someone at another service level above the same level (property)', () => {
    const arb = fc.array(
      fc.record({
        userId: fc.uuid(),
        employerOrganizationId: fc.constantFrom('muni', 'trust'),
        serviceLevel: fc.constantFrom('MUNICIPAL', 'SPECIALIST_HEALTH_SERVICE'),
        teamIds: fc.subarray(['team-1', 'team-2']),
        healthTeamIds: fc.subarray(['ht-1', 'ht-2']),
        caseload: fc.integer({ min: 0, max: 30 }),
        fte: fc.constantFrom(0.5, 0.8, 1),
        absent: fc.boolean(),
      }),
      { maxLength: 15 },
    );
    fc.assert(
      fc.property(arb, (colleagues) => {
        const ranked = rankTransferCandidates(target, colleagues);
        const firstOther = ranked.findIndex((c) => !c.sameServiceLevel);
        if (firstOther >= 0) expect(ranked.slice(firstOther).every((c) => !c.sameServiceLevel)).toBe(true);
        expect(ranked.every((c) => !c.absent && c.userId !== target.currentSpecialistId)).toBe(true);
      }),
    );
  });
});

describe('team size', () => {
  it('has room for the 10th specialist and none for the 11th', () => {
    expect(MAX_TEAM_SPECIALISTS).toBe(10);
    expect(teamHasRoom(9)).toBe(true);
    expect(teamHasRoom(10)).toBe(false);
  });
});
