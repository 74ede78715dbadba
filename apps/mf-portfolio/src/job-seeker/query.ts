/** The job-seeker page's one query: everything its tabs show, typed from the API's schema. */
import { graphql, type ResultOf } from '@ips/ui';

export const SupportPlanFields = graphql(`
  fragment SupportPlanFields on SupportPlan {
    id
    kind
    status
    version
    currentRevision
    startsOn
    revisions {
      revision
      createdAt
      changeNote
      agreedWithEmployer
      employerMayCallSpecialist
      employerRoutines
      absenceArrangements
      specialArrangements
      taperingPlan
      agreements { supportPerson responsibility personName }
      plannedMeetings { plannedOn faceToFace topic }
    }
  }
`);

export const JOB_SEEKER_PAGE = graphql(
  `
  query JobSeekerPage($id: ID!) {
    node(id: $id) {
      id
      ... on JobSeeker {
        givenName
        familyName
        phase
        deadlineStatus
        referralDate
        intakeDate
        dischargedAt
        phone
        email
        city
        currentSpecialist { id givenName familyName }
        consents { id scope active validFrom validUntil withdrawnAt recordedAt }
        careerProfile {
          id
          currentRevision
          needsUpdate
          needsUpdateReason
          current { revision createdAt interests strengths preferences disclosurePreference }
        }
        employments {
          id
          jobTitle
          kind
          competitive
          hoursPerWeek
          startDate
          endDate
          endedBy
          employer { id name }
        }
        employerContacts { id contactedAt faceToFace purpose outcome contactPerson notes employer { id name } }
        followUpMeetings { id scheduledAt status purpose faceToFace location durationMinutes participants summary }
        reminders { id dueOn text }
        supportPlans { ...SupportPlanFields }
        transfers {
          id
          effectiveAt
          reason
          temporary
          fromSpecialist { givenName familyName }
          toSpecialist { givenName familyName }
        }
      }
    }
    myDeadlines { id rule sourceId title dueOn status jobSeeker { id } }
  }
`,
  [SupportPlanFields],
);

export type JobSeekerPageData = ResultOf<typeof JOB_SEEKER_PAGE>;
type Node = NonNullable<JobSeekerPageData['node']>;
/** The node when it is a job seeker (the page asks for nothing else). */
export type JobSeekerView = Extract<Node, { givenName: unknown }>;
