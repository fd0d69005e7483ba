// The SQL emitter: the bootstrap script of one cluster (extensions, schemas, roles, tables,
// Citus distribution, grants), as a pure function of the Model.
#pragma once

#include <string>

#include "pgc/model.h"

namespace pgc::emit {

// Whether the cluster gets a script: it has schemas or roles.
bool needsSqlBootstrap(const model::Model& model, const model::Cluster& cluster);
// `<project>.<cluster>.sql`, run with psql on the cluster's database (port 5432).
std::string sqlBootstrap(const model::Model& model, const model::Cluster& cluster);

}  // namespace pgc::emit
