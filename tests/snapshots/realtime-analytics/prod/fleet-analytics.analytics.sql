-- fleet-analytics: SQL bootstrap of cluster `analytics`, environment prod.
-- Written by pgc; do not edit: change the program and build again.
--
-- Run it with psql on the coordinator of elastic cluster fleet-analytics-prod-analytics (port 5432,
-- where Citus takes DDL and distribution calls), in database postgres, signed in as an Entra
-- administrator:
--   psql "host=fleet-analytics-prod-analytics.postgres.database.azure.com port=5432 dbname=postgres sslmode=require" \
--        -f fleet-analytics.analytics.sql
-- Every statement is guarded: a second run succeeds and changes nothing.

\set ON_ERROR_STOP on

-- Extensions
CREATE EXTENSION IF NOT EXISTS hll;
CREATE EXTENSION IF NOT EXISTS tdigest;

-- Roles
-- role `ingest`: Entra service principal fleet-ingest
SELECT pg_catalog.pgaadauth_create_principal_with_oid('fleet-ingest', '00000000-0000-0000-0000-0000000000c1', 'service', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'fleet-ingest');
-- role `rollup_job`: Entra service principal fleet-rollups
SELECT pg_catalog.pgaadauth_create_principal_with_oid('fleet-rollups', '00000000-0000-0000-0000-0000000000c2', 'service', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'fleet-rollups');
-- role `dashboard_app`: Entra service principal fleet-dashboards
SELECT pg_catalog.pgaadauth_create_principal_with_oid('fleet-dashboards', '00000000-0000-0000-0000-0000000000c3', 'service', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'fleet-dashboards');

BEGIN;
-- One connection per node for the whole transaction: Citus then takes distribution
-- calls and foreign keys in the same transaction as the tables they act on.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- Schemas
CREATE SCHEMA IF NOT EXISTS telemetry;

-- Tables, each after the tables it references; foreign keys come last

CREATE TABLE IF NOT EXISTS telemetry.device_models (
  model_id smallint NOT NULL,
  name     text     NOT NULL,
  unit     text     NOT NULL,
  PRIMARY KEY (model_id)
);

CREATE TABLE IF NOT EXISTS telemetry.devices (
  device_id    bigint      NOT NULL,
  model_id     smallint    NOT NULL,
  site         text        NOT NULL,
  installed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id)
);

CREATE TABLE IF NOT EXISTS telemetry.events (
  device_id   bigint           NOT NULL,
  event_id    bigint           NOT NULL GENERATED ALWAYS AS IDENTITY,
  recorded_at timestamptz      NOT NULL,
  received_at timestamptz      NOT NULL DEFAULT now(),
  kind        text             NOT NULL,
  value       double precision,
  payload     jsonb,
  PRIMARY KEY (device_id, recorded_at, event_id)
);
CREATE INDEX IF NOT EXISTS events_recorded_at_idx ON telemetry.events USING brin (recorded_at);
CREATE INDEX IF NOT EXISTS events_by_firmware ON telemetry.events ((payload ->> 'firmware')) WHERE payload ? 'firmware';

CREATE TABLE IF NOT EXISTS telemetry.events_per_minute (
  device_id bigint           NOT NULL,
  minute    timestamptz      NOT NULL,
  events    bigint           NOT NULL,
  value_min double precision,
  value_max double precision,
  value_sum double precision,
  PRIMARY KEY (device_id, minute)
);

CREATE TABLE IF NOT EXISTS telemetry.events_per_hour (
  device_id bigint      NOT NULL,
  hour      timestamptz NOT NULL,
  events    bigint      NOT NULL,
  kinds     hll         NOT NULL,
  value_p   tdigest,
  PRIMARY KEY (device_id, hour)
);

CREATE TABLE IF NOT EXISTS telemetry.rollup_progress (
  rollup_name text        NOT NULL,
  rolled_to   timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rollup_name)
);

-- Citus: reference tables, then distributed tables, each colocation target before
-- the tables colocated with it; then distributed schemas, which place their tables
SELECT pg_catalog.create_reference_table('telemetry.device_models')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'telemetry.device_models'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('telemetry.devices', 'device_id', shard_count => 96)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'telemetry.devices'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('telemetry.events', 'device_id', colocate_with => 'telemetry.devices')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'telemetry.events'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('telemetry.events_per_minute', 'device_id', colocate_with => 'telemetry.devices')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'telemetry.events_per_minute'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('telemetry.events_per_hour', 'device_id', colocate_with => 'telemetry.devices')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'telemetry.events_per_hour'::pg_catalog.regclass);

-- Foreign keys
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'telemetry.devices'::pg_catalog.regclass AND conname = 'devices_model_id_fkey') THEN
    ALTER TABLE telemetry.devices ADD CONSTRAINT devices_model_id_fkey
      FOREIGN KEY (model_id) REFERENCES telemetry.device_models (model_id);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'telemetry.events'::pg_catalog.regclass AND conname = 'events_device_id_fkey') THEN
    ALTER TABLE telemetry.events ADD CONSTRAINT events_device_id_fkey
      FOREIGN KEY (device_id) REFERENCES telemetry.devices (device_id);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'telemetry.events_per_minute'::pg_catalog.regclass AND conname = 'events_per_minute_device_id_fkey') THEN
    ALTER TABLE telemetry.events_per_minute ADD CONSTRAINT events_per_minute_device_id_fkey
      FOREIGN KEY (device_id) REFERENCES telemetry.devices (device_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'telemetry.events_per_hour'::pg_catalog.regclass AND conname = 'events_per_hour_device_id_fkey') THEN
    ALTER TABLE telemetry.events_per_hour ADD CONSTRAINT events_per_hour_device_id_fkey
      FOREIGN KEY (device_id) REFERENCES telemetry.devices (device_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;

-- Grants
GRANT USAGE ON SCHEMA telemetry TO "fleet-ingest";
GRANT SELECT ON TABLE telemetry.devices TO "fleet-ingest";
GRANT INSERT ON TABLE telemetry.events TO "fleet-ingest";
GRANT USAGE ON SCHEMA telemetry TO "fleet-rollups";
GRANT SELECT ON TABLE telemetry.device_models, telemetry.devices, telemetry.events, telemetry.events_per_minute, telemetry.events_per_hour, telemetry.rollup_progress TO "fleet-rollups";
GRANT INSERT, UPDATE ON TABLE telemetry.events_per_minute TO "fleet-rollups";
GRANT INSERT, UPDATE ON TABLE telemetry.events_per_hour TO "fleet-rollups";
GRANT INSERT, UPDATE ON TABLE telemetry.rollup_progress TO "fleet-rollups";
GRANT USAGE ON SCHEMA telemetry TO "fleet-dashboards";
GRANT SELECT ON TABLE telemetry.device_models, telemetry.devices, telemetry.events, telemetry.events_per_minute, telemetry.events_per_hour, telemetry.rollup_progress TO "fleet-dashboards";

COMMIT;
