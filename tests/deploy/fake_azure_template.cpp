// What ARM checks before it runs a deployment, and the evaluated resources it will write:
// the name, the body's mode and template, the parameters against their declarations, each
// resource's name and id, dependsOn targets, and nested deployments, recursively.
#include <regex>

#include "fake_azure_impl.h"

namespace pgc::tests {
namespace {

const std::string kParameterFileHelp =
    " Please see https://aka.ms/arm-create-parameter-file for usage details.";

ArmError badContent(const std::string& why) {
  return ArmError(400, "InvalidRequestContent",
                  "The request content was invalid and could not be deserialized: '" + why + "'.");
}

void checkName(const std::string& name) {
  if (name.empty() || name.size() > 64) {
    throw ArmError(400, "DeploymentNameLengthLimitExceeded",
                   "The provided deployment name '" + name + "' has a length of '" +
                       std::to_string(name.size()) +
                       "' which exceeds the maximum length of '64'. Please see "
                       "https://aka.ms/arm-deploy-resources for usage details.");
  }
  static const std::regex pattern(R"(^[-\w\._\(\)]+$)");
  if (!std::regex_match(name, pattern)) {
    throw ArmError(400, "DeploymentNameInvalidCharacters",
                   "The provided deployment name '" + name + "' has these invalid characters: '" +
                       std::regex_replace(name, std::regex(R"([-\w\._\(\)])"), "") +
                       "'. The name can only be a letter, digit, '-', '.', '(', ')' or '_'. "
                       "Please see https://aka.ms/arm-deploy-resources for usage details.");
  }
}

bool matchesType(const std::string& type, const json& value) {
  const std::string t = lowerCase(type);
  if (t == "string" || t == "securestring") return value.is_string();
  if (t == "int") return value.is_number_integer();
  if (t == "bool") return value.is_boolean();
  if (t == "object" || t == "secureobject") return value.is_object();
  if (t == "array") return value.is_array();
  return true;
}

std::string jsonTypeName(const json& value) {
  if (value.is_string()) return "String";
  if (value.is_number_integer()) return "Integer";
  if (value.is_boolean()) return "Boolean";
  if (value.is_object()) return "Object";
  if (value.is_array()) return "Array";
  return "Null";
}

// Resolves every declared parameter from the given values or its default, refusing what ARM
// refuses: undeclared names, missing values, wrong types, values outside allowedValues.
void resolveParameters(const json& declared, const json& given, EvaluationScope& scope) {
  std::vector<std::string> undeclared;
  for (const auto& [name, value] : given.items()) {
    if (!declared.contains(name)) undeclared.push_back(name);
  }
  if (!undeclared.empty()) {
    std::string names, supported;
    for (const std::string& name : undeclared) names += (names.empty() ? "" : ", ") + name;
    for (const auto& [name, value] : declared.items()) {
      supported += (supported.empty() ? "" : ", ") + name;
    }
    throw invalidTemplate("The template parameters '" + names +
                          "' in the parameters file are not valid; they are not present in the "
                          "original template and can therefore not be provided at deployment "
                          "time. The only supported parameters for this template are '" +
                          supported +
                          "'. Please see https://aka.ms/arm-pass-parameter-values for usage "
                          "details.");
  }
  for (const auto& [name, declaration] : declared.items()) {
    const std::string type = declaration.value("type", "string");
    if (equalsIgnoringCase(type, "securestring") || equalsIgnoringCase(type, "secureobject")) {
      scope.secureParameters.insert(name);
    }
    json value;
    if (given.contains(name) && given[name].contains("value")) {
      value = given[name]["value"];
    } else if (given.contains(name) && given[name].contains("reference")) {
      value = "key-vault-secret-" + name;  // the fake has no Key Vault: any secret will do
    } else if (declaration.contains("defaultValue")) {
      value = *evaluateValue(declaration["defaultValue"], scope, false);
    } else {
      throw invalidTemplate("The value for the template parameter '" + name +
                            "' at line '1' and column '1' is not provided." + kParameterFileHelp);
    }
    if (!matchesType(type, value)) {
      throw invalidTemplate("Template parameter '" + name +
                            "' was provided an invalid value. Expected a value of type '" +
                            armTypeName(type) + "', but received a value of type '" +
                            jsonTypeName(value) + "'." + kParameterFileHelp);
    }
    if (equalsIgnoringCase(type, "securestring") && value.get<std::string>().empty()) {
      throw invalidTemplate("The provided value for the template parameter '" + name +
                            "' at line '1' and column '1' is not valid. The length of the value "
                            "must be at least '1'." +
                            kParameterFileHelp);
    }
    if (declaration.contains("allowedValues")) {
      const json& allowed = declaration["allowedValues"];
      if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
        std::string list;
        for (const json& a : allowed) list += (list.empty() ? "" : ",") + a.dump();
        throw invalidTemplate("The provided value '" + value.dump() +
                              "' for the template parameter '" + name +
                              "' is not valid. The value is not part of the allowed value(s): '" +
                              list + "'." + kParameterFileHelp);
      }
    }
    scope.parameters[name] = value;
  }
}

std::vector<std::string> splitName(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t slash; (slash = name.find('/', start)) != std::string::npos; start = slash + 1) {
    parts.push_back(name.substr(start, slash - start));
  }
  parts.push_back(name.substr(start));
  return parts;
}

std::string literal(const json& resource, const char* field, size_t index) {
  if (!resource.contains(field) || !resource[field].is_string()) {
    throw invalidTemplate("Required property '" + std::string(field) +
                          "' not found in JSON. Path 'resources[" + std::to_string(index) +
                          "]', line 1, position 1.");
  }
  return resource[field];
}

}  // namespace

