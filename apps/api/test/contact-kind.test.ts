/**
 * Issue 17 item 4 (seed 000 §8: "Jobbspesialisten kontakter jobbsøker senest tre dager etter at hen
 * får kjennskap til at et avtalt arbeidsforhold er sagt opp"): the contact after a job ends is closed
 * by any contact — phone, video or face to face — with its kind recorded; the follow-up meeting after
 * a job start stays face to face (§7: "Disse møtene skal være ansikt til ansikt").
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };
let jobSeekerId: string;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  specialist = await userWith(
    stack.admin,
    'JOB_SPECIALIST',
    `EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = m."userId" AND j.phase <> 'DISCHARGED'
       AND j."organizationId" = m."organizationId")`,
  );
  jobSeekerId = (
    await stack.admin.query<{ id: string }>(
      `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 AND phase <> 'DISCHARGED' AND "organizationId" = $2 ORDER BY id LIMIT 1`,
      [specialist.userId, specialist.organizationId],
    )
  ).rows[0]?.id as string;
});
afterAll(async () => {
  await stack?.close();
});

/** A fresh open duty of this rule (every older open one of the rule is closed first). */
async function openDuty(rule: 'CONTACT_AFTER_JOB_END' | 'FIRST_FOLLOW_UP_AFTER_START') {
  await stack.admin.query(
    `UPDATE task SET status = 'CANCELLED', "closedAt" = now(), "closedReason" = 'test' WHERE "jobSeekerId" = $1 AND rule = $2 AND status = 'OPEN'`,
    [jobSeekerId, rule],
  );
  await stack.admin.query(
    `INSERT INTO task (id, "organizationId", rule, "jobSeekerId", "assigneeId", title, "dueOn", "warnFrom", status, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'test', current_date + 3, current_date, 'OPEN', now())`,
    [specialist.organizationId, rule, jobSeekerId, specialist.userId],
  );
}
const isOpen = async (rule: string) =>
  Number(
    (
      await stack.admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND rule = $2 AND status = 'OPEN'`,
        [jobSeekerId, rule],
      )
    ).rows[0]?.n,
  ) > 0;

const RECORD = `mutation($input: RecordFollowUpMeetingInput!) {
  recordFollowUpMeeting(input: $input) {
    __typename
    ... on MutationRecordFollowUpMeetingSuccess { data { id faceToFace contactKind } }
    ... on ValidationError { issues { field code } }
  }
}`;
type Answer = {
  __typename: string;
  data?: { id: string; faceToFace: boolean; contactKind: string | null };
  issues?: { field: string; code: string }[];
};
async function contact(
  purpose: string,
  contactKind: 'FACE_TO_FACE' | 'PHONE' | 'VIDEO' | null,
  faceToFace = contactKind === 'FACE_TO_FACE',
) {
  const res = await stack.gql<{ recordFollowUpMeeting: Answer }>(specialist.email, RECORD, {
    input: {
      jobSeekerId,
      purpose,
      heldAt: new Date(Date.now() - 600_000).toISOString(),
      participants: ['JOB_SEEKER'],
      faceToFace,
      ...(contactKind ? { contactKind } : {}),
      location: faceToFace ? 'COMMUNITY' : 'REMOTE',
      durationMinutes: 15,
    },
  });
  return res.data?.recordFollowUpMeeting as Answer;
}

describe('the kind of a contact, and which duties it closes', () => {
  for (const kind of ['PHONE', 'VIDEO', 'FACE_TO_FACE'] as const) {
    it(`a ${kind} contact after a job ended closes the 3-day contact duty, with its kind recorded`, async () => {
      await openDuty('CONTACT_AFTER_JOB_END');
      const answer = await contact('JOB_END_FOLLOW_UP', kind);
      expect(answer.__typename).toBe('MutationRecordFollowUpMeetingSuccess');
      expect(answer.data?.contactKind).toBe(kind);
      expect(await isOpen('CONTACT_AFTER_JOB_END')).toBe(false);
      const stored = await stack.admin.query<{ contactKind: string }>(
        `SELECT "contactKind"::text AS "contactKind" FROM follow_up_meeting WHERE id = $1`,
        [answer.data?.id],
      );
      expect(stored.rows[0]?.contactKind).toBe(kind);
    });
  }

  it('a remote contact whose kind is not recorded does not close it', async () => {
    await openDuty('CONTACT_AFTER_JOB_END');
    const answer = await contact('JOB_END_FOLLOW_UP', null, false);
    expect(answer.data?.contactKind).toBeNull();
    expect(await isOpen('CONTACT_AFTER_JOB_END')).toBe(true);
  });

  it('the follow-up meeting after a job start is face to face: a phone or video call does not close it', async () => {
    await openDuty('FIRST_FOLLOW_UP_AFTER_START');
    expect((await contact('FOLLOW_ALONG', 'PHONE')).__typename).toBe('MutationRecordFollowUpMeetingSuccess');
    expect(await isOpen('FIRST_FOLLOW_UP_AFTER_START')).toBe(true);
    await contact('FOLLOW_ALONG', 'VIDEO');
    expect(await isOpen('FIRST_FOLLOW_UP_AFTER_START')).toBe(true);
    await contact('FOLLOW_ALONG', 'FACE_TO_FACE');
    expect(await isOpen('FIRST_FOLLOW_UP_AFTER_START')).toBe(false);
  });

  it('a kind that contradicts faceToFace is refused at the field, and nothing is written', async () => {
    const before = await stack.admin.query('SELECT id FROM follow_up_meeting WHERE "jobSeekerId" = $1', [
      jobSeekerId,
    ]);
    const answer = await contact('JOB_END_FOLLOW_UP', 'PHONE', true);
    expect(answer).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'contactKind', code: 'CONTRADICTION' }],
    });
    const after = await stack.admin.query('SELECT id FROM follow_up_meeting WHERE "jobSeekerId" = $1', [
      jobSeekerId,
    ]);
    expect(after.rowCount).toBe(before.rowCount);
  });
});
