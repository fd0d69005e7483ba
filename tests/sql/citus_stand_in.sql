-- Stand-ins for what an Azure elastic cluster has and Debian's PostgreSQL does not: Citus's
-- placement functions and catalogs, and Azure's pgaadauth functions. Each function has the
-- exact signature of the real one (platform.md §5, §6.1), checks its arguments the way the
-- real one does, with the real error texts (platform.md §6.3-§6.5, §6.8; citusdata/citus
-- create_distributed_table.c, colocation_utils.c, metadata_cache.c), records the call in
-- pgc_test.calls, and updates the catalogs the bootstrap's guards read. An event trigger
-- applies Citus's rules to later DDL: foreign keys (§6.4), unique constraints and indexes
-- without the distribution column (§6.3), and tables created in a distributed schema.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE SCHEMA pgc_test;
CREATE TABLE pgc_test.calls (seq bigserial PRIMARY KEY, call text NOT NULL);

CREATE SCHEMA citus;
CREATE TYPE citus.distribution_type AS ENUM ('hash', 'range', 'append');

SET allow_system_table_mods = on;
CREATE TABLE pg_catalog.pg_dist_partition (
  logicalrelid regclass NOT NULL,
  partmethod "char" NOT NULL,  -- h: hash distributed; n: reference or single shard
  partkey text,                -- the distribution column (Citus keeps a Var here)
  colocationid integer NOT NULL,
  repmodel "char" NOT NULL,    -- s: streaming (distributed); t: two-phase (reference)
  autoconverted boolean NOT NULL DEFAULT false
);
CREATE TABLE pg_catalog.pg_dist_schema (
  schemaid regnamespace NOT NULL,
  colocationid integer NOT NULL
);
CREATE TABLE pg_catalog.pg_dist_colocation (
  colocationid integer NOT NULL,
  shardcount integer NOT NULL,
  replicationfactor integer NOT NULL,
  distributioncolumntype oid NOT NULL,
  distributioncolumncollation oid NOT NULL
);
RESET allow_system_table_mods;

-- 'hash', 'reference', 'single_shard' (a table of a distributed schema) or 'local'.
CREATE FUNCTION pgc_test.citus_kind(rel regclass) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT CASE WHEN partmethod = 'h' THEN 'hash'
                               WHEN repmodel = 't' THEN 'reference'
                               ELSE 'single_shard' END
                   FROM pg_catalog.pg_dist_partition WHERE logicalrelid = rel), 'local')
$$;

CREATE FUNCTION pgc_test.has_hash_function(typ oid) RETURNS boolean LANGUAGE sql STABLE AS $$
  WITH RECURSIVE base(t) AS (
    SELECT typ
    UNION ALL
    SELECT CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE ty.typelem END
    FROM base JOIN pg_type ty ON ty.oid = base.t
    WHERE ty.typtype = 'd' OR (ty.typcategory = 'A' AND ty.typelem <> 0))
  SELECT bool_and(EXISTS (
    SELECT 1 FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
    WHERE a.amname = 'hash' AND c.opcdefault
      AND (c.opcintype = base.t
           OR (c.opcintype = 'anyenum'::regtype AND (SELECT typtype FROM pg_type WHERE oid = base.t) = 'e')
           OR (c.opcintype = 'anyarray'::regtype AND (SELECT typcategory FROM pg_type WHERE oid = base.t) = 'A')
           OR EXISTS (SELECT 1 FROM pg_cast WHERE castsource = base.t AND casttarget = c.opcintype
                                             AND castmethod = 'b'))))
  FROM base
  WHERE NOT EXISTS (SELECT 1 FROM pg_type ty WHERE ty.oid = base.t AND ty.typtype = 'd')
$$;

