-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "chainPosition" BIGINT;

-- CreateIndex
CREATE UNIQUE INDEX "audit_log_organizationId_chainPosition_key" ON "audit_log"("organizationId", "chainPosition");

-- ─── The audit log's hash chain, per organisation ───
-- Requests only append rows (insert-only for ips_app). The sealer links an organisation's unsealed
-- rows, in insertion order, after its last sealed row: position n+1 stores the hash of position n
-- and its own hash over its content. Requests never wait on each other for a chain head; the
-- sealer serialises per organisation with a row lock on the head.

CREATE TABLE app.audit_chain_head (
  organization_id uuid PRIMARY KEY,
  position bigint NOT NULL,
  hash char(64) NOT NULL
);
REVOKE ALL ON app.audit_chain_head FROM PUBLIC;

-- The canonical text of a row that its hash covers.
CREATE FUNCTION app.audit_row_text(a audit_log) RETURNS text
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public
  AS $$
    SELECT concat_ws('|', a.id, a."organizationId", a.sequence,
      to_char(a."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(a."actorUserId"::text, ''), coalesce(a."actorRole"::text, ''), coalesce(a."actorOrganizationId"::text, ''),
      coalesce(a."jobSeekerId"::text, ''), a.action::text, a.area, coalesce(a."entityType", ''),
      coalesce(a."entityId"::text, ''), coalesce(a.reason, ''), coalesce(a."requestId", ''), coalesce(a.details::text, ''))
  $$;

CREATE FUNCTION app.audit_hash(previous text, a audit_log) RETURNS char(64)
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public
  AS $$ SELECT encode(sha256(convert_to(previous || '|' || app.audit_row_text(a), 'UTF8')), 'hex') $$;

-- Seals up to p_limit unsealed rows of one organisation (or of every organisation); returns how many.
CREATE FUNCTION app.seal_audit_log(p_organization uuid DEFAULT NULL, p_limit integer DEFAULT 10000) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    org uuid;
    head app.audit_chain_head;
    r audit_log;
    sealed integer := 0;
  BEGIN
    FOR org IN
      SELECT DISTINCT "organizationId" FROM audit_log
      WHERE "sealedAt" IS NULL AND (p_organization IS NULL OR "organizationId" = p_organization)
    LOOP
      INSERT INTO app.audit_chain_head VALUES (org, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
      SELECT * INTO head FROM app.audit_chain_head WHERE organization_id = org FOR UPDATE;
      FOR r IN
        SELECT * FROM audit_log WHERE "organizationId" = org AND "sealedAt" IS NULL
        ORDER BY sequence LIMIT p_limit - sealed FOR UPDATE SKIP LOCKED
      LOOP
        head.position := head.position + 1;
        UPDATE audit_log SET "previousHash" = head.hash, hash = app.audit_hash(head.hash, r),
          "chainPosition" = head.position, "sealedAt" = clock_timestamp()
        WHERE id = r.id;
        head.hash := app.audit_hash(head.hash, r);
        sealed := sealed + 1;
      END LOOP;
      UPDATE app.audit_chain_head SET position = head.position, hash = head.hash WHERE organization_id = org;
      EXIT WHEN sealed >= p_limit;
    END LOOP;
    RETURN sealed;
  END $$;

-- Walks an organisation's chain; returns the rows checked and the first position that does not
-- match (NULL when the chain is intact and ends at the recorded head).
CREATE FUNCTION app.verify_audit_chain(p_organization uuid)
  RETURNS TABLE (checked bigint, first_broken bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    expected_previous text := repeat('0', 64);
    expected_position bigint := 0;
    r audit_log;
    head app.audit_chain_head;
  BEGIN
    checked := 0;
    first_broken := NULL;
    FOR r IN SELECT * FROM audit_log WHERE "organizationId" = p_organization AND "chainPosition" IS NOT NULL ORDER BY "chainPosition"
    LOOP
      expected_position := expected_position + 1;
      checked := checked + 1;
      IF r."chainPosition" <> expected_position OR r."previousHash" <> expected_previous
         OR r.hash <> app.audit_hash(expected_previous, r) THEN
        first_broken := expected_position;
        RETURN NEXT;
        RETURN;
      END IF;
      expected_previous := r.hash;
    END LOOP;
    SELECT * INTO head FROM app.audit_chain_head WHERE organization_id = p_organization;
    IF head.organization_id IS NOT NULL AND (head.position <> expected_position OR head.hash <> expected_previous) THEN
      first_broken := expected_position + 1;  -- rows at the end were removed
    END IF;
    RETURN NEXT;
  END $$;

REVOKE ALL ON FUNCTION app.seal_audit_log(uuid, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.verify_audit_chain(uuid) FROM PUBLIC;
-- The API seals in the background; sealing cannot alter what a row says, only chain it.
GRANT EXECUTE ON FUNCTION app.seal_audit_log(uuid, integer) TO ips_app;
