// Stable topological orders of tables: a table is placed as soon as everything it depends on
// is, and ties keep declaration order, so the output never depends on container order.
#include "table_order.h"

#include <algorithm>
#include <functional>

namespace pgc::emit::sql {
namespace {

bool same(const model::Table& table, const model::TableRef& ref) {
  return table.schema == ref.schema && table.name == ref.table;
}

// Kahn's algorithm over `tables`, always taking the first ready table in input order.
std::vector<const model::Table*> stableOrder(
    const std::vector<const model::Table*>& tables,
    const std::function<std::vector<model::TableRef>(const model::Table&)>& dependencies) {
  std::vector<const model::Table*> remaining = tables;
  std::vector<const model::Table*> out;
  auto placed = [&](const model::TableRef& ref) {
    bool inSet = std::any_of(tables.begin(), tables.end(),
                             [&](const model::Table* t) { return same(*t, ref); });
    return !inSet || std::any_of(out.begin(), out.end(),
                                 [&](const model::Table* t) { return same(*t, ref); });
  };
  while (!remaining.empty()) {
    auto ready = std::find_if(remaining.begin(), remaining.end(), [&](const model::Table* t) {
      for (const model::TableRef& ref : dependencies(*t)) {
        if (!same(*t, ref) && !placed(ref)) return false;
      }
      return true;
    });
    if (ready == remaining.end()) ready = remaining.begin();  // a cycle
    out.push_back(*ready);
    remaining.erase(ready);
  }
  return out;
}

}  // namespace

std::vector<const model::Schema*> clusterSchemas(const model::Model& model,
                                                 const model::Cluster& cluster) {
  std::vector<const model::Schema*> out;
  for (const model::Schema& schema : model.schemas) {
    if (schema.cluster == cluster.name) out.push_back(&schema);
  }
  return out;
}

std::vector<const model::Table*> creationOrder(const std::vector<const model::Schema*>& schemas) {
  std::vector<const model::Table*> tables;
  for (const model::Schema* schema : schemas) {
    for (const model::Table& table : schema->tables) tables.push_back(&table);
  }
  return stableOrder(tables, [](const model::Table& table) {
    std::vector<model::TableRef> refs;
    for (const model::ForeignKey& fk : table.foreignKeys) refs.push_back(fk.referenced);
    return refs;
  });
}

std::vector<const model::Table*> distributionOrder(
    const std::vector<const model::Table*>& tables,
    const std::vector<const model::Schema*>& schemas) {
  auto inDistributedSchema = [&](const model::Table& table) {
    return std::any_of(schemas.begin(), schemas.end(), [&](const model::Schema* s) {
      return s->distributed && s->name == table.schema;
    });
  };
  std::vector<const model::Table*> reference;
  std::vector<const model::Table*> distributed;
  for (const model::Table* table : tables) {
    if (inDistributedSchema(*table)) continue;
    if (table->distribution.kind == model::DistributionKind::Reference) reference.push_back(table);
    if (table->distribution.kind == model::DistributionKind::Distributed) {
      distributed.push_back(table);
    }
  }
  std::vector<const model::Table*> out = reference;
  for (const model::Table* table : stableOrder(distributed, [](const model::Table& t) {
         std::vector<model::TableRef> refs;
         if (t.distribution.colocateWith) refs.push_back(*t.distribution.colocateWith);
         return refs;
       })) {
    out.push_back(table);
  }
  return out;
}

}  // namespace pgc::emit::sql
