// Resolves where a deployment goes: the subscription from --subscription, the environment's
// `subscription`, AZURE_SUBSCRIPTION_ID or the Azure CLI's default, in that order; the
// resource group from --resource-group or the environment's `resource_group`.
#include "deploy_plan.h"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

namespace pgc::cli {

std::optional<deploy::DeploymentPlan> planDeployment(const DeployOptions& options,
                                                     const model::Model& model,
                                                     const nlohmann::ordered_json& armTemplate,
                                                     const DeployParameters& parameters,
                                                     deploy::TokenCredential& credential) {
  const model::Environment& env = model.environment;
  deploy::DeploymentPlan plan;
  plan.subscription = options.subscription;
  if (plan.subscription.empty()) plan.subscription = env.subscription.value;
  if (plan.subscription.empty()) {
    const char* variable = std::getenv("AZURE_SUBSCRIPTION_ID");
    if (variable != nullptr) plan.subscription = variable;
  }
  if (plan.subscription.empty() && !options.dryRun) {
    plan.subscription = credential.defaultSubscription().value_or("");
  }
  if (plan.subscription.empty()) {
    std::cerr << "pgc: no subscription to deploy to: pass --subscription ID, set the "
                 "environment's `subscription`, or set AZURE_SUBSCRIPTION_ID\n";
    return std::nullopt;
  }
  plan.subscriptionScope = env.scope.value == model::Scope::Subscription;
  plan.resourceGroup = env.resourceGroup.value;
  if (!options.resourceGroup.empty()) {
    if (plan.subscriptionScope && options.resourceGroup != plan.resourceGroup) {
      std::cerr << fmt::format(
          "pgc: environment `{}` deploys at subscription scope and its template creates "
          "resource group {}; --resource-group {} cannot change that: set the environment's "
          "`resource_group` instead\n",
          env.name, plan.resourceGroup, options.resourceGroup);
      return std::nullopt;
    }
    plan.resourceGroup = options.resourceGroup;
  }
  plan.location = env.location.value;
  plan.tags = model.project.tags;
  for (const auto& tag : env.tags) plan.tags.push_back(tag);
  plan.armTemplate = armTemplate;
  plan.parameters = parameters.values;
  plan.secureParameters = parameters.secure;
  plan.name = deploy::deploymentName(model.project.name, env.name, armTemplate, parameters.visible);
  return plan;
}

void printDryRun(const deploy::TokenCredential& credential, const deploy::ArmClient& arm,
                 const deploy::DeploymentPlan& plan, const deploy::DeploySteps& steps,
                 const std::vector<SqlScript>& scripts, deploy::DeployConsole& console) {
  console.say(fmt::format("dry run: deployment {} — nothing is sent", plan.name));
  if (std::optional<deploy::HttpRequest> token = credential.describeRequest(arm.scope())) {
    std::string text =
        fmt::format("token from {}:\n{} {}", credential.name(), token->method, token->url);
    for (const auto& [name, value] : token->headers) text += fmt::format("\n  {}: {}", name, value);
    if (!token->body.empty()) text += "\n" + token->body;
    console.say(text + "\n");
  } else {
    console.say(fmt::format("token from {}\n", credential.name()));
  }
  deploy::printDeploymentRequests(arm, plan, steps, console);
  for (const SqlScript& script : scripts) {
    console.say(fmt::format(
        "then: apply {} to cluster `{}` at the host its deployment reports "
        "(output {}_fqdn), database {}",
        script.name, script.cluster->name, script.cluster->name, script.cluster->database.value));
  }
}

bool confirmOnTerminal() {
  std::cout << "Deploy these changes? [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes";
}

}  // namespace pgc::cli
