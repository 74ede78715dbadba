import { describe, expect, it } from 'vitest';
import { composeJournalNote, journalNoteToText, norwegianDate } from './journal-note';

describe('journal-ready notes', () => {
  it('writes Norwegian dates', () => {
    expect(norwegianDate('2026-11-25')).toBe('25.11.2026');
  });

  it('says what the record needs about a job start, and whether it is ordinary work', () => {
    const text = journalNoteToText(
      composeJournalNote({
        kind: 'JOB_START',
        date: '2026-11-23',
        jobTitle: 'Kokk',
        employer: 'Kafé Nordlys AS',
        hoursPerWeek: 30,
        competitive: true,
      }),
    );
    expect(text).toContain('IPS: oppstart i arbeid');
    expect(text).toContain('startet 23.11.2026 som kokk hos Kafé Nordlys AS, 30 timer i uka');
    expect(text).toContain('Ordinært arbeid');
    const practice = journalNoteToText(
      composeJournalNote({
        kind: 'JOB_START',
        date: '2026-11-23',
        jobTitle: 'Lager',
        employer: null,
        hoursPerWeek: 10,
        competitive: false,
      }),
    );
    expect(practice).toContain('Ikke ordinært arbeid');
  });

  it('notes a job end with who ended it and the 3-day contact', () => {
    const text = journalNoteToText(
      composeJournalNote({
        kind: 'JOB_END',
        endDate: '2026-12-10',
        learnedOn: '2026-12-11',
        jobTitle: 'Kokk',
        endedBy: 'EMPLOYER',
        reason: 'Prøvetiden ble ikke forlenget',
      }),
    );
    expect(text).toContain('avsluttet 10.12.2026, avsluttet av arbeidsgiver');
    expect(text).toContain('innen tre dager');
  });

  it('lists the support plan’s agreements and meetings, and says whether the employer may call', () => {
    const note = composeJournalNote({
      kind: 'SUPPORT_PLAN',
      revision: 2,
      agreements: [{ supportPerson: 'HEALTH_TEAM', responsibility: 'Følger opp søvn.' }],
      meetings: ['2026-11-25', '2026-12-07'],
      employerMayCall: false,
      tapering: null,
    });
    expect(note.title).toBe('IPS: jobbstøtteplan, versjon 2');
    expect(note.lines).toContain('Helseteam/behandler: Følger opp søvn.');
    expect(note.lines).toContain('Oppfølgingsmøter: 25.11.2026, 07.12.2026.');
    expect(note.lines).toContain('Arbeidsgiver kontakter ikke jobbspesialisten direkte.');
  });

  it('notes a discharge with its reason', () => {
    expect(
      journalNoteToText(
        composeJournalNote({ kind: 'DISCHARGE', date: '2026-11-25', reason: 'STABLE_IN_WORK', note: null }),
      ),
    ).toContain('utskrevet 25.11.2026: stabil i arbeid over tid');
  });

  it('notes a transfer: from whom to whom, why, and whether another service takes over', () => {
    const base = {
      kind: 'TRANSFER' as const,
      date: '2026-11-25',
      reason: 'SPECIALIST_ABSENCE',
      fromSpecialist: 'Kari Nordmann',
      toSpecialist: 'Ola Hansen',
    };
    const plain = journalNoteToText(composeJournalNote({ ...base, temporary: false, crossService: false }));
    expect(plain).toContain('IPS: overføring til ny jobbspesialist');
    expect(plain).toContain(
      'er overført fra 25.11.2026: fra Kari Nordmann til Ola Hansen. Årsak: jobbspesialistens fravær.',
    );
    expect(plain).toContain('avtaler et snarlig møte');
    expect(plain).not.toContain('annen tjeneste');
    const cover = journalNoteToText(composeJournalNote({ ...base, temporary: true, crossService: true }));
    expect(cover).toContain('IPS: midlertidig oppfølging ved annen jobbspesialist');
    expect(cover).toContain('ivaretas midlertidig');
    expect(cover).toContain('ansatt i en annen tjeneste; jobbsøker har samtykket');
  });
});
