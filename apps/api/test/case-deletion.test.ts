/**
 * A deleted case over real HTTP on a real PostgreSQL (docs/adr/0012): invisible on every GraphQL
 * path to every role (the battery below must cover every root Query field of the schema, so a new
 * root field without coverage fails here), restorable as it was, deleted and restored only by the
 * organisation's tenant administrators and health-service leaders, not changeable while deleted,
 * and purged by the retention job after the tenant's period — audited, the audit chain intact.
 */
import { randomBytes } from 'node:crypto';
import { sealAuditLog } from '@ips/db';
import { osloDay } from '@ips/domain';
import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import { parse } from 'graphql';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jobTasks } from '../src/jobs.js';
import { type Stack, startStack } from './harness.js';
import { GRANT_ACTIVE, TEAM_CONSENT } from './relations.js';

let stack: Stack;
const q = (sql: string, params: unknown[] = []) => stack.admin.query(sql, params);
const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => {
  const { rows } = await q(sql, params);
  if (!rows[0]) throw new Error(`no row: ${sql}`);
  return rows[0] as T;
};

interface Case {
  id: string;
  org: string;
  teamId: string;
  teamOrg: string;
  specialistId: string;
  supervisorId: string;
  identityNumber: string;
  givenName: string;
  familyName: string;
}
let J: Case;
/** Sign-in subjects (e-mails) by role; `other*` act in another tenant. */
const as: Record<
  'specialist' | 'supervisor' | 'leader' | 'nav' | 'admin' | 'otherAdmin' | 'otherLeader' | 'otherSpecialist',
  string
> = {} as never;
let absenceId = '';
let employerId = '';
let planId = '';

const today = () => osloDay(new Date());

/** The case tables and the conditions the database itself uses for a job seeker's case. */
async function caseTables(): Promise<{ table_name: string; condition: string }[]> {
  return (await q('SELECT table_name, condition FROM app.case_tables() ORDER BY ord')).rows;
}

/** Every id of the job seeker's case, table by table (as the owner: below RLS). */
async function caseIds(js: { id: string; org: string }): Promise<Record<string, string[]>> {
  const plans = (await q('SELECT id FROM support_plan WHERE "jobSeekerId" = $1', [js.id])).rows.map(
    (r) => r.id,
  );
  const revisions = (
    await q('SELECT id FROM support_plan_revision WHERE "supportPlanId" = ANY ($1)', [plans])
  ).rows.map((r) => r.id);
  const profiles = (await q('SELECT id FROM career_profile WHERE "jobSeekerId" = $1', [js.id])).rows.map(
    (r) => r.id,
  );
  const out: Record<string, string[]> = {};
  for (const t of await caseTables()) {
    const { rows } = await q(
      `SELECT id FROM ${t.table_name} WHERE $1::timestamptz IS NULL AND $2::timestamptz IS NULL AND $3::uuid IS NOT NULL AND $4::uuid IS NOT NULL
       AND cardinality($5::uuid[] || $6::uuid[] || $7::uuid[]) >= 0 AND ${t.condition} ORDER BY id`,
      [null, null, js.org, js.id, plans, revisions, profiles],
    );
    out[t.table_name] = rows.map((r) => r.id);
  }
  out.job_seeker = (await q('SELECT id FROM job_seeker WHERE id = $1', [js.id])).rows.map((r) => r.id);
  return out;
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** Picks the case and the users of every relation to it; renames the job seeker uniquely. */
async function pickCase(): Promise<void> {
  // A job seeker with a current specialist in a team led by someone else, team-discussion consent
  // (the supervisor sees it) and an active NAV grant (a counsellor sees it).
  const js = await one<{
    id: string;
    org: string;
    teamId: string;
    specialistId: string;
    identityNumber: string;
  }>(`
    SELECT j.id, j."organizationId" AS org, j."teamId", j."currentSpecialistId" AS "specialistId", j."identityNumber"
    FROM job_seeker j JOIN specialist_team t ON t.id = j."teamId"
    WHERE j."currentSpecialistId" IS NOT NULL AND j.phase <> 'DISCHARGED' AND t."methodSupervisorId" <> j."currentSpecialistId"
      AND ${TEAM_CONSENT}
      AND EXISTS (SELECT 1 FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
                  WHERE g."jobSeekerId" = j.id AND 'EMPLOYMENT_STATUS' = ANY (g.scopes) AND 'SUPPORT_PLAN' = ANY (g.scopes) AND ${GRANT_ACTIVE})
    ORDER BY (SELECT count(*) FROM support_plan p WHERE p."jobSeekerId" = j.id) DESC, j.id LIMIT 1`);
  const team = await one<{ org: string; supervisorId: string }>(
    `SELECT "organizationId" AS org, "methodSupervisorId" AS "supervisorId" FROM specialist_team WHERE id = $1`,
    [js.teamId],
  );
  const tag = randomBytes(4)
    .toString('hex')
    .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)] as string);
  J = {
    ...js,
    teamOrg: team.org,
    supervisorId: team.supervisorId,
    givenName: `Slettet${tag}`,
    familyName: `Usynlig${tag}`,
  };
  // Names nobody else has, so a response that contains them can only be leaking this case.
  await q(`UPDATE job_seeker SET "givenName" = $2, "familyName" = $3 WHERE id = $1`, [
    J.id,
    J.givenName,
    J.familyName,
  ]);
  const email = async (sql: string, params: unknown[]) => (await one<{ email: string }>(sql, params)).email;
  as.specialist = await email('SELECT email FROM app_user WHERE id = $1', [J.specialistId]);
  as.supervisor = await email('SELECT email FROM app_user WHERE id = $1', [J.supervisorId]);
  const byRole = (role: string, sameOrg: boolean) =>
    email(
      `SELECT u.email FROM membership m JOIN app_user u ON u.id = m."userId" JOIN organization o ON o.id = m."organizationId"
       WHERE m.role = $1 AND m."endedAt" IS NULL AND ${
         sameOrg
           ? 'm."organizationId" = $2'
           : `m."organizationId" <> $2 AND o.kind <> 'NAV_OFFICE'
              AND NOT EXISTS (SELECT 1 FROM membership x WHERE x."userId" = m."userId" AND x."organizationId" = $2)`
       }
       ORDER BY u.email LIMIT 1`,
      [role, J.org],
    );
  as.leader = await byRole('HEALTH_SERVICE_LEADER', true);
  as.admin = await byRole('TENANT_ADMINISTRATOR', true);
  as.otherAdmin = await byRole('TENANT_ADMINISTRATOR', false);
  as.otherLeader = await byRole('HEALTH_SERVICE_LEADER', false);
  as.otherSpecialist = await byRole('JOB_SPECIALIST', false);
  as.nav = await email(
    `SELECT u.email FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
     JOIN membership m ON m."organizationId" = g."navOfficeId" AND m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL
       AND (g."counsellorId" IS NULL OR g."counsellorId" = m."userId")
     JOIN app_user u ON u.id = m."userId"
     WHERE g."jobSeekerId" = $1 AND ${GRANT_ACTIVE} ORDER BY u.email LIMIT 1`,
    [J.id],
  );
}

