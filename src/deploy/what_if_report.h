// The what-if result as a reviewer reads it: one line per resource with its change, and the
// property deltas of each modified resource.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace pgc::deploy {

// `result` is ARM's WhatIfOperationResult (platform.md §8.2).
std::string renderWhatIf(const nlohmann::json& result);

}  // namespace pgc::deploy
