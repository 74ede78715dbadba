-- The job seekers a NAV counsellor may read, computed once per transaction (ADR 0020, "Once per
-- transaction"). Every row-level-security policy that names `app.nav_job_seeker_ids` evaluates it
-- once per statement: a NAV list request (the page's ids, its rows, the access facts, the access
-- log's insert) evaluated it seven times at about 5 ms each on the national seed — four fifths of
-- the request's database time. The function now keeps its answer in a transaction-local setting
-- (`set_config(..., true)`: gone at COMMIT or ROLLBACK), one per scope, keyed by the user and the
-- organisations acted in and by a generation that any change to grants, consents or memberships in
-- the same transaction moves on, so a later statement never sees an answer older than its data.
-- What it trusts is what the policies already trust: the transaction's own settings, which only
-- the API's request transaction writes (`app.user_id`, `app.org_ids`).

CREATE OR REPLACE FUNCTION app.nav_job_seeker_ids(required_scope "NavShareScope") RETURNS uuid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    slot text := 'app.nav_ids_' || lower(coalesce(required_scope::text, 'any'));
    key text := coalesce(current_setting('app.user_id', true), '') || '|'
      || coalesce(current_setting('app.org_ids', true), '') || '|'
      || coalesce(current_setting('app.nav_ids_generation', true), '');
    cached text := current_setting(slot, true);
    ids uuid[];
  BEGIN
    IF cached IS NOT NULL AND left(cached, length(key) + 1) = key || '#' THEN
      RETURN substr(cached, length(key) + 2)::uuid[];
    END IF;
    SELECT coalesce(array_agg(DISTINCT g."jobSeekerId"), '{}'::uuid[]) INTO ids
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
      AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now());
    PERFORM set_config(slot, key || '#' || ids::text, true);
    RETURN ids;
  END $$;

-- A change to what the answer is made of, in this transaction: the next call computes it afresh.
CREATE FUNCTION app.forget_nav_job_seeker_ids() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
  AS $$
  BEGIN
    PERFORM set_config('app.nav_ids_generation',
      (coalesce(nullif(current_setting('app.nav_ids_generation', true), ''), '0')::bigint + 1)::text, true);
    RETURN NULL;
  END $$;

CREATE TRIGGER nav_ids_forget AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON nav_sharing_grant
  FOR EACH STATEMENT EXECUTE FUNCTION app.forget_nav_job_seeker_ids();
CREATE TRIGGER nav_ids_forget AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consent
  FOR EACH STATEMENT EXECUTE FUNCTION app.forget_nav_job_seeker_ids();
CREATE TRIGGER nav_ids_forget AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON membership
  FOR EACH STATEMENT EXECUTE FUNCTION app.forget_nav_job_seeker_ids();

REVOKE ALL ON FUNCTION app.nav_job_seeker_ids("NavShareScope") FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.nav_job_seeker_ids("NavShareScope") TO ips_app;
REVOKE ALL ON FUNCTION app.forget_nav_job_seeker_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.forget_nav_job_seeker_ids() TO ips_app;
