/**
 * Journal notes (issue 15, item 8) over real HTTP: marking a note as entered in the patient record
 * is authorized like reading the note (the job seeker's own specialist only), recorded with who and
 * when, and refused the second time with a typed error naming both — also when two markings race.
 * And the access reason a screen sends (item 11) is stored cleaned, never raw.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';
import { addSecondTeam, findCell, type Relation, type Role } from './relations.js';

type Outcome = 'marked' | 'not found';

/** role × relation → what marking a note of that job seeker does. */
const MATRIX: [Role, Relation, Outcome][] = [
  ['JOB_SPECIALIST', 'own', 'marked'],
  ['JOB_SPECIALIST', 'same team, team consent', 'not found'],
  ['JOB_SPECIALIST', 'same team, no consent', 'not found'],
  ['JOB_SPECIALIST', 'other team', 'not found'],
  ['JOB_SPECIALIST', 'other tenant', 'not found'],
  ['METHOD_SUPERVISOR', 'own', 'marked'],
  ['METHOD_SUPERVISOR', 'same team, team consent', 'not found'],
  ['METHOD_SUPERVISOR', 'other tenant', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'same organisation', 'not found'],
  ['TENANT_ADMINISTRATOR', 'same organisation', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, active grant', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, no grant', 'not found'],
];

const MARK = `mutation($id: ID!) {
  markJournalNoteEntered(input: { id: $id }) {
    __typename
    ... on MutationMarkJournalNoteEnteredSuccess {
      data { id recordedInJournalAt recordedInJournalBy { givenName familyName } }
    }
    ... on AlreadyRecordedError { entity recordedAt recordedBy }
    ... on NotFoundError { entity }
  }
}`;

interface MarkResult {
  markJournalNoteEntered: {
    __typename: string;
    data?: {
      id: string;
      recordedInJournalAt: string | null;
      recordedInJournalBy: { givenName: string; familyName: string } | null;
    };
    entity?: string;
    recordedAt?: string;
    recordedBy?: string | null;
  };
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addSecondTeam(stack);
});
afterAll(async () => {
  await stack?.close();
});

/** A new note about the job seeker, not yet entered, written by its current specialist. */
async function freshNote(jobSeekerId: string): Promise<string> {
  const { rows } = await stack.admin.query<{ id: string }>(
    `INSERT INTO journal_note (id, "organizationId", "jobSeekerId", kind, text, "createdById")
     SELECT gen_random_uuid(), j."organizationId", j.id, 'OTHER', E'Journalnotat\\n\\nTest av føring i journal.',
            COALESCE(j."currentSpecialistId", (SELECT "userId" FROM membership m WHERE m."organizationId" = j."organizationId" LIMIT 1))
     FROM job_seeker j WHERE j.id = $1 RETURNING id`,
    [jobSeekerId],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('could not write a note');
  return id;
}

async function noteRow(id: string) {
  const { rows } = await stack.admin.query<{
    recordedInJournalAt: Date | null;
    recordedInJournalById: string | null;
  }>(`SELECT "recordedInJournalAt", "recordedInJournalById" FROM journal_note WHERE id = $1`, [id]);
  return rows[0];
}

async function userId(email: string): Promise<string> {
  const { rows } = await stack.admin.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [
    email,
  ]);
  return rows[0]?.id as string;
}

describe('marking a journal note as entered in the patient record: role × relation', () => {
  for (const [role, relation, expected] of MATRIX) {
    it(`${role} × ${relation} → ${expected}`, async () => {
      const { email, jobSeekerId } = await findCell(stack, role, relation);
      const note = await freshNote(jobSeekerId);
      const res = await stack.gql<MarkResult>(email, MARK, { id: note });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const row = await noteRow(note);
      if (expected === 'marked') {
        expect(res.data?.markJournalNoteEntered.__typename).toBe('MutationMarkJournalNoteEnteredSuccess');
        expect(row?.recordedInJournalAt).not.toBeNull();
        expect(row?.recordedInJournalById).toBe(await userId(email));
        expect(res.data?.markJournalNoteEntered.data?.recordedInJournalBy).not.toBeNull();
      } else {
        // "Not found", never "forbidden": the id does not reveal that a note exists. Nothing changed.
        expect(res.data?.markJournalNoteEntered).toEqual({
          __typename: 'NotFoundError',
          entity: 'JournalNote',
        });
        expect(row).toEqual({ recordedInJournalAt: null, recordedInJournalById: null });
      }
    });
  }
});

