-- Soft deletion of a job seeker's case (docs/adr/0012-soft-deleted-case-data.md).
--
-- A tenant deletes a case (a referral registered in error, a record that must go): the job seeker
-- and every row of its case are stamped with one `deletedAt`. A RESTRICTIVE row-level-security
-- policy hides stamped rows from the runtime role, so no query the API makes can return them,
-- whatever a resolver forgets. Definer functions (which bypass RLS) are redefined below to skip
-- them. The case can be restored within the tenant's retention period
-- (settings.retention.deletedCaseDays); after it, the retention job purges it, in foreign-key
-- order, and writes one audit row per purged job seeker (row counts, no names).

-- AlterTable
ALTER TABLE "job_seeker" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "deletedById" UUID,
ADD COLUMN     "deletionReason" TEXT;

-- AlterTable
ALTER TABLE "job_seeker_phase_change" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "assignment" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "consent" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "consent_event" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "nav_sharing_grant" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "career_profile" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "career_profile_revision" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "employer_contact" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "job_application" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "employment" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "study" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "support_plan" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "support_plan_revision" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "support_plan_agreement" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "support_plan_meeting" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "support_plan_export" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "follow_up_meeting" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "journal_note" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "task" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "transfer" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "team_meeting_agenda_item" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "portfolio_review_item" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);
-- CreateIndex
CREATE INDEX "job_seeker_organizationId_deletedAt_idx" ON "job_seeker"("organizationId", "deletedAt");

