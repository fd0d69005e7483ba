-- fleet-analytics: SQL bootstrap of cluster `portal`, environment prod.
-- Written by pgc; do not edit: change the program and build again.
--
-- Run it with psql on flexible server fleet-analytics-prod-portal, port 5432, in database
-- dashboards, signed in as an Entra administrator:
--   psql "host=fleet-analytics-prod-portal.postgres.database.azure.com port=5432 dbname=dashboards sslmode=require" \
--        -f fleet-analytics.portal.sql
-- Every statement is guarded: a second run succeeds and changes nothing.

\set ON_ERROR_STOP on

-- Roles
-- pgaadauth runs only in database postgres
\connect postgres
-- role `dashboard_app_portal`: Entra service principal fleet-dashboards
SELECT pg_catalog.pgaadauth_create_principal_with_oid('fleet-dashboards', '00000000-0000-0000-0000-0000000000c3', 'service', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'fleet-dashboards');
\connect dashboards

BEGIN;

-- Schemas
CREATE SCHEMA IF NOT EXISTS dashboards;

-- Tables, each after the tables it references; foreign keys come last

CREATE TABLE IF NOT EXISTS dashboards.dashboards (
  dashboard_id uuid        NOT NULL DEFAULT gen_random_uuid(),
  owner        text        NOT NULL,
  title        text        NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dashboard_id)
);

CREATE TABLE IF NOT EXISTS dashboards.widgets (
  dashboard_id uuid  NOT NULL,
  widget_id    int   NOT NULL,
  query        text  NOT NULL,
  layout       jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (dashboard_id, widget_id)
);

-- Foreign keys
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'dashboards.widgets'::pg_catalog.regclass AND conname = 'widgets_dashboard_id_fkey') THEN
    ALTER TABLE dashboards.widgets ADD CONSTRAINT widgets_dashboard_id_fkey
      FOREIGN KEY (dashboard_id) REFERENCES dashboards.dashboards (dashboard_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;

-- Grants
GRANT USAGE ON SCHEMA dashboards TO "fleet-dashboards";
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE dashboards.dashboards, dashboards.widgets TO "fleet-dashboards";

COMMIT;
