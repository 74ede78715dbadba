-- ─── An insert-only access log, partitioned by month, chained per sealed batch (ADR 0017) ───
-- Before: every row was written twice (the request's INSERT, then the sealer's UPDATE that stored
-- its position and hashes, rewriting every index entry), in one table whose indexes grew without
-- end. Now: a request writes each row once; rows are never updated; the table is partitioned by
-- month ("occurredAt", UTC months) so its indexes are a month deep; and the sealer writes one row
-- per organisation and sealing round into app.audit_log_batch: the batch's hash covers its rows'
-- canonical text in sequence order and the previous batch's hash.
--
-- Which rows a batch holds, without marking them: a batch is a range of the global sequence. A
-- row's sequence number is drawn after its transaction has its id (app.audit_sequence), so every
-- row numbered up to S, read at time T, belongs to a transaction that had started by T. The sealer
-- notes (S, the next transaction id at T) and seals up to S in a later round, once every
-- transaction older than that id has ended: the set of rows up to S can then no longer grow.

-- 1. The old table steps aside (its functions depend on its row type).
DROP FUNCTION app.seal_audit_log(uuid, integer);
DROP FUNCTION app.verify_audit_chain(uuid);
DROP FUNCTION app.audit_hash(text, audit_log);
DROP FUNCTION app.audit_row_text(audit_log);
ALTER TABLE audit_log RENAME TO audit_log_v1;
ALTER TABLE audit_log_v1 RENAME CONSTRAINT audit_log_pkey TO audit_log_v1_pkey;
ALTER TABLE audit_log_v1 DROP CONSTRAINT "audit_log_organizationId_fkey";
DROP INDEX "audit_log_organizationId_sealedAt_sequence_idx";
DROP INDEX "audit_log_organizationId_jobSeekerId_occurredAt_idx";
DROP INDEX "audit_log_organizationId_actorUserId_occurredAt_idx";
DROP INDEX "audit_log_organizationId_sequence_key";
DROP INDEX "audit_log_organizationId_chainPosition_key";
ALTER SEQUENCE "audit_log_sequence_seq" OWNED BY NONE;

-- 2. The partitioned log. Partitions live in their own schema, where the runtime role has no
--    privilege at all: it reaches the rows only through audit_log (its grants and policies).
CREATE SCHEMA audit_part;
REVOKE ALL ON SCHEMA audit_part FROM PUBLIC;
-- Detached (archived) months: kept whole, outside the runtime role's reach (see app.archive_audit_partitions).
CREATE SCHEMA audit_archive;
REVOKE ALL ON SCHEMA audit_archive FROM PUBLIC;

-- The next sequence number, drawn only once the transaction has its id (see above).
CREATE FUNCTION app.audit_sequence() RETURNS bigint
  LANGUAGE sql VOLATILE
  AS $$ SELECT CASE WHEN pg_catalog.pg_current_xact_id() IS NULL THEN NULL
                    ELSE pg_catalog.nextval('public.audit_log_sequence_seq'::regclass) END $$;
GRANT EXECUTE ON FUNCTION app.audit_sequence() TO ips_app;

