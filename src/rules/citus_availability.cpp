// PGC2650–PGC2651: Citus exists only on elastic clusters, so a flexible server takes no
// sharded or reference tables and no distributed schemas; on an elastic cluster, a table that
// says no placement stays on the coordinator, which pgc notes (docs/language.md, Placement).
#include <fmt/format.h>

#include "placement.h"
#include "rule_context.h"

namespace pgc::rules {
namespace {

void checkFlexible(RuleContext& context, const model::Schema& schema, const model::Cluster& c) {
  if (schema.distributed) {
    context
        .report(DiagCode::CitusOnFlexibleServer, schema.span, schema.span,
                fmt::format("distributed schema `{}`", schema.name), c.name)
        .note(c.kind.span, "a flexible server: plain PostgreSQL, without Citus")
        .help("use `kind = elastic`, or remove `distributed` from the schema");
  }
  for (const model::Table& table : schema.tables) {
    const model::Distribution& d = table.distribution;
    if (schema.distributed) continue;
    if (d.kind != model::DistributionKind::Distributed &&
        d.kind != model::DistributionKind::Reference) {
      continue;
    }
    bool sharded = d.kind == model::DistributionKind::Distributed;
    context
        .report(DiagCode::CitusOnFlexibleServer, d.span, table.span,
                fmt::format("{} table `{}`", sharded ? "distributed" : "reference", table.name),
                c.name)
        .note(c.kind.span, "a flexible server: plain PostgreSQL, without Citus")
        .help(fmt::format("use `kind = elastic`, or drop `{}` to keep a plain table",
                          sharded ? "distributed by …" : "reference"));
  }
}

}  // namespace

void checkCitusAvailability(RuleContext& context) {
  for (const model::Schema& schema : context.model.schemas) {
    const model::Cluster* cluster = clusterOf(context.model, schema);
    if (!cluster) continue;
    if (cluster->kind.value == model::ClusterKind::Flexible) {
      checkFlexible(context, schema, *cluster);
      continue;
    }
    if (schema.distributed) continue;
    for (const model::Table& table : schema.tables) {
      if (table.distribution.kind != model::DistributionKind::None) continue;
      context
          .report(DiagCode::TableStaysOnCoordinator, table.span, table.span, table.name,
                  cluster->name)
          .help(
              "add `distributed by COLUMN` to shard it, `reference` to copy it to every node, "
              "or `local` to say that it stays");
    }
  }
}

}  // namespace pgc::rules
