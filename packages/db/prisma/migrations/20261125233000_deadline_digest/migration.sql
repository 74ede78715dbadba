-- The daily deadline digest: one inbox notification (and one e-mail through the outbox) per person
-- and organisation with overdue duties on the day. It runs outside any request, across tenants, so
-- it is one narrow SECURITY DEFINER function; it is idempotent per person, organisation and day, so
-- a scheduler may call it as often as it likes (and several API replicas may race: the advisory
-- lock serialises them). The e-mail names no job seeker.
CREATE FUNCTION app.send_deadline_digest(p_day date) RETURNS integer
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
      WHERE t.status = 'OPEN' AND t."dueOn" < p_day
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

REVOKE ALL ON FUNCTION app.send_deadline_digest(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.send_deadline_digest(date) TO ips_app;
