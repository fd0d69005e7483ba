// Environments: `extends` chains resolved (cycles reported), fields inherited and
// overridden, tags merged, `stage` defaulting from the name.
#pragma once

#include <map>
#include <optional>

#include "program_scope.h"

namespace pgc::sema {

class EnvironmentResolver {
 public:
  EnvironmentResolver(const ProgramIndex& index, Diagnostics& sink) : index_(index), sink_(sink) {}

  // The environment as `env` sees it, or nullopt when it cannot be compiled.
  std::optional<EnvContext> resolve(const Declared<ast::EnvironmentDecl>& environment,
                                    const std::string& projectName);

 private:
  struct Resolved {
    BlockValues values;
    model::Tags tags;
    std::vector<std::pair<std::string, Value>> variables;
    bool ok = true;
  };
  const Resolved& fields(const Declared<ast::EnvironmentDecl>& environment);
  std::optional<Declared<ast::EnvironmentDecl>> base(const Declared<ast::EnvironmentDecl>& env);

  const ProgramIndex& index_;
  Diagnostics& sink_;
  LetCache lets_;
  std::map<const ast::EnvironmentDecl*, Resolved> resolved_;
  std::vector<const ast::EnvironmentDecl*> inProgress_;
};

// `${project}-${env}-${cluster}`, made a valid Azure resource name: lowercase letters,
// digits and single hyphens, at most 63 characters.
std::string azureName(const std::string& raw);

}  // namespace pgc::sema
