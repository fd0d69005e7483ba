-- tasktrack: SQL bootstrap of cluster `main`, environment prod.
-- Written by pgc; do not edit: change the program and build again.
--
-- Run it with psql on the coordinator of elastic cluster tasktrack-prod-main (port 5432, where
-- Citus takes DDL and distribution calls), in database postgres, signed in as an Entra
-- administrator:
--   psql "host=tasktrack-prod-main.postgres.database.azure.com port=5432 dbname=postgres sslmode=require" \
--        -v reporting_password=... \
--        -f tasktrack.main.sql
-- Passwords come from those psql variables, never from this file.
-- Every statement is guarded: a second run succeeds and changes nothing.

\set ON_ERROR_STOP on

-- Extensions
CREATE EXTENSION IF NOT EXISTS citext;

-- Roles
-- role `tasktrack_api`: Entra service principal tasktrack-api
SELECT pg_catalog.pgaadauth_create_principal_with_oid('tasktrack-api', '00000000-0000-0000-0000-0000000000a1', 'service', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'tasktrack-api');
-- role `billing_service`: Entra service principal tasktrack-billing
SELECT pg_catalog.pgaadauth_create_principal_with_oid('tasktrack-billing', '00000000-0000-0000-0000-0000000000b1', 'service', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'tasktrack-billing');
-- role `reporting`: a password login
SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'reporting') AS pgc_role_missing \gset
\if :pgc_role_missing
\if :{?reporting_password}
CREATE ROLE reporting LOGIN PASSWORD :'reporting_password';
\else
DO $pgc$ BEGIN RAISE EXCEPTION '%', 'psql variable reporting_password is not set: pass the password of role reporting with -v reporting_password=...'; END $pgc$;
\endif
\endif

BEGIN;
-- One connection per node for the whole transaction: Citus then takes distribution
-- calls and foreign keys in the same transaction as the tables they act on.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- Schemas
CREATE SCHEMA IF NOT EXISTS app;
CREATE SCHEMA IF NOT EXISTS billing;

-- Tables, each after the tables it references; foreign keys come last

CREATE TABLE IF NOT EXISTS app.plans (
  plan_id       text           NOT NULL,
  name          text           NOT NULL,
  seats         int            NOT NULL CHECK (seats > 0),
  monthly_price numeric(10, 2) NOT NULL,
  PRIMARY KEY (plan_id)
);

CREATE TABLE IF NOT EXISTS app.tenants (
  tenant_id  uuid        NOT NULL DEFAULT gen_random_uuid(),
  name       text        NOT NULL,
  plan_id    text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

CREATE TABLE IF NOT EXISTS app.users (
  tenant_id uuid   NOT NULL,
  user_id   uuid   NOT NULL DEFAULT gen_random_uuid(),
  email     citext NOT NULL,
  role      text   NOT NULL DEFAULT 'member' CHECK (role in ('owner', 'admin', 'member')),
  PRIMARY KEY (tenant_id, user_id),
  UNIQUE (tenant_id, email)
);

CREATE TABLE IF NOT EXISTS app.projects (
  tenant_id  uuid        NOT NULL,
  project_id bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
  name       text        NOT NULL,
  archived   boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, project_id)
);

CREATE TABLE IF NOT EXISTS app.tasks (
  tenant_id  uuid        NOT NULL,
  task_id    bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
  project_id bigint      NOT NULL,
  title      text        NOT NULL,
  status     text        NOT NULL DEFAULT 'open',
  assignee   uuid,
  due_on     date,
  labels     text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, task_id),
  CONSTRAINT tasks_status_known CHECK (status in ('open', 'in_progress', 'done'))
);
CREATE INDEX IF NOT EXISTS tasks_tenant_id_project_id_status_idx ON app.tasks (tenant_id, project_id, status);
CREATE INDEX IF NOT EXISTS tasks_open_by_due ON app.tasks (tenant_id, due_on) WHERE status <> 'done';
CREATE INDEX IF NOT EXISTS tasks_labels_idx ON app.tasks USING gin (labels);

