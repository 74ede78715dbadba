import { describe, expect, it } from 'vitest';
import {
  caseloadCeilingFor,
  computeMeasures,
  DEFAULT_TARGETS,
  type MeasureFacts,
  meetsTarget,
  periodContaining,
  periodSeries,
  rollingYearStart,
} from './measures';
import { caseloadLimitFor } from './staffing';

/**
 * A hand-computed fixture: October 2026 (31 days) for specialists A (full time) and B (half time).
 * Every expected figure below is worked out by hand in the comments.
 */
const facts: MeasureFacts = {
  specialists: [
    { userId: 'A', fte: 1 },
    { userId: 'B', fte: 0.5 },
  ],
  assignments: [
    { jobSeekerId: 'j1', specialistId: 'A', from: '2026-01-10', until: null },
    { jobSeekerId: 'j2', specialistId: 'A', from: '2026-09-20', until: '2026-10-25' },
    { jobSeekerId: 'j2', specialistId: 'B', from: '2026-10-25', until: null },
    { jobSeekerId: 'j3', specialistId: 'B', from: '2026-10-02', until: null },
    { jobSeekerId: 'j4', specialistId: 'A', from: '2026-03-01', until: '2026-10-15' },
    { jobSeekerId: 'j5', specialistId: 'B', from: '2026-08-01', until: null },
    { jobSeekerId: 'j6', specialistId: 'A', from: '2026-09-01', until: null },
  ],
  jobSeekers: [
    // in A's portfolio on 31 Oct, out of work at referral, in a competitive job since September
    {
      id: 'j1',
      referralDate: '2026-01-10',
      intakeDate: '2026-01-15',
      dischargedOn: null,
      outOfWorkAtReferral: true,
    },
    // intake 20 Sep → contact due 20 Oct (A's), met on 12 Oct; in B's portfolio on 31 Oct, no job
    {
      id: 'j2',
      referralDate: '2026-09-20',
      intakeDate: '2026-09-20',
      dischargedOn: null,
      outOfWorkAtReferral: true,
    },
    // B's, not out of work at referral (outside the employment rate); deadline 3 Nov: not in October
    {
      id: 'j3',
      referralDate: '2026-10-02',
      intakeDate: '2026-10-03',
      dischargedOn: null,
      outOfWorkAtReferral: false,
    },
    // A's until discharged on 15 Oct: a job start on 1 Oct, not in the portfolio on 31 Oct
    {
      id: 'j4',
      referralDate: '2026-03-01',
      intakeDate: '2026-03-02',
      dischargedOn: '2026-10-15',
      outOfWorkAtReferral: true,
    },
    // B's, competitive job from 25 Oct; intake 25 Sep → contact due 25 Oct, met on 5 Oct
    {
      id: 'j5',
      referralDate: '2026-08-01',
      intakeDate: '2026-09-25',
      dischargedOn: null,
      outOfWorkAtReferral: true,
    },
    // A's, intake 10 Sep → contact due 10 Oct, first face-to-face contact only on 15 Oct: missed
    {
      id: 'j6',
      referralDate: '2026-09-01',
      intakeDate: '2026-09-10',
      dischargedOn: null,
      outOfWorkAtReferral: true,
    },
  ],
  employments: [
    { jobSeekerId: 'j1', startDate: '2026-09-01', endDate: null, competitive: true },
    { jobSeekerId: 'j3', startDate: '2026-10-10', endDate: null, competitive: false }, // work practice
    { jobSeekerId: 'j4', startDate: '2026-10-01', endDate: null, competitive: true },
    { jobSeekerId: 'j5', startDate: '2026-10-25', endDate: null, competitive: true },
  ],
  employerContacts: [
    {
      specialistId: 'A',
      jobSeekerId: 'j2',
      day: '2026-10-12',
      faceToFace: true,
      jobDevelopment: true,
      minutes: 60,
    },
    {
      specialistId: 'A',
      jobSeekerId: 'j6',
      day: '2026-10-15',
      faceToFace: true,
      jobDevelopment: true,
      minutes: 30,
    },
    {
      specialistId: 'A',
      jobSeekerId: null,
      day: '2026-10-20',
      faceToFace: true,
      jobDevelopment: true,
      minutes: null,
    },
    {
      specialistId: 'A',
      jobSeekerId: 'j6',
      day: '2026-10-22',
      faceToFace: false,
      jobDevelopment: true,
      minutes: 15,
    },
    {
      specialistId: 'A',
      jobSeekerId: 'j1',
      day: '2026-09-30',
      faceToFace: true,
      jobDevelopment: true,
      minutes: 60,
    },
    {
      specialistId: 'B',
      jobSeekerId: 'j5',
      day: '2026-10-05',
      faceToFace: true,
      jobDevelopment: false,
      minutes: 45,
    },
  ],
  meetings: [
    { specialistId: 'A', day: '2026-10-02', location: 'COMMUNITY', minutes: 60 },
    { specialistId: 'A', day: '2026-10-09', location: 'OFFICE', minutes: 45 },
    { specialistId: 'B', day: '2026-10-03', location: 'REMOTE', minutes: 30 },
    { specialistId: 'B', day: '2026-10-28', location: 'COMMUNITY', minutes: 90 },
  ],
};

