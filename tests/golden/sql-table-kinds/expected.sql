-- shop: SQL bootstrap of cluster `main`, environment dev.
-- Written by pgc; do not edit: change the program and build again.
--
-- Run it with psql on the coordinator of elastic cluster shop-dev-main (port 5432, where Citus
-- takes DDL and distribution calls), in database postgres:
--   psql "host=shop-dev-main.postgres.database.azure.com port=5432 dbname=postgres sslmode=require" \
--        -f shop.main.sql
-- Every statement is guarded: a second run succeeds and changes nothing.

\set ON_ERROR_STOP on

BEGIN;
-- One connection per node for the whole transaction: Citus then takes distribution
-- calls and foreign keys in the same transaction as the tables they act on.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- Schemas
CREATE SCHEMA IF NOT EXISTS sales;
CREATE SCHEMA IF NOT EXISTS ledger;

-- Tables, each after the tables it references; foreign keys come last

CREATE TABLE IF NOT EXISTS sales.products (
  product_id bigint NOT NULL,
  name       text   NOT NULL,
  PRIMARY KEY (product_id)
);

CREATE TABLE IF NOT EXISTS sales.currencies (
  code text NOT NULL,
  PRIMARY KEY (code)
);

CREATE TABLE IF NOT EXISTS sales.orders (
  order_id  bigint      NOT NULL,
  currency  text        NOT NULL,
  placed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id)
);

CREATE TABLE IF NOT EXISTS sales.line_items (
  order_id   bigint NOT NULL,
  line_no    int    NOT NULL,
  product_id bigint NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE IF NOT EXISTS sales.shipments (
  order_id    bigint NOT NULL,
  shipment_id bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (order_id, shipment_id)
);

CREATE TABLE IF NOT EXISTS sales.import_runs (
  run_id  bigint      NOT NULL,
  started timestamptz NOT NULL,
  PRIMARY KEY (run_id)
);

CREATE TABLE IF NOT EXISTS sales.scratch (
  note text
);

CREATE TABLE IF NOT EXISTS ledger.entries (
  entry_id bigint NOT NULL,
  currency text   NOT NULL,
  PRIMARY KEY (entry_id)
);

CREATE TABLE IF NOT EXISTS ledger.entry_lines (
  entry_id bigint NOT NULL,
  line_no  int    NOT NULL,
  PRIMARY KEY (entry_id, line_no)
);

-- Citus: reference tables, then distributed tables, each colocation target before
-- the tables colocated with it; then distributed schemas, which place their tables
SELECT pg_catalog.create_reference_table('sales.products')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'sales.products'::pg_catalog.regclass);
SELECT pg_catalog.create_reference_table('sales.currencies')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'sales.currencies'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('sales.orders', 'order_id', shard_count => 16)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'sales.orders'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('sales.line_items', 'order_id', colocate_with => 'sales.orders')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'sales.line_items'::pg_catalog.regclass);
SELECT pg_catalog.create_distributed_table('sales.shipments', 'order_id', colocate_with => 'sales.line_items')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                  WHERE logicalrelid = 'sales.shipments'::pg_catalog.regclass);
SELECT pg_catalog.citus_schema_distribute('ledger')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_schema
                  WHERE schemaid = 'ledger'::pg_catalog.regnamespace);

-- Foreign keys
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'sales.orders'::pg_catalog.regclass AND conname = 'orders_currency_fkey') THEN
    ALTER TABLE sales.orders ADD CONSTRAINT orders_currency_fkey
      FOREIGN KEY (currency) REFERENCES sales.currencies (code);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'sales.line_items'::pg_catalog.regclass AND conname = 'line_items_order_id_fkey') THEN
    ALTER TABLE sales.line_items ADD CONSTRAINT line_items_order_id_fkey
      FOREIGN KEY (order_id) REFERENCES sales.orders (order_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'sales.line_items'::pg_catalog.regclass AND conname = 'line_items_product_id_fkey') THEN
    ALTER TABLE sales.line_items ADD CONSTRAINT line_items_product_id_fkey
      FOREIGN KEY (product_id) REFERENCES sales.products (product_id);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'ledger.entries'::pg_catalog.regclass AND conname = 'entries_currency_fkey') THEN
    ALTER TABLE ledger.entries ADD CONSTRAINT entries_currency_fkey
      FOREIGN KEY (currency) REFERENCES sales.currencies (code);
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'ledger.entry_lines'::pg_catalog.regclass AND conname = 'entry_lines_entry_id_fkey') THEN
    ALTER TABLE ledger.entry_lines ADD CONSTRAINT entry_lines_entry_id_fkey
      FOREIGN KEY (entry_id) REFERENCES ledger.entries (entry_id) ON DELETE CASCADE;
  END IF;
END
$pgc$;

COMMIT;
