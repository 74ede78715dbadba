-- Scheduled jobs (run by the API's job queue, graphile-worker): each is one idempotent definer
-- function, so a job that runs twice (a retry, a backfill after a restart, two replicas) changes
-- nothing the second time.

-- A tenant's retention period for one kind of operational data, in days, within fixed bounds.
-- organization.settings -> 'retention' -> '<key>' (e.g. {"retention": {"readNotificationDays": 180}}).
CREATE FUNCTION app.retention_days(p_settings jsonb, p_key text, p_default integer, p_min integer, p_max integer)
  RETURNS integer LANGUAGE sql IMMUTABLE
  AS $$
    SELECT CASE
      WHEN jsonb_typeof(p_settings -> 'retention' -> p_key) = 'number'
        THEN least(p_max, greatest(p_min, (p_settings -> 'retention' ->> p_key)::numeric::integer))
      ELSE p_default
    END
  $$;

-- Consents that run out within p_days: the job seeker's current specialist gets one inbox notice
-- per job seeker (not again within p_days). The notice names no job seeker; it links to the case.
CREATE FUNCTION app.notify_expiring_consents(p_now timestamptz, p_days integer DEFAULT 14) RETURNS integer
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

-- Retention: read notifications and delivered outbox messages past the tenant's period are deleted;
-- each organisation's purge is written to its audit log (counts and cut-off, no content). Idempotency
-- keys older than a day go too.
CREATE FUNCTION app.purge_expired_operational_data(p_now timestamptz)
  RETURNS TABLE (organization_id uuid, notifications bigint, outbox_messages bigint)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    o record;
    notification_days integer;
    outbox_days integer;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('retention-purge', 0));
    -- Idempotency keys answer retries for 24 hours; they name no one and are not audited.
    DELETE FROM public.idempotency_key WHERE "createdAt" < p_now - interval '24 hours';
    FOR o IN SELECT id, settings FROM public.organization ORDER BY id LOOP
      notification_days := app.retention_days(o.settings, 'readNotificationDays', 365, 30, 3650);
      outbox_days := app.retention_days(o.settings, 'sentOutboxDays', 90, 7, 3650);
      DELETE FROM public.notification
      WHERE "organizationId" = o.id AND "readAt" IS NOT NULL AND "readAt" < p_now - make_interval(days => notification_days);
      GET DIAGNOSTICS notifications = ROW_COUNT;
      DELETE FROM public.outbox_message
      WHERE "organizationId" = o.id AND status = 'SENT' AND "sentAt" < p_now - make_interval(days => outbox_days);
      GET DIAGNOSTICS outbox_messages = ROW_COUNT;
      IF notifications + outbox_messages > 0 THEN
        INSERT INTO public.audit_log (id, "organizationId", action, area, "entityType", details)
        VALUES (gen_random_uuid(), o.id, 'DELETE', 'retention.purge', 'OperationalData', jsonb_build_object(
          'notifications', notifications, 'outboxMessages', outbox_messages,
          'readNotificationDays', notification_days, 'sentOutboxDays', outbox_days, 'at', p_now));
        organization_id := o.id;
        RETURN NEXT;
      END IF;
    END LOOP;
  END $$;

REVOKE ALL ON FUNCTION app.notify_expiring_consents(timestamptz, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.purge_expired_operational_data(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.notify_expiring_consents(timestamptz, integer) TO ips_app;
GRANT EXECUTE ON FUNCTION app.purge_expired_operational_data(timestamptz) TO ips_app;