/** A job with two revisions of its support plan, the second exported to NAV under the consent. */
async function addSupportPlans(navConsent: string): Promise<void> {
  const employmentId = (
    await one<{ id: string }>(
      `INSERT INTO employment (id, "organizationId", "jobSeekerId", "employerId", kind, "jobTitle", "jobType", "startDate", "hoursPerWeek",
         "openLabourMarket", "atLeastMinimumWage", "openToAnyone", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'ORDINARY_JOB', 'Lagermedarbeider', '9333', current_date - 20, 20, true, true, true, now()) RETURNING id`,
      [J.org, J.id, employerId],
    )
  ).id;
  planId = (
    await one<{ id: string }>(
      `INSERT INTO support_plan (id, "organizationId", "jobSeekerId", kind, "employmentId", "currentRevision", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'JOB', $3, 2, now()) RETURNING id`,
      [J.org, J.id, employmentId],
    )
  ).id;
  for (const revision of [1, 2]) {
    const rev = (
      await one<{ id: string }>(
        `INSERT INTO support_plan_revision (id, "organizationId", "supportPlanId", revision, "absenceArrangements", "createdById")
         VALUES (gen_random_uuid(), $1, $2, $3, 'Ringer før kl. 9', $4) RETURNING id`,
        [J.org, planId, revision, J.specialistId],
      )
    ).id;
    await q(
      `INSERT INTO support_plan_agreement (id, "organizationId", "revisionId", "supportPerson", responsibility)
       VALUES (gen_random_uuid(), $1, $2, 'JOB_SPECIALIST', 'Oppfølging på arbeidsplassen')`,
      [J.org, rev],
    );
    await q(
      `INSERT INTO support_plan_meeting (id, "organizationId", "revisionId", "plannedOn") VALUES (gen_random_uuid(), $1, $2, $3::date)`,
      [J.org, rev, today()],
    );
    if (revision === 2) {
      const outbox = (
        await one<{ id: string }>(
          `INSERT INTO outbox_message (id, "organizationId", topic, payload) VALUES (gen_random_uuid(), $1, 'nav.support-plan', $2) RETURNING id`,
          [J.org, JSON.stringify({ identityNumber: J.identityNumber })],
        )
      ).id;
      await q(
        `INSERT INTO support_plan_export (id, "organizationId", "revisionId", "consentId", "requestedById", "outboxMessageId")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
        [J.org, rev, navConsent, J.specialistId, outbox],
      );
    }
  }
}

/** One more of each of the case's own records: contacts, meetings, duties, notes, work, consent, transfer. */
async function addCaseRecords(navConsent: string): Promise<void> {
  await q(
    `INSERT INTO employer_contact (id, "organizationId", "employerId", "specialistId", "jobSeekerId", "contactedAt", "faceToFace", purpose)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, now() - interval '1 day', true, 'JOB_DEVELOPMENT_FOR_JOB_SEEKER')`,
    [J.org, employerId, J.specialistId, J.id],
  );
  await q(
    `INSERT INTO follow_up_meeting (id, "organizationId", "jobSeekerId", "specialistId", purpose, status, "scheduledAt", participants,
       "faceToFace", location, "durationMinutes")
     VALUES (gen_random_uuid(), $1, $2, $3, 'FOLLOW_ALONG', 'PLANNED', now(), '{JOB_SEEKER}', true, 'COMMUNITY', 45),
            (gen_random_uuid(), $1, $2, $3, 'JOB_SEARCH', 'HELD', now() - interval '2 days', '{JOB_SEEKER}', true, 'COMMUNITY', 60)`,
    [J.org, J.id, J.specialistId],
  );
  await q(
    `INSERT INTO task (id, "organizationId", rule, "jobSeekerId", "assigneeId", title, "dueOn", "warnFrom", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'MANUAL', $2, $3, 'Ring arbeidsgiveren', current_date - 3, current_date - 6, now())`,
    [J.org, J.id, J.specialistId],
  );
  await q(
    `INSERT INTO journal_note (id, "organizationId", "jobSeekerId", kind, text, "createdById")
     VALUES (gen_random_uuid(), $1, $2, 'OTHER', 'Journalnotat om oppstart', $3)`,
    [J.org, J.id, J.specialistId],
  );
  await q(
    `INSERT INTO job_application (id, "organizationId", "jobSeekerId", "employerId", position, source, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'Butikkmedarbeider', 'ADVERTISED', now())`,
    [J.org, J.id, employerId],
  );
  await q(
    `INSERT INTO study (id, "organizationId", "jobSeekerId", institution, programme, "startDate", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'Fagskolen', 'Logistikk', current_date - 100, now())`,
    [J.org, J.id],
  );
  const profile = await q(
    `INSERT INTO career_profile (id, "organizationId", "jobSeekerId", "currentRevision", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 1, now()) ON CONFLICT DO NOTHING RETURNING id`,
    [J.org, J.id],
  );
  if (profile.rows[0])
    await q(
      `INSERT INTO career_profile_revision (id, "organizationId", "careerProfileId", revision, interests, preferences, strengths, "createdById")
       VALUES (gen_random_uuid(), $1, $2, 1, 'Lager', 'Dagtid', 'Punktlig', $3)`,
      [J.org, profile.rows[0].id, J.specialistId],
    );
  await q(
    `INSERT INTO consent_event (id, "organizationId", "consentId", "jobSeekerId", kind, snapshot, "actorId")
     VALUES (gen_random_uuid(), $1, $2, $3, 'CHANGED', '{}', $4)`,
    [J.org, navConsent, J.id, J.specialistId],
  );
  const transfer = (
    await one<{ id: string }>(
      `INSERT INTO transfer (id, "organizationId", "jobSeekerId", "fromSpecialistId", "toSpecialistId", reason, "decidedById", "effectiveAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'JOB_SEEKER_WISH', $3, now() - interval '40 days') RETURNING id`,
      [J.org, J.id, J.supervisorId, J.specialistId],
    )
  ).id;
  await q(
    `INSERT INTO assignment (id, "organizationId", "jobSeekerId", "specialistId", reason, "startedAt", "endedAt", "transferId")
     VALUES (gen_random_uuid(), $1, $2, $3, 'TEMPORARY_COVER', now() - interval '60 days', now() - interval '40 days', $4)`,
    [J.org, J.id, J.supervisorId, transfer],
  );
  await q(
    `INSERT INTO job_seeker_phase_change (id, "organizationId", "jobSeekerId", "fromPhase", "toPhase", "changedById")
     SELECT gen_random_uuid(), $1, $2, phase, phase, $3 FROM job_seeker WHERE id = $2`,
    [J.org, J.id, J.specialistId],
  );
}

/** The case as the team and NAV see it: team meeting, portfolio review, notification, reminder, dialogue, benefits. */
async function addTeamAndNavRecords(): Promise<void> {
  const meeting = (
    await one<{ id: string }>(
      `INSERT INTO team_meeting (id, "organizationId", "teamId", "scheduledAt", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day', now()) RETURNING id`,
      [J.teamOrg, J.teamId],
    )
  ).id;
  await q(
    `INSERT INTO team_meeting_agenda_item (id, "organizationId", "meetingId", kind, position, title, "jobSeekerId")
     VALUES (gen_random_uuid(), $1, $2, 'CASES_AND_ACTION_POINTS', 1, 'Sak til drøfting', $3)`,
    [J.teamOrg, meeting, J.id],
  );
  const review = (
    await one<{ id: string }>(
      `INSERT INTO portfolio_review (id, "organizationId", "teamId", "specialistId", "reviewedOn") VALUES (gen_random_uuid(), $1, $2, $3, current_date) RETURNING id`,
      [J.teamOrg, J.teamId, J.specialistId],
    )
  ).id;
  await q(
    `INSERT INTO portfolio_review_item (id, "organizationId", "reviewId", "jobSeekerId", stalled) VALUES (gen_random_uuid(), $1, $2, $3, true)`,
    [J.teamOrg, review, J.id],
  );
  await q(
    `INSERT INTO notification (id, "organizationId", "recipientId", kind, title, body, "linkType", "linkId")
     VALUES (gen_random_uuid(), $1, $2, 'TRANSFER', 'Du har fått en ny jobbsøker', 'Se saken', 'JobSeeker', $3)`,
    [J.org, J.specialistId, J.id],
  );
  // A personal reminder of the specialist about the job seeker (its author alone reads it).
  await q(
    `INSERT INTO reminder (id, "organizationId", "jobSeekerId", "authorId", "dueOn", text)
     VALUES (gen_random_uuid(), $1, $2, $3, current_date + 1, 'Ring om jobbintervjuet')`,
    [J.org, J.id, J.specialistId],
  );
  // A NAV dialogue thread with a message (issue 17), to the office of the job seeker's grant.
  await q(
    `WITH t AS (
       INSERT INTO nav_dialogue_thread (id, "organizationId", "jobSeekerId", "navOfficeId", subject, "startedById",
         "startedBySide", "lastMessageAt", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, g."navOfficeId", 'Ytelser', $3, 'SPECIALIST', now(), now()
       FROM nav_sharing_grant g WHERE g."jobSeekerId" = $2 ORDER BY g.id LIMIT 1 RETURNING id)
     INSERT INTO nav_dialogue_message (id, "organizationId", "threadId", "jobSeekerId", side, "authorId", body)
     SELECT gen_random_uuid(), $1, t.id, $2, 'SPECIALIST', $3, 'Kan vi snakke om arbeidsavklaringspengene?' FROM t`,
    [J.org, J.id, J.specialistId],
  );
  // Benefits counselling given to the job seeker (issue 17), with a follow-up duty.
  await q(
    `INSERT INTO benefits_counselling (id, "organizationId", "jobSeekerId", "counselledOn", benefits, "referredToNav", "referralNote", "givenById", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, current_date - 1, '[{"benefit":"WORK_ASSESSMENT_ALLOWANCE","incomeChange":"Avkortes"}]', true, 'Beregning ved deltid', $3, now())`,
    [J.org, J.id, J.specialistId],
  );
}

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await pickCase();
  const leaderId = (await one<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [as.leader])).id;

  // ─── a full case: whatever the demo gave it, one more of everything ───
  employerId = (
    await one<{ id: string }>(`SELECT id FROM employer WHERE "organizationId" = $1 ORDER BY id LIMIT 1`, [
      J.org,
    ])
  ).id;
  const navConsent = (
    await one<{ id: string }>(
      `SELECT "consentId" AS id FROM nav_sharing_grant WHERE "jobSeekerId" = $1 ORDER BY id LIMIT 1`,
      [J.id],
    )
  ).id;
  await addSupportPlans(navConsent);
  await addCaseRecords(navConsent);
  await addTeamAndNavRecords();
  absenceId = (
    await one<{ id: string }>(
      `INSERT INTO absence (id, "organizationId", "specialistId", type, planned, "startDate", "registeredById", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'SICK_LEAVE', false, current_date - 1, $3, now()) RETURNING id`,
      [J.org, J.specialistId, leaderId],
    )
  ).id;
});

