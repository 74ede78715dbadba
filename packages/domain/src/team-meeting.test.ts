import { describe, expect, it } from 'vitest';
import { AGENDA, type AgendaInput, isStalled, prefillAgenda } from './team-meeting';

describe('stalled job seekers', () => {
  it('counts whole weeks without progress, never someone in work, study or discharged', () => {
    expect(isStalled({ phase: 'JOB_SEARCH', lastProgress: '2026-09-02' }, '2026-11-25', 12)).toBe(true); // 84 days
    expect(isStalled({ phase: 'JOB_SEARCH', lastProgress: '2026-09-03' }, '2026-11-25', 12)).toBe(false); // 83 days
    expect(isStalled({ phase: 'EMPLOYED', lastProgress: '2025-01-01' }, '2026-11-25')).toBe(false);
    expect(isStalled({ phase: 'DISCHARGED', lastProgress: '2025-01-01' }, '2026-11-25')).toBe(false);
    expect(isStalled({ phase: 'CAREER_PROFILING', lastProgress: '2026-10-28' }, '2026-11-25', 4)).toBe(true);
  });
});

describe('the pre-filled agenda', () => {
  const input: AgendaInput = {
    asOf: '2026-11-25',
    actionPoints: [
      { owner: 'Kari', description: 'Ring Rema 1000 om praksis', dueOn: '2026-11-27', fromLastMeeting: true },
      { owner: 'Ola', description: 'Feltveiledning med Per', dueOn: '2026-12-10', fromLastMeeting: false },
    ],
    newInWork: [
      { jobSeeker: 'Maria L.', specialist: 'Kari', jobTitle: 'Kokk', startDate: '2026-11-23' },
      { jobSeeker: 'Jonas B.', specialist: 'Ola', jobTitle: 'Lager', startDate: '2026-11-20' },
    ],
    portfolios: [
      {
        specialist: 'Kari',
        jobSeekers: [
          { id: 'a', name: 'Maria L.', phase: 'EMPLOYED', lastProgress: '2026-11-23' },
          { id: 'b', name: 'Siv T.', phase: 'JOB_SEARCH', lastProgress: '2026-07-01' },
          { id: 'c', name: 'Tor H.', phase: 'JOB_SEARCH', lastProgress: '2026-08-15' },
        ],
      },
      {
        specialist: 'Ola',
        jobSeekers: [{ id: 'd', name: 'Jonas B.', phase: 'EMPLOYED', lastProgress: '2026-11-20' }],
      },
    ],
    employerContacts: [
      { specialist: 'Kari', faceToFace: 7 },
      { specialist: 'Ola', faceToFace: 3 },
    ],
    contactTarget: 6,
    stalledAfterWeeks: 12,
  };
  const items = prefillAgenda(input);

  it('keeps the fixed order of seed 004, with the stalled cases under the status item', () => {
    expect(items.map((i) => i.kind)).toEqual([
      'FOLLOW_UP_FROM_LAST_SUPERVISION',
      'NEW_IN_WORK',
      'JOB_SEEKER_STATUS',
      'JOB_SEEKER_STATUS',
      'JOB_SEEKER_STATUS',
      'EMPLOYER_CONTACTS_LAST_WEEK',
      'CASES_AND_ACTION_POINTS',
      'OTHER',
    ]);
    expect(items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(items[0]?.title).toBe(AGENDA[0]?.title);
  });

  it('fills each item from the data', () => {
    expect(items[0]?.notes).toBe('• Kari: Ring Rema 1000 om praksis (frist 27.11.2026)');
    expect(items[1]?.notes).toBe(
      '• Jonas B. (Ola): Lager, start 20.11.2026\n• Maria L. (Kari): Kokk, start 23.11.2026',
    );
    expect(items[2]?.notes).toBe(
      'Kari: 3 jobbsøkere (1 i jobb, 2 jobbsøk); 2 har stått stille i 12 uker eller mer\nOla: 1 jobbsøkere (1 i jobb)',
    );
    // stalled: the longest without progress first, each as a case of its own
    expect(items.slice(3, 5).map((i) => i.jobSeekerId)).toEqual(['b', 'c']);
    expect(items[3]?.title).toBe('Har stått stille: Siv T. (Kari)');
    expect(items[5]?.notes).toBe('• Kari: 7 ansikt-til-ansikt\n• Ola: 3 ansikt-til-ansikt (mål 6)');
    expect(items[6]?.notes).toContain('Ola: Feltveiledning med Per (frist 10.12.2026)');
    expect(items[7]?.notes).toBeNull();
  });

  it('says so when there is nothing', () => {
    const empty = prefillAgenda({
      ...input,
      actionPoints: [],
      newInWork: [],
      portfolios: [],
      employerContacts: [],
    });
    expect(empty.map((i) => i.notes)).toEqual([
      'Ingen åpne aksjonspunkter fra forrige møte.',
      'Ingen nye i jobb siden forrige møte.',
      'Ingen jobbsøkere å drøfte.',
      'Ingen jobbspesialister i teamet.',
      'Ingen åpne aksjonspunkter.',
      null,
    ]);
  });
});