-- AddForeignKey
ALTER TABLE "job_seeker" ADD CONSTRAINT "job_seeker_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Row-level security: stamped rows do not exist for the runtime role ───
-- RESTRICTIVE: combined with AND with every permissive policy (tenant isolation, NAV reads), so
-- no other policy can show a deleted row. For ALL commands: the runtime role can neither read,
-- change nor delete a stamped row, nor stamp or unstamp one itself (WITH CHECK): only the definer
-- functions below do. A plain column test: indexes keep working, the filter costs nothing.
CREATE POLICY not_deleted ON "job_seeker" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "job_seeker_phase_change" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "assignment" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "consent" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "consent_event" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "nav_sharing_grant" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "career_profile" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "career_profile_revision" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "employer_contact" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "job_application" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "employment" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "study" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "support_plan" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "support_plan_revision" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "support_plan_agreement" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "support_plan_meeting" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "support_plan_export" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "follow_up_meeting" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "journal_note" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "task" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "transfer" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "team_meeting_agenda_item" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "portfolio_review_item" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "notification" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE POLICY not_deleted ON "outbox_message" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
-- Nor can a new row be attached to a deleted case (foreign-key checks do not see row-level
-- security: without this, a write that names the job seeker's id would add a visible row to it).
CREATE FUNCTION app.refuse_deleted_case() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  BEGIN
    IF NEW."jobSeekerId" IS NOT NULL AND EXISTS (
      SELECT 1 FROM public.job_seeker j WHERE j.id = NEW."jobSeekerId" AND j."deletedAt" IS NOT NULL) THEN
      RAISE EXCEPTION 'the case of this job seeker is deleted' USING ERRCODE = '23503';
    END IF;
    RETURN NEW;
  END $$;
REVOKE ALL ON FUNCTION app.refuse_deleted_case() FROM PUBLIC;
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attname = 'jobSeekerId'
      AND NOT a.attisdropped AND c.relname <> 'audit_log'
    ORDER BY 1
  LOOP
    EXECUTE format('CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON public.%I
                    FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case()', t);
  END LOOP;
END $$;

-- The access log of a deleted case is hidden with it (it would confirm the case exists); it is
-- kept, and readable again after a restore or, as the legal record, after the purge.
CREATE FUNCTION app.deleted_job_seeker_ids() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT coalesce(array_agg(j.id), '{}'::uuid[]) FROM public.job_seeker j
    WHERE j."organizationId" = ANY (app.current_org_ids()) AND j."deletedAt" IS NOT NULL
  $$;
CREATE POLICY not_deleted_case ON audit_log AS RESTRICTIVE FOR SELECT TO ips_app
  USING ("jobSeekerId" IS NULL OR "jobSeekerId" <> ALL ((SELECT app.deleted_job_seeker_ids())::uuid[]));

-- ─── The retention period ───
-- Days a deleted case stays restorable before it is purged: settings.retention.deletedCaseDays,
-- default 90 (a quarter: the quarterly portfolio review notices a wrong deletion), at least 7 (a
-- working week to notice a wrong click), at most 365 (deleted data is kept to undo mistakes, not
-- as an archive). A tenant that must erase on request within a month sets 30 or less.
CREATE FUNCTION app.deleted_case_days(p_settings jsonb) RETURNS integer
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp
  AS $$ SELECT app.retention_days(p_settings, 'deletedCaseDays', 90, 7, 365) $$;

-- Whether the signed-in user may delete and restore the cases of an organisation: an active
-- tenant administrator or health-service leader there, acting in it in this request. (The API's
-- ability says the same; this holds the line below it.)
CREATE FUNCTION app.may_delete_cases(p_organization uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT p_organization = ANY (app.current_org_ids()) AND EXISTS (
      SELECT 1 FROM public.membership m
      WHERE m."organizationId" = p_organization AND m."userId" = app.current_user_id()
        AND m.role IN ('TENANT_ADMINISTRATOR', 'HEALTH_SERVICE_LEADER')
        AND m."endedAt" IS NULL AND m."validFrom" <= now())
  $$;

-- The rows of one job seeker's case, table by table, children before parents (the order the
-- purge deletes in). Parameters of each condition: $3 organisation, $4 job seeker, $5 its support
-- plans, $6 their revisions, $7 its career profiles. Agenda items and portfolio-review items may
-- belong to another organisation's team (a cross-tenant link by design): they match by job seeker.
CREATE FUNCTION app.case_tables() RETURNS TABLE (ord integer, table_name text, condition text)
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
      (24, 'notification', '"linkType" = ''JobSeeker'' AND "linkId" = $4')
  $$;

-- Moves the stamp of every case row of a job seeker from p_from to p_to (NULL → t deletes, t → NULL
-- restores exactly that deletion); returns the rows changed per table. Not a definer: only the
-- definer functions below call it.
CREATE FUNCTION app.stamp_case(p_organization uuid, p_job_seeker uuid, p_from timestamptz, p_to timestamptz)
  RETURNS jsonb
  LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

-- Deletes (soft) a job seeker's case: the job seeker and all its case rows get the same stamp.
-- NOT_FOUND when the job seeker does not exist, is already deleted, or the caller may not delete
-- it (never "forbidden": ids do not leak existence); CONFLICT when its version moved.
CREATE FUNCTION app.soft_delete_job_seeker(p_job_seeker uuid, p_version integer, p_reason text)
  RETURNS TABLE (outcome text, organization_id uuid, deleted_at timestamptz, current_version integer, row_counts jsonb)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

-- Restores a deleted case within the tenant's retention period: exactly the rows stamped by that
-- deletion. NOT_FOUND as above (or not deleted); EXPIRED when the period has passed.
CREATE FUNCTION app.restore_job_seeker(p_job_seeker uuid)
  RETURNS TABLE (outcome text, organization_id uuid, deleted_at timestamptz, current_version integer, row_counts jsonb)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

-- The deleted cases of the organisations where the caller may delete cases, newest first, with
-- what an administrator needs to recognise one (the name) and when it will be purged.
CREATE FUNCTION app.deleted_job_seekers()
  RETURNS TABLE (id uuid, organization_id uuid, given_name text, family_name text, deleted_at timestamptz,
                 deleted_by_id uuid, deleted_by_given_name text, deleted_by_family_name text, reason text,
                 purge_after timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  $$;

-- The retention purge of deleted cases: every job seeker deleted longer ago than its tenant's
-- period is deleted with every row of its case, children first; one audit row per job seeker
-- (DELETE, area retention.purge) with the row counts per table, when it was deleted and the
-- period — no name, no identity number. Idempotent: a second run finds nothing to purge.
CREATE FUNCTION app.purge_deleted_job_seekers(p_now timestamptz)
  RETURNS TABLE (organization_id uuid, job_seeker_id uuid, row_counts jsonb)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

-- ─── Definer functions that read case data below RLS: deleted cases are skipped ───

-- NAV: a grant of a deleted case gives nothing (the policies on job_seeker, employment, … hide the
-- rows anyway; this keeps the audit-append policy and the counsellor's list in line).
CREATE OR REPLACE FUNCTION app.nav_job_seeker_ids(required_scope "NavShareScope") RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT g."jobSeekerId"), '{}'::uuid[])
    FROM nav_sharing_grant g
    JOIN consent c ON c."organizationId" = g."organizationId" AND c.id = g."consentId"
    JOIN membership m ON m."organizationId" = g."navOfficeId"
      AND m."userId" = app.current_user_id() AND m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL
    WHERE g."navOfficeId" = ANY (app.current_org_ids())
      AND (g."counsellorId" IS NULL OR g."counsellorId" = app.current_user_id())
      AND g."revokedAt" IS NULL AND g."deletedAt" IS NULL
      AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now())
      AND (required_scope IS NULL OR required_scope = ANY (g.scopes))
      AND c.scope = 'NAV_SHARING' AND c."withdrawnAt" IS NULL AND c."deletedAt" IS NULL
      AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now())
  $$;