afterAll(async () => {
  await stack?.close();
});

// ─── the battery: documents that together read every root Query field ───

const JS_FIELDS = `id givenName familyName identityNumber phase version
  consents { id scope } navSharingGrants { id } employments { id jobTitle } studies { id }
  supportPlans { id revisions { revision absenceArrangements agreements { responsibility } plannedMeetings { plannedOn } } }
  careerProfile { id current { interests } } employerContacts { id } followUpMeetings { id } journalNotes { id text }
  reminders { id text } benefitsCounselling { id referralNote benefits { benefit incomeChange } }
  applications { id } transfers { id jobSeeker { id } }`;

interface Doc {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  /** The dedicated path for deleted cases: checked on its own, not for leaks. */
  dedicated?: boolean;
}

const BATTERY: Doc[] = [
  { name: 'me', query: '{ me { id givenName familyName } myTeams { teamId organizationId role } }' },
  {
    name: 'jobSeeker',
    query: `query($id: ID!) { jobSeeker(id: $id) { ${JS_FIELDS} } }`,
    variables: () => ({ id: J.id }),
  },
  {
    name: 'jobSeekers',
    query: `query($s: ID!) {
      all: jobSeekers(first: 50) { edges { cursor node { id givenName familyName } } }
      mine: jobSeekers(first: 50, specialistId: $s) { edges { node { id givenName familyName identityNumber } } }
      overdue: jobSeekers(first: 50, deadlineStatus: OVERDUE) { edges { node { id givenName } } }
      byName: jobSeekers(first: 50, orderBy: FAMILY_NAME_ASC) { edges { node { id familyName } } }
      missingConsent: jobSeekers(first: 50, teamConsentMissing: true) { edges { node { id givenName teamDiscussionConsent } } } }`,
    variables: () => ({ s: J.specialistId }),
  },
  {
    name: 'node',
    query: `query($g: ID!, $o: ID!) { node(id: $g) { id ... on JobSeeker { ${JS_FIELDS} } }
      nodes(ids: [$g, $o]) { id ... on JobSeeker { givenName familyName } } }`,
    variables: () => ({ g: globalId('JobSeeker', J.id), o: globalId('Organization', J.org) }),
  },
  {
    name: 'deadlines',
    query: `{ myDeadlines { id title jobSeeker { id givenName } } teamDeadlines { id title jobSeeker { id givenName } }
      overdue: myDeadlines(status: OVERDUE) { id } myMeetingsToday }`,
  },
  {
    name: 'notifications',
    query: '{ notifications { id title linkType linkId } unreadNotificationCount }',
  },
  {
    name: 'planning',
    query: `{ myPlannedMeetings { id scheduledAt jobSeeker { id givenName familyName } }
      myReminders { id text jobSeeker { id givenName familyName } } navOffices { id name } }`,
  },
  {
    name: 'navDialogue',
    query: `query($id: ID!) { navDialogue(jobSeekerId: $id) { __typename
      ... on QueryNavDialogueSuccess { data { threads { id subject messages { body authorName } } } } }
      navDialogueOverview { jobSeekerId unreadCount answerDueOn } }`,
    variables: () => ({ id: J.id }),
  },
  {
    name: 'employers',
    query: `query($e: ID!) { employerContacts(first: 100) { id jobSeeker { id givenName } }
      byEmployer: employerContacts(employerId: $e, first: 100) { id jobSeeker { id familyName } }
      mine: employerContacts(mine: true, first: 100) { id }
      employers(first: 50) { edges { node { id name } } } }`,
    variables: () => ({ e: employerId }),
  },
  {
    name: 'team',
    query: `query($t: ID!) {
      teamMeetings(teamId: $t) { id agenda { id title jobSeeker { id givenName familyName } } actionPoints { id } }
      openActionPoints(teamId: $t) { id description }
      portfolioReviews(teamId: $t) { id items { stalled jobSeeker { id givenName familyName } } }
      fieldMentorings(teamId: $t) { id }
      fidelityReviews(teamId: $t) { id items { item computedScore } } }`,
    variables: () => ({ t: J.teamId }),
  },
  {
    name: 'results',
    query: `query($t: ID!, $o: ID!) {
      teamResults(teamId: $t, granularity: MONTH, periods: 2) { __typename ... on QueryTeamResultsSuccess { data { periods {
        team { measure value } specialists { userId values { measure value } } } } } }
      staffing(organizationId: $o) { __typename ... on QueryStaffingSuccess { data { userId caseload } } }
      deadlineRules(organizationId: $o) { rule }
      staffingSettings(organizationId: $o) { __typename ... on QueryStaffingSettingsSuccess { data { stalledAfterWeeks } } }
      teamRoster(teamId: $t) { __typename ... on QueryTeamRosterSuccess { data { members { userId caseload } } } } }`,
    variables: () => ({ t: J.teamId, o: J.org }),
  },
  {
    name: 'absences',
    query: `query($a: ID!, $s: ID!) { absences { id specialist { id } }
      absenceCoverage(absenceId: $a) { __typename ... on QueryAbsenceCoverageSuccess { data { notShown jobSeekers { id givenName familyName } } } }
      teamDiscussionConsentGap(specialistId: $s) { __typename ... on QueryTeamDiscussionConsentGapSuccess { data { missing refused } } } }`,
    variables: () => ({ a: absenceId, s: J.specialistId }),
  },
  {
    // The leader's counts only (others are refused): its own document, so a refusal hides nothing else.
    name: 'absencePortfolio',
    query: `query($a: ID!) { absencePortfolio(absenceId: $a) { __typename
      ... on QueryAbsencePortfolioSuccess { data { total movable withoutTeamConsent receivers { userId } } } } }`,
    variables: () => ({ a: absenceId }),
  },
  {
    name: 'transferCandidates',
    query: `query($id: ID!) { transferCandidates(jobSeekerId: $id) { __typename ... on QueryTransferCandidatesSuccess { data { userId caseload } } } }`,
    variables: () => ({ id: J.id }),
  },
  {
    name: 'accessLog',
    query: `query($id: ID!, $n: String!) { accessLog(jobSeekerId: $id) { occurredAt area actorName }
      accessLogExport(jobSeekerId: $id, format: JSON)
      accessLogByIdentityNumber(identityNumber: $n) { __typename ... on QueryAccessLogByIdentityNumberSuccess { data { area } } }
      caseToDelete(identityNumber: $n) { __typename ... on QueryCaseToDeleteSuccess { data { id version givenName familyName } } } }`,
    variables: () => ({ id: J.id, n: J.identityNumber }),
  },
  {
    name: 'deletedJobSeekers',
    query: '{ deletedJobSeekers { id givenName familyName deletedAt reason purgeAfter deletedBy { id } } }',
    dedicated: true,
  },
];

