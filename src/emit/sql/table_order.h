// The order the bootstrap creates and distributes one cluster's tables in: referenced tables
// before the tables that reference them; reference tables before distributed ones, and each
// colocation target before the tables colocated with it, as Citus requires.
#pragma once

#include <vector>

#include "pgc/model.h"

namespace pgc::emit::sql {

// The cluster's schemas, in declaration order.
std::vector<const model::Schema*> clusterSchemas(const model::Model& model,
                                                 const model::Cluster& cluster);
// Every table of `schemas`, each after the tables its foreign keys reference (declaration
// order otherwise; a cycle is broken at the first declared table).
std::vector<const model::Table*> creationOrder(const std::vector<const model::Schema*>& schemas);
// The tables that take a Citus call, in the order they take it: reference tables, then
// distributed tables with each colocation target first. Tables of distributed schemas take
// none: citus_schema_distribute() places them.
std::vector<const model::Table*> distributionOrder(
    const std::vector<const model::Table*>& tables,
    const std::vector<const model::Schema*>& schemas);

}  // namespace pgc::emit::sql
