-- Issue 17 item 1: consent is the only door for NAV. The NAV-sharing consent records which parts of
-- the case the job seeker consented to share with NAV (seed 001 §3: a signed consent to discuss the
-- case with NAV; domain.md §3 "NAV sharing has parts"); a grant can name no more, and what a NAV
-- counsellor reads is the grant's parts within the consent's, checked on every request (CASL and
-- the policies below), so narrowing or withdrawing the consent narrows every grant at once.

-- AlterEnum (the new value is not used by statements of this migration)
ALTER TYPE "NavShareScope" ADD VALUE 'DIALOGUE';

-- AlterTable
ALTER TABLE "consent" ADD COLUMN     "navParts" "NavShareScope"[] DEFAULT ARRAY[]::"NavShareScope"[];

-- Existing NAV-sharing consents cover what their grants named (basic details always): nothing NAV
-- could read before is taken away, and nothing is added. Other scopes have no parts.
UPDATE consent c SET "navParts" = ARRAY(
    SELECT DISTINCT s FROM (
      SELECT 'BASIC_DETAILS'::"NavShareScope" AS s
      UNION ALL
      SELECT unnest(g.scopes) FROM nav_sharing_grant g
      WHERE g."organizationId" = c."organizationId" AND g."consentId" = c.id
    ) parts ORDER BY s)
  WHERE c.scope = 'NAV_SHARING';


-- Only a NAV-sharing consent has parts (the API refuses others with ONLY_NAV_SHARING; this holds the
-- line below it). A trigger, not a CHECK constraint: Prisma's wasm schema engine cannot read CHECK
-- constraints back.
CREATE FUNCTION app.check_consent_nav_parts() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
  AS $$
  BEGIN
    IF NEW.scope <> 'NAV_SHARING' AND coalesce(cardinality(NEW."navParts"), 0) > 0 THEN
      RAISE EXCEPTION 'consent_nav_parts_only_nav_sharing: only a NAV-sharing consent has parts'
        USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END $$;

REVOKE ALL ON FUNCTION app.check_consent_nav_parts() FROM PUBLIC;

CREATE TRIGGER consent_nav_parts BEFORE INSERT OR UPDATE OF scope, "navParts" ON consent
  FOR EACH ROW EXECUTE FUNCTION app.check_consent_nav_parts();

-- The one cross-tenant read: a part (required_scope) is readable only where the grant names it AND
-- the consent behind the grant covers it. NULL: any grant (basic details, always consented).
CREATE OR REPLACE FUNCTION app.nav_job_seeker_ids(required_scope "NavShareScope") RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT g."jobSeekerId"), '{}'::uuid[])
    FROM nav_sharing_grant g
    JOIN consent c ON c."organizationId" = g."organizationId" AND c.id = g."consentId"
    JOIN membership m ON m."organizationId" = g."navOfficeId"
      AND m."userId" = app.current_user_id() AND m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL
    WHERE g."navOfficeId" = ANY (app.current_org_ids())
      AND (g."counsellorId" IS NULL OR g."counsellorId" = app.current_user_id())
      AND g."revokedAt" IS NULL AND g."deletedAt" IS NULL
      AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now())
      AND (required_scope IS NULL
           OR (required_scope = ANY (g.scopes) AND required_scope = ANY (coalesce(c."navParts", '{}'))))
      AND c.scope = 'NAV_SHARING' AND c."withdrawnAt" IS NULL AND c."deletedAt" IS NULL
      AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now())
  $$;

-- Never treatment details (domain.md §2): the support plan's lines for the health team (who in
-- treatment supports what) are not NAV's to read, whatever the consent's parts.
DROP POLICY nav_reads_shared ON support_plan_agreement;
CREATE POLICY nav_reads_shared ON support_plan_agreement FOR SELECT
  USING ("supportPerson" <> 'HEALTH_TEAM'
    AND EXISTS (SELECT 1 FROM support_plan_revision r WHERE r."organizationId" = support_plan_agreement."organizationId" AND r.id = support_plan_agreement."revisionId"));
