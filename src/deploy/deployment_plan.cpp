// The deployment's name, paths and body (platform.md §8.1, §8.2): what every ARM call of a
// deploy shares, and the masked form --dry-run shows.
#include <fmt/format.h>

#include <cstdint>

#include "pgc/deploy/arm_deployment.h"

namespace pgc::deploy {

namespace {

// FNV-1a: stable on every machine, enough to tell two programs' deployments apart.
uint64_t fnv1a(const std::string& text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

// Keeps what a deployment name may hold (`[-\w._()]`), turning anything else into `-`.
std::string nameSafe(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == '(' || c == ')';
    out += ok ? c : '-';
  }
  return out;
}

}  // namespace

std::string deploymentName(const std::string& project, const std::string& environment,
                           const nlohmann::ordered_json& armTemplate,
                           const nlohmann::ordered_json& publicParameters) {
  std::string hash =
      fmt::format("{:016x}", fnv1a(armTemplate.dump() + "\n" + publicParameters.dump()))
          .substr(0, 8);
  std::string stem = nameSafe(project + "-" + environment);
  const size_t room = 64 - 1 - hash.size();
  if (stem.size() > room) stem.resize(room);
  return stem + "-" + hash;
}

std::string DeploymentPlan::resourceGroupPath() const {
  return fmt::format("/subscriptions/{}/resourcegroups/{}", subscription, resourceGroup);
}

std::string DeploymentPlan::deploymentPath() const {
  std::string scope =
      subscriptionScope ? fmt::format("/subscriptions/{}", subscription) : resourceGroupPath();
  return scope + "/providers/Microsoft.Resources/deployments/" + name;
}

nlohmann::ordered_json DeploymentPlan::body(bool masked) const {
  nlohmann::ordered_json values = parameters;
  if (masked) {
    for (const std::string& name : secureParameters) {
      if (values.contains(name)) values[name]["value"] = "***";
    }
  }
  nlohmann::ordered_json body;
  if (subscriptionScope) body["location"] = location;
  body["properties"] = {{"mode", "Incremental"}, {"template", armTemplate}, {"parameters", values}};
  return body;
}

}  // namespace pgc::deploy