std::shared_ptr<PlannedDeployment> planDeployment(const json& body, const std::string& subscription,
                                                  const std::string& tenant,
                                                  const std::string& resourceGroup,
                                                  const std::string& name) {
  checkName(name);
  if (!body.is_object() || !body.contains("properties") || !body["properties"].is_object()) {
    throw badContent(
        "Required property 'properties' not found in JSON. Path '', line 1, position 1.");
  }
  auto plan = std::make_shared<PlannedDeployment>();
  plan->name = name;
  plan->resourceGroup = resourceGroup;
  plan->id = resourceIdOf(subscription, resourceGroup, "Microsoft.Resources/deployments", {name});
  if (resourceGroup.empty()) {
    if (!body.contains("location") || !body["location"].is_string()) {
      throw ArmError(400, "LocationRequired",
                     "The location property is required for this definition.");
    }
    plan->location = body["location"];
  }
  const json& properties = body["properties"];
  if (!properties.contains("mode")) {
    throw badContent(
        "Required property 'mode' not found in JSON. Path 'properties', line 1, position 1.");
  }
  plan->mode = properties["mode"].is_string() ? properties["mode"].get<std::string>() : "";
  if (plan->mode != "Incremental" && plan->mode != "Complete") {
    throw badContent("Error converting value " + properties["mode"].dump() +
                     " to type 'DeploymentMode'. Path 'properties.mode', line 1, position 1.");
  }
  if (!properties.contains("template") || !properties["template"].is_object()) {
    throw ArmError(400, "InvalidDeployment",
                   "The deployment must have a template or a templateLink; the fake accepts "
                   "only an inline template.");
  }
  plan->tmpl = properties["template"];
  for (const char* required : {"$schema", "contentVersion", "resources"}) {
    if (!plan->tmpl.contains(required)) {
      throw invalidTemplate("Required property '" + std::string(required) +
                            "' not found in JSON. Path '', line 1, position 1.");
    }
  }
  if (!plan->tmpl["resources"].is_array()) {
    throw invalidTemplate("The template 'resources' must be an array in languageVersion 1.0.");
  }
  EvaluationScope& scope = plan->scope;
  scope.subscriptionId = subscription;
  scope.tenantId = tenant;
  scope.resourceGroup = resourceGroup;
  resolveParameters(plan->tmpl.value("parameters", json::object()),
                    properties.value("parameters", json::object()), scope);

  const json& resources = plan->tmpl["resources"];
  for (size_t i = 0; i < resources.size(); ++i) {
    const json& resource = resources[i];
    if (resource.contains("condition") &&
        !evaluateValue(resource["condition"], scope, false)->get<bool>()) {
      continue;
    }
    PlannedResource planned;
    planned.type = literal(resource, "type", i);
    const std::string apiVersion = literal(resource, "apiVersion", i);
    if (!resource.contains("name")) literal(resource, "name", i);
    planned.name = evaluateValue(resource["name"], scope, false)->get<std::string>();
    planned.body = {{"type", planned.type}, {"name", planned.name}, {"apiVersion", apiVersion}};
    if (equalsIgnoringCase(planned.type, "Microsoft.Resources/deployments")) {
      std::string group = resourceGroup;
      if (resource.contains("resourceGroup")) {
        group = evaluateValue(resource["resourceGroup"], scope, false)->get<std::string>();
      }
      // Inner scope: the nested template's own expressions run inside the nested deployment,
      // so only the rest of its properties (its parameters above all) are evaluated here.
      json outer = resource.value("properties", json::object());
      json nestedTemplate = outer.value("template", json());
      outer.erase("template");
      json nestedBody = {{"properties", *evaluateValue(outer, scope, false)}};
      if (!nestedTemplate.is_null()) nestedBody["properties"]["template"] = nestedTemplate;
      if (resource.contains("location")) {
        nestedBody["location"] = *evaluateValue(resource["location"], scope, false);
      }
      planned.nested = planDeployment(nestedBody, subscription, tenant, group, planned.name);
      planned.id = planned.nested->id;
    } else {
      planned.id = resourceIdOf(subscription, resourceGroup, planned.type, splitName(planned.name));
      for (const char* field : {"location", "tags", "sku", "properties"}) {
        if (!resource.contains(field)) continue;
        if (std::optional<json> value = evaluateValue(resource[field], scope, true)) {
          planned.body[field] = *value;
        }
      }
    }
    plan->resources.push_back(std::move(planned));
  }
  for (size_t i = 0; i < resources.size(); ++i) {
    for (const json& dependency : resources[i].value("dependsOn", json::array())) {
      std::string target = evaluateValue(dependency, scope, false)->get<std::string>();
      bool found = std::any_of(
          plan->resources.begin(), plan->resources.end(), [&](const PlannedResource& r) {
            return equalsIgnoringCase(r.id, target) || equalsIgnoringCase(r.name, target);
          });
      if (!found) {
        throw invalidTemplate("The resource '" + target +
                              "' is not defined in the template. Please see "
                              "https://aka.ms/arm-syntax for usage details.");
      }
    }
  }
  return plan;
}

json echoedParameters(const PlannedDeployment& plan) {
  json echoed = json::object();
  const json declared = plan.tmpl.value("parameters", json::object());
  for (const auto& [name, declaration] : declared.items()) {
    json entry = {{"type", armTypeName(declaration.value("type", "string"))}};
    if (!plan.scope.secureParameters.count(name)) entry["value"] = plan.scope.parameters[name];
    echoed[name] = entry;
  }
  return echoed;
}

}  // namespace pgc::tests
