// Roles and their grants. Entra roles come from pgaadauth, which runs only in database
// `postgres` (platform.md §5); password roles take their password from a psql variable.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "pgc/emit/sql_quoting.h"
#include "script.h"

namespace pgc::emit::sql {
namespace {

const char* objectType(model::PrincipalKind kind) {
  switch (kind) {
    case model::PrincipalKind::User: return "user";
    case model::PrincipalKind::Group: return "group";
    case model::PrincipalKind::ServicePrincipal: return "service";
  }
  return "user";
}

std::string roleMissing(const std::string& name) {
  return fmt::format("NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = {})",
                     quoteLiteral(name));
}

const char* principalKind(model::PrincipalKind kind) {
  switch (kind) {
    case model::PrincipalKind::User: return "user";
    case model::PrincipalKind::Group: return "group";
    case model::PrincipalKind::ServicePrincipal: return "service principal";
  }
  return "user";
}

std::string entraRole(const model::Role& role) {
  const model::Principal& p = *role.principal;
  std::string call =
      p.objectId.empty()
          ? fmt::format("pg_catalog.pgaadauth_create_principal({}, false, false)",
                        quoteLiteral(p.name))
          : fmt::format("pg_catalog.pgaadauth_create_principal_with_oid({}, {}, {}, false, false)",
                        quoteLiteral(p.name), quoteLiteral(p.objectId),
                        quoteLiteral(objectType(p.kind)));
  return fmt::format("-- role `{}`: Entra {} {}\nSELECT {}\nWHERE {};\n", role.name,
                     principalKind(p.kind), p.name, call, roleMissing(p.name));
}

std::string passwordRole(const Script& script, const model::Role& role) {
  std::string name = script.ident(role.name);
  std::string attributes = role.login ? "LOGIN" : "NOLOGIN";
  std::string out = fmt::format("-- role `{}`: a password login\n", role.name);
  out += fmt::format("SELECT {} AS pgc_role_missing \\gset\n\\if :pgc_role_missing\n",
                     roleMissing(role.name));
  if (!role.password) {
    out += fmt::format("CREATE ROLE {} {};\n\\endif\n", name, attributes);
    return out;
  }
  const std::string& variable = role.password->param;
  std::string message =
      fmt::format("psql variable {0} is not set: pass the password of role {1} with -v {0}=...",
                  variable, role.name);
  std::string body = fmt::format(" BEGIN RAISE EXCEPTION '%', {}; END ", quoteLiteral(message));
  std::string tag = dollarTag(body);
  out += fmt::format(
      "\\if :{{?{0}}}\nCREATE ROLE {1} {2} PASSWORD :'{0}';\n\\else\nDO {3}{4}{3};\n\\endif\n"
      "\\endif\n",
      variable, name, attributes, tag, body);
  return out;
}

// Table privileges as the grant lists them (upper case); `all` stands alone.
std::vector<std::string> privilegesOf(const model::Grant& grant, bool forSchema) {
  static const std::set<std::string> kSchemaPrivileges = {"usage", "create"};
  std::vector<std::string> out;
  for (const std::string& p : grant.privileges) {
    if (p == "all") return {"ALL"};
    if ((kSchemaPrivileges.count(p) > 0) != forSchema) continue;
    std::string upper;
    for (char c : p) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (std::find(out.begin(), out.end(), upper) == out.end()) out.push_back(upper);
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::string roleSection(const Script& script) {
  if (script.roles.empty()) return "";
  std::string out = "\n-- Roles\n";
  const std::string& database = script.cluster->database.value;
  bool entra = std::any_of(script.roles.begin(), script.roles.end(),
                           [](const model::Role* r) { return r->principal.has_value(); });
  // An elastic cluster may have no other database than its own (platform.md §1.5).
  bool reconnect = entra && !script.citus && database != "postgres";
  if (reconnect) out += "-- pgaadauth runs only in database postgres\n\\connect postgres\n";
  for (const model::Role* role : script.roles) {
    if (role->principal) out += entraRole(*role);
  }
  if (reconnect) out += fmt::format("\\connect {}\n", script.ident(database));
  for (const model::Role* role : script.roles) {
    if (!role->principal) out += passwordRole(script, *role);
  }
  for (const model::Role* role : script.roles) {
    if (role->description.empty()) continue;
    out += fmt::format("COMMENT ON ROLE {} IS {};\n", script.ident(Script::roleName(*role)),
                       quoteLiteral(role->description));
  }
  return out;
}

std::string grantSection(const Script& script) {
  std::string out;
  for (const model::Role* role : script.roles) {
    std::string grantee = script.ident(Script::roleName(*role));
    std::set<std::string> usage;  // schemas already granted USAGE to this role
    auto grantUsage = [&](const std::string& schema) {
      if (!usage.insert(schema).second) return;
      out += fmt::format("GRANT USAGE ON SCHEMA {} TO {};\n", script.ident(schema), grantee);
    };
    for (const model::Grant& grant : role->grants) {
      const model::Schema* schema = script.schema(grant.schema);
      if (!schema) continue;  // not on this cluster
      std::vector<std::string> tablePrivileges = privilegesOf(grant, false);
      if (grant.target == model::GrantTarget::Schema) {
        std::vector<std::string> schemaPrivileges = privilegesOf(grant, true);
        auto has = [&](const char* p) {
          return std::find(schemaPrivileges.begin(), schemaPrivileges.end(), p) !=
                 schemaPrivileges.end();
        };
        if (!tablePrivileges.empty() && !has("ALL") && !has("USAGE") &&
            usage.count(schema->name) == 0) {
          schemaPrivileges.insert(schemaPrivileges.begin(), "USAGE");
        }
        if (!schemaPrivileges.empty()) {
          out += fmt::format("GRANT {} ON SCHEMA {} TO {};\n", join(schemaPrivileges),
                             script.ident(schema->name), grantee);
          if (has("ALL") || has("USAGE")) usage.insert(schema->name);
        }
        std::vector<std::string> tables;
        for (const model::Table& t : schema->tables) tables.push_back(script.qualified(t));
        if (!tablePrivileges.empty() && !tables.empty()) {
          out += fmt::format("GRANT {} ON TABLE {} TO {};\n", join(tablePrivileges), join(tables),
                             grantee);
        }
        continue;
      }
      if (tablePrivileges.empty()) continue;
      grantUsage(schema->name);
      if (grant.target == model::GrantTarget::Table) {
        out += fmt::format("GRANT {} ON TABLE {} TO {};\n", join(tablePrivileges),
                           script.qualified(grant.schema, grant.table), grantee);
      } else {
        out += fmt::format("GRANT {} ON ALL TABLES IN SCHEMA {} TO {};\n", join(tablePrivileges),
                           script.ident(schema->name), grantee);
      }
    }
  }
  return out.empty() ? "" : "\n-- Grants\n" + out;
}

}  // namespace pgc::emit::sql
