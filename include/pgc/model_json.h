// The Model as JSON with a stable key order, for `pgc model` and snapshot tests.
#pragma once

#include <nlohmann/json.hpp>

#include "pgc/model.h"

namespace pgc::model {

nlohmann::ordered_json toJson(const Model& model);

}  // namespace pgc::model
