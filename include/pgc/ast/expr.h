// Expression nodes of the AST: literals, names, operators, calls, lists, objects, strings.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pgc/source.h"

namespace pgc::ast {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// A name as written, with where it was written.
struct Ident {
  std::string name;
  Span span;
};

// `a.b.c`: environment bases, colocation targets, grant targets.
struct QualifiedName {
  std::vector<Ident> parts;
  Span span;
  std::string str() const;
};

struct IntLiteral {
  int64_t value = 0;
};

enum class SizeUnit { MB, GB, TB };
struct SizeLiteral {
  int64_t amount = 0;
  SizeUnit unit = SizeUnit::GB;
};

enum class DurationUnit { Days, Hours, Minutes };
struct DurationLiteral {
  int64_t amount = 0;
  DurationUnit unit = DurationUnit::Days;
};

struct BoolLiteral {
  bool value = false;
};

// A string: literal text pieces and `${…}` interpolations, in order.
struct StringPart {
  std::string text;  // escapes already decoded; empty for an interpolation
  ExprPtr interpolation;
  Span span;
};
struct StringLiteral {
  std::vector<StringPart> parts;
  bool isPlain() const;          // no interpolation
  std::string plainText() const;  // the text of a plain string
};

struct NameRef {
  Ident name;
};

struct ListExpr {
  std::vector<ExprPtr> elements;
};

struct ObjectEntry {
  Ident key;  // a string key is kept with its text as the name
  bool quotedKey = false;
  ExprPtr value;
  Span span;
};
struct ObjectExpr {
  std::vector<ObjectEntry> entries;
};

struct MemberExpr {
  ExprPtr object;
  Ident member;
};

struct Argument {
  std::optional<Ident> name;  // set for `object_id = "…"`
  ExprPtr value;
  Span span;
};
struct CallExpr {
  ExprPtr callee;
  std::vector<Argument> arguments;
};

enum class UnaryOp { Not, Negate };
struct UnaryExpr {
  UnaryOp op = UnaryOp::Not;
  ExprPtr operand;
};

enum class BinaryOp { Mul, Div, Mod, Add, Sub, Lt, Le, Gt, Ge, Eq, Ne, And, Or };
struct BinaryExpr {
  BinaryOp op = BinaryOp::Add;
  ExprPtr left;
  ExprPtr right;
  Span opSpan;
};

struct InExpr {
  bool negated = false;
  ExprPtr element;
  ExprPtr collection;
};

struct ConditionalExpr {
  ExprPtr condition;
  ExprPtr whenTrue;
  ExprPtr whenFalse;
};

// `@description("…")`, `@allow(PGC2101, reason = "…")`.
struct Decorator {
  Ident name;
  std::vector<Argument> arguments;
  Span span;
};

using ExprNode =
    std::variant<IntLiteral, SizeLiteral, DurationLiteral, BoolLiteral, StringLiteral, NameRef,
                 ListExpr, ObjectExpr, MemberExpr, CallExpr, UnaryExpr, BinaryExpr, InExpr,
                 ConditionalExpr>;

struct Expr {
  ExprNode node;
  Span span;
};

const char* spelling(BinaryOp op);
const char* spelling(SizeUnit unit);
const char* spelling(DurationUnit unit);

}  // namespace pgc::ast
