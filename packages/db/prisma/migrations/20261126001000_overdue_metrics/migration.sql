-- Overdue duties per organisation, for the API's metrics endpoint (Prometheus): counts only — no
-- job seeker, assignee or task leaves the database. SECURITY DEFINER (owner: ips_owner) because
-- the metrics are read outside any request, without a user or organisations set.
CREATE FUNCTION app.overdue_deadlines_per_organization(p_day date)
  RETURNS TABLE (organization_id uuid, overdue bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT t."organizationId", count(*)
    FROM public.task t
    WHERE t.status = 'OPEN' AND t."dueOn" < p_day
    GROUP BY t."organizationId"
  $$;

REVOKE ALL ON FUNCTION app.overdue_deadlines_per_organization(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.overdue_deadlines_per_organization(date) TO ips_app;
