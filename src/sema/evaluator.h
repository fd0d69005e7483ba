// Evaluates expressions at compile time for one environment: literals with units, names,
// operators with overflow and type checks, `in`, `?:`, calls and string interpolation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pgc/ast.h"
#include "pgc/diagnostics.h"
#include "value.h"

namespace pgc::sema {

// What names mean where an expression is evaluated.
class NameScope {
 public:
  virtual ~NameScope() = default;
  // The value of a bare name, or nullopt when it is no name in scope (an enum member).
  virtual std::optional<Value> lookup(const ast::Ident& name) = 0;
  // `env.stage`, `std.dev`, `main.fqdn`: members of the namespace values lookup returns.
  virtual std::optional<Value> member(const Value& object, const ast::Ident& member) = 0;
  // Names a member of `object` could be, for suggestions.
  virtual std::vector<std::string> memberNames(const Value& object) = 0;
  // Every name in scope, for suggestions.
  virtual std::vector<std::string> names() = 0;
};

class Evaluator {
 public:
  Evaluator(NameScope& scope, Diagnostics& sink) : scope_(scope), sink_(sink) {}

  Value eval(const ast::Expr& expr);
  // A condition of `when` or `?:`: a bool, known at compile time. Nullopt after an error.
  std::optional<bool> condition(const ast::Expr& expr);
  // Reports a value that cannot be known at compile time (`use` says how it was used), or
  // a bare name that is no name in scope. True when the value is usable.
  bool requireKnown(const Value& value, const char* use);
  // Reports a bare name as undefined, suggesting the closest name in scope.
  void reportUndefined(const Value& bareName);

 private:
  Value evalNode(const ast::Expr& expr);
  Value unary(const ast::UnaryExpr& e, const Span& span);
  Value binary(const ast::BinaryExpr& e, const Span& span);
  Value arithmetic(ast::BinaryOp op, const Value& left, const Value& right, const Span& span);
  Value compare(ast::BinaryOp op, const Value& left, const Value& right, const Span& span);
  Value membership(const ast::InExpr& e, const Span& span);
  Value member(const ast::MemberExpr& e, const Span& span);
  Value call(const ast::CallExpr& e, const Span& span);
  Value interpolate(const ast::StringLiteral& s, const Span& span);
  std::optional<bool> equal(const Value& left, const Value& right, const Span& opSpan);
  Value operandError(ast::BinaryOp op, const Value& left, const Value& right, const Span& span);

  NameScope& scope_;
  Diagnostics& sink_;
};

}  // namespace pgc::sema
