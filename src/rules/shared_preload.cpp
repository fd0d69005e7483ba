// PGC2201–PGC2204: server parameters. `shared_preload_libraries` takes a fixed set of values,
// which on a flexible server never includes `citus` — the migration guide's deployment
// failure; `azure.extensions` is pgc's to write (platform.md 3.3).
#include <fmt/format.h>

#include "preload_libraries.h"
#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

// Azure's own rejection, as Resource Manager reports it at deployment.
std::string azureRejection(const PlatformCatalog& catalog, const std::string& value,
                           const std::vector<std::string>& allowed) {
  std::string text = catalog.preloadRejection;
  auto fill = [&](const std::string& key, const std::string& with) {
    size_t at = text.find(key);
    if (at != std::string::npos) text.replace(at, key.size(), with);
  };
  fill("{value}", value);
  fill("{allowed}", joinList(allowed, ","));
  return text;
}

void checkLibraries(RuleContext& context, const model::Cluster& c,
                    const model::NamedValue& setting) {
  const PlatformCatalog& catalog = context.catalog;
  const std::vector<std::string>& allowed = catalog.preloadFor(c.version.value).allowed;
  bool elastic = c.kind.value == model::ClusterKind::Elastic;
  for (const std::string& library : splitList(setting.value)) {
    if (library == "citus" && elastic) {
      context.report(DiagCode::CitusPreloadOnElastic, setting.span, c.span, c.name)
          .help("remove `citus` from `shared_preload_libraries`");
    } else if (library == "citus") {
      context.report(DiagCode::CitusPreloadOnFlexible, setting.span, c.span, c.name)
          .note("Azure rejects it at deployment: " + azureRejection(catalog, library, allowed))
          .note(c.kind.span, "a flexible server: plain PostgreSQL, without Citus")
          .help(
              "use `kind = elastic`: an elastic cluster has Citus built in and preloaded, and "
              "takes `distributed by`, `reference` and distributed schemas");
    } else if (!contains(allowed, library)) {
      Diagnostic& d =
          context
              .report(DiagCode::PreloadNotAllowed, setting.span, c.span, library, c.version.value)
              .note("Azure rejects it at deployment: " + azureRejection(catalog, library, allowed));
      if (auto best = closestName(library, allowed))
        d.help("did you mean `" + *best + "`?");
      else
        d.help("remove it; Azure preloads only " + listNames(allowed));
    }
  }
}

}  // namespace

void checkPreloadLibraries(RuleContext& context) {
  for (const model::Cluster& c : context.model.clusters) {
    for (const model::NamedValue& setting : c.settings) {
      if (setting.name == "shared_preload_libraries") checkLibraries(context, c, setting);
      if (contains(context.catalog.settingsManagedByPgc, setting.name)) {
        context.report(DiagCode::SettingManagedByPgc, setting.span, c.span, setting.name)
            .help("list the extensions in `extensions = [...]`: pgc allows exactly those");
      }
    }
  }
}

}  // namespace pgc::rules
