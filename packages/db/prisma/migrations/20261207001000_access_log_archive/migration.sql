-- ─── Archiving old months of the access log (ADR 0017) ───
-- The access log is never purged (its chains must stay whole, docs/operations.md "Retention of
-- case data"); what leaves the online table is a whole month, detached from audit_log and kept
-- unchanged in schema audit_archive, where the verifier still reads it
-- (app.audit_log_everything). How long a month stays online: the longest period any organisation
-- asks for in settings.retention.accessLogOnlineMonths (default 24, bounded to 12–120), since one
-- month's partition holds every organisation's rows. A month is archived only when all of it is
-- sealed.

-- Rebuilds the verifier's view over the online log and every archived month still present.
CREATE FUNCTION app.rebuild_audit_log_everything() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    body text := 'SELECT * FROM public.audit_log';
    t text;
  BEGIN
    FOR t IN SELECT a."tableName" FROM app.audit_archive a WHERE to_regclass('audit_archive.' || quote_ident(a."tableName")) IS NOT NULL
      ORDER BY a.month
    LOOP
      body := body || format(' UNION ALL SELECT * FROM audit_archive.%I', t);
    END LOOP;
    EXECUTE 'CREATE OR REPLACE VIEW app.audit_log_everything AS ' || body;
    REVOKE ALL ON app.audit_log_everything FROM PUBLIC;
  END $$;
REVOKE ALL ON FUNCTION app.rebuild_audit_log_everything() FROM PUBLIC;

-- The months online, from every organisation's setting.
CREATE FUNCTION app.audit_online_months() RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT coalesce(max(app.retention_days(o.settings, 'accessLogOnlineMonths', 24, 12, 120)), 24)
    FROM public.organization o
  $$;
REVOKE ALL ON FUNCTION app.audit_online_months() FROM PUBLIC;

-- Detaches every month that ended more than the online period before p_now (UTC months) and is
-- wholly sealed, and moves it to audit_archive; returns the months archived.
CREATE FUNCTION app.archive_audit_partitions(p_now timestamptz DEFAULT now())
  RETURNS TABLE (month date, table_name text, row_count bigint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    keep integer := app.audit_online_months();
    cutoff timestamptz;
    p record;
    sealed_through bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit-partitions', 0));
    cutoff := (date_trunc('month', p_now AT TIME ZONE 'UTC') - make_interval(months => keep)) AT TIME ZONE 'UTC';
    SELECT s."sealedThrough" INTO sealed_through FROM app.audit_seal_state s WHERE singleton;
    FOR p IN
      SELECT c.relname AS name,
        (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\) TO \(''([^'']+)''\)'))[1]::timestamptz AS lower,
        (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\) TO \(''([^'']+)''\)'))[2]::timestamptz AS upper
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'public.audit_log'::regclass AND c.relnamespace = 'audit_part'::regnamespace
        AND NOT pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'
      ORDER BY 2
    LOOP
      CONTINUE WHEN p.upper > cutoff;
      -- only a month whose every row is sealed (its chain proof is complete)
      CONTINUE WHEN EXISTS (SELECT 1 FROM public.audit_log a WHERE a."occurredAt" >= p.lower AND a."occurredAt" < p.upper
        AND a.sequence > sealed_through);
      month := (p.lower AT TIME ZONE 'UTC')::date;
      table_name := p.name;
      EXECUTE format('SELECT count(*) FROM audit_part.%I', p.name) INTO row_count;
      EXECUTE format('ALTER TABLE public.audit_log DETACH PARTITION audit_part.%I', p.name);
      EXECUTE format('ALTER TABLE audit_part.%I SET SCHEMA audit_archive', p.name);
      INSERT INTO app.audit_archive (month, "tableName", "rowCount") VALUES (month, table_name, row_count);
      RETURN NEXT;
    END LOOP;
    PERFORM app.rebuild_audit_log_everything();
  END $$;
REVOKE ALL ON FUNCTION app.archive_audit_partitions(timestamptz) FROM PUBLIC;
-- The daily retention job runs it as the runtime role (it moves whole months; it changes no row).
GRANT EXECUTE ON FUNCTION app.archive_audit_partitions(timestamptz) TO ips_app;
