-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('MUNICIPALITY', 'SPECIALIST_HEALTH_SERVICE', 'NAV_OFFICE');

-- CreateEnum
CREATE TYPE "ServiceLevel" AS ENUM ('MUNICIPAL', 'SPECIALIST_HEALTH_SERVICE', 'NAV');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('JOB_SPECIALIST', 'METHOD_SUPERVISOR', 'HEALTH_SERVICE_LEADER', 'NAV_COUNSELLOR', 'TENANT_ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "IdentityProviderKind" AS ENUM ('ENTRA_ID', 'HELSE_ID', 'ID_PORTEN', 'GENERIC_OIDC');

-- CreateEnum
CREATE TYPE "TeamMemberRole" AS ENUM ('JOB_SPECIALIST', 'METHOD_SUPERVISOR');

-- CreateEnum
CREATE TYPE "JobSeekerPhase" AS ENUM ('REFERRED', 'INTAKE', 'CAREER_PROFILING', 'JOB_SEARCH', 'EMPLOYED', 'STUDYING', 'TAPERING', 'DISCHARGED');

-- CreateEnum
CREATE TYPE "ProtectedAddress" AS ENUM ('NONE', 'CONFIDENTIAL', 'STRICTLY_CONFIDENTIAL');

-- CreateEnum
CREATE TYPE "DischargeReason" AS ENUM ('STABLE_IN_WORK', 'STABLE_IN_STUDY', 'HANDED_OVER_TO_HEALTH_TEAM', 'JOB_SEEKER_WITHDREW', 'MOVED', 'NO_CONTACT', 'OTHER');

-- CreateEnum
CREATE TYPE "AssignmentReason" AS ENUM ('INTAKE', 'TRANSFER', 'TEMPORARY_COVER');

-- CreateEnum
CREATE TYPE "ConsentScope" AS ENUM ('TEAM_CASE_DISCUSSION', 'NAV_SHARING', 'EMPLOYER_CONTACT', 'SUPPORT_PLAN_TO_NAV_SYSTEM', 'CROSS_SERVICE_TRANSFER', 'HEALTH_TEAM_COLLABORATION', 'RELATIVES_NETWORK');

-- CreateEnum
CREATE TYPE "ConsentEventKind" AS ENUM ('GIVEN', 'CHANGED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "NavShareScope" AS ENUM ('BASIC_DETAILS', 'EMPLOYMENT_STATUS', 'SUPPORT_PLAN', 'CAREER_PROFILE');

-- CreateEnum
CREATE TYPE "DisclosurePreference" AS ENUM ('FULL', 'PARTIAL', 'NONE', 'UNDECIDED');

-- CreateEnum
CREATE TYPE "EmployerContactPurpose" AS ENUM ('JOB_DEVELOPMENT_FOR_JOB_SEEKER', 'RELATIONSHIP_BUILDING', 'FOLLOW_UP_IN_EMPLOYMENT');

-- CreateEnum
CREATE TYPE "EmployerContactOutcome" AS ENUM ('NO_OPENING', 'FOLLOW_UP_AGREED', 'INTERVIEW_ARRANGED', 'JOB_OFFERED', 'OTHER');

-- CreateEnum
CREATE TYPE "ApplicationSource" AS ENUM ('ADVERTISED', 'JOB_DEVELOPMENT');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('PLANNED', 'SENT', 'INTERVIEW', 'OFFERED', 'REJECTED', 'WITHDRAWN', 'HIRED');

-- CreateEnum
CREATE TYPE "EmploymentKind" AS ENUM ('ORDINARY_JOB', 'WORK_PRACTICE');

-- CreateEnum
CREATE TYPE "EndedBy" AS ENUM ('JOB_SEEKER', 'EMPLOYER', 'MUTUAL', 'FIXED_TERM_EXPIRED');

-- CreateEnum
CREATE TYPE "SupportPlanKind" AS ENUM ('JOB', 'STUDY');

-- CreateEnum
CREATE TYPE "SupportPlanStatus" AS ENUM ('ACTIVE', 'TAPERING', 'CLOSED');

-- CreateEnum
CREATE TYPE "SupportPerson" AS ENUM ('JOB_SPECIALIST', 'HEALTH_TEAM', 'RELATIVES', 'NAV_COUNSELLOR', 'EMPLOYER', 'JOB_SEEKER', 'OTHER');

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "MeetingParticipant" AS ENUM ('JOB_SEEKER', 'EMPLOYER', 'HEALTH_TEAM', 'NAV_COUNSELLOR', 'RELATIVES', 'OTHER');

-- CreateEnum
CREATE TYPE "MeetingLocation" AS ENUM ('COMMUNITY', 'OFFICE', 'REMOTE');

-- CreateEnum
CREATE TYPE "MeetingPurpose" AS ENUM ('INTAKE', 'CAREER_PROFILING', 'JOB_SEARCH', 'BENEFITS_COUNSELLING', 'EMPLOYER_MEETING_BEFORE_START', 'FOLLOW_ALONG', 'JOB_END_FOLLOW_UP', 'OTHER');

-- CreateEnum
CREATE TYPE "JournalNoteKind" AS ENUM ('SUPPORT_PLAN', 'JOB_START', 'JOB_END', 'TRANSFER', 'DISCHARGE', 'OTHER');

-- CreateEnum
CREATE TYPE "DeadlineRule" AS ENUM ('FIRST_EMPLOYER_CONTACT', 'EMPLOYER_MEETING_BEFORE_START', 'FIRST_FOLLOW_UP_AFTER_START', 'CONTACT_AFTER_JOB_END', 'MEET_AFTER_TRANSFER', 'CONSENT_EXPIRY', 'PORTFOLIO_REVIEW', 'FIELD_MENTORING', 'ACTION_POINT', 'MANUAL');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AbsenceType" AS ENUM ('SICK_LEAVE', 'VACATION', 'PARENTAL_LEAVE', 'LEAVE_OF_ABSENCE', 'COURSE', 'OTHER');

-- CreateEnum
CREATE TYPE "TransferReason" AS ENUM ('SPECIALIST_ABSENCE', 'SPECIALIST_LEAVING', 'NO_PROGRESS', 'JOB_SEEKER_WISH');

-- CreateEnum
CREATE TYPE "AgendaItemKind" AS ENUM ('FOLLOW_UP_FROM_LAST_SUPERVISION', 'NEW_IN_WORK', 'JOB_SEEKER_STATUS', 'EMPLOYER_CONTACTS_LAST_WEEK', 'CASES_AND_ACTION_POINTS', 'OTHER');

-- CreateEnum
CREATE TYPE "ActionPointStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "FieldMentoringSetting" AS ENUM ('JOB_SEEKER_MEETING', 'EMPLOYER_MEETING');

-- CreateEnum
CREATE TYPE "Measure" AS ENUM ('EMPLOYMENT_RATE', 'JOB_STARTS_PER_SPECIALIST_PER_YEAR', 'CASELOAD_PER_SPECIALIST', 'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK', 'COMMUNITY_TIME_SHARE', 'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('DRAFT', 'FINAL');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('LONG_ABSENCE', 'DEADLINE_DIGEST', 'TRANSFER', 'ACTION_POINT', 'CONSENT_EXPIRING');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT');

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "serviceLevel" "ServiceLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "organizationNumber" CHAR(9) NOT NULL,
    "municipalityNumber" CHAR(4),
    "allowSyntheticIdentityNumbers" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_provider" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "IdentityProviderKind" NOT NULL,
    "issuer" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "jwksUri" TEXT,
    "clientId" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "identity_provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_identity" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_operator" (
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_operator_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "fte" DECIMAL(3,2) NOT NULL DEFAULT 1.00,
    "validFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "specialist_team" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "methodSupervisorId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "specialist_team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_member" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "TeamMemberRole" NOT NULL DEFAULT 'JOB_SPECIALIST',
    "employerOrganizationId" UUID NOT NULL,
    "joinedOn" DATE NOT NULL,
    "leftOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_team" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "health_team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_team_attachment" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "healthTeamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "fromDate" DATE NOT NULL,
    "untilDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_team_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_seeker" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "identityNumber" CHAR(11) NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "streetAddress" TEXT,
    "postalCode" CHAR(4),
    "city" TEXT,
    "protectedAddress" "ProtectedAddress" NOT NULL DEFAULT 'NONE',
    "referralDate" DATE NOT NULL,
    "referredBy" TEXT,
    "intakeDate" DATE,
    "phase" "JobSeekerPhase" NOT NULL DEFAULT 'REFERRED',
    "phaseChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "healthTeamId" UUID,
    "teamId" UUID,
    "currentSpecialistId" UUID,
    "outOfWorkAtReferral" BOOLEAN NOT NULL DEFAULT true,
    "dischargedAt" DATE,
    "dischargeReason" "DischargeReason",
    "dischargeNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_seeker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_seeker_phase_change" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "fromPhase" "JobSeekerPhase",
    "toPhase" "JobSeekerPhase" NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" UUID,
    "note" TEXT,

    CONSTRAINT "job_seeker_phase_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "specialistId" UUID NOT NULL,
    "reason" "AssignmentReason" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "transferId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "scope" "ConsentScope" NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validUntil" TIMESTAMPTZ(3),
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "documentReference" TEXT,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnById" UUID,
    "withdrawalNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent_event" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "consentId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "kind" "ConsentEventKind" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "actorId" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nav_sharing_grant" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "consentId" UUID NOT NULL,
    "navOfficeId" UUID NOT NULL,
    "counsellorId" UUID,
    "scopes" "NavShareScope"[],
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validUntil" TIMESTAMPTZ(3),
    "grantedById" UUID NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "nav_sharing_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "career_profile" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "currentRevision" INTEGER NOT NULL DEFAULT 0,
    "needsUpdate" BOOLEAN NOT NULL DEFAULT false,
    "needsUpdateReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "career_profile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "career_profile_revision" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "careerProfileId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "interests" TEXT NOT NULL,
    "preferences" TEXT NOT NULL,
    "strengths" TEXT NOT NULL,
    "workExperience" JSONB NOT NULL DEFAULT '[]',
    "education" JSONB NOT NULL DEFAULT '[]',
    "disclosurePreference" "DisclosurePreference" NOT NULL DEFAULT 'UNDECIDED',
    "disclosureWishes" TEXT,
    "benefitsSituation" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "career_profile_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "employer" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "organizationNumber" CHAR(9),
    "name" TEXT NOT NULL,
    "industryCode" TEXT,
    "industry" TEXT,
    "streetAddress" TEXT,
    "postalCode" CHAR(4),
    "city" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "employer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "employer_contact" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "employerId" UUID NOT NULL,
    "specialistId" UUID NOT NULL,
    "jobSeekerId" UUID,
    "contactedAt" TIMESTAMPTZ(3) NOT NULL,
    "faceToFace" BOOLEAN NOT NULL,
    "purpose" "EmployerContactPurpose" NOT NULL,
    "contactPerson" TEXT,
    "durationMinutes" INTEGER,
    "outcome" "EmployerContactOutcome",
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "employer_contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_application" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "employerId" UUID,
    "position" TEXT NOT NULL,
    "source" "ApplicationSource" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'PLANNED',
    "appliedOn" DATE,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "employment" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "employerId" UUID,
    "kind" "EmploymentKind" NOT NULL,
    "jobTitle" TEXT NOT NULL,
    "jobType" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "hoursPerWeek" DECIMAL(4,1) NOT NULL,
    "hourlyWage" DECIMAL(8,2),
    "openLabourMarket" BOOLEAN NOT NULL,
    "atLeastMinimumWage" BOOLEAN NOT NULL,
    "openToAnyone" BOOLEAN NOT NULL,
    "employerMeetingWanted" BOOLEAN NOT NULL DEFAULT false,
    "endedBy" "EndedBy",
    "endReason" TEXT,
    "endLearnedOn" DATE,
    "endRecordedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "employment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "study" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "institution" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "completed" BOOLEAN,
    "endReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_plan" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "kind" "SupportPlanKind" NOT NULL,
    "employmentId" UUID,
    "studyId" UUID,
    "status" "SupportPlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "currentRevision" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "support_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_plan_revision" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "supportPlanId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "employerRoutines" TEXT,
    "absenceArrangements" TEXT,
    "specialArrangements" TEXT,
    "employerMayCallSpecialist" BOOLEAN NOT NULL DEFAULT false,
    "agreedWithEmployer" BOOLEAN NOT NULL DEFAULT false,
    "taperingPlan" TEXT,
    "changeNote" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_plan_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_plan_agreement" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "supportPerson" "SupportPerson" NOT NULL,
    "personName" TEXT,
    "responsibility" TEXT NOT NULL,

    CONSTRAINT "support_plan_agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_plan_meeting" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "plannedOn" DATE NOT NULL,
    "faceToFace" BOOLEAN NOT NULL DEFAULT true,
    "topic" TEXT,

    CONSTRAINT "support_plan_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_plan_export" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "consentId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'PENDING',
    "outboxMessageId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "support_plan_export_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_meeting" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "specialistId" UUID NOT NULL,
    "employmentId" UUID,
    "purpose" "MeetingPurpose" NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'HELD',
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "participants" "MeetingParticipant"[],
    "faceToFace" BOOLEAN NOT NULL,
    "location" "MeetingLocation" NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "summary" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_note" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "kind" "JournalNoteKind" NOT NULL,
    "sourceId" UUID,
    "text" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedInJournalAt" TIMESTAMPTZ(3),

    CONSTRAINT "journal_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "rule" "DeadlineRule" NOT NULL,
    "jobSeekerId" UUID,
    "assigneeId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "warnFrom" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "sourceType" TEXT,
    "sourceId" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "closedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline_rule_setting" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "rule" "DeadlineRule" NOT NULL,
    "dueDays" INTEGER NOT NULL,
    "warnDaysBefore" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deadline_rule_setting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "absence" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "specialistId" UUID NOT NULL,
    "type" "AbsenceType" NOT NULL,
    "planned" BOOLEAN NOT NULL,
    "startDate" DATE NOT NULL,
    "expectedEndDate" DATE,
    "actualEndDate" DATE,
    "registeredById" UUID NOT NULL,
    "supervisorNotifiedAt" TIMESTAMPTZ(3),
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transfer" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "fromSpecialistId" UUID NOT NULL,
    "toSpecialistId" UUID NOT NULL,
    "reason" "TransferReason" NOT NULL,
    "temporary" BOOLEAN NOT NULL DEFAULT false,
    "crossService" BOOLEAN NOT NULL DEFAULT false,
    "consentId" UUID,
    "teamMeetingId" UUID,
    "decidedById" UUID NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_meeting" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "minutes" TEXT,
    "distributedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_meeting_agenda_item" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "kind" "AgendaItemKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT,
    "jobSeekerId" UUID,

    CONSTRAINT "team_meeting_agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_meeting_attendee" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "present" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "team_meeting_attendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_point" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "meetingId" UUID,
    "ownerId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "ActionPointStatus" NOT NULL DEFAULT 'OPEN',
    "taskId" UUID,
    "completedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "action_point_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "field_mentoring" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "observedSpecialistId" UUID NOT NULL,
    "observerId" UUID NOT NULL,
    "occurredOn" DATE NOT NULL,
    "setting" "FieldMentoringSetting" NOT NULL,
    "observations" TEXT,
    "feedback" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "field_mentoring_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portfolio_review" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "specialistId" UUID NOT NULL,
    "meetingId" UUID,
    "reviewedOn" DATE NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portfolio_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portfolio_review_item" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "stalled" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "portfolio_review_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "measure" "Measure" NOT NULL,
    "value" DECIMAL(10,3) NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "setById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fidelity_review" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "reviewedOn" DATE NOT NULL,
    "reviewers" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'DRAFT',
    "totalScore" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fidelity_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fidelity_item_score" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "item" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "evidence" TEXT,
    "computedScore" INTEGER,
    "computedEvidence" JSONB,

    CONSTRAINT "fidelity_item_score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fidelity_action_item" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "item" INTEGER,
    "action" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "ActionPointStatus" NOT NULL DEFAULT 'OPEN',
    "followUpNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fidelity_action_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "linkType" TEXT,
    "linkId" UUID,
    "readAt" TIMESTAMPTZ(3),
    "emailedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorRole" "Role",
    "actorOrganizationId" UUID,
    "jobSeekerId" UUID,
    "action" "AuditAction" NOT NULL,
    "area" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" UUID,
    "reason" TEXT,
    "requestId" TEXT,
    "details" JSONB,
    "previousHash" CHAR(64),
    "hash" CHAR(64),
    "sealedAt" TIMESTAMPTZ(6),

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_organizationNumber_key" ON "organization"("organizationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "identity_provider_organizationId_issuer_key" ON "identity_provider"("organizationId", "issuer");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "user_identity_userId_idx" ON "user_identity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "user_identity_issuer_subject_key" ON "user_identity"("issuer", "subject");

-- CreateIndex
CREATE INDEX "membership_organizationId_role_idx" ON "membership"("organizationId", "role");

-- CreateIndex
CREATE INDEX "membership_userId_idx" ON "membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "membership_organizationId_userId_role_key" ON "membership"("organizationId", "userId", "role");

-- CreateIndex
CREATE INDEX "specialist_team_organizationId_methodSupervisorId_idx" ON "specialist_team"("organizationId", "methodSupervisorId");

-- CreateIndex
CREATE UNIQUE INDEX "specialist_team_organizationId_id_key" ON "specialist_team"("organizationId", "id");

-- CreateIndex
CREATE INDEX "team_member_organizationId_teamId_leftOn_idx" ON "team_member"("organizationId", "teamId", "leftOn");

-- CreateIndex
CREATE INDEX "team_member_organizationId_userId_idx" ON "team_member"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "health_team_organizationId_id_key" ON "health_team"("organizationId", "id");

-- CreateIndex
CREATE INDEX "health_team_attachment_organizationId_healthTeamId_idx" ON "health_team_attachment"("organizationId", "healthTeamId");

-- CreateIndex
CREATE INDEX "health_team_attachment_organizationId_userId_idx" ON "health_team_attachment"("organizationId", "userId");

-- CreateIndex
CREATE INDEX "job_seeker_organizationId_currentSpecialistId_phase_idx" ON "job_seeker"("organizationId", "currentSpecialistId", "phase");

-- CreateIndex
CREATE INDEX "job_seeker_organizationId_currentSpecialistId_referralDate__idx" ON "job_seeker"("organizationId", "currentSpecialistId", "referralDate" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "job_seeker_organizationId_teamId_phase_idx" ON "job_seeker"("organizationId", "teamId", "phase");

-- CreateIndex
CREATE INDEX "job_seeker_organizationId_phase_idx" ON "job_seeker"("organizationId", "phase");

-- CreateIndex
CREATE INDEX "job_seeker_organizationId_healthTeamId_idx" ON "job_seeker"("organizationId", "healthTeamId");

-- CreateIndex
CREATE UNIQUE INDEX "job_seeker_organizationId_id_key" ON "job_seeker"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "job_seeker_organizationId_identityNumber_key" ON "job_seeker"("organizationId", "identityNumber");

-- CreateIndex
CREATE INDEX "job_seeker_phase_change_organizationId_jobSeekerId_changedA_idx" ON "job_seeker_phase_change"("organizationId", "jobSeekerId", "changedAt");

-- CreateIndex
CREATE INDEX "assignment_organizationId_jobSeekerId_startedAt_idx" ON "assignment"("organizationId", "jobSeekerId", "startedAt");

-- CreateIndex
CREATE INDEX "assignment_organizationId_specialistId_endedAt_idx" ON "assignment"("organizationId", "specialistId", "endedAt");

-- CreateIndex
CREATE INDEX "consent_organizationId_jobSeekerId_scope_idx" ON "consent"("organizationId", "jobSeekerId", "scope");

-- CreateIndex
CREATE INDEX "consent_organizationId_validUntil_idx" ON "consent"("organizationId", "validUntil");

-- CreateIndex
CREATE UNIQUE INDEX "consent_organizationId_id_key" ON "consent"("organizationId", "id");

-- CreateIndex
CREATE INDEX "consent_event_organizationId_consentId_occurredAt_idx" ON "consent_event"("organizationId", "consentId", "occurredAt");

-- CreateIndex
CREATE INDEX "consent_event_organizationId_jobSeekerId_occurredAt_idx" ON "consent_event"("organizationId", "jobSeekerId", "occurredAt");

-- CreateIndex
CREATE INDEX "nav_sharing_grant_organizationId_jobSeekerId_idx" ON "nav_sharing_grant"("organizationId", "jobSeekerId");

-- CreateIndex
CREATE INDEX "nav_sharing_grant_navOfficeId_counsellorId_idx" ON "nav_sharing_grant"("navOfficeId", "counsellorId");

-- CreateIndex
CREATE UNIQUE INDEX "career_profile_organizationId_id_key" ON "career_profile"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "career_profile_organizationId_jobSeekerId_key" ON "career_profile"("organizationId", "jobSeekerId");

-- CreateIndex
CREATE UNIQUE INDEX "career_profile_revision_organizationId_careerProfileId_revi_key" ON "career_profile_revision"("organizationId", "careerProfileId", "revision");

-- CreateIndex
CREATE INDEX "employer_organizationId_name_idx" ON "employer"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "employer_organizationId_id_key" ON "employer"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "employer_organizationId_organizationNumber_key" ON "employer"("organizationId", "organizationNumber");

-- CreateIndex
CREATE INDEX "employer_contact_organizationId_specialistId_contactedAt_idx" ON "employer_contact"("organizationId", "specialistId", "contactedAt");

-- CreateIndex
CREATE INDEX "employer_contact_organizationId_jobSeekerId_contactedAt_idx" ON "employer_contact"("organizationId", "jobSeekerId", "contactedAt");

-- CreateIndex
CREATE INDEX "employer_contact_organizationId_employerId_contactedAt_idx" ON "employer_contact"("organizationId", "employerId", "contactedAt");

-- CreateIndex
CREATE INDEX "job_application_organizationId_jobSeekerId_createdAt_idx" ON "job_application"("organizationId", "jobSeekerId", "createdAt");

-- CreateIndex
CREATE INDEX "employment_organizationId_jobSeekerId_startDate_idx" ON "employment"("organizationId", "jobSeekerId", "startDate");

-- CreateIndex
CREATE INDEX "employment_organizationId_startDate_idx" ON "employment"("organizationId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "employment_organizationId_id_key" ON "employment"("organizationId", "id");

-- CreateIndex
CREATE INDEX "study_organizationId_jobSeekerId_startDate_idx" ON "study"("organizationId", "jobSeekerId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "study_organizationId_id_key" ON "study"("organizationId", "id");

-- CreateIndex
CREATE INDEX "support_plan_organizationId_jobSeekerId_status_idx" ON "support_plan"("organizationId", "jobSeekerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "support_plan_organizationId_id_key" ON "support_plan"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "support_plan_revision_organizationId_id_key" ON "support_plan_revision"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "support_plan_revision_organizationId_supportPlanId_revision_key" ON "support_plan_revision"("organizationId", "supportPlanId", "revision");

-- CreateIndex
CREATE INDEX "support_plan_agreement_organizationId_revisionId_idx" ON "support_plan_agreement"("organizationId", "revisionId");

-- CreateIndex
CREATE INDEX "support_plan_meeting_organizationId_revisionId_plannedOn_idx" ON "support_plan_meeting"("organizationId", "revisionId", "plannedOn");

-- CreateIndex
CREATE INDEX "support_plan_export_organizationId_revisionId_idx" ON "support_plan_export"("organizationId", "revisionId");

-- CreateIndex
CREATE INDEX "follow_up_meeting_organizationId_jobSeekerId_scheduledAt_id_idx" ON "follow_up_meeting"("organizationId", "jobSeekerId", "scheduledAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "follow_up_meeting_organizationId_specialistId_scheduledAt_idx" ON "follow_up_meeting"("organizationId", "specialistId", "scheduledAt");

-- CreateIndex
CREATE INDEX "journal_note_organizationId_jobSeekerId_createdAt_idx" ON "journal_note"("organizationId", "jobSeekerId", "createdAt");

-- CreateIndex
CREATE INDEX "task_organizationId_assigneeId_status_dueOn_idx" ON "task"("organizationId", "assigneeId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "task_organizationId_jobSeekerId_status_idx" ON "task"("organizationId", "jobSeekerId", "status");

-- CreateIndex
CREATE INDEX "task_organizationId_status_dueOn_idx" ON "task"("organizationId", "status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "task_organizationId_id_key" ON "task"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "deadline_rule_setting_organizationId_rule_key" ON "deadline_rule_setting"("organizationId", "rule");

-- CreateIndex
CREATE INDEX "absence_organizationId_specialistId_startDate_idx" ON "absence"("organizationId", "specialistId", "startDate");

-- CreateIndex
CREATE INDEX "transfer_organizationId_jobSeekerId_effectiveAt_idx" ON "transfer"("organizationId", "jobSeekerId", "effectiveAt");

-- CreateIndex
CREATE INDEX "transfer_organizationId_toSpecialistId_effectiveAt_idx" ON "transfer"("organizationId", "toSpecialistId", "effectiveAt");

-- CreateIndex
CREATE UNIQUE INDEX "transfer_organizationId_id_key" ON "transfer"("organizationId", "id");

-- CreateIndex
CREATE INDEX "team_meeting_organizationId_teamId_scheduledAt_idx" ON "team_meeting"("organizationId", "teamId", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "team_meeting_organizationId_id_key" ON "team_meeting"("organizationId", "id");

-- CreateIndex
CREATE INDEX "team_meeting_agenda_item_organizationId_meetingId_position_idx" ON "team_meeting_agenda_item"("organizationId", "meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "team_meeting_attendee_organizationId_meetingId_userId_key" ON "team_meeting_attendee"("organizationId", "meetingId", "userId");

-- CreateIndex
CREATE INDEX "action_point_organizationId_teamId_status_dueOn_idx" ON "action_point"("organizationId", "teamId", "status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "action_point_organizationId_taskId_key" ON "action_point"("organizationId", "taskId");

-- CreateIndex
CREATE INDEX "field_mentoring_organizationId_teamId_occurredOn_idx" ON "field_mentoring"("organizationId", "teamId", "occurredOn");

-- CreateIndex
CREATE INDEX "field_mentoring_organizationId_observedSpecialistId_occurre_idx" ON "field_mentoring"("organizationId", "observedSpecialistId", "occurredOn");

-- CreateIndex
CREATE INDEX "portfolio_review_organizationId_specialistId_reviewedOn_idx" ON "portfolio_review"("organizationId", "specialistId", "reviewedOn");

-- CreateIndex
CREATE UNIQUE INDEX "portfolio_review_organizationId_id_key" ON "portfolio_review"("organizationId", "id");

-- CreateIndex
CREATE INDEX "portfolio_review_item_organizationId_reviewId_idx" ON "portfolio_review_item"("organizationId", "reviewId");

-- CreateIndex
CREATE INDEX "target_organizationId_teamId_measure_validFrom_idx" ON "target"("organizationId", "teamId", "measure", "validFrom");

-- CreateIndex
CREATE INDEX "fidelity_review_organizationId_teamId_reviewedOn_idx" ON "fidelity_review"("organizationId", "teamId", "reviewedOn");

-- CreateIndex
CREATE UNIQUE INDEX "fidelity_review_organizationId_id_key" ON "fidelity_review"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "fidelity_item_score_organizationId_reviewId_item_key" ON "fidelity_item_score"("organizationId", "reviewId", "item");

-- CreateIndex
CREATE INDEX "fidelity_action_item_organizationId_reviewId_idx" ON "fidelity_action_item"("organizationId", "reviewId");

-- CreateIndex
CREATE INDEX "notification_organizationId_recipientId_readAt_createdAt_idx" ON "notification"("organizationId", "recipientId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "outbox_message_organizationId_status_availableAt_idx" ON "outbox_message"("organizationId", "status", "availableAt");

-- CreateIndex
CREATE INDEX "audit_log_organizationId_sealedAt_sequence_idx" ON "audit_log"("organizationId", "sealedAt", "sequence");

-- CreateIndex
CREATE INDEX "audit_log_organizationId_jobSeekerId_occurredAt_idx" ON "audit_log"("organizationId", "jobSeekerId", "occurredAt");

-- CreateIndex
CREATE INDEX "audit_log_organizationId_actorUserId_occurredAt_idx" ON "audit_log"("organizationId", "actorUserId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "audit_log_organizationId_sequence_key" ON "audit_log"("organizationId", "sequence");

-- AddForeignKey
ALTER TABLE "identity_provider" ADD CONSTRAINT "identity_provider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_identity" ADD CONSTRAINT "user_identity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "platform_operator" ADD CONSTRAINT "platform_operator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_team" ADD CONSTRAINT "specialist_team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_team" ADD CONSTRAINT "specialist_team_methodSupervisorId_fkey" FOREIGN KEY ("methodSupervisorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "specialist_team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_employerOrganizationId_fkey" FOREIGN KEY ("employerOrganizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_team" ADD CONSTRAINT "health_team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_team_attachment" ADD CONSTRAINT "health_team_attachment_organizationId_healthTeamId_fkey" FOREIGN KEY ("organizationId", "healthTeamId") REFERENCES "health_team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_team_attachment" ADD CONSTRAINT "health_team_attachment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_seeker" ADD CONSTRAINT "job_seeker_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_seeker" ADD CONSTRAINT "job_seeker_organizationId_healthTeamId_fkey" FOREIGN KEY ("organizationId", "healthTeamId") REFERENCES "health_team"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_seeker" ADD CONSTRAINT "job_seeker_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "specialist_team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_seeker" ADD CONSTRAINT "job_seeker_currentSpecialistId_fkey" FOREIGN KEY ("currentSpecialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_seeker_phase_change" ADD CONSTRAINT "job_seeker_phase_change_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_seeker_phase_change" ADD CONSTRAINT "job_seeker_phase_change_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_organizationId_transferId_fkey" FOREIGN KEY ("organizationId", "transferId") REFERENCES "transfer"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_event" ADD CONSTRAINT "consent_event_organizationId_consentId_fkey" FOREIGN KEY ("organizationId", "consentId") REFERENCES "consent"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_event" ADD CONSTRAINT "consent_event_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_event" ADD CONSTRAINT "consent_event_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nav_sharing_grant" ADD CONSTRAINT "nav_sharing_grant_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nav_sharing_grant" ADD CONSTRAINT "nav_sharing_grant_organizationId_consentId_fkey" FOREIGN KEY ("organizationId", "consentId") REFERENCES "consent"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nav_sharing_grant" ADD CONSTRAINT "nav_sharing_grant_navOfficeId_fkey" FOREIGN KEY ("navOfficeId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nav_sharing_grant" ADD CONSTRAINT "nav_sharing_grant_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nav_sharing_grant" ADD CONSTRAINT "nav_sharing_grant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "career_profile" ADD CONSTRAINT "career_profile_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "career_profile_revision" ADD CONSTRAINT "career_profile_revision_organizationId_careerProfileId_fkey" FOREIGN KEY ("organizationId", "careerProfileId") REFERENCES "career_profile"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "career_profile_revision" ADD CONSTRAINT "career_profile_revision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employer" ADD CONSTRAINT "employer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employer_contact" ADD CONSTRAINT "employer_contact_organizationId_employerId_fkey" FOREIGN KEY ("organizationId", "employerId") REFERENCES "employer"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employer_contact" ADD CONSTRAINT "employer_contact_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employer_contact" ADD CONSTRAINT "employer_contact_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_organizationId_employerId_fkey" FOREIGN KEY ("organizationId", "employerId") REFERENCES "employer"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment" ADD CONSTRAINT "employment_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment" ADD CONSTRAINT "employment_organizationId_employerId_fkey" FOREIGN KEY ("organizationId", "employerId") REFERENCES "employer"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment" ADD CONSTRAINT "employment_endRecordedById_fkey" FOREIGN KEY ("endRecordedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study" ADD CONSTRAINT "study_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_organizationId_employmentId_fkey" FOREIGN KEY ("organizationId", "employmentId") REFERENCES "employment"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_organizationId_studyId_fkey" FOREIGN KEY ("organizationId", "studyId") REFERENCES "study"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan_revision" ADD CONSTRAINT "support_plan_revision_organizationId_supportPlanId_fkey" FOREIGN KEY ("organizationId", "supportPlanId") REFERENCES "support_plan"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan_revision" ADD CONSTRAINT "support_plan_revision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan_agreement" ADD CONSTRAINT "support_plan_agreement_organizationId_revisionId_fkey" FOREIGN KEY ("organizationId", "revisionId") REFERENCES "support_plan_revision"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan_meeting" ADD CONSTRAINT "support_plan_meeting_organizationId_revisionId_fkey" FOREIGN KEY ("organizationId", "revisionId") REFERENCES "support_plan_revision"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan_export" ADD CONSTRAINT "support_plan_export_organizationId_revisionId_fkey" FOREIGN KEY ("organizationId", "revisionId") REFERENCES "support_plan_revision"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan_export" ADD CONSTRAINT "support_plan_export_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_meeting" ADD CONSTRAINT "follow_up_meeting_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_meeting" ADD CONSTRAINT "follow_up_meeting_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_meeting" ADD CONSTRAINT "follow_up_meeting_organizationId_employmentId_fkey" FOREIGN KEY ("organizationId", "employmentId") REFERENCES "employment"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journal_note" ADD CONSTRAINT "journal_note_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journal_note" ADD CONSTRAINT "journal_note_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline_rule_setting" ADD CONSTRAINT "deadline_rule_setting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "absence" ADD CONSTRAINT "absence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "absence" ADD CONSTRAINT "absence_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "absence" ADD CONSTRAINT "absence_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_fromSpecialistId_fkey" FOREIGN KEY ("fromSpecialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_toSpecialistId_fkey" FOREIGN KEY ("toSpecialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_organizationId_consentId_fkey" FOREIGN KEY ("organizationId", "consentId") REFERENCES "consent"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_teamMeetingId_fkey" FOREIGN KEY ("teamMeetingId") REFERENCES "team_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "specialist_team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_meeting_agenda_item" ADD CONSTRAINT "team_meeting_agenda_item_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES "team_meeting"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_meeting_agenda_item" ADD CONSTRAINT "team_meeting_agenda_item_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "job_seeker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_meeting_attendee" ADD CONSTRAINT "team_meeting_attendee_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES "team_meeting"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_meeting_attendee" ADD CONSTRAINT "team_meeting_attendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_point" ADD CONSTRAINT "action_point_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "specialist_team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_point" ADD CONSTRAINT "action_point_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES "team_meeting"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_point" ADD CONSTRAINT "action_point_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_point" ADD CONSTRAINT "action_point_organizationId_taskId_fkey" FOREIGN KEY ("organizationId", "taskId") REFERENCES "task"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "field_mentoring" ADD CONSTRAINT "field_mentoring_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "specialist_team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "field_mentoring" ADD CONSTRAINT "field_mentoring_observedSpecialistId_fkey" FOREIGN KEY ("observedSpecialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "field_mentoring" ADD CONSTRAINT "field_mentoring_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_review" ADD CONSTRAINT "portfolio_review_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "specialist_team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_review" ADD CONSTRAINT "portfolio_review_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_review" ADD CONSTRAINT "portfolio_review_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES "team_meeting"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_review_item" ADD CONSTRAINT "portfolio_review_item_organizationId_reviewId_fkey" FOREIGN KEY ("organizationId", "reviewId") REFERENCES "portfolio_review"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_review_item" ADD CONSTRAINT "portfolio_review_item_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "job_seeker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "specialist_team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_setById_fkey" FOREIGN KEY ("setById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fidelity_review" ADD CONSTRAINT "fidelity_review_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "specialist_team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fidelity_item_score" ADD CONSTRAINT "fidelity_item_score_organizationId_reviewId_fkey" FOREIGN KEY ("organizationId", "reviewId") REFERENCES "fidelity_review"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fidelity_action_item" ADD CONSTRAINT "fidelity_action_item_organizationId_reviewId_fkey" FOREIGN KEY ("organizationId", "reviewId") REFERENCES "fidelity_review"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fidelity_action_item" ADD CONSTRAINT "fidelity_action_item_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
