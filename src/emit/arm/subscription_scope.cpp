// An environment with `scope = subscription`: the template is deployed to the subscription,
// creates the resource group and deploys the resource-group template into it through a
// nested deployment (platform.md §7, §8.2). Parameters pass through; outputs come back.
#include <fmt/format.h>

#include <map>

#include "arm_parts.h"

namespace pgc::emit::arm {
namespace {

constexpr const char* kResourceGroupType = "Microsoft.Resources/resourceGroups";
constexpr const char* kDeploymentType = "Microsoft.Resources/deployments";
constexpr size_t kDeploymentNameMax = 64;

// `<project>-<environment>`, in the characters a deployment name allows: `^[-\w._()]+$`.
std::string deploymentName(const model::Model& model) {
  std::string name;
  for (char c : model.project.name + "-" + model.environment.name) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_' || c == '.' || c == '(' || c == ')';
    name += allowed ? c : '-';
  }
  return name.substr(0, kDeploymentNameMax);
}

// The project's tags with the environment's merged over them, as the clusters have them.
Json resourceGroupTags(const model::Model& model) {
  std::map<std::string, std::string> merged(model.project.tags.begin(), model.project.tags.end());
  for (const auto& [key, value] : model.environment.tags) merged[key] = value;
  Json tags = Json::object();
  for (const auto& [key, value] : merged) tags[key] = literal(value);
  return tags;
}

}  // namespace

TemplateBody subscriptionBody(const model::Model& model, const Json& inner) {
  const std::string& group = model.environment.resourceGroup.value;
  const std::string deployment = deploymentName(model);
  Json resourceGroup = {
      {"type", kResourceGroupType},       {"apiVersion", kResourcesApiVersion},
      {"name", literal(group)},           {"location", parameterRef(kLocationParam)},
      {"tags", resourceGroupTags(model)}, {"properties", Json::object()}};

  Json passed = Json::object();
  for (const auto& [name, declaration] : inner["parameters"].items()) {
    passed[name] = {{"value", parameterRef(name)}};
  }
  Json nested = {
      {"type", kDeploymentType},
      {"apiVersion", kResourcesApiVersion},
      {"name", literal(deployment)},
      {"resourceGroup", literal(group)},
      {"properties",
       {{"expressionEvaluationOptions", {{"scope", "Inner"}}},
        {"mode", "Incremental"},
        {"parameters", std::move(passed)},
        {"template", inner}}},
      {"dependsOn", Json::array({fmt::format("[subscriptionResourceId({}, {})]",
                                             quoted(kResourceGroupType), quoted(group))})}};

  // The nested deployment's ID, as Bicep writes it for a module in a resource group.
  std::string deploymentId = fmt::format(
      "extensionResourceId(format('/subscriptions/{{0}}/resourceGroups/{{1}}', "
      "subscription().subscriptionId, {}), {}, {})",
      quoted(group), quoted(kDeploymentType), quoted(deployment));
  Json outputs = Json::object();
  for (const auto& [name, output] : inner["outputs"].items()) {
    outputs[name] = {{"type", output["type"]},
                     {"value", fmt::format("[reference({}, {}).outputs.{}.value]", deploymentId,
                                           quoted(kResourcesApiVersion), name)}};
  }
  return {kSubscriptionSchema, inner["parameters"],
          Json::array({std::move(resourceGroup), std::move(nested)}), std::move(outputs)};
}

}  // namespace pgc::emit::arm
