// PGC2660: a column's type must be one PostgreSQL knows, or one an extension listed on the
// cluster provides (`geometry` with `postgis`), or the bootstrap's CREATE TABLE fails.
#include <fmt/format.h>

#include "placement.h"
#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

bool listedOn(const model::Cluster& cluster, const std::string& extension) {
  for (const model::NamedValue& e : cluster.extensions) {
    if (e.name == extension) return true;
  }
  return false;
}

// The types the program may use on `cluster`: PostgreSQL's and those of its extensions.
std::vector<std::string> usableTypes(const PlatformCatalog& catalog,
                                     const model::Cluster& cluster) {
  std::vector<std::string> out;
  for (const ColumnTypeInfo& t : catalog.columnTypes) {
    out.push_back(t.name);
    out.insert(out.end(), t.aliases.begin(), t.aliases.end());
  }
  for (const ExtensionInfo& e : catalog.extensions) {
    if (listedOn(cluster, e.name)) out.insert(out.end(), e.types.begin(), e.types.end());
  }
  return out;
}

void checkColumn(RuleContext& context, const model::Cluster& cluster, const model::Table& table,
                 const model::Column& column) {
  const PlatformCatalog& catalog = context.catalog;
  const std::string& type = column.type.name;
  if (catalog.columnType(type)) return;
  const ExtensionInfo* provider = nullptr;
  for (const ExtensionInfo& e : catalog.extensions) {
    if (contains(e.types, type)) provider = &e;
  }
  if (provider && listedOn(cluster, provider->name)) return;
  if (provider) {
    std::vector<std::string> wanted;
    for (const model::NamedValue& e : cluster.extensions) wanted.push_back(e.name);
    wanted.push_back(provider->name);
    context
        .report(DiagCode::UnknownColumnType, column.type.span, table.span, column.name, type,
                fmt::format("comes from the extension `{}`, not listed on `{}`", provider->name,
                            cluster.name))
        .help(fmt::format("add the extension: `extensions = [{}]`", joinList(wanted, ", ")));
    return;
  }
  Diagnostic& d = context.report(DiagCode::UnknownColumnType, column.type.span, table.span,
                                 column.name, type, "PostgreSQL does not know");
  if (auto best = closestName(type, usableTypes(catalog, cluster))) {
    d.help("did you mean `" + *best + "`?");
  } else {
    d.help(
        "use a PostgreSQL type such as `text`, `bigint` or `jsonb`, or list the extension "
        "that provides it in `extensions`");
  }
}

}  // namespace

void checkColumnTypes(RuleContext& context) {
  for (const model::Schema& schema : context.model.schemas) {
    const model::Cluster* cluster = clusterOf(context.model, schema);
    if (!cluster) continue;
    for (const model::Table& table : schema.tables) {
      for (const model::Column& column : table.columns)
        checkColumn(context, *cluster, table, column);
    }
  }
}

}  // namespace pgc::rules
