-- Hardening after review.
--
-- 1. SECURITY DEFINER functions resolve unqualified names through their search_path. Without
--    pg_temp placed last, a session could shadow `membership` (or any table) with a temporary
--    table and make the functions trust it. pg_temp goes last in every such function, and the
--    runtime role may not create temporary tables at all (bootstrap no longer grants TEMPORARY).
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'app' AND p.prosecdef
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
  END LOOP;
END $$;
DO $$ BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC, ips_app', current_database());
END $$;

-- 2. A person who already exists is never given a new sign-in identity by someone adding them to
--    an organisation (that would let the caller choose a subject and take the account over). Only
--    a person created here gets identities, at the organisation's issuers. The role must fit the
--    kind of organisation.
CREATE OR REPLACE FUNCTION app.add_member(
  p_organization uuid, p_email text, p_given_name text, p_family_name text, p_role "Role", p_subject text
) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    person uuid;
    org_kind "OrganizationKind";
    membership_id uuid := gen_random_uuid();
  BEGIN
    IF NOT EXISTS (
      SELECT 1 FROM public.membership m
      WHERE m."organizationId" = p_organization AND m."userId" = app.current_user_id()
        AND m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL
        AND p_organization = ANY (app.current_org_ids())
    ) THEN
      RAISE EXCEPTION 'only tenant administrators of the organisation add members' USING ERRCODE = '42501';
    END IF;
    SELECT kind INTO org_kind FROM public.organization WHERE id = p_organization;
    IF (org_kind = 'NAV_OFFICE') <> (p_role IN ('NAV_COUNSELLOR', 'TENANT_ADMINISTRATOR'))
       OR (org_kind <> 'NAV_OFFICE' AND p_role = 'NAV_COUNSELLOR') THEN
      RAISE EXCEPTION 'role % does not fit a %', p_role, org_kind USING ERRCODE = '22023';
    END IF;
    SELECT id INTO person FROM public.app_user WHERE lower(email) = lower(p_email);
    IF person IS NULL THEN
      person := gen_random_uuid();
      INSERT INTO public.app_user (id, email, "givenName", "familyName", "updatedAt")
      VALUES (person, lower(p_email), p_given_name, p_family_name, now());
      INSERT INTO public.user_identity (id, "userId", issuer, subject)
      SELECT gen_random_uuid(), person, p.issuer, coalesce(p_subject, lower(p_email))
      FROM public.identity_provider p WHERE p."organizationId" = p_organization AND p.enabled
      ON CONFLICT (issuer, subject) DO NOTHING;
    END IF;
    INSERT INTO public.membership (id, "organizationId", "userId", role, "updatedAt")
    VALUES (membership_id, p_organization, person, p_role, now());
    RETURN membership_id;
  END $$;

CREATE OR REPLACE FUNCTION app.onboard_organization(
  p_kind "OrganizationKind", p_service_level "ServiceLevel", p_name text, p_organization_number text,
  p_municipality_number text, p_idp_kind "IdentityProviderKind", p_issuer text, p_audience text, p_jwks_uri text,
  p_client_id text, p_admin_email text, p_admin_given_name text, p_admin_family_name text, p_admin_subject text
) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    org uuid := gen_random_uuid();
    admin_id uuid;
  BEGIN
    IF NOT app.is_platform_operator() THEN
      RAISE EXCEPTION 'only platform operators onboard organisations' USING ERRCODE = '42501';
    END IF;
    INSERT INTO public.organization (id, kind, "serviceLevel", name, "organizationNumber", "municipalityNumber", "updatedAt")
    VALUES (org, p_kind, p_service_level, p_name, p_organization_number, p_municipality_number, now());
    INSERT INTO public.identity_provider (id, "organizationId", kind, issuer, audience, "jwksUri", "clientId", "updatedAt")
    VALUES (gen_random_uuid(), org, p_idp_kind, p_issuer, p_audience, p_jwks_uri, p_client_id, now());
    SELECT id INTO admin_id FROM public.app_user WHERE lower(email) = lower(p_admin_email);
    IF admin_id IS NULL THEN
      admin_id := gen_random_uuid();
      INSERT INTO public.app_user (id, email, "givenName", "familyName", "updatedAt")
      VALUES (admin_id, lower(p_admin_email), p_admin_given_name, p_admin_family_name, now());
      INSERT INTO public.user_identity (id, "userId", issuer, subject)
      VALUES (gen_random_uuid(), admin_id, p_issuer, p_admin_subject) ON CONFLICT (issuer, subject) DO NOTHING;
    END IF;
    INSERT INTO public.membership (id, "organizationId", "userId", role, "updatedAt")
    VALUES (gen_random_uuid(), org, admin_id, 'TENANT_ADMINISTRATOR', now());
    RETURN org;
  END $$;

-- 3. Requests append audit rows; only the sealer writes the chain columns.
REVOKE INSERT ON audit_log FROM ips_app;
GRANT INSERT (id, "organizationId", "occurredAt", "actorUserId", "actorRole", "actorOrganizationId", "jobSeekerId",
  action, area, "entityType", "entityId", reason, "requestId", details) ON audit_log TO ips_app;

-- 4. Whether a user is an active NAV counsellor of a NAV office (a grant to a single counsellor
--    must name one): a yes/no across tenants, nothing else.
CREATE FUNCTION app.is_nav_counsellor(p_user uuid, p_office uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT app.current_user_id() IS NOT NULL AND EXISTS (
      SELECT 1 FROM public.membership m JOIN public.organization o ON o.id = m."organizationId"
      WHERE m."userId" = p_user AND m."organizationId" = p_office AND m.role = 'NAV_COUNSELLOR'
        AND m."endedAt" IS NULL AND o.kind = 'NAV_OFFICE')
  $$;
REVOKE ALL ON FUNCTION app.is_nav_counsellor(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.is_nav_counsellor(uuid, uuid) TO ips_app;
