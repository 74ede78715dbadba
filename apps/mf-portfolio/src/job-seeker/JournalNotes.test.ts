import { describe, expect, it } from 'vitest';
import { orderNotes, pdfFileName } from './JournalNotes.js';

describe('journal notes', () => {
  it('lists the notes not yet entered first, the longest waiting at the top', () => {
    const n = (id: string, createdAt: string, recordedInJournalAt: string | null = null) => ({
      id,
      createdAt,
      recordedInJournalAt,
    });
    const { pending, entered } = orderNotes([
      n('a', '2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z'),
      n('b', '2026-03-05T10:00:00Z'),
      n('c', '2026-03-03T10:00:00Z'),
      n('d', '2026-03-04T10:00:00Z', '2026-03-05T10:00:00Z'),
    ]);
    expect(pending.map((x) => x.id)).toEqual(['c', 'b']);
    expect(entered.map((x) => x.id)).toEqual(['d', 'a']);
  });

  it('names the PDF by kind and the Oslo day it was written, nothing personal', () => {
    // 23:30 UTC on 31 December is New Year's Day in Oslo.
    expect(pdfFileName('jobbstart', '2026-12-31T23:30:00Z')).toBe('journalnotat-jobbstart-2027-01-01.pdf');
  });
});
