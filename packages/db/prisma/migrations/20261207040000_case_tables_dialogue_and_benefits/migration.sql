-- The tables of a case (soft deletion, restore, purge; ADR 0012): the NAV dialogue's and benefits
-- counselling's migrations were written side by side and each listed only its own table; this lists
-- both (the catalog test checks every table with a jobSeekerId is here).
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
      (26, 'benefits_counselling', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (27, 'nav_dialogue_message', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (28, 'nav_dialogue_thread', '"organizationId" = $3 AND "jobSeekerId" = $4')
  $$;
REVOKE ALL ON FUNCTION app.case_tables() FROM PUBLIC;
