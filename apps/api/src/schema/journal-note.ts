/**
 * Journal-ready notes (journalnotat): written by the events that the patient record must hear
 * about, read by the job seeker's own specialist as text or as a PDF (pdfkit, standard fonts
 * embedded in the package: no outside request).
 */
import { accessibleWhere } from '@ips/authz';
import type { JournalNoteKind } from '@ips/db';
import { composeJournalNote, type JournalNoteInput, journalNoteToText } from '@ips/domain';
import PDFDocument from 'pdfkit';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { JobSeekerNode } from './job-seeker.js';

/** Writes the note for an event in the request's transaction. */
export async function writeJournalNote(
  ctx: Context,
  js: { id: string; organizationId: string },
  sourceId: string | null,
  input: JournalNoteInput,
): Promise<void> {
  await ctx.db.journalNote.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      kind: input.kind as JournalNoteKind,
      sourceId,
      text: journalNoteToText(composeJournalNote(input)),
      createdById: ctx.actor.userId,
    },
  });
}

/** A one-page PDF of a note: title, date, the lines. */
export function journalNotePdf(text: string, createdAt: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: 'Journalnotat', Creator: 'IPS-plattformen' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const [title, , ...lines] = text.split('\n');
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(title ?? 'Journalnotat');
    doc
      .moveDown(0.3)
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#555')
      .text(`Skrevet ${createdAt.toISOString().slice(0, 10)}`);
    doc.moveDown().fillColor('#000').fontSize(11);
    for (const line of lines) doc.text(line, { paragraphGap: 6 });
    doc.end();
  });
}

const JournalNoteType = builder.prismaObject('JournalNote', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    text: t.exposeString('text'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    recordedInJournalAt: t.expose('recordedInJournalAt', { type: 'DateTime', nullable: true }),
    pdfBase64: t.string({
      description: 'The note as a PDF (base64), ready to file in the patient record.',
      select: { text: true, createdAt: true },
      resolve: async (note) => (await journalNotePdf(note.text, note.createdAt)).toString('base64'),
    }),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'journalNotes', (t) =>
  t.relation('journalNotes', {
    type: JournalNoteType,
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'JournalNote'),
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  }),
);
