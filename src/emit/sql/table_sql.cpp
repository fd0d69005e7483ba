// Schemas, tables with their columns, keys and checks, indexes, and the comments that
// `@description` asks for. Raw SQL fragments are copied only where the language takes them.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "pgc/emit/sql_quoting.h"
#include "script.h"

namespace pgc::emit::sql {
namespace {

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string columnList(const Script& script, const std::vector<std::string>& columns) {
  std::vector<std::string> quoted;
  for (const std::string& c : columns) quoted.push_back(script.ident(c));
  return "(" + join(quoted) + ")";
}

// pgc's one-word names for types PostgreSQL spells in several words.
std::string typeSql(const model::ColumnType& type) {
  model::ColumnType copy = type;
  if (copy.name == "double") copy.name = "double precision";
  return copy.sql();
}

// Whether a DEFAULT fragment is one term (a literal, a name, a call, with casts), which
// PostgreSQL takes bare; anything else goes in parentheses, as DEFAULT takes only b_expr.
bool isSimpleTerm(const std::string& sql) {
  size_t i = 0;
  auto skipBalanced = [&]() {
    int depth = 0;
    for (; i < sql.size(); ++i) {
      char c = sql[i];
      if (c == '\'' || c == '"') {
        size_t end = sql.find(c, i + 1);
        if (end == std::string::npos) return false;
        i = end;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        ++i;
        return true;
      }
    }
    return false;
  };
  auto word = [&]() {
    size_t start = i;
    while (i < sql.size() &&
           (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_' || sql[i] == '.')) {
      ++i;
    }
    return i > start;
  };
  if (sql.empty()) return false;
  if (sql[0] == '\'') {
    for (i = 1; i < sql.size(); ++i) {
      if (sql[i] != '\'') continue;
      if (i + 1 < sql.size() && sql[i + 1] == '\'') {
        ++i;
      } else {
        ++i;
        break;
      }
    }
  } else if (!word()) {
    return false;
  } else if (i < sql.size() && sql[i] == '(' && !skipBalanced()) {
    return false;
  }
  while (i < sql.size() && sql.compare(i, 2, "::") == 0) {
    i += 2;
    if (!word()) return false;
    if (i < sql.size() && sql[i] == '(' && !skipBalanced()) return false;
    while (sql.compare(i, 2, "[]") == 0) i += 2;
  }
  return i == sql.size();
}

std::string columnAttributes(const model::Column& column) {
  std::vector<std::string> parts;
  if (column.notNull) parts.push_back("NOT NULL");
  if (column.defaultSql) {
    const std::string& sql = *column.defaultSql;
    parts.push_back("DEFAULT " + (isSimpleTerm(sql) ? sql : "(" + sql + ")"));
  }
  if (column.identity) parts.push_back("GENERATED ALWAYS AS IDENTITY");
  if (column.generatedSql)
    parts.push_back("GENERATED ALWAYS AS (" + *column.generatedSql + ") STORED");
  if (column.checkSql) parts.push_back("CHECK (" + *column.checkSql + ")");
  return join(parts, " ");
}

std::string named(const std::string& name, const Script& script) {
  return name.empty() ? "" : "CONSTRAINT " + script.ident(name) + " ";
}

std::string createTable(const Script& script, const model::Table& table) {
  size_t nameWidth = 0;
  size_t typeWidth = 0;
  for (const model::Column& c : table.columns) {
    nameWidth = std::max(nameWidth, script.ident(c.name).size());
    typeWidth = std::max(typeWidth, typeSql(c.type).size());
  }
  std::vector<std::string> items;
  for (const model::Column& c : table.columns) {
    std::string attributes = columnAttributes(c);
    std::string line = fmt::format("  {:<{}} {}", script.ident(c.name), nameWidth, typeSql(c.type));
    if (!attributes.empty()) {
      line = fmt::format("  {:<{}} {:<{}} {}", script.ident(c.name), nameWidth, typeSql(c.type),
                         typeWidth, attributes);
    }
    items.push_back(line);
  }
  if (table.primaryKey) {
    items.push_back("  " + named(table.primaryKey->name, script) + "PRIMARY KEY " +
                    columnList(script, table.primaryKey->columns));
  }
  for (const model::KeyConstraint& unique : table.uniques) {
    items.push_back("  " + named(unique.name, script) + "UNIQUE " +
                    columnList(script, unique.columns));
  }
  for (const model::CheckConstraint& check : table.checks) {
    items.push_back("  " + named(check.name, script) + "CHECK (" + check.sql + ")");
  }
  if (items.empty())
    return fmt::format("CREATE TABLE IF NOT EXISTS {} ();\n", script.qualified(table));
  return fmt::format("CREATE TABLE IF NOT EXISTS {} (\n{}\n);\n", script.qualified(table),
                     join(items, ",\n"));
}

std::string createIndex(const Script& script, const model::Table& table,
                        const model::Index& index) {
  std::vector<std::string> elements;
  for (size_t i = 0; i < index.elements.size(); ++i) {
    elements.push_back(index.elementIsSql[i] ? index.elements[i] : script.ident(index.elements[i]));
  }
  std::string out =
      fmt::format("CREATE {}INDEX IF NOT EXISTS {} ON {}", index.unique ? "UNIQUE " : "",
                  script.ident(script.indexNames.at(&index)), script.qualified(table));
  if (!index.method.empty()) out += " USING " + script.ident(index.method);
  out += " (" + join(elements) + ")";
  if (index.whereSql) out += " WHERE " + *index.whereSql;
  return out + ";\n";
}

std::string comments(const Script& script, const model::Table& table) {
  std::string out;
  if (!table.description.empty()) {
    out += fmt::format("COMMENT ON TABLE {} IS {};\n", script.qualified(table),
                       quoteLiteral(table.description));
  }
  for (const model::Column& c : table.columns) {
    if (c.description.empty()) continue;
    out += fmt::format("COMMENT ON COLUMN {}.{} IS {};\n", script.qualified(table),
                       script.ident(c.name), quoteLiteral(c.description));
  }
  return out;
}

}  // namespace

std::string schemaSection(const Script& script) {
  if (script.schemas.empty()) return "";
  std::string out = "\n-- Schemas\n";
  for (const model::Schema* schema : script.schemas) {
    out += fmt::format("CREATE SCHEMA IF NOT EXISTS {};\n", script.ident(schema->name));
    if (!schema->description.empty()) {
      out += fmt::format("COMMENT ON SCHEMA {} IS {};\n", script.ident(schema->name),
                         quoteLiteral(schema->description));
    }
  }
  return out;
}

std::string tableSection(const Script& script) {
  if (script.tables.empty()) return "";
  std::string out = "\n-- Tables, each after the tables it references; foreign keys come last\n";
  for (const model::Table* table : script.tables) {
    out += "\n" + createTable(script, *table);
    for (const model::Index& index : table->indexes) out += createIndex(script, *table, index);
    out += comments(script, *table);
  }
  return out;
}

}  // namespace pgc::emit::sql
