// Table placement and colocation groups.
#include "placement.h"

namespace pgc::rules {
namespace {

std::string keyOf(const model::TableRef& ref) { return ref.schema + "." + ref.table; }

}  // namespace

Placement placementOf(const model::Schema& schema, const model::Table& table) {
  if (schema.distributed) return Placement::Tenant;
  switch (table.distribution.kind) {
    case model::DistributionKind::Distributed: return Placement::Distributed;
    case model::DistributionKind::Reference: return Placement::Reference;
    case model::DistributionKind::Local:
    case model::DistributionKind::None: return Placement::Local;
  }
  return Placement::Local;
}

const model::Schema* schemaNamed(const model::Model& model, const std::string& name) {
  for (const model::Schema& s : model.schemas) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const model::Cluster* clusterOf(const model::Model& model, const model::Schema& schema) {
  return model.cluster(schema.cluster);
}

bool onElasticCluster(const model::Model& model, const model::Schema& schema) {
  const model::Cluster* cluster = clusterOf(model, schema);
  return cluster && cluster->kind.value == model::ClusterKind::Elastic;
}

std::string tableName(const model::TableRef& ref, const std::string& from) {
  return ref.schema == from ? ref.table : ref.schema + "." + ref.table;
}

ColocationGroups::ColocationGroups(const model::Model& model) {
  for (const model::Schema& s : model.schemas) {
    for (const model::Table& t : s.tables) {
      std::string key = keyOf({s.name, t.name});
      parent_.emplace(key, key);
    }
  }
  for (const model::Schema& s : model.schemas) {
    for (const model::Table& t : s.tables) {
      const auto& with = t.distribution.colocateWith;
      if (t.distribution.kind != model::DistributionKind::Distributed || !with) continue;
      std::string a = root(keyOf({s.name, t.name}));
      std::string b = root(keyOf(*with));
      if (a != b && parent_.count(b)) parent_[a] = b;
    }
  }
}

std::string ColocationGroups::root(const std::string& key) const {
  std::string at = key;
  for (auto it = parent_.find(at); it != parent_.end() && it->second != at; it = parent_.find(at)) {
    at = it->second;
  }
  return at;
}

bool ColocationGroups::colocated(const model::TableRef& a, const model::TableRef& b) const {
  return root(keyOf(a)) == root(keyOf(b));
}

}  // namespace pgc::rules
