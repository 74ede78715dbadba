/**
 * Documents the admin sends, as the admin's urql client prints them (`stringifyDocument` of the
 * typed document, fragments included). No imports: the admin's own unit test
 * (apps/mf-portfolio/src/job-seeker/bench-document.test.ts) compares each with the document it
 * sends now, so a change to the page's query fails there until this copy follows it.
 */

/** apps/mf-portfolio/src/job-seeker/query.ts, `JOB_SEEKER_PAGE` */
export const JOB_SEEKER_PAGE_DOCUMENT = `query JobSeekerPage($id: ID!) {
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
      currentSpecialist {
        id
        givenName
        familyName
      }
      consents {
        id
        scope
        active
        validFrom
        validUntil
        withdrawnAt
        recordedAt
        version
        documentReference
        navParts
      }
      navSharingGrants {
        ...NavSharingGrantFields
      }
      careerProfile {
        ...CareerProfileFields
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
        version
        employer {
          id
          name
        }
      }
      studies {
        id
        institution
        programme
        startDate
        endDate
        completed
        version
      }
      applications {
        id
        position
        source
        status
        appliedOn
        version
        employer {
          id
          name
        }
      }
      employerContacts {
        id
        contactedAt
        faceToFace
        purpose
        outcome
        contactPerson
        notes
        employer {
          id
          name
        }
      }
      followUpMeetings {
        id
        scheduledAt
        status
        purpose
        faceToFace
        location
        durationMinutes
        participants
        summary
      }
      reminders {
        id
        dueOn
        text
      }
      benefitsCounselling {
        id
        counselledOn
        benefits {
          benefit
          incomeChange
        }
        referredToNav
        referralNote
        followUpOn
        version
        givenBy {
          id
          givenName
          familyName
        }
      }
      supportPlans {
        ...SupportPlanFields
      }
      transfers {
        id
        effectiveAt
        reason
        temporary
        levelReason
        fromSpecialist {
          givenName
          familyName
        }
        toSpecialist {
          givenName
          familyName
        }
      }
    }
  }
  myDeadlines {
    id
    rule
    sourceId
    title
    dueOn
    status
    jobSeeker {
      id
    }
  }
}
fragment SupportPlanFields on SupportPlan {
  id
  kind
  status
  version
  currentRevision
  startsOn
  employmentId
  studyId
  navDeliveries {
    id
    revision
    state
    requestedAt
    sentAt
    attempts
    nextAttemptAt
  }
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
    agreements {
      supportPerson
      responsibility
      personName
    }
    plannedMeetings {
      plannedOn
      faceToFace
      topic
    }
  }
}
fragment NavSharingGrantFields on NavSharingGrant {
  id
  scopes
  validFrom
  validUntil
  revokedAt
  version
  active
  sharedParts
  sharedUntil
  navOffice {
    id
    name
  }
}
fragment CareerProfileFields on CareerProfile {
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
    workExperience {
      title
      employer
      years
    }
    education {
      level
      subject
      completed
    }
  }
}`;
