import { describe, expect, it } from 'vitest';
import { noticeTarget } from './Inbox.js';

// Every member opens the team meeting (its minutes and their own action points, issue 16).
const SPECIALIST = ['portfolio', 'deadlines', 'employers', 'portfolio/:id', 'team-meeting'];
const SUPERVISOR = [...SPECIALIST, 'team', 'coverage', 'fidelity', 'team-members', 'supervision'];
const LEADER = ['team', 'staffing', 'absences', 'deleted-cases'];
const ID = '0192c7d6-dc00-7086-89d8-94208555c201';

describe('where a notice leads', () => {
  it('maps each kind of item to the screen that shows it', () => {
    expect(noticeTarget('JobSeeker', ID, SPECIALIST)).toEqual({
      kind: 'link',
      to: `/portfolio/${encodeURIComponent(btoa(`JobSeeker:${ID}`))}`,
    });
    expect(noticeTarget('Deadlines', null, SPECIALIST)).toEqual({ kind: 'link', to: '/deadlines' });
    expect(noticeTarget('TeamMeeting', ID, SUPERVISOR)).toEqual({
      kind: 'link',
      to: `/team-meeting?mote=${ID}`,
    });
    expect(noticeTarget('ActionPoint', ID, SUPERVISOR)).toEqual({ kind: 'link', to: '/team-meeting' });
    expect(noticeTarget('ActionPoint', ID, SPECIALIST)).toEqual({ kind: 'link', to: '/team-meeting' });
    expect(noticeTarget('TeamMeeting', ID, SPECIALIST)).toEqual({
      kind: 'link',
      to: `/team-meeting?mote=${ID}`,
    });
    expect(noticeTarget('ActionPoint', ID, ['deadlines'])).toEqual({ kind: 'link', to: '/deadlines' });
    expect(noticeTarget('Absence', ID, SUPERVISOR)).toEqual({ kind: 'link', to: `/coverage?fravaer=${ID}` });
    expect(noticeTarget('Absence', ID, LEADER)).toEqual({ kind: 'link', to: '/absences' });
    expect(noticeTarget('TeamConsentMissing', ID, SPECIALIST)).toEqual({
      kind: 'link',
      to: '/portfolio?vis=samtykke',
    });
    expect(noticeTarget('TeamConsentMissing', ID, LEADER)).toEqual({ kind: 'unavailable' });
  });

  it('says so when none of the user’s screens shows the item, and offers nothing for no item', () => {
    expect(noticeTarget('TeamMeeting', ID, LEADER)).toEqual({ kind: 'unavailable' });
    expect(noticeTarget('JobSeeker', ID, LEADER)).toEqual({ kind: 'unavailable' });
    expect(noticeTarget('JobSeeker', null, SPECIALIST)).toEqual({ kind: 'unavailable' });
    expect(noticeTarget('SomethingNew', ID, SUPERVISOR)).toEqual({ kind: 'unavailable' });
    expect(noticeTarget(null, null, SUPERVISOR)).toEqual({ kind: 'none' });
  });
});
