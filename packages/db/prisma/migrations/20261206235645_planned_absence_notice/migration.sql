-- Issue 17 item 7: planned absences notify the method supervisor ahead of their start.

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PLANNED_ABSENCE';

-- AlterTable
ALTER TABLE "absence" ADD COLUMN     "supervisorRemindedAt" TIMESTAMPTZ(3);

-- Issue 17 item 7 (seed 001 §4.1: "Den enkelte jobbspesialist har ansvar for å varsle leder, og
-- helst også metodeveileder, på et tidlig tidspunkt ved planlagt og langvarig fravær"): a planned
-- absence notifies the method supervisors of the specialist's teams when it is registered (the
-- API) and again the tenant's notice period before it starts (this job function; settings
-- `plannedAbsenceNoticeDays`, 1–60, 14 by default). Once per absence: `supervisorRemindedAt` is
-- stamped in the same transaction (also by the API when the absence is registered inside the
-- notice period already), under an advisory lock, so a retry or a second replica sends nothing.
CREATE FUNCTION app.notify_planned_absences(p_now timestamptz) RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

REVOKE ALL ON FUNCTION app.notify_planned_absences(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.notify_planned_absences(timestamptz) TO ips_app;