describe('measures on a hand-computed fixture (October 2026)', () => {
  const m = computeMeasures(facts, { from: '2026-10-01', to: '2026-10-31' }, '2026-11-25');
  const A = m.bySpecialist.A;
  const B = m.bySpecialist.B;

  it('employment rate: in a competitive job on the last day, of those out of work at referral', () => {
    expect(A?.EMPLOYMENT_RATE).toBe(1 / 2); // j1 yes, j6 no
    expect(B?.EMPLOYMENT_RATE).toBe(1 / 2); // j5 yes, j2 no (j3 not counted)
    expect(m.team.EMPLOYMENT_RATE).toBe(2 / 4);
  });

  it('job starts per year: competitive starts in the rolling twelve months, to whoever followed the job seeker that day', () => {
    expect(A?.JOB_STARTS_PER_SPECIALIST_PER_YEAR).toBe(2); // j1 (September), j4
    expect(B?.JOB_STARTS_PER_SPECIALIST_PER_YEAR).toBe(1); // j5 (j3 is work practice)
    expect(m.team.JOB_STARTS_PER_SPECIALIST_PER_YEAR).toBeCloseTo(3 / 1.5, 10);
    // The period's own count beside it: October only.
    expect(m.jobStartsInPeriod).toEqual({ team: 2, bySpecialist: { A: 1, B: 1 } });
  });

  it('job starts per year do not swing with the period: a week, a month, a quarter and a year agree', () => {
    const asOf = '2026-10-31';
    const values = (['WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const).map((g) => {
      const p = computeMeasures(facts, periodContaining(g, asOf), asOf);
      return [
        p.team.JOB_STARTS_PER_SPECIALIST_PER_YEAR,
        p.bySpecialist.A?.JOB_STARTS_PER_SPECIALIST_PER_YEAR,
      ];
    });
    for (const v of values) expect(v).toEqual(values[0]);
    expect(rollingYearStart('2028-02-29')).toBe('2027-03-01');
    expect(rollingYearStart('2026-10-31')).toBe('2025-11-01');
    expect(rollingYearStart('2027-01-01')).toBe('2026-01-02');
  });

  it('caseload on the last day, the team per full-time specialist', () => {
    expect(A?.CASELOAD_PER_SPECIALIST).toBe(2); // j1, j6
    expect(B?.CASELOAD_PER_SPECIALIST).toBe(3); // j2, j3, j5
    expect(m.team.CASELOAD_PER_SPECIALIST).toBeCloseTo(5 / 1.5, 10);
  });

  it('face-to-face job-development contacts per week', () => {
    expect(A?.EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK).toBeCloseTo((3 * 7) / 31, 10);
    expect(B?.EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK).toBe(0);
    expect(m.team.EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK).toBeCloseTo((3 * 7) / 31 / 1.5, 10);
  });

  it('time in the community: community meetings and face-to-face contacts, of all minutes', () => {
    expect(A?.COMMUNITY_TIME_SHARE).toBeCloseTo((90 + 60) / (105 + 105), 10);
    expect(B?.COMMUNITY_TIME_SHARE).toBeCloseTo((45 + 90) / (45 + 120), 10);
    expect(m.team.COMMUNITY_TIME_SHARE).toBeCloseTo(285 / 375, 10);
  });

  it('first employer contact within a month, of the deadlines due in the period', () => {
    expect(A?.FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE).toBe(1 / 2); // j2 met, j6 missed
    // j5: intake 25 Sep → due 25 Oct (B's), face-to-face contact about j5 on 5 Oct: met
    expect(B?.FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE).toBe(1);
    expect(m.team.FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE).toBe(2 / 3);
    // nobody had a deadline due in a period without intakes a month before
    const quiet = computeMeasures(facts, { from: '2026-12-01', to: '2026-12-31' }, '2026-12-31');
    expect(quiet.team.FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE).toBeNull();
  });

  it('a running period counts up to asOf', () => {
    const running = computeMeasures(facts, { from: '2026-10-01', to: '2026-10-31' }, '2026-10-10');
    expect(running.to).toBe('2026-10-10');
    // j1 (September) and j4 (1 Oct) in the twelve months up to 10 Oct; only j4 in the period so far
    expect(running.bySpecialist.A?.JOB_STARTS_PER_SPECIALIST_PER_YEAR).toBe(2);
    expect(running.jobStartsInPeriod.bySpecialist.A).toBe(1);
    // on 10 Oct, j4 is still in A's portfolio: j1, j2, j4, j6
    expect(running.bySpecialist.A?.CASELOAD_PER_SPECIALIST).toBe(4);
  });

  it('compares with targets: caseload is a ceiling, the rest are floors', () => {
    expect(meetsTarget('CASELOAD_PER_SPECIALIST', 20, DEFAULT_TARGETS.CASELOAD_PER_SPECIALIST)).toBe(true);
    expect(meetsTarget('CASELOAD_PER_SPECIALIST', 21, 20)).toBe(false);
    expect(meetsTarget('EMPLOYMENT_RATE', 0.39, DEFAULT_TARGETS.EMPLOYMENT_RATE)).toBe(false);
    expect(meetsTarget('EMPLOYMENT_RATE', 0.4, 0.4)).toBe(true);
    expect(meetsTarget('COMMUNITY_TIME_SHARE', null, 0.65)).toBeNull();
    // Judged as shown: 20,04 reads "20" — at the ceiling, not over it.
    expect(meetsTarget('CASELOAD_PER_SPECIALIST', 20.04, 20)).toBe(true);
    expect(meetsTarget('CASELOAD_PER_SPECIALIST', 20.06, 20)).toBe(false);
    expect(meetsTarget('JOB_STARTS_PER_SPECIALIST_PER_YEAR', 11.96, 12)).toBe(true);
  });

  it('scales the caseload ceiling by FTE, in whole job seekers, as the staffing view does', () => {
    expect(caseloadCeilingFor(20, 1)).toBe(20);
    expect(caseloadCeilingFor(20, 0.8)).toBe(16);
    expect(caseloadCeilingFor(20, 0.75)).toBe(15);
    expect(caseloadCeilingFor(20, 0.7)).toBe(14);
    expect(caseloadCeilingFor(18, 0.5)).toBe(9);
    for (const fte of [0.1, 0.2, 0.3, 0.35, 0.45, 0.55, 0.6, 0.7, 0.9, 1])
      expect(caseloadLimitFor(fte)).toBe(caseloadCeilingFor(20, fte));
  });
});

