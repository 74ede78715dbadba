-- Onboarding a tenant and adding people to it cross the tenant boundary by nature (a new
-- organisation has no members yet; a person may already exist in another organisation, invisible
-- under RLS). Two narrow SECURITY DEFINER functions do exactly that and check the caller's right
-- themselves; nothing else of another tenant becomes visible.

-- A platform operator onboards an organisation with its identity provider and first administrator.
CREATE FUNCTION app.onboard_organization(
  p_kind "OrganizationKind", p_service_level "ServiceLevel", p_name text, p_organization_number text,
  p_municipality_number text, p_idp_kind "IdentityProviderKind", p_issuer text, p_audience text, p_jwks_uri text,
  p_client_id text, p_admin_email text, p_admin_given_name text, p_admin_family_name text, p_admin_subject text
) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    org uuid := gen_random_uuid();
    admin_id uuid;
  BEGIN
    IF NOT app.is_platform_operator() THEN
      RAISE EXCEPTION 'only platform operators onboard organisations' USING ERRCODE = '42501';
    END IF;
    INSERT INTO organization (id, kind, "serviceLevel", name, "organizationNumber", "municipalityNumber", "updatedAt")
    VALUES (org, p_kind, p_service_level, p_name, p_organization_number, p_municipality_number, now());
    INSERT INTO identity_provider (id, "organizationId", kind, issuer, audience, "jwksUri", "clientId", "updatedAt")
    VALUES (gen_random_uuid(), org, p_idp_kind, p_issuer, p_audience, p_jwks_uri, p_client_id, now());
    SELECT id INTO admin_id FROM app_user WHERE lower(email) = lower(p_admin_email);
    IF admin_id IS NULL THEN
      admin_id := gen_random_uuid();
      INSERT INTO app_user (id, email, "givenName", "familyName", "updatedAt")
      VALUES (admin_id, lower(p_admin_email), p_admin_given_name, p_admin_family_name, now());
    END IF;
    INSERT INTO user_identity (id, "userId", issuer, subject)
    VALUES (gen_random_uuid(), admin_id, p_issuer, p_admin_subject) ON CONFLICT (issuer, subject) DO NOTHING;
    INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt")
    VALUES (gen_random_uuid(), org, admin_id, 'TENANT_ADMINISTRATOR', now());
    RETURN org;
  END $$;

-- A tenant administrator gives a person a role in their organisation: the person is found by
-- e-mail (or created), and gets an identity at each issuer the organisation trusts.
CREATE FUNCTION app.add_member(
  p_organization uuid, p_email text, p_given_name text, p_family_name text, p_role "Role", p_subject text
) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    person uuid;
    membership_id uuid := gen_random_uuid();
  BEGIN
    IF NOT EXISTS (
      SELECT 1 FROM membership m
      WHERE m."organizationId" = p_organization AND m."userId" = app.current_user_id()
        AND m.role = 'TENANT_ADMINISTRATOR' AND m."endedAt" IS NULL
        AND p_organization = ANY (app.current_org_ids())
    ) THEN
      RAISE EXCEPTION 'only tenant administrators of the organisation add members' USING ERRCODE = '42501';
    END IF;
    SELECT id INTO person FROM app_user WHERE lower(email) = lower(p_email);
    IF person IS NULL THEN
      person := gen_random_uuid();
      INSERT INTO app_user (id, email, "givenName", "familyName", "updatedAt")
      VALUES (person, lower(p_email), p_given_name, p_family_name, now());
    END IF;
    INSERT INTO user_identity (id, "userId", issuer, subject)
    SELECT gen_random_uuid(), person, p.issuer, coalesce(p_subject, lower(p_email))
    FROM identity_provider p WHERE p."organizationId" = p_organization AND p.enabled
    ON CONFLICT (issuer, subject) DO NOTHING;
    INSERT INTO membership (id, "organizationId", "userId", role, "updatedAt")
    VALUES (membership_id, p_organization, person, p_role, now());
    RETURN membership_id;
  END $$;

REVOKE ALL ON FUNCTION app.onboard_organization("OrganizationKind", "ServiceLevel", text, text, text, "IdentityProviderKind", text, text, text, text, text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.add_member(uuid, text, text, text, "Role", text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.onboard_organization("OrganizationKind", "ServiceLevel", text, text, text, "IdentityProviderKind", text, text, text, text, text, text, text, text) TO ips_app;
GRANT EXECUTE ON FUNCTION app.add_member(uuid, text, text, text, "Role", text) TO ips_app;
