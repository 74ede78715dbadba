-- Row-level security for every tenant-owned table, the runtime role's grants and the helper
-- functions the policies read. Conventions: prisma/SQL-CONVENTIONS.md.
--
-- Request context (set transaction-locally by the API, never with a session-wide SET):
--   app.user_id  the signed-in user's id
--   app.org_ids  comma-separated ids of the organisations the request acts in
-- The database trusts app.org_ids only as far as the user's active memberships reach.

CREATE SCHEMA app AUTHORIZATION ips_owner;
REVOKE ALL ON SCHEMA app FROM PUBLIC;
GRANT USAGE ON SCHEMA app TO ips_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ips_app;

-- An unset transaction-local setting reads as '' on a reused connection: NULLIF turns it into NULL.
CREATE FUNCTION app.current_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

-- The organisations of this request: those named in app.org_ids where the user holds an active
-- membership. SECURITY DEFINER so it can read memberships below their own policy.
CREATE FUNCTION app.current_org_ids() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT coalesce(array_agg(DISTINCT m."organizationId"), '{}'::uuid[])
    FROM membership m
    WHERE m."userId" = app.current_user_id()
      AND m."endedAt" IS NULL
      AND m."validFrom" <= now()
      AND m."organizationId" = ANY (string_to_array(NULLIF(current_setting('app.org_ids', true), ''), ',')::uuid[])
  $$;

CREATE FUNCTION app.is_platform_operator() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT EXISTS (SELECT 1 FROM platform_operator p WHERE p."userId" = app.current_user_id()) $$;

-- The one cross-tenant read (architecture.md §3): job seekers a NAV counsellor of one of the
-- request's NAV offices may read through an active, unrevoked grant whose NAV-sharing consent is
-- given and neither withdrawn nor expired. NULL scope: any grant (basic details).
CREATE FUNCTION app.nav_job_seeker_ids(required_scope "NavShareScope") RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT coalesce(array_agg(DISTINCT g."jobSeekerId"), '{}'::uuid[])
    FROM nav_sharing_grant g
    JOIN consent c ON c."organizationId" = g."organizationId" AND c.id = g."consentId"
    JOIN membership m ON m."organizationId" = g."navOfficeId"
      AND m."userId" = app.current_user_id() AND m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL
    WHERE g."navOfficeId" = ANY (app.current_org_ids())
      AND (g."counsellorId" IS NULL OR g."counsellorId" = app.current_user_id())
      AND g."revokedAt" IS NULL
      AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now())
      AND (required_scope IS NULL OR required_scope = ANY (g.scopes))
      AND c.scope = 'NAV_SHARING' AND c."withdrawnAt" IS NULL
      AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now())
  $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO ips_app;

