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
    employmentId
    studyId
    navDeliveries { id revision state requestedAt sentAt attempts nextAttemptAt }
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

/** A NAV sharing grant as the consent panel lists it. */
export const NavSharingGrantFields = graphql(`
  fragment NavSharingGrantFields on NavSharingGrant @_unmask {
    id
    scopes
    validFrom
    validUntil
    revokedAt
    version
    active
    sharedParts
    sharedUntil
    navOffice { id name }
  }
`);

/** The career profile with every revision (the editor and its revision list). */
export const CareerProfileFields = graphql(`
  fragment CareerProfileFields on CareerProfile @_unmask {
    id
    version
    currentRevision
    needsUpdate
    needsUpdateReason
    revisions {
      revision
      createdAt
      interests
      strengths
      preferences
      disclosurePreference
      disclosureWishes
      benefitsSituation
      workExperience { title employer years }
      education { level subject completed }
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
        version
        phone
        email
        city
        protectedAddress
        teamDiscussionConsent
        mayUseNavDialogue
        teamConsentRefusedAt
        teamConsentRequestedAt
        currentSpecialist { id givenName familyName }
        consents { id scope active validFrom validUntil withdrawnAt recordedAt version documentReference navParts }
        navSharingGrants { ...NavSharingGrantFields }
        careerProfile { ...CareerProfileFields }
        employments {
          id
          jobTitle
          kind
          competitive
          hoursPerWeek
          startDate
          endDate
          endedBy
          version
          employer { id name }
        }
        studies { id institution programme startDate endDate completed version }
        applications { id position source status appliedOn version employer { id name } }
        employerContacts { id contactedAt faceToFace purpose outcome contactPerson notes employer { id name } }
        followUpMeetings { id scheduledAt status purpose faceToFace location durationMinutes participants summary }
        reminders { id dueOn text }
        benefitsCounselling { id counselledOn benefits { benefit incomeChange } referredToNav referralNote followUpOn version givenBy { id givenName familyName } }
        supportPlans { ...SupportPlanFields }
        transfers {
          id
          effectiveAt
          reason
          temporary
          levelReason
          fromSpecialist { givenName familyName }
          toSpecialist { givenName familyName }
        }
      }
    }
    myDeadlines { id rule sourceId title dueOn status jobSeeker { id } }
  }
`,
  [SupportPlanFields, NavSharingGrantFields, CareerProfileFields],
);

export type JobSeekerPageData = ResultOf<typeof JOB_SEEKER_PAGE>;
type Node = NonNullable<JobSeekerPageData['node']>;
/** The node when it is a job seeker (the page asks for nothing else). */
export type JobSeekerView = Extract<Node, { givenName: unknown }>;
