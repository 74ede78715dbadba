-- Staffing (domain.md §7, seed 001; seed 002): a specialist's team may be hosted by another
-- organisation than the one that employs them, so the line manager registering an absence cannot
-- see the team under row-level security. One narrow function names the method supervisors of a
-- specialist's active teams, and only for a specialist who works in one of the request's
-- organisations. A trigger keeps a team at one supervisor and at most ten job specialists, whatever
-- writes to it.

CREATE FUNCTION app.supervisors_of(p_specialist uuid)
  RETURNS TABLE (supervisor_id uuid, team_id uuid, team_name text, email text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  $$;

REVOKE ALL ON FUNCTION app.supervisors_of(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.supervisors_of(uuid) TO ips_app;

-- At most ten active job specialists per team (seed 002: "maks 10 jobbspesialister per
-- metodeveileder"); the team row is locked so two concurrent additions cannot both pass.
CREATE FUNCTION app.check_team_size() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
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
  END $$;

REVOKE ALL ON FUNCTION app.check_team_size() FROM PUBLIC;

CREATE TRIGGER team_size BEFORE INSERT OR UPDATE OF role, "leftOn", "teamId" ON team_member
  FOR EACH ROW EXECUTE FUNCTION app.check_team_size();

-- A delivered notification e-mail marks its notification e-mailed.
CREATE OR REPLACE FUNCTION app.complete_outbox(p_id uuid, p_ok boolean, p_error text DEFAULT NULL) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  BEGIN
    IF p_ok THEN
      UPDATE public.outbox_message SET status = 'SENT', "sentAt" = now(), "lastError" = NULL WHERE id = p_id;
      UPDATE public.support_plan_export SET status = 'SENT', "sentAt" = now() WHERE "outboxMessageId" = p_id;
      UPDATE public.notification n SET "emailedAt" = now()
        FROM public.outbox_message o
        WHERE o.id = p_id AND o.topic = 'email.notification'
          AND n."organizationId" = o."organizationId" AND n.id = (o.payload->>'notificationId')::uuid;
    ELSE
      UPDATE public.outbox_message
      SET status = 'FAILED', "lastError" = left(p_error, 1000),
          "availableAt" = now() + least(make_interval(secs => 30 * power(2, attempts)::int), interval '1 day')
      WHERE id = p_id;
      UPDATE public.support_plan_export SET status = 'FAILED' WHERE "outboxMessageId" = p_id;
    END IF;
  END $$;
