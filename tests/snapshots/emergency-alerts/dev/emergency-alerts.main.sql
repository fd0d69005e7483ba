-- emergency-alerts: SQL bootstrap of cluster `main`, environment dev.
-- Written by pgc; do not edit: change the program and build again.
--
-- Run it with psql on the coordinator of elastic cluster emergency-alerts-dev-main (port 5432,
-- where Citus takes DDL and distribution calls), in database postgres, signed in as an Entra
-- administrator:
--   psql "host=emergency-alerts-dev-main.postgres.database.azure.com port=5432 dbname=postgres sslmode=require" \
--        -f emergency-alerts.main.sql
-- Every statement is guarded: a second run succeeds and changes nothing.

\set ON_ERROR_STOP on

-- Extensions
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Roles
-- role `alerts_api`: Entra service principal alerts-api
SELECT pg_catalog.pgaadauth_create_principal_with_oid('alerts-api', '00000000-0000-0000-0000-0000000000a1', 'service', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'alerts-api');

BEGIN;
-- One connection per node for the whole transaction: Citus then takes distribution
-- calls and foreign keys in the same transaction as the tables they act on.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- Schemas
CREATE SCHEMA IF NOT EXISTS emergency_alerts;

-- Tables, each after the tables it references; foreign keys come last

CREATE TABLE IF NOT EXISTS emergency_alerts.areas (
  area_id bigint NOT NULL,
  name    text   NOT NULL,
  PRIMARY KEY (area_id)
);
CREATE INDEX IF NOT EXISTS areas_name_idx ON emergency_alerts.areas USING gin (name gin_trgm_ops);
COMMENT ON TABLE emergency_alerts.areas IS 'Warning areas: small, and joined by every alert query, so copied to every node';

CREATE TABLE IF NOT EXISTS emergency_alerts.alerts (
  area_id    bigint      NOT NULL,
  alert_id   bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
  severity   text        NOT NULL CHECK (severity in ('minor', 'moderate', 'severe', 'extreme')),
  issued_at  timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  body       jsonb,
  PRIMARY KEY (area_id, alert_id)
);
CREATE INDEX IF NOT EXISTS alerts_area_id_issued_at_idx ON emergency_alerts.alerts (area_id, issued_at);

CREATE TABLE IF NOT EXISTS emergency_alerts.deliveries (
  area_id      bigint      NOT NULL,
  alert_id     bigint      NOT NULL,
  channel      text        NOT NULL CHECK (channel in ('sms', 'push', 'email', 'broadcast')),
  status       text        NOT NULL DEFAULT 'pending',
  delivered_at timestamptz,
  PRIMARY KEY (area_id, alert_id, channel)
);

-- Citus: reference tables, then distributed tables, each colocation target before
-- the tables colocated with it; then distributed schemas, which place their tables
SELECT pg_catalog.create_reference_table('emergency_alerts.areas')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'emergency_alerts.areas'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('emergency_alerts.alerts', 'area_id')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'emergency_alerts.alerts'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('emergency_alerts.deliveries', 'area_id', colocate_with => 'emergency_alerts.alerts')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'emergency_alerts.deliveries'::pg_catalog.regclass);

-- Foreign keys
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'emergency_alerts.alerts'::pg_catalog.regclass AND conname = 'alerts_area_id_fkey') THEN
    ALTER TABLE emergency_alerts.alerts ADD CONSTRAINT alerts_area_id_fkey
      FOREIGN KEY (area_id) REFERENCES emergency_alerts.areas (area_id);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'emergency_alerts.deliveries'::pg_catalog.regclass AND conname = 'deliveries_area_id_alert_id_fkey') THEN
    ALTER TABLE emergency_alerts.deliveries ADD CONSTRAINT deliveries_area_id_alert_id_fkey
      FOREIGN KEY (area_id, alert_id) REFERENCES emergency_alerts.alerts (area_id, alert_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;

-- Grants
GRANT USAGE ON SCHEMA emergency_alerts TO "alerts-api";
GRANT SELECT ON TABLE emergency_alerts.areas, emergency_alerts.alerts, emergency_alerts.deliveries TO "alerts-api";
GRANT INSERT, UPDATE ON TABLE emergency_alerts.alerts TO "alerts-api";
GRANT INSERT, UPDATE ON TABLE emergency_alerts.deliveries TO "alerts-api";

COMMIT;
