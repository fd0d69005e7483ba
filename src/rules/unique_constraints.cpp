// PGC2610: a primary key, unique constraint or unique index of a distributed table must
// include the distribution column, since Citus enforces uniqueness one shard at a time
// (platform.md 6.3, 6.8).
#include <fmt/format.h>

#include "placement.h"
#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

std::string columnList(const std::vector<std::string>& columns) {
  return "(" + joinList(columns, ", ") + ")";
}

void reportKey(RuleContext& context, const model::Table& table, const std::string& what,
               const Span& at, const std::vector<std::string>& columns, bool index) {
  const std::string& dist = table.distribution.column;
  std::vector<std::string> fixed = {dist};
  fixed.insert(fixed.end(), columns.begin(), columns.end());
  std::string citus = index ? context.catalog.citusError("uniqueIndexWithoutDistributionColumn")
                            : context.catalog.citusError("uniqueWithoutDistributionColumn",
                                                         {{"table", table.name}});
  context.report(DiagCode::UniqueWithoutDistributionColumn, at, table.span, what, table.name, dist)
      .note("Citus fails with: " + citus)
      .help(fmt::format("include it: `{}{}`, or make `{}` a reference table if it is small",
                        index                           ? "unique index "
                        : what.rfind("primary", 0) == 0 ? "primary key "
                                                        : "unique ",
                        columnList(fixed), table.name));
}

void checkTable(RuleContext& context, const model::Table& table) {
  const std::string& dist = table.distribution.column;
  if (table.primaryKey && !contains(table.primaryKey->columns, dist)) {
    reportKey(context, table, "primary key " + columnList(table.primaryKey->columns),
              table.primaryKey->span, table.primaryKey->columns, false);
  }
  for (const model::KeyConstraint& unique : table.uniques) {
    if (!contains(unique.columns, dist)) {
      reportKey(context, table, "unique constraint " + columnList(unique.columns), unique.span,
                unique.columns, false);
    }
  }
  for (const model::Index& index : table.indexes) {
    if (!index.unique) continue;
    bool holds = false;
    for (size_t i = 0; i < index.elements.size(); ++i) {
      holds = holds || (!index.elementIsSql[i] && index.elements[i] == dist);
    }
    if (!holds) {
      reportKey(context, table, "unique index " + columnList(index.elements), index.span,
                index.elements, true);
    }
  }
}

}  // namespace

void checkUniqueConstraints(RuleContext& context) {
  for (const model::Schema& schema : context.model.schemas) {
    if (!onElasticCluster(context.model, schema)) continue;
    for (const model::Table& table : schema.tables) {
      if (placementOf(schema, table) == Placement::Distributed) checkTable(context, table);
    }
  }
}

}  // namespace pgc::rules
