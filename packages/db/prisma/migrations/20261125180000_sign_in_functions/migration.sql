-- Sign-in runs before any tenant context exists, so RLS would (rightly) show nothing. These two
-- narrow SECURITY DEFINER functions are the only way the runtime role reads across tenants to
-- authenticate: the trusted issuers, and the user behind a verified (issuer, subject).

-- Every enabled issuer with its audience and key set (not secret: public OIDC metadata).
CREATE FUNCTION app.trusted_issuers()
  RETURNS TABLE (issuer text, audience text, jwks_uri text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT DISTINCT p.issuer, p.audience, p."jwksUri"
    FROM identity_provider p JOIN organization o ON o.id = p."organizationId"
    WHERE p.enabled AND o.active
  $$;

-- The active user signed in as (issuer, subject), the organisations where that issuer is trusted
-- and the user holds an active membership, and whether they operate the platform.
CREATE FUNCTION app.resolve_sign_in(p_issuer text, p_subject text)
  RETURNS TABLE (user_id uuid, organization_ids uuid[], platform_operator boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT u.id,
           coalesce((
             SELECT array_agg(DISTINCT m."organizationId")
             FROM membership m
             JOIN identity_provider p ON p."organizationId" = m."organizationId" AND p.issuer = p_issuer AND p.enabled
             WHERE m."userId" = u.id AND m."endedAt" IS NULL AND m."validFrom" <= now()
           ), '{}'::uuid[]),
           EXISTS (SELECT 1 FROM platform_operator po WHERE po."userId" = u.id)
    FROM user_identity i JOIN app_user u ON u.id = i."userId"
    WHERE i.issuer = p_issuer AND i.subject = p_subject AND u.active
  $$;

REVOKE ALL ON FUNCTION app.trusted_issuers() FROM PUBLIC;
REVOKE ALL ON FUNCTION app.resolve_sign_in(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.trusted_issuers() TO ips_app;
GRANT EXECUTE ON FUNCTION app.resolve_sign_in(text, text) TO ips_app;

-- A NAV counsellor may see the NAV-sharing consent behind a grant they can use (that it exists
-- and is valid: the ability re-checks it), never any other consent.
CREATE POLICY nav_reads_sharing_consent ON consent FOR SELECT
  USING (scope = 'NAV_SHARING' AND "jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids(NULL))::uuid[]));

-- A specialist employed by one organisation may sit in a team hosted by another: they see their
-- own team memberships wherever the team is (to know their teams), nothing else of that tenant.
CREATE POLICY own_team_memberships ON team_member FOR SELECT
  USING ("userId" = (SELECT app.current_user_id()));
