// The Model of roles: an Entra principal or a password login, and grants on schemas and
// tables that exist.
#include <fmt/format.h>

#include <algorithm>

#include "field_reader.h"
#include "model_builder.h"
#include "suggest.h"

namespace pgc::sema {
namespace {

// PostgreSQL's privileges on schemas and tables.
const std::vector<std::string> kPrivileges = {"select",     "insert", "update", "delete",
                                              "truncate",   "references", "trigger", "usage",
                                              "create",     "all"};

}  // namespace

void ModelBuilder::buildRoles() {
  for (const auto& declared : index_.roles) {
    const ast::RoleDecl& decl = *declared.decl;
    model::Role role;
    role.name = decl.name.name;
    role.span = decl.name.span;
    role.description = describe(declared.item->decorators, declared.item->span);
    role.cluster = clusterFor("role", decl.name, decl.cluster);
    BlockValues values = emptyBlock(roleSpec(), fmt::format("role `{}`", role.name), decl.name.span);
    evaluateBlock(decl.body, values, evaluator_, sink_);
    FieldReader reader(values, evaluator_, sink_);
    role.principal = reader.principal("principal");
    role.login = reader.boolean("login", false).value;
    if (auto password = reader.secret("password").value) role.password = *password;
    for (const ast::Grant* grant : values.grants) {
      model::Grant g;
      g.span = grant->span;
      for (const ast::Ident& privilege : grant->privileges) {
        if (std::find(kPrivileges.begin(), kPrivileges.end(), privilege.name) == kPrivileges.end()) {
          Diagnostic& d = sink_.report(DiagCode::UnknownEnumMember, privilege.span, "privilege",
                                       privilege.name, listNames(kPrivileges));
          suggestName(d, privilege.name, kPrivileges);
          continue;
        }
        g.privileges.push_back(privilege.name);
      }
      const ast::QualifiedName& target = grant->target;
      if (grant->targetKind == ast::GrantTargetKind::Table) {
        g.target = model::GrantTarget::Table;
        if (target.parts.size() != 2) {
          sink_.report(DiagCode::UnknownTable, target.span, target.str(), "?")
              .help("name the table with its schema: `on table schema_name.table_name`");
          continue;
        }
        auto ref = resolveTable(target, target.parts[0].name);
        if (!ref) continue;
        g.schema = ref->schema;
        g.table = ref->table;
      } else {
        g.target = grant->targetKind == ast::GrantTargetKind::Schema
                       ? model::GrantTarget::Schema
                       : model::GrantTarget::AllTablesInSchema;
        const ast::Ident& schema = target.parts.front();
        std::vector<std::string> schemas;
        for (const model::Schema& s : model_.schemas) schemas.push_back(s.name);
        if (target.parts.size() != 1 ||
            std::find(schemas.begin(), schemas.end(), schema.name) == schemas.end()) {
          Diagnostic& d = sink_.report(DiagCode::UnknownSchema, target.span, target.str());
          suggestName(d, target.str(), schemas);
          continue;
        }
        g.schema = schema.name;
      }
      role.grants.push_back(std::move(g));
    }
    model_.roles.push_back(std::move(role));
  }
}

}  // namespace pgc::sema
