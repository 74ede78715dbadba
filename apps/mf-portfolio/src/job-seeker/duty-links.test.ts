import { DEADLINE_RULES } from '@ips/domain';
import { describe, expect, it } from 'vitest';
import { DUTY_TARGETS, dutyLink } from './duty-links.js';

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
    expect(dutyLink('SOMETHING_NEW', 'js')).toBe('/portfolio/js');
  });
});
