// The script's header (what it is, where and how to run it) and its extensions.
#include <fmt/format.h>

#include "pgc/emit/sql_quoting.h"
#include "script.h"

namespace pgc::emit::sql {
namespace {

std::vector<std::string> passwordVariables(const Script& script) {
  std::vector<std::string> out;
  for (const model::Role* role : script.roles) {
    if (!role->principal && role->password) out.push_back(role->password->param);
  }
  return out;
}

bool hasEntraRoles(const Script& script) {
  for (const model::Role* role : script.roles) {
    if (role->principal) return true;
  }
  return false;
}

// `text` as `-- ` comment lines of at most 100 columns.
std::string commentLines(const std::string& text) {
  std::string out;
  std::string line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    if (!line.empty() && 3 + line.size() + 1 + word.size() > 100) {
      out += "-- " + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + "-- " + line + "\n";
}

}  // namespace

std::string headerSection(const Script& script) {
  const model::Model& model = *script.model;
  const model::Cluster& cluster = *script.cluster;
  const std::string& server = cluster.resourceName.value;
  const std::string& database = cluster.database.value;
  std::string out = fmt::format(
      "-- {}: SQL bootstrap of cluster `{}`, environment {}.\n"
      "-- Written by pgc; do not edit: change the program and build again.\n--\n",
      model.project.name, cluster.name, model.environment.name);
  std::string where =
      script.citus
          ? fmt::format(
                "Run it with psql on the coordinator of elastic cluster {} "
                "(port 5432, where Citus takes DDL and distribution calls), "
                "in database {}",
                server, database)
          : fmt::format("Run it with psql on flexible server {}, port 5432, in database {}", server,
                        database);
  where += hasEntraRoles(script) ? ", signed in as an Entra administrator:" : ":";
  out += commentLines(where);
  out += fmt::format(
      "--   psql \"host={}.postgres.database.azure.com port=5432 dbname={} sslmode=require\" \\\n",
      server, conninfoValue(database));
  for (const std::string& variable : passwordVariables(script)) {
    out += fmt::format("--        -v {}=... \\\n", variable);
  }
  out += fmt::format("--        -f {}.{}.sql\n", model.project.name, cluster.name);
  if (!passwordVariables(script).empty()) {
    out += "-- Passwords come from those psql variables, never from this file.\n";
  }
  out += "-- Every statement is guarded: a second run succeeds and changes nothing.\n\n";
  out += "\\set ON_ERROR_STOP on\n";
  return out;
}

std::string extensionSection(const Script& script) {
  if (script.cluster->extensions.empty()) return "";
  std::string out = "\n-- Extensions\n";
  for (const model::NamedValue& extension : script.cluster->extensions) {
    out += fmt::format("CREATE EXTENSION IF NOT EXISTS {};\n", script.ident(extension.name));
  }
  return out;
}

}  // namespace pgc::emit::sql
