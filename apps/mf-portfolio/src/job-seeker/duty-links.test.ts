import { DEADLINE_RULES } from '@ips/domain';
import { describe, expect, it } from 'vitest';
import { DUTY_TARGETS, DUTY_TITLES, dutyLink, dutyTitle } from './duty-links.js';

describe('duty links', () => {
  it('every deadline rule leads to a form', () => {
    for (const rule of Object.keys(DEADLINE_RULES)) expect(DUTY_TARGETS[rule], rule).toBeDefined();
  });

  it('opens the form that fulfils the duty, with the purpose and the job that close it', () => {
    expect(dutyLink('FIRST_FOLLOW_UP_AFTER_START', 'Sm9iU2Vla2VyOjE=', 'job-1')).toBe(
      '/portfolio/Sm9iU2Vla2VyOjE%3D?tab=contacts&form=meeting&purpose=FOLLOW_ALONG&job=job-1#meeting-form',
    );
    expect(dutyLink('FIRST_EMPLOYER_CONTACT', 'js')).toBe(
      '/portfolio/js?tab=contacts&form=employer-contact#employer-contact-form',
    );
    expect(dutyLink('MEET_AFTER_TRANSFER', 'js', 'transfer-1')).toBe(
      '/portfolio/js?tab=contacts&form=meeting&purpose=OTHER#meeting-form',
    );
    expect(dutyLink('CONSENT_EXPIRY', 'js', 'consent-1')).toBe('/portfolio/js#consent-panel');
    expect(dutyLink('NAV_DIALOGUE_ANSWER', 'js', 'thread-1')).toBe('/portfolio/js?tab=dialogue#dlg-heading');
    expect(dutyLink('SOMETHING_NEW', 'js')).toBe('/portfolio/js');
  });

  it('names every duty in bokmål (the domain’s own title) and in English', () => {
    for (const [rule, def] of Object.entries(DEADLINE_RULES)) {
      const texts = DUTY_TITLES[rule];
      expect(texts, rule).toBeDefined();
      expect(texts?.nb, rule).toBe(def.title);
      expect(texts?.en, rule).toMatch(/^[A-Z][a-z]/);
      expect(texts?.en, rule).not.toBe(texts?.nb);
      expect(dutyTitle(rule, 'en', def.title)).toBe(texts?.en);
      expect(dutyTitle(rule, 'en-GB', def.title)).toBe(texts?.en);
      expect(dutyTitle(rule, 'nb', def.title)).toBe(def.title);
    }
    expect(dutyTitle('CONTACT_AFTER_JOB_END', 'en', 'x')).toBe(
      'Contact the job seeker within three days of the job ending',
    );
    expect(dutyTitle('SOMETHING_NEW', 'en', 'Noe nytt')).toBe('Noe nytt');
  });
});
