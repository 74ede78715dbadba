/**
 * The hot-path script's support-plan workload sends the plan's current version: only the revise
 * answer moves it. (It used to take any `"version":` in any answer, so the job-seeker page before
 * it set the job seeker's version and the first revision was a conflict.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PORTFOLIO, planVersionAfter, SHARED_WITH_NAV } from '../src/workloads.js';

describe("the bench's copies of the admin's documents", () => {
  it('are texts the admin sends (the trusted-documents manifest lists them byte for byte)', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../apps/api/trusted-documents.json', import.meta.url), 'utf8'),
    ) as { documents: Record<string, string> };
    const texts = new Set(Object.values(manifest.documents));
    expect(texts.has(PORTFOLIO)).toBe(true);
    expect(texts.has(SHARED_WITH_NAV)).toBe(true);
  });
});

describe('planVersionAfter', () => {
  it('keeps the plan version across the answers of the other workloads', () => {
    const page = JSON.stringify({ data: { node: { id: 'x', version: 1, careerProfile: { version: 4 } } } });
    expect(planVersionAfter('jobSeekerPage', page, 2)).toBe(2);
    expect(planVersionAfter('portfolio', page, 7)).toBe(7);
  });

  it('takes the revised plan version, or the one a conflict reports', () => {
    const revised = JSON.stringify({
      data: {
        reviseSupportPlan: {
          __typename: 'MutationReviseSupportPlanSuccess',
          data: { version: 3, revisions: [{ revision: 1 }] },
        },
      },
    });
    expect(planVersionAfter('supportPlanUpdate', revised, 2)).toBe(3);
    const conflict = JSON.stringify({
      data: { reviseSupportPlan: { __typename: 'ConflictError', currentVersion: 5 } },
    });
    expect(planVersionAfter('supportPlanUpdate', conflict, 2)).toBe(5);
    expect(planVersionAfter('supportPlanUpdate', 'not json', 2)).toBe(2);
  });
});
