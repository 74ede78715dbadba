-- The migrated database, read from the catalog (packages/db/src/schema-sql.ts).
-- Do not edit: `pnpm --filter @ips/db run schema:sql` rewrites it; a test fails when it drifts.
-- PostgreSQL 18

CREATE TYPE public."AbsenceType" AS ENUM ('SICK_LEAVE', 'VACATION', 'PARENTAL_LEAVE', 'LEAVE_OF_ABSENCE', 'COURSE', 'OTHER');
CREATE TYPE public."ActionPointStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');
CREATE TYPE public."AgendaItemKind" AS ENUM ('FOLLOW_UP_FROM_LAST_SUPERVISION', 'NEW_IN_WORK', 'JOB_SEEKER_STATUS', 'EMPLOYER_CONTACTS_LAST_WEEK', 'CASES_AND_ACTION_POINTS', 'OTHER');
CREATE TYPE public."ApplicationSource" AS ENUM ('ADVERTISED', 'JOB_DEVELOPMENT');
CREATE TYPE public."ApplicationStatus" AS ENUM ('PLANNED', 'SENT', 'INTERVIEW', 'OFFERED', 'REJECTED', 'WITHDRAWN', 'HIRED');
CREATE TYPE public."AssignmentReason" AS ENUM ('INTAKE', 'TRANSFER', 'TEMPORARY_COVER');
CREATE TYPE public."AuditAction" AS ENUM ('READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT');
CREATE TYPE public."Benefit" AS ENUM ('WORK_ASSESSMENT_ALLOWANCE', 'DISABILITY_BENEFIT', 'SOCIAL_ASSISTANCE', 'SICKNESS_BENEFIT', 'UNEMPLOYMENT_BENEFIT', 'QUALIFICATION_BENEFIT', 'HOUSING_ALLOWANCE', 'OTHER');
CREATE TYPE public."ConsentEventKind" AS ENUM ('GIVEN', 'CHANGED', 'WITHDRAWN');
CREATE TYPE public."ConsentScope" AS ENUM ('TEAM_CASE_DISCUSSION', 'NAV_SHARING', 'EMPLOYER_CONTACT', 'SUPPORT_PLAN_TO_NAV_SYSTEM', 'CROSS_SERVICE_TRANSFER', 'HEALTH_TEAM_COLLABORATION', 'RELATIVES_NETWORK');
CREATE TYPE public."ContactKind" AS ENUM ('FACE_TO_FACE', 'PHONE', 'VIDEO');
CREATE TYPE public."DeadlineRule" AS ENUM ('FIRST_EMPLOYER_CONTACT', 'EMPLOYER_MEETING_BEFORE_START', 'FIRST_FOLLOW_UP_AFTER_START', 'CONTACT_AFTER_JOB_END', 'MEET_AFTER_TRANSFER', 'CONSENT_EXPIRY', 'PORTFOLIO_REVIEW', 'FIELD_MENTORING', 'ACTION_POINT', 'MANUAL', 'BENEFITS_FOLLOW_UP', 'NAV_DIALOGUE_ANSWER');
CREATE TYPE public."DischargeReason" AS ENUM ('STABLE_IN_WORK', 'STABLE_IN_STUDY', 'HANDED_OVER_TO_HEALTH_TEAM', 'JOB_SEEKER_WITHDREW', 'MOVED', 'NO_CONTACT', 'OTHER');
CREATE TYPE public."DisclosurePreference" AS ENUM ('FULL', 'PARTIAL', 'NONE', 'UNDECIDED');
CREATE TYPE public."EmployerContactOutcome" AS ENUM ('NO_OPENING', 'FOLLOW_UP_AGREED', 'INTERVIEW_ARRANGED', 'JOB_OFFERED', 'OTHER');
CREATE TYPE public."EmployerContactPurpose" AS ENUM ('JOB_DEVELOPMENT_FOR_JOB_SEEKER', 'RELATIONSHIP_BUILDING', 'FOLLOW_UP_IN_EMPLOYMENT');
CREATE TYPE public."EmploymentKind" AS ENUM ('ORDINARY_JOB', 'WORK_PRACTICE');
CREATE TYPE public."EndedBy" AS ENUM ('JOB_SEEKER', 'EMPLOYER', 'MUTUAL', 'FIXED_TERM_EXPIRED');
CREATE TYPE public."ExportStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'CANCELLED');
CREATE TYPE public."FieldMentoringSetting" AS ENUM ('JOB_SEEKER_MEETING', 'EMPLOYER_MEETING');
CREATE TYPE public."IdentityProviderKind" AS ENUM ('ENTRA_ID', 'HELSE_ID', 'ID_PORTEN', 'GENERIC_OIDC');
CREATE TYPE public."JobSeekerPhase" AS ENUM ('REFERRED', 'INTAKE', 'CAREER_PROFILING', 'JOB_SEARCH', 'EMPLOYED', 'STUDYING', 'TAPERING', 'DISCHARGED');
CREATE TYPE public."JournalNoteKind" AS ENUM ('SUPPORT_PLAN', 'JOB_START', 'JOB_END', 'TRANSFER', 'DISCHARGE', 'OTHER', 'BENEFITS_COUNSELLING', 'NAV_DIALOGUE');
CREATE TYPE public."Measure" AS ENUM ('EMPLOYMENT_RATE', 'JOB_STARTS_PER_SPECIALIST_PER_YEAR', 'CASELOAD_PER_SPECIALIST', 'EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK', 'COMMUNITY_TIME_SHARE', 'FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE');
CREATE TYPE public."MeetingLocation" AS ENUM ('COMMUNITY', 'OFFICE', 'REMOTE');
CREATE TYPE public."MeetingParticipant" AS ENUM ('JOB_SEEKER', 'EMPLOYER', 'HEALTH_TEAM', 'NAV_COUNSELLOR', 'RELATIVES', 'OTHER');
CREATE TYPE public."MeetingPurpose" AS ENUM ('INTAKE', 'CAREER_PROFILING', 'JOB_SEARCH', 'BENEFITS_COUNSELLING', 'EMPLOYER_MEETING_BEFORE_START', 'FOLLOW_ALONG', 'JOB_END_FOLLOW_UP', 'OTHER');
CREATE TYPE public."MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED', 'NO_SHOW');
CREATE TYPE public."NavDialogueSide" AS ENUM ('SPECIALIST', 'NAV');
CREATE TYPE public."NavShareScope" AS ENUM ('BASIC_DETAILS', 'EMPLOYMENT_STATUS', 'SUPPORT_PLAN', 'CAREER_PROFILE', 'DIALOGUE', 'BENEFITS_COUNSELLING');
CREATE TYPE public."NotificationKind" AS ENUM ('LONG_ABSENCE', 'DEADLINE_DIGEST', 'TRANSFER', 'ACTION_POINT', 'CONSENT_EXPIRING', 'MEETING_MINUTES', 'TEAM_CONSENT_REQUEST', 'PLANNED_ABSENCE', 'NAV_DIALOGUE');
CREATE TYPE public."OrganizationKind" AS ENUM ('MUNICIPALITY', 'SPECIALIST_HEALTH_SERVICE', 'NAV_OFFICE');
CREATE TYPE public."ProtectedAddress" AS ENUM ('NONE', 'CONFIDENTIAL', 'STRICTLY_CONFIDENTIAL');
CREATE TYPE public."ReviewStatus" AS ENUM ('DRAFT', 'FINAL');
CREATE TYPE public."Role" AS ENUM ('JOB_SPECIALIST', 'METHOD_SUPERVISOR', 'HEALTH_SERVICE_LEADER', 'NAV_COUNSELLOR', 'TENANT_ADMINISTRATOR');
CREATE TYPE public."ServiceLevel" AS ENUM ('MUNICIPAL', 'SPECIALIST_HEALTH_SERVICE', 'NAV');
CREATE TYPE public."SupportPerson" AS ENUM ('JOB_SPECIALIST', 'HEALTH_TEAM', 'RELATIVES', 'NAV_COUNSELLOR', 'EMPLOYER', 'JOB_SEEKER', 'OTHER');
CREATE TYPE public."SupportPlanKind" AS ENUM ('JOB', 'STUDY');
CREATE TYPE public."SupportPlanStatus" AS ENUM ('ACTIVE', 'TAPERING', 'CLOSED');
CREATE TYPE public."TaskStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');
CREATE TYPE public."TeamMemberRole" AS ENUM ('JOB_SPECIALIST', 'METHOD_SUPERVISOR');
CREATE TYPE public."TransferReason" AS ENUM ('SPECIALIST_ABSENCE', 'SPECIALIST_LEAVING', 'NO_PROGRESS', 'JOB_SEEKER_WISH');

CREATE TABLE app."audit_archive" (
  "archivedAt" timestamp with time zone NOT NULL DEFAULT clock_timestamp(),
  "month" date NOT NULL,
  "rowCount" bigint NOT NULL,
  "tableName" text NOT NULL,
  CONSTRAINT "audit_archive_pkey" PRIMARY KEY (month)
);
CREATE UNIQUE INDEX audit_archive_pkey ON app.audit_archive USING btree (month);

CREATE TABLE app."audit_chain_head" (
  "hash" character(64) NOT NULL,
  "organization_id" uuid NOT NULL,
  "position" bigint NOT NULL,
  CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY (organization_id)
);
CREATE UNIQUE INDEX audit_chain_head_pkey ON app.audit_chain_head USING btree (organization_id);

CREATE TABLE app."audit_chain_origin" (
  "legacyHash" character(64) NOT NULL,
  "legacyRows" bigint NOT NULL,
  "organization_id" uuid NOT NULL,
  CONSTRAINT "audit_chain_origin_pkey" PRIMARY KEY (organization_id)
);
CREATE UNIQUE INDEX audit_chain_origin_pkey ON app.audit_chain_origin USING btree (organization_id);

CREATE TABLE app."audit_log_batch" (
  "batchNumber" bigint NOT NULL,
  "firstOccurredAt" timestamp(6) with time zone NOT NULL,
  "fromSequence" bigint NOT NULL,
  "hash" character(64) NOT NULL,
  "lastOccurredAt" timestamp(6) with time zone NOT NULL,
  "organizationId" uuid NOT NULL,
  "previousHash" character(64) NOT NULL,
  "rowCount" integer NOT NULL,
  "rowsHash" character(64) NOT NULL,
  "sealedAt" timestamp(6) with time zone NOT NULL DEFAULT clock_timestamp(),
  "toSequence" bigint NOT NULL,
  CONSTRAINT "audit_log_batch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON DELETE RESTRICT,
  CONSTRAINT "audit_log_batch_pkey" PRIMARY KEY ("organizationId", "batchNumber")
);
ALTER TABLE app."audit_log_batch" ENABLE ROW LEVEL SECURITY;
ALTER TABLE app."audit_log_batch" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON app."audit_log_batch" AS PERMISSIVE FOR SELECT TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX audit_log_batch_pkey ON app.audit_log_batch USING btree ("organizationId", "batchNumber");

CREATE TABLE app."audit_seal_state" (
  "pendingThrough" bigint NOT NULL,
  "pendingXmax" xid8 NOT NULL,
  "sealedThrough" bigint NOT NULL,
  "singleton" boolean NOT NULL DEFAULT true,
  CONSTRAINT "audit_seal_state_pkey" PRIMARY KEY (singleton),
  CONSTRAINT "audit_seal_state_singleton_check" CHECK (singleton)
);
CREATE UNIQUE INDEX audit_seal_state_pkey ON app.audit_seal_state USING btree (singleton);
GRANT SELECT ON app."audit_seal_state" TO ips_app;

CREATE TABLE public."_prisma_migrations" (
  "applied_steps_count" integer NOT NULL DEFAULT 0,
  "checksum" character varying(64) NOT NULL,
  "finished_at" timestamp with time zone,
  "id" character varying(36) NOT NULL,
  "logs" text,
  "migration_name" character varying(255) NOT NULL,
  "rolled_back_at" timestamp with time zone,
  "started_at" timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT "_prisma_migrations_pkey" PRIMARY KEY (id)
);
CREATE UNIQUE INDEX _prisma_migrations_pkey ON public._prisma_migrations USING btree (id);

