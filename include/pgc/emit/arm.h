// The ARM emitter: the deployment template and parameters file of one environment, as
// pure functions of the Model. Output is deterministic, for reviewers' diffs.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pgc/model.h"

namespace pgc::emit {

// `<project>.json`: resource-group scope, or subscription scope when the environment says so.
nlohmann::ordered_json armTemplate(const model::Model& model);
// `<project>.parameters.json`: the deployment parameters file that goes with the template.
nlohmann::ordered_json armParameters(const model::Model& model);
// JSON as pgc writes files: two-space indent, `\n` line ends, a final newline.
std::string renderJson(const nlohmann::ordered_json& json);

}  // namespace pgc::emit