const ROLES = ['specialist', 'supervisor', 'leader', 'nav', 'admin'] as const;

async function runBattery(who: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const doc of BATTERY) {
    const res = await stack.gql(who, doc.query, doc.variables?.() ?? {});
    expect(res.status, `${doc.name} as ${who}`).toBeLessThan(500);
    out[doc.name] = JSON.stringify(res);
  }
  return out;
}

/** Every id of the case (raw and global), its names and identity number. */
async function secrets(): Promise<string[]> {
  const ids = Object.values(await caseIds(J)).flat();
  return [...ids, globalId('JobSeeker', J.id), J.givenName, J.familyName, J.identityNumber];
}

async function counts() {
  const gql = async <T>(who: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await stack.gql<T>(who, query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  };
  const staffing = await gql<{ staffing: { data: { userId: string; caseload: number }[] } }>(
    as.leader,
    'query($o: ID!) { staffing(organizationId: $o) { ... on QueryStaffingSuccess { data { userId caseload } } } }',
    { o: J.org },
  );
  const results = await gql<{
    teamResults: { data: { periods: { team: { measure: string; value: number | null }[] }[] } };
  }>(
    as.supervisor,
    'query($t: ID!) { teamResults(teamId: $t, granularity: MONTH, periods: 1) { ... on QueryTeamResultsSuccess { data { periods { team { measure value } } } } } }',
    { t: J.teamId },
  );
  const roster = await gql<{ teamRoster: { data: { members: { userId: string; caseload: number }[] } } }>(
    as.supervisor,
    'query($t: ID!) { teamRoster(teamId: $t) { ... on QueryTeamRosterSuccess { data { members { userId caseload } } } } }',
    { t: J.teamId },
  );
  const mine = await gql<{
    myMeetingsToday: number;
    unreadNotificationCount: number;
    myDeadlines: unknown[];
  }>(as.specialist, '{ myMeetingsToday unreadNotificationCount myDeadlines { id } }');
  const app = new pg.Client({ connectionString: stack.db.appUrl });
  await app.connect();
  try {
    const { rows } = await app.query<{ overdue: string }>(
      'SELECT overdue FROM app.overdue_deadlines_per_organization($1::date) WHERE organization_id = $2',
      [today(), J.org],
    );
    return {
      caseload: staffing.staffing.data.find((r) => r.userId === J.specialistId)?.caseload,
      rosterCaseload: roster.teamRoster.data.members.find((r) => r.userId === J.specialistId)?.caseload,
      teamCaseload: results.teamResults.data.periods[0]?.team.find(
        (v) => v.measure === 'CASELOAD_PER_SPECIALIST',
      )?.value,
      meetingsToday: mine.myMeetingsToday,
      unread: mine.unreadNotificationCount,
      myDeadlines: mine.myDeadlines.length,
      overdue: Number(rows[0]?.overdue ?? 0),
    };
  } finally {
    await app.end();
  }
}

/**
 * What the definer functions (below row-level security) count for the case, in a transaction that
 * is rolled back: the digest's overdue duties for its specialist, a consent-expiry notice about it,
 * and its specialist's portfolio size.
 */
async function definerCounts() {
  const c = new pg.Client({ connectionString: stack.db.adminUrl });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query(
      `UPDATE consent SET "validUntil" = now() + interval '5 days' WHERE "jobSeekerId" = $1 AND "withdrawnAt" IS NULL`,
      [J.id],
    );
    await c.query(
      `DELETE FROM notification WHERE ("recipientId" = $1 AND kind = 'DEADLINE_DIGEST') OR (kind = 'CONSENT_EXPIRING' AND "linkId" = $2)`,
      [J.specialistId, J.id],
    );
    await c.query('SELECT app.notify_expiring_consents(now())');
    await c.query('SELECT app.send_deadline_digest($1::date)', [today()]);
    const notice = await c.query(
      `SELECT 1 FROM notification WHERE kind = 'CONSENT_EXPIRING' AND "linkId" = $1`,
      [J.id],
    );
    const digest = await c.query<{ title: string }>(
      `SELECT title FROM notification WHERE kind = 'DEADLINE_DIGEST' AND "recipientId" = $1 AND "organizationId" = $2`,
      [J.specialistId, J.org],
    );
    await c.query("SELECT set_config('app.user_id', $1, true), set_config('app.org_ids', $2, true)", [
      J.supervisorId,
      J.teamOrg,
    ]);
    const size = await c.query<{ n: number }>('SELECT app.portfolio_size($1) AS n', [J.specialistId]);
    return {
      consentNotices: notice.rows.length,
      digestOverdue: Number(/\d+/.exec(digest.rows[0]?.title ?? '0')?.[0]),
      portfolioSize: size.rows[0]?.n,
    };
  } finally {
    await c.query('ROLLBACK');
    await c.end();
  }
}

