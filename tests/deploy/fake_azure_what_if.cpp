// What-if: each resource the template would write compared with what is deployed, as
// Create, NoChange or Modify with a property-level delta; resources of the group that the
// template leaves out are Ignore in Incremental mode and Delete in Complete mode.
#include "fake_azure_impl.h"

namespace pgc::tests {
namespace {

// Absent, null and empty objects all mean "nothing set" to what-if.
json comparable(const json& body) {
  json kept = json::object();
  for (const char* field : {"location", "tags", "sku", "properties"}) {
    if (!body.contains(field)) continue;
    const json& value = body[field];
    if (value.is_null() || (value.is_object() && value.empty())) continue;
    kept[field] = value;
  }
  return kept;
}

std::string joinPath(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

void diff(const json& before, const json& after, const std::string& path, json& delta);

json arrayChildren(const json& before, const json& after) {
  json children = json::array();
  for (size_t i = 0; i < std::max(before.size(), after.size()); ++i) {
    const std::string index = std::to_string(i);
    if (i >= before.size()) {
      children.push_back({{"path", index}, {"propertyChangeType", "Create"}, {"after", after[i]}});
    } else if (i >= after.size()) {
      children.push_back(
          {{"path", index}, {"propertyChangeType", "Delete"}, {"before", before[i]}});
    } else if (before[i] != after[i]) {
      children.push_back({{"path", index},
                          {"propertyChangeType", "Modify"},
                          {"before", before[i]},
                          {"after", after[i]}});
    }
  }
  return children;
}

void diff(const json& before, const json& after, const std::string& path, json& delta) {
  std::set<std::string> keys;
  for (const auto& [key, value] : before.items()) keys.insert(key);
  for (const auto& [key, value] : after.items()) keys.insert(key);
  for (const std::string& key : keys) {
    const std::string at = joinPath(path, key);
    if (!after.contains(key)) {
      delta.push_back({{"path", at}, {"propertyChangeType", "Delete"}, {"before", before[key]}});
    } else if (!before.contains(key)) {
      delta.push_back({{"path", at}, {"propertyChangeType", "Create"}, {"after", after[key]}});
    } else if (before[key] == after[key]) {
      continue;
    } else if (before[key].is_object() && after[key].is_object()) {
      diff(before[key], after[key], at, delta);
    } else if (before[key].is_array() && after[key].is_array()) {
      delta.push_back({{"path", at},
                       {"propertyChangeType", "Array"},
                       {"children", arrayChildren(before[key], after[key])}});
    } else {
      delta.push_back({{"path", at},
                       {"propertyChangeType", "Modify"},
                       {"before", before[key]},
                       {"after", after[key]}});
    }
  }
}

json withId(json body, const std::string& id) {
  body["id"] = id;
  return body;
}

}  // namespace

json FakeAzure::Impl::whatIf(const PlannedDeployment& plan) const {
  json changes = json::array();
  std::function<void(const PlannedDeployment&)> collect = [&](const PlannedDeployment& planned) {
    for (const PlannedResource& resource : planned.resources) {
      if (resource.nested) {
        collect(*resource.nested);
        continue;
      }
      std::optional<json> before;
      if (equalsIgnoringCase(resource.type, "Microsoft.Resources/resourceGroups")) {
        if (auto group = resourceGroups.find(lowerCase(resource.name));
            group != resourceGroups.end()) {
          before = group->second;
          (*before)["type"] = resource.type;
        }
      } else if (auto found = deployed.find(lowerCase(resource.id)); found != deployed.end()) {
        before = found->second.body;
      }
      json after = withId(resource.body, resource.id);
      if (!before) {
        changes.push_back(
            {{"resourceId", resource.id}, {"changeType", "Create"}, {"after", after}});
        continue;
      }
      json delta = json::array();
      diff(comparable(*before), comparable(resource.body), "", delta);
      json change = {{"resourceId", resource.id},
                     {"changeType", delta.empty() ? "NoChange" : "Modify"},
                     {"before", withId(*before, resource.id)},
                     {"after", after}};
      if (!delta.empty()) change["delta"] = delta;
      changes.push_back(change);
    }
    if (planned.resourceGroup.empty()) return;
    const std::string prefix = lowerCase("/subscriptions/" + planned.scope.subscriptionId +
                                         "/resourceGroups/" + planned.resourceGroup + "/");
    for (const auto& [key, resource] : deployed) {
      if (key.rfind(prefix, 0) != 0) continue;
      bool inTemplate =
          std::any_of(planned.resources.begin(), planned.resources.end(),
                      [&](const PlannedResource& r) { return lowerCase(r.id) == key; });
      if (inTemplate) continue;
      changes.push_back({{"resourceId", resource.id},
                         {"changeType", planned.mode == "Complete" ? "Delete" : "Ignore"},
                         {"before", withId(resource.body, resource.id)}});
    }
  };
  collect(plan);
  return {{"status", "Succeeded"},
          {"properties",
           {{"changes", changes},
            {"potentialChanges", json::array()},
            {"diagnostics", json::array()}}}};
}

void FakeAzure::Impl::handleWhatIfResult(httplib::Response& response, const std::string& id) {
  auto found = whatIfs.find(id);
  if (found == whatIfs.end()) {
    throw ArmError(404, "OperationNotFound", "The operation '" + id + "' could not be found.");
  }
  PendingWhatIf& pending = found->second;
  if (pending.pollsLeft > 0) {
    --pending.pollsLeft;
    response.status = 202;
    response.set_header("Location", pending.location);
    response.set_header("Retry-After", std::to_string(options.pollRetryAfterSeconds));
    return;
  }
  sendJson(response, 200, pending.result);
}

}  // namespace pgc::tests
