// PGC2601–PGC2603: the distribution column of a `distributed by` table. Citus hashes it to
// place each row, so its type needs a hash function, it cannot be a generated column, and a
// NULL in it has no shard (platform.md 6.3).
#include <fmt/format.h>

#include "column_type_names.h"
#include "placement.h"
#include "rule_context.h"

namespace pgc::rules {
namespace {

void checkTable(RuleContext& context, const model::Table& table) {
  const model::Distribution& d = table.distribution;
  const model::Column* column = table.column(d.column);
  if (!column) return;  // semantic analysis reported it
  const PlatformCatalog& catalog = context.catalog;
  if (knownUnhashable(column->type, catalog)) {
    std::string type = column->type.sql();
    Diagnostic& diag = context.report(DiagCode::DistributionColumnNotHashable, d.columnSpan,
                                      table.span, d.column, table.name, type);
    diag.note(column->type.span,
              "Citus fails with: " + catalog.citusError("noHashFunction", {{"type", type}}));
    if (column->type.name == "json" && column->type.arrayDimensions == 0) {
      diag.help("use `jsonb`, which hashes, or distribute by another column such as a tenant id");
    } else {
      diag.help("distribute by a column of a type that hashes, such as `bigint`, `uuid` or `text`");
    }
  }
  if (column->generatedSql) {
    context
        .report(DiagCode::DistributionColumnGenerated, d.columnSpan, table.span, d.column,
                table.name)
        .note(column->span,
              "Citus fails with: " + catalog.citusError("generatedColumn", {{"table", table.name}}))
        .help(
            "distribute by a stored column the application writes, or make this one a plain "
            "column");
  }
  if (!column->notNull) {
    context
        .report(DiagCode::DistributionColumnNullable, d.columnSpan, table.span, d.column,
                table.name)
        .note(column->span, "the column is declared here")
        .help(fmt::format("add `not null` to `{}`: Citus places each row by this value", d.column));
  }
}

}  // namespace

void checkDistributionColumns(RuleContext& context) {
  for (const model::Schema& schema : context.model.schemas) {
    if (!onElasticCluster(context.model, schema)) continue;
    for (const model::Table& table : schema.tables) {
      if (placementOf(schema, table) == Placement::Distributed) checkTable(context, table);
    }
  }
}

}  // namespace pgc::rules
