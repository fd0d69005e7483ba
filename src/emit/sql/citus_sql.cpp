// Citus placement (platform.md §6.1): create_reference_table(), create_distributed_table()
// and citus_schema_distribute(), each guarded by Citus's own catalogs so a second run skips it.
#include <fmt/format.h>

#include "pgc/emit/sql_quoting.h"
#include "script.h"
#include "table_order.h"

namespace pgc::emit::sql {
namespace {

std::string tableGuard(const std::string& regclass) {
  return fmt::format(
      "WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition\n"
      "                  WHERE logicalrelid = {}::pg_catalog.regclass);\n",
      regclass);
}

std::string distribute(const Script& script, const model::Table& table) {
  std::string regclass = quoteLiteral(script.qualified(table));
  const model::Distribution& d = table.distribution;
  if (d.kind == model::DistributionKind::Reference) {
    return fmt::format("SELECT pg_catalog.create_reference_table({})\n", regclass) +
           tableGuard(regclass);
  }
  // The column is passed as text and looked up by its exact name, without quoting rules.
  std::string arguments = regclass + ", " + quoteLiteral(d.column);
  if (d.colocateWith) {
    arguments += ", colocate_with => " +
                 quoteLiteral(script.qualified(d.colocateWith->schema, d.colocateWith->table));
  }
  if (d.shards) arguments += fmt::format(", shard_count => {}", *d.shards);
  return fmt::format("SELECT pg_catalog.create_distributed_table({})\n", arguments) +
         tableGuard(regclass);
}

}  // namespace

std::string distributionSection(const Script& script) {
  if (!script.citus) return "";
  std::string out;
  for (const model::Table* table : distributionOrder(script.tables, script.schemas)) {
    out += distribute(script, *table);
  }
  for (const model::Schema* schema : script.schemas) {
    if (!schema->distributed) continue;
    std::string regnamespace = quoteLiteral(script.ident(schema->name));
    out += fmt::format(
        "SELECT pg_catalog.citus_schema_distribute({0})\n"
        "WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_schema\n"
        "                  WHERE schemaid = {0}::pg_catalog.regnamespace);\n",
        regnamespace);
  }
  if (out.empty()) return "";
  return "\n-- Citus: reference tables, then distributed tables, each colocation target before\n"
         "-- the tables colocated with it; then distributed schemas, which place their tables\n" +
         out;
}

}  // namespace pgc::emit::sql