-- Unique constraints and indexes of a hash distributed table include its column (§6.3, §6.8).
CREATE FUNCTION pgc_test.check_unique_indexes(rel regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  key_attnum smallint;
  idx record;
BEGIN
  SELECT a.attnum INTO key_attnum FROM pg_catalog.pg_dist_partition p
    JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = p.partkey
    WHERE p.logicalrelid = rel AND p.partmethod = 'h';
  IF key_attnum IS NULL THEN RETURN; END IF;
  FOR idx IN SELECT i.indexrelid, i.indkey::smallint[] AS keys,
                    EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                            AND c.conrelid = rel) AS is_constraint
             FROM pg_index i WHERE i.indrelid = rel AND i.indisunique LOOP
    CONTINUE WHEN key_attnum = ANY (idx.keys);
    IF idx.is_constraint THEN
      RAISE EXCEPTION 'cannot create constraint on "%"', (SELECT relname FROM pg_class WHERE oid = rel)
        USING DETAIL = 'Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the partition column (with an equality operator if EXCLUDE).';
    END IF;
    RAISE EXCEPTION 'creating unique indexes on non-partition columns is currently unsupported';
  END LOOP;
END
$$;

-- Citus's foreign key rules (platform.md §6.4, §6.5) for every foreign key from or to `rel`.
CREATE FUNCTION pgc_test.check_foreign_keys(rel regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fk record;
  from_kind text;
  to_kind text;
  from_key smallint;
  to_key smallint;
  key_in_fk boolean;
  same_position boolean;
BEGIN
  FOR fk IN SELECT c.conrelid::regclass AS from_rel, c.confrelid::regclass AS to_rel, c.conkey,
                   c.confkey, c.confdeltype, c.confupdtype,
                   (SELECT relnamespace FROM pg_class WHERE oid = c.conrelid) AS from_ns,
                   (SELECT relnamespace FROM pg_class WHERE oid = c.confrelid) AS to_ns,
                   (SELECT relname FROM pg_class WHERE oid = c.confrelid) AS to_name
            FROM pg_constraint c
            WHERE c.contype = 'f' AND (c.conrelid = rel OR c.confrelid = rel) LOOP
    from_kind := pgc_test.citus_kind(fk.from_rel);
    to_kind := pgc_test.citus_kind(fk.to_rel);
    CONTINUE WHEN from_kind = 'local' AND to_kind = 'local';
    IF to_kind = 'single_shard' AND fk.from_ns <> fk.to_ns THEN
      RAISE EXCEPTION 'cannot create foreign keys to tables in a distributed schema from another schema';
    END IF;
    IF from_kind = 'single_shard' THEN
      IF NOT (fk.from_ns = fk.to_ns OR (to_kind = 'reference' AND NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_dist_schema WHERE schemaid = fk.to_ns))) THEN
        RAISE EXCEPTION 'foreign keys from distributed schemas can only point to the same distributed schema or reference tables in regular schemas';
      END IF;
      CONTINUE;
    END IF;
    IF from_kind IN ('reference', 'local') AND to_kind IN ('hash', 'single_shard') THEN
      RAISE EXCEPTION 'cannot create foreign key constraint since foreign keys from reference tables and local tables to distributed tables are not supported'
        USING DETAIL = 'Reference tables and local tables can only have foreign keys to reference tables and local tables';
    END IF;
    IF from_kind = 'reference' AND to_kind = 'local' THEN
      IF fk.confdeltype NOT IN ('a', 'r') OR fk.confupdtype NOT IN ('a', 'r') THEN
        RAISE EXCEPTION 'cannot define foreign key constraint, foreign keys from reference tables to local tables can only be defined with NO ACTION or RESTRICT behaviors';
      END IF;
      CONTINUE;
    END IF;
    IF from_kind = 'local' AND to_kind = 'reference' THEN
      RAISE EXCEPTION 'cannot create foreign key constraint as "%" is a postgres local table',
        (SELECT relname FROM pg_class WHERE oid = fk.from_rel)
        USING HINT = 'Use citus_add_local_table_to_metadata';
    END IF;
    CONTINUE WHEN from_kind <> 'hash';
    IF to_kind = 'local' THEN
      RAISE EXCEPTION 'referenced table "%" must be a distributed table or a reference table', fk.to_name
        USING DETAIL = 'To enforce foreign keys, the referencing and referenced rows need to be stored on the same node.',
              HINT = format('You could use SELECT create_reference_table(''%s'') to replicate the referenced table to all nodes or consider dropping the foreign key', fk.to_name);
    END IF;
    SELECT a.attnum INTO from_key FROM pg_catalog.pg_dist_partition p
      JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = p.partkey
      WHERE p.logicalrelid = fk.from_rel;
    key_in_fk := from_key = ANY (fk.conkey);
    IF key_in_fk AND fk.confdeltype IN ('n', 'd') THEN
      RAISE EXCEPTION 'cannot create foreign key constraint'
        USING DETAIL = 'SET NULL or SET DEFAULT is not supported in ON DELETE operation when distribution key is included in the foreign key constraint';
    END IF;
    IF key_in_fk AND fk.confupdtype IN ('n', 'd', 'c') THEN
      RAISE EXCEPTION 'cannot create foreign key constraint'
        USING DETAIL = 'SET NULL, SET DEFAULT or CASCADE is not supported in ON UPDATE operation when distribution key included in the foreign constraint.';
    END IF;
    CONTINUE WHEN to_kind = 'reference';
    IF to_kind <> 'hash' OR (SELECT colocationid FROM pg_catalog.pg_dist_partition WHERE logicalrelid = fk.from_rel)
                            <> (SELECT colocationid FROM pg_catalog.pg_dist_partition WHERE logicalrelid = fk.to_rel) THEN
      RAISE EXCEPTION 'cannot create foreign key constraint since relations are not colocated or not referencing a reference table'
        USING DETAIL = 'A distributed table can only have foreign keys if it is referencing another colocated hash distributed table or a reference table';
    END IF;
    SELECT a.attnum INTO to_key FROM pg_catalog.pg_dist_partition p
      JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = p.partkey
      WHERE p.logicalrelid = fk.to_rel;
    SELECT bool_or(fk.conkey[i] = from_key AND fk.confkey[i] = to_key) INTO same_position
      FROM generate_subscripts(fk.conkey, 1) AS i;
    IF NOT coalesce(same_position, false) THEN
      RAISE EXCEPTION 'cannot create foreign key constraint'
        USING DETAIL = 'Foreign keys are supported in two cases, either in between two colocated tables including partition column in the same ordinal in the both tables or from distributed to reference tables';
    END IF;
  END LOOP;
