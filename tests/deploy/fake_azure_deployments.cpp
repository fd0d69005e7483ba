// The deployments API at resource group and subscription scope (platform.md §8): validate,
// whatIf, PUT with its Azure-AsyncOperation status, GET, the operations list, and cancel.
#include "fake_azure_impl.h"

namespace pgc::tests {
namespace {

json parseBody(const httplib::Request& request) {
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    throw ArmError(400, "InvalidRequestContent",
                   "The request content was invalid and could not be deserialized: 'Unexpected "
                   "character encountered while parsing value. Path '', line 1, position 0.'.");
  }
  return body;
}

json validatedResources(const PlannedDeployment& plan) {
  json resources = json::array();
  for (const PlannedResource& resource : plan.resources) {
    resources.push_back({{"id", resource.id}});
    if (resource.nested) {
      for (const json& inner : validatedResources(*resource.nested)) resources.push_back(inner);
    }
  }
  return resources;
}

}  // namespace

DeploymentRecord& FakeAzure::Impl::recordFor(const ArmPath& path) {
  const std::string id = resourceIdOf(options.subscriptionId, path.resourceGroup,
                                      "Microsoft.Resources/deployments", {path.deployment});
  auto found = deployments.find(lowerCase(id));
  if (found == deployments.end() || stateOf(found->second).empty()) {
    throw ArmError(404, "DeploymentNotFound",
                   "Deployment '" + path.deployment + "' could not be found.");
  }
  return found->second;
}

void FakeAzure::Impl::handleDeployment(const httplib::Request& request, httplib::Response& response,
                                       const ArmPath& path) {
  if (!path.resourceGroup.empty() && !resourceGroups.count(lowerCase(path.resourceGroup))) {
    throw ArmError(404, "ResourceGroupNotFound",
                   "Resource group '" + path.resourceGroup + "' could not be found.");
  }
  const std::string action = lowerCase(path.action);
  const std::string apiVersion = request.get_param_value("api-version");
  const std::string method = request.method;
  auto plan = [&] {
    return planDeployment(parseBody(request), options.subscriptionId, options.tenantId,
                          path.resourceGroup, path.deployment);
  };
  const std::string retryAfter = std::to_string(options.pollRetryAfterSeconds);

  if (action == "validate" && method == "POST") {
    auto planned = plan();
    sendJson(response, 200,
             {{"id", planned->id},
              {"name", planned->name},
              {"type", "Microsoft.Resources/deployments"},
              {"properties",
               {{"templateHash", "0"},
                {"parameters", echoedParameters(*planned)},
                {"mode", planned->mode},
                {"provisioningState", "Succeeded"},
                {"timestamp", isoTimestamp()},
                {"duration", "PT0S"},
                {"correlationId", randomGuid()},
                {"providers", json::array()},
                {"dependencies", json::array()},
                {"validatedResources", validatedResources(*planned)}}}});
    return;
  }
  if (action == "whatif" && method == "POST") {
    auto planned = plan();
    const std::string id = randomHex(16);
    const std::string location = url() + "/subscriptions/" + options.subscriptionId +
                                 "/operationresults/" + id + "?api-version=" + apiVersion;
    whatIfs[id] = {whatIf(*planned), options.whatIfPolls, location};
    response.status = 202;
    response.set_header("Location", location);
    response.set_header("Retry-After", retryAfter);
    return;
  }
  if (action.empty() && method == "PUT") {
    auto planned = plan();
    const bool replaced = deployments.count(lowerCase(planned->id)) > 0;
    DeploymentRecord& root = registerDeployment(planned);
    response.set_header("Azure-AsyncOperation", url() + planned->id + "/operationStatuses/" +
                                                    root.statusId + "?api-version=" + apiVersion);
    response.set_header("Retry-After", retryAfter);
    sendJson(response, replaced ? 200 : 201, extended(root));
    return;
  }
  if (action.empty() && (method == "GET" || method == "HEAD")) {
    if (method == "HEAD") {
      const std::string id = resourceIdOf(options.subscriptionId, path.resourceGroup,
                                          "Microsoft.Resources/deployments", {path.deployment});
      response.status = deployments.count(lowerCase(id)) ? 204 : 404;
      return;
    }
    sendJson(response, 200, extended(recordFor(path)));
    return;
  }
  if (action == "operations" && method == "GET") {
    const DeploymentRecord& record = recordFor(path);
    json all = operationsOf(record);
    const size_t pageSize = static_cast<size_t>(std::max(1, options.operationsPageSize));
    const std::string skip = request.get_param_value("$skiptoken");
    const size_t offset = skip.empty() ? 0 : std::stoul(skip);
    json page = {{"value", json::array()}};
    for (size_t i = offset; i < all.size() && i < offset + pageSize; ++i) {
      page["value"].push_back(all[i]);
    }
    if (offset + pageSize < all.size()) {
      page["nextLink"] = url() + record.plan->id + "/operations?api-version=" + apiVersion +
                         "&$skiptoken=" + std::to_string(offset + pageSize);
    }
    sendJson(response, 200, page);
    return;
  }
  if (action == "operationstatuses" && method == "GET") {
    auto found = statusToDeployment.find(path.operationId);
    if (found == statusToDeployment.end() || !deployments.count(found->second)) {
      throw ArmError(404, "DeploymentNotFound",
                     "Deployment '" + path.deployment + "' could not be found.");
    }
    DeploymentRecord& root = deployments.at(found->second);
    advance(root);
    const std::string state = stateOf(root);
    json status = {{"status", state}};
    if (state == "Failed") status["error"] = root.error;
    if (root.terminal.empty()) response.set_header("Retry-After", retryAfter);
    sendJson(response, 200, status);
    return;
  }
  if (action == "cancel" && method == "POST") {
    DeploymentRecord& record = recordFor(path);
    if (record.key != record.rootKey || !record.terminal.empty()) {
      throw ArmError(409, "DeploymentCannotBeCancelled",
                     "The deployment '" + path.deployment +
                         "' cannot be cancelled because it is "
                         "in state '" +
                         stateOf(record) + "'.");
    }
    record.canceledAt = doneSteps(record);
    record.terminal = "Canceled";
    finish(record);  // what finished before the cancel stays deployed
    response.status = 204;
    return;
  }
  throw ArmError(405, "HttpMethodNotAllowed",
                 "The requested resource does not support http method '" + method + "'.");
}

}  // namespace pgc::tests
