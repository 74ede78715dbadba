-- Database roles for environments where the platform team manages roles (run once per cluster,
-- as a superuser or a role with CREATEROLE). `pnpm start`/`pnpm db:migrate` create the same roles
-- themselves when they may. See docs/operations.md.
--
--   ips_owner  owns the schema, runs migrations and seeds; BYPASSRLS; never used by requests.
--   ips_app    the API's role: no superuser, not a table owner, no BYPASSRLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ips_owner') THEN
    CREATE ROLE ips_owner NOLOGIN BYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ips_app') THEN
    CREATE ROLE ips_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

-- Set the runtime password from your secret store, e.g.:
--   ALTER ROLE ips_app PASSWORD '…';
-- Let the migrating login act as the owner:
--   GRANT ips_owner TO <migrator login>;
-- Create the database owned by the owner role:
--   CREATE DATABASE ips OWNER ips_owner;
--   REVOKE ALL ON DATABASE ips FROM PUBLIC;
--   GRANT CONNECT ON DATABASE ips TO ips_app;   -- no TEMPORARY: see the definer functions
