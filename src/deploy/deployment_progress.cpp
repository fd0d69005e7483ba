// Turns deployment operations into progress lines: each resource once when it starts (in CI
// logs), once when it ends, with its duration, and a summary for the live status line.
#include "deployment_progress.h"

#include <fmt/format.h>

namespace pgc::deploy {

namespace {

// "flexibleServers/x/firewallRules/y" from a resource type and name.
std::string labelOf(const nlohmann::json& target) {
  std::string type = target.value("resourceType", "");
  size_t slash = type.find('/');
  std::string shortType = slash == std::string::npos ? type : type.substr(slash + 1);
  return shortType + " " + target.value("resourceName", "");
}

// ISO 8601 durations as ARM writes them ("PT3M12.5S") shortened to "3m12s".
std::string durationText(const std::string& iso) {
  if (iso.rfind("PT", 0) != 0) return iso;
  std::string out;
  std::string number;
  for (size_t i = 2; i < iso.size(); ++i) {
    char c = iso[i];
    if ((c >= '0' && c <= '9') || c == '.') {
      number += c;
      continue;
    }
    std::string whole = number.substr(0, number.find('.'));
    if (!whole.empty()) out += whole + static_cast<char>(c - 'A' + 'a');
    number.clear();
  }
  return out.empty() ? "0s" : out;
}

bool terminal(const std::string& state) {
  return state == "Succeeded" || state == "Failed" || state == "Canceled";
}

}  // namespace

void DeploymentProgress::update(const nlohmann::json& operations, DeployConsole& console) {
  if (!operations.is_array()) return;
  for (const nlohmann::json& operation : operations) {
    const nlohmann::json properties = operation.value("properties", nlohmann::json::object());
    if (!properties.contains("targetResource")) continue;  // output evaluation and the like
    const nlohmann::json& target = properties["targetResource"];
    std::string id = target.value("id", "");
    std::string state = properties.value("provisioningState", "");
    if (id.empty() || state.empty()) continue;
    auto found = resources_.find(id);
    if (found == resources_.end()) {
      order_.push_back(id);
      found = resources_.emplace(id, Resource{labelOf(target), ""}).first;
    }
    Resource& resource = found->second;
    if (resource.state == state) continue;
    resource.state = state;
    if (!terminal(state)) {
      console.say(fmt::format("  {} … {}", resource.label, state));
      continue;
    }
    std::string duration = durationText(properties.value("duration", ""));
    console.say(fmt::format("  {} {} {}{}", state == "Succeeded" ? "✓" : "✗", resource.label, state,
                            duration.empty() ? "" : " (" + duration + ")"));
    if (state == "Failed" && properties.contains("statusMessage")) {
      ArmError error = parseArmError(properties["statusMessage"]);
      if (!error.code.empty() || !error.message.empty()) {
        failures_.emplace_back(resource.label, error);
      }
    }
  }
}

std::string DeploymentProgress::summary() const {
  if (order_.empty()) return "accepted; waiting for the first resource to start";
  size_t done = 0;
  std::string running;
  for (const std::string& id : order_) {
    const Resource& resource = resources_.at(id);
    if (terminal(resource.state)) {
      ++done;
    } else if (running.empty()) {
      running = resource.label;
    }
  }
  std::string out = fmt::format("{} of {} resources done", done, order_.size());
  return running.empty() ? out : out + "; running: " + running;
}

nlohmann::json listOperations(ArmClient& arm, const std::string& deploymentPath) {
  nlohmann::json all = nlohmann::json::array();
  std::string next = deploymentPath + "/operations";
  for (int page = 0; !next.empty() && page < 100; ++page) {
    ArmReply reply = arm.call("GET", next);
    if (!reply.ok() || !reply.body.is_object()) return page == 0 ? nlohmann::json() : all;
    for (const nlohmann::json& operation : reply.body.value("value", nlohmann::json::array())) {
      all.push_back(operation);
    }
    next = reply.body.value("nextLink", "");
  }
  return all;
}

}  // namespace pgc::deploy
