-- quoting: SQL bootstrap of cluster `Store`, environment dev.
-- Written by pgc; do not edit: change the program and build again.
--
-- Run it with psql on flexible server quoting-dev-store, port 5432, in database Shop-Data, signed
-- in as an Entra administrator:
--   psql "host=quoting-dev-store.postgres.database.azure.com port=5432 dbname=Shop-Data sslmode=require" \
--        -f quoting.Store.sql
-- Every statement is guarded: a second run succeeds and changes nothing.

\set ON_ERROR_STOP on

-- Extensions
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

-- Roles
-- pgaadauth runs only in database postgres
\connect postgres
-- role `O_Brien`: Entra user O'Brien@contoso.com
SELECT pg_catalog.pgaadauth_create_principal_with_oid('O''Brien@contoso.com', '00000000-0000-0000-0000-0000000000c1', 'user', false, false)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'O''Brien@contoso.com');
\connect "Shop-Data"

BEGIN;

-- Schemas
CREATE SCHEMA IF NOT EXISTS "Sales";
COMMENT ON SCHEMA "Sales" IS E'Customers'' "orders", as C:\\path\\ would say';

-- Tables, each after the tables it references; foreign keys come last

CREATE TABLE IF NOT EXISTS "Sales"."order" (
  "CustomerId" bigint NOT NULL,
  "user"       text   NOT NULL DEFAULT current_user,
  "select"     text,
  "from"       int,
  PRIMARY KEY ("CustomerId")
);
CREATE INDEX IF NOT EXISTS order_lower_idx ON "Sales"."order" (lower("user"));
COMMENT ON TABLE "Sales"."order" IS 'It''s a keyword: `order`';
COMMENT ON COLUMN "Sales"."order"."CustomerId" IS E'Back\\slash and ''quote''';

CREATE TABLE IF NOT EXISTS "Sales"."Line_Items" (
  "OrderRef" bigint NOT NULL,
  "Position" int    NOT NULL,
  PRIMARY KEY ("OrderRef", "Position")
);

CREATE TABLE IF NOT EXISTS "Sales".lowercase_only (
  id bigint
);
CREATE INDEX IF NOT EXISTS "Named_Index" ON "Sales".lowercase_only (id);

-- Foreign keys
DO $pgc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"Sales"."Line_Items"'::pg_catalog.regclass AND conname = 'Line_Items_OrderRef_fkey') THEN
    ALTER TABLE "Sales"."Line_Items" ADD CONSTRAINT "Line_Items_OrderRef_fkey"
      FOREIGN KEY ("OrderRef") REFERENCES "Sales"."order" ("CustomerId");
  END IF;
END
$pgc$;

-- Grants
GRANT USAGE ON SCHEMA "Sales" TO "O'Brien@contoso.com";
GRANT SELECT ON TABLE "Sales"."order", "Sales"."Line_Items", "Sales".lowercase_only TO "O'Brien@contoso.com";

COMMIT;
