/**
 * The journal note's PDF writes its date as Norwegian records do, on the Oslo calendar day:
 * dd.mm.åååå, never an ISO or a UTC day (a note written at 00:30 Oslo time is that day's note).
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { journalNotePdf } from '../src/schema/journal-note.js';

/** The text a PDF shows: every content stream inflated, its hex and literal strings decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const s of body.matchAll(/<([0-9a-fA-F]+)>|\(((?:\\.|[^\\)])*)\)/g)) {
      out.push(s[1] ? Buffer.from(s[1], 'hex').toString('latin1') : (s[2] ?? ''));
    }
  }
  return out.join('');
}

describe('the journal note as PDF', () => {
  it('dates the note dd.mm.åååå on the Oslo day it was written', async () => {
    // 23:30 UTC on 5 December is 00:30 on 6 December in Oslo.
    const pdf = await journalNotePdf(
      'IPS: oppstart i arbeid\n\nJobbsøker startet.',
      new Date('2026-12-05T23:30:00Z'),
    );
    const text = pdfText(pdf);
    expect(text).toContain('IPS: oppstart i arbeid');
    expect(text).toContain('Skrevet 06.12.2026');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
