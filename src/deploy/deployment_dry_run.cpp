// --dry-run: the requests a deployment would send, in order, with secrets masked; none is
// sent. Requests whose address ARM would only hand out while the deployment runs (polling
// URLs) are described in words.
#include <fmt/format.h>

#include "pgc/deploy/arm_deployment.h"

namespace pgc::deploy {

namespace {

void show(DeployConsole& console, const HttpRequest& request) {
  std::string text = fmt::format("{} {}", request.method, request.url);
  for (const auto& [name, value] : request.headers) text += fmt::format("\n  {}: {}", name, value);
  if (!request.body.empty()) text += "\n" + request.body;
  console.say(text + "\n");
}

}  // namespace

void printDeploymentRequests(const ArmClient& arm, const DeploymentPlan& plan,
                             const DeploySteps& steps, DeployConsole& console) {
  nlohmann::ordered_json body = plan.body(true);
  if (!plan.subscriptionScope) {
    show(console, arm.describe("GET", plan.resourceGroupPath(), ""));
    nlohmann::ordered_json tags = nlohmann::ordered_json::object();
    for (const auto& [key, value] : plan.tags) tags[key] = value;
    nlohmann::ordered_json group = {{"location", plan.location}, {"tags", tags}};
    console.say("when the resource group does not exist:");
    show(console, arm.describe("PUT", plan.resourceGroupPath(), group.dump(2)));
  }
  show(console, arm.describe("POST", plan.deploymentPath() + "/validate", body.dump(2)));
  if (steps.whatIf) {
    nlohmann::ordered_json request = body;
    request["properties"]["whatIfSettings"] = {{"resultFormat", "FullResourcePayloads"}};
    show(console, arm.describe("POST", plan.deploymentPath() + "/whatIf", request.dump(2)));
  }
  show(console, arm.describe("PUT", plan.deploymentPath(), body.dump(2)));
  console.say("then: GET the Azure-AsyncOperation URL ARM returns, and GET " +
              arm.describe("GET", plan.deploymentPath() + "/operations", "").url +
              ", until the deployment ends; GET " +
              arm.describe("GET", plan.deploymentPath(), "").url + " for its outputs");
}

}  // namespace pgc::deploy
