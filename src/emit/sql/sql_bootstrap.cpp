// The SQL bootstrap of one cluster: header, extensions and roles on their own, then one
// transaction for schemas, tables, Citus placement, foreign keys and grants. On an elastic
// cluster the transaction runs in Citus's sequential mode, in which Citus accepts
// distribution calls and foreign keys to reference tables in one transaction (platform.md
// §6.6).
#include "pgc/emit/sql.h"

#include "script.h"

namespace pgc::emit {

bool needsSqlBootstrap(const model::Model& model, const model::Cluster& cluster) {
  for (const model::Schema& schema : model.schemas) {
    if (schema.cluster == cluster.name) return true;
  }
  for (const model::Role& role : model.roles) {
    if (role.cluster == cluster.name) return true;
  }
  return !cluster.extensions.empty();
}

std::string sqlBootstrap(const model::Model& model, const model::Cluster& cluster) {
  sql::Script script = sql::planScript(model, cluster);
  std::string out = sql::headerSection(script);
  out += sql::extensionSection(script);
  out += sql::roleSection(script);
  std::string body = sql::schemaSection(script) + sql::tableSection(script) +
                     sql::distributionSection(script) + sql::foreignKeySection(script) +
                     sql::grantSection(script);
  if (body.empty()) return out;
  out += "\nBEGIN;\n";
  if (script.citus) {
    out +=
        "-- One connection per node for the whole transaction: Citus then takes distribution\n"
        "-- calls and foreign keys in the same transaction as the tables they act on.\n"
        "SET LOCAL citus.multi_shard_modify_mode TO 'sequential';\n";
  }
  out += body;
  out += "\nCOMMIT;\n";
  return out;
}

}  // namespace pgc::emit
