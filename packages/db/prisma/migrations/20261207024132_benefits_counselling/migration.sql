-- Issue 17, benefits counselling (IPS principle 5, seed 003 §5: "Individuell tilpasset veiledning
-- om økonomiske ytelser"; docs/benefits-counselling.md): a typed record per counselling given —
-- which benefits, what changes with income from work, what was referred to NAV for calculation,
-- the follow-up day. Case data: tenant isolation, soft deletion with the case, and NAV reads it only
-- where a grant names the part BENEFITS_COUNSELLING and the NAV-sharing consent covers it.

-- CreateTable
CREATE TABLE "benefits_counselling" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "counselledOn" DATE NOT NULL,
    "benefits" JSONB NOT NULL DEFAULT '[]',
    "referredToNav" BOOLEAN NOT NULL DEFAULT false,
    "referralNote" TEXT,
    "followUpOn" DATE,
    "givenById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "benefits_counselling_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "benefits_counselling_organizationId_jobSeekerId_counselledO_idx" ON "benefits_counselling"("organizationId", "jobSeekerId", "counselledOn");

-- CreateIndex
CREATE UNIQUE INDEX "benefits_counselling_organizationId_id_key" ON "benefits_counselling"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "benefits_counselling" ADD CONSTRAINT "benefits_counselling_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benefits_counselling" ADD CONSTRAINT "benefits_counselling_givenById_fkey" FOREIGN KEY ("givenById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── row-level security ───
ALTER TABLE "benefits_counselling" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "benefits_counselling" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "benefits_counselling"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

-- NAV reads a job seeker's counselling only through an active grant naming the part, on a NAV-sharing
-- consent that covers it (the one cross-tenant read; app.nav_job_seeker_ids checks both).
CREATE POLICY nav_reads_shared ON "benefits_counselling" FOR SELECT
  USING ("jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('BENEFITS_COUNSELLING'))::uuid[]));

-- Deleted with the case (ADR 0012).
CREATE POLICY not_deleted ON "benefits_counselling" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON "benefits_counselling"
  FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();

-- The case's tables, now with the benefits counselling (stamped, restored and purged with the case).
CREATE OR REPLACE FUNCTION app.case_tables() RETURNS TABLE (ord integer, table_name text, condition text)
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp
  AS $$
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
      (26, 'benefits_counselling', '"organizationId" = $3 AND "jobSeekerId" = $4')
  $$;
REVOKE ALL ON FUNCTION app.case_tables() FROM PUBLIC;
