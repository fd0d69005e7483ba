// Plans a cluster's script: which schemas, tables and roles it holds, in which order, and the
// names PostgreSQL would give the foreign keys and indexes the program leaves unnamed. Names
// are chosen in the order the script creates objects, as the server would choose them.
#include <algorithm>

#include "object_names.h"
#include "pgc/emit/sql_quoting.h"
#include "script.h"
#include "table_order.h"

namespace pgc::emit::sql {
namespace {

// What CREATE TABLE names: identity sequences, the table, checks, primary key and uniques.
void nameTableObjects(const model::Table& table, NameSpaces& names) {
  const std::string& schema = table.schema;
  for (const model::Column& column : table.columns) {
    if (column.identity) names.chooseRelationName(schema, table.name, column.name, "seq", false);
  }
  names.addRelation(schema, table.name);
  for (const model::Column& column : table.columns) {
    if (column.checkSql) names.chooseConstraintName(schema, table.name, column.name, "check");
  }
  for (const model::CheckConstraint& check : table.checks) {
    if (!check.name.empty()) {
      names.addConstraint(schema, check.name);
    } else {
      names.chooseConstraintName(schema, table.name, std::nullopt, "check");
    }
  }
  std::vector<std::vector<std::string>> keys;
  auto nameKey = [&](const model::KeyConstraint& key, const char* label, bool primary) {
    if (std::find(keys.begin(), keys.end(), key.columns) != keys.end()) return;  // redundant
    keys.push_back(key.columns);
    if (!key.name.empty()) {
      names.addRelation(schema, key.name);
      names.addConstraint(schema, key.name);
    } else if (primary) {
      names.chooseRelationName(schema, table.name, std::nullopt, label, true);
    } else {
      names.chooseRelationName(schema, table.name, nameAddition(key.columns), label, true);
    }
  };
  if (table.primaryKey) nameKey(*table.primaryKey, "pkey", true);
  for (const model::KeyConstraint& unique : table.uniques) nameKey(unique, "key", false);
}

}  // namespace

std::string Script::ident(const std::string& name) const { return quoteIdent(name, version); }

std::string Script::qualified(const model::Table& table) const {
  return quoteQualified(table.schema, table.name, version);
}

std::string Script::qualified(const std::string& schemaName, const std::string& name) const {
  return quoteQualified(schemaName, name, version);
}

const model::Schema* Script::schema(const std::string& name) const {
  for (const model::Schema* s : schemas) {
    if (s->name == name) return s;
  }
  return nullptr;
}

std::string Script::roleName(const model::Role& role) {
  return role.principal ? role.principal->name : role.name;
}

Script planScript(const model::Model& model, const model::Cluster& cluster) {
  Script script;
  script.model = &model;
  script.cluster = &cluster;
  script.version = static_cast<int>(cluster.version.value);
  script.citus = cluster.kind.value == model::ClusterKind::Elastic;
  script.schemas = clusterSchemas(model, cluster);
  script.tables = creationOrder(script.schemas);
  for (const model::Role& role : model.roles) {
    if (role.cluster == cluster.name) script.roles.push_back(&role);
  }
  NameSpaces names;
  for (const model::Table* table : script.tables) {
    nameTableObjects(*table, names);
    for (const model::Index& index : table->indexes) {
      if (!index.name.empty()) {
        names.addRelation(table->schema, index.name);
        script.indexNames[&index] = index.name;
        continue;
      }
      std::string columns = nameAddition(indexColumnNames(index.elements, index.elementIsSql));
      script.indexNames[&index] =
          names.chooseRelationName(table->schema, table->name, columns, "idx", false);
    }
  }
  for (const model::Table* table : script.tables) {
    for (const model::ForeignKey& fk : table->foreignKeys) {
      script.foreignKeyNames[&fk] =
          fk.name.empty() ? names.chooseConstraintName(table->schema, table->name,
                                                       nameAddition(fk.columns), "fkey")
                          : fk.name;
      if (!fk.name.empty()) names.addConstraint(table->schema, fk.name);
    }
  }
  return script;
}

std::string dollarTag(const std::string& body) {
  std::string tag = "$pgc$";
  for (int n = 1; body.find(tag) != std::string::npos; ++n) tag = "$pgc" + std::to_string(n) + "$";
  return tag;
}

}  // namespace pgc::emit::sql
