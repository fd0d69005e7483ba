// Asks PostgreSQL which name it would give each foreign key and index the script named on
// its behalf, by making it again unnamed inside a transaction that is rolled back.
#include <gtest/gtest.h>

#include <set>

#include "catalog_checks.h"
#include "pgc/emit/sql_quoting.h"

namespace pgc::tests {

void expectDefaultNames(const PostgresServer& server, const std::string& database,
                        const model::Model& m, const model::Cluster& cluster) {
  using emit::quoteLiteral;
  std::set<std::string> given;  // names the program wrote itself
  for (const model::Schema& s : m.schemas) {
    if (s.cluster != cluster.name) continue;
    for (const model::Table& t : s.tables) {
      for (const model::Index& i : t.indexes) given.insert(s.name + "." + i.name);
      for (const model::ForeignKey& fk : t.foreignKeys) given.insert(s.name + "." + fk.name);
    }
  }
  static const char* kObjects = R"SQL(
    SELECT 'index', n.nspname, ic.relname, c.oid::regclass::text, pg_get_indexdef(i.indexrelid)
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      AND n.nspname NOT IN ('pg_catalog', 'pg_toast', 'information_schema', 'pgc_test', 'citus')
    UNION ALL
    SELECT 'foreign key', n.nspname, k.conname, c.oid::regclass::text, pg_get_constraintdef(k.oid)
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname NOT IN ('pgc_test', 'citus')
    ORDER BY 1, 2, 3)SQL";
  std::vector<std::string> args = {"-A", "-t"};
  std::vector<std::string> expected;
  std::vector<std::string> what;
  for (const auto& object : server.rows(database, kObjects)) {
    const std::string& kind = object[0];
    const std::string& schema = object[1];
    const std::string& name = object[2];
    const std::string& table = object[3];
    if (given.count(schema + "." + name)) continue;
    std::string quotedName = emit::quoteQualified(schema, name, server.majorVersion());
    std::string drop;
    std::string create;
    std::string read;
    if (kind == "index") {
      // pg_get_indexdef: CREATE [UNIQUE ]INDEX name ON table USING ...
      std::string definition = object[4];
      size_t on = definition.find(" ON ");
      size_t index = definition.find("INDEX ");
      create = definition.substr(0, index + 6) + definition.substr(on + 1);
      drop = "DROP INDEX " + quotedName;
      read = "SELECT relname FROM pg_class WHERE relkind = 'i' AND relnamespace = " +
             quoteLiteral(emit::quoteIdent(schema, server.majorVersion())) +
             "::regnamespace AND oid NOT IN (SELECT oid FROM pg_temp.before)";
    } else {
      drop = "ALTER TABLE " + table + " DROP CONSTRAINT " +
             emit::quoteIdent(name, server.majorVersion());
      create = "ALTER TABLE " + table + " ADD " + object[4];
      read =
          "SELECT conname FROM pg_constraint WHERE contype = 'f' AND oid NOT IN "
          "(SELECT oid FROM pg_temp.before)";
    }
    std::string snapshot =
        kind == "index" ? "SELECT oid FROM pg_class" : "SELECT oid FROM pg_constraint";
    args.insert(args.end(),
                {"-c", "BEGIN", "-c", drop, "-c", "CREATE TEMP TABLE before AS " + snapshot, "-c",
                 create, "-c", read, "-c", "ROLLBACK"});
    expected.push_back(name);
    what.push_back(kind + " of " + table);
  }
  if (expected.empty()) return;
  ProcessResult result = server.psql(database, args);
  ASSERT_EQ(result.exitCode, 0) << result.err;
  std::vector<std::string> chosen;
  size_t start = 0;
  while (start < result.out.size()) {
    size_t end = result.out.find('\n', start);
    if (end == std::string::npos) end = result.out.size();
    chosen.push_back(result.out.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_EQ(chosen.size(), expected.size()) << result.out;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(expected[i], chosen[i]) << what[i] << ": the script's name, against the one "
                                      << "PostgreSQL chooses";
  }
}

}  // namespace pgc::tests
