// The SQL bootstrap of one cluster, planned once (order of tables, names of the objects the
// program leaves unnamed) and then written section by section, each by its own file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pgc/model.h"

namespace pgc::emit::sql {

struct Script {
  const model::Model* model = nullptr;
  const model::Cluster* cluster = nullptr;
  int version = 17;    // quote_ident() follows this server version's keywords
  bool citus = false;  // an elastic cluster: distribution calls and Citus settings
  std::vector<const model::Schema*> schemas;
  std::vector<const model::Table*> tables;  // in creation order
  std::vector<const model::Role*> roles;
  std::map<const model::ForeignKey*, std::string> foreignKeyNames;
  std::map<const model::Index*, std::string> indexNames;

  std::string ident(const std::string& name) const;
  std::string qualified(const model::Table& table) const;
  std::string qualified(const std::string& schema, const std::string& name) const;
  const model::Schema* schema(const std::string& name) const;
  // The role's name inside PostgreSQL: an Entra principal's name, else the declared name.
  static std::string roleName(const model::Role& role);
};

Script planScript(const model::Model& model, const model::Cluster& cluster);

// `$pgc$`, or a variant that does not occur in `body`, to dollar-quote it.
std::string dollarTag(const std::string& body);

std::string headerSection(const Script& script);
std::string extensionSection(const Script& script);
std::string roleSection(const Script& script);
std::string schemaSection(const Script& script);
std::string tableSection(const Script& script);
std::string distributionSection(const Script& script);
std::string foreignKeySection(const Script& script);
std::string grantSection(const Script& script);

}  // namespace pgc::emit::sql
