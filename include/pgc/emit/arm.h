// The ARM emitter: the deployment template and parameters file of one environment, as
// pure functions of the Model. Output is deterministic, for reviewers' diffs.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pgc/model.h"
#include "pgc/rules_catalog.h"

namespace pgc::emit {

// `<project>.json`: resource-group scope, or subscription scope when the environment says so.
// The platform catalog says which libraries the cluster's extensions need preloaded, which
// extensions provide its column types and what Azure preloads by default.
nlohmann::ordered_json armTemplate(const model::Model& model,
                                   const rules::PlatformCatalog& catalog);
// `<project>.parameters.json`: the deployment parameters file that goes with the template.
// It holds the values pgc knows (the location, params' defaults) and never a secret: a
// `secret` param is left out, to be supplied when the template is deployed.
nlohmann::ordered_json armParameters(const model::Model& model);
// JSON as pgc writes files: two-space indent, `\n` line ends, a final newline.
std::string renderJson(const nlohmann::ordered_json& json);

}  // namespace pgc::emit
