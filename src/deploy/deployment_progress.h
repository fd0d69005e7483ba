// Progress of a running deployment, per resource, from its deployment operations
// (platform.md §8.2): a line when a resource finishes, and a one-line summary for the status.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pgc/deploy/arm_client.h"
#include "pgc/deploy/deploy_console.h"

namespace pgc::deploy {

class DeploymentProgress {
 public:
  // Reads a page of operations (`value`) and reports what changed since the last reading.
  void update(const nlohmann::json& operations, DeployConsole& console);
  // "2 of 5 resources done; running: flexibleServers/emergency-alerts-prod-main".
  std::string summary() const;
  // The failed operations' errors, each with the resource it names.
  const std::vector<std::pair<std::string, ArmError>>& failures() const { return failures_; }

 private:
  struct Resource {
    std::string label;  // "flexibleServers/emergency-alerts-prod-main"
    std::string state;
  };
  std::vector<std::string> order_;  // resource ids as first seen
  std::map<std::string, Resource> resources_;
  std::vector<std::pair<std::string, ArmError>> failures_;
};

// Reads every page of the deployment's operations; null when ARM did not answer.
nlohmann::json listOperations(ArmClient& arm, const std::string& deploymentPath);

}  // namespace pgc::deploy
