// The whole check of a program: semantic analysis with the rules plugged in for each
// environment, then what needs every environment at once — `@allow`s that silenced nothing
// anywhere, and messages that name the environments a problem is limited to.
#include <fmt/format.h>

#include <filesystem>

#include "pgc/rules.h"

namespace pgc::rules {
namespace {

constexpr const char* kOnlyIn = "only in environment";

// What the rules report, PGC2000 to PGC2999, as against what semantic analysis reports.
bool fromRules(DiagCode code) {
  int number = info(code).number;
  return number >= 2000 && number < 3000;
}

// "only in environments `dev` or `test`" → " in `dev` and `test`".
std::string environmentsOf(const std::string& note) {
  std::string names = note.substr(note.find('`'));
  size_t last = names.rfind(" or ");
  if (last != std::string::npos) names.replace(last, 4, " and ");
  return " in " + names;
}

// A rule's problem that only some environments have names them in its message, before the
// first `; `, in place of semantic analysis's "only in environment" note.
Diagnostic withEnvironmentsInMessage(Diagnostic d) {
  if (!fromRules(d.code)) return d;
  for (auto it = d.notes.begin(); it != d.notes.end(); ++it) {
    if (it->span || it->message.rfind(kOnlyIn, 0) != 0) continue;
    std::string where = environmentsOf(it->message);
    size_t at = d.message.find("; ");
    d.message.insert(at == std::string::npos ? d.message.size() : at, where);
    d.notes.erase(it);
    break;
  }
  return d;
}

bool semanticErrors(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity == Severity::Error && !fromRules(d.code)) return true;
  }
  return false;
}

}  // namespace

std::optional<PlatformCatalog> loadPlatformCatalog(const std::string& stdlibDir,
                                                   Diagnostics& sink) {
  std::string dir = (std::filesystem::path(stdlibDir) / "platform").string();
  CatalogLoad load = loadCatalog(dir);
  if (load.catalog) return std::move(load.catalog);
  sink.report(DiagCode::PlatformCatalogInvalid, Span{}, load.file, load.error)
      .note("pgc reads what Azure and Citus accept from the JSON files of this folder")
      .help(
          "reinstall pgc, or point `--stdlib` at a standard library whose `platform/` folder "
          "is complete");
  return std::nullopt;
}

sema::AnalysisResult checkProgram(const std::string& path, const PlatformCatalog& catalog,
                                  const CheckOptions& options) {
  RuleRunner runner(catalog);
  sema::AnalysisOptions analysis{
      options.stdlibDir, options.environment,
      [&runner](const model::Model& model, Diagnostics& sink) { runner.check(model, sink); }};
  sema::AnalysisResult result = sema::analyzeFile(path, analysis);
  if (runner.environmentsChecked() == 0) return result;
  // A program that does not analyse cleanly is not judged against the platform: the rules saw
  // only the environments and items that did, and would speak of a program not yet written.
  bool broken = semanticErrors(result.diagnostics);
  Diagnostics final;
  for (const Diagnostic& d : result.diagnostics.all()) {
    if (broken && fromRules(d.code)) continue;
    final.add(withEnvironmentsInMessage(d));
  }
  // With one environment asked for, an `@allow` used only in another would look unused.
  if (!broken && !options.environment) runner.reportUnusedAllows(final);
  final.sortByLocation();
  result.diagnostics = std::move(final);
  return result;
}

}  // namespace pgc::rules
