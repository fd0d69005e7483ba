-- catalog: SQL bootstrap of cluster `main`, environment dev.
-- Written by pgc; do not edit: change the program and build again.
--
-- Run it with psql on flexible server catalog-dev-main, port 5432, in database postgres:
--   psql "host=catalog-dev-main.postgres.database.azure.com port=5432 dbname=postgres sslmode=require" \
--        -f catalog.main.sql
-- Every statement is guarded: a second run succeeds and changes nothing.

\set ON_ERROR_STOP on

-- Extensions
CREATE EXTENSION IF NOT EXISTS citext;

BEGIN;

-- Schemas
CREATE SCHEMA IF NOT EXISTS inventory;

-- Tables, each after the tables it references; foreign keys come last

CREATE TABLE IF NOT EXISTS inventory.warehouses (
  warehouse_id int          NOT NULL,
  code         char(4)      NOT NULL,
  name         varchar(120) NOT NULL,
  region       text         DEFAULT 'eu' CHECK (region in ('eu', 'us')),
  PRIMARY KEY (warehouse_id),
  UNIQUE (code)
);

CREATE TABLE IF NOT EXISTS inventory.items (
  item_id      bigint           NOT NULL GENERATED ALWAYS AS IDENTITY,
  sku          citext           NOT NULL,
  price        numeric(10, 2)   NOT NULL CHECK (price >= 0),
  weight_kg    double precision,
  ratio        real             DEFAULT (-1),
  tags         text[],
  dims         int[][],
  created_on   date             NOT NULL DEFAULT current_date,
  starts_at    time,
  updated_at   timestamp,
  valid_for    interval         DEFAULT (interval '30 days'),
  payload      jsonb            NOT NULL DEFAULT '{}'::jsonb,
  raw          json,
  blob         bytea,
  origin_ip    inet,
  net          cidr,
  active       boolean          NOT NULL DEFAULT true,
  token        uuid             DEFAULT gen_random_uuid(),
  warehouse_id int,
  total        numeric(12, 2)   GENERATED ALWAYS AS (price * 2) STORED,
  CONSTRAINT items_pk PRIMARY KEY (item_id),
  UNIQUE (sku, warehouse_id),
  CONSTRAINT items_price_sane CHECK (price < 1000000),
  CHECK (weight_kg > 0 and ratio > 0)
);
CREATE INDEX IF NOT EXISTS items_sku_idx ON inventory.items (sku);
CREATE INDEX IF NOT EXISTS items_by_tag ON inventory.items USING gin (tags);
CREATE UNIQUE INDEX IF NOT EXISTS items_lower_idx ON inventory.items (lower(sku::text));
CREATE INDEX IF NOT EXISTS items_expr_expr1_idx ON inventory.items ((price * 2), (price + 1)) WHERE active;
CREATE INDEX IF NOT EXISTS items_created_on_idx ON inventory.items (created_on DESC NULLS LAST);

CREATE TABLE IF NOT EXISTS inventory.a_table_whose_name_is_long_enough_to_be_cut_by_postgresql_abc (
  a_column_whose_name_is_long_enough_to_be_cut_by_postgresql_xyz int NOT NULL,
  second                                                         int NOT NULL,
  UNIQUE (a_column_whose_name_is_long_enough_to_be_cut_by_postgresql_xyz, second)
);
CREATE INDEX IF NOT EXISTS a_table_whose_name_is_long_enough_to_be_cut_by_postg_second_idx ON inventory.a_table_whose_name_is_long_enough_to_be_cut_by_postgresql_abc (second);
CREATE INDEX IF NOT EXISTS a_table_whose_name_is_long_enough_to_be_cut_by_post_second_idx1 ON inventory.a_table_whose_name_is_long_enough_to_be_cut_by_postgresql_abc (second);

-- Foreign keys
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'inventory.items'::pg_catalog.regclass AND conname = 'items_warehouse_id_fkey') THEN
    ALTER TABLE inventory.items ADD CONSTRAINT items_warehouse_id_fkey
      FOREIGN KEY (warehouse_id) REFERENCES inventory.warehouses (warehouse_id) ON DELETE SET NULL ON UPDATE CASCADE;
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'inventory.a_table_whose_name_is_long_enough_to_be_cut_by_postgresql_abc'::pg_catalog.regclass AND conname = 'a_table_whose_name_is_long_enough_to_be_cut_by_post_second_fkey') THEN
    ALTER TABLE inventory.a_table_whose_name_is_long_enough_to_be_cut_by_postgresql_abc ADD CONSTRAINT a_table_whose_name_is_long_enough_to_be_cut_by_post_second_fkey
      FOREIGN KEY (second) REFERENCES inventory.warehouses (warehouse_id) ON DELETE RESTRICT;
  END IF;
END
$pgc$;
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'inventory.a_table_whose_name_is_long_enough_to_be_cut_by_postgresql_abc'::pg_catalog.regclass AND conname = 'a_table_whose_name_is_long_enough_to_be_cut_by_pos_second_fkey1') THEN
    ALTER TABLE inventory.a_table_whose_name_is_long_enough_to_be_cut_by_postgresql_abc ADD CONSTRAINT a_table_whose_name_is_long_enough_to_be_cut_by_pos_second_fkey1
      FOREIGN KEY (second) REFERENCES inventory.warehouses (warehouse_id);
  END IF;
END
$pgc$;

COMMIT;