const DELETE = `mutation($input: DeleteJobSeekerInput!) { deleteJobSeeker(input: $input) { __typename
  ... on MutationDeleteJobSeekerSuccess { data { id givenName familyName deletedAt purgeAfter reason deletedBy { id } } }
  ... on ConflictError { currentVersion } ... on ValidationError { issues { code } } } }`;
const RESTORE = `mutation($id: ID!) { restoreJobSeeker(input: { jobSeekerId: $id }) { __typename
  ... on MutationRestoreJobSeekerSuccess { data { id version } } ... on ValidationError { issues { code } } } }`;
const REASON = 'Henvisningen ble registrert på feil person';

const version = async (id: string) =>
  (await one<{ version: number }>('SELECT version FROM job_seeker WHERE id = $1', [id])).version;

async function deleteAs(who: string, id: string, reason = REASON, v?: number) {
  return stack.gql<{ deleteJobSeeker: Record<string, unknown> & { __typename: string } }>(who, DELETE, {
    input: { jobSeekerId: id, version: v ?? (await version(id)), reason },
  });
}

describe('the battery', () => {
  it('covers every root Query field of the schema (a new one fails here until it is added)', async () => {
    const res = await stack.gql<{ __schema: { queryType: { fields: { name: string }[] } } }>(
      as.admin,
      '{ __schema { queryType { fields { name } } } }',
    );
    const schemaFields = res.data?.__schema.queryType.fields.map((f) => f.name) ?? [];
    expect(schemaFields.length).toBeGreaterThan(20);
    const covered = new Set<string>();
    for (const doc of BATTERY) {
      for (const def of parse(doc.query).definitions) {
        if (def.kind !== 'OperationDefinition') continue;
        for (const sel of def.selectionSet.selections) if (sel.kind === 'Field') covered.add(sel.name.value);
      }
    }
    expect(schemaFields.filter((f) => !covered.has(f))).toEqual([]);
  });
});

