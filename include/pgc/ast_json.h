// The AST as JSON, for `pgc ast`: debugging the parser and pinning it down in tests.
#pragma once

#include <nlohmann/json.hpp>

#include "pgc/ast.h"

namespace pgc::ast {

nlohmann::ordered_json toJson(const Module& module);

}  // namespace pgc::ast
