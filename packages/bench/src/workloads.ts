/**
 * The GraphQL documents the admin sends, copied verbatim from the micro-frontends (the bench does
 * not import UI packages): keep them in step when the pages change. The job seeker's page is in
 * `admin-documents.ts`, checked against the admin's own document by a unit test of the admin. The support-plan update is the
 * API's own revision mutation (the admin has no support-plan page yet), as its tests send it.
 */
import { JOB_SEEKER_PAGE_DOCUMENT } from './admin-documents.js';
import type { BenchData, PlanForUpdate } from './setup.js';

/**
 * packages/ui/src/first-screen.ts, `PORTFOLIO_QUERY` (the portfolio screen's query), exactly as the
 * admin's client sends it (graphcache adds `__typename`): the text in apps/api/trusted-documents.json.
 */
export const PORTFOLIO = `query Portfolio($specialistId: ID!) {
  myMeetingsToday
  jobSeekers(first: 100, specialistId: $specialistId) {
    edges {
      node {
        id
        givenName
        familyName
        phase
        deadlineStatus
        referralDate
        teamDiscussionConsent
        protectedAddress
        __typename
      }
      __typename
    }
    __typename
  }
}`;

/** apps/mf-portfolio/src/job-seeker/query.ts: the job seeker's page, every tab's data in one query. */
export const JOB_SEEKER = JOB_SEEKER_PAGE_DOCUMENT;

/** apps/mf-team/src/TeamDashboard.tsx (the default granularity there is WEEK) */
export const TEAM_RESULTS = `query TeamResults($teamId: ID!, $g: Granularity!) {
  teamResults(teamId: $teamId, granularity: $g, periods: 12) {
    __typename
    ... on QueryTeamResultsSuccess { data { teamName periods { from to
      team { measure value target met ceiling periodCount }
      specialists { userId givenName familyName role values { measure value target met ceiling periodCount } } } } }
    ... on Error { message }
  }
}`;

/** apps/mf-nav/src/SharedWithNavPage.tsx, exactly as the admin's client sends it (apps/api/trusted-documents.json). */
export const SHARED_WITH_NAV = `query SharedWithNav($after: String) {
  jobSeekers(first: 40, after: $after) {
    edges {
      node {
        id
        givenName
        familyName
        phase
        navSharingGrants {
          id
          scopes
          sharedParts
          sharedUntil
          active
          validUntil
          revokedAt
          __typename
        }
        employments {
          id
          jobTitle
          startDate
          endDate
          __typename
        }
        __typename
      }
      __typename
    }
    pageInfo {
      hasNextPage
      endCursor
      __typename
    }
    __typename
  }
}`;

/** apps/api/test/support-plan.test.ts (the revision mutation) */
export const REVISE_SUPPORT_PLAN = `mutation ReviseSupportPlan($input: ReviseSupportPlanInput!) {
  reviseSupportPlan(input: $input) {
    __typename
    ... on MutationReviseSupportPlanSuccess { data { version currentRevision status revisions { revision changeNote } } }
    ... on ConflictError { currentVersion }
  }
}`;

export type WorkloadName = 'portfolio' | 'jobSeekerPage' | 'teamDashboard' | 'navList' | 'supportPlanUpdate';

/**
 * The support plan's version after a workload's answer: the revised plan's own version (or the one
 * a ConflictError reports); any other workload's answer leaves it as it was — those name the
 * versions of other records (a job seeker's, a revision's), which are not the plan's.
 */
export function planVersionAfter(workload: WorkloadName, body: string, current: number): number {
  if (workload !== 'supportPlanUpdate') return current;
  try {
    const result = (
      JSON.parse(body) as {
        data?: { reviseSupportPlan?: { data?: { version?: unknown }; currentVersion?: unknown } };
      }
    ).data?.reviseSupportPlan;
    const version = result?.data?.version ?? result?.currentVersion;
    return typeof version === 'number' ? version : current;
  } catch {
    return current;
  }
}

