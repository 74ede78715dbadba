-- CreateEnum
CREATE TYPE "NavDialogueSide" AS ENUM ('SPECIALIST', 'NAV');

-- AlterEnum
ALTER TYPE "DeadlineRule" ADD VALUE 'NAV_DIALOGUE_ANSWER';

-- AlterEnum
ALTER TYPE "JournalNoteKind" ADD VALUE 'NAV_DIALOGUE';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'NAV_DIALOGUE';

-- CreateTable
CREATE TABLE "nav_dialogue_thread" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "navOfficeId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "startedById" UUID NOT NULL,
    "startedBySide" "NavDialogueSide" NOT NULL,
    "navCounsellorId" UUID,
    "lastMessageAt" TIMESTAMPTZ(3) NOT NULL,
    "specialistReadUpTo" TIMESTAMPTZ(3),
    "specialistReadById" UUID,
    "navReadUpTo" TIMESTAMPTZ(3),
    "navReadById" UUID,
    "journalNoteId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "nav_dialogue_thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nav_dialogue_message" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "side" "NavDialogueSide" NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "nav_dialogue_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "nav_dialogue_thread_organizationId_jobSeekerId_lastMessageA_idx" ON "nav_dialogue_thread"("organizationId", "jobSeekerId", "lastMessageAt");

-- CreateIndex
CREATE UNIQUE INDEX "nav_dialogue_thread_organizationId_id_key" ON "nav_dialogue_thread"("organizationId", "id");

-- CreateIndex
CREATE INDEX "nav_dialogue_message_organizationId_threadId_createdAt_idx" ON "nav_dialogue_message"("organizationId", "threadId", "createdAt");

-- AddForeignKey
ALTER TABLE "nav_dialogue_thread" ADD CONSTRAINT "nav_dialogue_thread_organizationId_jobSeekerId_fkey" FOREIGN KEY ("organizationId", "jobSeekerId") REFERENCES "job_seeker"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nav_dialogue_thread" ADD CONSTRAINT "nav_dialogue_thread_navOfficeId_fkey" FOREIGN KEY ("navOfficeId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nav_dialogue_message" ADD CONSTRAINT "nav_dialogue_message_organizationId_threadId_fkey" FOREIGN KEY ("organizationId", "threadId") REFERENCES "nav_dialogue_thread"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nav_dialogue_message" ADD CONSTRAINT "nav_dialogue_message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Row-level security (prisma/SQL-CONVENTIONS.md; docs/nav-dialogue.md) ───
-- Issue 17, "A secure dialogue per job seeker" (seed 000 §5: the NAV counsellor is a partner in the
-- follow-up; seed 001 §3: a signed consent to discuss the case with NAV). The tenant reads and
-- writes its own threads (the API's CASL rules narrow them to the own specialist and the covering
-- supervisor). A NAV counsellor reads and writes a thread only of their own office and only while
-- the grant AND the consent cover DIALOGUE (`app.nav_job_seeker_ids('DIALOGUE')`, checked on every
-- statement): withdrawal or narrowing closes the dialogue on the next request; the history stays
-- with the case. This is the one place NAV writes: its own messages, and the read state.
-- (Enum values of this migration are compared as text: a new value cannot be used in the
-- transaction that adds it.)
ALTER TABLE "nav_dialogue_thread" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "nav_dialogue_thread" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "nav_dialogue_thread"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));
CREATE POLICY nav_dialogue ON "nav_dialogue_thread" FOR SELECT
  USING ("navOfficeId" = ANY ((SELECT app.current_org_ids())::uuid[])
         AND "jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('DIALOGUE'))::uuid[]));
CREATE POLICY nav_dialogue_starts ON "nav_dialogue_thread" FOR INSERT
  WITH CHECK ("navOfficeId" = ANY ((SELECT app.current_org_ids())::uuid[])
              AND "jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('DIALOGUE'))::uuid[])
              AND "startedBySide"::text = 'NAV' AND "startedById" = (SELECT app.current_user_id()));
CREATE POLICY nav_dialogue_reads_up_to ON "nav_dialogue_thread" FOR UPDATE
  USING ("navOfficeId" = ANY ((SELECT app.current_org_ids())::uuid[])
         AND "jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('DIALOGUE'))::uuid[]))
  WITH CHECK ("navOfficeId" = ANY ((SELECT app.current_org_ids())::uuid[])
              AND "jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('DIALOGUE'))::uuid[]));
CREATE POLICY not_deleted ON "nav_dialogue_thread" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON "nav_dialogue_thread"
  FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();

ALTER TABLE "nav_dialogue_message" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "nav_dialogue_message" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "nav_dialogue_message"
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]))
  WITH CHECK ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));
