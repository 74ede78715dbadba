-- Outbox delivery: a worker claims due messages of a topic across organisations (a lease: the
-- message becomes available again later if the worker dies), then reports each outcome. Only
-- these two narrow functions cross the tenant boundary; the worker reads nothing else.

CREATE FUNCTION app.claim_outbox(p_topic text, p_limit integer, p_lease_seconds integer DEFAULT 60)
  RETURNS TABLE (id uuid, organization_id uuid, payload jsonb, attempts integer)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    UPDATE public.outbox_message o
    SET attempts = o.attempts + 1, "availableAt" = now() + make_interval(secs => p_lease_seconds)
    WHERE o.id IN (
      SELECT m.id FROM public.outbox_message m
      WHERE m.topic = p_topic AND m.status IN ('PENDING', 'FAILED') AND m."availableAt" <= now() AND m.attempts < 10
      ORDER BY m."availableAt", m.id
      LIMIT p_limit
      FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o."organizationId", o.payload, o.attempts
  $$;

-- Marks a claimed message sent (and its support-plan export), or failed with a retry after an
-- exponential back-off (30 s × 2^attempts, at most a day).
CREATE FUNCTION app.complete_outbox(p_id uuid, p_ok boolean, p_error text DEFAULT NULL) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  BEGIN
    IF p_ok THEN
      UPDATE public.outbox_message SET status = 'SENT', "sentAt" = now(), "lastError" = NULL WHERE id = p_id;
      UPDATE public.support_plan_export SET status = 'SENT', "sentAt" = now() WHERE "outboxMessageId" = p_id;
    ELSE
      UPDATE public.outbox_message
      SET status = 'FAILED', "lastError" = left(p_error, 1000),
          "availableAt" = now() + least(make_interval(secs => 30 * power(2, attempts)::int), interval '1 day')
      WHERE id = p_id;
      UPDATE public.support_plan_export SET status = 'FAILED' WHERE "outboxMessageId" = p_id;
    END IF;
  END $$;

REVOKE ALL ON FUNCTION app.claim_outbox(text, integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.complete_outbox(uuid, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.claim_outbox(text, integer, integer) TO ips_app;
GRANT EXECUTE ON FUNCTION app.complete_outbox(uuid, boolean, text) TO ips_app;