-- A time-ordered id (UUID version 7: milliseconds since 1970, then random bits), so the month's
-- primary key grows at its right edge; PostgreSQL 18's uuidv7() is not on every server we support.
CREATE FUNCTION app.uuid_v7() RETURNS uuid
  LANGUAGE sql VOLATILE
  AS $$ SELECT pg_catalog.encode(pg_catalog.set_bit(pg_catalog.set_bit(overlay(pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
          PLACING substring(pg_catalog.int8send(pg_catalog.floor(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint) FROM 3)
          FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid $$;
GRANT EXECUTE ON FUNCTION app.uuid_v7() TO ips_app;

CREATE TABLE "audit_log" (
    "id" UUID NOT NULL DEFAULT app.uuid_v7(),
    "organizationId" UUID NOT NULL,
    "sequence" BIGINT NOT NULL DEFAULT app.audit_sequence(),
    "occurredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorRole" "Role",
    "actorOrganizationId" UUID,
    "jobSeekerId" UUID,
    "action" "AuditAction" NOT NULL,
    "area" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" UUID,
    "reason" TEXT,
    "requestId" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id", "occurredAt")
) PARTITION BY RANGE ("occurredAt");
ALTER SEQUENCE "audit_log_sequence_seq" OWNED BY "audit_log"."sequence";
CREATE INDEX "audit_log_organizationId_jobSeekerId_occurredAt_idx" ON "audit_log"("organizationId", "jobSeekerId", "occurredAt");
CREATE INDEX "audit_log_organizationId_actorUserId_occurredAt_idx" ON "audit_log"("organizationId", "actorUserId", "occurredAt");
-- The sealer's and the verifier's way in: rows by sequence (appended at the right edge).
CREATE INDEX "audit_log_sequence_idx" ON "audit_log"("sequence");
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- Rows outside every month's partition land here (never lost); app.ensure_audit_partitions moves them out.
CREATE TABLE audit_part.audit_log_default PARTITION OF "audit_log" DEFAULT;

ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_log FOR SELECT
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));
CREATE POLICY audit_append ON audit_log FOR INSERT
  WITH CHECK (
    "organizationId" = ANY ((SELECT app.current_org_ids())::uuid[])
    OR ("jobSeekerId" = ANY ((SELECT app.nav_job_seeker_ids(NULL))::uuid[]) AND "actorUserId" = (SELECT app.current_user_id()))
  );
CREATE POLICY not_deleted_case ON audit_log AS RESTRICTIVE FOR SELECT TO ips_app
  USING ("jobSeekerId" IS NULL OR "jobSeekerId" <> ALL ((SELECT app.deleted_job_seeker_ids())::uuid[]));

-- Insert-only for the runtime role: SELECT and INSERT of the content columns, nothing else.
REVOKE ALL ON audit_log FROM ips_app;
GRANT SELECT ON audit_log TO ips_app;
GRANT INSERT (id, "organizationId", "occurredAt", "actorUserId", "actorRole", "actorOrganizationId", "jobSeekerId",
  action, area, "entityType", "entityId", reason, "requestId", details) ON audit_log TO ips_app;
REVOKE ALL ON audit_part.audit_log_default FROM ips_app;

-- 3. The batches of each organisation's chain, and the sealer's horizon.
CREATE TABLE app.audit_log_batch (
  "organizationId" uuid NOT NULL REFERENCES public.organization (id) ON DELETE RESTRICT,
  "batchNumber" bigint NOT NULL,
  -- the batch holds the organisation's rows with fromSequence < sequence <= toSequence
  "fromSequence" bigint NOT NULL,
  "toSequence" bigint NOT NULL,
  "rowCount" integer NOT NULL,
  "firstOccurredAt" timestamptz(6) NOT NULL,
  "lastOccurredAt" timestamptz(6) NOT NULL,
  "rowsHash" char(64) NOT NULL,
  "previousHash" char(64) NOT NULL,
  hash char(64) NOT NULL,
  "sealedAt" timestamptz(6) NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY ("organizationId", "batchNumber")
);
REVOKE ALL ON app.audit_log_batch FROM PUBLIC;
ALTER TABLE app.audit_log_batch ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.audit_log_batch FORCE ROW LEVEL SECURITY;
-- Read within the tenant (no grant to the runtime role today); written only by the sealer (owner).
CREATE POLICY tenant_isolation ON app.audit_log_batch FOR SELECT
  USING ("organizationId" = ANY ((SELECT app.current_org_ids())::uuid[]));

-- Sealed through sealedThrough; pendingThrough is sealed once every transaction below pendingXmax has ended.
CREATE TABLE app.audit_seal_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  "sealedThrough" bigint NOT NULL,
  "pendingThrough" bigint NOT NULL,
  "pendingXmax" xid8 NOT NULL
);
REVOKE ALL ON app.audit_seal_state FROM PUBLIC;
-- (how far sealing has got: no personal data; the background sealer and tools may read it)
GRANT SELECT ON app.audit_seal_state TO ips_app;

-- Where each organisation's batch chain starts: the last hash of its row chain from before this
-- migration (absent: a chain of zeros).
CREATE TABLE app.audit_chain_origin (
  organization_id uuid PRIMARY KEY,
  "legacyRows" bigint NOT NULL,
  "legacyHash" char(64) NOT NULL
);
REVOKE ALL ON app.audit_chain_origin FROM PUBLIC;

-- Archived months (detached partitions moved to audit_archive).
CREATE TABLE app.audit_archive (
  month date PRIMARY KEY,
  "tableName" text NOT NULL,
  "rowCount" bigint NOT NULL,
  "archivedAt" timestamptz NOT NULL DEFAULT clock_timestamp()
);
REVOKE ALL ON app.audit_archive FROM PUBLIC;

-- 4. The canonical text of a row (what its batch's hash covers): unchanged from the row chain.
CREATE FUNCTION app.audit_row_text(a public.audit_log) RETURNS text
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT concat_ws('|', a.id, a."organizationId", a.sequence,
      to_char(a."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(a."actorUserId"::text, ''), coalesce(a."actorRole"::text, ''), coalesce(a."actorOrganizationId"::text, ''),
      coalesce(a."jobSeekerId"::text, ''), a.action::text, a.area, coalesce(a."entityType", ''),
      coalesce(a."entityId"::text, ''), coalesce(a.reason, ''), coalesce(a."requestId", ''), coalesce(a.details::text, ''))
  $$;

-- A batch's own hash: its place in the chain, its bounds and its rows' hash, after the previous one.
CREATE FUNCTION app.audit_batch_hash(b app.audit_log_batch) RETURNS char(64)
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', b."previousHash", b."organizationId", b."batchNumber",
      b."fromSequence", b."toSequence", b."rowCount",
      to_char(b."firstOccurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      to_char(b."lastOccurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), b."rowsHash"), 'UTF8')), 'hex')
  $$;

