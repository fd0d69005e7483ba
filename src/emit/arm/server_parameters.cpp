// The server parameters a cluster's `configurations` children set: the `azure.extensions`
// allow-list from its extensions and the types its tables use, `shared_preload_libraries`
// when an extension needs a library the server would not otherwise preload (platform.md
// §3.3, §4), and the program's own settings.
#include <algorithm>
#include <cctype>

#include "arm_parts.h"

namespace pgc::emit::arm {
namespace {

constexpr const char* kAllowList = "azure.extensions";
constexpr const char* kPreload = "shared_preload_libraries";

std::string lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A comma-separated server parameter, one entry per item, without the blanks around them.
std::vector<std::string> splitList(const std::string& value) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    std::string item = value.substr(start, comma == std::string::npos ? comma : comma - start);
    size_t begin = item.find_first_not_of(" \t");
    if (begin != std::string::npos)
      items.push_back(item.substr(begin, item.find_last_not_of(" \t") - begin + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

// Adds `item` unless the list has it already (Azure compares these names case-insensitively).
void addOnce(std::vector<std::string>& list, const std::string& item) {
  auto same = [&](const std::string& x) { return lowered(x) == lowered(item); };
  if (std::none_of(list.begin(), list.end(), same)) list.push_back(item);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

const model::NamedValue* setting(const model::Cluster& cluster, const std::string& name) {
  for (const model::NamedValue& s : cluster.settings) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The cluster's extensions, then those that provide a column type its tables use.
std::vector<std::string> allowList(const model::Model& model, const model::Cluster& cluster,
                                   const rules::PlatformCatalog& catalog) {
  std::vector<std::string> names;
  if (const model::NamedValue* own = setting(cluster, kAllowList)) names = splitList(own->value);
  for (const model::NamedValue& extension : cluster.extensions) {
    if (!listed(catalog.neverListedExtensions, extension.name)) addOnce(names, extension.name);
  }
  for (const model::Schema& schema : model.schemas) {
    if (schema.cluster != cluster.name) continue;
    for (const model::Table& table : schema.tables) {
      for (const model::Column& column : table.columns) {
        for (const rules::ExtensionInfo& extension : catalog.extensions) {
          if (listed(extension.types, lowered(column.type.name))) addOnce(names, extension.name);
        }
      }
    }
  }
  return names;
}

// What the server must preload: the program's setting, or else what Azure preloads by default
// on this version, plus each extension's library that Azure does not preload everywhere.
// Left out when that is Azure's default anyway: there is nothing to change.
std::optional<std::string> preloadLibraries(const model::Cluster& cluster,
                                            const rules::PlatformCatalog& catalog) {
  const model::NamedValue* own = setting(cluster, kPreload);
  std::vector<std::string> libraries =
      own ? splitList(own->value) : catalog.preloadFor(cluster.version.value).defaults;
  size_t before = libraries.size();
  for (const model::NamedValue& listedExtension : cluster.extensions) {
    const rules::ExtensionInfo* info = catalog.extension(listedExtension.name);
    if (!info || info->preloadLibrary.empty()) continue;
    if (listed(catalog.preloadedEverywhere, info->preloadLibrary)) continue;
    addOnce(libraries, info->preloadLibrary);
  }
  if (!own && libraries.size() == before) return std::nullopt;
  return own && libraries.size() == before ? own->value : joined(libraries);
}

}  // namespace

std::vector<ServerParameter> serverParameters(const model::Model& model,
                                              const model::Cluster& cluster,
                                              const rules::PlatformCatalog& catalog) {
  std::vector<ServerParameter> parameters;
  std::vector<std::string> extensions = allowList(model, cluster, catalog);
  if (!extensions.empty()) parameters.push_back({kAllowList, joined(extensions)});
  if (auto preload = preloadLibraries(cluster, catalog)) parameters.push_back({kPreload, *preload});
  for (const model::NamedValue& s : cluster.settings) {
    if (s.name != kAllowList && s.name != kPreload) parameters.push_back({s.name, s.value});
  }
  return parameters;
}

}  // namespace pgc::emit::arm