describe('a note is entered once', () => {
  it('a second marking is refused with who and when, and changes nothing', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const note = await freshNote(jobSeekerId);
    const first = await stack.gql<MarkResult>(email, MARK, { id: note });
    expect(first.data?.markJournalNoteEntered.__typename).toBe('MutationMarkJournalNoteEnteredSuccess');
    const before = await noteRow(note);
    const { rows } = await stack.admin.query<{ name: string }>(
      `SELECT "givenName" || ' ' || "familyName" AS name FROM app_user WHERE email = $1`,
      [email],
    );
    const second = await stack.gql<MarkResult>(email, MARK, { id: note });
    expect(second.data?.markJournalNoteEntered).toEqual({
      __typename: 'AlreadyRecordedError',
      entity: 'JournalNote',
      recordedAt: before?.recordedInJournalAt?.toISOString(),
      recordedBy: rows[0]?.name,
    });
    expect(await noteRow(note)).toEqual(before);
    // The refused marking is a typed error: it rolls back and logs nothing.
    const { rows: logged } = await stack.admin.query(
      `SELECT 1 FROM audit_log WHERE "entityId" = $1 AND area = 'JournalNote.enteredInRecord'`,
      [note],
    );
    expect(logged).toHaveLength(1);
  });

  it('two markings at once: exactly one succeeds, the other names it', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const note = await freshNote(jobSeekerId);
    const answers = await Promise.all([
      stack.gql<MarkResult>(email, MARK, { id: note }),
      stack.gql<MarkResult>(email, MARK, { id: note }),
    ]);
    const kinds = answers.map((a) => a.data?.markJournalNoteEntered.__typename).sort();
    expect(kinds).toEqual(['AlreadyRecordedError', 'MutationMarkJournalNoteEnteredSuccess']);
  });

  it('the database refuses to move or clear an entered note’s marking, even below the API', async () => {
    const { jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const note = await freshNote(jobSeekerId);
    await stack.admin.query(
      `UPDATE journal_note SET "recordedInJournalAt" = now(), "recordedInJournalById" = "createdById" WHERE id = $1`,
      [note],
    );
    await expect(
      stack.admin.query(`UPDATE journal_note SET "recordedInJournalAt" = NULL WHERE id = $1`, [note]),
    ).rejects.toThrow(/already entered/);
  });

  it('an unknown id and a malformed id are answered without a 5xx', async () => {
    const { email } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const unknown = await stack.gql<MarkResult>(email, MARK, { id: '01900000-0000-7000-8000-000000000000' });
    expect(unknown.data?.markJournalNoteEntered.__typename).toBe('NotFoundError');
    const bad = await stack.gql<MarkResult>(email, MARK, { id: 'not-a-uuid' });
    expect(bad.status).toBeLessThan(500);
  });

  it('the list shows who entered each note', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const note = await freshNote(jobSeekerId);
    await stack.gql<MarkResult>(email, MARK, { id: note });
    const res = await stack.gql<{
      jobSeeker: {
        journalNotes: {
          id: string;
          recordedInJournalAt: string | null;
          recordedInJournalBy: { familyName: string } | null;
        }[];
      };
    }>(
      email,
      `query($id: ID!) { jobSeeker(id: $id) { journalNotes { id recordedInJournalAt recordedInJournalBy { familyName } } } }`,
      { id: jobSeekerId },
    );
    const listed = res.data?.jobSeeker.journalNotes.find((n) => n.id === note);
    expect(listed?.recordedInJournalAt).not.toBeNull();
    expect(listed?.recordedInJournalBy?.familyName).toBeTruthy();
  });
});

describe('the access reason a screen sends', () => {
  const READ = `query($id: ID!) { jobSeeker(id: $id) { id } }`;
  async function reasonLogged(email: string, jobSeekerId: string, header: string): Promise<string | null> {
    const marker = new Date();
    const res = await stack.gql(email, READ, { id: jobSeekerId }, { 'x-access-reason': header });
    expect(res.status).toBe(200);
    const { rows } = await stack.admin.query<{ reason: string | null }>(
      `SELECT reason FROM audit_log WHERE "jobSeekerId" = $1 AND "occurredAt" >= $2 ORDER BY "occurredAt" DESC LIMIT 1`,
      [jobSeekerId, marker],
    );
    return rows[0]?.reason ?? null;
  }

  it('is stored as the screen says it (URI-encoded bokmål)', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const reason = 'Jobbsøkerens side: oppfølging av jobbsøkeren';
    expect(await reasonLogged(email, jobSeekerId, encodeURIComponent(reason))).toBe(reason);
  });

  it('a hostile value is cleaned and cut, never stored raw', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    // Control characters, a line break (log forging), bidi overrides and zero-width characters.
    const hostile = encodeURIComponent('Oppfølging\n\u0000FAKE ENTRY\u202Egnilaw\u200B  og\t mer');
    expect(await reasonLogged(email, jobSeekerId, hostile)).toBe('Oppfølging FAKE ENTRY gnilaw og mer');
    const long = await reasonLogged(email, jobSeekerId, 'x'.repeat(5000));
    expect(long?.length).toBe(200);
    // Only white space (or nothing left after cleaning) is no reason at all.
    expect(await reasonLogged(email, jobSeekerId, encodeURIComponent('\u200B \u0007'))).toBeNull();
  });
});