-- The thread's own policies apply inside the sub-select: NAV reaches a message only through a
-- thread it may read now.
CREATE POLICY nav_dialogue ON "nav_dialogue_message" FOR SELECT
  USING (EXISTS (SELECT 1 FROM nav_dialogue_thread t
                 WHERE t."organizationId" = nav_dialogue_message."organizationId" AND t.id = nav_dialogue_message."threadId"
                   AND t."navOfficeId" = ANY ((SELECT app.current_org_ids())::uuid[])));
CREATE POLICY nav_dialogue_writes ON "nav_dialogue_message" FOR INSERT
  WITH CHECK ("side"::text = 'NAV' AND "authorId" = (SELECT app.current_user_id())
              AND EXISTS (SELECT 1 FROM nav_dialogue_thread t
                          WHERE t."organizationId" = nav_dialogue_message."organizationId" AND t.id = nav_dialogue_message."threadId"
                            AND t."jobSeekerId" = nav_dialogue_message."jobSeekerId"
                            AND t."navOfficeId" = ANY ((SELECT app.current_org_ids())::uuid[])));
-- Messages are never changed: no update or delete but the case's own stamping (definer functions).
CREATE POLICY never_changed ON "nav_dialogue_message" AS RESTRICTIVE FOR UPDATE TO ips_app
  USING (false);
CREATE POLICY never_deleted ON "nav_dialogue_message" AS RESTRICTIVE FOR DELETE TO ips_app
  USING (false);
CREATE POLICY not_deleted ON "nav_dialogue_message" AS RESTRICTIVE FOR ALL TO ips_app
  USING ("deletedAt" IS NULL) WITH CHECK ("deletedAt" IS NULL);
CREATE TRIGGER not_deleted_case BEFORE INSERT OR UPDATE OF "jobSeekerId" ON "nav_dialogue_message"
  FOR EACH ROW EXECUTE FUNCTION app.refuse_deleted_case();

-- A message belongs to its thread's job seeker (the API sets both; this holds the line below it).
CREATE FUNCTION app.check_nav_dialogue_message() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.nav_dialogue_thread t
                   WHERE t."organizationId" = NEW."organizationId" AND t.id = NEW."threadId"
                     AND t."jobSeekerId" = NEW."jobSeekerId") THEN
      RAISE EXCEPTION 'nav_dialogue_message_job_seeker: a message belongs to its thread''s job seeker'
        USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END $$;
REVOKE ALL ON FUNCTION app.check_nav_dialogue_message() FROM PUBLIC;
CREATE TRIGGER nav_dialogue_message_job_seeker BEFORE INSERT ON "nav_dialogue_message"
  FOR EACH ROW EXECUTE FUNCTION app.check_nav_dialogue_message();

-- The NAV counsellor reads their own open answer duties in a dialogue they may still reach.
CREATE POLICY nav_dialogue_duties ON task FOR SELECT
  USING (rule::text = 'NAV_DIALOGUE_ANSWER' AND "assigneeId" = (SELECT app.current_user_id())
         AND "jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids('DIALOGUE'))::uuid[]));

-- A message posted: the writer's side's answer duty on the thread is closed (answered), and the
-- other side is told (inbox and an e-mail that says only that something waits) and owes an answer
-- by p_due (48 hours: NAV Oslo's guideline, issue 17). The other side lives in another tenant, so
-- this is a definer function; it acts only on a message the caller wrote and may still reach.
-- NAV side: the thread's counsellor, else every counsellor of the office the grant reaches.
-- Specialist side: the job seeker's specialist (the duty is theirs), and while the specialist is
-- away today the method supervisors of the job seeker's team (seed 001 §4.1).
CREATE FUNCTION app.nav_dialogue_posted(p_message uuid, p_now timestamptz, p_due date, p_warn date)
  RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;
REVOKE ALL ON FUNCTION app.nav_dialogue_posted(uuid, timestamptz, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.nav_dialogue_posted(uuid, timestamptz, date, date) TO ips_app;

-- The case's tables, now with the NAV dialogue (stamped, restored and purged with the case).
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
      (26, 'nav_dialogue_message', '"organizationId" = $3 AND "jobSeekerId" = $4'),
      (27, 'nav_dialogue_thread', '"organizationId" = $3 AND "jobSeekerId" = $4')
  $$;
REVOKE ALL ON FUNCTION app.case_tables() FROM PUBLIC;