describe('a deleted case is invisible on every GraphQL path', () => {
  it('to every role; the counts drop; a restore brings everything back', async () => {
    const ids = await caseIds(J);
    // The case is full: every table of it holds rows.
    expect(Object.entries(ids).filter(([, list]) => list.length === 0)).toEqual([]);
    const hidden = await secrets();
    const before: Record<string, Record<string, string>> = {};
    for (const role of ROLES) before[role] = await runBattery(as[role]);
    // The battery can see the case where each role may: a leak check over it is not empty-handed.
    for (const role of ['specialist', 'supervisor', 'nav'] as const)
      expect(before[role]?.jobSeeker, role).toContain(J.givenName);
    expect(before.specialist?.node).toContain(J.familyName);
    expect(before.specialist?.notifications).toContain(J.id);
    expect(before.supervisor?.team).toContain(J.givenName);
    expect(before.supervisor?.absences).toContain(J.givenName);
    expect(before.admin?.accessLog).toContain('QueryAccessLogByIdentityNumberSuccess');
    expect(before.admin?.accessLog).toContain('"area":"JobSeeker');
    const countsBefore = await counts();
    const definerBefore = await definerCounts();
    expect(definerBefore.consentNotices).toBe(1);
    const overdueTasks = Number(
      (
        await one<{ n: string }>(
          `SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND "assigneeId" = $2 AND status = 'OPEN' AND "dueOn" < $3::date`,
          [J.id, J.specialistId, today()],
        )
      ).n,
    );
    expect(overdueTasks).toBeGreaterThan(0);

    const res = await deleteAs(as.admin, J.id);
    expect(res.data?.deleteJobSeeker.__typename).toBe('MutationDeleteJobSeekerSuccess');

    for (const role of ROLES) {
      const after = await runBattery(as[role]);
      for (const doc of BATTERY) {
        if (doc.dedicated) continue;
        const text = after[doc.name] as string;
        const leaked = hidden.filter((s) => text.includes(s));
        expect(leaked, `${doc.name} as ${role} (${as[role]})`).toEqual([]);
      }
      // The dedicated list names it to the organisation's administrator and leader only.
      const listed = (after.deletedJobSeekers as string).includes(J.id);
      expect(listed, `deletedJobSeekers as ${role}`).toBe(role === 'admin' || role === 'leader');
    }
    // The access log of a deleted case is hidden with it, by number too.
    const log = await stack.gql<{
      accessLog: unknown[];
      accessLogByIdentityNumber: { __typename: string };
    }>(
      as.admin,
      `query($id: ID!, $n: String!) { accessLog(jobSeekerId: $id) { area }
        accessLogByIdentityNumber(identityNumber: $n) { __typename } }`,
      { id: J.id, n: J.identityNumber },
    );
    expect(log.data?.accessLog).toEqual([]);
    expect(log.data?.accessLogByIdentityNumber.__typename).toBe('NotFoundError');
    // The definer functions skip it: no consent notice, no overdue duty in the digest, no place in
    // the portfolio count.
    expect(await definerCounts()).toEqual({
      consentNotices: 0,
      digestOverdue: definerBefore.digestOverdue - overdueTasks,
      portfolioSize: (definerBefore.portfolioSize as number) - 1,
    });
    const countsAfter = await counts();
    expect(countsAfter.caseload).toBe((countsBefore.caseload as number) - 1);
    expect(countsAfter.rosterCaseload).toBe((countsBefore.rosterCaseload as number) - 1);
    expect(countsAfter.teamCaseload as number).toBeLessThan(countsBefore.teamCaseload as number);
    expect(countsAfter.meetingsToday).toBeLessThan(countsBefore.meetingsToday);
    expect(countsAfter.unread).toBeLessThan(countsBefore.unread);
    expect(countsAfter.myDeadlines).toBeLessThan(countsBefore.myDeadlines);
    expect(countsAfter.overdue).toBeLessThan(countsBefore.overdue);
    // The outbox does not send its support plan to NAV while it is deleted.
    const claimed = await q(`SELECT id FROM app.claim_outbox('nav.support-plan', 1000, 1)`);
    expect(claimed.rows.map((r) => r.id)).not.toContain(ids.outbox_message?.[0]);

    const restored = await stack.gql<{ restoreJobSeeker: { __typename: string } }>(as.leader, RESTORE, {
      id: J.id,
    });
    expect(restored.data?.restoreJobSeeker.__typename).toBe('MutationRestoreJobSeekerSuccess');
    expect(await caseIds(J)).toEqual(ids);
    const again = await runBattery(as.specialist);
    expect(again.jobSeeker).toContain(J.givenName);
    expect(again.notifications).toContain(J.id);
    const countsRestored = await counts();
    expect(countsRestored).toEqual(countsBefore);
    expect(await definerCounts()).toEqual(definerBefore);
  });
});

