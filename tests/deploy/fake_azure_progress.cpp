// How a submitted deployment runs: its resources (nested deployments' ones included) finish
// one by one in template order as its status is polled; at the end they become deployed
// state, outputs are evaluated, or the failure is wrapped the way ARM nests it.
#include "fake_azure_impl.h"

namespace pgc::tests {
namespace {

const char* kWriteFailed =
    "The resource write operation failed to complete successfully, because it reached "
    "terminal provisioning state 'Failed'.";

bool isDeployment(const PlannedResource& resource) { return resource.nested != nullptr; }

}  // namespace

DeploymentRecord& FakeAzure::Impl::registerDeployment(
    const std::shared_ptr<PlannedDeployment>& plan) {
  const std::string rootKey = lowerCase(plan->id);
  if (auto old = deployments.find(rootKey); old != deployments.end()) {
    // Reusing a name replaces that deployment and everything it ran.
    std::vector<std::string> family = old->second.family;
    for (const std::string& key : family) deployments.erase(key);
  }
  DeploymentRecord& root = deployments[rootKey];
  root.key = rootKey;
  root.plan = plan;
  root.rootKey = rootKey;
  root.statusId = randomHex(16);
  statusToDeployment[root.statusId] = rootKey;

  std::function<void(const std::shared_ptr<PlannedDeployment>&)> addSteps =
      [&](const std::shared_ptr<PlannedDeployment>& planned) {
        const std::string key = lowerCase(planned->id);
        root.family.push_back(key);
        DeploymentRecord& record = key == rootKey ? root : deployments[key];
        record.key = key;
        record.plan = planned;
        record.rootKey = rootKey;
        record.first = root.leaves.size();
        for (const PlannedResource& resource : planned->resources) {
          DeploymentStep step{&resource, root.leaves.size(), 0, lowerCase(randomHex(8))};
          if (resource.nested) addSteps(resource.nested);
          step.last = root.leaves.size();
          root.leaves.push_back(&resource);
          deployments[key].steps.push_back(step);
        }
        record.last = root.leaves.empty() ? 0 : root.leaves.size() - 1;
      };
  addSteps(plan);

  if (failWith.is_object() && !failWith.empty()) {
    for (size_t i = 0; i < root.leaves.size() && !root.failingLeaf; ++i) {
      if (equalsIgnoringCase(root.leaves[i]->type, "Microsoft.DBforPostgreSQL/flexibleServers")) {
        root.failingLeaf = i;
      }
    }
    for (size_t i = 0; i < root.leaves.size() && !root.failingLeaf; ++i) {
      if (!isDeployment(*root.leaves[i])) root.failingLeaf = i;
    }
    root.providerError = failWith;
  }
  return root;
}

size_t FakeAzure::Impl::doneSteps(const DeploymentRecord& root) const {
  if (root.terminal == "Succeeded") return root.leaves.size();
  if (root.terminal == "Failed") return root.failingLeaf.value_or(0);
  if (root.terminal == "Canceled") return root.canceledAt;
  if (root.leaves.empty()) return 0;
  // While running, one step is always in progress.
  size_t cap = root.failingLeaf.value_or(root.leaves.size() - 1);
  return std::min(static_cast<size_t>(root.polls), cap);
}

std::string FakeAzure::Impl::spanState(const DeploymentRecord& root, size_t first,
                                       size_t last) const {
  const size_t done = doneSteps(root);
  if (root.terminal == "Failed" && root.failingLeaf && first <= *root.failingLeaf &&
      *root.failingLeaf <= last) {
    return "Failed";
  }
  if (last < done) return "Succeeded";
  if (first > done) return "";
  if (root.terminal == "Canceled") return "Canceled";
  if (!root.terminal.empty()) return "";
  return "Running";
}

std::string FakeAzure::Impl::stateOf(const DeploymentRecord& record) const {
  const DeploymentRecord& root = deployments.at(record.rootKey);
  if (&record == &root) {
    if (!root.terminal.empty()) return root.terminal;
    return root.polls == 0 ? "Accepted" : "Running";
  }
  return spanState(root, record.first, record.last);
}

void FakeAzure::Impl::advance(DeploymentRecord& root) {
  if (!root.terminal.empty()) return;
  ++root.polls;
  if (hold || root.polls <= options.deploymentPolls) return;
  root.terminal = root.failingLeaf ? "Failed" : "Succeeded";
  finish(root);
}

void FakeAzure::Impl::finish(DeploymentRecord& root) {
  const size_t done = doneSteps(root);
  for (size_t i = 0; i < done; ++i) {
    const PlannedResource& resource = *root.leaves[i];
    if (isDeployment(resource)) continue;
    if (equalsIgnoringCase(resource.type, "Microsoft.Resources/resourceGroups")) {
      resourceGroups[lowerCase(resource.name)] = {
          {"name", resource.name},
          {"location", resource.body.value("location", "")},
          {"tags", resource.body.value("tags", json::object())},
          {"properties", resource.body.value("properties", json::object())}};
    } else {
      deployed[lowerCase(resource.id)] = {resource.id, resource.body};
    }
  }
  // Children first: a parent's outputs read its nested deployments' outputs.
  for (auto key = root.family.rbegin(); key != root.family.rend(); ++key) {
    DeploymentRecord& record = deployments.at(*key);
    const std::string state = stateOf(record);
    const PlannedDeployment& plan = *record.plan;
    if (state == "Succeeded" && plan.mode == "Complete" && !plan.resourceGroup.empty()) {
      const std::string prefix = lowerCase("/subscriptions/" + plan.scope.subscriptionId +
                                           "/resourceGroups/" + plan.resourceGroup + "/");
      for (auto it = deployed.begin(); it != deployed.end();) {
        bool inTemplate =
            std::any_of(plan.resources.begin(), plan.resources.end(),
                        [&](const PlannedResource& r) { return lowerCase(r.id) == it->first; });
        it = it->first.rfind(prefix, 0) == 0 && !inTemplate ? deployed.erase(it) : std::next(it);
      }
    }
    if (state == "Succeeded") {
      EvaluationScope scope = plan.scope;
      scope.reference = [this](const std::string& id) { return runtimeView(id); };
      record.outputs = json::object();
      const json outputs = plan.tmpl.value("outputs", json::object());
      for (const auto& [name, output] : outputs.items()) {
        const std::string type = output.value("type", "string");
        json entry = {{"type", armTypeName(type)}};
        if (!equalsIgnoringCase(type, "securestring") &&
            !equalsIgnoringCase(type, "secureobject")) {
          entry["value"] = *evaluateValue(output.value("value", json()), scope, false);
        }
        record.outputs[name] = entry;
      }
    } else if (state == "Failed") {
      json details = json::array();
      for (const DeploymentStep& step : record.steps) {
        if (*root.failingLeaf < step.first || *root.failingLeaf > step.last) continue;
        json inner = step.resource->nested
                         ? deployments.at(lowerCase(step.resource->nested->id)).error
                         : root.providerError;
        details.push_back({{"code", "ResourceDeploymentFailure"},
                           {"target", step.resource->id},
                           {"message", kWriteFailed},
                           {"details", {inner}}});
      }
      record.error = {{"code", "DeploymentFailed"},
                      {"target", plan.id},
                      {"message",
                       "At least one resource deployment operation failed. Please list "
                       "deployment operations for details. Please see "
                       "https://aka.ms/arm-deployment-operations for usage details."},
                      {"details", details}};
    }
  }
}

json FakeAzure::Impl::runtimeView(const std::string& resourceId) const {
  const std::string key = lowerCase(resourceId);
  if (auto record = deployments.find(key); record != deployments.end()) {
    return {{"outputs", record->second.outputs},
            {"provisioningState", stateOf(record->second)},
            {"mode", record->second.plan->mode}};
  }
  auto resource = deployed.find(key);
  if (resource == deployed.end()) {
    throw ArmError(404, "ResourceNotFound",
                   "The Resource '" + resourceId +
                       "' was not found. For more details please go "
                       "to https://aka.ms/ARMResourceNotFoundFix");
  }
  json view = resource->second.body.value("properties", json::object());
  const std::string type = resource->second.body.value("type", "");
  if (equalsIgnoringCase(type, "Microsoft.DBforPostgreSQL/flexibleServers")) {
    const std::string name = resource->second.body.value("name", "");
    view["fullyQualifiedDomainName"] =
        serverFqdn.empty() ? name + ".postgres.database.azure.com" : serverFqdn;
    view["state"] = "Ready";
  }
  return view;
}

json FakeAzure::Impl::extended(const DeploymentRecord& record) const {
  const PlannedDeployment& plan = *record.plan;
  const std::string state = stateOf(record);
  const json& generator =
      plan.tmpl.value("metadata", json::object()).value("_generator", json::object());
  json properties = {
      {"templateHash", generator.value("templateHash", "0")},
      {"parameters", echoedParameters(plan)},
      {"mode", plan.mode},
      {"provisioningState", state},
      {"timestamp", record.timestamp},
      {"duration", "PT" + std::to_string(deployments.at(record.rootKey).polls) + "S"},
      {"correlationId", record.correlationId},
      {"providers", json::array()},
      {"dependencies", json::array()}};
  if (state == "Succeeded") {
    properties["outputs"] = record.outputs;
    json resources = json::array();
    for (const PlannedResource& resource : plan.resources) {
      if (!resource.nested) resources.push_back({{"id", resource.id}});
    }
    properties["outputResources"] = resources;
  }
  if (state == "Failed") properties["error"] = record.error;
  json body = {{"id", plan.id},
               {"name", plan.name},
               {"type", "Microsoft.Resources/deployments"},
               {"properties", properties}};
  if (!plan.location.empty()) body["location"] = plan.location;
  return body;
}

json FakeAzure::Impl::operationsOf(const DeploymentRecord& record) const {
  const DeploymentRecord& root = deployments.at(record.rootKey);
  json operations = json::array();
  for (const DeploymentStep& step : record.steps) {
    const std::string state = spanState(root, step.first, step.last);
    if (state.empty()) continue;
    const PlannedResource& resource = *step.resource;
    json properties = {{"provisioningOperation", "Create"},
                       {"provisioningState", state},
                       {"timestamp", record.timestamp},
                       {"duration", "PT" + std::to_string(step.last - step.first + 1) + "S"},
                       {"trackingId", randomGuid()},
                       {"serviceRequestId", randomGuid()},
                       {"targetResource",
                        {{"id", resource.id},
                         {"resourceName", resource.name},
                         {"resourceType", resource.type},
                         {"apiVersion", resource.body.value("apiVersion", "")}}}};
    if (state == "Succeeded") {
      properties["statusCode"] = "OK";
      properties["statusMessage"] = {{"status", "Succeeded"}};
    } else if (state == "Failed") {
      properties["statusCode"] = "BadRequest";
      json error = resource.nested ? deployments.at(lowerCase(resource.nested->id)).error
                                   : root.providerError;
      properties["statusMessage"] = {{"status", "Failed"}, {"error", error}};
    }
    operations.push_back({{"id", record.plan->id + "/operations/" + step.operationId},
                          {"operationId", step.operationId},
                          {"properties", properties}});
  }
  return operations;
}

}  // namespace pgc::tests
