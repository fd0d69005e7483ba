// Reads the catalog back and compares it with the Model, object by object. Names the program
// left unnamed are not compared here (default_names_test.cpp pins them); the objects are
// found by what they are: a key by its columns, a foreign key by both ends.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "catalog_checks.h"
#include "pgc/emit/sql_quoting.h"

namespace pgc::tests {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string join(const std::vector<std::string>& items, const char* separator = ",") {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::vector<const model::Schema*> schemasOf(const model::Model& m, const model::Cluster& c) {
  std::vector<const model::Schema*> out;
  for (const model::Schema& s : m.schemas) {
    if (s.cluster == c.name) out.push_back(&s);
  }
  return out;
}

std::string key(const std::string& schema, const std::string& table) {
  return schema + "." + table;
}

const char* deleteCode(model::ReferentialEffect e) {
  switch (e) {
    case model::ReferentialEffect::Cascade: return "c";
    case model::ReferentialEffect::Restrict: return "r";
    case model::ReferentialEffect::SetNull: return "n";
    case model::ReferentialEffect::SetDefault: return "d";
    case model::ReferentialEffect::NoAction: return "a";
  }
  return "a";
}

}  // namespace

std::string formatType(const model::ColumnType& type) {
  static const std::map<std::string, std::string> kNames = {
      {"int", "integer"},
      {"integer", "integer"},
      {"int4", "integer"},
      {"bigint", "bigint"},
      {"int8", "bigint"},
      {"smallint", "smallint"},
      {"int2", "smallint"},
      {"double", "double precision"},
      {"float8", "double precision"},
      {"real", "real"},
      {"float4", "real"},
      {"decimal", "numeric"},
      {"varchar", "character varying"},
      {"char", "character"},
      {"bool", "boolean"},
      {"timestamptz", "timestamp with time zone"},
      {"timestamp", "timestamp without time zone"},
      {"time", "time without time zone"},
  };
  auto found = kNames.find(type.name);
  std::string name = found == kNames.end() ? type.name : found->second;
  std::string modifiers;
  for (int64_t m : type.modifiers) modifiers += (modifiers.empty() ? "" : ",") + std::to_string(m);
  if (type.name == "char" && type.modifiers.empty()) modifiers = "1";
  std::string out = name;
  if (!modifiers.empty()) {
    size_t space = name.find(' ');
    bool timeLike = name.rfind("time", 0) == 0 && space != std::string::npos;
    out = timeLike ? name.substr(0, space) + "(" + modifiers + ")" + name.substr(space)
                   : name + "(" + modifiers + ")";
  }
  if (type.arrayDimensions > 0) out += "[]";
  return out;
}

void expectCatalogMatchesModel(const PostgresServer& server, const std::string& database,
                               const model::Model& m, const model::Cluster& cluster) {
  std::map<std::string, std::string> schemaComments;
  for (const auto& r :
       server.rows(database,
                   "SELECT nspname, coalesce(obj_description(oid, 'pg_namespace'), '') "
                   "FROM pg_namespace")) {
    schemaComments[r[0]] = r[1];
  }
  std::map<std::string, Rows> columns;
  for (const auto& r : server.rows(database, R"SQL(
      SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             a.atthasdef, a.attidentity, a.attgenerated, coalesce(col_description(c.oid, a.attnum), ''),
             c.relkind, coalesce(obj_description(c.oid, 'pg_class'), '')
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'p') ORDER BY 1, 2, a.attnum)SQL")) {
    columns[key(r[0], r[1])].push_back(r);
  }
  std::map<std::string, Rows>
      constraints;  // contype, name, columns, referenced, its columns, del, upd
  for (const auto& r : server.rows(database, R"SQL(
      SELECT n.nspname, c.relname, k.contype, k.conname,
             (SELECT string_agg(a.attname, ',' ORDER BY o) FROM unnest(k.conkey) WITH ORDINALITY u(att, o)
              JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.att),
             coalesce((SELECT fn.nspname || '.' || f.relname FROM pg_class f
                       JOIN pg_namespace fn ON fn.oid = f.relnamespace WHERE f.oid = k.confrelid), ''),
             coalesce((SELECT string_agg(a.attname, ',' ORDER BY o) FROM unnest(k.confkey) WITH ORDINALITY u(att, o)
                       JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.att), ''),
             k.confdeltype, k.confupdtype
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace)SQL")) {
    constraints[key(r[0], r[1])].push_back(r);
  }
  std::map<std::string, Rows> indexes;  // name, unique, method, key columns, definition
  for (const auto& r : server.rows(database, R"SQL(
      SELECT n.nspname, c.relname, ic.relname, i.indisunique, am.amname, i.indnkeyatts,
             pg_get_indexdef(i.indexrelid)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam JOIN pg_namespace n ON n.oid = c.relnamespace)SQL")) {
    indexes[key(r[0], r[1])].push_back(r);
  }

