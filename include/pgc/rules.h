// The platform rules: what Azure and Citus would reject at deploy time, or what would hurt in
// production, found in each environment's Model before anything is deployed. The rules read
// the Model and the platform catalog (rules_catalog.h); `@allow` silences a rule on an item,
// and a project's `severities` raise or lower one (docs/language.md, Rules and severities).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pgc/diagnostics.h"
#include "pgc/model.h"
#include "pgc/rules_catalog.h"
#include "pgc/sema.h"

namespace pgc::rules {

// A platform rule (PGC2100 and up): `@allow` silences it and `severities` may change it.
bool isRule(DiagCode code);
// What `severities` may change: the rules, and the warning about an `@allow` that silences
// nothing.
bool severityAdjustable(DiagCode code);
// The code a program writes (`PGC2101`), if it is one of pgc's.
const DiagInfo* findCode(const std::string& text);

// Runs every rule on each environment's Model. It remembers which `@allow` silenced something
// in any environment, so that one that silences nothing anywhere is reported once, at the end.
class RuleRunner {
 public:
  explicit RuleRunner(const PlatformCatalog& catalog) : catalog_(catalog) {}

  // The rules' diagnostics for one environment, with the project's `severities` applied and
  // what `@allow` silences dropped, go to `sink`. Fits sema::AnalysisOptions::checkModel.
  void check(const model::Model& model, Diagnostics& sink);
  // Reports the `@allow`s that silenced nothing in any environment checked.
  void reportUnusedAllows(Diagnostics& sink) const;
  size_t environmentsChecked() const { return environments_; }

 private:
  struct AllowUse {
    model::Suppression allow;
    bool used = false;
  };
  const PlatformCatalog& catalog_;
  std::vector<AllowUse> allows_;
  std::vector<model::NamedValue> severities_;  // the project's, from the last Model checked
  size_t environments_ = 0;
};

// The catalog under `stdlibDir`/platform, or PGC2000 in `sink` saying what is wrong with it.
std::optional<PlatformCatalog> loadPlatformCatalog(const std::string& stdlibDir, Diagnostics& sink);

struct CheckOptions {
  std::string stdlibDir;
  std::optional<std::string> environment;  // check only this one
};

// Semantic analysis of the program at `path` with every rule, for every environment (or the
// one asked for): what `pgc check`, `pgc lint` and `pgc build` report.
sema::AnalysisResult checkProgram(const std::string& path, const PlatformCatalog& catalog,
                                  const CheckOptions& options);

}  // namespace pgc::rules