-- Every row, online or archived, for the verifier (recreated when a month is archived).
CREATE VIEW app.audit_log_everything AS SELECT * FROM public.audit_log;
REVOKE ALL ON app.audit_log_everything FROM PUBLIC;

-- 5. Monthly partitions: the month of p_at, p_ahead months after it, and every month that has rows
--    waiting in the default partition (moved out, unchanged: same id, content and sequence).
CREATE FUNCTION app.ensure_audit_partitions(p_at timestamptz DEFAULT now(), p_ahead integer DEFAULT 2) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    m date;
    part text;
    created integer := 0;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit-partitions', 0));
    FOR m IN
      SELECT (date_trunc('month', p_at AT TIME ZONE 'UTC') + make_interval(months => g))::date
      FROM generate_series(0, greatest(p_ahead, 0)) g
      UNION
      SELECT DISTINCT date_trunc('month', d."occurredAt" AT TIME ZONE 'UTC')::date FROM audit_part.audit_log_default d
      ORDER BY 1
    LOOP
      part := 'audit_log_' || to_char(m, 'YYYY_MM');
      CONTINUE WHEN to_regclass('audit_part.' || part) IS NOT NULL OR EXISTS (SELECT 1 FROM app.audit_archive a WHERE a.month = m);
      EXECUTE format('CREATE TABLE audit_part.%I (LIKE public.audit_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
      EXECUTE format('REVOKE ALL ON audit_part.%I FROM PUBLIC, ips_app', part);
      -- rows of this month waiting in the default partition move into it before it is attached
      -- (a move, not a change: the same id, content and sequence)
      EXECUTE format($q$WITH moved AS (DELETE FROM audit_part.audit_log_default
          WHERE "occurredAt" >= (%L::timestamp AT TIME ZONE 'UTC') AND "occurredAt" < (%L::timestamp AT TIME ZONE 'UTC') RETURNING *)
        INSERT INTO audit_part.%I SELECT * FROM moved$q$, m, (m + interval '1 month')::date, part);
      EXECUTE format('ALTER TABLE public.audit_log ATTACH PARTITION audit_part.%I FOR VALUES FROM (%L) TO (%L)', part,
        (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
      created := created + 1;
    END LOOP;
    RETURN created;
  END $$;
REVOKE ALL ON FUNCTION app.ensure_audit_partitions(timestamptz, integer) FROM PUBLIC;
-- The runtime role (the background sealer) gets only this month and the next two: it cannot make
-- partitions for months of its choosing.
CREATE FUNCTION app.ensure_current_audit_partitions() RETURNS integer
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$ SELECT app.ensure_audit_partitions(now(), 2) $$;
REVOKE ALL ON FUNCTION app.ensure_current_audit_partitions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.ensure_current_audit_partitions() TO ips_app;

-- 6. Sealing, in rounds: a round seals what the previous round noted, once safe (see the top),
--    one batch per organisation, and notes the sequence reached now. At most p_limit rows per
--    round; p_organization is kept for callers and ignored (one sequence for all organisations).
--    Runs in READ COMMITTED (each statement's snapshot is taken after the one before).
CREATE FUNCTION app.seal_audit_log(p_organization uuid DEFAULT NULL, p_limit integer DEFAULT 10000) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    st app.audit_seal_state;
    upto bigint;
    cut bigint;
    reached bigint;
    o record;
    head app.audit_chain_head;
    b app.audit_log_batch;
    sealed integer := 0;
  BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN RETURN 0; END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('audit-seal', 0));
    SELECT * INTO st FROM app.audit_seal_state WHERE singleton;
    -- a database restored on another server: its transaction ids start lower, and no transaction
    -- of the old server can still be running, so what was noted is safe now
    IF pg_snapshot_xmax(pg_current_snapshot()) < st."pendingXmax" THEN st."pendingXmax" := '0'::xid8; END IF;
    IF st."pendingThrough" > st."sealedThrough" AND pg_snapshot_xmin(pg_current_snapshot()) >= st."pendingXmax" THEN
      upto := st."pendingThrough";
      SELECT a.sequence INTO cut FROM public.audit_log a WHERE a.sequence > st."sealedThrough" AND a.sequence <= upto
        ORDER BY a.sequence OFFSET greatest(p_limit, 1) - 1 LIMIT 1;
      IF cut IS NOT NULL THEN upto := cut; END IF;
      FOR o IN
        SELECT a."organizationId" AS org, count(*)::integer AS n, min(a."occurredAt") AS first, max(a."occurredAt") AS last,
          encode(sha256(convert_to(string_agg(app.audit_row_text(a), E'\n' ORDER BY a.sequence), 'UTF8')), 'hex') AS rows_hash
        FROM public.audit_log a WHERE a.sequence > st."sealedThrough" AND a.sequence <= upto
        GROUP BY a."organizationId" ORDER BY a."organizationId"
      LOOP
        INSERT INTO app.audit_chain_head VALUES (o.org, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
        SELECT * INTO head FROM app.audit_chain_head WHERE organization_id = o.org FOR UPDATE;
        b := ROW(o.org, head.position + 1, st."sealedThrough", upto, o.n, o.first, o.last, o.rows_hash, head.hash, NULL, clock_timestamp());
        b.hash := app.audit_batch_hash(b);
        INSERT INTO app.audit_log_batch SELECT b.*;
        UPDATE app.audit_chain_head SET position = b."batchNumber", hash = b.hash WHERE organization_id = o.org;
        sealed := sealed + o.n;
      END LOOP;
      st."sealedThrough" := upto;
    END IF;
    IF st."sealedThrough" >= st."pendingThrough" THEN
      -- note the sequence reached, then (in a later statement, so a later snapshot) the next transaction id
      SELECT CASE WHEN s.is_called THEN s.last_value ELSE s.last_value - 1 END INTO reached FROM public.audit_log_sequence_seq s;
      st."pendingThrough" := reached;
      st."pendingXmax" := pg_snapshot_xmax(pg_current_snapshot());
    END IF;
    UPDATE app.audit_seal_state SET "sealedThrough" = st."sealedThrough", "pendingThrough" = st."pendingThrough",
      "pendingXmax" = st."pendingXmax" WHERE singleton;
    RETURN sealed;
  END $$;
REVOKE ALL ON FUNCTION app.seal_audit_log(uuid, integer) FROM PUBLIC;
-- The API seals in the background; sealing writes batches, it cannot touch a row.
GRANT EXECUTE ON FUNCTION app.seal_audit_log(uuid, integer) TO ips_app;

-- 7. Verification of an organisation's chain: each batch's link, number and hash, its rows
--    recounted and rehashed (online and archived months), every sealed row inside a batch, and the
--    recorded head at the last batch. Returns the rows checked and the first batch number that does
--    not match (NULL when intact; one past the last batch when batches or rows were cut off the end).
CREATE FUNCTION app.verify_audit_chain(p_organization uuid)
  RETURNS TABLE (checked bigint, first_broken bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
  DECLARE
    expected_previous text := repeat('0', 64);
    expected_number bigint := 0;
    b app.audit_log_batch;
    head app.audit_chain_head;
    n bigint;
    h text;
    sealed_rows bigint;
    horizon bigint;
  BEGIN
    checked := 0;
    first_broken := NULL;
    SELECT coalesce((SELECT o."legacyHash" FROM app.audit_chain_origin o WHERE o.organization_id = p_organization), repeat('0', 64))
      INTO expected_previous;
    FOR b IN SELECT * FROM app.audit_log_batch WHERE "organizationId" = p_organization ORDER BY "batchNumber"
    LOOP
      expected_number := expected_number + 1;
      SELECT count(*), encode(sha256(convert_to(string_agg(app.audit_row_text(ROW(a.*)::public.audit_log), E'\n' ORDER BY a.sequence), 'UTF8')), 'hex')
        INTO n, h
        FROM app.audit_log_everything a
        WHERE a."organizationId" = p_organization AND a.sequence > b."fromSequence" AND a.sequence <= b."toSequence"
          AND a."occurredAt" BETWEEN b."firstOccurredAt" AND b."lastOccurredAt";
      IF b."batchNumber" <> expected_number OR b."previousHash" <> expected_previous OR b.hash <> app.audit_batch_hash(b)
         OR n <> b."rowCount" OR h IS DISTINCT FROM b."rowsHash" THEN
        first_broken := expected_number;
        RETURN NEXT;
        RETURN;
      END IF;
      checked := checked + n;
      expected_previous := b.hash;
    END LOOP;
    -- no sealed row outside the batches (a row added into a sealed period, or moved out of its batch's bounds)
    SELECT s."sealedThrough" INTO horizon FROM app.audit_seal_state s WHERE singleton;
    SELECT count(*) INTO sealed_rows FROM app.audit_log_everything a WHERE a."organizationId" = p_organization AND a.sequence <= horizon;
    IF sealed_rows <> checked THEN
      first_broken := expected_number + 1;
      RETURN NEXT;
      RETURN;
    END IF;
    SELECT * INTO head FROM app.audit_chain_head WHERE organization_id = p_organization;
    IF head.organization_id IS NOT NULL AND (head.position <> expected_number OR head.hash <> expected_previous) THEN
      first_broken := expected_number + 1;  -- batches at the end were removed
    END IF;
    RETURN NEXT;
  END $$;
REVOKE ALL ON FUNCTION app.verify_audit_chain(uuid) FROM PUBLIC;

-- 8. The rows already written move over. Each organisation's row chain is verified first (a broken
--    one stops the migration); its rows become the first batch of its batch chain, which links to
--    the row chain's last hash, so the old chain's proof carries over.
DO $$
DECLARE
  o record;
  expected_previous text;
  expected_position bigint;
  r record;
BEGIN
  FOR o IN SELECT h.organization_id AS org, h.position, h.hash FROM app.audit_chain_head h LOOP
    expected_previous := repeat('0', 64);
    expected_position := 0;
    FOR r IN SELECT a.*, encode(sha256(convert_to(concat_ws('|', a.id, a."organizationId", a.sequence,
          to_char(a."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(a."actorUserId"::text, ''), coalesce(a."actorRole"::text, ''), coalesce(a."actorOrganizationId"::text, ''),
          coalesce(a."jobSeekerId"::text, ''), a.action::text, a.area, coalesce(a."entityType", ''),
          coalesce(a."entityId"::text, ''), coalesce(a.reason, ''), coalesce(a."requestId", ''), coalesce(a.details::text, '')), 'UTF8')), 'hex') AS text_hash,
          a."previousHash" || '|' AS prefix
        FROM audit_log_v1 a WHERE a."organizationId" = o.org AND a."chainPosition" IS NOT NULL ORDER BY a."chainPosition"
    LOOP
      expected_position := expected_position + 1;
      IF r."chainPosition" <> expected_position OR r."previousHash" <> expected_previous THEN
        RAISE EXCEPTION 'access log chain of organisation % is broken at position %', o.org, expected_position;
      END IF;
      expected_previous := r.hash;
    END LOOP;
    IF o.position <> expected_position OR o.hash <> expected_previous THEN
      RAISE EXCEPTION 'access log chain of organisation % does not end at its head', o.org;
    END IF;
  END LOOP;
END $$;
-- (the loop above checks links and positions; each row's own hash is checked in SQL, set-wise)
DO $$
DECLARE bad record;
BEGIN
  SELECT a."organizationId", a."chainPosition" INTO bad FROM audit_log_v1 a
  WHERE a."chainPosition" IS NOT NULL AND a.hash <> encode(sha256(convert_to(a."previousHash" || '|' || concat_ws('|', a.id, a."organizationId", a.sequence,
          to_char(a."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(a."actorUserId"::text, ''), coalesce(a."actorRole"::text, ''), coalesce(a."actorOrganizationId"::text, ''),
          coalesce(a."jobSeekerId"::text, ''), a.action::text, a.area, coalesce(a."entityType", ''),
          coalesce(a."entityId"::text, ''), coalesce(a.reason, ''), coalesce(a."requestId", ''), coalesce(a.details::text, '')), 'UTF8')), 'hex')
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'access log row % of organisation % does not match its hash', bad."chainPosition", bad."organizationId";
  END IF;
END $$;

-- The rows move over unchanged and are sealed here as each organisation's batch 1 (the migration
-- holds the table locked: nothing else writes meanwhile).
INSERT INTO audit_log (id, "organizationId", sequence, "occurredAt", "actorUserId", "actorRole", "actorOrganizationId",
  "jobSeekerId", action, area, "entityType", "entityId", reason, "requestId", details)
SELECT id, "organizationId", sequence, "occurredAt", "actorUserId", "actorRole", "actorOrganizationId",
  "jobSeekerId", action, area, "entityType", "entityId", reason, "requestId", details
FROM audit_log_v1;
SELECT app.ensure_audit_partitions(now(), 2);
INSERT INTO app.audit_seal_state ("sealedThrough", "pendingThrough", "pendingXmax")
  SELECT coalesce(max(sequence), 0), coalesce(max(sequence), 0), '0'::xid8 FROM audit_log_v1;
DO $$
DECLARE
  o record;
  head app.audit_chain_head;
  b app.audit_log_batch;
BEGIN
  FOR o IN
    SELECT a."organizationId" AS org, count(*)::integer AS n, min(a."occurredAt") AS first, max(a."occurredAt") AS last,
      encode(sha256(convert_to(string_agg(app.audit_row_text(a), E'\n' ORDER BY a.sequence), 'UTF8')), 'hex') AS rows_hash
    FROM public.audit_log a GROUP BY a."organizationId"
  LOOP
    INSERT INTO app.audit_chain_head VALUES (o.org, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    SELECT * INTO head FROM app.audit_chain_head WHERE organization_id = o.org;
    INSERT INTO app.audit_chain_origin VALUES (o.org, head.position, head.hash);
    -- batch 1 follows the row chain's last hash (a fresh chain starts from zeros)
    b := ROW(o.org, 1, 0, (SELECT "sealedThrough" FROM app.audit_seal_state), o.n, o.first, o.last, o.rows_hash, head.hash, NULL, clock_timestamp());
    b.hash := app.audit_batch_hash(b);
    INSERT INTO app.audit_log_batch SELECT b.*;
    UPDATE app.audit_chain_head SET position = 1, hash = b.hash WHERE organization_id = o.org;
  END LOOP;
END $$;
DROP TABLE audit_log_v1;
