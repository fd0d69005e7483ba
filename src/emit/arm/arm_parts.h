// The pieces of an ARM template, one file each, that armTemplate() puts together. Every
// string that comes from the program goes through literal() or quoted(), so that ARM never
// reads a value as an expression it was not meant to be (platform.md §7, escaping rule).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pgc/model.h"
#include "pgc/rules_catalog.h"

namespace pgc::emit::arm {

using Json = nlohmann::ordered_json;

// API versions: the first stable one with `properties.cluster` (platform.md §1.1), and the
// deployments API of Microsoft.Resources (platform.md §8).
constexpr const char* kPostgresApiVersion = "2025-08-01";
constexpr const char* kResourcesApiVersion = "2025-04-01";
constexpr const char* kServerType = "Microsoft.DBforPostgreSQL/flexibleServers";
constexpr const char* kResourceGroupSchema =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
constexpr const char* kSubscriptionSchema =
    "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#";
constexpr const char* kParametersSchema =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";
constexpr const char* kContentVersion = "1.0.0.0";
constexpr const char* kLocationParam = "location";

// --- expressions.cpp: ARM's template language ---
// A literal string as ARM reads it: one that starts with `[` and ends with `]` gets another `[`.
std::string literal(const std::string& text);
// The same for every string inside a JSON value (arrays and objects too).
Json literalJson(const Json& value);
// A string literal inside an expression: single quotes, a quote doubled.
std::string quoted(const std::string& text);
std::string parameterRef(const std::string& param);  // [parameters('p')]
// `resourceId('type', 'name', …)` without the brackets, to be part of a larger expression.
std::string resourceIdCall(const std::string& type, const std::vector<std::string>& names);
std::string resourceId(const std::string& type, const std::vector<std::string>& names);
// The name of a child resource declared at the top level: `[format('{0}/{1}', 'srv', 'c')]`.
std::string childName(const std::string& server, const std::string& child);

// --- template_hash.cpp ---
// A decimal 64-bit FNV-1a hash of the template's text, as Bicep writes its templateHash.
std::string templateHash(const Json& templateWithoutGenerator);

// --- parameters.cpp ---
// The template's `parameters`: the location, then the program's params in declaration order,
// less the secrets no resource of the template takes (a role's password goes to psql).
Json templateParameters(const model::Model& model);

// --- server_parameters.cpp: the values of the `configurations` children ---
struct ServerParameter {
  std::string name;
  std::string value;
};
// `azure.extensions`, then `shared_preload_libraries` when it must change, then the rest of
// the settings in the order the program wrote them.
std::vector<ServerParameter> serverParameters(const model::Model& model,
                                              const model::Cluster& cluster,
                                              const rules::PlatformCatalog& catalog);

// --- firewall_range.cpp ---
struct IpRange {
  std::string start;
  std::string end;
};
// "203.0.113.7", "203.0.113.0/24" or "203.0.113.10-203.0.113.20" as a start and end address;
// nullopt when it is none of these (the rules report it).
std::optional<IpRange> firewallRange(const std::string& value);

// --- server_resource.cpp ---
Json serverResource(const model::Cluster& cluster);
std::string serverId(const model::Cluster& cluster);  // [resourceId(…)] of the server
// Password sign-in with a secret to set: the server takes the admin login and password.
bool serverTakesPassword(const model::Cluster& cluster);

// --- child_resources.cpp ---
// Entra administrators, firewall rules, the database of a flexible server and the server
// parameters, each depending on the one before: Azure runs one operation on a server at a
// time and fails the others with ServerIsBusy.
std::vector<Json> childResources(const model::Model& model, const model::Cluster& cluster,
                                 const rules::PlatformCatalog& catalog);

// --- outputs.cpp ---
// Each cluster's `<cluster>_fqdn`, `_id` and `_name`, then the program's outputs.
Json templateOutputs(const model::Model& model);

// --- arm_template.cpp ---
// What differs between templates; assembleTemplate() puts it in ARM's conventional order.
struct TemplateBody {
  const char* schema;
  Json parameters;
  Json resources;
  Json outputs;
};
// `metadata` is left out when empty.
Json assembleTemplate(const TemplateBody& body, const Json& metadata);

// --- subscription_scope.cpp ---
// A subscription-scope template that creates the resource group and deploys `inner` into
// it through a nested deployment, passing every parameter through and every output back.
TemplateBody subscriptionBody(const model::Model& model, const Json& inner);

}  // namespace pgc::emit::arm
