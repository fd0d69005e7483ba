// Resource groups: HEAD to test, GET to read, PUT `{location, tags}` to create or update.
#include "fake_azure_impl.h"

namespace pgc::tests {
namespace {

json resourceGroupBody(const std::string& subscription, const json& group) {
  return {{"id", "/subscriptions/" + subscription + "/resourceGroups/" +
                     group["name"].get<std::string>()},
          {"name", group["name"]},
          {"type", "Microsoft.Resources/resourceGroups"},
          {"location", group["location"]},
          {"tags", group.value("tags", json::object())},
          {"properties", {{"provisioningState", "Succeeded"}}}};
}

}  // namespace

void FakeAzure::Impl::handleResourceGroup(const httplib::Request& request,
                                          httplib::Response& response, const ArmPath& path) {
  const std::string key = lowerCase(path.resourceGroup);
  auto existing = resourceGroups.find(key);
  if (request.method == "HEAD") {
    response.status = existing == resourceGroups.end() ? 404 : 204;
    return;
  }
  if (request.method == "GET") {
    if (existing == resourceGroups.end()) {
      throw ArmError(404, "ResourceGroupNotFound",
                     "Resource group '" + path.resourceGroup + "' could not be found.");
    }
    sendJson(response, 200, resourceGroupBody(options.subscriptionId, existing->second));
    return;
  }
  if (request.method != "PUT") {
    throw ArmError(405, "HttpMethodNotAllowed",
                   "The HTTP method '" + request.method + "' is not supported.");
  }
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    throw ArmError(400, "InvalidRequestContent",
                   "The request content was invalid and could not be deserialized.");
  }
  if (!body.contains("location") || !body["location"].is_string()) {
    throw ArmError(400, "LocationRequired",
                   "The location property is required for this definition.");
  }
  const std::string location = body["location"];
  if (existing != resourceGroups.end() &&
      !equalsIgnoringCase(existing->second["location"].get<std::string>(), location)) {
    throw ArmError(409, "InvalidResourceGroupLocation",
                   "Invalid resource group location '" + location +
                       "'. The Resource group already exists in location '" +
                       existing->second["location"].get<std::string>() + "'.");
  }
  const bool created = existing == resourceGroups.end();
  json& group = resourceGroups[key];
  group["name"] = created ? path.resourceGroup : group["name"].get<std::string>();
  group["location"] = location;
  group["tags"] = body.value("tags", json::object());
  sendJson(response, created ? 201 : 200, resourceGroupBody(options.subscriptionId, group));
}

}  // namespace pgc::tests
