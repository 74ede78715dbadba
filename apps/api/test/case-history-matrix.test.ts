/**
 * The job-seeker page's history (follow-up meetings with their case notes, employer contacts) as an
 * authorization matrix over real HTTP: role × relation. Before each cell, a meeting and a contact
 * about the job seeker are written by someone other than the caller, so "own" proves that the
 * current specialist sees the history whoever wrote it, and every other cell proves it stays hidden.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';
import { addSecondTeam, findCell, type Relation, type Role } from './relations.js';

/** all: every row the database has; none: the job seeker is readable but its history is empty. */
type Outcome = 'all' | 'none' | 'not found';

const MATRIX: [Role, Relation, Outcome][] = [
  ['JOB_SPECIALIST', 'own', 'all'],
  ['JOB_SPECIALIST', 'same team, team consent', 'none'],
  ['JOB_SPECIALIST', 'same team, no consent', 'not found'],
  ['JOB_SPECIALIST', 'other team', 'not found'],
  ['JOB_SPECIALIST', 'other tenant', 'not found'],
  ['METHOD_SUPERVISOR', 'own', 'all'],
  ['METHOD_SUPERVISOR', 'same team, team consent', 'none'],
  ['METHOD_SUPERVISOR', 'same team, no consent', 'not found'],
  ['METHOD_SUPERVISOR', 'other tenant', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'same organisation', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'other tenant', 'not found'],
  ['TENANT_ADMINISTRATOR', 'same organisation', 'not found'],
  ['TENANT_ADMINISTRATOR', 'other tenant', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, active grant', 'none'],
  ['NAV_COUNSELLOR', 'NAV, consent withdrawn', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, no grant', 'not found'],
];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addSecondTeam(stack);
});
afterAll(async () => {
  await stack?.close();
});

/** Writes a meeting and an employer contact about the job seeker by someone other than the caller. */
async function historyByAnother(jobSeekerId: string, callerEmail: string) {
  const { rows } = await stack.admin.query<{ meeting: string; contact: string; employer: string }>(
    `WITH js AS (SELECT id, "organizationId" FROM job_seeker WHERE id = $1),
     author AS (SELECT m."userId" FROM membership m, js
                WHERE m."organizationId" = js."organizationId" AND m."userId" <> (SELECT id FROM app_user WHERE email = $2)
                  AND m.role IN ('JOB_SPECIALIST', 'METHOD_SUPERVISOR') LIMIT 1),
     employer AS (INSERT INTO employer (id, "organizationId", name, "updatedAt")
                  SELECT gen_random_uuid(), js."organizationId", 'Matrise AS ' || gen_random_uuid(), now() FROM js RETURNING id, "organizationId"),
     meeting AS (INSERT INTO follow_up_meeting (id, "organizationId", "jobSeekerId", "specialistId", purpose, "scheduledAt",
                   participants, "faceToFace", location, "durationMinutes", summary)
                 SELECT gen_random_uuid(), js."organizationId", js.id, (SELECT "userId" FROM author), 'FOLLOW_ALONG', now() - interval '1 day',
                   ARRAY['JOB_SEEKER']::"MeetingParticipant"[], true, 'COMMUNITY', 45, 'Samtale om arbeidstid' FROM js RETURNING id),
     contact AS (INSERT INTO employer_contact (id, "organizationId", "employerId", "specialistId", "jobSeekerId", "contactedAt", "faceToFace", purpose)
                 SELECT gen_random_uuid(), employer."organizationId", employer.id, (SELECT "userId" FROM author), $1, now() - interval '1 day', true,
                   'JOB_DEVELOPMENT_FOR_JOB_SEEKER' FROM employer RETURNING id)
     SELECT (SELECT id FROM meeting) AS meeting, (SELECT id FROM contact) AS contact, (SELECT id FROM employer) AS employer`,
    [jobSeekerId, callerEmail],
  );
  const written = rows[0];
  if (!written?.meeting || !written.contact) throw new Error('could not write the history of the cell');
  return written;
}

