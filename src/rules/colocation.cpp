// PGC2630–PGC2633: `colocate with` and `shards`. A table can only follow a distributed table
// of its cluster whose distribution column has the same type, and takes that table's shard
// count; Citus takes 1 to 64000 shards (platform.md 6.2, 6.3).
#include <fmt/format.h>

#include "column_type_names.h"
#include "placement.h"
#include "rule_context.h"

namespace pgc::rules {
namespace {

void checkPartner(RuleContext& context, const model::Schema& schema, const model::Table& table) {
  const model::Distribution& d = table.distribution;
  if (!d.colocateWith) return;
  const model::Schema* partnerSchema = schemaNamed(context.model, d.colocateWith->schema);
  const model::Table* partner = context.model.table(*d.colocateWith);
  if (!partnerSchema || !partner) return;
  std::string name = tableName(*d.colocateWith, schema.name);
  std::string why;
  if (partnerSchema->cluster != schema.cluster) {
    why = fmt::format("which is on cluster `{}`", partnerSchema->cluster);
  } else if (placementOf(*partnerSchema, *partner) != Placement::Distributed) {
    why = partner->distribution.kind == model::DistributionKind::Reference
              ? "a reference table"
              : "which is not a distributed table";
  }
  if (!why.empty()) {
    context
        .report(DiagCode::ColocateWithNonDistributed, d.colocateSpan, table.span, table.name, name,
                why)
        .note(partner->span, fmt::format("`{}` is declared here", name))
        .help(fmt::format("colocate with a distributed table of the same cluster, or remove "
                          "`colocate with {}`",
                          name));
    return;
  }
  const model::Column* mine = table.column(d.column);
  const model::Column* theirs = partner->column(partner->distribution.column);
  if (!mine || !theirs) return;
  std::string myType = canonicalType(mine->type, context.catalog);
  std::string theirType = canonicalType(theirs->type, context.catalog);
  if (myType == theirType) return;
  context
      .report(DiagCode::ColocateTypeMismatch, d.colocateSpan, table.span, table.name,
              mine->type.sql(), name, theirs->type.sql())
      .note(theirs->type.span,
            fmt::format("`{}.{}` is `{}`", name, theirs->name, theirs->type.sql()))
      .note("Citus fails with: " +
            context.catalog.citusError("colocateTypes", {{"a", name}, {"b", table.name}}))
      .help(fmt::format("give `{}` the type `{}`", mine->name, theirs->type.sql()));
}

void checkShards(RuleContext& context, const model::Table& table) {
  const model::Distribution& d = table.distribution;
  if (!d.shards) return;
  const Range& range = context.catalog.shardCount;
  if (d.colocateWith) {
    context.report(DiagCode::ShardsWithColocate, d.shardsSpan, table.span, table.name)
        .note(d.colocateSpan, "the table takes the shard count of the table it is colocated with")
        .note("Citus fails with: " + context.catalog.citusError("shardsWithColocate"))
        .help("remove `shards`, or set it on the table this one follows");
  } else if (*d.shards < range.min || *d.shards > range.max) {
    context.report(DiagCode::ShardCountRange, d.shardsSpan, table.span, *d.shards, range.max)
        .note("Citus fails with: " +
              context.catalog.citusError("shardCount", {{"count", std::to_string(*d.shards)}}))
        .help(fmt::format("use a count from {} to {}; leave `shards` out for Citus's default",
                          range.min, range.max));
  }
}

}  // namespace

void checkColocation(RuleContext& context) {
  for (const model::Schema& schema : context.model.schemas) {
    if (!onElasticCluster(context.model, schema)) continue;
    for (const model::Table& table : schema.tables) {
      if (placementOf(schema, table) != Placement::Distributed) continue;
      checkPartner(context, schema, table);
      checkShards(context, table);
    }
  }
}

}  // namespace pgc::rules
