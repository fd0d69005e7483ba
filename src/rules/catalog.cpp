// Lookups into the platform catalog that several rules share.
#include <algorithm>
#include <cstdlib>

#include "pgc/rules_catalog.h"

namespace pgc::rules {

const ExtensionInfo* PlatformCatalog::extension(const std::string& name) const {
  for (const ExtensionInfo& e : extensions) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const PreloadLibraries& PlatformCatalog::preloadFor(int64_t version) const {
  const PreloadLibraries* best = &preloadLibraries.front();
  for (const PreloadLibraries& p : preloadLibraries) {
    if (std::llabs(p.version - version) < std::llabs(best->version - version)) best = &p;
  }
  return *best;
}

const ColumnTypeInfo* PlatformCatalog::columnType(const std::string& name) const {
  for (const ColumnTypeInfo& t : columnTypes) {
    if (t.name == name) return &t;
    if (std::find(t.aliases.begin(), t.aliases.end(), name) != t.aliases.end()) return &t;
  }
  return nullptr;
}

const Region* PlatformCatalog::region(const std::string& name) const {
  for (const Region& r : regions) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::string PlatformCatalog::citusError(const std::string& key,
                                        const std::map<std::string, std::string>& values) const {
  auto it = citusErrors.find(key);
  std::string out = it == citusErrors.end() ? key : it->second;
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (size_t at = out.find(placeholder); at != std::string::npos;
         at = out.find(placeholder, at + value.size())) {
      out.replace(at, placeholder.size(), value);
    }
  }
  return out;
}

}  // namespace pgc::rules