describe('periods', () => {
  it('knows ISO weeks, months, quarters and years', () => {
    expect(periodContaining('WEEK', '2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodContaining('WEEK', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodContaining('MONTH', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodContaining('QUARTER', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodContaining('YEAR', '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('builds a trend series oldest first, across a year boundary', () => {
    expect(periodSeries('MONTH', '2027-01-15', 3)).toEqual([
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-12-01', to: '2026-12-31' },
      { from: '2027-01-01', to: '2027-01-31' },
    ]);
    expect(periodSeries('WEEK', '2026-11-25', 2).map((p) => p.from)).toEqual(['2026-11-16', '2026-11-23']);
  });

  it('a face-to-face contact before the intake does not count against the deadline after it', () => {
    const early: MeasureFacts = {
      ...facts,
      jobSeekers: [
        {
          id: 'x',
          referralDate: '2026-01-10',
          intakeDate: '2026-03-01',
          dischargedOn: null,
          outOfWorkAtReferral: true,
        },
      ],
      assignments: [{ jobSeekerId: 'x', specialistId: 'A', from: '2026-01-10', until: null }],
      employerContacts: [
        {
          specialistId: 'A',
          jobSeekerId: 'x',
          day: '2026-02-20',
          faceToFace: true,
          jobDevelopment: true,
          minutes: null,
        },
        {
          specialistId: 'A',
          jobSeekerId: 'x',
          day: '2026-03-10',
          faceToFace: true,
          jobDevelopment: true,
          minutes: null,
        },
      ],
      employments: [],
      meetings: [],
    };
    // due 1 April, met on 10 March (the contact on 20 February came before the intake)
    const m = computeMeasures(early, { from: '2026-04-01', to: '2026-04-30' }, '2026-05-01');
    expect(m.team.FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE).toBe(1);
  });
});
