// One query that prints the catalog state a bootstrap script can change, in a stable order.
#include "catalog_checks.h"

namespace pgc::tests {

std::string catalogSnapshot(const PostgresServer& server, const std::string& database) {
  static const char* kQuery = R"SQL(
WITH ns AS (
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'citus', 'pgc_test')
    AND nspname NOT LIKE 'pg\_temp\_%' AND nspname NOT LIKE 'pg\_toast\_temp\_%'),
rel AS (SELECT c.*, ns.nspname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace)
SELECT line FROM (
  SELECT format('schema %s owner=%s acl=%s comment=%s', nspname,
                pg_get_userbyid(n.nspowner), n.nspacl, obj_description(n.oid, 'pg_namespace'))
  FROM pg_namespace n JOIN ns USING (nspname)
  UNION ALL
  SELECT format('relation %s.%s kind=%s acl=%s comment=%s', nspname, relname, relkind, relacl,
                obj_description(oid, 'pg_class'))
  FROM rel
  UNION ALL
  SELECT format('column %s.%s.%s %s notnull=%s default=%s identity=%s generated=%s comment=%s',
                r.nspname, r.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                col_description(r.oid, a.attnum))
  FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = r.oid AND d.adnum = a.attnum
  WHERE r.relkind IN ('r', 'p')
  UNION ALL
  SELECT format('constraint %s.%s %s %s', r.nspname, r.relname, c.conname,
                pg_get_constraintdef(c.oid))
  FROM pg_constraint c JOIN rel r ON r.oid = c.conrelid
  UNION ALL
  SELECT format('index %s', pg_get_indexdef(i.indexrelid))
  FROM pg_index i JOIN rel r ON r.oid = i.indrelid
  UNION ALL
  SELECT format('extension %s %s', extname, extversion) FROM pg_extension
  UNION ALL
  SELECT format('role %s login=%s super=%s password=%s comment=%s', rolname, rolcanlogin,
                rolsuper, md5(coalesce(rolpassword, '')), shobj_description(oid, 'pg_authid'))
  FROM pg_authid WHERE oid >= 16384
  UNION ALL
  SELECT format('pg_dist_partition %s %s %s %s %s', logicalrelid, partmethod, partkey,
                colocationid, repmodel)
  FROM pg_catalog.pg_dist_partition
  UNION ALL
  SELECT format('pg_dist_schema %s %s', schemaid, colocationid) FROM pg_catalog.pg_dist_schema
  UNION ALL
  SELECT format('call %s %s', seq, call) FROM pgc_test.calls
) facts(line)
ORDER BY line COLLATE "C"
)SQL";
  return server.query(database, kQuery);
}

}  // namespace pgc::tests