export const WORKLOADS: { name: WorkloadName; label: string }[] = [
  { name: 'portfolio', label: "specialist's portfolio" },
  { name: 'jobSeekerPage', label: 'job-seeker page' },
  { name: 'teamDashboard', label: 'team dashboard (12 weeks)' },
  { name: 'navList', label: "NAV counsellor's list" },
  { name: 'supportPlanUpdate', label: 'support-plan update' },
];

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The support-plan content a revision writes (two agreements, two face-to-face meetings). */
export function planContent(plan: PlanForUpdate) {
  const start = new Date(`${plan.employmentStart}T00:00:00Z`);
  const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    absenceArrangements: 'Egenmelding til leder før kl. 08.',
    employerMayCallSpecialist: false,
    agreedWithEmployer: false,
    agreements: [
      { supportPerson: 'JOB_SPECIALIST', responsibility: 'Ukentlige samtaler den første måneden.' },
      { supportPerson: 'HEALTH_TEAM', responsibility: 'Behandler følger opp søvn og medisiner.' },
    ],
    meetings: [
      { plannedOn: day(1), faceToFace: true, topic: 'Første oppfølgingsmøte' },
      { plannedOn: day(14), faceToFace: true },
    ],
  };
}

/** A GraphQL request of a workload: token, document and variables. */
export interface GraphQLCall {
  token: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The request each workload sends (the mutation's version is filled in per call). */
export function graphqlCall(data: BenchData, name: Exclude<WorkloadName, 'supportPlanUpdate'>): GraphQLCall {
  switch (name) {
    case 'portfolio':
      return {
        token: data.specialist.token,
        query: PORTFOLIO,
        variables: { specialistId: data.specialist.userId },
      };
    case 'jobSeekerPage':
      return {
        token: data.specialist.token,
        query: JOB_SEEKER,
        variables: { id: globalId('JobSeeker', data.jobSeekerId) },
      };
    case 'teamDashboard':
      return {
        token: data.supervisor.token,
        query: TEAM_RESULTS,
        variables: { teamId: data.teamId, g: 'WEEK' },
      };
    case 'navList':
      return { token: data.navCounsellor.token, query: SHARED_WITH_NAV, variables: { after: null } };
  }
}

export function reviseCall(plan: PlanForUpdate, version: number, n: number): GraphQLCall {
  return {
    token: plan.owner.token,
    query: REVISE_SUPPORT_PLAN,
    variables: {
      input: {
        supportPlanId: plan.supportPlanId,
        version,
        changeNote: `Benchmark revision ${n}`,
        content: planContent(plan),
      },
    },
  };
}

/**
 * The same pages asked of PostGraphile's generated schema (Amber preset): the rows the admin shows,
 * with the open tasks for the deadline status (computed client-side there). The team dashboard's
 * measures and the support-plan revision are application logic PostGraphile has no equivalent for
 * without custom SQL functions: those cells are left empty.
 */
export const POSTGRAPHILE: Partial<Record<WorkloadName, string>> = {
  portfolio: `query Portfolio($specialistId: UUID!) {
  allJobSeekers(first: 100, condition: { currentSpecialistId: $specialistId }, orderBy: [REFERRAL_DATE_DESC, PRIMARY_KEY_DESC]) {
    edges { node { id givenName familyName phase referralDate
      tasksByOrganizationIdAndJobSeekerId(condition: { status: OPEN }) { nodes { dueOn warnFrom } } } }
  }
}`,
  jobSeekerPage: `query JobSeekerPage($rowId: UUID!, $me: UUID!) {
  jobSeekerByRowId(rowId: $rowId) { id givenName familyName phase referralDate
    tasksByOrganizationIdAndJobSeekerId(condition: { status: OPEN }) { nodes { dueOn warnFrom } } }
  allTasks(condition: { assigneeId: $me, status: OPEN }, orderBy: [DUE_ON_ASC, PRIMARY_KEY_ASC], first: 500) {
    nodes { rowId rule title dueOn warnFrom jobSeekerId }
  }
}`,
  navList: `query SharedWithNav {
  allJobSeekers(first: 40, orderBy: [REFERRAL_DATE_DESC, PRIMARY_KEY_DESC]) {
    edges { node { id givenName familyName phase
      navSharingGrantsByOrganizationIdAndJobSeekerId { nodes { id scopes validUntil revokedAt } }
      employmentsByOrganizationIdAndJobSeekerId(orderBy: [START_DATE_DESC, PRIMARY_KEY_DESC]) { nodes { id jobTitle startDate endDate } } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
};

export function postgraphileCall(data: BenchData, name: WorkloadName): GraphQLCall | null {
  const query = POSTGRAPHILE[name];
  if (!query) return null;
  switch (name) {
    case 'portfolio':
      return { token: data.specialist.token, query, variables: { specialistId: data.specialist.userId } };
    case 'jobSeekerPage':
      return {
        token: data.specialist.token,
        query,
        variables: { rowId: data.jobSeekerId, me: data.specialist.userId },
      };
    case 'navList':
      return { token: data.navCounsellor.token, query, variables: {} };
    default:
      return null;
  }
}
