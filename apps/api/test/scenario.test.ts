/**
 * The job seeker's whole path over HTTP, as the seeded specialist, with a controllable clock:
 * referral → intake → career profile → employer contact → job start with a support plan →
 * follow-up → the job ends → contact → a new job → tapering → discharge. Each deadline appears,
 * warns, turns overdue and closes at the right moment (Europe/Oslo calendar days).
 */
import { generateIdentityNumber } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let now = new Date('2026-11-02T08:00:00Z'); // 09:00 in Oslo
const at = (isoDay: string, hourUtc = 8) => {
  now = new Date(`${isoDay}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
};

let stack: Stack;
let email: string;
let organizationId: string;
let jobSeekerId = '';

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'), { clock: () => now });
  const s = await userWith(stack.admin, 'JOB_SPECIALIST');
  email = s.email;
  organizationId = s.organizationId;
});
afterAll(async () => {
  await stack?.close();
});

async function call<T = Record<string, { __typename: string; data?: Record<string, unknown> }>>(
  query: string,
  variables: Record<string, unknown> = {},
) {
  const res = await stack.gql<T>(email, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

async function mutate(field: string, inputType: string, input: Record<string, unknown>, select = 'id') {
  const data = await call<Record<string, { __typename: string; data?: Record<string, unknown> }>>(
    `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename ... on Error { message } ... on ${`Mutation${field[0]?.toUpperCase()}${field.slice(1)}Success`} { data { ${select} } } } }`,
    { input },
  );
  const result = data[field];
  expect(result?.__typename, JSON.stringify(result)).toBe(
    `Mutation${field[0]?.toUpperCase()}${field.slice(1)}Success`,
  );
  return result?.data ?? {};
}

/** Database id of a relay global id (job seekers) or of a plain id (other types). */
const dbId = (id: unknown) => {
  const text = String(id);
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(text)
    ? text
    : (Buffer.from(text, 'base64').toString().split(':')[1] as string);
};

async function status(): Promise<{ deadlineStatus: string; version: number; phase: string }> {
  const data = await call<{ jobSeeker: { deadlineStatus: string; version: number; phase: string } }>(
    `{ jobSeeker(id: "${jobSeekerId}") { deadlineStatus version phase } }`,
  );
  return data.jobSeeker;
}

async function openDuties(): Promise<string[]> {
  const data = await call<{
    myDeadlines: { rule: string; status: string; jobSeeker: { id: string } | null }[];
  }>('{ myDeadlines { rule status jobSeeker { id } } }');
  return data.myDeadlines
    .filter((t) => t.jobSeeker && dbId(t.jobSeeker.id) === jobSeekerId)
    .map((t) => `${t.rule}:${t.status}`)
    .sort();
}

/** The job start the walk records, for the employer `employerId`. */
function jobStart(employerId: string) {
  return {
    jobSeekerId,
    employerId,
    kind: 'ORDINARY_JOB',
    jobTitle: 'Kokk',
    jobType: '5120',
    startDate: '2026-12-10',
    hoursPerWeek: 30,
    hourlyWage: 230,
    openLabourMarket: true,
    atLeastMinimumWage: true,
    openToAnyone: true,
    employerMeetingWanted: true,
  };
}

/** A follow-up meeting held now, about the job `employmentId` (or none). */
function meeting(purpose: string, employmentId: string | null) {
  return {
    jobSeekerId,
    ...(employmentId ? { employmentId } : {}),
    purpose,
    heldAt: now.toISOString(),
    participants: purpose === 'EMPLOYER_MEETING_BEFORE_START' ? ['JOB_SEEKER', 'EMPLOYER'] : ['JOB_SEEKER'],
    faceToFace: true,
    location: 'COMMUNITY',
    durationMinutes: 45,
  };
}

/** Referral, intake and career profile; the first employer contact, first due, then overdue, then made. */
async function referralToFirstContact(): Promise<string> {
  // Referral (zero exclusion) and intake the next day: the first employer contact is due in a month.
  const referred = await mutate('referJobSeeker', 'ReferJobSeekerInput', {
    organizationId,
    identityNumber: generateIdentityNumber({ birthDate: '1994-05-12', synthetic: true, individual: 311 }),
    givenName: 'Maria',
    familyName: 'Lund',
    referralDate: '2026-11-02',
    outOfWorkAtReferral: true,
  });
  jobSeekerId = dbId(referred.id);
  at('2026-11-03');
  await mutate('recordIntake', 'RecordIntakeInput', {
    jobSeekerId,
    version: (await status()).version,
    intakeDate: '2026-11-03',
  });
  expect(await openDuties()).toEqual(['FIRST_EMPLOYER_CONTACT:UPCOMING']);

  // Career profile (two sessions would be normal; one revision here).
  await mutate('saveCareerProfile', 'SaveCareerProfileInput', {
    jobSeekerId,
    interests: 'Matlaging',
    preferences: 'Deltid',
    strengths: 'Punktlig',
    disclosurePreference: 'PARTIAL',
  });
  expect((await status()).phase).toBe('CAREER_PROFILING');

  // The contact deadline warns a week ahead, and turns overdue the day after it is due.
  at('2026-11-26');
  expect((await status()).deadlineStatus).toBe('DUE');
  at('2026-12-04');
  expect((await status()).deadlineStatus).toBe('OVERDUE');
  const employerId = dbId(
    (
      await mutate('registerEmployer', 'RegisterEmployerInput', {
        organizationId,
        name: 'Kafé Nordlys AS',
        industryCode: '56.1',
      })
    ).id,
  );
  // The job seeker agrees to the specialist contacting employers directly (seed 000 §3): without
  // it a contact naming them is refused (issue 17 item 2).
  await mutate('recordConsent', 'RecordConsentInput', { jobSeekerId, scope: 'EMPLOYER_CONTACT' });
  await mutate('recordEmployerContact', 'RecordEmployerContactInput', {
    employerId,
    jobSeekerId,
    contactedAt: now.toISOString(),
    faceToFace: true,
    purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
    outcome: 'JOB_OFFERED',
  });
  expect((await status()).deadlineStatus).toBe('NONE');

  return employerId;
}

/** The first job with an employer meeting before the start and a support plan; returns the plan. */
async function firstJobWithPlan(employerId: string): Promise<string> {
  // A job from 10 December, recorded on the 4th; the job seeker wants an employer meeting first.
  const firstJob = dbId((await mutate('recordJobStart', 'RecordJobStartInput', jobStart(employerId))).id);
  expect(await openDuties()).toEqual([
    'EMPLOYER_MEETING_BEFORE_START:DUE',
    'FIRST_FOLLOW_UP_AFTER_START:UPCOMING',
  ]);
  at('2026-12-08');
  await mutate(
    'recordFollowUpMeeting',
    'RecordFollowUpMeetingInput',
    meeting('EMPLOYER_MEETING_BEFORE_START', firstJob),
  );
  expect(await openDuties()).toEqual(['FIRST_FOLLOW_UP_AFTER_START:UPCOMING']);

  // The support plan: two face-to-face meetings, the first within three days of the start.
  const plan = dbId(
    (
      await mutate('createSupportPlan', 'CreateSupportPlanInput', {
        employmentId: firstJob,
        content: {
          employerMayCallSpecialist: false,
          agreedWithEmployer: false,
          agreements: [
            { supportPerson: 'JOB_SPECIALIST', responsibility: 'Ukentlige samtaler første måned.' },
          ],
          meetings: [
            { plannedOn: '2026-12-12', faceToFace: true },
            { plannedOn: '2026-12-22', faceToFace: true },
          ],
        },
      })
    ).id,
  );
  at('2026-12-12');
  expect(await openDuties()).toEqual(['FIRST_FOLLOW_UP_AFTER_START:DUE']);
  await mutate('recordFollowUpMeeting', 'RecordFollowUpMeetingInput', meeting('FOLLOW_ALONG', firstJob));
  expect(await openDuties()).toEqual([]);

  return plan;
}

/** The job ends; the specialist learns of it the next day and has three days to make contact. */
async function jobEnds(): Promise<void> {
  // The job ends; the specialist learns of it the next day and has three days to make contact.
  at('2027-01-21');
  const ended = await call<{ jobSeeker: { employments: { id: string; version: number }[] } }>(
    `{ jobSeeker(id: "${jobSeekerId}") { employments { id version } } }`,
  );
  await mutate('endEmployment', 'EndEmploymentInput', {
    employmentId: dbId(ended.jobSeeker.employments[0]?.id),
    version: ended.jobSeeker.employments[0]?.version,
    endDate: '2027-01-20',
    learnedOn: '2027-01-21',
    endedBy: 'JOB_SEEKER',
    reason: 'Trivdes ikke med skiftarbeid',
  });
  expect(await openDuties()).toEqual(['CONTACT_AFTER_JOB_END:DUE']);
  expect((await status()).phase).toBe('JOB_SEARCH');
  at('2027-01-25');
  expect(await openDuties()).toEqual(['CONTACT_AFTER_JOB_END:OVERDUE']);
  await mutate('recordFollowUpMeeting', 'RecordFollowUpMeetingInput', meeting('JOB_END_FOLLOW_UP', null));
  expect(await openDuties()).toEqual([]);
}

/** A new job, tapering after months of stable work, then discharge; the journal and the phases. */
async function secondJobAndDischarge(employerId: string, plan: string): Promise<void> {
  // A new job, then tapering after months of stable work, then discharge.
  at('2027-02-12');
  const secondJob = dbId(
    (
      await mutate('recordJobStart', 'RecordJobStartInput', {
        ...jobStart(employerId),
        startDate: '2027-02-15',
        employerMeetingWanted: false,
        jobTitle: 'Kjøkkenassistent',
        jobType: '9412',
      })
    ).id,
  );
  at('2027-02-16');
  await mutate('recordFollowUpMeeting', 'RecordFollowUpMeetingInput', meeting('FOLLOW_ALONG', secondJob));
  expect(await openDuties()).toEqual([]);
  const plans = await call<{ jobSeeker: { supportPlans: { id: string; version: number }[] } }>(
    `{ jobSeeker(id: "${jobSeekerId}") { supportPlans { id version } } }`,
  );
  expect(plans.jobSeeker.supportPlans.map((p) => dbId(p.id))).toContain(plan);
  at('2027-06-01');
  const planForFirstJob = plans.jobSeeker.supportPlans.find((p) => dbId(p.id) === plan);
  await mutate(
    'reviseSupportPlan',
    'ReviseSupportPlanInput',
    {
      supportPlanId: plan,
      version: planForFirstJob?.version,
      changeNote: 'Nedtrapping',
      content: {
        employerMayCallSpecialist: false,
        agreedWithEmployer: false,
        taperingPlan: 'Månedlige samtaler fram til sommeren.',
        agreements: [{ supportPerson: 'JOB_SPECIALIST', responsibility: 'Månedlige samtaler.' }],
        meetings: [
          { plannedOn: '2026-12-12', faceToFace: true },
          { plannedOn: '2027-06-15', faceToFace: true },
        ],
      },
    },
    'status',
  );
  at('2027-08-01');
  await mutate('dischargeJobSeeker', 'DischargeJobSeekerInput', {
    jobSeekerId,
    version: (await status()).version,
    dischargedOn: '2027-08-01',
    reason: 'STABLE_IN_WORK',
  });
  expect(await status()).toMatchObject({ phase: 'DISCHARGED', deadlineStatus: 'NONE' });
  expect(await openDuties()).toEqual([]);
  const notes = await call<{ jobSeeker: { journalNotes: { kind: string }[] } }>(
    `{ jobSeeker(id: "${jobSeekerId}") { journalNotes { kind } } }`,
  );
  expect(notes.jobSeeker.journalNotes.map((n) => n.kind).sort()).toEqual(
    ['DISCHARGE', 'JOB_END', 'JOB_START', 'JOB_START', 'SUPPORT_PLAN', 'SUPPORT_PLAN'].sort(),
  );
  const phases = await stack.admin.query<{ p: string }>(
    `SELECT string_agg("toPhase"::text, ',' ORDER BY "changedAt", id) AS p FROM job_seeker_phase_change WHERE "jobSeekerId" = $1`,
    [jobSeekerId],
  );
  expect(phases.rows[0]?.p).toBe('REFERRED,INTAKE,CAREER_PROFILING,EMPLOYED,JOB_SEARCH,EMPLOYED,DISCHARGED');
}

describe('the whole path, day by day', () => {
  it('walks from referral to discharge with every deadline on time', async () => {
    const employerId = await referralToFirstContact();
    const plan = await firstJobWithPlan(employerId);
    await jobEnds();
    await secondJobAndDischarge(employerId, plan);
  });
});