describe('the job-seeker page history', () => {
  for (const [role, relation, expected] of MATRIX) {
    it(`${role} × ${relation}: meetings and employer contacts → ${expected}`, async () => {
      const { email, jobSeekerId } = await findCell(stack, role, relation);
      const written = await historyByAnother(jobSeekerId, email);
      const res = await stack.gql<{
        jobSeeker: {
          followUpMeetings: { id: string; summary: string | null }[];
          employerContacts: { id: string }[];
        } | null;
        employerContacts: { id: string }[];
      }>(
        email,
        `query($id: ID!, $employer: ID!) {
          jobSeeker(id: $id) { followUpMeetings { id summary } employerContacts { id } }
          employerContacts(employerId: $employer, first: 100) { id }
        }`,
        { id: jobSeekerId, employer: written.employer },
      );
      expect(res.errors).toBeUndefined();
      const js = res.data?.jobSeeker;
      // The contact list outside the page follows the same rule: only the current specialist sees it.
      const listed = (res.data?.employerContacts ?? []).map((c) => c.id);
      if (expected === 'not found') {
        expect(js).toBeNull();
        expect(listed).not.toContain(written.contact);
        return;
      }
      expect(js).not.toBeNull();
      const meetings = js?.followUpMeetings ?? [];
      const contacts = (js?.employerContacts ?? []).map((c) => c.id);
      if (expected === 'none') {
        expect(meetings).toEqual([]);
        // Not even contacts the caller wrote when they followed the job seeker before.
        expect(contacts).toEqual([]);
        expect(listed).not.toContain(written.contact);
        return;
      }
      const counts = await stack.admin.query<{ meetings: string; contacts: string }>(
        `SELECT (SELECT count(*) FROM follow_up_meeting WHERE "jobSeekerId" = $1) AS meetings,
                (SELECT count(*) FROM employer_contact WHERE "jobSeekerId" = $1) AS contacts`,
        [jobSeekerId],
      );
      expect(meetings.map((m) => m.id)).toContain(written.meeting);
      expect(meetings.find((m) => m.id === written.meeting)?.summary).toBe('Samtale om arbeidstid');
      expect(meetings).toHaveLength(Math.min(100, Number(counts.rows[0]?.meetings)));
      expect(contacts).toContain(written.contact);
      expect(contacts).toHaveLength(Math.min(100, Number(counts.rows[0]?.contacts)));
      expect(listed).toContain(written.contact);
    });
  }
});

describe('after a transfer', () => {
  it('the previous specialist no longer reads the contacts they wrote about the job seeker; the list logs what it shows', async () => {
    // A specialist's job seeker, a contact they wrote about it, then the job seeker moves to a colleague.
    const { rows } = await stack.admin.query<{
      email: string;
      userId: string;
      jobSeekerId: string;
      colleague: string;
    }>(
      `SELECT u.email, u.id AS "userId", j.id AS "jobSeekerId",
              (SELECT c."userId" FROM membership c WHERE c."organizationId" = j."organizationId" AND c.role = 'JOB_SPECIALIST'
                 AND c."userId" <> u.id AND c."endedAt" IS NULL ORDER BY c."userId" LIMIT 1) AS colleague
       FROM job_seeker j JOIN app_user u ON u.id = j."currentSpecialistId"
       WHERE j.phase <> 'DISCHARGED' AND EXISTS (SELECT 1 FROM membership c WHERE c."organizationId" = j."organizationId"
         AND c.role = 'JOB_SPECIALIST' AND c."userId" <> u.id AND c."endedAt" IS NULL)
       ORDER BY j.id LIMIT 1`,
    );
    const cell = rows[0] as { email: string; userId: string; jobSeekerId: string; colleague: string };
    const { rows: written } = await stack.admin.query<{ id: string }>(
      `INSERT INTO employer_contact (id, "organizationId", "employerId", "specialistId", "jobSeekerId", "contactedAt", "faceToFace", purpose)
       SELECT gen_random_uuid(), j."organizationId", (SELECT e.id FROM employer e WHERE e."organizationId" = j."organizationId" LIMIT 1),
              $2, j.id, now() - interval '2 hours', true, 'JOB_DEVELOPMENT_FOR_JOB_SEEKER'
       FROM job_seeker j WHERE j.id = $1 RETURNING id`,
      [cell.jobSeekerId, cell.userId],
    );
    const contactId = written[0]?.id as string;
    const LIST = '{ employerContacts(mine: true, first: 100) { id jobSeeker { id } } }';
    const before = await stack.gql<{ employerContacts: { id: string; jobSeeker: { id: string } | null }[] }>(
      cell.email,
      LIST,
    );
    expect(before.data?.employerContacts.map((c) => c.id)).toContain(contactId);
    // Each contact shown about a named job seeker is in that job seeker's access log: ours, and
    // whatever else the seed wrote about this job seeker that the page showed.
    const shown = before.data?.employerContacts.filter(
      (c) =>
        c.jobSeeker && Buffer.from(c.jobSeeker.id, 'base64').toString() === `JobSeeker:${cell.jobSeekerId}`,
    ).length;
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(
      Number(
        (
          await stack.admin.query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_log WHERE "jobSeekerId" = $1 AND action = 'READ' AND area = 'EmployerContact.list' AND "actorUserId" = $2`,
            [cell.jobSeekerId, cell.userId],
          )
        ).rows[0]?.n,
      ),
    ).toBe(shown);

    await stack.admin.query('UPDATE job_seeker SET "currentSpecialistId" = $2 WHERE id = $1', [
      cell.jobSeekerId,
      cell.colleague,
    ]);
    const after = await stack.gql<{ employerContacts: { id: string }[] }>(cell.email, LIST);
    expect(after.errors).toBeUndefined();
    expect(after.data?.employerContacts.map((c) => c.id)).not.toContain(contactId);
  });
});
