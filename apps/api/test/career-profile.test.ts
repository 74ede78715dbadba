/** The career profile over HTTP: revisions with versions, the update flag after a job, who may read it. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
});
afterAll(async () => {
  await stack?.close();
});

const SAVE = `mutation($input: SaveCareerProfileInput!) {
  saveCareerProfile(input: $input) {
    __typename
    ... on MutationSaveCareerProfileSuccess { data { currentRevision needsUpdate version current { revision interests workExperience { title years } } } }
    ... on ConflictError { currentVersion }
    ... on ValidationError { issues { field code } }
  }
}`;
type Saved = {
  __typename: string;
  data?: {
    currentRevision: number;
    needsUpdate: boolean;
    version: number;
    current: { revision: number; interests: string }[];
  };
  currentVersion?: number;
  issues?: { field: string; code: string }[];
};
const profile = {
  interests: 'Matlaging, arbeid med mennesker',
  preferences: 'Deltid, dagtid',
  strengths: 'Punktlig, god service',
  workExperience: [{ title: 'Kjøkkenassistent', years: 2 }],
  education: [{ level: 'Videregående', subject: 'Restaurant- og matfag', completed: false }],
  disclosurePreference: 'PARTIAL',
};

describe('career profile', () => {
  it('saves a new revision, clears the update flag, and refuses a stale version', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const { rows } = await stack.admin.query<{ id: string; version: number; currentRevision: number }>(
      `SELECT j.id, p.version, p."currentRevision" FROM job_seeker j JOIN career_profile p ON p."jobSeekerId" = j.id
       WHERE j."currentSpecialistId" = $1 ORDER BY j.id LIMIT 1`,
      [s.userId],
    );
    const row = rows[0] as { id: string; version: number; currentRevision: number };
    await stack.admin.query(`UPDATE career_profile SET "needsUpdate" = true WHERE "jobSeekerId" = $1`, [
      row.id,
    ]);
    const stale = await stack.gql<{ saveCareerProfile: Saved }>(s.email, SAVE, {
      input: { ...profile, jobSeekerId: row.id, version: row.version + 3 },
    });
    expect(stale.data?.saveCareerProfile).toEqual({
      __typename: 'ConflictError',
      currentVersion: row.version,
    });
    const saved = await stack.gql<{ saveCareerProfile: Saved }>(s.email, SAVE, {
      input: { ...profile, jobSeekerId: row.id, version: row.version },
    });
    expect(saved.data?.saveCareerProfile.data).toMatchObject({
      currentRevision: row.currentRevision + 1,
      needsUpdate: false,
      version: row.version + 1,
      current: [
        {
          revision: row.currentRevision + 1,
          interests: profile.interests,
          workExperience: [{ title: 'Kjøkkenassistent', years: 2 }],
        },
      ],
    });
    const revisions = await stack.admin.query(
      'SELECT 1 FROM career_profile_revision r JOIN career_profile p ON p.id = r."careerProfileId" WHERE p."jobSeekerId" = $1',
      [row.id],
    );
    expect(revisions.rowCount).toBe(row.currentRevision + 1);
  });

  it('is visible to NAV only with the CAREER_PROFILE scope, and never to a colleague without team consent', async () => {
    const { rows } = await stack.admin.query<{ email: string; jobSeekerId: string }>(
      `SELECT u.email, g."jobSeekerId" FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
       JOIN membership m ON m."organizationId" = g."navOfficeId" AND m.role = 'NAV_COUNSELLOR' AND (g."counsellorId" IS NULL OR g."counsellorId" = m."userId")
       JOIN app_user u ON u.id = m."userId"
       WHERE g."revokedAt" IS NULL AND (g."validUntil" IS NULL OR g."validUntil" > now()) AND c."withdrawnAt" IS NULL
         AND (c."validUntil" IS NULL OR c."validUntil" > now()) AND 'CAREER_PROFILE' = ANY(g.scopes)
         AND EXISTS (SELECT 1 FROM career_profile p WHERE p."jobSeekerId" = g."jobSeekerId")
         AND NOT EXISTS (SELECT 1 FROM nav_sharing_grant g2 WHERE g2."jobSeekerId" = g."jobSeekerId" AND g2.id <> g.id)
       LIMIT 1`,
    );
    const nav = rows[0] as { email: string; jobSeekerId: string };
    const query = `{ jobSeeker(id: "${nav.jobSeekerId}") { givenName careerProfile { currentRevision } } }`;
    const seen = await stack.gql<{ jobSeeker: { careerProfile: unknown } }>(nav.email, query);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.jobSeeker.careerProfile).not.toBeNull();
    await stack.admin.query(
      `UPDATE nav_sharing_grant SET scopes = '{BASIC_DETAILS,EMPLOYMENT_STATUS}' WHERE "jobSeekerId" = $1`,
      [nav.jobSeekerId],
    );
    const hidden = await stack.gql<{ jobSeeker: { givenName: string; careerProfile: unknown } }>(
      nav.email,
      query,
    );
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data?.jobSeeker).toMatchObject({ careerProfile: null });
    expect(hidden.data?.jobSeeker.givenName).toBeTruthy();
  });

  it('lists every revision, newest first, to the own specialist', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const { rows } = await stack.admin.query<{ id: string; n: string }>(
      `SELECT j.id, (SELECT count(*) FROM career_profile_revision r WHERE r."careerProfileId" = p.id) AS n
       FROM job_seeker j JOIN career_profile p ON p."jobSeekerId" = j.id
       WHERE j."currentSpecialistId" = $1 ORDER BY j.id DESC LIMIT 1`,
      [s.userId],
    );
    const row = rows[0] as { id: string; n: string };
    const read = async () =>
      (
        await stack.gql<{ jobSeeker: { careerProfile: { revisions: { revision: number }[] } } }>(
          s.email,
          `{ jobSeeker(id: "${row.id}") { careerProfile { version revisions { revision interests } } } }`,
        )
      ).data?.jobSeeker.careerProfile;
    const before = await read();
    expect(before?.revisions).toHaveLength(Number(row.n));
    const version = (before as unknown as { version: number }).version;
    const saved = await stack.gql<{ saveCareerProfile: Saved }>(s.email, SAVE, {
      input: { ...profile, interests: 'Lager og logistikk', jobSeekerId: row.id, version },
    });
    expect(saved.data?.saveCareerProfile.__typename).toBe('MutationSaveCareerProfileSuccess');
    const after = await read();
    const numbers = after?.revisions.map((r) => r.revision) ?? [];
    expect(numbers).toHaveLength(Number(row.n) + 1);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(after?.revisions[0]).toMatchObject({ interests: 'Lager og logistikk' });
  });

  it('answers a typed ValidationError at each field (required parts, lengths, years) and writes nothing', async () => {
    const s = await userWith(stack.admin, 'JOB_SPECIALIST');
    const { rows } = await stack.admin.query<{ id: string; version: number; currentRevision: number }>(
      `SELECT j.id, p.version, p."currentRevision" FROM job_seeker j JOIN career_profile p ON p."jobSeekerId" = j.id
       WHERE j."currentSpecialistId" = $1 ORDER BY j.id LIMIT 1`,
      [s.userId],
    );
    const row = rows[0] as { id: string; version: number; currentRevision: number };
    const save = (input: Record<string, unknown>) =>
      stack.gql<{ saveCareerProfile: Saved }>(s.email, SAVE, {
        input: { ...profile, jobSeekerId: row.id, version: row.version, ...input },
      });
    const bad = await save({
      interests: '   ',
      strengths: 'x'.repeat(2001),
      workExperience: [{ title: 'Lager', years: 61 }],
      education: [{ level: ' ', subject: 'Matfag' }],
      benefitsSituation: 'y'.repeat(2001),
    });
    expect(bad.errors).toBeUndefined();
    expect(bad.data?.saveCareerProfile.__typename).toBe('ValidationError');
    expect(bad.data?.saveCareerProfile.issues).toEqual(
      expect.arrayContaining([
        { field: 'interests', code: 'REQUIRED' },
        { field: 'strengths', code: 'TOO_LONG' },
        { field: 'workExperience', code: 'OUT_OF_RANGE' },
        { field: 'education', code: 'REQUIRED' },
        { field: 'benefitsSituation', code: 'TOO_LONG' },
      ]),
    );
    expect(bad.data?.saveCareerProfile.issues).toHaveLength(5);
    const untitled = await save({ workExperience: [{ title: '', employer: 'Rema' }] });
    expect(untitled.data?.saveCareerProfile.issues).toEqual([{ field: 'workExperience', code: 'REQUIRED' }]);
    const tooMany = await save({ education: Array.from({ length: 51 }, () => ({ level: 'Kurs' })) });
    expect(tooMany.data?.saveCareerProfile.issues).toEqual([{ field: 'education', code: 'TOO_MANY' }]);
    const after = await stack.admin.query<{ version: number; currentRevision: number }>(
      'SELECT version, "currentRevision" FROM career_profile WHERE "jobSeekerId" = $1',
      [row.id],
    );
    expect(after.rows[0]).toEqual({ version: row.version, currentRevision: row.currentRevision });
    // Texts are kept trimmed.
    const ok = await save({ interests: '  Lager  ', workExperience: [{ title: ' Sjåfør ', years: 1.5 }] });
    expect(ok.data?.saveCareerProfile.data?.current[0]).toMatchObject({
      interests: 'Lager',
      workExperience: [{ title: 'Sjåfør', years: 1.5 }],
    });
  });
});
