// PGC2210–PGC2214: the `extensions` of a cluster. Each must be one Azure offers for the
// server's version and kind, with its library preloaded when it needs one; `citus` is never
// listed (platform.md 1.5, 3.3, 4).
#include <fmt/format.h>

#include <algorithm>

#include "preload_libraries.h"
#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

// The help that adds `library` to the libraries the server preloads now.
std::string preloadHelp(const PreloadSetting& preload, const std::string& library) {
  std::vector<std::string> wanted = preload.libraries;
  wanted.push_back(library);
  std::string value = joinList(wanted, ",");
  if (preload.setting)
    return fmt::format("preload it too: `shared_preload_libraries = \"{}\"`", value);
  return fmt::format(
      "add `settings = {{ shared_preload_libraries = \"{}\" }}`; the server restarts "
      "to load it",
      value);
}

void checkExtension(RuleContext& context, const model::Cluster& c, const model::NamedValue& listed,
                    const PreloadSetting& preload) {
  const PlatformCatalog& catalog = context.catalog;
  bool elastic = c.kind.value == model::ClusterKind::Elastic;
  const std::string& name = listed.name;
  if (contains(catalog.neverListedExtensions, name)) {
    context
        .report(DiagCode::CitusInExtensions, listed.span, c.span,
                elastic ? "elastic cluster" : "flexible server", c.name)
        .help(elastic ? "remove it: an elastic cluster has Citus built in and created"
                      : "use `kind = elastic`: Citus runs only on elastic clusters");
    return;
  }
  if (elastic && contains(catalog.elasticUnsupportedExtensions, name)) {
    context.report(DiagCode::ExtensionUnsupportedOnElastic, listed.span, c.span, name)
        .note("Azure does not offer " + listNames(catalog.elasticUnsupportedExtensions) +
              " on elastic clusters")
        .help("remove it, or keep the data that needs it on a flexible server");
    return;
  }
  const ExtensionInfo* info = catalog.extension(name);
  if (!info) {
    std::vector<std::string> names;
    for (const ExtensionInfo& e : catalog.extensions) names.push_back(e.name);
    Diagnostic& d = context.report(DiagCode::UnknownExtension, listed.span, c.span, name);
    if (auto best = closestName(name, names))
      d.help("did you mean `" + *best + "`?");
    else
      d.help("`pgc explain PGC2210` lists where to find the extensions Azure offers");
    return;
  }
  const auto& versions = info->unavailableOnVersions;
  if (std::find(versions.begin(), versions.end(), c.version.value) != versions.end()) {
    context.report(DiagCode::ExtensionNotOnVersion, listed.span, c.span, name, c.version.value)
        .help("remove it, or choose a PostgreSQL version that has it");
    return;
  }
  if (!info->preloadLibrary.empty() && !contains(preload.libraries, info->preloadLibrary) &&
      !contains(catalog.preloadedEverywhere, info->preloadLibrary)) {
    Diagnostic& d = context.report(DiagCode::ExtensionNeedsPreload, listed.span, c.span, name,
                                   info->preloadLibrary);
    if (preload.setting)
      d.note(preload.setting->span, "the libraries this server preloads");
    else
      d.note(fmt::format("Azure preloads only {} on PostgreSQL {} unless told otherwise",
                         listNames(preload.libraries), c.version.value));
    d.help(preloadHelp(preload, info->preloadLibrary));
  }
}

}  // namespace

void checkExtensions(RuleContext& context) {
  for (const model::Cluster& c : context.model.clusters) {
    PreloadSetting preload = preloadSetting(c, context.catalog);
    for (const model::NamedValue& listed : c.extensions)
      checkExtension(context, c, listed, preload);
  }
}

}  // namespace pgc::rules
