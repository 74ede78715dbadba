-- Issue 17 item 3: withdrawing the consent to record the support plan in NAV's case system (seed
-- 000 §6: "Om pasienten samtykker kan jobbstøtteplanen også nedfelles i Modia") cancels what is
-- queued, in the withdrawal's transaction, and asks NAV to retract what was delivered (an outbox
-- message of topic 'nav.support-plan.retract').

-- AlterEnum (the new value is only used by functions, not by statements of this migration)
ALTER TYPE "ExportStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "support_plan_export" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "retractedAt" TIMESTAMPTZ(3),
ADD COLUMN     "retractionOutboxMessageId" UUID;

-- A cancelled message is never claimed again (app.claim_outbox claims PENDING and FAILED only).
-- A delivery that was already in flight when the consent was withdrawn (claimed before, accepted
-- after) is recorded as sent and its retraction is queued at once; a failed one stays cancelled.
-- A delivered retraction stamps the export retracted.
CREATE OR REPLACE FUNCTION app.complete_outbox(p_id uuid, p_ok boolean, p_error text DEFAULT NULL) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

-- The case's tables: a retraction message carries the job seeker's identity number, so it is
-- stamped, restored and purged with the case like the delivery itself.
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
      (25, 'reminder', '"organizationId" = $3 AND "jobSeekerId" = $4')
  $$;
REVOKE ALL ON FUNCTION app.case_tables() FROM PUBLIC;