  for (const model::Schema* schema : schemasOf(m, cluster)) {
    ASSERT_EQ(schemaComments.count(schema->name), 1u) << "schema " << schema->name;
    EXPECT_EQ(schemaComments[schema->name], schema->description) << "schema " << schema->name;
    for (const model::Table& table : schema->tables) {
      std::string where = "table " + key(table.schema, table.name);
      const Rows& cols = columns[key(table.schema, table.name)];
      ASSERT_EQ(cols.size(), table.columns.size()) << where;
      EXPECT_EQ(cols.empty() ? table.description : cols[0][10], table.description) << where;
      for (size_t i = 0; i < cols.size(); ++i) {
        const model::Column& c = table.columns[i];
        const auto& r = cols[i];
        std::string at = where + " column " + c.name;
        EXPECT_EQ(r[2], c.name) << at;
        EXPECT_EQ(r[3], formatType(c.type)) << at;
        EXPECT_EQ(r[4], c.notNull || c.primaryKey ? "t" : "f") << at;
        EXPECT_EQ(r[5], c.defaultSql || c.generatedSql ? "t" : "f") << at;
        EXPECT_EQ(r[6], c.identity ? "a" : "") << at;
        EXPECT_EQ(r[7], c.generatedSql ? "s" : "") << at;
        EXPECT_EQ(r[8], c.description) << at;
      }
      const Rows& cons = constraints[key(table.schema, table.name)];
      auto findKey = [&](const char* type, const model::KeyConstraint& k) {
        return std::find_if(cons.begin(), cons.end(), [&](const std::vector<std::string>& r) {
          return r[2] == type && r[4] == join(k.columns) && (k.name.empty() || r[3] == k.name);
        });
      };
      std::set<std::string> keyColumns;
      if (table.primaryKey) {
        EXPECT_NE(findKey("p", *table.primaryKey), cons.end()) << where << " primary key";
        keyColumns.insert(join(table.primaryKey->columns));
      }
      for (const model::KeyConstraint& u : table.uniques) {
        if (!keyColumns.insert(join(u.columns)).second) continue;  // PostgreSQL drops repeats
        EXPECT_NE(findKey("u", u), cons.end()) << where << " unique " << join(u.columns);
      }
      size_t checks = table.checks.size();
      for (const model::Column& c : table.columns) checks += c.checkSql ? 1 : 0;
      EXPECT_EQ(std::count_if(cons.begin(), cons.end(),
                              [](const std::vector<std::string>& r) { return r[2] == "c"; }),
                static_cast<long>(checks))
          << where << " checks";
      for (const model::CheckConstraint& ch : table.checks) {
        if (ch.name.empty()) continue;
        EXPECT_TRUE(std::any_of(
            cons.begin(), cons.end(),
            [&](const std::vector<std::string>& r) { return r[2] == "c" && r[3] == ch.name; }))
            << where << " check " << ch.name;
      }
      EXPECT_EQ(std::count_if(cons.begin(), cons.end(),
                              [](const std::vector<std::string>& r) { return r[2] == "f"; }),
                static_cast<long>(table.foreignKeys.size()))
          << where << " foreign keys";
      for (const model::ForeignKey& fk : table.foreignKeys) {
        bool found = std::any_of(cons.begin(), cons.end(), [&](const std::vector<std::string>& r) {
          return r[2] == "f" && r[4] == join(fk.columns) &&
                 r[5] == key(fk.referenced.schema, fk.referenced.table) &&
                 r[6] == join(fk.referencedColumns) && r[7] == deleteCode(fk.onDelete) &&
                 r[8] == deleteCode(fk.onUpdate) && (fk.name.empty() || r[3] == fk.name);
        });
        EXPECT_TRUE(found) << where << " foreign key (" << join(fk.columns) << ") to "
                           << fk.referenced.table;
      }
      const Rows& idx = indexes[key(table.schema, table.name)];
      size_t keyIndexes = keyColumns.size();
      EXPECT_EQ(idx.size(), keyIndexes + table.indexes.size()) << where << " indexes";
      for (const model::Index& index : table.indexes) {
        bool found = std::any_of(idx.begin(), idx.end(), [&](const std::vector<std::string>& r) {
          return (index.name.empty() || r[2] == index.name) && r[3] == (index.unique ? "t" : "f") &&
                 r[4] == (index.method.empty() ? "btree" : index.method) &&
                 r[5] == std::to_string(index.elements.size()) &&
                 (r[6].find(" WHERE ") != std::string::npos) == index.whereSql.has_value();
        });
        EXPECT_TRUE(found) << where << " index " << index.name << " (" << join(index.elements)
                           << ")";
      }
    }
  }

