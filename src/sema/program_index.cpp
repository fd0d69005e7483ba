// Collects declarations and reports names defined twice, pointing at both.
#include "program_index.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

namespace pgc::sema {
namespace {

// Top-level names that expressions can refer to share one namespace.
class NameRegistry {
 public:
  NameRegistry(Diagnostics& sink) : sink_(sink) {}
  bool add(const char* kind, const ast::Ident& name) {
    auto [it, inserted] = seen_.emplace(name.name, std::make_pair(kind, name.span));
    if (inserted) return true;
    sink_.report(DiagCode::DuplicateDefinition, name.span, kind, name.name)
        .note(it->second.second, fmt::format("{} `{}` is first defined here", it->second.first, name.name))
        .help("rename or remove one of them");
    return false;
  }

 private:
  Diagnostics& sink_;
  std::map<std::string, std::pair<const char*, Span>> seen_;
};

}  // namespace

const ast::ParamDecl* ProgramIndex::param(const std::string& name) const {
  for (const auto& p : params) {
    if (p.decl->name.name == name) return p.decl;
  }
  return nullptr;
}

const ast::ClusterDecl* ProgramIndex::cluster(const std::string& name) const {
  for (const auto& c : clusters) {
    if (c.decl->name.name == name) return c.decl;
  }
  return nullptr;
}

ProgramIndex indexProgram(const Program& program, Diagnostics& sink) {
  ProgramIndex index;
  index.program = &program;
  for (const auto& module : program.modules) {
    bool isRoot = module.get() == program.root;
    ModuleIndex& own = index.modules[module.get()];
    NameRegistry values(sink);         // params, lets, clusters, module aliases
    NameRegistry environments(sink);   // environments
    NameRegistry schemas(sink);
    NameRegistry roles(sink);
    NameRegistry outputs(sink);
    std::set<std::string> aliasesSeen;
    for (const ast::Item& item : module->ast->items) {
      auto* import = std::get_if<ast::ImportDecl>(&item.node);
      if (!import) continue;
      bool standard = import->path.rfind("std/", 0) == 0;
      std::string alias = import->alias ? import->alias->name
                          : standard    ? "std"
                                        : std::filesystem::path(import->path).stem().string();
      if (!module->imports.count(alias) || (standard && !import->alias && aliasesSeen.count(alias))) {
        continue;
      }
      aliasesSeen.insert(alias);
      values.add("module", ast::Ident{alias, import->alias ? import->alias->span : import->pathSpan});
    }
    for (const ast::Item& item : module->ast->items) {
      const LoadedModule* m = module.get();
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::ProjectDecl>) {
              if (index.project.decl) {
                sink.report(DiagCode::DuplicateDefinition, node.nameSpan, "project", node.name)
                    .note(index.project.decl->nameSpan, "the project is first declared here")
                    .help("a program declares one project");
              } else {
                index.project = {&node, &item, m};
              }
            } else if constexpr (std::is_same_v<T, ast::ParamDecl>) {
              if (values.add("parameter", node.name)) index.params.push_back({&node, &item, m});
            } else if constexpr (std::is_same_v<T, ast::LetDecl>) {
              if (values.add("constant", node.name)) own.lets[node.name.name] = {&node, &item, m};
            } else if constexpr (std::is_same_v<T, ast::EnvironmentDecl>) {
              if (environments.add("environment", node.name)) {
                own.environments[node.name.name] = {&node, &item, m};
                if (isRoot) index.environments.push_back({&node, &item, m});
              }
            } else if constexpr (std::is_same_v<T, ast::ClusterDecl>) {
              if (values.add("cluster", node.name)) index.clusters.push_back({&node, &item, m});
            } else if constexpr (std::is_same_v<T, ast::SchemaDecl>) {
              if (schemas.add("schema", node.name)) index.schemas.push_back({&node, &item, m});
            } else if constexpr (std::is_same_v<T, ast::RoleDecl>) {
              if (roles.add("role", node.name)) index.roles.push_back({&node, &item, m});
            } else if constexpr (std::is_same_v<T, ast::OutputDecl>) {
              if (outputs.add("output", node.name)) index.outputs.push_back({&node, &item, m});
            }
          },
          item.node);
    }
  }
  const SourceFile& root = *program.root->file;
  if (!index.project.decl) {
    sink.report(DiagCode::NoProject, root.span(0, 0))
        .help("declare one: `project \"my-service\" { description = \"…\" }`");
  }
  if (index.environments.empty()) {
    sink.report(DiagCode::NoEnvironment, root.span(0, 0))
        .help("declare one: `environment dev extends std.dev { location = \"australiaeast\" }` "
              "after `import \"std/environments\"`");
  }
  return index;
}

}  // namespace pgc::sema
