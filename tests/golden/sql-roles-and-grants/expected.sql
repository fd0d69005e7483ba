-- reports: SQL bootstrap of cluster `main`, environment test.
-- Written by pgc; do not edit: change the program and build again.
--
-- Run it with psql on the coordinator of elastic cluster reports-test-main (port 5432, where Citus
-- takes DDL and distribution calls), in database postgres, signed in as an Entra administrator:
--   psql "host=reports-test-main.postgres.database.azure.com port=5432 dbname=postgres sslmode=require" \
--        -v bi_password=... \
--        -f reports.main.sql
-- Passwords come from those psql variables, never from this file.
-- Every statement is guarded: a second run succeeds and changes nothing.

\set ON_ERROR_STOP on

-- Roles
-- role `api`: Entra service principal reports-api
SELECT pg_catalog.pgaadauth_create_principal_with_oid('reports-api', '00000000-0000-0000-0000-0000000000a1', 'service', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'reports-api');
-- role `analysts`: Entra group the "data" team
SELECT pg_catalog.pgaadauth_create_principal('the "data" team', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'the "data" team');
-- role `oncall`: Entra user o'brien@contoso.com
SELECT pg_catalog.pgaadauth_create_principal_with_oid('o''brien@contoso.com', '00000000-0000-0000-0000-0000000000b2', 'user', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'o''brien@contoso.com');
-- role `unpinned`: Entra user someone@contoso.com
SELECT pg_catalog.pgaadauth_create_principal('someone@contoso.com', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'someone@contoso.com');
-- role `bi`: a password login
SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'bi') AS pgc_role_missing \gset
\if :pgc_role_missing
\if :{?bi_password}
CREATE ROLE bi LOGIN PASSWORD :'bi_password';
\else
DO $pgc$ BEGIN RAISE EXCEPTION '%', 'psql variable bi_password is not set: pass the password of role bi with -v bi_password=...'; END $pgc$;
\endif
\endif
-- role `readers`: a password login
SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'readers') AS pgc_role_missing \gset
\if :pgc_role_missing
CREATE ROLE readers NOLOGIN;
\endif
COMMENT ON ROLE "reports-api" IS 'The reporting API''s managed identity';
COMMENT ON ROLE bi IS 'Business intelligence tool: it can''t use Entra tokens';

BEGIN;
-- One connection per node for the whole transaction: Citus then takes distribution
-- calls and foreign keys in the same transaction as the tables they act on.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- Schemas
CREATE SCHEMA IF NOT EXISTS reporting;
CREATE SCHEMA IF NOT EXISTS staging;

-- Tables, each after the tables it references; foreign keys come last

CREATE TABLE IF NOT EXISTS reporting.facts (
  tenant_id bigint NOT NULL,
  fact_id   bigint NOT NULL,
  PRIMARY KEY (tenant_id, fact_id)
);

CREATE TABLE IF NOT EXISTS reporting.dimensions (
  dimension_id bigint NOT NULL,
  PRIMARY KEY (dimension_id)
);

CREATE TABLE IF NOT EXISTS staging.uploads (
  upload_id bigint NOT NULL,
  PRIMARY KEY (upload_id)
);

-- Citus: reference tables, then distributed tables, each colocation target before
-- the tables colocated with it; then distributed schemas, which place their tables
SELECT pg_catalog.create_reference_table('reporting.dimensions')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'reporting.dimensions'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('reporting.facts', 'tenant_id')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'reporting.facts'::pg_catalog.regclass);

-- Grants
GRANT USAGE ON SCHEMA reporting TO "reports-api";
GRANT SELECT, INSERT ON TABLE reporting.facts, reporting.dimensions TO "reports-api";
GRANT USAGE, CREATE ON SCHEMA staging TO "reports-api";
GRANT USAGE ON SCHEMA reporting TO "the ""data"" team";
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO "the ""data"" team";
GRANT ALL ON SCHEMA staging TO "o'brien@contoso.com";
GRANT ALL ON TABLE staging.uploads TO "o'brien@contoso.com";
GRANT USAGE ON SCHEMA reporting TO "o'brien@contoso.com";
GRANT DELETE, TRUNCATE ON TABLE reporting.facts TO "o'brien@contoso.com";
GRANT USAGE ON SCHEMA reporting TO bi;
GRANT SELECT ON TABLE reporting.dimensions TO bi;
GRANT USAGE ON SCHEMA staging TO bi;
GRANT REFERENCES, TRIGGER ON TABLE staging.uploads TO bi;
GRANT USAGE ON SCHEMA reporting TO readers;
GRANT SELECT ON TABLE reporting.facts, reporting.dimensions TO readers;

COMMIT;
