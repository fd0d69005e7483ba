// PGC2410–PGC2411: the Azure region of each cluster must be one where Azure Database for
// PostgreSQL runs; a restricted region needs access first (platform.md 10).
#include <fmt/format.h>

#include <cctype>

#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

// "Australia East" and "australia-east" are the region `australiaeast`.
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

void checkLocation(RuleContext& context, const model::Located<std::string>& location,
                   const Span& subject) {
  const PlatformCatalog& catalog = context.catalog;
  if (location.value.empty()) return;
  if (const Region* region = catalog.region(location.value)) {
    if (region->restricted) {
      context
          .report(DiagCode::RestrictedRegion, location.span, subject, region->name,
                  region->displayName)
          .help(
              "request access to the region for your subscription before deploying, or choose "
              "another region");
    }
    return;
  }
  std::vector<std::string> names;
  for (const Region& r : catalog.regions) names.push_back(r.name);
  Diagnostic& d = context.report(DiagCode::UnknownRegion, location.span, subject, location.value);
  if (const Region* region = catalog.region(squeezed(location.value))) {
    d.help(fmt::format("write the region's programmatic name: `\"{}\"`", region->name));
  } else if (auto best = closestName(location.value, names)) {
    d.help("did you mean `" + *best + "`?");
  } else {
    d.help("use a region's programmatic name, such as `\"westeurope\"` or `\"australiaeast\"`");
  }
}

}  // namespace

void checkLocations(RuleContext& context) {
  // Each cluster's region, its own or the environment's: an `@allow` on the cluster silences
  // it there. The environment's region alone matters only when there is no cluster.
  for (const model::Cluster& c : context.model.clusters) checkLocation(context, c.location, c.span);
  const model::Environment& env = context.model.environment;
  if (context.model.clusters.empty()) checkLocation(context, env.location, env.span);
}

}  // namespace pgc::rules
