// The libraries a cluster preloads, as Azure will see them.
#include "preload_libraries.h"

#include "wording.h"

namespace pgc::rules {

PreloadSetting preloadSetting(const model::Cluster& cluster, const PlatformCatalog& catalog) {
  PreloadSetting out;
  for (const model::NamedValue& setting : cluster.settings) {
    if (setting.name == "shared_preload_libraries") out.setting = &setting;
  }
  out.libraries = out.setting ? splitList(out.setting->value)
                              : catalog.preloadFor(cluster.version.value).defaults;
  return out;
}

}  // namespace pgc::rules
