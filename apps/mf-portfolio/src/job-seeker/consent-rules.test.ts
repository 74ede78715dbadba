/** The pure rules behind the consent panel, the NAV sharing form and the profile editor. */
import { describe, expect, it } from 'vitest';
import { parseYears } from './CareerProfileEditor.js';
import { type ConsentView, consentState, currentConsent, dayEnd, dayStart } from './ConsentPanel.js';
import { navScopesCovered } from './NavSharing.js';

const NOW = new Date('2026-12-06T12:00:00Z');
const consent = (scope: string, patch: Partial<ConsentView> = {}): ConsentView =>
  ({
    id: `${scope}-1`,
    scope,
    active: true,
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: null,
    withdrawnAt: null,
    recordedAt: '2026-01-01T00:00:00Z',
    version: 1,
    documentReference: null,
    navParts: scope === 'NAV_SHARING' ? ['BASIC_DETAILS', 'EMPLOYMENT_STATUS', 'CAREER_PROFILE'] : [],
    ...patch,
  }) as ConsentView;

describe('consent days', () => {
  it('a period runs from the start of its first Oslo day to the end of its last, in winter and summer', () => {
    expect(dayStart('2026-12-06')).toBe('2026-12-05T23:00:00.000Z');
    expect(dayEnd('2026-12-31')).toBe('2026-12-31T22:59:59.999Z');
    expect(dayEnd('2027-06-30')).toBe('2027-06-30T21:59:59.999Z');
    expect(dayEnd('2028-02-28')).toBe('2028-02-28T22:59:59.999Z');
  });

  it('tells a consent in force, starting later, expired and withdrawn apart', () => {
    expect(consentState(consent('NAV_SHARING'), NOW)).toBe('active');
    expect(
      consentState(consent('NAV_SHARING', { active: false, validFrom: '2027-01-01T00:00:00Z' }), NOW),
    ).toBe('pending');
    expect(
      consentState(consent('NAV_SHARING', { active: false, validUntil: '2026-06-01T00:00:00Z' }), NOW),
    ).toBe('expired');
    expect(
      consentState(consent('NAV_SHARING', { active: false, withdrawnAt: '2026-06-01T00:00:00Z' }), NOW),
    ).toBe('withdrawn');
  });

  it('the consent in force speaks for its scope before a withdrawn one', () => {
    const withdrawn = consent('NAV_SHARING', {
      id: 'old',
      active: false,
      withdrawnAt: '2026-03-01T00:00:00Z',
      validFrom: '2026-02-01T00:00:00Z',
    });
    const given = consent('NAV_SHARING', { id: 'new', validFrom: '2026-01-01T00:00:00Z' });
    expect(currentConsent([withdrawn, given], 'NAV_SHARING')?.id).toBe('new');
    expect(currentConsent([withdrawn], 'NAV_SHARING')?.id).toBe('old');
    expect(currentConsent([withdrawn], 'EMPLOYER_CONTACT')).toBeUndefined();
  });
});

describe('what NAV may be offered', () => {
  it('nothing without the NAV-sharing consent in force', () => {
    expect(navScopesCovered([], NOW)).toEqual([]);
    expect(navScopesCovered([consent('SUPPORT_PLAN_TO_NAV_SYSTEM')], NOW)).toEqual([]);
    expect(
      navScopesCovered([consent('NAV_SHARING', { active: false, withdrawnAt: '2026-06-01T00:00:00Z' })], NOW),
    ).toEqual([]);
  });

  it('exactly the parts the NAV-sharing consent covers (issue 17 item 1), whatever other consents say', () => {
    const nav = consent('NAV_SHARING', { navParts: ['BASIC_DETAILS', 'EMPLOYMENT_STATUS'] });
    expect(navScopesCovered([nav], NOW)).toEqual(['BASIC_DETAILS', 'EMPLOYMENT_STATUS']);
    expect(navScopesCovered([nav, consent('SUPPORT_PLAN_TO_NAV_SYSTEM')], NOW)).not.toContain('SUPPORT_PLAN');
    expect(
      navScopesCovered(
        [consent('NAV_SHARING', { navParts: ['BASIC_DETAILS', 'SUPPORT_PLAN', 'DIALOGUE'] })],
        NOW,
      ),
    ).toEqual(['BASIC_DETAILS', 'SUPPORT_PLAN', 'DIALOGUE']);
  });
});

describe('years of work experience', () => {
  it('takes a decimal comma or point, refuses what is not 0–60', () => {
    expect(parseYears('')).toBeNull();
    expect(parseYears('1,5')).toBe(1.5);
    expect(parseYears(' 2.25 ')).toBe(2.25);
    expect(parseYears('61')).toBeNaN();
    expect(parseYears('to år')).toBeNaN();
    expect(parseYears('-1')).toBeNaN();
  });
});
