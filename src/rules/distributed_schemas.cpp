// PGC2640–PGC2643: distributed schemas (schema-based sharding). Citus keeps a distributed
// schema's tables together on one node: they take no placement of their own, their foreign
// keys stay in the schema or point to reference tables, and no other schema's foreign key
// points in. System schemas and `public` cannot be distributed (platform.md 6.5).
#include <fmt/format.h>

#include "placement.h"
#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

void checkSchema(RuleContext& context, const model::Schema& schema) {
  const PlatformCatalog& catalog = context.catalog;
  if (contains(catalog.undistributableSchemas, schema.name)) {
    context.report(DiagCode::SchemaCannotBeDistributed, schema.span, schema.span, schema.name)
        .note("Citus fails with: " +
              catalog.citusError("schemaCannotBeDistributed", {{"schema", schema.name}}))
        .help("give the tables a schema of their own, such as `schema billing on … distributed`");
  }
  for (const model::Table& table : schema.tables) {
    const model::Distribution& d = table.distribution;
    if (d.kind != model::DistributionKind::None) {
      Diagnostic& diag = context.report(DiagCode::PlacementInDistributedSchema, d.span, table.span,
                                        table.name, schema.name);
      if (d.kind == model::DistributionKind::Distributed) {
        diag.note("Citus fails with: " + catalog.citusError("distributedTableInDistributedSchema"));
      }
      diag.help(
          "remove the placement: Citus keeps all of a distributed schema's tables on one "
          "node, or move the table to a regular schema");
    }
    for (const model::ForeignKey& fk : table.foreignKeys) {
      if (fk.referenced.schema == schema.name) continue;
      const model::Schema* target = schemaNamed(context.model, fk.referenced.schema);
      const model::Table* referenced = context.model.table(fk.referenced);
      if (!target || !referenced) continue;
      if (!target->distributed && placementOf(*target, *referenced) == Placement::Reference)
        continue;
      context
          .report(DiagCode::ForeignKeyLeavesDistributedSchema, fk.span, table.span, table.name,
                  schema.name, tableName(fk.referenced, schema.name))
          .note("Citus fails with: " + catalog.citusError("foreignKeyFromDistributedSchema"))
          .help(fmt::format("make `{}` a reference table, or drop the foreign key",
                            tableName(fk.referenced, schema.name)));
    }
  }
}

// Foreign keys from regular schemas into distributed ones.
void checkIncoming(RuleContext& context, const model::Schema& schema) {
  for (const model::Table& table : schema.tables) {
    for (const model::ForeignKey& fk : table.foreignKeys) {
      const model::Schema* target = schemaNamed(context.model, fk.referenced.schema);
      if (!target || !target->distributed) continue;
      context
          .report(DiagCode::ForeignKeyIntoDistributedSchema, fk.span, table.span, table.name,
                  target->name)
          .note("Citus fails with: " +
                context.catalog.citusError("foreignKeyIntoDistributedSchema"))
          .help(
              "drop the foreign key and check the reference in the application, or move the "
              "table into the distributed schema");
    }
  }
}

}  // namespace

void checkDistributedSchemas(RuleContext& context) {
  for (const model::Schema& schema : context.model.schemas) {
    if (!onElasticCluster(context.model, schema)) continue;
    if (schema.distributed)
      checkSchema(context, schema);
    else
      checkIncoming(context, schema);
  }
}

}  // namespace pgc::rules