-- Grants: the runtime role reads and writes data, never the schema; the audit log is insert-only.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ips_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ips_app;
-- (the migrations table exists when a migrator runs this; not in Prisma's shadow database)
DO $$ BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM ips_app;
  END IF;
END $$;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ips_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON platform_operator FROM ips_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ips_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ips_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ips_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ips_app;

-- ─── tenant-owned tables: ENABLE + FORCE, one isolation policy each ───

ALTER TABLE "identity_provider" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "identity_provider" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity_provider"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "membership"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "specialist_team" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "specialist_team" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "specialist_team"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "team_member" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "team_member" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "team_member"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "health_team" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "health_team" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "health_team"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "health_team_attachment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "health_team_attachment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "health_team_attachment"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "job_seeker" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "job_seeker" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "job_seeker"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "job_seeker_phase_change" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "job_seeker_phase_change" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "job_seeker_phase_change"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "assignment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "assignment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "assignment"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "consent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consent"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "consent_event" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consent_event" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consent_event"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "nav_sharing_grant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "nav_sharing_grant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "nav_sharing_grant"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "career_profile" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "career_profile" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "career_profile"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "career_profile_revision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "career_profile_revision" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "career_profile_revision"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "employer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "employer" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "employer"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "employer_contact" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "employer_contact" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "employer_contact"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "job_application" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "job_application" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "job_application"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "employment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "employment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "employment"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "study" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "study" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "study"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "support_plan" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "support_plan" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "support_plan"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "support_plan_revision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "support_plan_revision" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "support_plan_revision"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "support_plan_agreement" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "support_plan_agreement" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "support_plan_agreement"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "support_plan_meeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "support_plan_meeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "support_plan_meeting"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "support_plan_export" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "support_plan_export" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "support_plan_export"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "follow_up_meeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "follow_up_meeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "follow_up_meeting"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "journal_note" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "journal_note" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "journal_note"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "task" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "task" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "task"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "deadline_rule_setting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "deadline_rule_setting" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "deadline_rule_setting"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "absence" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "absence" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "absence"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "transfer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "transfer" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "transfer"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "team_meeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "team_meeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "team_meeting"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "team_meeting_agenda_item" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "team_meeting_agenda_item" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "team_meeting_agenda_item"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "team_meeting_attendee" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "team_meeting_attendee" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "team_meeting_attendee"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "action_point" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "action_point" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "action_point"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "field_mentoring" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "field_mentoring" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "field_mentoring"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "portfolio_review" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_review" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "portfolio_review"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "portfolio_review_item" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_review_item" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "portfolio_review_item"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "target" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "target" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "target"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "fidelity_review" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "fidelity_review" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "fidelity_review"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "fidelity_item_score" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "fidelity_item_score" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "fidelity_item_score"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "fidelity_action_item" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "fidelity_action_item" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "fidelity_action_item"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "notification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notification" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notification"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "outbox_message" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "outbox_message" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "outbox_message"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;

-- ─── audit log: read within the tenant; insert also for a NAV counsellor's reads of a shared job seeker ───
CREATE POLICY audit_read ON audit_log FOR SELECT
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));
CREATE POLICY audit_append ON audit_log FOR INSERT
  WITH CHECK (
    "organizationId" = ANY ((SELECT app.current_org_ids())::uuid[])
    OR ("jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids(NULL))::uuid[]) AND "actorUserId" = (SELECT app.current_user_id()))
  );

-- ─── a user sees their own memberships in every organisation (to choose where to act) ───
CREATE POLICY own_memberships ON membership FOR SELECT
  USING ("userId" = (SELECT app.current_user_id()));

-- ─── NAV: the grants addressed to the counsellor's office, and what their scopes cover ───
CREATE POLICY nav_office_reads_grants ON nav_sharing_grant FOR SELECT
  USING (
    "navOfficeId" = ANY ((SELECT app.current_org_ids())::uuid[])
    AND ("counsellorId" IS NULL OR "counsellorId" = (SELECT app.current_user_id()))
  );
CREATE POLICY nav_reads_shared ON job_seeker FOR SELECT
  USING (id = ANY ((SELECT app.nav_job_seeker_ids(NULL))::uuid[]));
CREATE POLICY nav_reads_shared ON employment FOR SELECT
  USING ("jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('EMPLOYMENT_STATUS'))::uuid[]));
CREATE POLICY nav_reads_shared ON study FOR SELECT
  USING ("jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('EMPLOYMENT_STATUS'))::uuid[]));
CREATE POLICY nav_reads_shared ON employer FOR SELECT
  USING (EXISTS (SELECT 1 FROM employment e WHERE e."organizationId" = employer."organizationId" AND e."employerId" = employer.id));
CREATE POLICY nav_reads_shared ON support_plan FOR SELECT
  USING ("jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('SUPPORT_PLAN'))::uuid[]));
CREATE POLICY nav_reads_shared ON support_plan_revision FOR SELECT
  USING (EXISTS (SELECT 1 FROM support_plan p WHERE p."organizationId" = support_plan_revision."organizationId" AND p.id = support_plan_revision."supportPlanId"));
CREATE POLICY nav_reads_shared ON support_plan_agreement FOR SELECT
  USING (EXISTS (SELECT 1 FROM support_plan_revision r WHERE r."organizationId" = support_plan_agreement."organizationId" AND r.id = support_plan_agreement."revisionId"));
CREATE POLICY nav_reads_shared ON support_plan_meeting FOR SELECT
  USING (EXISTS (SELECT 1 FROM support_plan_revision r WHERE r."organizationId" = support_plan_meeting."organizationId" AND r.id = support_plan_meeting."revisionId"));
CREATE POLICY nav_reads_shared ON career_profile FOR SELECT
  USING ("jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('CAREER_PROFILE'))::uuid[]));
CREATE POLICY nav_reads_shared ON career_profile_revision FOR SELECT
  USING (EXISTS (SELECT 1 FROM career_profile p WHERE p."organizationId" = career_profile_revision."organizationId" AND p.id = career_profile_revision."careerProfileId"));

-- ─── platform tables without an owning organisation ───
ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization FORCE ROW LEVEL SECURITY;
-- Organisation names are not personal data: any signed-in user may read them (teams span tenants).
CREATE POLICY signed_in_reads ON organization FOR SELECT
  USING ((SELECT app.current_user_id()) IS NOT NULL);
CREATE POLICY platform_onboards ON organization FOR INSERT
  WITH CHECK ((SELECT app.is_platform_operator()));
CREATE POLICY tenant_or_platform_updates ON organization FOR UPDATE
  USING (id = ANY ((SELECT app.current_org_ids())::uuid[]) OR (SELECT app.is_platform_operator()));

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
-- A user is visible to themself, to people of the organisations they belong to, and (NAV) as the
-- specialist of a job seeker the reader may see.
CREATE POLICY colleagues_read ON app_user FOR SELECT
  USING (
    id = (SELECT app.current_user_id())
    OR EXISTS (SELECT 1 FROM membership m WHERE m."userId" = app_user.id AND m."organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
    OR EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = app_user.id)
  );
CREATE POLICY signed_in_creates ON app_user FOR INSERT
  WITH CHECK ((SELECT app.current_user_id()) IS NOT NULL);
CREATE POLICY self_or_colleague_updates ON app_user FOR UPDATE
  USING (
    id = (SELECT app.current_user_id())
    OR EXISTS (SELECT 1 FROM membership m WHERE m."userId" = app_user.id AND m."organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  );

ALTER TABLE user_identity ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_identity FORCE ROW LEVEL SECURITY;
CREATE POLICY visible_user ON user_identity
  USING (EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_identity."userId"))
  WITH CHECK (EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_identity."userId"));

ALTER TABLE platform_operator ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_operator FORCE ROW LEVEL SECURITY;
CREATE POLICY self_reads ON platform_operator FOR SELECT
  USING ("userId" = (SELECT app.current_user_id()));