describe('deleting, restoring and listing: role × organisation', () => {
  type Outcome = 'allowed' | 'not found' | 'forbidden' | 'listed' | 'not listed';
  // [who, delete, restore, deleted list]
  const MATRIX: [keyof typeof as, Outcome, Outcome, Outcome][] = [
    ['admin', 'allowed', 'allowed', 'listed'],
    ['leader', 'allowed', 'allowed', 'listed'],
    ['specialist', 'forbidden', 'not found', 'not listed'],
    ['supervisor', 'forbidden', 'not found', 'not listed'],
    ['nav', 'forbidden', 'not found', 'not listed'],
    ['otherAdmin', 'not found', 'not found', 'not listed'],
    ['otherLeader', 'not found', 'not found', 'not listed'],
    ['otherSpecialist', 'not found', 'not found', 'not listed'],
  ];
  const outcome = (
    res: { data?: Record<string, { __typename: string }>; errors?: unknown[] },
    field: string,
  ) => {
    if (JSON.stringify(res.errors ?? []).includes('FORBIDDEN')) return 'forbidden';
    const t = res.data?.[field]?.__typename;
    if (t === 'NotFoundError') return 'not found';
    if (t?.endsWith('Success')) return 'allowed';
    return JSON.stringify(res);
  };
  const state = async () =>
    (
      await q(
        `SELECT j."deletedAt", j.version, (SELECT count(*) FROM audit_log a WHERE a."jobSeekerId" = j.id AND a.action <> 'READ') AS changes
         FROM job_seeker j WHERE j.id = $1`,
        [J.id],
      )
    ).rows[0];

  for (const [who, del, restore, list] of MATRIX) {
    it(`${who}: delete ${del}, restore ${restore}, list ${list}`, async () => {
      // delete
      const before = await state();
      const d = await deleteAs(as[who], J.id);
      expect(outcome(d, 'deleteJobSeeker')).toBe(del);
      if (del !== 'allowed') expect(await state()).toEqual(before);
      if (del !== 'allowed') {
        const admin = await deleteAs(as.admin, J.id);
        expect(admin.data?.deleteJobSeeker.__typename).toBe('MutationDeleteJobSeekerSuccess');
      }
      // the list
      const l = await stack.gql<{ deletedJobSeekers: { id: string }[] }>(
        as[who],
        '{ deletedJobSeekers { id } }',
      );
      expect(l.data?.deletedJobSeekers.some((r) => r.id === J.id) ? 'listed' : 'not listed').toBe(list);
      // restore
      const deleted = await state();
      const r = await stack.gql(as[who], RESTORE, { id: J.id });
      expect(outcome(r as never, 'restoreJobSeeker')).toBe(restore);
      if (restore !== 'allowed') {
        expect(await state()).toEqual(deleted);
        const admin = await stack.gql<{ restoreJobSeeker: { __typename: string } }>(as.admin, RESTORE, {
          id: J.id,
        });
        expect(admin.data?.restoreJobSeeker.__typename).toBe('MutationRestoreJobSeekerSuccess');
      }
      expect((await state()).deletedAt).toBeNull();
    });
  }

  it('audits the deletion, the restore and every entry of the list read', async () => {
    const mark = (await one<{ s: string }>('SELECT max(sequence)::text AS s FROM audit_log')).s;
    await deleteAs(as.admin, J.id);
    await stack.gql(as.admin, '{ deletedJobSeekers { id } }');
    await stack.gql(as.admin, RESTORE, { id: J.id });
    const { rows } = await q(
      `SELECT action, area, "jobSeekerId", reason FROM audit_log WHERE sequence > $1 AND "jobSeekerId" = $2 ORDER BY sequence`,
      [mark, J.id],
    );
    expect(rows.map((r) => [r.action, r.area])).toEqual([
      ['DELETE', 'JobSeeker.delete'],
      ['READ', 'JobSeeker.deletedList'],
      ['UPDATE', 'JobSeeker.restore'],
    ]);
    // The reason stays with the case (and goes with the purge), not in the everlasting log.
    expect(rows.every((r) => r.reason !== REASON)).toBe(true);
  });

  it('bad input and a stale version change nothing', async () => {
    const before = await state();
    const short = await deleteAs(as.admin, J.id, ' for kort ');
    expect(short.data?.deleteJobSeeker).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ code: 'TOO_SHORT' }],
    });
    const stale = await deleteAs(as.admin, J.id, REASON, (before.version as number) - 1);
    expect(stale.data?.deleteJobSeeker).toMatchObject({
      __typename: 'ConflictError',
      currentVersion: before.version,
    });
    expect(await state()).toEqual(before);
    const notDeleted = await stack.gql<{ restoreJobSeeker: { __typename: string } }>(as.admin, RESTORE, {
      id: J.id,
    });
    expect(notDeleted.data?.restoreJobSeeker.__typename).toBe('NotFoundError');
  });
});

describe('a deleted case cannot be changed', () => {
  it('revising its support plan or recording a contact about it is not found, and writes nothing', async () => {
    const planVersion = (
      await one<{ version: number }>('SELECT version FROM support_plan WHERE id = $1', [planId])
    ).version;
    expect((await deleteAs(as.admin, J.id)).data?.deleteJobSeeker.__typename).toBe(
      'MutationDeleteJobSeekerSuccess',
    );
    const rows = async () =>
      (
        await one<{ n: string }>(
          `SELECT (SELECT count(*) FROM support_plan_revision WHERE "supportPlanId" = $1)
                + (SELECT count(*) FROM employer_contact WHERE "jobSeekerId" = $2) AS n`,
          [planId, J.id],
        )
      ).n;
    const before = await rows();
    const revise = await stack.gql<{ reviseSupportPlan: { __typename: string } }>(
      as.specialist,
      `mutation($input: ReviseSupportPlanInput!) { reviseSupportPlan(input: $input) { __typename } }`,
      {
        input: {
          supportPlanId: planId,
          version: planVersion,
          changeNote: 'Justert etter samtale',
          content: {
            agreedWithEmployer: false,
            employerMayCallSpecialist: false,
            agreements: [{ supportPerson: 'JOB_SPECIALIST', responsibility: 'Oppfølging' }],
            meetings: [],
          },
        },
      },
    );
    expect(revise.data?.reviseSupportPlan.__typename).toBe('NotFoundError');
    const contact = await stack.gql<{ recordEmployerContact: { __typename: string } }>(
      as.specialist,
      `mutation($input: RecordEmployerContactInput!) { recordEmployerContact(input: $input) { __typename } }`,
      {
        input: {
          employerId,
          jobSeekerId: J.id,
          contactedAt: new Date().toISOString(),
          faceToFace: true,
          purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
        },
      },
    );
    expect(contact.data?.recordEmployerContact.__typename).toBe('NotFoundError');
    expect(await rows()).toBe(before);
    // Referring the same person again while the case is deleted: refused as a duplicate, as for a
    // live case (the deleted one keeps its number until purged; restore it instead).
    const refer = await stack.gql<{ referJobSeeker: { __typename: string; issues?: { code: string }[] } }>(
      as.specialist,
      `mutation($input: ReferJobSeekerInput!) { referJobSeeker(input: $input) { __typename ... on ValidationError { issues { code } } } }`,
      {
        input: {
          organizationId: J.org,
          givenName: 'Ny',
          familyName: 'Henvisning',
          identityNumber: J.identityNumber,
          referralDate: today(),
          outOfWorkAtReferral: true,
        },
      },
    );
    expect(refer.errors).toBeUndefined();
    expect(refer.data?.referJobSeeker).toEqual({
      __typename: 'ValidationError',
      issues: [{ code: 'DUPLICATE' }],
    });
    const same = await q('SELECT count(*)::int AS n FROM job_seeker WHERE "identityNumber" = $1', [
      J.identityNumber,
    ]);
    expect(same.rows[0].n).toBe(1);
    const restored = await stack.gql<{ restoreJobSeeker: { __typename: string } }>(as.admin, RESTORE, {
      id: J.id,
    });
    expect(restored.data?.restoreJobSeeker.__typename).toBe('MutationRestoreJobSeekerSuccess');
  });
});

