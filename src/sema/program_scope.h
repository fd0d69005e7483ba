// What names mean in a module of the program, for one environment: constants (evaluated on
// first use, cycles reported), parameters, clusters, imported modules and `env`.
#pragma once

#include <map>
#include <set>

#include "block_values.h"
#include "evaluator.h"
#include "pgc/model.h"
#include "program_index.h"

namespace pgc::sema {

// The environment being compiled, as `env.…` sees it.
struct EnvContext {
  model::Environment model;
  std::vector<std::pair<std::string, Value>> variables;  // `let`s of the environment
};

// Constants evaluated so far in one environment, shared by every scope of that environment.
struct LetCache {
  std::map<const ast::LetDecl*, Value> values;
  std::set<const ast::LetDecl*> inProgress;
};

class ProgramScope : public NameScope {
 public:
  ProgramScope(const ProgramIndex& index, const LoadedModule& module, const EnvContext* env,
               LetCache& lets, Diagnostics& sink)
      : index_(index), module_(module), env_(env), lets_(lets), sink_(sink) {}

  std::optional<Value> lookup(const ast::Ident& name) override;
  std::optional<Value> member(const Value& object, const ast::Ident& member) override;
  std::vector<std::string> memberNames(const Value& object) override;
  std::vector<std::string> names() override;

 private:
  Value evaluateLet(const Declared<ast::LetDecl>& let, const Span& use);
  bool isRoot() const { return &module_ == index_.program->root; }

  const ProgramIndex& index_;
  const LoadedModule& module_;
  const EnvContext* env_;
  LetCache& lets_;
  Diagnostics& sink_;
};

}  // namespace pgc::sema
