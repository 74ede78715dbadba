import { describe, expect, it } from 'vitest';
import {
  consentParts,
  consentPartsIssues,
  consentPeriodIssues,
  earlierEnd,
  isConsentActive,
  isGrantActive,
  sharedParts,
} from './consent';

const at = (iso: string) => new Date(iso);
const now = at('2027-03-01T12:00:00Z');
const consent = { withdrawnAt: null, validFrom: at('2027-01-01T00:00:00Z'), validUntil: null };

describe('consent in force', () => {
  it('is active from its start until its end, exclusive, and never once withdrawn', () => {
    expect(isConsentActive(consent, now)).toBe(true);
    expect(isConsentActive({ ...consent, validFrom: at('2027-03-02T00:00:00Z') }, now)).toBe(false);
    expect(isConsentActive({ ...consent, validUntil: now }, now)).toBe(false);
    expect(isConsentActive({ ...consent, validUntil: at('2027-03-01T12:00:01Z') }, now)).toBe(true);
    expect(isConsentActive({ ...consent, withdrawnAt: at('2027-02-01T00:00:00Z') }, now)).toBe(false);
  });

  it('a grant is active only within its period, unrevoked, and while its consent is', () => {
    const grant = { revokedAt: null, validFrom: consent.validFrom, validUntil: null, consent };
    expect(isGrantActive(grant, now)).toBe(true);
    expect(isGrantActive({ ...grant, revokedAt: now }, now)).toBe(false);
    expect(isGrantActive({ ...grant, validUntil: now }, now)).toBe(false);
    expect(isGrantActive({ ...grant, consent: { ...consent, withdrawnAt: now } }, now)).toBe(false);
  });
});

describe('the parts NAV reads', () => {
  it('are the grant’s parts within the consent’s, in screen order', () => {
    expect(sharedParts(['SUPPORT_PLAN', 'BASIC_DETAILS', 'DIALOGUE'], ['DIALOGUE', 'BASIC_DETAILS'])).toEqual(
      ['BASIC_DETAILS', 'DIALOGUE'],
    );
    expect(sharedParts(['SUPPORT_PLAN'], [])).toEqual([]);
  });

  it('a NAV-sharing consent always records basic details', () => {
    expect(consentParts(['SUPPORT_PLAN'])).toEqual(['BASIC_DETAILS', 'SUPPORT_PLAN']);
    expect(consentParts([])).toEqual(['BASIC_DETAILS']);
  });

  it('parts are required for NAV sharing and refused for any other scope', () => {
    expect(consentPartsIssues('NAV_SHARING', [])).toMatchObject([{ code: 'REQUIRED' }]);
    expect(consentPartsIssues('NAV_SHARING', null)).toMatchObject([{ code: 'REQUIRED' }]);
    expect(consentPartsIssues('NAV_SHARING', ['BASIC_DETAILS'])).toEqual([]);
    expect(consentPartsIssues('EMPLOYER_CONTACT', ['SUPPORT_PLAN'])).toMatchObject([
      { code: 'ONLY_NAV_SHARING' },
    ]);
    expect(consentPartsIssues('EMPLOYER_CONTACT', undefined)).toEqual([]);
  });
});

describe('periods', () => {
  it('an end must come after the start', () => {
    expect(consentPeriodIssues(now, now)).toMatchObject([{ code: 'BEFORE_START' }]);
    expect(consentPeriodIssues(now, at('2027-03-01T12:00:01Z'))).toEqual([]);
    expect(consentPeriodIssues(now, null)).toEqual([]);
  });

  it('the earlier end wins, and no end is later than any', () => {
    const a = at('2027-04-01T00:00:00Z');
    const b = at('2027-05-01T00:00:00Z');
    expect(earlierEnd(a, b)).toBe(a);
    expect(earlierEnd(b, a)).toBe(a);
    expect(earlierEnd(null, b)).toBe(b);
    expect(earlierEnd(null, null)).toBeNull();
  });
});
