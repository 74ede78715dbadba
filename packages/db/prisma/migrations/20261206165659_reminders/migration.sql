-- CreateTable
CREATE TABLE "reminder" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "dueOn" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reminder_organizationId_authorId_doneAt_dueOn_idx" ON "reminder"("organizationId", "authorId", "doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "reminder_organizationId_jobSeekerId_idx" ON "reminder"("organizationId", "jobSeekerId");

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Row-level security (prisma/SQL-CONVENTIONS.md) ───
-- A reminder is its author's alone (issue 15 item 10): the tenant policy, and a RESTRICTIVE policy
-- on the author, so no colleague, supervisor or administrator of the organisation reads or changes
-- one even past the API's own rules.
ALTER TABLE "reminder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reminder" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "reminder"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));
CREATE POLICY author_only ON "reminder" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("authorId" = (SELECT app.current_user_id()))
  WITH CHECK ("authorId" = (SELECT app.current_user_id()));

-- Part of the job seeker's case (ADR 0012): hidden with a deleted case, never added to one.
CREATE POLICY not_deleted ON "reminder" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON "reminder"
  FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();

-- The case's tables, now with the reminders (stamped, restored and purged with the case).
CREATE OR REPLACE FUNCTION app.case_tables() RETURNS TABLE (ord integer, table_name text, condition text)
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp
  AS $$
    VALUES
      (1, 'outbox_message', '"organizationId" = $3 AND id IN (SELECT x."outboxMessageId" FROM public.support_plan_export x WHERE x."organizationId" = $3 AND x."revisionId" = ANY ($6))'),
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
      (25, 'reminder', '"organizationId" = $3 AND "jobSeekerId" = $4')
  $$;
REVOKE ALL ON FUNCTION app.case_tables() FROM PUBLIC;
