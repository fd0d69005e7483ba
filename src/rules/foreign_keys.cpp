// PGC2620–PGC2625: foreign keys between tables of regular schemas on an elastic cluster.
// Citus enforces a foreign key only where both rows are on one node: distributed to reference,
// or between colocated distributed tables on their distribution columns (platform.md 6.4).
// Distributed schemas have rules of their own (distributed_schemas.cpp).
#include <fmt/format.h>

#include "placement.h"
#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

const char* effectWords(model::ReferentialEffect effect) {
  switch (effect) {
    case model::ReferentialEffect::NoAction: return "no action";
    case model::ReferentialEffect::Cascade: return "cascade";
    case model::ReferentialEffect::Restrict: return "restrict";
    case model::ReferentialEffect::SetNull: return "set null";
    case model::ReferentialEffect::SetDefault: return "set default";
  }
  return "";
}

// Where `column` stands in `columns`, or npos.
size_t position(const std::vector<std::string>& columns, const std::string& column) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return i;
  }
  return std::string::npos;
}

struct Side {
  const model::Schema* schema;
  const model::Table* table;
  Placement placement;
};

class ForeignKeyCheck {
 public:
  explicit ForeignKeyCheck(RuleContext& context) : context_(context), groups_(context.model) {}

  void check(const Side& from, const model::ForeignKey& fk) {
    const model::Schema* toSchema = schemaNamed(context_.model, fk.referenced.schema);
    const model::Table* toTable = context_.model.table(fk.referenced);
    if (!toSchema || !toTable || toSchema->distributed) return;  // distributed_schemas.cpp
    Side to{toSchema, toTable, placementOf(*toSchema, *toTable)};
    std::string target = tableName(fk.referenced, from.schema->name);
    if (from.placement == Placement::Distributed) {
      fromDistributed(from, to, fk, target);
    } else if (to.placement == Placement::Distributed) {
      context_
          .report(DiagCode::ForeignKeyToDistributed, fk.span, from.table->span,
                  from.placement == Placement::Reference ? "reference" : "local", from.table->name,
                  target)
          .note("Citus fails with: " + context_.catalog.citusError("foreignKeyToDistributed"))
          .help(fmt::format("make `{}` a reference table, or distribute `{}` and colocate it with "
                            "`{}`",
                            target, from.table->name, target));
    } else if (from.placement == Placement::Reference && to.placement == Placement::Local) {
      referenceToLocal(from, fk, target);
    }
  }

 private:
  void fromDistributed(const Side& from, const Side& to, const model::ForeignKey& fk,
                       const std::string& target) {
    const PlatformCatalog& catalog = context_.catalog;
    if (to.placement == Placement::Local) {
      context_
          .report(DiagCode::ForeignKeyToLocal, fk.span, from.table->span, from.table->name, target)
          .note("Citus fails with: " + catalog.citusError("foreignKeyToLocal", {{"table", target}}))
          .help(fmt::format("make `{}` a `reference` table: it is then on every node", target));
      return;
    }
    if (to.placement == Placement::Distributed) {
      model::TableRef fromRef{from.schema->name, from.table->name};
      if (!groups_.colocated(fromRef, fk.referenced)) {
        context_
            .report(DiagCode::ForeignKeyNotColocated, fk.span, from.table->span, from.table->name,
                    target)
            .note("Citus fails with: " + catalog.citusError("foreignKeyNotColocated"))
            .help(fmt::format("add `colocate with {}` to `{}`, so that matching rows share a node",
                              target, from.table->name));
        return;
      }
      size_t mine = position(fk.columns, from.table->distribution.column);
      size_t theirs = position(fk.referencedColumns, to.table->distribution.column);
      if (mine == std::string::npos || mine != theirs) {
        context_
            .report(DiagCode::ForeignKeyNotOnDistributionColumn, fk.span, from.table->span,
                    from.table->name, target)
            .note("Citus fails with: " + catalog.citusError("foreignKeyNotOnDistributionColumn"))
            .help(fmt::format("pair the distribution columns at one place in both lists: "
                              "`foreign key ({}, …) references {}({}, …)`",
                              from.table->distribution.column, target,
                              to.table->distribution.column));
        return;
      }
    }
    checkActions(from, fk);
  }

  // ON DELETE SET NULL/SET DEFAULT and ON UPDATE SET NULL/SET DEFAULT/CASCADE would change a
  // row's distribution value, which would move it to another shard.
  void checkActions(const Side& from, const model::ForeignKey& fk) {
    const std::string& dist = from.table->distribution.column;
    if (position(fk.columns, dist) == std::string::npos) return;
    using E = model::ReferentialEffect;
    auto report = [&](const char* event, E effect, const char* citusKey, const char* fix) {
      context_
          .report(DiagCode::ForeignKeyActionOnDistributionColumn, fk.span, from.table->span, event,
                  effectWords(effect), dist)
          .note("Citus fails with: " + context_.catalog.citusError(citusKey))
          .help(fix);
    };
    if (fk.onDelete == E::SetNull || fk.onDelete == E::SetDefault) {
      report("delete", fk.onDelete, "foreignKeyOnDelete",
             "use `on delete cascade`, `restrict` or `no action`");
    }
    if (fk.onUpdate == E::SetNull || fk.onUpdate == E::SetDefault || fk.onUpdate == E::Cascade) {
      report("update", fk.onUpdate, "foreignKeyOnUpdate",
             "use `on update restrict` or `no action`: a row's distribution value never changes");
    }
  }

  void referenceToLocal(const Side& from, const model::ForeignKey& fk, const std::string& target) {
    using E = model::ReferentialEffect;
    auto allowed = [](E effect) { return effect == E::NoAction || effect == E::Restrict; };
    for (auto [event, effect] : {std::pair<const char*, E>{"delete", fk.onDelete},
                                 std::pair<const char*, E>{"update", fk.onUpdate}}) {
      if (allowed(effect)) continue;
      context_
          .report(DiagCode::ForeignKeyReferenceToLocalAction, fk.span, from.table->span,
                  from.table->name, target, event, effectWords(effect))
          .note("Citus fails with: " + context_.catalog.citusError("foreignKeyReferenceToLocal"))
          .help(fmt::format("use `on {} restrict` or `no action`, or make `{}` a reference table",
                            event, target));
    }
  }

  RuleContext& context_;
  ColocationGroups groups_;
};

}  // namespace

void checkForeignKeys(RuleContext& context) {
  ForeignKeyCheck check(context);
  for (const model::Schema& schema : context.model.schemas) {
    if (schema.distributed || !onElasticCluster(context.model, schema)) continue;
    for (const model::Table& table : schema.tables) {
      Side from{&schema, &table, placementOf(schema, table)};
      for (const model::ForeignKey& fk : table.foreignKeys) check.check(from, fk);
    }
  }
}

}  // namespace pgc::rules
