// Foreign keys, added after every table exists and Citus has placed them: Citus accepts a
// foreign key only between tables it already knows (platform.md §6.4). ALTER TABLE has no
// IF NOT EXISTS for constraints, so a DO block looks the name up first.
#include <fmt/format.h>

#include "pgc/emit/sql_quoting.h"
#include "script.h"

namespace pgc::emit::sql {
namespace {

const char* action(model::ReferentialEffect effect) {
  switch (effect) {
    case model::ReferentialEffect::Cascade: return "CASCADE";
    case model::ReferentialEffect::Restrict: return "RESTRICT";
    case model::ReferentialEffect::SetNull: return "SET NULL";
    case model::ReferentialEffect::SetDefault: return "SET DEFAULT";
    case model::ReferentialEffect::NoAction: return "NO ACTION";
  }
  return "NO ACTION";
}

std::string columns(const Script& script, const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + script.ident(n);
  return "(" + out + ")";
}

std::string addForeignKey(const Script& script, const model::Table& table,
                          const model::ForeignKey& fk) {
  const std::string& name = script.foreignKeyNames.at(&fk);
  std::string alter =
      fmt::format("ALTER TABLE {} ADD CONSTRAINT {}\n      FOREIGN KEY {} REFERENCES {} {}",
                  script.qualified(table), script.ident(name), columns(script, fk.columns),
                  script.qualified(fk.referenced.schema, fk.referenced.table),
                  columns(script, fk.referencedColumns));
  if (fk.onDelete != model::ReferentialEffect::NoAction) {
    alter += std::string(" ON DELETE ") + action(fk.onDelete);
  }
  if (fk.onUpdate != model::ReferentialEffect::NoAction) {
    alter += std::string(" ON UPDATE ") + action(fk.onUpdate);
  }
  std::string body = fmt::format(
      "\nBEGIN\n"
      "  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint\n"
      "                 WHERE conrelid = {}::pg_catalog.regclass AND conname = {}) THEN\n"
      "    {};\n"
      "  END IF;\n"
      "END\n",
      quoteLiteral(script.qualified(table)), quoteLiteral(name), alter);
  std::string tag = dollarTag(body);
  return "DO " + tag + body + tag + ";\n";
}

}  // namespace

std::string foreignKeySection(const Script& script) {
  std::string out;
  for (const model::Table* table : script.tables) {
    for (const model::ForeignKey& fk : table->foreignKeys) out += addForeignKey(script, *table, fk);
  }
  return out.empty() ? "" : "\n-- Foreign keys\n" + out;
}

}  // namespace pgc::emit::sql
