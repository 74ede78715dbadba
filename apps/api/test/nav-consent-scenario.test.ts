/**
 * Issue 17, "Done when": consent is the only
 * door for NAV, walked end to end over real HTTP with the real outbox worker functions and NAV's
 * case system in memory. Consent to NAV for employment status only → grant → NAV reads the status,
 * not the plan → the consent widened to the plan and the dialogue (and the sharing with them) → NAV
 * reads the plan → a dialogue round trip (both told, NAV's 48-hour duty closed by its answer) → the
 * job seeker withdraws their consent to NAV (sharing, and the plan in NAV's case system) → NAV sees
 * nothing, the queued delivery is cancelled and the delivered one retracted.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverNavRetractions, deliverNavSupportPlans, InMemoryNavCaseSystem } from '../src/outbox.js';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let pool: pg.Pool;
let specialist: { email: string; userId: string; organizationId: string };
let counsellor: { email: string; office: string };
let jobSeekerId: string;
let planId: string;
const nav = new InMemoryNavCaseSystem();

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  pool = new pg.Pool({ connectionString: stack.db.appUrl, max: 2 });
  // A specialist with an own job seeker who has a job and an open support plan, and no consent to
  // NAV of either kind yet.
  const candidate = `EXISTS (SELECT 1 FROM support_plan p JOIN job_seeker j ON j.id = p."jobSeekerId"
       WHERE j."currentSpecialistId" = m."userId" AND j."organizationId" = m."organizationId" AND p.status <> 'CLOSED'
         AND EXISTS (SELECT 1 FROM employment e WHERE e."jobSeekerId" = j.id)
         AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id
                         AND c.scope IN ('NAV_SHARING', 'SUPPORT_PLAN_TO_NAV_SYSTEM')))`;
  specialist = await userWith(stack.admin, 'JOB_SPECIALIST', candidate);
  const { rows } = await stack.admin.query<{ jobSeekerId: string; planId: string }>(
    `SELECT j.id AS "jobSeekerId", p.id AS "planId" FROM support_plan p JOIN job_seeker j ON j.id = p."jobSeekerId"
     WHERE j."currentSpecialistId" = $1 AND j."organizationId" = $2 AND p.status <> 'CLOSED'
       AND EXISTS (SELECT 1 FROM employment e WHERE e."jobSeekerId" = j.id)
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope IN ('NAV_SHARING', 'SUPPORT_PLAN_TO_NAV_SYSTEM'))
     ORDER BY p.id LIMIT 1`,
    [specialist.userId, specialist.organizationId],
  );
  jobSeekerId = rows[0]?.jobSeekerId as string;
  planId = rows[0]?.planId as string;
  const c = await stack.admin.query<{ email: string; office: string }>(
    `SELECT u.email, m."organizationId" AS office FROM membership m JOIN app_user u ON u.id = m."userId"
     JOIN organization o ON o.id = m."organizationId"
     WHERE m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL AND o.kind = 'NAV_OFFICE' AND o.active AND u.active
     ORDER BY u.email LIMIT 1`,
  );
  counsellor = c.rows[0] as { email: string; office: string };
});
afterAll(async () => {
  await pool?.end();
  await stack?.close();
});

type Res = {
  __typename: string;
  data?: { id: string; version: number };
  issues?: { field: string; code: string }[];
};

const RECORD = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) {
  __typename ... on MutationRecordConsentSuccess { data { id version } } ... on ValidationError { issues { field code } } } }`;
const CHANGE = `mutation($input: ChangeConsentInput!) { changeConsent(input: $input) {
  __typename ... on MutationChangeConsentSuccess { data { id version } } } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { __typename } }`;
const GRANT = `mutation($input: GrantNavSharingInput!) { grantNavSharing(input: $input) {
  __typename ... on MutationGrantNavSharingSuccess { data { id version } } ... on ValidationError { issues { field code } } } }`;

const NAV_PAGE = `query NavJobSeeker($id: ID!) {
    jobSeeker(id: $id) {
      id
      givenName
      familyName
      phase
      specialistContact { givenName familyName workEmail workPhone }
      navSharingGrants { id active sharedParts sharedUntil navOffice { id name } }
      employments { id jobTitle startDate endDate hoursPerWeek employer { id name } }
      studies { id programme institution startDate endDate }
      careerProfile {
        id
        current { revision createdAt interests strengths preferences workExperience { title employer years } education { level subject completed } }
      }
      supportPlans {
        id
        kind
        status
        startsOn
        revisions {
          revision
          createdAt
          employerRoutines
          absenceArrangements
          specialArrangements
          taperingPlan
          agreements { supportPerson personName responsibility }
          plannedMeetings { plannedOn faceToFace topic }
        }
      }
    }
  }`;

const as = async <T>(email: string, query: string, variables: Record<string, unknown> = {}) => {
  const res = await stack.gql<T>(email, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data as T;
};

/** What the NAV counsellor reads of the job seeker now. */
async function navReads() {
  const data = await as<{
    jobSeeker: {
      givenName: string | null;
      employments: { id: string }[];
      supportPlans: { id: string; revisions: { agreements: { supportPerson: string }[] }[] }[];
    } | null;
  }>(
    counsellor.email,
    `{ jobSeeker(id: "${jobSeekerId}") { givenName employments { id } supportPlans { id revisions { agreements { supportPerson } } } } }`,
  );
  return data.jobSeeker;
}