-- A specialist's portfolio size (before they leave a team): deleted cases do not count.
CREATE OR REPLACE FUNCTION app.portfolio_size(p_specialist uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT count(*)::integer FROM public.job_seeker j
    WHERE j."currentSpecialistId" = p_specialist AND j.phase <> 'DISCHARGED' AND j."deletedAt" IS NULL
      AND EXISTS (
        SELECT 1 FROM public.team_member tm
        WHERE tm."userId" = p_specialist AND tm."leftOn" IS NULL
          AND tm."organizationId" = ANY (app.current_org_ids()))
  $$;

-- The daily digest counts no duty of a deleted case.
CREATE OR REPLACE FUNCTION app.send_deadline_digest(p_day date) RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

-- The metrics' overdue duties: none of a deleted case.
CREATE OR REPLACE FUNCTION app.overdue_deadlines_per_organization(p_day date)
  RETURNS TABLE (organization_id uuid, overdue bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT t."organizationId", count(*)
    FROM public.task t
    WHERE t.status = 'OPEN' AND t."dueOn" < p_day AND t."deletedAt" IS NULL
    GROUP BY t."organizationId"
  $$;

-- Consent-expiry notices: none about a deleted case.
CREATE OR REPLACE FUNCTION app.notify_expiring_consents(p_now timestamptz, p_days integer DEFAULT 14) RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

-- The outbox: a deleted case's support plan is not sent to NAV (it waits, stamped, for a restore
-- or the purge).
CREATE OR REPLACE FUNCTION app.claim_outbox(p_topic text, p_limit integer, p_lease_seconds integer DEFAULT 60)
  RETURNS TABLE (id uuid, organization_id uuid, payload jsonb, attempts integer)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  $$;

-- A referral checks that the person is not registered yet: a deleted case keeps its identity
-- number until it is purged (restore it instead), and is hidden from the runtime role. A yes/no
-- for one of the request's organisations, nothing else — as the check answered for live cases.
CREATE FUNCTION app.identity_number_registered(p_organization uuid, p_identity_number text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT p_organization = ANY (app.current_org_ids()) AND EXISTS (
      SELECT 1 FROM public.job_seeker j
      WHERE j."organizationId" = p_organization AND j."identityNumber" = p_identity_number::bpchar)
  $$;

-- (Unchanged, they read no case data: current_org_ids, is_platform_operator, trusted_issuers,
-- resolve_sign_in, resolve_actor — memberships and teams —, supervisors_of, is_nav_counsellor,
-- add_member, onboard_organization, complete_outbox, the audit sealer and verifier, and
-- purge_expired_operational_data.)

REVOKE ALL ON FUNCTION app.deleted_job_seeker_ids() FROM PUBLIC;
REVOKE ALL ON FUNCTION app.deleted_case_days(jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.may_delete_cases(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.case_tables() FROM PUBLIC;
REVOKE ALL ON FUNCTION app.stamp_case(uuid, uuid, timestamptz, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.soft_delete_job_seeker(uuid, integer, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.restore_job_seeker(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.deleted_job_seekers() FROM PUBLIC;
REVOKE ALL ON FUNCTION app.purge_deleted_job_seekers(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.identity_number_registered(uuid, text) FROM PUBLIC;
-- The policy on audit_log calls deleted_job_seeker_ids as the runtime role.
GRANT EXECUTE ON FUNCTION app.deleted_job_seeker_ids() TO ips_app;
GRANT EXECUTE ON FUNCTION app.soft_delete_job_seeker(uuid, integer, text) TO ips_app;
GRANT EXECUTE ON FUNCTION app.restore_job_seeker(uuid) TO ips_app;
GRANT EXECUTE ON FUNCTION app.deleted_job_seekers() TO ips_app;
GRANT EXECUTE ON FUNCTION app.purge_deleted_job_seekers(timestamptz) TO ips_app;
GRANT EXECUTE ON FUNCTION app.identity_number_registered(uuid, text) TO ips_app;
