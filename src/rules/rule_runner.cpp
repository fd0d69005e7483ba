// Runs the rule families on one environment's Model, then applies the project's `severities`
// and the program's `@allow`s to what they found.
#include <fmt/format.h>

#include "pgc/rules.h"
#include "rule_context.h"
#include "suppressions.h"

namespace pgc::rules {
namespace {

using RuleFamily = void (*)(RuleContext&);

// In the order their diagnostics should read when they share a place.
const RuleFamily kRuleFamilies[] = {
    checkElasticNodes,
    checkVersions,
    checkCompute,
    checkStorageAndBackup,
    checkNetwork,
    checkPreloadLibraries,
    checkExtensions,
    checkNames,
    checkLocations,
    checkProdPolicies,
    checkCitusAvailability,
    checkDistributedSchemas,
    checkDistributionColumns,
    checkUniqueConstraints,
    checkForeignKeys,
    checkColocation,
    checkColumnTypes,
};

}  // namespace

bool isRule(DiagCode code) {
  int number = info(code).number;
  return number >= 2100 && number < 3000;
}

bool severityAdjustable(DiagCode code) { return isRule(code) || code == DiagCode::UnusedAllow; }

const DiagInfo* findCode(const std::string& text) {
  for (const DiagInfo& entry : allDiagnostics()) {
    if (codeString(entry.code) == text) return &entry;
  }
  return nullptr;
}

void RuleRunner::check(const model::Model& model, Diagnostics& sink) {
  ++environments_;
  severities_ = model.project.severities;
  SeverityOverrides overrides = readSeverityOverrides(model.project, sink);
  for (const model::Suppression& allow : model.suppressions) {
    if (!checkAllowCode(allow, sink)) continue;
    bool known = false;
    for (const AllowUse& use : allows_)
      known = known || sameSpan(use.allow.decorator, allow.decorator);
    if (!known) allows_.push_back({allow, false});
  }

  RuleContext context(model, catalog_);
  for (RuleFamily family : kRuleFamilies) family(context);
  const auto& found = context.found().all();
  for (size_t i = 0; i < found.size(); ++i) {
    Diagnostic d = found[i];
    const Span& subject = context.subjects()[i];
    bool silenced = false;
    for (AllowUse& use : allows_) {
      if (silences(use.allow, d, subject)) {
        use.used = true;
        silenced = true;
      }
    }
    if (silenced) continue;
    applyOverride(overrides, d);
    sink.add(std::move(d));
  }
}

void RuleRunner::reportUnusedAllows(Diagnostics& sink) const {
  Diagnostics ignored;
  model::Project project;
  project.severities = severities_;
  SeverityOverrides overrides = readSeverityOverrides(project, ignored);
  for (const AllowUse& use : allows_) {
    if (use.used) continue;
    Diagnostic d = makeDiagnostic(DiagCode::UnusedAllow, use.allow.decorator, use.allow.code);
    d.help(
        fmt::format("remove it: no `{}` is reported inside the item it stands on, in any "
                    "environment",
                    use.allow.code));
    applyOverride(overrides, d);
    sink.add(std::move(d));
  }
}

}  // namespace pgc::rules