async function share(): Promise<string> {
  const data = await as<{ shareSupportPlanWithNav: { __typename: string } }>(
    specialist.email,
    `mutation($id: ID!) { shareSupportPlanWithNav(supportPlanId: $id) { __typename } }`,
    { id: planId },
  );
  expect(data.shareSupportPlanWithNav.__typename).toBe('MutationShareSupportPlanWithNavSuccess');
  const { rows } = await stack.admin.query<{ id: string }>(
    `SELECT x.id FROM support_plan_export x JOIN support_plan_revision r ON r.id = x."revisionId"
     WHERE r."supportPlanId" = $1 ORDER BY x."createdAt" DESC, x.id DESC LIMIT 1`,
    [planId],
  );
  return rows[0]?.id as string;
}

const exportState = async (exportId: string) =>
  (
    await stack.admin.query<{ status: string; cancelled: boolean; retraction: boolean }>(
      `SELECT status::text, "cancelledAt" IS NOT NULL AS cancelled, "retractionOutboxMessageId" IS NOT NULL AS retraction
       FROM support_plan_export WHERE id = $1`,
      [exportId],
    )
  ).rows[0];

/** Steps 1–3: a consent to the employment status only; a grant beyond it is refused; NAV reads the status, not the plan. */
async function statusOnly(): Promise<{ id: string; version: number }> {
  // 1. The job seeker consents to NAV seeing their employment status only.
  const given = await as<{ recordConsent: Res }>(specialist.email, RECORD, {
    input: { jobSeekerId, scope: 'NAV_SHARING', navParts: ['EMPLOYMENT_STATUS'] },
  });
  expect(given.recordConsent.__typename).toBe('MutationRecordConsentSuccess');
  const navConsent = given.recordConsent.data as { id: string; version: number };
  expect(await navReads()).toBeNull();

  // 2. The specialist shares with the NAV office; the plan cannot be shared on this consent.
  const beyond = await as<{ grantNavSharing: Res }>(specialist.email, GRANT, {
    input: { jobSeekerId, navOfficeId: counsellor.office, scopes: ['EMPLOYMENT_STATUS', 'SUPPORT_PLAN'] },
  });
  expect(beyond.grantNavSharing.issues).toEqual([{ field: 'scopes', code: 'NOT_CONSENTED' }]);
  const granted = await as<{ grantNavSharing: Res }>(specialist.email, GRANT, {
    input: { jobSeekerId, navOfficeId: counsellor.office, scopes: ['EMPLOYMENT_STATUS'] },
  });
  expect(granted.grantNavSharing.__typename).toBe('MutationGrantNavSharingSuccess');

  // 3. NAV reads the status, not the plan.
  const statusOnly = await navReads();
  expect(statusOnly?.givenName).toBeTruthy();
  expect(statusOnly?.employments.length).toBeGreaterThan(0);
  expect(statusOnly?.supportPlans).toEqual([]);

  return navConsent;
}

