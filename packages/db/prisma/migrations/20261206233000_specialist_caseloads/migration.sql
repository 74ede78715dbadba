-- A job specialist's caseload is the person's: job seekers in the portfolio (not discharged, not
-- deleted) in whatever organisation holds their records. A specialist employed by one organisation
-- may belong to a team of another (seed 002; docs/domain.md §2), and then row-level security hides
-- the employer's records from the team's method supervisor: the team page read 0 where the
-- leader's staffing view read the true caseload (issue 16). One narrow function answers how many
-- per specialist — counts only, never a job seeker — and only for people working in one of the
-- request's organisations (an active team membership there or an active membership).
CREATE FUNCTION app.specialist_caseloads(p_specialists uuid[])
  RETURNS TABLE (specialist_id uuid, caseload integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT s.id,
      (SELECT count(*)::integer FROM public.job_seeker j
        WHERE j."currentSpecialistId" = s.id AND j.phase <> 'DISCHARGED' AND j."deletedAt" IS NULL)
    FROM (SELECT DISTINCT unnest(p_specialists) AS id) s
    WHERE EXISTS (
        SELECT 1 FROM public.team_member tm
        WHERE tm."userId" = s.id AND tm."leftOn" IS NULL
          AND tm."organizationId" = ANY (app.current_org_ids()))
      OR EXISTS (
        SELECT 1 FROM public.membership m
        WHERE m."userId" = s.id AND m."endedAt" IS NULL
          AND m."organizationId" = ANY (app.current_org_ids()))
  $$;

REVOKE ALL ON FUNCTION app.specialist_caseloads(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.specialist_caseloads(uuid[]) TO ips_app;
