// Semantic analysis: resolves imports and names, evaluates the program once per environment
// and produces one Model per environment, or the diagnostics that stop it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pgc/ast.h"
#include "pgc/diagnostics.h"
#include "pgc/model.h"

namespace pgc::sema {

struct LoadedModule {
  SourceFilePtr file;
  std::unique_ptr<ast::Module> ast;
  std::string key;  // canonical path: identifies the module across imports
  // alias → modules: `std` gathers every `std/…` module imported without `as`.
  std::map<std::string, std::vector<const LoadedModule*>> imports;
};

// The root module and everything it imports, parsed.
struct Program {
  std::vector<std::unique_ptr<LoadedModule>> modules;
  const LoadedModule* root = nullptr;
};

// A later stage's checks of one environment's Model (the platform rules), run before the
// diagnostics of all environments are merged, so that theirs say which environments too.
using ModelCheck = std::function<void(const model::Model&, Diagnostics&)>;

struct AnalysisOptions {
  std::string stdlibDir;                   // where `std/…` imports are found
  std::optional<std::string> environment;  // analyse only this one
  ModelCheck checkModel;                   // optional
};

struct AnalysisResult {
  std::vector<SourceFilePtr> sources;  // every file read: spans in models and diagnostics point here
  std::vector<model::Model> models;    // one per environment, in declaration order
  Diagnostics diagnostics;
  bool ioError = false;     // the root file could not be read
  bool usageError = false;  // `--env` named no environment of the program
};

// Loads, parses and analyses the program whose root file is `path`.
AnalysisResult analyzeFile(const std::string& path, const AnalysisOptions& options);

// The stdlib directory: beside an installed binary (../share/pgc/stdlib), else the source tree.
std::string defaultStdlibDir(const std::string& executablePath);

}  // namespace pgc::sema
