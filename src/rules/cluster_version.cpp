// PGC2110–PGC2111: the PostgreSQL major version. Azure offers 11 to 18; elastic clusters are
// created with 17 only (platform.md 1.3, 3.1).
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

bool listed(const std::vector<int64_t>& versions, int64_t version) {
  return std::find(versions.begin(), versions.end(), version) != versions.end();
}

// The catalogued version closest to `version`, the newer one on a tie.
int64_t nearest(const std::vector<int64_t>& versions, int64_t version) {
  int64_t best = versions.front();
  for (int64_t v : versions) {
    if (std::llabs(v - version) < std::llabs(best - version) ||
        (std::llabs(v - version) == std::llabs(best - version) && v > best)) {
      best = v;
    }
  }
  return best;
}

std::string versionRange(const std::vector<int64_t>& versions) {
  auto [low, high] = std::minmax_element(versions.begin(), versions.end());
  return fmt::format("{} to {}", *low, *high);
}

}  // namespace

void checkVersions(RuleContext& context) {
  const PlatformCatalog& catalog = context.catalog;
  for (const model::Cluster& c : context.model.clusters) {
    const auto& version = c.version;
    bool elastic = c.kind.value == model::ClusterKind::Elastic;
    int64_t wanted = nearest(elastic ? catalog.elasticVersions : catalog.versions, version.value);
    if (!listed(catalog.versions, version.value)) {
      context
          .report(DiagCode::UnsupportedVersion, version.span, c.span, version.value,
                  versionRange(catalog.versions))
          .help(fmt::format("use `version = {}`", wanted));
    } else if (elastic && !listed(catalog.elasticVersions, version.value)) {
      context.report(DiagCode::ElasticVersion, version.span, c.span, c.name, version.value, wanted)
          .note(fmt::format("the Azure CLI refuses it: {}", catalog.elasticVersionError))
          .note(
              "an elastic cluster has no major-version upgrade: the version it is created "
              "with is the one it keeps")
          .help(fmt::format("use `version = {}`", wanted));
    }
  }
}

}  // namespace pgc::rules
