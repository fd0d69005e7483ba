// The declarations of a program, by kind and name, checked for duplicates once, before
// any environment is analysed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pgc/sema.h"

namespace pgc::sema {

// A declaration and the item (with its decorators) it stands in.
template <typename Decl>
struct Declared {
  const Decl* decl = nullptr;
  const ast::Item* item = nullptr;
  const LoadedModule* module = nullptr;
};

// What one module declares that others can refer to: `std.dev`, `shared.region`.
struct ModuleIndex {
  std::map<std::string, Declared<ast::EnvironmentDecl>> environments;
  std::map<std::string, Declared<ast::LetDecl>> lets;
};

struct ProgramIndex {
  const Program* program = nullptr;
  Declared<ast::ProjectDecl> project;
  std::vector<Declared<ast::ParamDecl>> params;
  std::vector<Declared<ast::EnvironmentDecl>> environments;  // the targets, in order
  std::vector<Declared<ast::ClusterDecl>> clusters;
  std::vector<Declared<ast::SchemaDecl>> schemas;
  std::vector<Declared<ast::RoleDecl>> roles;
  std::vector<Declared<ast::OutputDecl>> outputs;
  std::map<const LoadedModule*, ModuleIndex> modules;

  const ast::ParamDecl* param(const std::string& name) const;
  const ast::ClusterDecl* cluster(const std::string& name) const;
  const ModuleIndex& moduleIndex(const LoadedModule& module) const { return modules.at(&module); }
};

// Indexes the program; reports duplicates and a missing project or environment.
ProgramIndex indexProgram(const Program& program, Diagnostics& sink);

}  // namespace pgc::sema
