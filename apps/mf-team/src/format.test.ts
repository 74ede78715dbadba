import { describe, expect, it } from 'vitest';
import { formatMeasure } from './format.js';

describe('formatMeasure', () => {
  it('shows shares as whole percentages and the rest with one decimal, with Norwegian formats in either language', () => {
    expect(formatMeasure('EMPLOYMENT_RATE', 0.4, 'nb').replace(/\s/g, ' ')).toBe('40 %');
    expect(formatMeasure('EMPLOYMENT_RATE', 0.4, 'en').replace(/\s/g, ' ')).toBe('40 %');
    expect(formatMeasure('JOB_STARTS_PER_SPECIALIST_PER_YEAR', 11.774, 'nb')).toBe('11,8');
    expect(formatMeasure('JOB_STARTS_PER_SPECIALIST_PER_YEAR', 11.774, 'en')).toBe('11,8');
    expect(formatMeasure('CASELOAD_PER_SPECIALIST', null, 'nb')).toBe('–');
  });
});
