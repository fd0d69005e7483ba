// Names of Model enums as the language writes them, and lookups on the Model.
#include "pgc/model.h"

#include <fmt/format.h>

namespace pgc::model {

const char* name(Stage stage) {
  switch (stage) {
    case Stage::Dev: return "dev";
    case Stage::Test: return "test";
    case Stage::Staging: return "staging";
    case Stage::Prod: return "prod";
  }
  return "dev";
}

const char* name(Scope scope) {
  return scope == Scope::Subscription ? "subscription" : "resource_group";
}

const char* name(ClusterKind kind) { return kind == ClusterKind::Elastic ? "elastic" : "flexible"; }

const char* name(Tier tier) {
  switch (tier) {
    case Tier::Burstable: return "burstable";
    case Tier::GeneralPurpose: return "general_purpose";
    case Tier::MemoryOptimized: return "memory_optimized";
  }
  return "general_purpose";
}

const char* name(HighAvailability mode) {
  switch (mode) {
    case HighAvailability::Disabled: return "disabled";
    case HighAvailability::ZoneRedundant: return "zone_redundant";
    case HighAvailability::SameZone: return "same_zone";
  }
  return "disabled";
}

const char* name(PrincipalKind kind) {
  switch (kind) {
    case PrincipalKind::User: return "user";
    case PrincipalKind::Group: return "group";
    case PrincipalKind::ServicePrincipal: return "service_principal";
  }
  return "user";
}

const char* name(ParamType type) {
  switch (type) {
    case ParamType::String: return "string";
    case ParamType::Int: return "int";
    case ParamType::Bool: return "bool";
    case ParamType::Secret: return "secret";
  }
  return "string";
}

const char* name(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::None: return "none";
    case DistributionKind::Distributed: return "distributed";
    case DistributionKind::Reference: return "reference";
    case DistributionKind::Local: return "local";
  }
  return "none";
}

const char* name(ReferentialEffect effect) {
  switch (effect) {
    case ReferentialEffect::NoAction: return "no action";
    case ReferentialEffect::Cascade: return "cascade";
    case ReferentialEffect::Restrict: return "restrict";
    case ReferentialEffect::SetNull: return "set null";
    case ReferentialEffect::SetDefault: return "set default";
  }
  return "no action";
}

std::string ColumnType::sql() const {
  std::string out = name;
  if (!modifiers.empty()) {
    out += "(";
    for (size_t i = 0; i < modifiers.size(); ++i) out += (i ? ", " : "") + std::to_string(modifiers[i]);
    out += ")";
  }
  for (int i = 0; i < arrayDimensions; ++i) out += "[]";
  return out;
}

const Column* Table::column(const std::string& wanted) const {
  for (const Column& c : columns) {
    if (c.name == wanted) return &c;
  }
  return nullptr;
}

const Cluster* Model::cluster(const std::string& wanted) const {
  for (const Cluster& c : clusters) {
    if (c.name == wanted) return &c;
  }
  return nullptr;
}

const Table* Model::table(const TableRef& ref) const {
  for (const Schema& s : schemas) {
    if (s.name != ref.schema) continue;
    for (const Table& t : s.tables) {
      if (t.name == ref.table) return &t;
    }
  }
  return nullptr;
}

}  // namespace pgc::model