/** Steps 4–5: the consent widened and a wider grant: NAV reads the plan, never the health team's lines. */
async function planShared(navConsent: { id: string; version: number }): Promise<void> {
  // 4. The job seeker widens the consent to the plan; the specialist shares it.
  const widened = await as<{ changeConsent: Res }>(specialist.email, CHANGE, {
    input: {
      id: navConsent.id,
      version: navConsent.version,
      navParts: ['EMPLOYMENT_STATUS', 'SUPPORT_PLAN', 'DIALOGUE'],
    },
  });
  expect(widened.changeConsent.__typename).toBe('MutationChangeConsentSuccess');
  // The consent alone opens nothing: the office reads what it was granted.
  expect((await navReads())?.supportPlans).toEqual([]);
  const widerGrant = await as<{ grantNavSharing: Res }>(specialist.email, GRANT, {
    input: {
      jobSeekerId,
      navOfficeId: counsellor.office,
      scopes: ['EMPLOYMENT_STATUS', 'SUPPORT_PLAN', 'DIALOGUE'],
    },
  });
  expect(widerGrant.grantNavSharing.__typename).toBe('MutationGrantNavSharingSuccess');

  // 5. NAV reads the plan — never its lines for the health team (treatment).
  const withPlan = await navReads();
  expect(withPlan?.supportPlans.map((p) => p.id)).toContain(planId);
  const people = withPlan?.supportPlans.flatMap((p) =>
    p.revisions.flatMap((r) => r.agreements.map((a) => a.supportPerson)),
  );
  expect(people).not.toContain('HEALTH_TEAM');

  // The NAV counsellor's page asks for all of this in one document (apps/mf-nav NavJobSeekerPage).
  const pageQuery = await stack.gql<{ jobSeeker: unknown }>(counsellor.email, NAV_PAGE, {
    id: jobSeekerId,
  });
  expect(pageQuery.errors).toBeUndefined();
  expect(JSON.stringify(pageQuery.data)).toContain('"workEmail"');
}

/** A dialogue round trip (docs/nav-dialogue.md): both told, NAV's 48-hour duty opened and closed by the answer. */
async function dialogueRoundTrip(): Promise<void> {
  // A dialogue round trip (docs/nav-dialogue.md): the specialist asks, NAV is told and owes an
  // answer in 48 hours; NAV answers, the duty is closed, the specialist is told.
  const started = await as<{ startNavDialogueThread: { __typename: string; data: { id: string } } }>(
    specialist.email,
    `mutation($input: StartNavDialogueThreadInput!) { startNavDialogueThread(input: $input) { __typename
      ... on MutationStartNavDialogueThreadSuccess { data { id } } } }`,
    { input: { jobSeekerId, subject: 'Inntekt og ytelser', body: 'Hva betyr lønnen for ytelsen?' } },
  );
  expect(started.startNavDialogueThread.__typename).toBe('MutationStartNavDialogueThreadSuccess');
  const threadId = started.startNavDialogueThread.data.id;
  const told = async (email: string) =>
    (
      await as<{ notifications: { kind: string; linkId: string }[] }>(
        email,
        '{ notifications { kind linkId } }',
      )
    ).notifications.filter((n) => n.kind === 'NAV_DIALOGUE' && n.linkId === jobSeekerId).length;
  const navDuty = async () =>
    (
      await as<{ navDialogueOverview: { jobSeekerId: string; answerDueOn: string | null }[] }>(
        counsellor.email,
        '{ navDialogueOverview { jobSeekerId answerDueOn } }',
      )
    ).navDialogueOverview.find((i) => i.jobSeekerId === jobSeekerId)?.answerDueOn ?? null;
  expect(await told(counsellor.email)).toBe(1);
  const due = await navDuty();
  const { rows: days } = await stack.admin.query<{ due: string }>(
    `SELECT to_char((now() AT TIME ZONE 'Europe/Oslo')::date + 2, 'YYYY-MM-DD') AS due`,
  );
  expect(due).toBe(days[0]?.due);
  const answered = await as<{ postNavDialogueMessage: { __typename: string } }>(
    counsellor.email,
    `mutation($input: PostNavDialogueMessageInput!) { postNavDialogueMessage(input: $input) { __typename } }`,
    { input: { threadId, body: 'Vi regner på det og svarer innen fredag.' } },
  );
  expect(answered.postNavDialogueMessage.__typename).toBe('MutationPostNavDialogueMessageSuccess');
  expect(await navDuty()).toBeNull();
  expect(await told(specialist.email)).toBe(1);
}

