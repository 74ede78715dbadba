import { describe, expect, it } from 'vitest';
import {
  compareReviews,
  FIDELITY_ITEMS,
  type FidelityFacts,
  fidelityBand,
  fidelityTotal,
  isFidelityScore,
  prescoreFidelity,
} from './fidelity';

const facts: FidelityFacts = {
  caseloadPerFte: 18.4,
  daysToFirstContact: [10, 25, 40, 90],
  contactsPerSpecialistPerWeek: 4.2,
  jobs: [
    { jobType: '5223', employerId: 'e1', competitive: true },
    { jobType: '5223', employerId: 'e2', competitive: true },
    { jobType: '9321', employerId: 'e3', competitive: true },
    { jobType: '5120', employerId: 'e1', competitive: false },
  ],
  communityShare: 0.38,
  supervision: {
    specialists: 8,
    weeksWithTeamMeeting: 12,
    monthsWithFieldMentoring: 2,
    specialistsReviewedLastQuarter: 8,
  },
};

describe('IPS-25', () => {
  it('has 25 items in three sections', () => {
    expect(FIDELITY_ITEMS).toHaveLength(25);
    expect(FIDELITY_ITEMS.map((i) => i.item)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('scores 1–5 only, totals a complete review and bands it', () => {
    expect([0, 1, 5, 6, 2.5].map(isFidelityScore)).toEqual([false, true, true, false, false]);
    const all = (score: number) => FIDELITY_ITEMS.map(({ item }) => ({ item, score }));
    expect(fidelityTotal(all(5))).toBe(125);
    expect(fidelityTotal(all(5).slice(1))).toBeNull();
    expect([125, 115, 114, 100, 99, 74, 73, 25].map(fidelityBand)).toEqual([
      'EXEMPLARY',
      'EXEMPLARY',
      'GOOD',
      'GOOD',
      'FAIR',
      'FAIR',
      'NOT_IPS',
      'NOT_IPS',
    ]);
  });

  it('pre-scores the items the data can score, with the figure each rests on', () => {
    const scored = Object.fromEntries(prescoreFidelity(facts).map((p) => [p.item, p]));
    expect(scored[1]).toMatchObject({ score: 5, evidence: { figure: 18.4 } });
    // median of 10, 25, 40, 90 = 32.5 days → 31–60 → 4
    expect(scored[15]).toMatchObject({ score: 4, evidence: { figure: 32.5 } });
    expect(scored[17]).toMatchObject({ score: 3, evidence: { figure: 4.2 } });
    // 3 job types of 4 jobs = 75 % → 4; 3 employers of 4 = 75 % → 4; 3 of 4 competitive = 75 % → 3
    expect(scored[19]).toMatchObject({ score: 4, evidence: { figure: 75 } });
    expect(scored[20]).toMatchObject({ score: 4, evidence: { figure: 75 } });
    expect(scored[21]).toMatchObject({ score: 3, evidence: { figure: 75 } });
    // 38 % in the community: below the bands the brief gives → the reviewers score it
    expect(scored[24]).toMatchObject({ score: null, evidence: { figure: 38 } });
    // supervision: 3 of the 4 elements in the data; the fifth (contact with the health teams) is not,
    // so no score is suggested — the evidence is shown and the reviewers score it
    expect(scored[8]).toMatchObject({ score: null, evidence: { figure: 3 } });
  });

  it('uses the manual’s bands at their edges', () => {
    const one = (over: Partial<FidelityFacts>) =>
      Object.fromEntries(prescoreFidelity({ ...facts, ...over }).map((p) => [p.item, p.score]));
    expect(one({ caseloadPerFte: 20 })[1]).toBe(5);
    expect(one({ caseloadPerFte: 41 })[1]).toBe(1);
    expect(one({ daysToFirstContact: [30] })[15]).toBe(5);
    expect(one({ daysToFirstContact: [271] })[15]).toBe(1);
    expect(one({ contactsPerSpecialistPerWeek: 6 })[17]).toBe(5);
    expect(one({ contactsPerSpecialistPerWeek: 1 })[17]).toBe(1);
    expect(one({ communityShare: 0.65 })[24]).toBe(5);
    expect(one({ communityShare: 0.4 })[24]).toBe(3);
  });

  it('compares item by item with the previous review', () => {
    const rows = compareReviews(
      [
        { item: 1, score: 5 },
        { item: 15, score: 3 },
      ],
      [
        { item: 1, score: 4 },
        { item: 17, score: 2 },
      ],
    );
    expect(rows[0]).toEqual({ item: 1, score: 5, previousScore: 4, change: 1 });
    expect(rows[14]).toEqual({ item: 15, score: 3, previousScore: null, change: null });
    expect(rows[16]).toEqual({ item: 17, score: null, previousScore: 2, change: null });
  });
});
