// What a rule sees and how it reports: one environment's Model, the platform catalog, and a
// report() that records, beside each diagnostic, the construct it is about (the cluster,
// table or parameter), which is what `@allow` on that construct silences.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pgc/diagnostics.h"
#include "pgc/model.h"
#include "pgc/rules_catalog.h"

namespace pgc::rules {

class RuleContext {
 public:
  RuleContext(const model::Model& model, const PlatformCatalog& catalog)
      : model(model), catalog(catalog) {}

  const model::Model& model;
  const PlatformCatalog& catalog;

  bool prodStage() const { return model.environment.stage.value == model::Stage::Prod; }

  // Reports `code` at `span` about the construct whose name is at `subject`.
  template <typename... Args>
  Diagnostic& report(DiagCode code, const Span& span, const Span& subject, Args&&... args) {
    subjects_.push_back(subject);
    return found_.add(makeDiagnostic(code, span, std::forward<Args>(args)...));
  }

  const Diagnostics& found() const { return found_; }
  const std::vector<Span>& subjects() const { return subjects_; }

 private:
  Diagnostics found_;
  std::vector<Span> subjects_;  // one per diagnostic of found_
};

// Each family of rules, one file each under src/rules/.
void checkElasticNodes(RuleContext& context);         // cluster_nodes.cpp
void checkVersions(RuleContext& context);             // cluster_version.cpp
void checkCompute(RuleContext& context);              // cluster_compute.cpp
void checkStorageAndBackup(RuleContext& context);     // cluster_storage.cpp
void checkPreloadLibraries(RuleContext& context);     // shared_preload.cpp
void checkExtensions(RuleContext& context);           // extensions.cpp
void checkNames(RuleContext& context);                // names_and_logins.cpp
void checkNetwork(RuleContext& context);              // network.cpp
void checkLocations(RuleContext& context);            // location.cpp
void checkProdPolicies(RuleContext& context);         // prod_policies.cpp
void checkDistributionColumns(RuleContext& context);  // distribution_column.cpp
void checkUniqueConstraints(RuleContext& context);    // unique_constraints.cpp
void checkForeignKeys(RuleContext& context);          // foreign_keys.cpp
void checkColocation(RuleContext& context);           // colocation.cpp
void checkDistributedSchemas(RuleContext& context);   // distributed_schemas.cpp
void checkCitusAvailability(RuleContext& context);    // citus_availability.cpp
void checkColumnTypes(RuleContext& context);          // column_types.cpp

}  // namespace pgc::rules
