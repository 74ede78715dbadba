-- Before a specialist leaves a team their job seekers must be transferred; the job seekers may be
-- recorded in an organisation the person removing them cannot see (the specialist is employed
-- there). One narrow function answers how many — a count, nothing else — for a specialist who is
-- an active member of a team in one of the request's organisations.
CREATE FUNCTION app.portfolio_size(p_specialist uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT count(*)::integer FROM public.job_seeker j
    WHERE j."currentSpecialistId" = p_specialist AND j.phase <> 'DISCHARGED'
      AND EXISTS (
        SELECT 1 FROM public.team_member tm
        WHERE tm."userId" = p_specialist AND tm."leftOn" IS NULL
          AND tm."organizationId" = ANY (app.current_org_ids()))
  $$;

REVOKE ALL ON FUNCTION app.portfolio_size(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.portfolio_size(uuid) TO ips_app;