END
$$;

CREATE FUNCTION pgc_test.check_distributable(rel regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = rel) THEN
    RAISE EXCEPTION 'table "%" is already distributed', (SELECT relname FROM pg_class WHERE oid = rel);
  END IF;
  IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND NOT tgisinternal) THEN
    RAISE EXCEPTION 'cannot distribute relation "%" because it has triggers', (SELECT relname FROM pg_class WHERE oid = rel);
  END IF;
END
$$;

CREATE FUNCTION pgc_test.new_colocation(shards integer, typ oid) RETURNS integer LANGUAGE sql AS $$
  INSERT INTO pg_catalog.pg_dist_colocation
  SELECT coalesce(max(colocationid), 0) + 1, shards, 1, typ, 0 FROM pg_catalog.pg_dist_colocation
  RETURNING colocationid
$$;

CREATE FUNCTION pg_catalog.create_distributed_table(
    table_name regclass, distribution_column text,
    distribution_type citus.distribution_type DEFAULT 'hash', colocate_with text DEFAULT 'default',
    shard_count integer DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  rel_name text := (SELECT relname FROM pg_class WHERE oid = table_name);
  col record;
  target regclass;
  target_row record;
  colocation integer;
  shards integer := coalesce(shard_count, 32);  -- citus.shard_count
BEGIN
  PERFORM pgc_test.check_distributable(table_name);
  IF distribution_column IS NULL THEN
    RAISE EXCEPTION 'pgc stand-in: single-shard tables are not modelled';
  END IF;
  IF distribution_type <> 'hash' THEN
    RAISE EXCEPTION 'pgc stand-in: only hash distribution is modelled';
  END IF;
  SELECT a.attnum, a.atttypid, a.attgenerated INTO col FROM pg_attribute a
    WHERE a.attrelid = table_name AND a.attname = distribution_column AND NOT a.attisdropped;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'column "%" of relation "%" does not exist', distribution_column, rel_name
      USING ERRCODE = 'undefined_column';
  END IF;
  IF col.attnum <= 0 THEN
    RAISE EXCEPTION 'cannot reference system column "%" in relation "%"', distribution_column, rel_name;
  END IF;
  IF NOT pgc_test.has_hash_function(col.atttypid) THEN
    RAISE EXCEPTION 'could not identify a hash function for type %', format_type(col.atttypid, NULL)
      USING DETAIL = 'Partition column types must have a hash function defined to use hash partitioning.';
  END IF;
  IF col.attgenerated = 's' THEN
    RAISE EXCEPTION 'cannot distribute relation: %', rel_name
      USING DETAIL = 'Distribution column must not use GENERATED ALWAYS AS (...) STORED.';
  END IF;
  IF shard_count IS NOT NULL AND (shard_count < 1 OR shard_count > 64000) THEN
    RAISE EXCEPTION '% is outside the valid range for parameter "shard_count" (1 .. 64000)', shard_count;
  END IF;
  IF lower(colocate_with) NOT IN ('default', 'none') THEN
    IF shard_count IS NOT NULL THEN
      RAISE EXCEPTION 'Cannot use colocate_with with a table and shard_count at the same time';
    END IF;
    target := colocate_with::regclass;
    SELECT p.*, a.atttypid INTO target_row FROM pg_catalog.pg_dist_partition p
      LEFT JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = p.partkey
      WHERE p.logicalrelid = target;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'relation % is not distributed', (SELECT relname FROM pg_class WHERE oid = target);
    END IF;
    IF target_row.repmodel <> 's' THEN
      RAISE EXCEPTION 'cannot colocate tables % and %', (SELECT relname FROM pg_class WHERE oid = target), rel_name
        USING DETAIL = format('Replication models don''t match for %s and %s.', (SELECT relname FROM pg_class WHERE oid = target), rel_name);
    END IF;
    IF target_row.atttypid IS DISTINCT FROM col.atttypid THEN
      RAISE EXCEPTION 'cannot colocate tables % and %', (SELECT relname FROM pg_class WHERE oid = target), rel_name
        USING DETAIL = format('Distribution column types don''t match for %s and %s.', (SELECT relname FROM pg_class WHERE oid = target), rel_name);
    END IF;
    colocation := target_row.colocationid;
  ELSIF lower(colocate_with) = 'default' THEN
    SELECT colocationid INTO colocation FROM pg_catalog.pg_dist_colocation
      WHERE shardcount = shards AND distributioncolumntype = col.atttypid ORDER BY colocationid LIMIT 1;
    colocation := coalesce(colocation, pgc_test.new_colocation(shards, col.atttypid));
  ELSE
    colocation := pgc_test.new_colocation(shards, col.atttypid);
  END IF;
  INSERT INTO pg_catalog.pg_dist_partition (logicalrelid, partmethod, partkey, colocationid, repmodel)
  VALUES (table_name, 'h', distribution_column, colocation, 's');
  PERFORM pgc_test.check_unique_indexes(table_name);
  PERFORM pgc_test.check_foreign_keys(table_name);
  INSERT INTO pgc_test.calls (call) VALUES (format('create_distributed_table(%s, %s, %s, %s, %s)',
    quote_literal(table_name::text), quote_literal(distribution_column), quote_literal(distribution_type),
    quote_literal(colocate_with), coalesce(shard_count::text, 'NULL')));
END
$$;

CREATE FUNCTION pg_catalog.create_reference_table(table_name regclass)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  colocation integer;
BEGIN
  PERFORM pgc_test.check_distributable(table_name);
  SELECT colocationid INTO colocation FROM pg_catalog.pg_dist_colocation
    WHERE shardcount = 1 AND distributioncolumntype = 0 ORDER BY colocationid LIMIT 1;
  colocation := coalesce(colocation, pgc_test.new_colocation(1, 0));
  INSERT INTO pg_catalog.pg_dist_partition (logicalrelid, partmethod, partkey, colocationid, repmodel)
  VALUES (table_name, 'n', NULL, colocation, 't');
  PERFORM pgc_test.check_foreign_keys(table_name);
  INSERT INTO pgc_test.calls (call)
  VALUES (format('create_reference_table(%s)', quote_literal(table_name::text)));
END
$$;

CREATE FUNCTION pg_catalog.citus_schema_distribute(schemaname regnamespace)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  nsp text := (SELECT nspname FROM pg_namespace WHERE oid = schemaname);
  colocation integer;
  rel regclass;
BEGIN
  IF nsp IN ('public', 'information_schema', 'pg_catalog', 'pg_toast') THEN
    RAISE EXCEPTION '% schema cannot be distributed', nsp;
  END IF;
  IF nsp LIKE 'pg\_temp\_%' THEN
    RAISE EXCEPTION 'temporary schema cannot be distributed';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_schema WHERE schemaid = schemaname) THEN
    RAISE NOTICE 'schema % is already distributed', nsp;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
             WHERE c.relnamespace = schemaname) THEN
    RAISE EXCEPTION 'distributed schema cannot have distributed tables'
      USING HINT = 'Undistribute distributed tables before ''citus_schema_distribute''.';
  END IF;
  colocation := pgc_test.new_colocation(1, 0);
  INSERT INTO pg_catalog.pg_dist_schema VALUES (schemaname, colocation);
  INSERT INTO pg_catalog.pg_dist_partition (logicalrelid, partmethod, partkey, colocationid, repmodel)
  SELECT c.oid, 'n', NULL, colocation, 's' FROM pg_class c
  WHERE c.relnamespace = schemaname AND c.relkind IN ('r', 'p');
  FOR rel IN SELECT c.oid FROM pg_class c WHERE c.relnamespace = schemaname AND c.relkind IN ('r', 'p') LOOP
    PERFORM pgc_test.check_foreign_keys(rel);
  END LOOP;
  INSERT INTO pgc_test.calls (call) VALUES (format('citus_schema_distribute(%s)', quote_literal(schemaname::text)));
