// The functions of the language: principals (user, group, service_principal) and
// min, max, lower, upper.
#pragma once

#include <optional>
#include <vector>

#include "pgc/ast.h"
#include "pgc/diagnostics.h"
#include "value.h"

namespace pgc::sema {

class Evaluator;

struct BuiltinArgument {
  std::optional<ast::Ident> name;  // set for `object_id = "…"`
  Value value;
};

const std::vector<std::string>& builtinFunctionNames();

Value callBuiltin(const ast::Ident& function, const std::vector<BuiltinArgument>& arguments,
                  const Span& span, Evaluator& evaluator, Diagnostics& sink);

}  // namespace pgc::sema