CREATE TABLE IF NOT EXISTS billing.invoices (
  invoice_id  uuid           NOT NULL DEFAULT gen_random_uuid(),
  tenant_id   uuid           NOT NULL,
  plan_id     text           NOT NULL,
  period_from date           NOT NULL,
  period_to   date           NOT NULL,
  amount      numeric(12, 2) NOT NULL,
  issued_at   timestamptz    NOT NULL DEFAULT now(),
  PRIMARY KEY (invoice_id),
  CONSTRAINT invoices_period_ordered CHECK (period_from < period_to)
);
CREATE INDEX IF NOT EXISTS invoices_tenant_id_issued_at_idx ON billing.invoices (tenant_id, issued_at);

CREATE TABLE IF NOT EXISTS billing.invoice_lines (
  invoice_id  uuid           NOT NULL,
  line_no     int            NOT NULL,
  description text           NOT NULL,
  amount      numeric(12, 2) NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
);

-- Citus: reference tables, then distributed tables, each colocation target before
-- the tables colocated with it; then distributed schemas, which place their tables
SELECT pg_catalog.create_reference_table('app.plans')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'app.plans'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('app.tenants', 'tenant_id', shard_count => 64)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'app.tenants'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('app.users', 'tenant_id', colocate_with => 'app.tenants')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'app.users'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('app.projects', 'tenant_id', colocate_with => 'app.tenants')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'app.projects'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('app.tasks', 'tenant_id', colocate_with => 'app.tenants')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'app.tasks'::pg_catalog.regclass);
SELECT pg_catalog.citus_schema_distribute('billing')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_schema
                  WHERE schemaid = 'billing'::pg_catalog.regnamespace);

-- Foreign keys
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'app.tenants'::pg_catalog.regclass AND conname = 'tenants_plan_id_fkey') THEN
    ALTER TABLE app.tenants ADD CONSTRAINT tenants_plan_id_fkey
      FOREIGN KEY (plan_id) REFERENCES app.plans (plan_id);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'app.users'::pg_catalog.regclass AND conname = 'users_tenant_id_fkey') THEN
    ALTER TABLE app.users ADD CONSTRAINT users_tenant_id_fkey
      FOREIGN KEY (tenant_id) REFERENCES app.tenants (tenant_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'app.projects'::pg_catalog.regclass AND conname = 'projects_tenant_id_fkey') THEN
    ALTER TABLE app.projects ADD CONSTRAINT projects_tenant_id_fkey
      FOREIGN KEY (tenant_id) REFERENCES app.tenants (tenant_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'app.tasks'::pg_catalog.regclass AND conname = 'tasks_tenant_id_project_id_fkey') THEN
    ALTER TABLE app.tasks ADD CONSTRAINT tasks_tenant_id_project_id_fkey
      FOREIGN KEY (tenant_id, project_id) REFERENCES app.projects (tenant_id, project_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'app.tasks'::pg_catalog.regclass AND conname = 'tasks_tenant_id_assignee_fkey') THEN
    ALTER TABLE app.tasks ADD CONSTRAINT tasks_tenant_id_assignee_fkey
      FOREIGN KEY (tenant_id, assignee) REFERENCES app.users (tenant_id, user_id);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'billing.invoices'::pg_catalog.regclass AND conname = 'invoices_plan_id_fkey') THEN
    ALTER TABLE billing.invoices ADD CONSTRAINT invoices_plan_id_fkey
      FOREIGN KEY (plan_id) REFERENCES app.plans (plan_id);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'billing.invoice_lines'::pg_catalog.regclass AND conname = 'invoice_lines_invoice_id_fkey') THEN
    ALTER TABLE billing.invoice_lines ADD CONSTRAINT invoice_lines_invoice_id_fkey
      FOREIGN KEY (invoice_id) REFERENCES billing.invoices (invoice_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;

-- Grants
GRANT USAGE ON SCHEMA app TO "tasktrack-api";
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE app.plans, app.tenants, app.users, app.projects, app.tasks TO "tasktrack-api";
GRANT USAGE ON SCHEMA billing TO "tasktrack-billing";
GRANT SELECT, INSERT, UPDATE ON TABLE billing.invoices, billing.invoice_lines TO "tasktrack-billing";
GRANT USAGE ON SCHEMA app TO "tasktrack-billing";
GRANT SELECT ON TABLE app.tenants TO "tasktrack-billing";
GRANT SELECT ON TABLE app.plans TO "tasktrack-billing";
GRANT USAGE ON SCHEMA app TO reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA app TO reporting;

COMMIT;