/** The plan to NAV's case system under its own consent: one delivered, one queued. */
async function planToNavSystem(): Promise<{
  systemConsent: { id: string; version: number };
  delivered: string;
  queued: string;
}> {
  // The plan also goes to NAV's case system under its own consent (seed 000 §6): one delivered,
  // one queued.
  const system = await as<{ recordConsent: Res }>(specialist.email, RECORD, {
    input: { jobSeekerId, scope: 'SUPPORT_PLAN_TO_NAV_SYSTEM' },
  });
  const systemConsent = system.recordConsent.data as { id: string; version: number };
  const delivered = await share();
  await deliverNavSupportPlans(pool, nav);
  expect(nav.held.has(delivered)).toBe(true);
  const queued = await share();
  expect((await exportState(queued))?.status).toBe('PENDING');

  return { systemConsent, delivered, queued };
}

/** After withdrawal NAV sees nothing, the dialogue is closed with its history kept, and the plan is cancelled or retracted. */
async function afterWithdrawal(delivered: string, queued: string): Promise<void> {
  // NAV sees nothing on the next request…
  expect(await navReads()).toBeNull();
  const list = await as<{ jobSeekers: { edges: { node: { id: string } }[] } }>(
    counsellor.email,
    `{ jobSeekers(first: 40) { edges { node { id } } } }`,
  );
  expect(JSON.stringify(list)).not.toContain(Buffer.from(`JobSeeker:${jobSeekerId}`).toString('base64'));
  // …the dialogue is closed (a typed refusal), and its history stays with the specialist…
  const closed = await as<{ navDialogue: { __typename: string } }>(
    counsellor.email,
    `query($id: ID!) { navDialogue(jobSeekerId: $id) { __typename } }`,
    { id: jobSeekerId },
  );
  expect(closed.navDialogue.__typename).toBe('ConsentRequiredError');
  const history = await as<{
    navDialogue: { data: { open: boolean; threads: { messages: unknown[] }[] } };
  }>(
    specialist.email,
    `query($id: ID!) { navDialogue(jobSeekerId: $id) { ... on QueryNavDialogueSuccess { data { open threads { messages { id } } } } } }`,
    { id: jobSeekerId },
  );
  expect(history.navDialogue.data.open).toBe(false);
  expect(history.navDialogue.data.threads[0]?.messages).toHaveLength(2);
  // …the queued delivery is cancelled and the delivered one retracted.
  expect(await exportState(queued)).toMatchObject({ status: 'CANCELLED', cancelled: true });
  expect(await exportState(delivered)).toMatchObject({ status: 'SENT', retraction: true });
  await deliverNavSupportPlans(pool, nav);
  expect(nav.held.has(queued)).toBe(false);
  await deliverNavRetractions(pool, nav);
  expect(nav.retracted).toContain(delivered);
  expect(nav.held.has(delivered)).toBe(false);
}

describe('consent is the only door for NAV (issue 17)', () => {
  it('status only → the plan too → withdrawn: NAV reads exactly what the consent covers at each step', async () => {
    const navConsent = await statusOnly();
    await planShared(navConsent);
    await dialogueRoundTrip();
    const { systemConsent, delivered, queued } = await planToNavSystem();

    // 6. The job seeker withdraws their consent to NAV.
    for (const consent of [
      { id: navConsent.id, version: navConsent.version + 1 },
      { id: systemConsent.id, version: systemConsent.version },
    ]) {
      const res = await as<{ withdrawConsent: { __typename: string } }>(specialist.email, WITHDRAW, {
        input: consent,
      });
      expect(res.withdrawConsent.__typename).toBe('MutationWithdrawConsentSuccess');
    }

    await afterWithdrawal(delivered, queued);
  });
});
