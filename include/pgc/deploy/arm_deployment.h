// One ARM deployment followed from start to end: the resource group ensured, the template
// validated, optionally what-if'd and confirmed, PUT under a deterministic name, followed
// through its async operation with progress per resource, and its outputs read.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pgc/deploy/arm_client.h"
#include "pgc/deploy/deploy_console.h"

namespace pgc::deploy {

// Where and what to deploy, as pgc build wrote it, with the secrets the user supplied.
struct DeploymentPlan {
  std::string name;  // deterministic: project, environment and a short content hash
  std::string subscription;
  std::string resourceGroup;
  bool subscriptionScope = false;  // the template creates the resource group itself
  std::string location;            // of the resource group, and of a subscription deployment
  std::vector<std::pair<std::string, std::string>> tags;  // of a resource group pgc creates
  nlohmann::ordered_json armTemplate;
  nlohmann::ordered_json parameters;       // `{name: {value}}`, secrets included
  std::set<std::string> secureParameters;  // masked wherever a request is shown

  std::string deploymentPath() const;  // "/subscriptions/…/deployments/NAME"
  std::string resourceGroupPath() const;
  // The PUT/validate/whatIf body; with `masked`, secure parameter values read "***".
  nlohmann::ordered_json body(bool masked) const;
};

// `<project>-<env>-<hash>`: the same program and parameters give the same name, so that a
// re-deploy replaces its own history entry (platform.md §8.1: 1–64 of `[-\w._()]`).
std::string deploymentName(const std::string& project, const std::string& environment,
                           const nlohmann::ordered_json& armTemplate,
                           const nlohmann::ordered_json& publicParameters);

enum class DeployOutcome { Succeeded, Failed, Declined, Interrupted, TimedOut, RequestFailed };

struct DeployResult {
  DeployOutcome outcome = DeployOutcome::RequestFailed;
  nlohmann::json outputs;  // `{name: {type, value}}` once Succeeded
};

struct DeploySteps {
  bool whatIf = false;
  // Asked after the what-if when set (a terminal without --yes); false declines.
  std::function<bool()> confirm;
};

// Runs the plan. Everything the user should see goes to `console`; `waiter` carries the
// deadline and Ctrl-C.
DeployResult runDeployment(ArmClient& arm, const DeploymentPlan& plan, const DeploySteps& steps,
                           const Waiter& waiter, DeployConsole& console);

// --dry-run: prints every request the deployment would send, secrets masked; sends none.
void printDeploymentRequests(const ArmClient& arm, const DeploymentPlan& plan,
                             const DeploySteps& steps, DeployConsole& console);

}  // namespace pgc::deploy