// ─── the retention purge ───

const quiet = new Logger(() => () => {});
const log = pino({ level: 'silent' });
const DAY = 86_400_000;

async function purge(at: Date) {
  await quickAddJob({ connectionString: stack.db.appUrl, logger: quiet }, 'retention_purge', {});
  await runOnce({
    connectionString: stack.db.appUrl,
    taskList: jobTasks(null, log, () => at),
    logger: quiet,
  });
}

const purgeRows = (jobSeekerId: string) =>
  q(`SELECT "organizationId", details FROM audit_log WHERE area = 'retention.purge' AND "jobSeekerId" = $1`, [
    jobSeekerId,
  ]);

describe('the retention purge', () => {
  it("purges a deleted case after its tenant's period only, every row of it, audited; the chain verifies; a second run changes nothing", async () => {
    // Another tenant keeps deleted cases for 10 days only.
    const other = await one<{ id: string; org: string; identityNumber: string; givenName: string }>(
      `SELECT j.id, j."organizationId" AS org, j."identityNumber", j."givenName" FROM job_seeker j
       WHERE j."organizationId" IN (SELECT m."organizationId" FROM membership m JOIN app_user u ON u.id = m."userId" WHERE u.email = $1)
       ORDER BY (SELECT count(*) FROM employer_contact c WHERE c."jobSeekerId" = j.id) DESC, j.id LIMIT 1`,
      [as.otherAdmin],
    );
    await q(
      `UPDATE organization SET settings = settings || '{"retention": {"deletedCaseDays": 10}}' WHERE id = $1`,
      [other.org],
    );
    expect((await deleteAs(as.admin, J.id)).data?.deleteJobSeeker.__typename).toBe(
      'MutationDeleteJobSeekerSuccess',
    );
    expect((await deleteAs(as.otherAdmin, other.id)).data?.deleteJobSeeker.__typename).toBe(
      'MutationDeleteJobSeekerSuccess',
    );
    const ids = await caseIds(J);
    const otherIds = await caseIds({ id: other.id, org: other.org });
    const now = Date.now();

    // Within both periods: nothing.
    await purge(new Date(now + 5 * DAY));
    expect(await caseIds(J)).toEqual(ids);
    expect(await caseIds({ id: other.id, org: other.org })).toEqual(otherIds);

    // Past the other tenant's 10 days, within the default 90: only the other case goes.
    await purge(new Date(now + 11 * DAY));
    expect(await caseIds(J)).toEqual(ids);
    const otherAfter = await caseIds({ id: other.id, org: other.org });
    expect(Object.values(otherAfter).flat()).toEqual([]);
    const otherAudit = await purgeRows(other.id);
    expect(otherAudit.rows).toHaveLength(1);
    expect(otherAudit.rows[0].details).toMatchObject({ deletedCaseDays: 10 });

    // Past 90 days: the case is gone from every table, one audit row with the counts.
    await purge(new Date(now + 91 * DAY));
    expect(Object.values(await caseIds(J)).flat()).toEqual([]);
    for (const t of [...(await caseTables()).map((x) => x.table_name), 'job_seeker']) {
      const col = t === 'notification' ? '"linkId"' : t === 'job_seeker' ? 'id' : null;
      if (col) expect((await q(`SELECT 1 FROM ${t} WHERE ${col} = $1`, [J.id])).rows, t).toEqual([]);
    }
    const audit = await purgeRows(J.id);
    expect(audit.rows).toHaveLength(1);
    const details = audit.rows[0].details as {
      rows: Record<string, number>;
      deletedCaseDays: number;
      deletedAt: string;
    };
    expect(audit.rows[0].organizationId).toBe(J.org);
    expect(details.deletedCaseDays).toBe(90);
    expect(details.deletedAt).toEqual(expect.any(String));
    expect(details.rows).toEqual(
      Object.fromEntries(Object.entries(ids).map(([t, list]) => [t, list.length])),
    );
    // No name, no identity number in the purge's audit.
    const text = JSON.stringify(audit.rows[0]);
    for (const s of [J.givenName, J.familyName, J.identityNumber]) expect(text).not.toContain(s);
    // The earlier audit rows about the case are kept (append-only).
    expect(
      Number(
        (await one<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE "jobSeekerId" = $1', [J.id])).n,
      ),
    ).toBeGreaterThan(5);

    // The hash chain of each organisation still verifies after sealing.
    await sealAuditLog(stack.admin);
    for (const org of [J.org, other.org]) {
      const { rows } = await q('SELECT checked, first_broken FROM app.verify_audit_chain($1)', [org]);
      expect(rows[0].first_broken, org).toBeNull();
      expect(Number(rows[0].checked)).toBeGreaterThan(0);
    }

    // Again: nothing left, nothing audited twice.
    const total = async () =>
      (
        await one<{ n: string }>(
          `SELECT count(*) AS n FROM audit_log WHERE area = 'retention.purge' AND "jobSeekerId" IS NOT NULL`,
        )
      ).n;
    const n = await total();
    await purge(new Date(now + 200 * DAY));
    expect(await total()).toBe(n);
    expect((await purgeRows(J.id)).rows).toHaveLength(1);
  });
});
