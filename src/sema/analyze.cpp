// The semantic analysis driver: load the program, index it, then build the Model of each
// environment. A problem that only some environments have says which ones.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "environments.h"
#include "model_builder.h"
#include "module_loader.h"
#include "pgc/sema.h"
#include "program_index.h"
#include "suggest.h"

namespace pgc::sema {
namespace {

using DiagnosticKey = std::tuple<std::string, uint32_t, uint32_t, int, std::string>;

DiagnosticKey keyOf(const Diagnostic& d) {
  return {d.span.valid() ? d.span.file->path() : "", d.span.begin, d.span.end,
          static_cast<int>(d.code), d.message};
}

// Diagnostics of several environments, each reported once.
class EnvironmentDiagnostics {
 public:
  void add(const std::string& environment, const Diagnostics& diagnostics) {
    environments_.push_back(environment);
    for (const Diagnostic& d : diagnostics.all()) {
      auto [it, inserted] = index_.emplace(keyOf(d), occurrences_.size());
      if (inserted) occurrences_.push_back({d, {}});
      auto& seenIn = occurrences_[it->second].environments;
      if (seenIn.empty() || seenIn.back() != environment) seenIn.push_back(environment);
    }
  }

  void moveTo(Diagnostics& out) {
    for (auto& [diagnostic, seenIn] : occurrences_) {
      if (environments_.size() > 1 && seenIn.size() < environments_.size()) {
        std::vector<std::string> names;
        for (const std::string& e : seenIn) names.push_back(e);
        diagnostic.note(fmt::format("only in environment{} {}", names.size() == 1 ? "" : "s",
                                    listNames(names)));
      }
      out.add(std::move(diagnostic));
    }
  }

 private:
  struct Occurrence {
    Diagnostic diagnostic;
    std::vector<std::string> environments;
  };
  std::vector<std::string> environments_;
  std::vector<Occurrence> occurrences_;
  std::map<DiagnosticKey, size_t> index_;
};

}  // namespace

std::string defaultStdlibDir(const std::string& executablePath) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path binary = fs::weakly_canonical(executablePath, error);
  fs::path installed = binary.parent_path().parent_path() / "share" / "pgc" / "stdlib";
  if (!error && fs::is_directory(installed, error)) return installed.string();
  return PGC_SOURCE_STDLIB;
}

AnalysisResult analyzeFile(const std::string& path, const AnalysisOptions& options) {
  AnalysisResult result;
  Diagnostics global;
  LoadOutcome loaded = loadProgram(path, options.stdlibDir, global);
  result.ioError = loaded.ioError;
  result.sources = loaded.files;
  if (!loaded.ok) {
    global.removeDuplicates();
    result.diagnostics = std::move(global);
    return result;
  }
  ProgramIndex index = indexProgram(loaded.program, global);
  std::vector<Declared<ast::EnvironmentDecl>> targets = index.environments;
  if (options.environment) {
    auto wanted = std::find_if(targets.begin(), targets.end(), [&](const auto& e) {
      return e.decl->name.name == *options.environment;
    });
    if (wanted == targets.end()) {
      std::vector<std::string> names;
      for (const auto& e : targets) names.push_back(e.decl->name.name);
      Diagnostic& d = global.report(DiagCode::UnknownEnvironment, Span{}, *options.environment);
      if (auto best = closestName(*options.environment, names)) {
        d.help("did you mean `" + *best + "`?");
      } else if (!names.empty()) {
        d.help("the environments are " + listNames(names));
      }
      result.usageError = true;
      global.removeDuplicates();
    result.diagnostics = std::move(global);
      return result;
    }
    targets = {*wanted};
  }
  std::string projectName = index.project.decl ? index.project.decl->name : "";
  EnvironmentResolver environments(index, global);
  EnvironmentDiagnostics perEnvironment;
  for (const auto& target : targets) {
    std::optional<EnvContext> env = environments.resolve(target, projectName);
    if (!env) continue;
    Diagnostics sink;
    model::Model model = ModelBuilder(index, *env, sink).build();
    if (options.checkModel && !sink.hasErrors()) options.checkModel(model, sink);
    perEnvironment.add(target.decl->name.name, sink);
    if (!sink.hasErrors()) result.models.push_back(std::move(model));
  }
  perEnvironment.moveTo(global);
  global.removeDuplicates();
  result.diagnostics = std::move(global);
  result.diagnostics.sortByLocation();
  if (result.diagnostics.hasErrors()) result.models.clear();
  return result;
}

}  // namespace pgc::sema
