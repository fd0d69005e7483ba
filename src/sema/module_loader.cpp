// Import resolution: `std/NAME` in the stdlib, other paths against the importing file.
// Missing modules, cycles and clashing names are reported with the chain of imports.
#include "module_loader.h"

#include <filesystem>
#include <map>

#include "pgc/parse.h"

namespace pgc::sema {
namespace {

namespace fs = std::filesystem;

bool isIdentifier(const std::string& name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
    return false;
  }
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

struct Resolved {
  std::string path;         // to open
  std::string displayPath;  // to show
};

Resolved resolveImport(const std::string& written, const LoadedModule& from,
                       const std::string& stdlibDir) {
  std::string withExtension = fs::path(written).has_extension() ? written : written + ".pgc";
  if (written.rfind("std/", 0) == 0) {
    return {(fs::path(stdlibDir) / withExtension).string(), withExtension};
  }
  fs::path base = fs::path(from.file->path()).parent_path();
  std::string display = (base / withExtension).lexically_normal().string();
  fs::path real = fs::path(from.key).parent_path() / withExtension;
  return {real.string(), display};
}

std::string moduleKey(const std::string& path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

class Loader {
 public:
  Loader(const std::string& stdlibDir, Diagnostics& sink) : stdlibDir_(stdlibDir), sink_(sink) {}

  LoadOutcome run(const std::string& rootPath) {
    syntax::LoadResult loaded = syntax::loadSource(rootPath, rootPath);
    sink_.append(loaded.diagnostics);
    if (!loaded.file) {
      outcome_.ioError = loaded.ioError;
      return std::move(outcome_);
    }
    ok_ = true;
    const LoadedModule* root = add(loaded.file, moduleKey(rootPath));
    outcome_.program.root = root;
    if (root) resolveImports(*const_cast<LoadedModule*>(root));
    outcome_.ok = ok_ && root;
    return std::move(outcome_);
  }

 private:
  const LoadedModule* add(const SourceFilePtr& file, const std::string& key) {
    outcome_.files.push_back(file);
    syntax::ParseResult parsed = syntax::parse(file);
    sink_.append(parsed.diagnostics);
    if (parsed.diagnostics.hasErrors()) {
      ok_ = false;
      return nullptr;
    }
    auto module = std::make_unique<LoadedModule>();
    module->file = file;
    module->ast = std::move(parsed.module);
    module->key = key;
    LoadedModule* raw = module.get();
    byKey_[key] = raw;
    outcome_.program.modules.push_back(std::move(module));
    return raw;
  }

  void resolveImports(LoadedModule& module) {
    stack_.push_back(&module);
    std::map<std::string, Span> aliases;
    for (const ast::Item& item : module.ast->items) {
      auto* import = std::get_if<ast::ImportDecl>(&item.node);
      if (!import) continue;
      Resolved target = resolveImport(import->path, module, stdlibDir_);
      bool standard = import->path.rfind("std/", 0) == 0;
      std::string alias = import->alias ? import->alias->name
                          : standard    ? "std"
                                        : fs::path(import->path).stem().string();
      Span aliasSpan = import->alias ? import->alias->span : import->pathSpan;
      if (!isIdentifier(alias)) {
        ok_ = false;
        sink_.report(DiagCode::InvalidModuleName, import->pathSpan, alias)
            .help(fmt::format("name it: `import \"{}\" as {}`", import->path, suggestAlias(alias)));
        continue;
      }
      bool sharedStd = standard && !import->alias && alias == "std";
      if (auto previous = aliases.find(alias); previous != aliases.end() && !sharedStd) {
        ok_ = false;
        sink_.report(DiagCode::NameClash, aliasSpan, alias)
            .note(previous->second, "`" + alias + "` is first imported here")
            .help(fmt::format("import one of them under another name: `import \"{}\" as {}_2`",
                              import->path, alias));
        continue;
      }
      aliases[alias] = aliasSpan;
      const LoadedModule* imported = load(target, *import);
      if (imported) module.imports[alias].push_back(imported);
    }
    stack_.pop_back();
  }

  static std::string suggestAlias(const std::string& name) {
    std::string out;
    for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "m_" + out;
    return out;
  }

  const LoadedModule* load(const Resolved& target, const ast::ImportDecl& import) {
    std::string key = moduleKey(target.path);
    for (size_t i = 0; i < stack_.size(); ++i) {
      if (stack_[i]->key != key) continue;
      ok_ = false;
      std::string chain;
      for (size_t k = i + 1; k < stack_.size(); ++k) chain += "`" + stack_[k]->file->path() + "`, ";
      chain = chain.empty() ? "itself" : chain.substr(0, chain.size() - 2);
      Diagnostic& d = sink_.report(DiagCode::ImportCycle, import.pathSpan, stack_[i]->file->path(),
                                   chain);
      for (size_t k = i; k < stack_.size(); ++k) {
        d.note(fmt::format("`{}` imports `{}`", stack_[k]->file->path(),
                           k + 1 < stack_.size() ? stack_[k + 1]->file->path() : target.displayPath));
      }
      d.help("move what both modules need into a third module that imports neither");
      return nullptr;
    }
    if (auto it = byKey_.find(key); it != byKey_.end()) return it->second;
    std::error_code error;
    if (!fs::is_regular_file(target.path, error)) {
      ok_ = false;
      Diagnostic& d = sink_.report(DiagCode::ImportNotFound, import.pathSpan, import.path);
      d.note(fmt::format("looked for `{}`", target.displayPath));
      for (size_t k = 0; k + 1 < stack_.size(); ++k) {
        d.note(fmt::format("imported through `{}`", stack_[k]->file->path()));
      }
      if (import.path.rfind("std/", 0) == 0) {
        d.help("the standard library has `std/environments`");
      } else {
        d.help("paths are relative to the importing file, such as `./shared.pgc`");
      }
      return nullptr;
    }
    syntax::LoadResult loaded = syntax::loadSource(target.path, target.displayPath);
    sink_.append(loaded.diagnostics);
    if (!loaded.file) {
      ok_ = false;
      return nullptr;
    }
    const LoadedModule* module = add(loaded.file, key);
    if (module) {
      checkModuleItems(*module);
      resolveImports(*const_cast<LoadedModule*>(module));
    }
    return module;
  }

  // An imported module contributes environments and constants; deployable things belong to
  // the program that imports it.
  void checkModuleItems(const LoadedModule& module) {
    for (const ast::Item& item : module.ast->items) {
      const char* kind = std::visit(
          [](const auto& node) -> const char* {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::ProjectDecl>) return "project";
            if constexpr (std::is_same_v<T, ast::ParamDecl>) return "param";
            if constexpr (std::is_same_v<T, ast::ClusterDecl>) return "cluster";
            if constexpr (std::is_same_v<T, ast::SchemaDecl>) return "schema";
            if constexpr (std::is_same_v<T, ast::RoleDecl>) return "role";
            if constexpr (std::is_same_v<T, ast::OutputDecl>) return "output";
            return nullptr;
          },
          item.node);
      if (!kind) continue;
      ok_ = false;
      sink_.report(DiagCode::DeclarationInModule, item.span, kind)
          .help("imported modules hold `environment` and `let` declarations; declare it in the "
                "program that imports this module");
    }
  }

  std::string stdlibDir_;
  Diagnostics& sink_;
  LoadOutcome outcome_;
  std::map<std::string, const LoadedModule*> byKey_;
  std::vector<const LoadedModule*> stack_;
  bool ok_ = true;
};

}  // namespace

LoadOutcome loadProgram(const std::string& rootPath, const std::string& stdlibDir,
                        Diagnostics& sink) {
  return Loader(stdlibDir, sink).run(rootPath);
}

}  // namespace pgc::sema
