// What a cluster preloads: its `shared_preload_libraries` setting when the program sets one,
// else what Azure preloads by default for its PostgreSQL version (platform.md 3.3).
#pragma once

#include <string>
#include <vector>

#include "pgc/model.h"
#include "pgc/rules_catalog.h"

namespace pgc::rules {

struct PreloadSetting {
  const model::NamedValue* setting = nullptr;  // null when the program leaves it to Azure
  std::vector<std::string> libraries;          // what the server preloads
};

PreloadSetting preloadSetting(const model::Cluster& cluster, const PlatformCatalog& catalog);

}  // namespace pgc::rules