CREATE TABLE public."absence" (
  "actualEndDate" date,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expectedEndDate" date,
  "id" uuid NOT NULL,
  "note" text,
  "organizationId" uuid NOT NULL,
  "planned" boolean NOT NULL,
  "registeredById" uuid NOT NULL,
  "specialistId" uuid NOT NULL,
  "startDate" date NOT NULL,
  "supervisorNotifiedAt" timestamp(3) with time zone,
  "supervisorRemindedAt" timestamp(3) with time zone,
  "type" "AbsenceType" NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "absence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "absence_pkey" PRIMARY KEY (id),
  CONSTRAINT "absence_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "absence_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."absence" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."absence" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."absence" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "absence_organizationId_specialistId_startDate_idx" ON public.absence USING btree ("organizationId", "specialistId", "startDate");
CREATE UNIQUE INDEX absence_pkey ON public.absence USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."absence" TO ips_app;

CREATE TABLE public."action_point" (
  "completedAt" timestamp(3) with time zone,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "description" text NOT NULL,
  "dueOn" date NOT NULL,
  "id" uuid NOT NULL,
  "meetingId" uuid,
  "organizationId" uuid NOT NULL,
  "ownerId" uuid NOT NULL,
  "status" "ActionPointStatus" NOT NULL DEFAULT 'OPEN'::"ActionPointStatus",
  "taskId" uuid,
  "teamId" uuid NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "action_point_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES team_meeting("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "action_point_organizationId_taskId_fkey" FOREIGN KEY ("organizationId", "taskId") REFERENCES task("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "action_point_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES specialist_team("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "action_point_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "action_point_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."action_point" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."action_point" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."action_point" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "action_point_organizationId_taskId_key" ON public.action_point USING btree ("organizationId", "taskId");
CREATE INDEX "action_point_organizationId_teamId_status_dueOn_idx" ON public.action_point USING btree ("organizationId", "teamId", status, "dueOn");
CREATE UNIQUE INDEX action_point_pkey ON public.action_point USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."action_point" TO ips_app;

CREATE TABLE public."app_user" (
  "active" boolean NOT NULL DEFAULT true,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "email" text NOT NULL,
  "familyName" text NOT NULL,
  "givenName" text NOT NULL,
  "id" uuid NOT NULL,
  "phone" text,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "app_user_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."app_user" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."app_user" FORCE ROW LEVEL SECURITY;
CREATE POLICY "colleagues_read" ON public."app_user" AS PERMISSIVE FOR SELECT TO public USING (((id = ( SELECT app.current_user_id() AS current_user_id)) OR (EXISTS ( SELECT 1
   FROM membership m
  WHERE ((m."userId" = app_user.id) AND (m."organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))))) OR (EXISTS ( SELECT 1
   FROM job_seeker j
  WHERE (j."currentSpecialistId" = app_user.id)))));
CREATE POLICY "self_or_colleague_updates" ON public."app_user" AS PERMISSIVE FOR UPDATE TO public USING (((id = ( SELECT app.current_user_id() AS current_user_id)) OR (EXISTS ( SELECT 1
   FROM membership m
  WHERE ((m."userId" = app_user.id) AND (m."organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])))))));
CREATE POLICY "signed_in_creates" ON public."app_user" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((( SELECT app.current_user_id() AS current_user_id) IS NOT NULL));
CREATE UNIQUE INDEX app_user_email_key ON public.app_user USING btree (email);
CREATE UNIQUE INDEX app_user_pkey ON public.app_user USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."app_user" TO ips_app;

CREATE TABLE public."assignment" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "endedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "reason" "AssignmentReason" NOT NULL,
  "specialistId" uuid NOT NULL,
  "startedAt" timestamp(3) with time zone NOT NULL,
  "transferId" uuid,
  CONSTRAINT "assignment_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "assignment_organizationId_transferId_fkey" FOREIGN KEY ("organizationId", "transferId") REFERENCES transfer("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "assignment_pkey" PRIMARY KEY (id),
  CONSTRAINT "assignment_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."assignment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."assignment" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."assignment" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."assignment" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "assignment_organizationId_jobSeekerId_startedAt_idx" ON public.assignment USING btree ("organizationId", "jobSeekerId", "startedAt");
CREATE INDEX "assignment_organizationId_specialistId_endedAt_idx" ON public.assignment USING btree ("organizationId", "specialistId", "endedAt");
CREATE UNIQUE INDEX assignment_pkey ON public.assignment USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.assignment FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."assignment" TO ips_app;

CREATE TABLE public."audit_log" -- partitioned (
  "action" "AuditAction" NOT NULL,
  "actorOrganizationId" uuid,
  "actorRole" "Role",
  "actorUserId" uuid,
  "area" text NOT NULL,
  "details" jsonb,
  "entityId" uuid,
  "entityType" text,
  "id" uuid NOT NULL DEFAULT app.uuid_v7(),
  "jobSeekerId" uuid,
  "occurredAt" timestamp(6) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "organizationId" uuid NOT NULL,
  "reason" text,
  "requestId" text,
  "sequence" bigint NOT NULL DEFAULT app.audit_sequence(),
  CONSTRAINT "audit_log_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "audit_log_pkey" PRIMARY KEY (id, "occurredAt")
);
ALTER TABLE public."audit_log" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."audit_log" FORCE ROW LEVEL SECURITY;
CREATE POLICY "audit_append" ON public."audit_log" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])) OR (("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids(NULL::"NavShareScope") AS nav_job_seeker_ids)::uuid[])) AND ("actorUserId" = ( SELECT app.current_user_id() AS current_user_id)))));
CREATE POLICY "audit_read" ON public."audit_log" AS PERMISSIVE FOR SELECT TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE POLICY "not_deleted_case" ON public."audit_log" AS RESTRICTIVE FOR SELECT TO ips_app USING ((("jobSeekerId" IS NULL) OR ("jobSeekerId" <> ALL (( SELECT app.deleted_job_seeker_ids() AS deleted_job_seeker_ids)::uuid[]))));
CREATE INDEX "audit_log_organizationId_actorUserId_occurredAt_idx" ON ONLY public.audit_log USING btree ("organizationId", "actorUserId", "occurredAt");
CREATE INDEX "audit_log_organizationId_jobSeekerId_occurredAt_idx" ON ONLY public.audit_log USING btree ("organizationId", "jobSeekerId", "occurredAt");
CREATE UNIQUE INDEX audit_log_pkey ON ONLY public.audit_log USING btree (id, "occurredAt");
CREATE INDEX audit_log_sequence_idx ON ONLY public.audit_log USING btree (sequence);
GRANT SELECT ON public."audit_log" TO ips_app;

CREATE TABLE public."benefits_counselling" (
  "benefits" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "counselledOn" date NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "followUpOn" date,
  "givenById" uuid NOT NULL,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "referralNote" text,
  "referredToNav" boolean NOT NULL DEFAULT false,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "benefits_counselling_givenById_fkey" FOREIGN KEY ("givenById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "benefits_counselling_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "benefits_counselling_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."benefits_counselling" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."benefits_counselling" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."benefits_counselling" AS PERMISSIVE FOR SELECT TO public USING (("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('BENEFITS_COUNSELLING'::"NavShareScope") AS nav_job_seeker_ids)::uuid[])));
CREATE POLICY "not_deleted" ON public."benefits_counselling" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."benefits_counselling" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "benefits_counselling_organizationId_id_key" ON public.benefits_counselling USING btree ("organizationId", id);
CREATE INDEX "benefits_counselling_organizationId_jobSeekerId_counselledO_idx" ON public.benefits_counselling USING btree ("organizationId", "jobSeekerId", "counselledOn");
CREATE UNIQUE INDEX benefits_counselling_pkey ON public.benefits_counselling USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.benefits_counselling FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."benefits_counselling" TO ips_app;

CREATE TABLE public."career_profile" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "currentRevision" integer NOT NULL DEFAULT 0,
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "needsUpdate" boolean NOT NULL DEFAULT false,
  "needsUpdateReason" text,
  "organizationId" uuid NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "career_profile_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "career_profile_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."career_profile" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."career_profile" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."career_profile" AS PERMISSIVE FOR SELECT TO public USING (("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('CAREER_PROFILE'::"NavShareScope") AS nav_job_seeker_ids)::uuid[])));
CREATE POLICY "not_deleted" ON public."career_profile" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."career_profile" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "career_profile_organizationId_id_key" ON public.career_profile USING btree ("organizationId", id);
CREATE UNIQUE INDEX "career_profile_organizationId_jobSeekerId_key" ON public.career_profile USING btree ("organizationId", "jobSeekerId");
CREATE UNIQUE INDEX career_profile_pkey ON public.career_profile USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.career_profile FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."career_profile" TO ips_app;

CREATE TABLE public."career_profile_revision" (
  "benefitsSituation" text,
  "careerProfileId" uuid NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "createdById" uuid NOT NULL,
  "deletedAt" timestamp(3) with time zone,
  "disclosurePreference" "DisclosurePreference" NOT NULL DEFAULT 'UNDECIDED'::"DisclosurePreference",
  "disclosureWishes" text,
  "education" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "id" uuid NOT NULL,
  "interests" text NOT NULL,
  "organizationId" uuid NOT NULL,
  "preferences" text NOT NULL,
  "revision" integer NOT NULL,
  "strengths" text NOT NULL,
  "workExperience" jsonb NOT NULL DEFAULT '[]'::jsonb,
  CONSTRAINT "career_profile_revision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "career_profile_revision_organizationId_careerProfileId_fkey" FOREIGN KEY ("organizationId", "careerProfileId") REFERENCES career_profile("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "career_profile_revision_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."career_profile_revision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."career_profile_revision" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."career_profile_revision" AS PERMISSIVE FOR SELECT TO public USING ((EXISTS ( SELECT 1
   FROM career_profile p
  WHERE ((p."organizationId" = career_profile_revision."organizationId") AND (p.id = career_profile_revision."careerProfileId")))));
CREATE POLICY "not_deleted" ON public."career_profile_revision" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."career_profile_revision" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "career_profile_revision_organizationId_careerProfileId_revi_key" ON public.career_profile_revision USING btree ("organizationId", "careerProfileId", revision);
CREATE UNIQUE INDEX career_profile_revision_pkey ON public.career_profile_revision USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."career_profile_revision" TO ips_app;

CREATE TABLE public."consent" (
  "deletedAt" timestamp(3) with time zone,
  "documentReference" text,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "navParts" "NavShareScope"[] DEFAULT ARRAY[]::"NavShareScope"[],
  "organizationId" uuid NOT NULL,
  "recordedAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "recordedById" uuid NOT NULL,
  "scope" "ConsentScope" NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "validFrom" timestamp(3) with time zone NOT NULL,
  "validUntil" timestamp(3) with time zone,
  "version" integer NOT NULL DEFAULT 1,
  "withdrawalNote" text,
  "withdrawnAt" timestamp(3) with time zone,
  "withdrawnById" uuid,
  CONSTRAINT "consent_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "consent_pkey" PRIMARY KEY (id),
  CONSTRAINT "consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "consent_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."consent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."consent" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_sharing_consent" ON public."consent" AS PERMISSIVE FOR SELECT TO public USING (((scope = 'NAV_SHARING'::"ConsentScope") AND ("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids(NULL::"NavShareScope") AS nav_job_seeker_ids)::uuid[]))));
CREATE POLICY "not_deleted" ON public."consent" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."consent" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "consent_organizationId_id_key" ON public.consent USING btree ("organizationId", id);
CREATE INDEX "consent_organizationId_jobSeekerId_scope_idx" ON public.consent USING btree ("organizationId", "jobSeekerId", scope);
CREATE INDEX "consent_organizationId_validUntil_idx" ON public.consent USING btree ("organizationId", "validUntil");
CREATE UNIQUE INDEX consent_pkey ON public.consent USING btree (id);
CREATE TRIGGER consent_nav_parts BEFORE INSERT OR UPDATE OF scope, "navParts" ON public.consent FOR EACH ROW EXECUTE FUNCTION app.check_consent_nav_parts();
CREATE TRIGGER nav_ids_forget AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.consent FOR EACH STATEMENT EXECUTE FUNCTION app.forget_nav_job_seeker_ids();
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.consent FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."consent" TO ips_app;

CREATE TABLE public."consent_event" (
  "actorId" uuid NOT NULL,
  "consentId" uuid NOT NULL,
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "kind" "ConsentEventKind" NOT NULL,
  "occurredAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "organizationId" uuid NOT NULL,
  "snapshot" jsonb NOT NULL,
  CONSTRAINT "consent_event_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "consent_event_organizationId_consentId_fkey" FOREIGN KEY ("organizationId", "consentId") REFERENCES consent("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "consent_event_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "consent_event_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."consent_event" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."consent_event" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."consent_event" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."consent_event" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "consent_event_organizationId_consentId_occurredAt_idx" ON public.consent_event USING btree ("organizationId", "consentId", "occurredAt");
CREATE INDEX "consent_event_organizationId_jobSeekerId_occurredAt_idx" ON public.consent_event USING btree ("organizationId", "jobSeekerId", "occurredAt");
CREATE UNIQUE INDEX consent_event_pkey ON public.consent_event USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.consent_event FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."consent_event" TO ips_app;

CREATE TABLE public."deadline_rule_setting" (
  "dueDays" integer NOT NULL,
  "enabled" boolean NOT NULL DEFAULT true,
  "id" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "rule" "DeadlineRule" NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  "warnDaysBefore" integer NOT NULL,
  CONSTRAINT "deadline_rule_setting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "deadline_rule_setting_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."deadline_rule_setting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."deadline_rule_setting" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."deadline_rule_setting" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "deadline_rule_setting_organizationId_rule_key" ON public.deadline_rule_setting USING btree ("organizationId", rule);
CREATE UNIQUE INDEX deadline_rule_setting_pkey ON public.deadline_rule_setting USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."deadline_rule_setting" TO ips_app;

CREATE TABLE public."employer" (
  "city" text,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "id" uuid NOT NULL,
  "industry" text,
  "industryCode" text,
  "name" text NOT NULL,
  "organizationId" uuid NOT NULL,
  "organizationNumber" character(9),
  "postalCode" character(4),
  "streetAddress" text,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "employer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "employer_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."employer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."employer" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."employer" AS PERMISSIVE FOR SELECT TO public USING ((EXISTS ( SELECT 1
   FROM employment e
  WHERE ((e."organizationId" = employer."organizationId") AND (e."employerId" = employer.id)))));
CREATE POLICY "tenant_isolation" ON public."employer" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "employer_organizationId_id_key" ON public.employer USING btree ("organizationId", id);
CREATE INDEX "employer_organizationId_name_idx" ON public.employer USING btree ("organizationId", name);
CREATE UNIQUE INDEX "employer_organizationId_organizationNumber_key" ON public.employer USING btree ("organizationId", "organizationNumber");
CREATE UNIQUE INDEX employer_pkey ON public.employer USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."employer" TO ips_app;

CREATE TABLE public."employer_contact" (
  "contactPerson" text,
  "contactedAt" timestamp(3) with time zone NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "durationMinutes" integer,
  "employerId" uuid NOT NULL,
  "faceToFace" boolean NOT NULL,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid,
  "notes" text,
  "organizationId" uuid NOT NULL,
  "outcome" "EmployerContactOutcome",
  "purpose" "EmployerContactPurpose" NOT NULL,
  "specialistId" uuid NOT NULL,
  CONSTRAINT "employer_contact_organizationId_employerId_fkey" FOREIGN KEY ("organizationId", "employerId") REFERENCES employer("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "employer_contact_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "employer_contact_pkey" PRIMARY KEY (id),
  CONSTRAINT "employer_contact_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."employer_contact" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."employer_contact" FORCE ROW LEVEL SECURITY;
CREATE POLICY "employer_contact_consent" ON public."employer_contact" AS RESTRICTIVE FOR INSERT TO ips_app WITH CHECK ((("jobSeekerId" IS NULL) OR app.has_active_consent("organizationId", "jobSeekerId", 'EMPLOYER_CONTACT'::"ConsentScope")));
CREATE POLICY "not_deleted" ON public."employer_contact" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."employer_contact" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "employer_contact_organizationId_employerId_contactedAt_idx" ON public.employer_contact USING btree ("organizationId", "employerId", "contactedAt");
CREATE INDEX "employer_contact_organizationId_jobSeekerId_contactedAt_idx" ON public.employer_contact USING btree ("organizationId", "jobSeekerId", "contactedAt");
CREATE INDEX "employer_contact_organizationId_specialistId_contactedAt_idx" ON public.employer_contact USING btree ("organizationId", "specialistId", "contactedAt");
CREATE UNIQUE INDEX employer_contact_pkey ON public.employer_contact USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.employer_contact FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."employer_contact" TO ips_app;

CREATE TABLE public."employment" (
  "atLeastMinimumWage" boolean NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "employerId" uuid,
  "employerMeetingWanted" boolean NOT NULL DEFAULT false,
  "endDate" date,
  "endLearnedOn" date,
  "endReason" text,
  "endRecordedById" uuid,
  "endedBy" "EndedBy",
  "hourlyWage" numeric(8,2),
  "hoursPerWeek" numeric(4,1) NOT NULL,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "jobTitle" text NOT NULL,
  "jobType" text NOT NULL,
  "kind" "EmploymentKind" NOT NULL,
  "openLabourMarket" boolean NOT NULL,
  "openToAnyone" boolean NOT NULL,
  "organizationId" uuid NOT NULL,
  "startDate" date NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "employment_endRecordedById_fkey" FOREIGN KEY ("endRecordedById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "employment_organizationId_employerId_fkey" FOREIGN KEY ("organizationId", "employerId") REFERENCES employer("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "employment_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "employment_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."employment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."employment" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."employment" AS PERMISSIVE FOR SELECT TO public USING (("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('EMPLOYMENT_STATUS'::"NavShareScope") AS nav_job_seeker_ids)::uuid[])));
CREATE POLICY "not_deleted" ON public."employment" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."employment" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "employment_organizationId_id_key" ON public.employment USING btree ("organizationId", id);
CREATE INDEX "employment_organizationId_jobSeekerId_startDate_idx" ON public.employment USING btree ("organizationId", "jobSeekerId", "startDate");
CREATE INDEX "employment_organizationId_startDate_idx" ON public.employment USING btree ("organizationId", "startDate");
CREATE UNIQUE INDEX employment_pkey ON public.employment USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.employment FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."employment" TO ips_app;

CREATE TABLE public."fidelity_action_item" (
  "action" text NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "dueOn" date NOT NULL,
  "followUpNote" text,
  "id" uuid NOT NULL,
  "item" integer,
  "organizationId" uuid NOT NULL,
  "ownerId" uuid NOT NULL,
  "reviewId" uuid NOT NULL,
  "status" "ActionPointStatus" NOT NULL DEFAULT 'OPEN'::"ActionPointStatus",
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "fidelity_action_item_organizationId_reviewId_fkey" FOREIGN KEY ("organizationId", "reviewId") REFERENCES fidelity_review("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "fidelity_action_item_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "fidelity_action_item_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."fidelity_action_item" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."fidelity_action_item" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."fidelity_action_item" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "fidelity_action_item_organizationId_reviewId_idx" ON public.fidelity_action_item USING btree ("organizationId", "reviewId");
CREATE UNIQUE INDEX fidelity_action_item_pkey ON public.fidelity_action_item USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."fidelity_action_item" TO ips_app;

CREATE TABLE public."fidelity_item_score" (
  "computedEvidence" jsonb,
  "computedScore" integer,
  "evidence" text,
  "id" uuid NOT NULL,
  "item" integer NOT NULL,
  "organizationId" uuid NOT NULL,
  "reviewId" uuid NOT NULL,
  "score" integer,
  CONSTRAINT "fidelity_item_score_organizationId_reviewId_fkey" FOREIGN KEY ("organizationId", "reviewId") REFERENCES fidelity_review("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "fidelity_item_score_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."fidelity_item_score" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."fidelity_item_score" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."fidelity_item_score" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "fidelity_item_score_organizationId_reviewId_item_key" ON public.fidelity_item_score USING btree ("organizationId", "reviewId", item);
CREATE UNIQUE INDEX fidelity_item_score_pkey ON public.fidelity_item_score USING btree (id);
CREATE TRIGGER fidelity_score_range BEFORE INSERT OR UPDATE OF item, score ON public.fidelity_item_score FOR EACH ROW EXECUTE FUNCTION app.check_fidelity_score();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."fidelity_item_score" TO ips_app;

CREATE TABLE public."fidelity_review" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "id" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "reviewedOn" date NOT NULL,
  "reviewers" text NOT NULL,
  "status" "ReviewStatus" NOT NULL DEFAULT 'DRAFT'::"ReviewStatus",
  "teamId" uuid NOT NULL,
  "totalScore" integer,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "fidelity_review_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES specialist_team("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "fidelity_review_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."fidelity_review" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."fidelity_review" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."fidelity_review" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "fidelity_review_organizationId_id_key" ON public.fidelity_review USING btree ("organizationId", id);
CREATE INDEX "fidelity_review_organizationId_teamId_reviewedOn_idx" ON public.fidelity_review USING btree ("organizationId", "teamId", "reviewedOn");
CREATE UNIQUE INDEX fidelity_review_pkey ON public.fidelity_review USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."fidelity_review" TO ips_app;

CREATE TABLE public."field_mentoring" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "feedback" text,
  "id" uuid NOT NULL,
  "observations" text,
  "observedSpecialistId" uuid NOT NULL,
  "observerId" uuid NOT NULL,
  "occurredOn" date NOT NULL,
  "organizationId" uuid NOT NULL,
  "setting" "FieldMentoringSetting" NOT NULL,
  "teamId" uuid NOT NULL,
  CONSTRAINT "field_mentoring_observedSpecialistId_fkey" FOREIGN KEY ("observedSpecialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "field_mentoring_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "field_mentoring_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES specialist_team("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "field_mentoring_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."field_mentoring" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."field_mentoring" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."field_mentoring" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "field_mentoring_organizationId_observedSpecialistId_occurre_idx" ON public.field_mentoring USING btree ("organizationId", "observedSpecialistId", "occurredOn");
CREATE INDEX "field_mentoring_organizationId_teamId_occurredOn_idx" ON public.field_mentoring USING btree ("organizationId", "teamId", "occurredOn");
CREATE UNIQUE INDEX field_mentoring_pkey ON public.field_mentoring USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."field_mentoring" TO ips_app;

CREATE TABLE public."follow_up_meeting" (
  "contactKind" "ContactKind",
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "durationMinutes" integer NOT NULL,
  "employmentId" uuid,
  "faceToFace" boolean NOT NULL,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "location" "MeetingLocation" NOT NULL,
  "organizationId" uuid NOT NULL,
  "participants" "MeetingParticipant"[],
  "purpose" "MeetingPurpose" NOT NULL,
  "scheduledAt" timestamp(3) with time zone NOT NULL,
  "specialistId" uuid NOT NULL,
  "status" "MeetingStatus" NOT NULL DEFAULT 'HELD'::"MeetingStatus",
  "summary" text,
  CONSTRAINT "follow_up_meeting_organizationId_employmentId_fkey" FOREIGN KEY ("organizationId", "employmentId") REFERENCES employment("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "follow_up_meeting_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "follow_up_meeting_pkey" PRIMARY KEY (id),
  CONSTRAINT "follow_up_meeting_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."follow_up_meeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."follow_up_meeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY "employer_meeting_consent" ON public."follow_up_meeting" AS RESTRICTIVE FOR INSERT TO ips_app WITH CHECK (((NOT (('EMPLOYER'::"MeetingParticipant" = ANY (participants)) OR (purpose = 'EMPLOYER_MEETING_BEFORE_START'::"MeetingPurpose"))) OR app.has_active_consent("organizationId", "jobSeekerId", 'EMPLOYER_CONTACT'::"ConsentScope")));
CREATE POLICY "employer_meeting_consent_update" ON public."follow_up_meeting" AS RESTRICTIVE FOR UPDATE TO ips_app USING (true) WITH CHECK (((status = 'CANCELLED'::"MeetingStatus") OR (NOT (('EMPLOYER'::"MeetingParticipant" = ANY (participants)) OR (purpose = 'EMPLOYER_MEETING_BEFORE_START'::"MeetingPurpose"))) OR app.has_active_consent("organizationId", "jobSeekerId", 'EMPLOYER_CONTACT'::"ConsentScope")));
CREATE POLICY "not_deleted" ON public."follow_up_meeting" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."follow_up_meeting" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "follow_up_meeting_organizationId_jobSeekerId_scheduledAt_id_idx" ON public.follow_up_meeting USING btree ("organizationId", "jobSeekerId", "scheduledAt" DESC, id DESC);
CREATE INDEX "follow_up_meeting_organizationId_specialistId_scheduledAt_idx" ON public.follow_up_meeting USING btree ("organizationId", "specialistId", "scheduledAt");
CREATE UNIQUE INDEX follow_up_meeting_pkey ON public.follow_up_meeting USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.follow_up_meeting FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."follow_up_meeting" TO ips_app;

CREATE TABLE public."health_team" (
  "active" boolean NOT NULL DEFAULT true,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "id" uuid NOT NULL,
  "name" text NOT NULL,
  "organizationId" uuid NOT NULL,
  "unit" text,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "health_team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "health_team_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."health_team" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."health_team" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."health_team" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "health_team_organizationId_id_key" ON public.health_team USING btree ("organizationId", id);
CREATE UNIQUE INDEX health_team_pkey ON public.health_team USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."health_team" TO ips_app;

CREATE TABLE public."health_team_attachment" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "fromDate" date NOT NULL,
  "healthTeamId" uuid NOT NULL,
  "id" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "untilDate" date,
  "userId" uuid NOT NULL,
  CONSTRAINT "health_team_attachment_organizationId_healthTeamId_fkey" FOREIGN KEY ("organizationId", "healthTeamId") REFERENCES health_team("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "health_team_attachment_pkey" PRIMARY KEY (id),
  CONSTRAINT "health_team_attachment_userId_fkey" FOREIGN KEY ("userId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."health_team_attachment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."health_team_attachment" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."health_team_attachment" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "health_team_attachment_organizationId_healthTeamId_idx" ON public.health_team_attachment USING btree ("organizationId", "healthTeamId");
CREATE INDEX "health_team_attachment_organizationId_userId_idx" ON public.health_team_attachment USING btree ("organizationId", "userId");
CREATE UNIQUE INDEX health_team_attachment_pkey ON public.health_team_attachment USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."health_team_attachment" TO ips_app;

CREATE TABLE public."idempotency_key" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "key" text NOT NULL,
  "requestHash" character(64) NOT NULL,
  "response" text,
  "status" integer,
  "userId" uuid NOT NULL,
  CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("userId", key)
);
ALTER TABLE public."idempotency_key" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."idempotency_key" FORCE ROW LEVEL SECURITY;
CREATE POLICY "own_keys" ON public."idempotency_key" AS PERMISSIVE FOR ALL TO public USING (("userId" = ( SELECT app.current_user_id() AS current_user_id))) WITH CHECK (("userId" = ( SELECT app.current_user_id() AS current_user_id)));
CREATE INDEX "idempotency_key_createdAt_idx" ON public.idempotency_key USING btree ("createdAt");
CREATE UNIQUE INDEX idempotency_key_pkey ON public.idempotency_key USING btree ("userId", key);
GRANT INSERT, SELECT, UPDATE ON public."idempotency_key" TO ips_app;

CREATE TABLE public."identity_provider" (
  "audience" text NOT NULL,
  "clientId" text,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "enabled" boolean NOT NULL DEFAULT true,
  "id" uuid NOT NULL,
  "issuer" text NOT NULL,
  "jwksUri" text,
  "kind" "IdentityProviderKind" NOT NULL,
  "organizationId" uuid NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "identity_provider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "identity_provider_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."identity_provider" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."identity_provider" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."identity_provider" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "identity_provider_organizationId_issuer_key" ON public.identity_provider USING btree ("organizationId", issuer);
CREATE UNIQUE INDEX identity_provider_pkey ON public.identity_provider USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."identity_provider" TO ips_app;

CREATE TABLE public."job_application" (
  "appliedOn" date,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "employerId" uuid,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "notes" text,
  "organizationId" uuid NOT NULL,
  "position" text NOT NULL,
  "source" "ApplicationSource" NOT NULL,
  "status" "ApplicationStatus" NOT NULL DEFAULT 'PLANNED'::"ApplicationStatus",
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "job_application_organizationId_employerId_fkey" FOREIGN KEY ("organizationId", "employerId") REFERENCES employer("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "job_application_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "job_application_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."job_application" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."job_application" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."job_application" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."job_application" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "job_application_organizationId_jobSeekerId_createdAt_idx" ON public.job_application USING btree ("organizationId", "jobSeekerId", "createdAt");
CREATE UNIQUE INDEX job_application_pkey ON public.job_application USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.job_application FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."job_application" TO ips_app;

CREATE TABLE public."job_seeker" (
  "birthDate" date NOT NULL,
  "city" text,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "currentSpecialistId" uuid,
  "deletedAt" timestamp(3) with time zone,
  "deletedById" uuid,
  "deletionReason" text,
  "dischargeNote" text,
  "dischargeReason" "DischargeReason",
  "dischargedAt" date,
  "email" text,
  "familyName" text NOT NULL,
  "givenName" text NOT NULL,
  "healthTeamId" uuid,
  "id" uuid NOT NULL,
  "identityNumber" character(11) NOT NULL,
  "intakeDate" date,
  "organizationId" uuid NOT NULL,
  "outOfWorkAtReferral" boolean NOT NULL DEFAULT true,
  "phase" "JobSeekerPhase" NOT NULL DEFAULT 'REFERRED'::"JobSeekerPhase",
  "phaseChangedAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "phone" text,
  "postalCode" character(4),
  "protectedAddress" "ProtectedAddress" NOT NULL DEFAULT 'NONE'::"ProtectedAddress",
  "referralDate" date NOT NULL,
  "referredBy" text,
  "streetAddress" text,
  "teamConsentRefusedAt" timestamp(3) with time zone,
  "teamConsentRequestedAt" timestamp(3) with time zone,
  "teamId" uuid,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "job_seeker_currentSpecialistId_fkey" FOREIGN KEY ("currentSpecialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "job_seeker_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "job_seeker_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "job_seeker_organizationId_healthTeamId_fkey" FOREIGN KEY ("organizationId", "healthTeamId") REFERENCES health_team("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "job_seeker_pkey" PRIMARY KEY (id),
  CONSTRAINT "job_seeker_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES specialist_team(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."job_seeker" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."job_seeker" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."job_seeker" AS PERMISSIVE FOR SELECT TO public USING ((id = ANY (( SELECT app.nav_job_seeker_ids(NULL::"NavShareScope") AS nav_job_seeker_ids)::uuid[])));
CREATE POLICY "not_deleted" ON public."job_seeker" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."job_seeker" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "job_seeker_organizationId_currentSpecialistId_phase_idx" ON public.job_seeker USING btree ("organizationId", "currentSpecialistId", phase);
CREATE INDEX "job_seeker_organizationId_currentSpecialistId_referralDate__idx" ON public.job_seeker USING btree ("organizationId", "currentSpecialistId", "referralDate" DESC, id DESC);
CREATE INDEX "job_seeker_organizationId_deletedAt_idx" ON public.job_seeker USING btree ("organizationId", "deletedAt");
CREATE INDEX "job_seeker_organizationId_healthTeamId_idx" ON public.job_seeker USING btree ("organizationId", "healthTeamId");
CREATE UNIQUE INDEX "job_seeker_organizationId_id_key" ON public.job_seeker USING btree ("organizationId", id);
CREATE UNIQUE INDEX "job_seeker_organizationId_identityNumber_key" ON public.job_seeker USING btree ("organizationId", "identityNumber");
CREATE INDEX "job_seeker_organizationId_phase_idx" ON public.job_seeker USING btree ("organizationId", phase);
CREATE INDEX "job_seeker_organizationId_teamId_phase_idx" ON public.job_seeker USING btree ("organizationId", "teamId", phase);
CREATE UNIQUE INDEX job_seeker_pkey ON public.job_seeker USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."job_seeker" TO ips_app;

CREATE TABLE public."job_seeker_phase_change" (
  "changedAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "changedById" uuid,
  "deletedAt" timestamp(3) with time zone,
  "fromPhase" "JobSeekerPhase",
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "note" text,
  "organizationId" uuid NOT NULL,
  "toPhase" "JobSeekerPhase" NOT NULL,
  CONSTRAINT "job_seeker_phase_change_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "job_seeker_phase_change_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "job_seeker_phase_change_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."job_seeker_phase_change" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."job_seeker_phase_change" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."job_seeker_phase_change" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."job_seeker_phase_change" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "job_seeker_phase_change_organizationId_jobSeekerId_changedA_idx" ON public.job_seeker_phase_change USING btree ("organizationId", "jobSeekerId", "changedAt");
CREATE UNIQUE INDEX job_seeker_phase_change_pkey ON public.job_seeker_phase_change USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.job_seeker_phase_change FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."job_seeker_phase_change" TO ips_app;

CREATE TABLE public."journal_note" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "createdById" uuid NOT NULL,
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "kind" "JournalNoteKind" NOT NULL,
  "organizationId" uuid NOT NULL,
  "recordedInJournalAt" timestamp(3) with time zone,
  "recordedInJournalById" uuid,
  "sourceId" uuid,
  "text" text NOT NULL,
  CONSTRAINT "journal_note_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "journal_note_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "journal_note_pkey" PRIMARY KEY (id),
  CONSTRAINT "journal_note_recordedInJournalById_fkey" FOREIGN KEY ("recordedInJournalById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."journal_note" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."journal_note" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."journal_note" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."journal_note" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "journal_note_organizationId_jobSeekerId_createdAt_idx" ON public.journal_note USING btree ("organizationId", "jobSeekerId", "createdAt");
CREATE UNIQUE INDEX journal_note_pkey ON public.journal_note USING btree (id);
CREATE TRIGGER journal_note_entered_once BEFORE UPDATE OF "recordedInJournalAt", "recordedInJournalById" ON public.journal_note FOR EACH ROW EXECUTE FUNCTION app.journal_note_entered_once();
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.journal_note FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."journal_note" TO ips_app;

CREATE TABLE public."membership" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "endedAt" timestamp(3) with time zone,
  "fte" numeric(3,2) NOT NULL DEFAULT 1.00,
  "id" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "role" "Role" NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "userId" uuid NOT NULL,
  "validFrom" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "membership_pkey" PRIMARY KEY (id),
  CONSTRAINT "membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY "own_memberships" ON public."membership" AS PERMISSIVE FOR SELECT TO public USING (("userId" = ( SELECT app.current_user_id() AS current_user_id)));
CREATE POLICY "tenant_isolation" ON public."membership" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "membership_organizationId_role_idx" ON public.membership USING btree ("organizationId", role);
CREATE UNIQUE INDEX "membership_organizationId_userId_role_key" ON public.membership USING btree ("organizationId", "userId", role);
CREATE UNIQUE INDEX membership_pkey ON public.membership USING btree (id);
CREATE INDEX "membership_userId_idx" ON public.membership USING btree ("userId");
CREATE TRIGGER nav_ids_forget AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.membership FOR EACH STATEMENT EXECUTE FUNCTION app.forget_nav_job_seeker_ids();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."membership" TO ips_app;

CREATE TABLE public."nav_dialogue_message" (
  "authorId" uuid NOT NULL,
  "body" text NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "side" "NavDialogueSide" NOT NULL,
  "threadId" uuid NOT NULL,
  CONSTRAINT "nav_dialogue_message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "nav_dialogue_message_organizationId_threadId_fkey" FOREIGN KEY ("organizationId", "threadId") REFERENCES nav_dialogue_thread("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "nav_dialogue_message_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."nav_dialogue_message" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."nav_dialogue_message" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_dialogue" ON public."nav_dialogue_message" AS PERMISSIVE FOR SELECT TO public USING ((EXISTS ( SELECT 1
   FROM nav_dialogue_thread t
  WHERE ((t."organizationId" = nav_dialogue_message."organizationId") AND (t.id = nav_dialogue_message."threadId") AND (t."navOfficeId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))))));
CREATE POLICY "nav_dialogue_writes" ON public."nav_dialogue_message" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((((side)::text = 'NAV'::text) AND ("authorId" = ( SELECT app.current_user_id() AS current_user_id)) AND (EXISTS ( SELECT 1
   FROM nav_dialogue_thread t
  WHERE ((t."organizationId" = nav_dialogue_message."organizationId") AND (t.id = nav_dialogue_message."threadId") AND (t."jobSeekerId" = nav_dialogue_message."jobSeekerId") AND (t."navOfficeId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])))))));
CREATE POLICY "never_changed" ON public."nav_dialogue_message" AS RESTRICTIVE FOR UPDATE TO ips_app USING (false);
CREATE POLICY "never_deleted" ON public."nav_dialogue_message" AS RESTRICTIVE FOR DELETE TO ips_app USING (false);
CREATE POLICY "not_deleted" ON public."nav_dialogue_message" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."nav_dialogue_message" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "nav_dialogue_message_organizationId_threadId_createdAt_idx" ON public.nav_dialogue_message USING btree ("organizationId", "threadId", "createdAt");
CREATE UNIQUE INDEX nav_dialogue_message_pkey ON public.nav_dialogue_message USING btree (id);
CREATE TRIGGER nav_dialogue_message_job_seeker BEFORE INSERT ON public.nav_dialogue_message FOR EACH ROW EXECUTE FUNCTION app.check_nav_dialogue_message();
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.nav_dialogue_message FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."nav_dialogue_message" TO ips_app;

CREATE TABLE public."nav_dialogue_thread" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "journalNoteId" uuid,
  "lastMessageAt" timestamp(3) with time zone NOT NULL,
  "navCounsellorId" uuid,
  "navOfficeId" uuid NOT NULL,
  "navReadById" uuid,
  "navReadUpTo" timestamp(3) with time zone,
  "organizationId" uuid NOT NULL,
  "specialistReadById" uuid,
  "specialistReadUpTo" timestamp(3) with time zone,
  "startedById" uuid NOT NULL,
  "startedBySide" "NavDialogueSide" NOT NULL,
  "subject" text NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "nav_dialogue_thread_navOfficeId_fkey" FOREIGN KEY ("navOfficeId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "nav_dialogue_thread_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "nav_dialogue_thread_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."nav_dialogue_thread" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."nav_dialogue_thread" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_dialogue" ON public."nav_dialogue_thread" AS PERMISSIVE FOR SELECT TO public USING ((("navOfficeId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])) AND ("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('DIALOGUE'::"NavShareScope") AS nav_job_seeker_ids)::uuid[]))));
CREATE POLICY "nav_dialogue_reads_up_to" ON public."nav_dialogue_thread" AS PERMISSIVE FOR UPDATE TO public USING ((("navOfficeId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])) AND ("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('DIALOGUE'::"NavShareScope") AS nav_job_seeker_ids)::uuid[])))) WITH CHECK ((("navOfficeId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])) AND ("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('DIALOGUE'::"NavShareScope") AS nav_job_seeker_ids)::uuid[]))));
CREATE POLICY "nav_dialogue_starts" ON public."nav_dialogue_thread" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((("navOfficeId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])) AND ("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('DIALOGUE'::"NavShareScope") AS nav_job_seeker_ids)::uuid[])) AND (("startedBySide")::text = 'NAV'::text) AND ("startedById" = ( SELECT app.current_user_id() AS current_user_id))));
CREATE POLICY "not_deleted" ON public."nav_dialogue_thread" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."nav_dialogue_thread" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "nav_dialogue_thread_organizationId_id_key" ON public.nav_dialogue_thread USING btree ("organizationId", id);
CREATE INDEX "nav_dialogue_thread_organizationId_jobSeekerId_lastMessageA_idx" ON public.nav_dialogue_thread USING btree ("organizationId", "jobSeekerId", "lastMessageAt");
CREATE UNIQUE INDEX nav_dialogue_thread_pkey ON public.nav_dialogue_thread USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.nav_dialogue_thread FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."nav_dialogue_thread" TO ips_app;

CREATE TABLE public."nav_sharing_grant" (
  "consentId" uuid NOT NULL,
  "counsellorId" uuid,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "grantedById" uuid NOT NULL,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "navOfficeId" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "revokedAt" timestamp(3) with time zone,
  "revokedById" uuid,
  "scopes" "NavShareScope"[],
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "validFrom" timestamp(3) with time zone NOT NULL,
  "validUntil" timestamp(3) with time zone,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "nav_sharing_grant_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "nav_sharing_grant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "nav_sharing_grant_navOfficeId_fkey" FOREIGN KEY ("navOfficeId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "nav_sharing_grant_organizationId_consentId_fkey" FOREIGN KEY ("organizationId", "consentId") REFERENCES consent("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "nav_sharing_grant_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "nav_sharing_grant_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."nav_sharing_grant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."nav_sharing_grant" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_office_reads_grants" ON public."nav_sharing_grant" AS PERMISSIVE FOR SELECT TO public USING ((("navOfficeId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])) AND (("counsellorId" IS NULL) OR ("counsellorId" = ( SELECT app.current_user_id() AS current_user_id)))));
CREATE POLICY "not_deleted" ON public."nav_sharing_grant" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."nav_sharing_grant" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "nav_sharing_grant_navOfficeId_counsellorId_idx" ON public.nav_sharing_grant USING btree ("navOfficeId", "counsellorId");
CREATE INDEX "nav_sharing_grant_organizationId_jobSeekerId_idx" ON public.nav_sharing_grant USING btree ("organizationId", "jobSeekerId");
CREATE UNIQUE INDEX nav_sharing_grant_pkey ON public.nav_sharing_grant USING btree (id);
CREATE TRIGGER nav_ids_forget AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.nav_sharing_grant FOR EACH STATEMENT EXECUTE FUNCTION app.forget_nav_job_seeker_ids();
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.nav_sharing_grant FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."nav_sharing_grant" TO ips_app;

CREATE TABLE public."notification" (
  "body" text NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "emailedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "kind" "NotificationKind" NOT NULL,
  "linkId" uuid,
  "linkType" text,
  "organizationId" uuid NOT NULL,
  "readAt" timestamp(3) with time zone,
  "recipientId" uuid NOT NULL,
  "title" text NOT NULL,
  CONSTRAINT "notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "notification_pkey" PRIMARY KEY (id),
  CONSTRAINT "notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE CASCADE
);
ALTER TABLE public."notification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."notification" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."notification" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."notification" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "notification_organizationId_recipientId_readAt_createdAt_idx" ON public.notification USING btree ("organizationId", "recipientId", "readAt", "createdAt");
CREATE UNIQUE INDEX notification_pkey ON public.notification USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."notification" TO ips_app;

CREATE TABLE public."organization" (
  "active" boolean NOT NULL DEFAULT true,
  "allowSyntheticIdentityNumbers" boolean NOT NULL DEFAULT false,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "id" uuid NOT NULL,
  "kind" "OrganizationKind" NOT NULL,
  "municipalityNumber" character(4),
  "name" text NOT NULL,
  "organizationNumber" character(9) NOT NULL,
  "serviceLevel" "ServiceLevel" NOT NULL,
  "settings" jsonb NOT NULL DEFAULT '{}'::jsonb,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "organization_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."organization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."organization" FORCE ROW LEVEL SECURITY;
CREATE POLICY "platform_onboards" ON public."organization" AS PERMISSIVE FOR INSERT TO public WITH CHECK (( SELECT app.is_platform_operator() AS is_platform_operator));
CREATE POLICY "signed_in_reads" ON public."organization" AS PERMISSIVE FOR SELECT TO public USING ((( SELECT app.current_user_id() AS current_user_id) IS NOT NULL));
CREATE POLICY "tenant_or_platform_updates" ON public."organization" AS PERMISSIVE FOR UPDATE TO public USING (((id = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])) OR ( SELECT app.is_platform_operator() AS is_platform_operator)));
CREATE UNIQUE INDEX "organization_organizationNumber_key" ON public.organization USING btree ("organizationNumber");
CREATE UNIQUE INDEX organization_pkey ON public.organization USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."organization" TO ips_app;

CREATE TABLE public."outbox_message" (
  "attempts" integer NOT NULL DEFAULT 0,
  "availableAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "lastError" text,
  "organizationId" uuid NOT NULL,
  "payload" jsonb NOT NULL,
  "sentAt" timestamp(3) with time zone,
  "status" "ExportStatus" NOT NULL DEFAULT 'PENDING'::"ExportStatus",
  "topic" text NOT NULL,
  CONSTRAINT "outbox_message_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "outbox_message_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."outbox_message" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."outbox_message" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."outbox_message" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."outbox_message" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "outbox_message_organizationId_status_availableAt_idx" ON public.outbox_message USING btree ("organizationId", status, "availableAt");
CREATE UNIQUE INDEX outbox_message_pkey ON public.outbox_message USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."outbox_message" TO ips_app;

CREATE TABLE public."platform_operator" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "userId" uuid NOT NULL,
  CONSTRAINT "platform_operator_pkey" PRIMARY KEY ("userId"),
  CONSTRAINT "platform_operator_userId_fkey" FOREIGN KEY ("userId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE CASCADE
);
ALTER TABLE public."platform_operator" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."platform_operator" FORCE ROW LEVEL SECURITY;
CREATE POLICY "self_reads" ON public."platform_operator" AS PERMISSIVE FOR SELECT TO public USING (("userId" = ( SELECT app.current_user_id() AS current_user_id)));
CREATE UNIQUE INDEX platform_operator_pkey ON public.platform_operator USING btree ("userId");
GRANT SELECT ON public."platform_operator" TO ips_app;

CREATE TABLE public."portfolio_review" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "id" uuid NOT NULL,
  "meetingId" uuid,
  "notes" text,
  "organizationId" uuid NOT NULL,
  "reviewedOn" date NOT NULL,
  "specialistId" uuid NOT NULL,
  "teamId" uuid NOT NULL,
  CONSTRAINT "portfolio_review_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES team_meeting("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "portfolio_review_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES specialist_team("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "portfolio_review_pkey" PRIMARY KEY (id),
  CONSTRAINT "portfolio_review_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."portfolio_review" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."portfolio_review" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."portfolio_review" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "portfolio_review_organizationId_id_key" ON public.portfolio_review USING btree ("organizationId", id);
CREATE INDEX "portfolio_review_organizationId_specialistId_reviewedOn_idx" ON public.portfolio_review USING btree ("organizationId", "specialistId", "reviewedOn");
CREATE UNIQUE INDEX portfolio_review_pkey ON public.portfolio_review USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."portfolio_review" TO ips_app;

CREATE TABLE public."portfolio_review_item" (
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "note" text,
  "organizationId" uuid NOT NULL,
  "reviewId" uuid NOT NULL,
  "stalled" boolean NOT NULL,
  CONSTRAINT "portfolio_review_item_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES job_seeker(id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "portfolio_review_item_organizationId_reviewId_fkey" FOREIGN KEY ("organizationId", "reviewId") REFERENCES portfolio_review("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "portfolio_review_item_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."portfolio_review_item" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."portfolio_review_item" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."portfolio_review_item" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."portfolio_review_item" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "portfolio_review_item_organizationId_reviewId_idx" ON public.portfolio_review_item USING btree ("organizationId", "reviewId");
CREATE UNIQUE INDEX portfolio_review_item_pkey ON public.portfolio_review_item USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.portfolio_review_item FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."portfolio_review_item" TO ips_app;

CREATE TABLE public."reminder" (
  "authorId" uuid NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "doneAt" timestamp(3) with time zone,
  "dueOn" date NOT NULL,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "text" text NOT NULL,
  CONSTRAINT "reminder_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "reminder_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "reminder_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."reminder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."reminder" FORCE ROW LEVEL SECURITY;
CREATE POLICY "author_only" ON public."reminder" AS RESTRICTIVE FOR ALL TO ips_app USING (("authorId" = ( SELECT app.current_user_id() AS current_user_id))) WITH CHECK (("authorId" = ( SELECT app.current_user_id() AS current_user_id)));
CREATE POLICY "not_deleted" ON public."reminder" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."reminder" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "reminder_organizationId_authorId_doneAt_dueOn_idx" ON public.reminder USING btree ("organizationId", "authorId", "doneAt", "dueOn");
CREATE INDEX "reminder_organizationId_jobSeekerId_idx" ON public.reminder USING btree ("organizationId", "jobSeekerId");
CREATE UNIQUE INDEX reminder_pkey ON public.reminder USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.reminder FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."reminder" TO ips_app;

CREATE TABLE public."specialist_team" (
  "active" boolean NOT NULL DEFAULT true,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "id" uuid NOT NULL,
  "methodSupervisorId" uuid NOT NULL,
  "name" text NOT NULL,
  "organizationId" uuid NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "specialist_team_methodSupervisorId_fkey" FOREIGN KEY ("methodSupervisorId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "specialist_team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "specialist_team_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."specialist_team" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."specialist_team" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."specialist_team" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "specialist_team_organizationId_id_key" ON public.specialist_team USING btree ("organizationId", id);
CREATE INDEX "specialist_team_organizationId_methodSupervisorId_idx" ON public.specialist_team USING btree ("organizationId", "methodSupervisorId");
CREATE UNIQUE INDEX specialist_team_pkey ON public.specialist_team USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."specialist_team" TO ips_app;

CREATE TABLE public."study" (
  "completed" boolean,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "endDate" date,
  "endReason" text,
  "id" uuid NOT NULL,
  "institution" text NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "programme" text NOT NULL,
  "startDate" date NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "study_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "study_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."study" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."study" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."study" AS PERMISSIVE FOR SELECT TO public USING (("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('EMPLOYMENT_STATUS'::"NavShareScope") AS nav_job_seeker_ids)::uuid[])));
CREATE POLICY "not_deleted" ON public."study" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."study" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "study_organizationId_id_key" ON public.study USING btree ("organizationId", id);
CREATE INDEX "study_organizationId_jobSeekerId_startDate_idx" ON public.study USING btree ("organizationId", "jobSeekerId", "startDate");
CREATE UNIQUE INDEX study_pkey ON public.study USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.study FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."study" TO ips_app;

CREATE TABLE public."support_plan" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "currentRevision" integer NOT NULL DEFAULT 1,
  "deletedAt" timestamp(3) with time zone,
  "employmentId" uuid,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "kind" "SupportPlanKind" NOT NULL,
  "organizationId" uuid NOT NULL,
  "status" "SupportPlanStatus" NOT NULL DEFAULT 'ACTIVE'::"SupportPlanStatus",
  "studyId" uuid,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "support_plan_organizationId_employmentId_fkey" FOREIGN KEY ("organizationId", "employmentId") REFERENCES employment("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "support_plan_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "support_plan_organizationId_studyId_fkey" FOREIGN KEY ("organizationId", "studyId") REFERENCES study("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "support_plan_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."support_plan" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."support_plan" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."support_plan" AS PERMISSIVE FOR SELECT TO public USING (("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('SUPPORT_PLAN'::"NavShareScope") AS nav_job_seeker_ids)::uuid[])));
CREATE POLICY "not_deleted" ON public."support_plan" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."support_plan" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "support_plan_organizationId_id_key" ON public.support_plan USING btree ("organizationId", id);
CREATE INDEX "support_plan_organizationId_jobSeekerId_status_idx" ON public.support_plan USING btree ("organizationId", "jobSeekerId", status);
CREATE UNIQUE INDEX support_plan_pkey ON public.support_plan USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.support_plan FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."support_plan" TO ips_app;

CREATE TABLE public."support_plan_agreement" (
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "personName" text,
  "responsibility" text NOT NULL,
  "revisionId" uuid NOT NULL,
  "supportPerson" "SupportPerson" NOT NULL,
  CONSTRAINT "support_plan_agreement_organizationId_revisionId_fkey" FOREIGN KEY ("organizationId", "revisionId") REFERENCES support_plan_revision("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "support_plan_agreement_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."support_plan_agreement" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."support_plan_agreement" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."support_plan_agreement" AS PERMISSIVE FOR SELECT TO public USING ((("supportPerson" <> 'HEALTH_TEAM'::"SupportPerson") AND (EXISTS ( SELECT 1
   FROM support_plan_revision r
  WHERE ((r."organizationId" = support_plan_agreement."organizationId") AND (r.id = support_plan_agreement."revisionId"))))));
CREATE POLICY "not_deleted" ON public."support_plan_agreement" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."support_plan_agreement" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "support_plan_agreement_organizationId_revisionId_idx" ON public.support_plan_agreement USING btree ("organizationId", "revisionId");
CREATE UNIQUE INDEX support_plan_agreement_pkey ON public.support_plan_agreement USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."support_plan_agreement" TO ips_app;

CREATE TABLE public."support_plan_export" (
  "cancelledAt" timestamp(3) with time zone,
  "consentId" uuid NOT NULL,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "outboxMessageId" uuid,
  "requestedById" uuid NOT NULL,
  "retractedAt" timestamp(3) with time zone,
  "retractionOutboxMessageId" uuid,
  "revisionId" uuid NOT NULL,
  "sentAt" timestamp(3) with time zone,
  "status" "ExportStatus" NOT NULL DEFAULT 'PENDING'::"ExportStatus",
  CONSTRAINT "support_plan_export_organizationId_revisionId_fkey" FOREIGN KEY ("organizationId", "revisionId") REFERENCES support_plan_revision("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "support_plan_export_pkey" PRIMARY KEY (id),
  CONSTRAINT "support_plan_export_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."support_plan_export" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."support_plan_export" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."support_plan_export" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."support_plan_export" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "support_plan_export_organizationId_revisionId_idx" ON public.support_plan_export USING btree ("organizationId", "revisionId");
CREATE UNIQUE INDEX support_plan_export_pkey ON public.support_plan_export USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."support_plan_export" TO ips_app;

CREATE TABLE public."support_plan_meeting" (
  "deletedAt" timestamp(3) with time zone,
  "faceToFace" boolean NOT NULL DEFAULT true,
  "id" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "plannedOn" date NOT NULL,
  "revisionId" uuid NOT NULL,
  "topic" text,
  CONSTRAINT "support_plan_meeting_organizationId_revisionId_fkey" FOREIGN KEY ("organizationId", "revisionId") REFERENCES support_plan_revision("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "support_plan_meeting_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."support_plan_meeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."support_plan_meeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."support_plan_meeting" AS PERMISSIVE FOR SELECT TO public USING ((EXISTS ( SELECT 1
   FROM support_plan_revision r
  WHERE ((r."organizationId" = support_plan_meeting."organizationId") AND (r.id = support_plan_meeting."revisionId")))));
CREATE POLICY "not_deleted" ON public."support_plan_meeting" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."support_plan_meeting" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "support_plan_meeting_organizationId_revisionId_plannedOn_idx" ON public.support_plan_meeting USING btree ("organizationId", "revisionId", "plannedOn");
CREATE UNIQUE INDEX support_plan_meeting_pkey ON public.support_plan_meeting USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."support_plan_meeting" TO ips_app;

CREATE TABLE public."support_plan_revision" (
  "absenceArrangements" text,
  "agreedWithEmployer" boolean NOT NULL DEFAULT false,
  "changeNote" text,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "createdById" uuid NOT NULL,
  "deletedAt" timestamp(3) with time zone,
  "employerMayCallSpecialist" boolean NOT NULL DEFAULT false,
  "employerRoutines" text,
  "id" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "revision" integer NOT NULL,
  "specialArrangements" text,
  "supportPlanId" uuid NOT NULL,
  "taperingPlan" text,
  CONSTRAINT "support_plan_revision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "support_plan_revision_organizationId_supportPlanId_fkey" FOREIGN KEY ("organizationId", "supportPlanId") REFERENCES support_plan("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "support_plan_revision_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."support_plan_revision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."support_plan_revision" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_reads_shared" ON public."support_plan_revision" AS PERMISSIVE FOR SELECT TO public USING ((EXISTS ( SELECT 1
   FROM support_plan p
  WHERE ((p."organizationId" = support_plan_revision."organizationId") AND (p.id = support_plan_revision."supportPlanId")))));
CREATE POLICY "not_deleted" ON public."support_plan_revision" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."support_plan_revision" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "support_plan_revision_organizationId_id_key" ON public.support_plan_revision USING btree ("organizationId", id);
CREATE UNIQUE INDEX "support_plan_revision_organizationId_supportPlanId_revision_key" ON public.support_plan_revision USING btree ("organizationId", "supportPlanId", revision);
CREATE UNIQUE INDEX support_plan_revision_pkey ON public.support_plan_revision USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."support_plan_revision" TO ips_app;

CREATE TABLE public."target" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "id" uuid NOT NULL,
  "measure" "Measure" NOT NULL,
  "organizationId" uuid NOT NULL,
  "setById" uuid NOT NULL,
  "teamId" uuid NOT NULL,
  "validFrom" date NOT NULL,
  "validUntil" date,
  "value" numeric(10,3) NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "target_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES specialist_team("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "target_pkey" PRIMARY KEY (id),
  CONSTRAINT "target_setById_fkey" FOREIGN KEY ("setById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."target" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."target" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."target" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "target_organizationId_teamId_measure_validFrom_idx" ON public.target USING btree ("organizationId", "teamId", measure, "validFrom");
CREATE UNIQUE INDEX target_pkey ON public.target USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."target" TO ips_app;

CREATE TABLE public."task" (
  "assigneeId" uuid NOT NULL,
  "closedAt" timestamp(3) with time zone,
  "closedReason" text,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deletedAt" timestamp(3) with time zone,
  "dueOn" date NOT NULL,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid,
  "organizationId" uuid NOT NULL,
  "rule" "DeadlineRule" NOT NULL,
  "sourceId" uuid,
  "sourceType" text,
  "status" "TaskStatus" NOT NULL DEFAULT 'OPEN'::"TaskStatus",
  "title" text NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  "warnFrom" date NOT NULL,
  CONSTRAINT "task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "task_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "task_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "task_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."task" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."task" FORCE ROW LEVEL SECURITY;
CREATE POLICY "nav_dialogue_duties" ON public."task" AS PERMISSIVE FOR SELECT TO public USING ((((rule)::text = 'NAV_DIALOGUE_ANSWER'::text) AND ("assigneeId" = ( SELECT app.current_user_id() AS current_user_id)) AND ("jobSeekerId" = ANY (( SELECT app.nav_job_seeker_ids('DIALOGUE'::"NavShareScope") AS nav_job_seeker_ids)::uuid[]))));
CREATE POLICY "not_deleted" ON public."task" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."task" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "task_organizationId_assigneeId_status_dueOn_idx" ON public.task USING btree ("organizationId", "assigneeId", status, "dueOn");
CREATE UNIQUE INDEX "task_organizationId_id_key" ON public.task USING btree ("organizationId", id);
CREATE INDEX "task_organizationId_jobSeekerId_status_idx" ON public.task USING btree ("organizationId", "jobSeekerId", status);
CREATE INDEX "task_organizationId_status_dueOn_idx" ON public.task USING btree ("organizationId", status, "dueOn");
CREATE UNIQUE INDEX task_pkey ON public.task USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.task FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."task" TO ips_app;

CREATE TABLE public."team_meeting" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "distributedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "minutes" text,
  "organizationId" uuid NOT NULL,
  "scheduledAt" timestamp(3) with time zone NOT NULL,
  "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED'::"MeetingStatus",
  "teamId" uuid NOT NULL,
  "updatedAt" timestamp(3) with time zone NOT NULL,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "team_meeting_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES specialist_team("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "team_meeting_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."team_meeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."team_meeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."team_meeting" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "team_meeting_organizationId_id_key" ON public.team_meeting USING btree ("organizationId", id);
CREATE INDEX "team_meeting_organizationId_teamId_scheduledAt_idx" ON public.team_meeting USING btree ("organizationId", "teamId", "scheduledAt");
CREATE UNIQUE INDEX team_meeting_pkey ON public.team_meeting USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."team_meeting" TO ips_app;

CREATE TABLE public."team_meeting_agenda_item" (
  "deletedAt" timestamp(3) with time zone,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid,
  "kind" "AgendaItemKind" NOT NULL,
  "meetingId" uuid NOT NULL,
  "notes" text,
  "organizationId" uuid NOT NULL,
  "position" integer NOT NULL,
  "title" text NOT NULL,
  CONSTRAINT "team_meeting_agenda_item_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES job_seeker(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "team_meeting_agenda_item_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES team_meeting("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "team_meeting_agenda_item_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."team_meeting_agenda_item" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."team_meeting_agenda_item" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."team_meeting_agenda_item" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."team_meeting_agenda_item" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "team_meeting_agenda_item_organizationId_meetingId_position_idx" ON public.team_meeting_agenda_item USING btree ("organizationId", "meetingId", "position");
CREATE UNIQUE INDEX team_meeting_agenda_item_pkey ON public.team_meeting_agenda_item USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.team_meeting_agenda_item FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."team_meeting_agenda_item" TO ips_app;

CREATE TABLE public."team_meeting_attendee" (
  "id" uuid NOT NULL,
  "meetingId" uuid NOT NULL,
  "organizationId" uuid NOT NULL,
  "present" boolean NOT NULL DEFAULT true,
  "userId" uuid NOT NULL,
  CONSTRAINT "team_meeting_attendee_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES team_meeting("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "team_meeting_attendee_pkey" PRIMARY KEY (id),
  CONSTRAINT "team_meeting_attendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."team_meeting_attendee" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."team_meeting_attendee" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON public."team_meeting_attendee" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "team_meeting_attendee_organizationId_meetingId_userId_key" ON public.team_meeting_attendee USING btree ("organizationId", "meetingId", "userId");
CREATE UNIQUE INDEX team_meeting_attendee_pkey ON public.team_meeting_attendee USING btree (id);
GRANT DELETE, INSERT, SELECT, UPDATE ON public."team_meeting_attendee" TO ips_app;

CREATE TABLE public."team_member" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "employerOrganizationId" uuid NOT NULL,
  "id" uuid NOT NULL,
  "joinedOn" date NOT NULL,
  "leftOn" date,
  "organizationId" uuid NOT NULL,
  "role" "TeamMemberRole" NOT NULL DEFAULT 'JOB_SPECIALIST'::"TeamMemberRole",
  "teamId" uuid NOT NULL,
  "userId" uuid NOT NULL,
  CONSTRAINT "team_member_employerOrganizationId_fkey" FOREIGN KEY ("employerOrganizationId") REFERENCES organization(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "team_member_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES specialist_team("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "team_member_pkey" PRIMARY KEY (id),
  CONSTRAINT "team_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."team_member" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."team_member" FORCE ROW LEVEL SECURITY;
CREATE POLICY "own_team_memberships" ON public."team_member" AS PERMISSIVE FOR SELECT TO public USING (("userId" = ( SELECT app.current_user_id() AS current_user_id)));
CREATE POLICY "tenant_isolation" ON public."team_member" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE INDEX "team_member_organizationId_teamId_leftOn_idx" ON public.team_member USING btree ("organizationId", "teamId", "leftOn");
CREATE INDEX "team_member_organizationId_userId_idx" ON public.team_member USING btree ("organizationId", "userId");
CREATE UNIQUE INDEX team_member_pkey ON public.team_member USING btree (id);
CREATE TRIGGER team_size BEFORE INSERT OR UPDATE OF role, "leftOn", "teamId" ON public.team_member FOR EACH ROW EXECUTE FUNCTION app.check_team_size();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."team_member" TO ips_app;

CREATE TABLE public."transfer" (
  "consentId" uuid,
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "crossService" boolean NOT NULL DEFAULT false,
  "decidedById" uuid NOT NULL,
  "deletedAt" timestamp(3) with time zone,
  "effectiveAt" timestamp(3) with time zone NOT NULL,
  "fromSpecialistId" uuid NOT NULL,
  "id" uuid NOT NULL,
  "jobSeekerId" uuid NOT NULL,
  "levelReason" text,
  "note" text,
  "organizationId" uuid NOT NULL,
  "reason" "TransferReason" NOT NULL,
  "teamMeetingId" uuid,
  "temporary" boolean NOT NULL DEFAULT false,
  "toSpecialistId" uuid NOT NULL,
  CONSTRAINT "transfer_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "transfer_fromSpecialistId_fkey" FOREIGN KEY ("fromSpecialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "transfer_organizationId_consentId_fkey" FOREIGN KEY ("organizationId", "consentId") REFERENCES consent("organizationId", id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "transfer_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES job_seeker("organizationId", id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "transfer_pkey" PRIMARY KEY (id),
  CONSTRAINT "transfer_teamMeetingId_fkey" FOREIGN KEY ("teamMeetingId") REFERENCES team_meeting(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "transfer_toSpecialistId_fkey" FOREIGN KEY ("toSpecialistId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE public."transfer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."transfer" FORCE ROW LEVEL SECURITY;
CREATE POLICY "not_deleted" ON public."transfer" AS RESTRICTIVE FOR ALL TO ips_app USING (("deletedAt" IS NULL)) WITH CHECK (("deletedAt" IS NULL));
CREATE POLICY "tenant_isolation" ON public."transfer" AS PERMISSIVE FOR ALL TO public USING (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[]))) WITH CHECK (("organizationId" = ANY (( SELECT app.current_org_ids() AS current_org_ids)::uuid[])));
CREATE UNIQUE INDEX "transfer_organizationId_id_key" ON public.transfer USING btree ("organizationId", id);
CREATE INDEX "transfer_organizationId_jobSeekerId_effectiveAt_idx" ON public.transfer USING btree ("organizationId", "jobSeekerId", "effectiveAt");
CREATE INDEX "transfer_organizationId_toSpecialistId_effectiveAt_idx" ON public.transfer USING btree ("organizationId", "toSpecialistId", "effectiveAt");
CREATE UNIQUE INDEX transfer_pkey ON public.transfer USING btree (id);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.transfer FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();
GRANT DELETE, INSERT, SELECT, UPDATE ON public."transfer" TO ips_app;

CREATE TABLE public."user_identity" (
  "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "id" uuid NOT NULL,
  "issuer" text NOT NULL,
  "subject" text NOT NULL,
  "userId" uuid NOT NULL,
  CONSTRAINT "user_identity_pkey" PRIMARY KEY (id),
  CONSTRAINT "user_identity_userId_fkey" FOREIGN KEY ("userId") REFERENCES app_user(id) ON UPDATE CASCADE ON DELETE CASCADE
);
ALTER TABLE public."user_identity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."user_identity" FORCE ROW LEVEL SECURITY;
CREATE POLICY "visible_user" ON public."user_identity" AS PERMISSIVE FOR ALL TO public USING ((EXISTS ( SELECT 1
   FROM app_user u
  WHERE (u.id = user_identity."userId")))) WITH CHECK ((EXISTS ( SELECT 1
   FROM app_user u
  WHERE (u.id = user_identity."userId"))));
CREATE UNIQUE INDEX user_identity_issuer_subject_key ON public.user_identity USING btree (issuer, subject);
CREATE UNIQUE INDEX user_identity_pkey ON public.user_identity USING btree (id);
CREATE INDEX "user_identity_userId_idx" ON public.user_identity USING btree ("userId");
GRANT DELETE, INSERT, SELECT, UPDATE ON public."user_identity" TO ips_app;

CREATE VIEW app."audit_log_everything" AS
SELECT id,
    "organizationId",
    sequence,
    "occurredAt",
    "actorUserId",
    "actorRole",
    "actorOrganizationId",
    "jobSeekerId",
    action,
    area,
    "entityType",
    "entityId",
    reason,
    "requestId",
    details
   FROM audit_log;

CREATE OR REPLACE FUNCTION app.add_member(p_organization uuid, p_email text, p_given_name text, p_family_name text, p_role "Role", p_subject text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    person uuid;
    org_kind "OrganizationKind";
    membership_id uuid := gen_random_uuid();
  BEGIN
    IF NOT EXISTS (
      SELECT 1 FROM public.membership m
      WHERE m."organizationId" = p_organization AND m."userId" = app.current_user_id()
        AND m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL
        AND p_organization = ANY (app.current_org_ids())
    ) THEN
      RAISE EXCEPTION 'only tenant administrators of the organisation add members' USING ERRCODE = '42501';
    END IF;
    SELECT kind INTO org_kind FROM public.organization WHERE id = p_organization;
    IF (org_kind = 'NAV_OFFICE') <> (p_role IN ('NAV_COUNSELLOR', 'TENANT_ADMINISTRATOR'))
       OR (org_kind <> 'NAV_OFFICE' AND p_role = 'NAV_COUNSELLOR') THEN
      RAISE EXCEPTION 'role % does not fit a %', p_role, org_kind USING ERRCODE = '22023';
    END IF;
    SELECT id INTO person FROM public.app_user WHERE lower(email) = lower(p_email);
    IF person IS NULL THEN
      person := gen_random_uuid();
      INSERT INTO public.app_user (id, email, "givenName", "familyName", "updatedAt")
      VALUES (person, lower(p_email), p_given_name, p_family_name, now());
      INSERT INTO public.user_identity (id, "userId", issuer, subject)
      SELECT gen_random_uuid(), person, p.issuer, coalesce(p_subject, lower(p_email))
      FROM public.identity_provider p WHERE p."organizationId" = p_organization AND p.enabled
      ON CONFLICT (issuer, subject) DO NOTHING;
    END IF;
    INSERT INTO public.membership (id, "organizationId", "userId", role, "updatedAt")
    VALUES (membership_id, p_organization, person, p_role, now());
    RETURN membership_id;
  END $function$;

CREATE OR REPLACE FUNCTION app.archive_audit_partitions(p_now timestamp with time zone DEFAULT now())
 RETURNS TABLE(month date, table_name text, row_count bigint)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    keep integer := app.audit_online_months();
    cutoff timestamptz;
    p record;
    sealed_through bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit-partitions', 0));
    cutoff := (date_trunc('month', p_now AT TIME ZONE 'UTC') - make_interval(months => keep)) AT TIME ZONE 'UTC';
    SELECT s."sealedThrough" INTO sealed_through FROM app.audit_seal_state s WHERE singleton;
    FOR p IN
      SELECT c.relname AS name,
        (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\) TO \(''([^'']+)''\)'))[1]::timestamptz AS lower,
        (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\) TO \(''([^'']+)''\)'))[2]::timestamptz AS upper
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'public.audit_log'::regclass AND c.relnamespace = 'audit_part'::regnamespace
        AND NOT pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'
      ORDER BY 2
    LOOP
      CONTINUE WHEN p.upper > cutoff;
      -- only a month whose every row is sealed (its chain proof is complete)
      CONTINUE WHEN EXISTS (SELECT 1 FROM public.audit_log a WHERE a."occurredAt" >= p.lower AND a."occurredAt" < p.upper
        AND a.sequence > sealed_through);
      month := (p.lower AT TIME ZONE 'UTC')::date;
      table_name := p.name;
      EXECUTE format('SELECT count(*) FROM audit_part.%I', p.name) INTO row_count;
      EXECUTE format('ALTER TABLE public.audit_log DETACH PARTITION audit_part.%I', p.name);
      EXECUTE format('ALTER TABLE audit_part.%I SET SCHEMA audit_archive', p.name);
      INSERT INTO app.audit_archive (month, "tableName", "rowCount") VALUES (month, table_name, row_count);
      RETURN NEXT;
    END LOOP;
    PERFORM app.rebuild_audit_log_everything();
  END $function$;

CREATE OR REPLACE FUNCTION app.audit_batch_hash(b app.audit_log_batch)
 RETURNS character
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT encode(sha256(convert_to(concat_ws('|', b."previousHash", b."organizationId", b."batchNumber",
      b."fromSequence", b."toSequence", b."rowCount",
      to_char(b."firstOccurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      to_char(b."lastOccurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), b."rowsHash"), 'UTF8')), 'hex')
  $function$;

CREATE OR REPLACE FUNCTION app.audit_online_months()
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT coalesce(max(app.retention_days(o.settings, 'accessLogOnlineMonths', 24, 12, 120)), 24)
    FROM public.organization o
  $function$;

CREATE OR REPLACE FUNCTION app.audit_row_text(a audit_log)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT concat_ws('|', a.id, a."organizationId", a.sequence,
      to_char(a."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(a."actorUserId"::text, ''), coalesce(a."actorRole"::text, ''), coalesce(a."actorOrganizationId"::text, ''),
      coalesce(a."jobSeekerId"::text, ''), a.action::text, a.area, coalesce(a."entityType", ''),
      coalesce(a."entityId"::text, ''), coalesce(a.reason, ''), coalesce(a."requestId", ''), coalesce(a.details::text, ''))
  $function$;

CREATE OR REPLACE FUNCTION app.audit_sequence()
 RETURNS bigint
 LANGUAGE sql
AS $function$ SELECT CASE WHEN pg_catalog.pg_current_xact_id() IS NULL THEN NULL
                    ELSE pg_catalog.nextval('public.audit_log_sequence_seq'::regclass) END $function$;

CREATE OR REPLACE FUNCTION app.case_tables()
 RETURNS TABLE(ord integer, table_name text, condition text)
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    VALUES
      (1, 'outbox_message', '"organizationId" = $3 AND (id IN (SELECT x."outboxMessageId" FROM public.support_plan_export x WHERE x."organizationId" = $3 AND x."revisionId" = ANY ($6)) OR id IN (SELECT x."retractionOutboxMessageId" FROM public.support_plan_export x WHERE x."organizationId" = $3 AND x."revisionId" = ANY ($6)))'),
      (2, 'support_plan_export', '"organizationId" = $3 AND "revisionId" = ANY ($6)'),
      (3, 'support_plan_agreement', '"organizationId" = $3 AND "revisionId" = ANY ($6)'),
      (4, 'support_plan_meeting', '"organizationId" = $3 AND "revisionId" = ANY ($6)'),
      (5, 'support_plan_revision', '"organizationId" = $3 AND "supportPlanId" = ANY ($5)'),
      (6, 'support_plan', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (7, 'follow_up_meeting', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (8, 'career_profile_revision', '"organizationId" = $3 AND "careerProfileId" = ANY ($7)'),
      (9, 'career_profile', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (10, 'employer_contact', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (11, 'job_application', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (12, 'assignment', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (13, 'transfer', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (14, 'nav_sharing_grant', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (15, 'consent_event', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (16, 'consent', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (17, 'employment', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (18, 'study', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (19, 'journal_note', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (20, 'task', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (21, 'team_meeting_agenda_item', '"jobSeekerId" = $4'),
      (22, 'portfolio_review_item', '"jobSeekerId" = $4'),
      (23, 'job_seeker_phase_change', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (24, 'notification', '"linkType" = ''JobSeeker'' AND "linkId" = $4'),
      (25, 'reminder', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (26, 'benefits_counselling', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (27, 'nav_dialogue_message', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (28, 'nav_dialogue_thread', '"organizationId" = $3 AND "jobSeekerId" = $4')
  $function$;

CREATE OR REPLACE FUNCTION app.check_consent_nav_parts()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  BEGIN
    IF NEW.scope <> 'NAV_SHARING' AND coalesce(cardinality(NEW."navParts"), 0) > 0 THEN
      RAISE EXCEPTION 'consent_nav_parts_only_nav_sharing: only a NAV-sharing consent has parts'
        USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END $function$;

CREATE OR REPLACE FUNCTION app.check_fidelity_score()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  BEGIN
    IF NEW.item NOT BETWEEN 1 AND 25 OR (NEW.score IS NOT NULL AND NEW.score NOT BETWEEN 1 AND 5) THEN
      RAISE EXCEPTION 'a fidelity item is 1–25 and its score 1–5' USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END $function$;

CREATE OR REPLACE FUNCTION app.check_nav_dialogue_message()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.nav_dialogue_thread t
                   WHERE t."organizationId" = NEW."organizationId" AND t.id = NEW."threadId"
                     AND t."jobSeekerId" = NEW."jobSeekerId") THEN
      RAISE EXCEPTION 'nav_dialogue_message_job_seeker: a message belongs to its thread''s job seeker'
        USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END $function$;

CREATE OR REPLACE FUNCTION app.check_team_size()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    active_specialists integer;
  BEGIN
    IF NEW.role <> 'JOB_SPECIALIST' OR NEW."leftOn" IS NOT NULL THEN
      RETURN NEW;
    END IF;
    PERFORM 1 FROM public.specialist_team t
      WHERE t."organizationId" = NEW."organizationId" AND t.id = NEW."teamId" FOR UPDATE;
    SELECT count(*) INTO active_specialists FROM public.team_member tm
      WHERE tm."organizationId" = NEW."organizationId" AND tm."teamId" = NEW."teamId"
        AND tm.role = 'JOB_SPECIALIST' AND tm."leftOn" IS NULL AND tm.id <> NEW.id;
    IF active_specialists >= 10 THEN
      RAISE EXCEPTION 'a specialist team has at most 10 job specialists' USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END $function$;

CREATE OR REPLACE FUNCTION app.claim_outbox(p_topic text, p_limit integer, p_lease_seconds integer DEFAULT 60)
 RETURNS TABLE(id uuid, organization_id uuid, payload jsonb, attempts integer)
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    UPDATE public.outbox_message o
    SET attempts = o.attempts + 1, "availableAt" = now() + make_interval(secs => p_lease_seconds)
    WHERE o.id IN (
      SELECT m.id FROM public.outbox_message m
      WHERE m.topic = p_topic AND m.status IN ('PENDING', 'FAILED') AND m."availableAt" <= now() AND m.attempts < 10
        AND m."deletedAt" IS NULL
      ORDER BY m."availableAt", m.id
      LIMIT p_limit
      FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o."organizationId", o.payload, o.attempts
  $function$;

CREATE OR REPLACE FUNCTION app.complete_outbox(p_id uuid, p_ok boolean, p_error text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    retraction uuid;
  BEGIN
    IF p_ok THEN
      UPDATE public.outbox_message SET status = 'SENT', "sentAt" = now(), "lastError" = NULL WHERE id = p_id;
      UPDATE public.support_plan_export SET status = 'SENT', "sentAt" = now() WHERE "outboxMessageId" = p_id;
      UPDATE public.support_plan_export SET "retractedAt" = now() WHERE "retractionOutboxMessageId" = p_id;
      IF EXISTS (SELECT 1 FROM public.support_plan_export x
                 WHERE x."outboxMessageId" = p_id AND x."cancelledAt" IS NOT NULL
                   AND x."retractionOutboxMessageId" IS NULL) THEN
        retraction := gen_random_uuid();
        INSERT INTO public.outbox_message (id, "organizationId", topic, payload)
        SELECT retraction, o."organizationId", 'nav.support-plan.retract', jsonb_build_object(
                 'exportId', o.payload->'exportId', 'supportPlanId', o.payload->'supportPlanId',
                 'revision', o.payload->'revision', 'identityNumber', o.payload->'identityNumber')
        FROM public.outbox_message o WHERE o.id = p_id;
        UPDATE public.support_plan_export SET "retractionOutboxMessageId" = retraction WHERE "outboxMessageId" = p_id;
      END IF;
      UPDATE public.notification n SET "emailedAt" = now()
        FROM public.outbox_message o
        WHERE o.id = p_id AND o.topic = 'email.notification'
          AND n."organizationId" = o."organizationId" AND n.id = (o.payload->>'notificationId')::uuid;
    ELSE
      UPDATE public.outbox_message
      SET status = 'FAILED', "lastError" = left(p_error, 1000),
          "availableAt" = now() + least(make_interval(secs => 30 * power(2, attempts)::int), interval '1 day')
      WHERE id = p_id AND status <> 'CANCELLED';
      UPDATE public.support_plan_export SET status = 'FAILED' WHERE "outboxMessageId" = p_id AND status <> 'CANCELLED';
    END IF;
  END $function$;

CREATE OR REPLACE FUNCTION app.current_org_ids()
 RETURNS uuid[]
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT coalesce(array_agg(DISTINCT m."organizationId"), '{}'::uuid[])
    FROM membership m
    WHERE m."userId" = app.current_user_id()
      AND m."endedAt" IS NULL
      AND m."validFrom" <= now()
      AND m."organizationId" = ANY (string_to_array(NULLIF(current_setting('app.org_ids', true), ''), ',')::uuid[])
  $function$;

CREATE OR REPLACE FUNCTION app.current_user_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $function$;

CREATE OR REPLACE FUNCTION app.deleted_case_days(p_settings jsonb)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$ SELECT app.retention_days(p_settings, 'deletedCaseDays', 90, 7, 365) $function$;

CREATE OR REPLACE FUNCTION app.deleted_job_seeker_ids()
 RETURNS uuid[]
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT coalesce(array_agg(j.id), '{}'::uuid[]) FROM public.job_seeker j
    WHERE j."organizationId" = ANY (app.current_org_ids()) AND j."deletedAt" IS NOT NULL
  $function$;

CREATE OR REPLACE FUNCTION app.deleted_job_seekers()
 RETURNS TABLE(id uuid, organization_id uuid, given_name text, family_name text, deleted_at timestamp with time zone, deleted_by_id uuid, deleted_by_given_name text, deleted_by_family_name text, reason text, purge_after timestamp with time zone)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT j.id, j."organizationId", j."givenName", j."familyName", j."deletedAt", j."deletedById",
           u."givenName", u."familyName", j."deletionReason",
           j."deletedAt" + make_interval(days => app.deleted_case_days(o.settings))
    FROM public.job_seeker j
    JOIN public.organization o ON o.id = j."organizationId"
    LEFT JOIN public.app_user u ON u.id = j."deletedById"
    WHERE j."organizationId" = ANY (app.current_org_ids())
      AND j."deletedAt" IS NOT NULL
      AND app.may_delete_cases(j."organizationId")
    ORDER BY j."deletedAt" DESC, j.id DESC
  $function$;

CREATE OR REPLACE FUNCTION app.ensure_audit_partitions(p_at timestamp with time zone DEFAULT now(), p_ahead integer DEFAULT 2)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    m date;
    part text;
    created integer := 0;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit-partitions', 0));
    FOR m IN
      SELECT (date_trunc('month', p_at AT TIME ZONE 'UTC') + make_interval(months => g))::date
      FROM generate_series(0, greatest(p_ahead, 0)) g
      UNION
      SELECT DISTINCT date_trunc('month', d."occurredAt" AT TIME ZONE 'UTC')::date FROM audit_part.audit_log_default d
      ORDER BY 1
    LOOP
      part := 'audit_log_' || to_char(m, 'YYYY_MM');
      CONTINUE WHEN to_regclass('audit_part.' || part) IS NOT NULL OR EXISTS (SELECT 1 FROM app.audit_archive a WHERE a.month = m);
      EXECUTE format('CREATE TABLE audit_part.%I (LIKE public.audit_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
      EXECUTE format('REVOKE ALL ON audit_part.%I FROM PUBLIC, ips_app', part);
      -- rows of this month waiting in the default partition move into it before it is attached
      -- (a move, not a change: the same id, content and sequence)
      EXECUTE format($q$WITH moved AS (DELETE FROM audit_part.audit_log_default
          WHERE "occurredAt" >= (%L::timestamp AT TIME ZONE 'UTC') AND "occurredAt" < (%L::timestamp AT TIME ZONE 'UTC') RETURNING *)
        INSERT INTO audit_part.%I SELECT * FROM moved$q$, m, (m + interval '1 month')::date, part);
      EXECUTE format('ALTER TABLE public.audit_log ATTACH PARTITION audit_part.%I FOR VALUES FROM (%L) TO (%L)', part,
        (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
      created := created + 1;
    END LOOP;
    RETURN created;
  END $function$;

CREATE OR REPLACE FUNCTION app.ensure_current_audit_partitions()
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$ SELECT app.ensure_audit_partitions(now(), 2) $function$;

CREATE OR REPLACE FUNCTION app.forget_nav_job_seeker_ids()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
  BEGIN
    PERFORM set_config('app.nav_ids_generation',
      (coalesce(nullif(current_setting('app.nav_ids_generation', true), ''), '0')::bigint + 1)::text, true);
    RETURN NULL;
  END $function$;

CREATE OR REPLACE FUNCTION app.has_active_consent(p_organization_id uuid, p_job_seeker_id uuid, p_scope "ConsentScope")
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT EXISTS (
      SELECT 1 FROM consent c
      WHERE c."organizationId" = p_organization_id AND c."jobSeekerId" = p_job_seeker_id
        AND c.scope = p_scope AND c."deletedAt" IS NULL AND c."withdrawnAt" IS NULL
        AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))
  $function$;

CREATE OR REPLACE FUNCTION app.identity_number_registered(p_organization uuid, p_identity_number text)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT p_organization = ANY (app.current_org_ids()) AND EXISTS (
      SELECT 1 FROM public.job_seeker j
      WHERE j."organizationId" = p_organization AND j."identityNumber" = p_identity_number::bpchar)
  $function$;

CREATE OR REPLACE FUNCTION app.is_nav_counsellor(p_user uuid, p_office uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT app.current_user_id() IS NOT NULL AND EXISTS (
      SELECT 1 FROM public.membership m JOIN public.organization o ON o.id = m."organizationId"
      WHERE m."userId" = p_user AND m."organizationId" = p_office AND m.role = 'NAV_COUNSELLOR'
        AND m."endedAt" IS NULL AND o.kind = 'NAV_OFFICE')
  $function$;

CREATE OR REPLACE FUNCTION app.is_platform_operator()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$ SELECT EXISTS (SELECT 1 FROM platform_operator p WHERE p."userId" = app.current_user_id()) $function$;

CREATE OR REPLACE FUNCTION app.journal_note_entered_once()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'public'
AS $function$
BEGIN
  IF OLD."recordedInJournalAt" IS NOT NULL AND (
       NEW."recordedInJournalAt" IS DISTINCT FROM OLD."recordedInJournalAt"
    OR NEW."recordedInJournalById" IS DISTINCT FROM OLD."recordedInJournalById") THEN
    RAISE EXCEPTION 'journal note % is already entered in the patient record', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$function$;

CREATE OR REPLACE FUNCTION app.may_delete_cases(p_organization uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT p_organization = ANY (app.current_org_ids()) AND EXISTS (
      SELECT 1 FROM public.membership m
      WHERE m."organizationId" = p_organization AND m."userId" = app.current_user_id()
        AND m.role IN ('TENANT_ADMINISTRATOR', 'HEALTH_SERVICE_LEADER')
        AND m."endedAt" IS NULL AND m."validFrom" <= now())
  $function$;

CREATE OR REPLACE FUNCTION app.nav_dialogue_posted(p_message uuid, p_now timestamp with time zone, p_due date, p_warn date)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    m record;
    r record;
    sent integer := 0;
    today date := (p_now AT TIME ZONE 'Europe/Oslo')::date;
    other text;
  BEGIN
    SELECT msg.id, msg.side::text AS side, t.id AS thread, t."organizationId" AS org, t."jobSeekerId" AS js,
           t."navOfficeId" AS office, t."navCounsellorId" AS counsellor
      INTO m
      FROM public.nav_dialogue_message msg
      JOIN public.nav_dialogue_thread t ON t."organizationId" = msg."organizationId" AND t.id = msg."threadId"
     WHERE msg.id = p_message AND msg."authorId" = app.current_user_id()
       AND msg."deletedAt" IS NULL AND t."deletedAt" IS NULL;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'nav_dialogue_posted: not a message of yours' USING ERRCODE = '42501';
    END IF;
    IF m.side = 'NAV' THEN
      IF NOT (m.office = ANY (app.current_org_ids()) AND m.js = ANY (app.nav_job_seeker_ids('DIALOGUE'))) THEN
        RAISE EXCEPTION 'nav_dialogue_posted: the dialogue is closed' USING ERRCODE = '42501';
      END IF;
      other := 'SPECIALIST';
    ELSE
      IF NOT (m.org = ANY (app.current_org_ids())) THEN
        RAISE EXCEPTION 'nav_dialogue_posted: not your organisation' USING ERRCODE = '42501';
      END IF;
      other := 'NAV';
    END IF;

    UPDATE public.task SET status = 'DONE', "closedAt" = p_now, "closedReason" = 'completed', version = version + 1,
           "updatedAt" = p_now
     WHERE "organizationId" = m.org AND "jobSeekerId" = m.js AND rule::text = 'NAV_DIALOGUE_ANSWER'
       AND "sourceId" = m.thread AND "sourceType" = 'NavDialogueThread.' || m.side AND status = 'OPEN';

    FOR r IN
      SELECT DISTINCT x.recipient, x.recipient_org, x.owes, u.email
      FROM (
        -- NAV side: the thread's counsellor or the office's counsellors the grant reaches
        SELECT mb."userId" AS recipient, m.office AS recipient_org, true AS owes
        FROM public.membership mb
        JOIN public.nav_sharing_grant g ON g."navOfficeId" = mb."organizationId" AND g."organizationId" = m.org
          AND g."jobSeekerId" = m.js AND (g."counsellorId" IS NULL OR g."counsellorId" = mb."userId")
        JOIN public.consent c ON c."organizationId" = g."organizationId" AND c.id = g."consentId"
        WHERE other = 'NAV' AND mb."organizationId" = m.office AND mb.role = 'NAV_COUNSELLOR' AND mb."endedAt" IS NULL
          AND (m.counsellor IS NULL OR mb."userId" = m.counsellor)
          AND g."revokedAt" IS NULL AND g."deletedAt" IS NULL AND g."validFrom" <= p_now
          AND (g."validUntil" IS NULL OR g."validUntil" > p_now) AND 'DIALOGUE' = ANY (g.scopes::text[])
          AND c.scope = 'NAV_SHARING' AND c."withdrawnAt" IS NULL AND c."deletedAt" IS NULL
          AND 'DIALOGUE' = ANY (coalesce(c."navParts", '{}')::text[])
          AND c."validFrom" <= p_now AND (c."validUntil" IS NULL OR c."validUntil" > p_now)
        UNION ALL
        -- specialist side: the job seeker's specialist
        SELECT j."currentSpecialistId", m.org, true
        FROM public.job_seeker j
        WHERE other = 'SPECIALIST' AND j."organizationId" = m.org AND j.id = m.js AND j."currentSpecialistId" IS NOT NULL
        UNION ALL
        -- and the team's method supervisors while that specialist is away today
        SELECT st."methodSupervisorId", m.org, false
        FROM public.job_seeker j
        JOIN public.specialist_team st ON st.id = j."teamId"
        WHERE other = 'SPECIALIST' AND j."organizationId" = m.org AND j.id = m.js
          AND st."methodSupervisorId" IS NOT NULL AND st."methodSupervisorId" <> j."currentSpecialistId"
          AND EXISTS (SELECT 1 FROM public.absence a
                      WHERE a."organizationId" = m.org AND a."specialistId" = j."currentSpecialistId"
                        AND a."startDate" <= today
                        AND coalesce(a."actualEndDate", a."expectedEndDate", today) >= today)
      ) x
      JOIN public.app_user u ON u.id = x.recipient
      WHERE x.recipient <> app.current_user_id() OR x.owes
    LOOP
      IF r.owes AND NOT EXISTS (
          SELECT 1 FROM public.task k
          WHERE k."organizationId" = m.org AND k."jobSeekerId" = m.js AND k.rule::text = 'NAV_DIALOGUE_ANSWER'
            AND k."sourceId" = m.thread AND k."assigneeId" = r.recipient AND k.status = 'OPEN') THEN
        INSERT INTO public.task (id, "organizationId", rule, "jobSeekerId", "assigneeId", title, "dueOn", "warnFrom",
                                 "sourceType", "sourceId", "createdAt", "updatedAt")
        VALUES (gen_random_uuid(), m.org, 'NAV_DIALOGUE_ANSWER', m.js, r.recipient, 'NAV_DIALOGUE_ANSWER', p_due, p_warn,
                'NavDialogueThread.' || other, m.thread, p_now, p_now);
      END IF;
      IF r.recipient <> app.current_user_id() THEN
        WITH n AS (
          INSERT INTO public.notification (id, "organizationId", "recipientId", kind, title, body, "linkType", "linkId", "createdAt")
          VALUES (gen_random_uuid(), r.recipient_org, r.recipient, 'NAV_DIALOGUE',
                  CASE other WHEN 'NAV' THEN 'Ny melding fra jobbspesialisten i dialogen med NAV'
                             ELSE 'Ny melding fra NAV-veilederen i dialogen med NAV' END,
                  'Svar innen 48 timer (NAV Oslos retningslinje). Åpne jobbsøkeren for å lese meldingen.',
                  'JobSeeker', m.js, p_now)
          RETURNING id)
        INSERT INTO public.outbox_message (id, "organizationId", topic, payload, "availableAt", "createdAt")
        SELECT gen_random_uuid(), r.recipient_org, 'email.notification',
               jsonb_build_object('notificationId', n.id, 'to', r.email,
                                  'subject', 'Ny melding i en dialog med NAV',
                                  'text', E'Ny melding i en dialog med NAV.\n\nLogg inn i IPS-plattformen for å se varselet i innboksen din.\n'),
               p_now, p_now
        FROM n WHERE r.email IS NOT NULL;
        sent := sent + 1;
      END IF;
    END LOOP;
    RETURN sent;
  END $function$;

CREATE OR REPLACE FUNCTION app.nav_job_seeker_ids(required_scope "NavShareScope")
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    slot text := 'app.nav_ids_' || lower(coalesce(required_scope::text, 'any'));
    key text := coalesce(current_setting('app.user_id', true), '') || '|'
      || coalesce(current_setting('app.org_ids', true), '') || '|'
      || coalesce(current_setting('app.nav_ids_generation', true), '');
    cached text := current_setting(slot, true);
    ids uuid[];
  BEGIN
    IF cached IS NOT NULL AND left(cached, length(key) + 1) = key || '#' THEN
      RETURN substr(cached, length(key) + 2)::uuid[];
    END IF;
    SELECT coalesce(array_agg(DISTINCT g."jobSeekerId"), '{}'::uuid[]) INTO ids
    FROM nav_sharing_grant g
    JOIN consent c ON c."organizationId" = g."organizationId" AND c.id = g."consentId"
    JOIN membership m ON m."organizationId" = g."navOfficeId"
      AND m."userId" = app.current_user_id() AND m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL
    WHERE g."navOfficeId" = ANY (app.current_org_ids())
      AND (g."counsellorId" IS NULL OR g."counsellorId" = app.current_user_id())
      AND g."revokedAt" IS NULL AND g."deletedAt" IS NULL
      AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now())
      AND (required_scope IS NULL
           OR (required_scope = ANY (g.scopes) AND required_scope = ANY (coalesce(c."navParts", '{}'))))
      AND c.scope = 'NAV_SHARING' AND c."withdrawnAt" IS NULL AND c."deletedAt" IS NULL
      AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now());
    PERFORM set_config(slot, key || '#' || ids::text, true);
    RETURN ids;
  END $function$;

CREATE OR REPLACE FUNCTION app.notify_expiring_consents(p_now timestamp with time zone, p_days integer DEFAULT 14)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    sent integer := 0;
    r record;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('consent-expiry', 0));
    FOR r IN
      SELECT DISTINCT j."organizationId" AS org, j.id AS job_seeker, j."currentSpecialistId" AS recipient
      FROM public.consent c
      JOIN public.job_seeker j ON j."organizationId" = c."organizationId" AND j.id = c."jobSeekerId"
      WHERE c."withdrawnAt" IS NULL AND c."validUntil" > p_now AND c."validUntil" <= p_now + make_interval(days => p_days)
        AND c."deletedAt" IS NULL AND j."deletedAt" IS NULL
        AND j."currentSpecialistId" IS NOT NULL AND j."dischargedAt" IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM public.notification n
          WHERE n."organizationId" = j."organizationId" AND n.kind = 'CONSENT_EXPIRING' AND n."linkId" = j.id
            AND n."createdAt" > p_now - make_interval(days => p_days))
    LOOP
      INSERT INTO public.notification (id, "organizationId", "recipientId", kind, title, body, "linkType", "linkId", "createdAt")
      VALUES (gen_random_uuid(), r.org, r.recipient, 'CONSENT_EXPIRING', 'Et samtykke utløper snart.',
              'Snakk med jobbsøkeren om å fornye samtykket før det utløper.', 'JobSeeker', r.job_seeker, p_now);
      sent := sent + 1;
    END LOOP;
    RETURN sent;
  END $function$;

CREATE OR REPLACE FUNCTION app.notify_planned_absences(p_now timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    sent integer := 0;
    today date := (p_now AT TIME ZONE 'Europe/Oslo')::date;
    a record;
    s record;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('planned-absence-notice', 0));
    FOR a IN
      SELECT ab.id, ab."organizationId" AS org, ab."specialistId" AS specialist, ab."startDate" AS start_date,
             ab."expectedEndDate" AS end_date, u."givenName" || ' ' || u."familyName" AS name
      FROM public.absence ab
      JOIN public.organization o ON o.id = ab."organizationId"
      JOIN public.app_user u ON u.id = ab."specialistId"
      CROSS JOIN LATERAL (
        SELECT CASE
          WHEN jsonb_typeof(o.settings -> 'plannedAbsenceNoticeDays') = 'number'
           AND (o.settings ->> 'plannedAbsenceNoticeDays') ~ '^[0-9]{1,2}$'
           AND (o.settings ->> 'plannedAbsenceNoticeDays')::integer BETWEEN 1 AND 60
          THEN (o.settings ->> 'plannedAbsenceNoticeDays')::integer
          ELSE 14 END AS days
      ) notice
      WHERE ab.planned AND ab."supervisorRemindedAt" IS NULL AND ab."actualEndDate" IS NULL
        AND ab."startDate" >= today AND ab."startDate" - notice.days <= today
      ORDER BY ab."startDate", ab.id
      FOR UPDATE OF ab
    LOOP
      FOR s IN
        SELECT DISTINCT t."methodSupervisorId" AS supervisor, t.name AS team
        FROM public.team_member tm
        JOIN public.specialist_team t ON t."organizationId" = tm."organizationId" AND t.id = tm."teamId"
        WHERE tm."userId" = a.specialist AND tm."leftOn" IS NULL AND t.active AND t."methodSupervisorId" <> a.specialist
      LOOP
        INSERT INTO public.notification (id, "organizationId", "recipientId", kind, title, body, "linkType", "linkId", "createdAt")
        VALUES (gen_random_uuid(), a.org, s.supervisor, 'PLANNED_ABSENCE',
                format('%s (%s) har planlagt fravær fra %s til %s.', a.name, s.team, to_char(a.start_date, 'DD.MM.YYYY'),
                       coalesce(to_char(a.end_date, 'DD.MM.YYYY'), 'ukjent')),
                'Fraværet begynner snart: planlegg hvem som følger opp jobbsøkerne i porteføljen (se dekningsoversikten).',
                'Absence', a.id, p_now);
        sent := sent + 1;
      END LOOP;
      UPDATE public.absence SET "supervisorRemindedAt" = p_now WHERE id = a.id;
    END LOOP;
    RETURN sent;
  END $function$;

CREATE OR REPLACE FUNCTION app.onboard_organization(p_kind "OrganizationKind", p_service_level "ServiceLevel", p_name text, p_organization_number text, p_municipality_number text, p_idp_kind "IdentityProviderKind", p_issuer text, p_audience text, p_jwks_uri text, p_client_id text, p_admin_email text, p_admin_given_name text, p_admin_family_name text, p_admin_subject text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    org uuid := gen_random_uuid();
    admin_id uuid;
  BEGIN
    IF NOT app.is_platform_operator() THEN
      RAISE EXCEPTION 'only platform operators onboard organisations' USING ERRCODE = '42501';
    END IF;
    INSERT INTO public.organization (id, kind, "serviceLevel", name, "organizationNumber", "municipalityNumber", "updatedAt")
    VALUES (org, p_kind, p_service_level, p_name, p_organization_number, p_municipality_number, now());
    INSERT INTO public.identity_provider (id, "organizationId", kind, issuer, audience, "jwksUri", "clientId", "updatedAt")
    VALUES (gen_random_uuid(), org, p_idp_kind, p_issuer, p_audience, p_jwks_uri, p_client_id, now());
    SELECT id INTO admin_id FROM public.app_user WHERE lower(email) = lower(p_admin_email);
    IF admin_id IS NULL THEN
      admin_id := gen_random_uuid();
      INSERT INTO public.app_user (id, email, "givenName", "familyName", "updatedAt")
      VALUES (admin_id, lower(p_admin_email), p_admin_given_name, p_admin_family_name, now());
      INSERT INTO public.user_identity (id, "userId", issuer, subject)
      VALUES (gen_random_uuid(), admin_id, p_issuer, p_admin_subject) ON CONFLICT (issuer, subject) DO NOTHING;
    END IF;
    INSERT INTO public.membership (id, "organizationId", "userId", role, "updatedAt")
    VALUES (gen_random_uuid(), org, admin_id, 'TENANT_ADMINISTRATOR', now());
    RETURN org;
  END $function$;

CREATE OR REPLACE FUNCTION app.overdue_deadlines_per_organization(p_day date)
 RETURNS TABLE(organization_id uuid, overdue bigint)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT t."organizationId", count(*)
    FROM public.task t
    WHERE t.status = 'OPEN' AND t."dueOn" < p_day AND t."deletedAt" IS NULL
    GROUP BY t."organizationId"
  $function$;

CREATE OR REPLACE FUNCTION app.portfolio_size(p_specialist uuid)
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT count(*)::integer FROM public.job_seeker j
    WHERE j."currentSpecialistId" = p_specialist AND j.phase <> 'DISCHARGED' AND j."deletedAt" IS NULL
      AND EXISTS (
        SELECT 1 FROM public.team_member tm
        WHERE tm."userId" = p_specialist AND tm."leftOn" IS NULL
          AND tm."organizationId" = ANY (app.current_org_ids()))
  $function$;

CREATE OR REPLACE FUNCTION app.purge_deleted_job_seekers(p_now timestamp with time zone)
 RETURNS TABLE(organization_id uuid, job_seeker_id uuid, row_counts jsonb)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    o record;
    j record;
    t record;
    days integer;
    n bigint;
    counts jsonb;
    plans uuid[];
    revisions uuid[];
    profiles uuid[];
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('retention-purge-cases', 0));
    FOR o IN SELECT org.id, org.settings FROM public.organization org ORDER BY org.id LOOP
      days := app.deleted_case_days(o.settings);
      FOR j IN
        SELECT js.id, js."deletedAt" FROM public.job_seeker js
        WHERE js."organizationId" = o.id AND js."deletedAt" < p_now - make_interval(days => days)
        ORDER BY js."deletedAt", js.id
        FOR UPDATE
      LOOP
        SELECT coalesce(array_agg(p.id), '{}') INTO plans FROM public.support_plan p
          WHERE p."organizationId" = o.id AND p."jobSeekerId" = j.id;
        SELECT coalesce(array_agg(r.id), '{}') INTO revisions FROM public.support_plan_revision r
          WHERE r."organizationId" = o.id AND r."supportPlanId" = ANY (plans);
        SELECT coalesce(array_agg(c.id), '{}') INTO profiles FROM public.career_profile c
          WHERE c."organizationId" = o.id AND c."jobSeekerId" = j.id;
        counts := '{}'::jsonb;
        FOR t IN SELECT * FROM app.case_tables() ORDER BY ord LOOP
          IF t.table_name = 'task' THEN
            -- An action point keeps its text; only its link to a purged task goes.
            UPDATE public.action_point a SET "taskId" = NULL
            WHERE a."organizationId" = o.id
              AND a."taskId" IN (SELECT k.id FROM public.task k WHERE k."organizationId" = o.id AND k."jobSeekerId" = j.id);
          END IF;
          EXECUTE format('DELETE FROM public.%I WHERE %s', t.table_name, t.condition)
            USING NULL::timestamptz, NULL::timestamptz, o.id, j.id, plans, revisions, profiles;
          GET DIAGNOSTICS n = ROW_COUNT;
          counts := counts || jsonb_build_object(t.table_name, n);
        END LOOP;
        DELETE FROM public.job_seeker js WHERE js."organizationId" = o.id AND js.id = j.id;
        GET DIAGNOSTICS n = ROW_COUNT;
        counts := counts || jsonb_build_object('job_seeker', n);
        INSERT INTO public.audit_log (id, "organizationId", "jobSeekerId", action, area, "entityType", "entityId", details)
        VALUES (gen_random_uuid(), o.id, j.id, 'DELETE', 'retention.purge', 'JobSeeker', j.id, jsonb_build_object(
          'rows', counts, 'deletedAt', j."deletedAt", 'deletedCaseDays', days, 'at', p_now));
        organization_id := o.id;
        job_seeker_id := j.id;
        row_counts := counts;
        RETURN NEXT;
      END LOOP;
    END LOOP;
  END $function$;

CREATE OR REPLACE FUNCTION app.purge_expired_operational_data(p_now timestamp with time zone)
 RETURNS TABLE(organization_id uuid, notifications bigint, outbox_messages bigint)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    o record;
    notification_days integer;
    outbox_days integer;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('retention-purge', 0));
    -- Idempotency keys answer retries for 24 hours; they name no one and are not audited.
    DELETE FROM public.idempotency_key WHERE "createdAt" < p_now - interval '24 hours';
    FOR o IN SELECT id, settings FROM public.organization ORDER BY id LOOP
      notification_days := app.retention_days(o.settings, 'readNotificationDays', 365, 30, 3650);
      outbox_days := app.retention_days(o.settings, 'sentOutboxDays', 90, 7, 3650);
      DELETE FROM public.notification
      WHERE "organizationId" = o.id AND "readAt" IS NOT NULL AND "readAt" < p_now - make_interval(days => notification_days);
      GET DIAGNOSTICS notifications = ROW_COUNT;
      DELETE FROM public.outbox_message
      WHERE "organizationId" = o.id AND status = 'SENT' AND "sentAt" < p_now - make_interval(days => outbox_days);
      GET DIAGNOSTICS outbox_messages = ROW_COUNT;
      IF notifications + outbox_messages > 0 THEN
        INSERT INTO public.audit_log (id, "organizationId", action, area, "entityType", details)
        VALUES (gen_random_uuid(), o.id, 'DELETE', 'retention.purge', 'OperationalData', jsonb_build_object(
          'notifications', notifications, 'outboxMessages', outbox_messages,
          'readNotificationDays', notification_days, 'sentOutboxDays', outbox_days, 'at', p_now));
        organization_id := o.id;
        RETURN NEXT;
      END IF;
    END LOOP;
  END $function$;

CREATE OR REPLACE FUNCTION app.rebuild_audit_log_everything()
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    body text := 'SELECT * FROM public.audit_log';
    t text;
  BEGIN
    FOR t IN SELECT a."tableName" FROM app.audit_archive a WHERE to_regclass('audit_archive.' || quote_ident(a."tableName")) IS NOT NULL
      ORDER BY a.month
    LOOP
      body := body || format(' UNION ALL SELECT * FROM audit_archive.%I', t);
    END LOOP;
    EXECUTE 'CREATE OR REPLACE VIEW app.audit_log_everything AS ' || body;
    REVOKE ALL ON app.audit_log_everything FROM PUBLIC;
  END $function$;

CREATE OR REPLACE FUNCTION app.refuse_deleted_case()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  BEGIN
    IF NEW."jobSeekerId" IS NOT NULL AND EXISTS (
      SELECT 1 FROM public.job_seeker j WHERE j.id = NEW."jobSeekerId" AND j."deletedAt" IS NOT NULL) THEN
      RAISE EXCEPTION 'the case of this job seeker is deleted' USING ERRCODE = '23503';
    END IF;
    RETURN NEW;
  END $function$;

CREATE OR REPLACE FUNCTION app.resolve_actor(p_issuer text, p_subject text)
 RETURNS TABLE(user_id uuid, platform_operator boolean, memberships jsonb, teams jsonb)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT u.id,
           EXISTS (SELECT 1 FROM platform_operator po WHERE po."userId" = u.id),
           coalesce((
             SELECT jsonb_agg(jsonb_build_object('organizationId', m."organizationId", 'role', m.role) ORDER BY m."organizationId", m.role)
             FROM membership m
             WHERE m."userId" = u.id AND m."endedAt" IS NULL AND m."validFrom" <= now()
               AND EXISTS (SELECT 1 FROM identity_provider p WHERE p."organizationId" = m."organizationId" AND p.issuer = p_issuer AND p.enabled)
           ), '[]'::jsonb),
           coalesce((
             SELECT jsonb_agg(jsonb_build_object('teamId', tm."teamId", 'organizationId', tm."organizationId", 'role', tm.role) ORDER BY tm."teamId")
             FROM team_member tm WHERE tm."userId" = u.id AND tm."leftOn" IS NULL
           ), '[]'::jsonb)
    FROM user_identity i JOIN app_user u ON u.id = i."userId"
    WHERE i.issuer = p_issuer AND i.subject = p_subject AND u.active
  $function$;

CREATE OR REPLACE FUNCTION app.resolve_sign_in(p_issuer text, p_subject text)
 RETURNS TABLE(user_id uuid, organization_ids uuid[], platform_operator boolean)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT u.id,
           coalesce((
             SELECT array_agg(DISTINCT m."organizationId")
             FROM membership m
             JOIN identity_provider p ON p."organizationId" = m."organizationId" AND p.issuer = p_issuer AND p.enabled
             WHERE m."userId" = u.id AND m."endedAt" IS NULL AND m."validFrom" <= now()
           ), '{}'::uuid[]),
           EXISTS (SELECT 1 FROM platform_operator po WHERE po."userId" = u.id)
    FROM user_identity i JOIN app_user u ON u.id = i."userId"
    WHERE i.issuer = p_issuer AND i.subject = p_subject AND u.active
  $function$;

CREATE OR REPLACE FUNCTION app.restore_job_seeker(p_job_seeker uuid)
 RETURNS TABLE(outcome text, organization_id uuid, deleted_at timestamp with time zone, current_version integer, row_counts jsonb)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    org uuid;
    js record;
    days integer;
  BEGIN
    SELECT j."organizationId" INTO org FROM public.job_seeker j WHERE j.id = p_job_seeker;
    IF org IS NULL OR NOT app.may_delete_cases(org) THEN
      outcome := 'NOT_FOUND';
      RETURN NEXT;
      RETURN;
    END IF;
    SELECT j.id, j.version, j."deletedAt" INTO js FROM public.job_seeker j WHERE j.id = p_job_seeker FOR UPDATE;
    organization_id := org;
    deleted_at := js."deletedAt";
    IF js."deletedAt" IS NULL THEN
      outcome := 'NOT_FOUND';
      RETURN NEXT;
      RETURN;
    END IF;
    SELECT app.deleted_case_days(o.settings) INTO days FROM public.organization o WHERE o.id = org;
    IF js."deletedAt" <= now() - make_interval(days => days) THEN
      outcome := 'EXPIRED';
      RETURN NEXT;
      RETURN;
    END IF;
    row_counts := app.stamp_case(org, p_job_seeker, js."deletedAt", NULL) || jsonb_build_object('job_seeker', 1);
    UPDATE public.job_seeker
    SET "deletedAt" = NULL, "deletedById" = NULL, "deletionReason" = NULL, version = version + 1, "updatedAt" = now()
    WHERE id = p_job_seeker;
    outcome := 'RESTORED';
    current_version := js.version + 1;
    RETURN NEXT;
  END $function$;

CREATE OR REPLACE FUNCTION app.retention_days(p_settings jsonb, p_key text, p_default integer, p_min integer, p_max integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT CASE
      WHEN jsonb_typeof(p_settings -> 'retention' -> p_key) = 'number'
        THEN least(p_max, greatest(p_min, (p_settings -> 'retention' ->> p_key)::numeric::integer))
      ELSE p_default
    END
  $function$;

CREATE OR REPLACE FUNCTION app.seal_audit_log(p_organization uuid DEFAULT NULL::uuid, p_limit integer DEFAULT 10000)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    st app.audit_seal_state;
    upto bigint;
    cut bigint;
    reached bigint;
    o record;
    head app.audit_chain_head;
    b app.audit_log_batch;
    sealed integer := 0;
  BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN RETURN 0; END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('audit-seal', 0));
    SELECT * INTO st FROM app.audit_seal_state WHERE singleton;
    -- a database restored on another server: its transaction ids start lower, and no transaction
    -- of the old server can still be running, so what was noted is safe now
    IF pg_snapshot_xmax(pg_current_snapshot()) < st."pendingXmax" THEN st."pendingXmax" := '0'::xid8; END IF;
    IF st."pendingThrough" > st."sealedThrough" AND pg_snapshot_xmin(pg_current_snapshot()) >= st."pendingXmax" THEN
      upto := st."pendingThrough";
      SELECT a.sequence INTO cut FROM public.audit_log a WHERE a.sequence > st."sealedThrough" AND a.sequence <= upto
        ORDER BY a.sequence OFFSET greatest(p_limit, 1) - 1 LIMIT 1;
      IF cut IS NOT NULL THEN upto := cut; END IF;
      FOR o IN
        SELECT a."organizationId" AS org, count(*)::integer AS n, min(a."occurredAt") AS first, max(a."occurredAt") AS last,
          encode(sha256(convert_to(string_agg(app.audit_row_text(a), E'\n' ORDER BY a.sequence), 'UTF8')), 'hex') AS rows_hash
        FROM public.audit_log a WHERE a.sequence > st."sealedThrough" AND a.sequence <= upto
        GROUP BY a."organizationId" ORDER BY a."organizationId"
      LOOP
        INSERT INTO app.audit_chain_head VALUES (o.org, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
        SELECT * INTO head FROM app.audit_chain_head WHERE organization_id = o.org FOR UPDATE;
        b := ROW(o.org, head.position + 1, st."sealedThrough", upto, o.n, o.first, o.last, o.rows_hash, head.hash, NULL, clock_timestamp());
        b.hash := app.audit_batch_hash(b);
        INSERT INTO app.audit_log_batch SELECT b.*;
        UPDATE app.audit_chain_head SET position = b."batchNumber", hash = b.hash WHERE organization_id = o.org;
        sealed := sealed + o.n;
      END LOOP;
      st."sealedThrough" := upto;
    END IF;
    IF st."sealedThrough" >= st."pendingThrough" THEN
      -- note the sequence reached, then (in a later statement, so a later snapshot) the next transaction id
      SELECT CASE WHEN s.is_called THEN s.last_value ELSE s.last_value - 1 END INTO reached FROM public.audit_log_sequence_seq s;
      st."pendingThrough" := reached;
      st."pendingXmax" := pg_snapshot_xmax(pg_current_snapshot());
    END IF;
    UPDATE app.audit_seal_state SET "sealedThrough" = st."sealedThrough", "pendingThrough" = st."pendingThrough",
      "pendingXmax" = st."pendingXmax" WHERE singleton;
    RETURN sealed;
  END $function$;

CREATE OR REPLACE FUNCTION app.send_deadline_digest(p_day date)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    sent integer := 0;
    r record;
    note_id uuid;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('deadline-digest', 0));
    FOR r IN
      SELECT t."organizationId" AS org, t."assigneeId" AS recipient, count(*) AS overdue, u.email
      FROM public.task t JOIN public.app_user u ON u.id = t."assigneeId"
      WHERE t.status = 'OPEN' AND t."dueOn" < p_day AND t."deletedAt" IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM public.notification n
          WHERE n."organizationId" = t."organizationId" AND n."recipientId" = t."assigneeId"
            AND n.kind = 'DEADLINE_DIGEST' AND (n."createdAt" AT TIME ZONE 'Europe/Oslo')::date = p_day)
      GROUP BY t."organizationId", t."assigneeId", u.email
    LOOP
      note_id := gen_random_uuid();
      INSERT INTO public.notification (id, "organizationId", "recipientId", kind, title, body, "linkType")
      VALUES (note_id, r.org, r.recipient, 'DEADLINE_DIGEST',
              CASE WHEN r.overdue = 1 THEN 'Du har 1 frist som har passert.' ELSE format('Du har %s frister som har passert.', r.overdue) END,
              'Se «Mine frister» for hva som haster mest.', 'Deadlines');
      IF r.email IS NOT NULL THEN
        INSERT INTO public.outbox_message (id, "organizationId", topic, payload)
        VALUES (gen_random_uuid(), r.org, 'email.notification', jsonb_build_object(
          'notificationId', note_id, 'to', r.email, 'subject', 'Frister som har passert',
          'text', E'Du har frister som har passert.\n\nLogg inn i IPS-plattformen for å se dem under «Mine frister».\n'));
      END IF;
      sent := sent + 1;
    END LOOP;
    RETURN sent;
  END $function$;

CREATE OR REPLACE FUNCTION app.soft_delete_job_seeker(p_job_seeker uuid, p_version integer, p_reason text)
 RETURNS TABLE(outcome text, organization_id uuid, deleted_at timestamp with time zone, current_version integer, row_counts jsonb)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    org uuid;
    js record;
    stamp timestamptz := date_trunc('milliseconds', now());
  BEGIN
    SELECT j."organizationId" INTO org FROM public.job_seeker j WHERE j.id = p_job_seeker;
    IF org IS NULL OR NOT app.may_delete_cases(org) THEN
      outcome := 'NOT_FOUND';
      RETURN NEXT;
      RETURN;
    END IF;
    SELECT j.id, j.version, j."deletedAt" INTO js FROM public.job_seeker j WHERE j.id = p_job_seeker FOR UPDATE;
    organization_id := org;
    IF js."deletedAt" IS NOT NULL THEN
      outcome := 'NOT_FOUND';
      RETURN NEXT;
      RETURN;
    END IF;
    IF length(btrim(coalesce(p_reason, ''))) < 10 THEN
      RAISE EXCEPTION 'a deletion needs a reason of at least 10 characters' USING ERRCODE = '22023';
    END IF;
    IF js.version <> p_version THEN
      outcome := 'CONFLICT';
      current_version := js.version;
      RETURN NEXT;
      RETURN;
    END IF;
    UPDATE public.job_seeker
    SET "deletedAt" = stamp, "deletedById" = app.current_user_id(), "deletionReason" = btrim(p_reason),
        version = version + 1, "updatedAt" = now()
    WHERE id = p_job_seeker;
    row_counts := app.stamp_case(org, p_job_seeker, NULL, stamp) || jsonb_build_object('job_seeker', 1);
    outcome := 'DELETED';
    deleted_at := stamp;
    current_version := js.version + 1;
    RETURN NEXT;
  END $function$;

CREATE OR REPLACE FUNCTION app.specialist_caseloads(p_specialists uuid[])
 RETURNS TABLE(specialist_id uuid, caseload integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT s.id,
      (SELECT count(*)::integer FROM public.job_seeker j
        WHERE j."currentSpecialistId" = s.id AND j.phase <> 'DISCHARGED' AND j."deletedAt" IS NULL)
    FROM (SELECT DISTINCT unnest(p_specialists) AS id) s
    WHERE EXISTS (
        SELECT 1 FROM public.team_member tm
        WHERE tm."userId" = s.id AND tm."leftOn" IS NULL
          AND tm."organizationId" = ANY (app.current_org_ids()))
      OR EXISTS (
        SELECT 1 FROM public.membership m
        WHERE m."userId" = s.id AND m."endedAt" IS NULL
          AND m."organizationId" = ANY (app.current_org_ids()))
  $function$;

CREATE OR REPLACE FUNCTION app.stamp_case(p_organization uuid, p_job_seeker uuid, p_from timestamp with time zone, p_to timestamp with time zone)
 RETURNS jsonb
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    counts jsonb := '{}'::jsonb;
    plans uuid[];
    revisions uuid[];
    profiles uuid[];
    t record;
    n bigint;
  BEGIN
    SELECT coalesce(array_agg(p.id), '{}') INTO plans FROM public.support_plan p
      WHERE p."organizationId" = p_organization AND p."jobSeekerId" = p_job_seeker;
    SELECT coalesce(array_agg(r.id), '{}') INTO revisions FROM public.support_plan_revision r
      WHERE r."organizationId" = p_organization AND r."supportPlanId" = ANY (plans);
    SELECT coalesce(array_agg(c.id), '{}') INTO profiles FROM public.career_profile c
      WHERE c."organizationId" = p_organization AND c."jobSeekerId" = p_job_seeker;
    FOR t IN SELECT * FROM app.case_tables() ORDER BY ord LOOP
      EXECUTE format('UPDATE public.%I SET "deletedAt" = $1 WHERE "deletedAt" IS NOT DISTINCT FROM $2 AND %s',
                     t.table_name, t.condition)
        USING p_to, p_from, p_organization, p_job_seeker, plans, revisions, profiles;
      GET DIAGNOSTICS n = ROW_COUNT;
      counts := counts || jsonb_build_object(t.table_name, n);
    END LOOP;
    RETURN counts;
  END $function$;

CREATE OR REPLACE FUNCTION app.supervisors_of(p_specialist uuid)
 RETURNS TABLE(supervisor_id uuid, team_id uuid, team_name text, email text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT DISTINCT t."methodSupervisorId", t.id, t.name, u.email
    FROM public.team_member tm
    JOIN public.specialist_team t ON t."organizationId" = tm."organizationId" AND t.id = tm."teamId"
    JOIN public.app_user u ON u.id = t."methodSupervisorId"
    WHERE tm."userId" = p_specialist
      AND tm."leftOn" IS NULL
      AND t.active
      AND EXISTS (
        SELECT 1 FROM public.membership m
        WHERE m."userId" = p_specialist AND m."endedAt" IS NULL
          AND m."organizationId" = ANY (app.current_org_ids()))
  $function$;

CREATE OR REPLACE FUNCTION app.trusted_issuers()
 RETURNS TABLE(issuer text, audience text, jwks_uri text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    SELECT DISTINCT p.issuer, p.audience, p."jwksUri"
    FROM identity_provider p JOIN organization o ON o.id = p."organizationId"
    WHERE p.enabled AND o.active
  $function$;

CREATE OR REPLACE FUNCTION app.uuid_v7()
 RETURNS uuid
 LANGUAGE sql
AS $function$ SELECT pg_catalog.encode(pg_catalog.set_bit(pg_catalog.set_bit(overlay(pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
          PLACING substring(pg_catalog.int8send(pg_catalog.floor(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint) FROM 3)
          FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid $function$;

CREATE OR REPLACE FUNCTION app.verify_audit_chain(p_organization uuid)
 RETURNS TABLE(checked bigint, first_broken bigint)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
  DECLARE
    expected_previous text := repeat('0', 64);
    expected_number bigint := 0;
    b app.audit_log_batch;
    head app.audit_chain_head;
    n bigint;
    h text;
    sealed_rows bigint;
    horizon bigint;
  BEGIN
    checked := 0;
    first_broken := NULL;
    SELECT coalesce((SELECT o."legacyHash" FROM app.audit_chain_origin o WHERE o.organization_id = p_organization), repeat('0', 64))
      INTO expected_previous;
    FOR b IN SELECT * FROM app.audit_log_batch WHERE "organizationId" = p_organization ORDER BY "batchNumber"
    LOOP
      expected_number := expected_number + 1;
      SELECT count(*), encode(sha256(convert_to(string_agg(app.audit_row_text(ROW(a.*)::public.audit_log), E'\n' ORDER BY a.sequence), 'UTF8')), 'hex')
        INTO n, h
        FROM app.audit_log_everything a
        WHERE a."organizationId" = p_organization AND a.sequence > b."fromSequence" AND a.sequence <= b."toSequence"
          AND a."occurredAt" BETWEEN b."firstOccurredAt" AND b."lastOccurredAt";
      IF b."batchNumber" <> expected_number OR b."previousHash" <> expected_previous OR b.hash <> app.audit_batch_hash(b)
         OR n <> b."rowCount" OR h IS DISTINCT FROM b."rowsHash" THEN
        first_broken := expected_number;
        RETURN NEXT;
        RETURN;
      END IF;
      checked := checked + n;
      expected_previous := b.hash;
    END LOOP;
    -- no sealed row outside the batches (a row added into a sealed period, or moved out of its batch's bounds)
    SELECT s."sealedThrough" INTO horizon FROM app.audit_seal_state s WHERE singleton;
    SELECT count(*) INTO sealed_rows FROM app.audit_log_everything a WHERE a."organizationId" = p_organization AND a.sequence <= horizon;
    IF sealed_rows <> checked THEN
      first_broken := expected_number + 1;
      RETURN NEXT;
      RETURN;
    END IF;
    SELECT * INTO head FROM app.audit_chain_head WHERE organization_id = p_organization;
    IF head.organization_id IS NOT NULL AND (head.position <> expected_number OR head.hash <> expected_previous) THEN
      first_broken := expected_number + 1;  -- batches at the end were removed
    END IF;
    RETURN NEXT;
  END $function$;
