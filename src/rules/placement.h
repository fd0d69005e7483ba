// Where Citus puts a table, and which distributed tables share shards: what the schema rules
// need to know of every table before they judge keys and foreign keys.
#pragma once

#include <map>
#include <string>

#include "pgc/model.h"

namespace pgc::rules {

enum class Placement {
  Distributed,  // `distributed by`: sharded by a column
  Reference,    // copied to every node
  Local,        // `local`, or no clause in a regular schema: on the coordinator only
  Tenant,       // a table of a distributed schema: with the schema's other tables on one node
};

Placement placementOf(const model::Schema& schema, const model::Table& table);
const model::Schema* schemaNamed(const model::Model& model, const std::string& name);
const model::Cluster* clusterOf(const model::Model& model, const model::Schema& schema);
bool onElasticCluster(const model::Model& model, const model::Schema& schema);
// `table`, or `schema.table` when it is in another schema than `from`.
std::string tableName(const model::TableRef& ref, const std::string& from);

// Distributed tables linked by `colocate with`, directly or through others (docs/language.md:
// pgc counts tables as colocated only when such links join them).
class ColocationGroups {
 public:
  explicit ColocationGroups(const model::Model& model);
  bool colocated(const model::TableRef& a, const model::TableRef& b) const;

 private:
  std::string root(const std::string& key) const;
  std::map<std::string, std::string> parent_;
};

}  // namespace pgc::rules