END
$$;

-- Later DDL under Citus's rules; a table created in a distributed schema joins it.
CREATE FUNCTION pgc_test.citus_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
  rel regclass;
BEGIN
  FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    IF cmd.object_type = 'table' THEN
      rel := cmd.objid::regclass;
    ELSIF cmd.object_type = 'index' THEN
      rel := (SELECT indrelid FROM pg_index WHERE indexrelid = cmd.objid)::regclass;
    ELSE
      CONTINUE;
    END IF;
    IF cmd.command_tag = 'CREATE TABLE' AND NOT EXISTS (
         SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = rel) THEN
      INSERT INTO pg_catalog.pg_dist_partition (logicalrelid, partmethod, partkey, colocationid, repmodel)
      SELECT rel, 'n', NULL, s.colocationid, 's' FROM pg_catalog.pg_dist_schema s
      WHERE s.schemaid = (SELECT relnamespace FROM pg_class WHERE oid = rel);
    END IF;
    PERFORM pgc_test.check_unique_indexes(rel);
    PERFORM pgc_test.check_foreign_keys(rel);
  END LOOP;
END
$$;
CREATE EVENT TRIGGER pgc_citus_ddl ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX')
  EXECUTE FUNCTION pgc_test.citus_ddl();

-- Azure's pgaadauth (platform.md §5): creates a login role named after the principal.
CREATE FUNCTION pg_catalog.pgaadauth_create_principal(roleName text, isAdmin boolean, isMfa boolean)
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE ROLE %I LOGIN', roleName);
  INSERT INTO pgc_test.calls (call) VALUES (format('pgaadauth_create_principal(%s, %s, %s)',
    quote_literal(roleName), isAdmin, isMfa));
  RETURN format('Created role for %s', roleName);
END
$$;

CREATE FUNCTION pg_catalog.pgaadauth_create_principal_with_oid(
    roleName text, objectId text, objectType text, isAdmin boolean, isMfa boolean)
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  IF objectType NOT IN ('user', 'group', 'service') THEN
    RAISE EXCEPTION 'pgc stand-in: objectType must be user, group or service, not %', objectType;
  END IF;
  IF objectId !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' THEN
    RAISE EXCEPTION 'pgc stand-in: objectId % is no GUID', objectId;
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN', roleName);
  INSERT INTO pgc_test.calls (call) VALUES (format('pgaadauth_create_principal_with_oid(%s, %s, %s, %s, %s)',
    quote_literal(roleName), quote_literal(objectId), quote_literal(objectType), isAdmin, isMfa));
  RETURN format('Created role for %s', roleName);
END
$$;
