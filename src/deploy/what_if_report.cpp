// Renders ARM's what-if changes the way `az deployment group what-if` does: a symbol per change
// type, the resource by type and name, and for a modification each property that moves.
#include "what_if_report.h"

#include <fmt/format.h>

#include <map>
#include <vector>

namespace pgc::deploy {

namespace {

const char* symbolOf(const std::string& changeType) {
  static const std::map<std::string, const char*> kSymbols = {
      {"Create", "+"}, {"Delete", "-"},      {"Modify", "~"}, {"Deploy", "!"},  {"NoChange", "="},
      {"Ignore", "*"}, {"Unsupported", "x"}, {"Array", "~"},  {"NoEffect", "="}};
  auto found = kSymbols.find(changeType);
  return found == kSymbols.end() ? "?" : found->second;
}

// `Microsoft.DBforPostgreSQL/flexibleServers/x/firewallRules/y` from a full resource id.
std::string shortId(const std::string& id) {
  size_t providers = id.rfind("/providers/");
  if (providers != std::string::npos) return id.substr(providers + 11);
  size_t group = id.find("/resourceGroups/");
  if (group == std::string::npos) group = id.find("/resourcegroups/");
  return group == std::string::npos ? id : "resourceGroups/" + id.substr(group + 16);
}

std::string valueText(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  return value.is_string() ? "\"" + value.get<std::string>() + "\"" : value.dump();
}

void renderDelta(const nlohmann::json& delta, int depth, std::string& out) {
  std::string pad(static_cast<size_t>(4 + depth * 2), ' ');
  for (const nlohmann::json& change : delta) {
    std::string kind = change.value("propertyChangeType", "");
    std::string path = change.value("path", "");
    std::string line = fmt::format("{}{} {}", pad, symbolOf(kind), path);
    if (kind == "Modify") {
      line += fmt::format(": {} => {}", valueText(change.value("before", nlohmann::json())),
                          valueText(change.value("after", nlohmann::json())));
    } else if (kind == "Create") {
      line += ": " + valueText(change.value("after", nlohmann::json()));
    } else if (kind == "Delete") {
      line += ": " + valueText(change.value("before", nlohmann::json()));
    }
    out += line + "\n";
    if (change.contains("children") && change["children"].is_array()) {
      renderDelta(change["children"], depth + 1, out);
    }
  }
}

}  // namespace

std::string renderWhatIf(const nlohmann::json& result) {
  const nlohmann::json& properties = result.contains("properties") ? result["properties"] : result;
  nlohmann::json changes = properties.value("changes", nlohmann::json::array());
  std::map<std::string, int> counts;
  std::string lines;
  for (const nlohmann::json& change : changes) {
    std::string type = change.value("changeType", "");
    ++counts[type];
    lines += fmt::format("  {} {}", symbolOf(type), shortId(change.value("resourceId", "")));
    if (type == "Unsupported" && change.contains("unsupportedReason")) {
      lines += " (" + change.value("unsupportedReason", "") + ")";
    }
    lines += "\n";
    if (type == "Modify" && change.contains("delta")) renderDelta(change["delta"], 0, lines);
  }
  static const std::vector<std::pair<std::string, const char*>> kOrder = {
      {"Create", "to create"},       {"Modify", "to modify"},   {"Delete", "to delete"},
      {"Deploy", "to deploy"},       {"NoChange", "unchanged"}, {"Ignore", "ignored"},
      {"Unsupported", "unsupported"}};
  std::string summary;
  for (const auto& [type, words] : kOrder) {
    if (counts[type] == 0) continue;
    summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", counts[type], words);
  }
  if (summary.empty()) summary = "no changes";
  return fmt::format("What-if: {}\n{}", summary, lines);
}

}  // namespace pgc::deploy
