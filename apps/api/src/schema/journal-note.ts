/**
 * Journal-ready notes (journalnotat): written by the events that the patient record must hear
 * about, read by the job seeker's own specialist as text or as a PDF (pdfkit, standard fonts
 * embedded in the package: no outside request), and marked as entered in the patient record once
 * the specialist has filed it there (domain.md §6: the product is not the record; "journalføres").
 */
import { accessibleWhere, canOn } from '@ips/authz';
import type { JournalNoteKind } from '@ips/db';
import {
  composeJournalNote,
  type JournalNoteInput,
  journalNoteToText,
  norwegianDate,
  osloDay,
} from '@ips/domain';
import PDFDocument from 'pdfkit';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { AlreadyRecordedError, ForbiddenActionError, NotFoundError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { UserType } from './viewer.js';

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
      .text(`Skrevet ${norwegianDate(osloDay(createdAt))}`);
    doc.moveDown().fillColor('#000').fontSize(11);
    for (const line of lines) doc.text(line, { paragraphGap: 6 });
    doc.end();
  });
}

export const JournalNoteType = builder.prismaObject('JournalNote', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    text: t.exposeString('text'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    recordedInJournalAt: t.expose('recordedInJournalAt', { type: 'DateTime', nullable: true }),
    recordedInJournalBy: t.relation('recordedInJournalBy', {
      type: UserType,
      nullable: true,
      description:
        'Who entered the note in the patient record (null before, and for markings made before it was kept).',
    }),
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

const MarkEnteredInput = builder.inputType('MarkJournalNoteEnteredInput', {
  fields: (t) => ({
    id: t.id({ required: true, validate: z.uuid(), description: 'The journal note.' }),
  }),
});

builder.mutationField('markJournalNoteEntered', (t) =>
  t.field({
    type: JournalNoteType,
    description:
      'Marks a journal note as entered in the patient record, by the signed-in user, now. Once only: a second marking answers AlreadyRecordedError naming when and by whom.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, AlreadyRecordedError] },
    args: { input: t.arg({ type: MarkEnteredInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // Whoever may read the note may mark it (the job seeker's own specialist); anyone else is
      // answered "not found", so ids do not reveal that a note exists.
      const note = await ctx.db.journalNote.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'JournalNote'), { id: String(input.id) }] },
        include: { jobSeeker: true },
      });
      if (!note) throw new NotFoundError('JournalNote');
      if (!canOn(ctx.ability, 'read', 'JournalNote', note))
        throw new ForbiddenActionError('Not your job seeker’s journal note');
      const now = ctx.now;
      // The guard against two markings at once: only a note not yet entered is updated.
      const { count } = await ctx.db.journalNote.updateMany({
        where: { id: note.id, organizationId: note.organizationId, recordedInJournalAt: null },
        data: { recordedInJournalAt: now, recordedInJournalById: ctx.actor.userId },
      });
      if (count === 0) {
        const entered = await ctx.db.journalNote.findUniqueOrThrow({
          where: { id: note.id },
          select: {
            recordedInJournalAt: true,
            recordedInJournalBy: { select: { givenName: true, familyName: true } },
          },
        });
        const by = entered.recordedInJournalBy;
        throw new AlreadyRecordedError(
          'JournalNote',
          entered.recordedInJournalAt ?? now,
          by ? `${by.givenName} ${by.familyName}` : null,
        );
      }
      ctx.audit.record({
        organizationId: note.organizationId,
        jobSeekerId: note.jobSeekerId,
        action: 'UPDATE',
        area: 'JournalNote.enteredInRecord',
        entityType: 'JournalNote',
        entityId: note.id,
      });
      return ctx.db.journalNote.findUniqueOrThrow({ where: { id: note.id } });
    },
  }),
);
