-- Everything the API needs to know about the signed-in user, in one round trip before the
-- request's transaction: the user, their active memberships in organisations that trust the
-- token's issuer, their current teams, and whether they operate the platform.
CREATE FUNCTION app.resolve_actor(p_issuer text, p_subject text)
  RETURNS TABLE (user_id uuid, platform_operator boolean, memberships jsonb, teams jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT u.id,
           EXISTS (SELECT 1 FROM platform_operator po WHERE po."userId" = u.id),
           coalesce((
             SELECT jsonb_agg(jsonb_build_object('organizationId', m."organizationId", 'role', m.role) ORDER BY m."organizationId", m.role)
             FROM membership m
             WHERE m."userId" = u.id AND m."endedAt" IS NULL AND m."validFrom" <= now()
               AND EXISTS (SELECT 1 FROM identity_provider p WHERE p."organizationId" = m."organizationId" AND p.issuer = p_issuer AND p.enabled)
           ), '[]'::jsonb),
           coalesce((
             SELECT jsonb_agg(jsonb_build_object('teamId', tm."teamId", 'organizationId', tm."organizationId", 'role', tm.role) ORDER BY tm."teamId")
             FROM team_member tm WHERE tm."userId" = u.id AND tm."leftOn" IS NULL
           ), '[]'::jsonb)
    FROM user_identity i JOIN app_user u ON u.id = i."userId"
    WHERE i.issuer = p_issuer AND i.subject = p_subject AND u.active
  $$;

REVOKE ALL ON FUNCTION app.resolve_actor(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.resolve_actor(text, text) TO ips_app;