  std::map<std::string, std::vector<std::string>> roles;
  for (const auto& r : server.rows(database,
                                   "SELECT rolname, rolcanlogin, coalesce(shobj_description(oid, "
                                   "'pg_authid'), '') FROM pg_roles")) {
    roles[r[0]] = r;
  }
  std::vector<std::string> privilegeChecks;
  std::vector<std::string> privilegeNames;
  auto require = [&](const std::string& expression, const std::string& what) {
    privilegeChecks.push_back(expression);
    privilegeNames.push_back(what);
  };
  for (const model::Role& role : m.roles) {
    if (role.cluster != cluster.name) continue;
    std::string name = role.principal ? role.principal->name : role.name;
    ASSERT_EQ(roles.count(name), 1u) << "role " << name;
    EXPECT_EQ(roles[name][1], role.principal || role.login ? "t" : "f") << "role " << name;
    EXPECT_EQ(roles[name][2], role.description) << "role " << name;
    std::string grantee = emit::quoteLiteral(name);
    for (const model::Grant& g : role.grants) {
      const model::Schema* schema = nullptr;
      for (const model::Schema* s : schemasOf(m, cluster)) {
        if (s->name == g.schema) schema = s;
      }
      if (!schema) continue;
      std::vector<std::string> tables;
      if (g.target == model::GrantTarget::Table) tables.push_back(g.table);
      if (g.target != model::GrantTarget::Table) {
        for (const model::Table& t : schema->tables) tables.push_back(t.name);
      }
      for (const std::string& p : g.privileges) {
        bool schemaPrivilege = p == "usage" || p == "create" || p == "all";
        bool tablePrivilege = p != "usage" && p != "create";
        if (schemaPrivilege && g.target == model::GrantTarget::Schema) {
          for (const char* sp : {"usage", "create"}) {
            if (p != "all" && p != sp) continue;
            require(fmt::format("has_schema_privilege({}, {}, '{}')", grantee,
                                emit::quoteLiteral(schema->name), sp),
                    name + " " + sp + " on schema " + schema->name);
          }
        }
        if (!tablePrivilege) continue;
        require(fmt::format("has_schema_privilege({}, {}, 'USAGE')", grantee,
                            emit::quoteLiteral(schema->name)),
                name + " USAGE on schema " + schema->name);
        std::vector<std::string> privileges = {p};
        if (p == "all") {
          privileges = {"select",   "insert",     "update", "delete",
                        "truncate", "references", "trigger"};
        }
        for (const std::string& t : tables) {
          for (const std::string& tp : privileges) {
            require(fmt::format("has_table_privilege({}, {}, '{}')", grantee,
                                emit::quoteLiteral(emit::quoteQualified(schema->name, t, 15)), tp),
                    name + " " + tp + " on " + schema->name + "." + t);
          }
        }
      }
    }
  }
  if (privilegeChecks.empty()) return;
  Rows result = server.rows(database, "SELECT " + join(privilegeChecks, ", "));
  ASSERT_EQ(result.size(), 1u);
  ASSERT_EQ(result[0].size(), privilegeChecks.size());
  for (size_t i = 0; i < privilegeChecks.size(); ++i) {
    EXPECT_EQ(result[0][i], "t") << privilegeNames[i];
  }
}

}  // namespace pgc::tests
