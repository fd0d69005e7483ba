// The expression evaluator. Every error is reported once, where it happens; the value that
// comes out of it is poison, which later operations pass along without reporting again.
#include <algorithm>

#include "evaluator.h"

#include <fmt/format.h>

#include "builtins.h"
#include "pgc/field_schemas.h"
#include "suggest.h"

namespace pgc::sema {
namespace {

constexpr int64_t kMegabytesPerGigabyte = 1024;
constexpr int64_t kMinutesPerDay = 24 * 60;

bool checkedMultiply(int64_t a, int64_t b, int64_t& out) { return !__builtin_mul_overflow(a, b, &out); }

Value poison(const Span& span) { return Value{Poison{}, span}; }

bool isPoison(const Value& v) { return v.is<Poison>(); }

// Which enum a bare name belongs to when compared with `value`, if any.
const EnumValue* enumOf(const Value& value) { return value.as<EnumValue>(); }

}  // namespace

Value Evaluator::eval(const ast::Expr& expr) {
  Value value = evalNode(expr);
  value.span = expr.span;
  return value;
}

void Evaluator::reportUndefined(const Value& bareName) {
  const auto* name = bareName.as<BareName>();
  Diagnostic& d = sink_.report(DiagCode::UndefinedName, bareName.span, name->name);
  suggestName(d, name->name, scope_.names());
  if (!d.fix) {
    d.help(fmt::format("declare it with `let {0} = …`, or `param {0}: string` for a value "
                       "given at deploy time; a string needs quotes",
                       name->name));
  }
}

bool Evaluator::requireKnown(const Value& value, const char* use) {
  if (isPoison(value)) return false;
  if (auto* secret = value.as<SecretRef>()) {
    sink_.report(DiagCode::SecretAtCompileTime, value.span, secret->param, use)
        .note("a secret is passed to Azure at deploy time; pgc never sees its value")
        .help("use the secret only as a whole field value, such as `admin_password = " +
              secret->param + "`");
    return false;
  }
  if (auto* param = value.as<DeployParam>()) {
    sink_.report(DiagCode::DeployTimeValue, value.span, param->param, use)
        .help("use a `let` constant for values the program computes with");
    return false;
  }
  if (auto* attribute = value.as<ResourceAttribute>()) {
    sink_.report(DiagCode::DeployTimeValue, value.span,
                 attribute->cluster + "." + attribute->attribute, use)
        .help("resource attributes can only be outputs");
    return false;
  }
  if (value.is<BareName>()) {
    reportUndefined(value);
    return false;
  }
  return true;
}

std::optional<bool> Evaluator::condition(const ast::Expr& expr) {
  Value value = eval(expr);
  if (!requireKnown(value, "used as a condition")) return std::nullopt;
  if (auto* b = value.as<bool>()) return *b;
  sink_.report(DiagCode::ConditionNotBool, value.span, describeType(value))
      .help("compare it, such as `env.stage == prod`");
  return std::nullopt;
}

Value Evaluator::evalNode(const ast::Expr& expr) {
  const Span& span = expr.span;
  return std::visit(
      [&](const auto& node) -> Value {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::IntLiteral>) {
          return Value{node.value, span};
        } else if constexpr (std::is_same_v<T, ast::SizeLiteral>) {
          int64_t factor = node.unit == ast::SizeUnit::MB   ? 1
                           : node.unit == ast::SizeUnit::GB ? kMegabytesPerGigabyte
                                                            : kMegabytesPerGigabyte * 1024;
          int64_t mb = 0;
          if (!checkedMultiply(node.amount, factor, mb)) {
            sink_.report(DiagCode::IntegerOverflow, span, fmt::format("{}{}", node.amount, ast::spelling(node.unit)));
            return poison(span);
          }
          return Value{Size{mb}, span};
        } else if constexpr (std::is_same_v<T, ast::DurationLiteral>) {
          int64_t factor = node.unit == ast::DurationUnit::Days    ? kMinutesPerDay
                           : node.unit == ast::DurationUnit::Hours ? 60
                                                                   : 1;
          int64_t minutes = 0;
          if (!checkedMultiply(node.amount, factor, minutes)) {
            sink_.report(DiagCode::IntegerOverflow, span, fmt::format("{}{}", node.amount, ast::spelling(node.unit)));
            return poison(span);
          }
          return Value{Duration{minutes}, span};
        } else if constexpr (std::is_same_v<T, ast::BoolLiteral>) {
          return Value{node.value, span};
        } else if constexpr (std::is_same_v<T, ast::StringLiteral>) {
          return interpolate(node, span);
        } else if constexpr (std::is_same_v<T, ast::NameRef>) {
          if (auto value = scope_.lookup(node.name)) {
            Value v = *value;
            v.span = span;
            return v;
          }
          return Value{BareName{node.name.name}, span};
        } else if constexpr (std::is_same_v<T, ast::ListExpr>) {
          ValueList elements;
          for (const ast::ExprPtr& element : node.elements) elements.push_back(eval(*element));
          return makeList(std::move(elements), span);
        } else if constexpr (std::is_same_v<T, ast::ObjectExpr>) {
          ValueObject entries;
          for (const ast::ObjectEntry& entry : node.entries) {
            auto same = [&](const auto& kv) { return kv.first == entry.key.name; };
            auto previous = std::find_if(entries.begin(), entries.end(), same);
            if (previous != entries.end()) {
              sink_.report(DiagCode::DuplicateKey, entry.key.span, entry.key.name)
                  .note(previous->second.span, "the first value of `" + entry.key.name + "`")
                  .help("remove one of them");
              continue;
            }
            entries.emplace_back(entry.key.name, eval(*entry.value));
          }
          return makeObject(std::move(entries), span);
        } else if constexpr (std::is_same_v<T, ast::MemberExpr>) {
          return member(node, span);
        } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
          return call(node, span);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          return unary(node, span);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          return binary(node, span);
        } else if constexpr (std::is_same_v<T, ast::InExpr>) {
          return membership(node, span);
        } else {
          std::optional<bool> test = condition(*node.condition);
          if (!test) return poison(span);
          return eval(*test ? *node.whenTrue : *node.whenFalse);
        }
      },
      expr.node);
}

Value Evaluator::interpolate(const ast::StringLiteral& s, const Span& span) {
  std::string out;
  for (const ast::StringPart& part : s.parts) {
    if (!part.interpolation) {
      out += part.text;
      continue;
    }
    Value value = eval(*part.interpolation);
    if (!requireKnown(value, "interpolated into a string")) return poison(span);
    if (auto* text = value.as<std::string>()) {
      out += *text;
    } else if (value.list() || value.object() || value.is<model::Principal>() ||
               value.is<ClusterName>() || value.is<ModuleName>() || value.is<EnvName>()) {
      sink_.report(DiagCode::TypeMismatch, value.span, "${…}", "a string, number, bool, size, duration or enum member",
                   describeType(value));
      return poison(span);
    } else {
      out += render(value);
    }
  }
  return Value{out, span};
}

Value Evaluator::unary(const ast::UnaryExpr& e, const Span& span) {
  Value operand = eval(*e.operand);
  const char* symbol = e.op == ast::UnaryOp::Not ? "!" : "-";
  if (!requireKnown(operand, e.op == ast::UnaryOp::Not ? "negated" : "used in arithmetic")) {
    return poison(span);
  }
  if (e.op == ast::UnaryOp::Not) {
    if (auto* b = operand.as<bool>()) return Value{!*b, span};
  } else {
    int64_t out = 0;
    auto negate = [&](int64_t v) {
      if (__builtin_sub_overflow(int64_t{0}, v, &out)) {
        sink_.report(DiagCode::IntegerOverflow, span, fmt::format("-{}", render(operand)));
        return false;
      }
      return true;
    };
    if (auto* i = operand.as<int64_t>()) return negate(*i) ? Value{out, span} : poison(span);
    if (auto* s = operand.as<Size>()) return negate(s->megabytes) ? Value{Size{out}, span} : poison(span);
    if (auto* d = operand.as<Duration>()) return negate(d->minutes) ? Value{Duration{out}, span} : poison(span);
  }
  sink_.report(DiagCode::OperandTypes, span, symbol, describeType(operand), "nothing")
      .help(e.op == ast::UnaryOp::Not ? "`!` takes a bool" : "`-` takes an int, a size or a duration");
  return poison(span);
}

Value Evaluator::binary(const ast::BinaryExpr& e, const Span& span) {
  Value left = eval(*e.left);
  if (e.op == ast::BinaryOp::And || e.op == ast::BinaryOp::Or) {
    if (!requireKnown(left, "used as a condition")) return poison(span);
    const bool* l = left.as<bool>();
    if (!l) return operandError(e.op, left, Value{Null{}, e.right->span}, span);
    if (e.op == ast::BinaryOp::And && !*l) return Value{false, span};
    if (e.op == ast::BinaryOp::Or && *l) return Value{true, span};
    Value right = eval(*e.right);
    if (!requireKnown(right, "used as a condition")) return poison(span);
    if (auto* r = right.as<bool>()) return Value{*r, span};
    return operandError(e.op, left, right, span);
  }
  Value right = eval(*e.right);
  switch (e.op) {
    case ast::BinaryOp::Eq:
    case ast::BinaryOp::Ne:
    case ast::BinaryOp::Lt:
    case ast::BinaryOp::Le:
    case ast::BinaryOp::Gt:
    case ast::BinaryOp::Ge:
      return compare(e.op, left, right, e.opSpan);
    default:
      return arithmetic(e.op, left, right, span);
  }
}

Value Evaluator::operandError(ast::BinaryOp op, const Value& left, const Value& right,
                              const Span& span) {
  if (isPoison(left) || isPoison(right)) return poison(span);
  sink_.report(DiagCode::OperandTypes, span, ast::spelling(op), describeType(left),
               describeType(right));
  return poison(span);
}

Value Evaluator::arithmetic(ast::BinaryOp op, const Value& left, const Value& right,
                            const Span& span) {
  if (!requireKnown(left, "used in arithmetic") || !requireKnown(right, "used in arithmetic")) {
    return poison(span);
  }
  if (op == ast::BinaryOp::Add && left.is<std::string>() && right.is<std::string>()) {
    return Value{*left.as<std::string>() + *right.as<std::string>(), span};
  }
  auto overflow = [&] {
    sink_.report(DiagCode::IntegerOverflow, span,
                 fmt::format("{} {} {}", render(left), ast::spelling(op), render(right)));
    return poison(span);
  };
  auto apply = [&](int64_t a, int64_t b, int64_t& out) -> bool {
    switch (op) {
      case ast::BinaryOp::Add: return !__builtin_add_overflow(a, b, &out);
      case ast::BinaryOp::Sub: return !__builtin_sub_overflow(a, b, &out);
      case ast::BinaryOp::Mul: return !__builtin_mul_overflow(a, b, &out);
      case ast::BinaryOp::Div:
        if (a == INT64_MIN && b == -1) return false;
        out = a / b;
        return true;
      default:
        if (a == INT64_MIN && b == -1) return false;
        out = a % b;
        return true;
    }
  };
  bool divides = op == ast::BinaryOp::Div || op == ast::BinaryOp::Mod;
  auto divisorIsZero = [&](int64_t b) {
    if (divides && b == 0) {
      sink_.report(DiagCode::DivisionByZero, right.span).help("the divisor evaluates to 0");
      return true;
    }
    return false;
  };
  int64_t out = 0;
  const int64_t* li = left.as<int64_t>();
  const int64_t* ri = right.as<int64_t>();
  if (li && ri) {
    if (divisorIsZero(*ri)) return poison(span);
    return apply(*li, *ri, out) ? Value{out, span} : overflow();
  }
  // Sizes and durations: added to or subtracted from their own kind, scaled by ints, and
  // divided by their own kind into a ratio.
  auto quantity = [&](const Value& v) -> std::optional<int64_t> {
    if (auto* s = v.as<Size>()) return s->megabytes;
    if (auto* d = v.as<Duration>()) return d->minutes;
    return std::nullopt;
  };
  auto wrap = [&](const Value& kind, int64_t amount) {
    return kind.is<Size>() ? Value{Size{amount}, span} : Value{Duration{amount}, span};
  };
  std::optional<int64_t> lq = quantity(left), rq = quantity(right);
  bool sameKind = lq && rq && left.data.index() == right.data.index();
  if (sameKind && (op == ast::BinaryOp::Add || op == ast::BinaryOp::Sub)) {
    return apply(*lq, *rq, out) ? wrap(left, out) : overflow();
  }
  if (sameKind && op == ast::BinaryOp::Div) {
    if (divisorIsZero(*rq)) return poison(span);
    return apply(*lq, *rq, out) ? Value{out, span} : overflow();
  }
  if (lq && ri && (op == ast::BinaryOp::Mul || op == ast::BinaryOp::Div)) {
    if (divisorIsZero(*ri)) return poison(span);
    return apply(*lq, *ri, out) ? wrap(left, out) : overflow();
  }
  if (li && rq && op == ast::BinaryOp::Mul) {
    return apply(*li, *rq, out) ? wrap(right, out) : overflow();
  }
  return operandError(op, left, right, span);
}

std::optional<bool> Evaluator::equal(const Value& left, const Value& right, const Span& opSpan) {
  // An enum value against a bare name: the name must be a member of that enum.
  auto enumAgainstName = [&](const EnumValue& e, const Value& other) -> std::optional<bool> {
    const auto* bare = other.as<BareName>();
    const auto& members = enumMembers(e.enumName);
    if (std::find(members.begin(), members.end(), bare->name) == members.end()) {
      Diagnostic& d = sink_.report(DiagCode::UnknownEnumMember, other.span, e.enumName,
                                   bare->name, listNames(members));
      suggestName(d, bare->name, members);
      return std::nullopt;
    }
    return e.member == bare->name;
  };
  if (auto* e = enumOf(left); e && right.is<BareName>()) return enumAgainstName(*e, right);
  if (auto* e = enumOf(right); e && left.is<BareName>()) return enumAgainstName(*e, left);
  if (!requireKnown(left, "compared") || !requireKnown(right, "compared")) return std::nullopt;
  if (left.data.index() != right.data.index()) {
    Diagnostic& d = sink_.report(DiagCode::OperandTypes, opSpan, "==", describeType(left),
                                 describeType(right));
    if (left.is<EnumValue>() && right.is<std::string>()) {
      d.help("write the member without quotes, such as `env.stage == prod`");
    }
    return std::nullopt;
  }
  if (auto* e = left.as<EnumValue>()) {
    return e->enumName == right.as<EnumValue>()->enumName && e->member == right.as<EnumValue>()->member;
  }
  return render(left) == render(right);
}

Value Evaluator::compare(ast::BinaryOp op, const Value& left, const Value& right,
                         const Span& opSpan) {
  Span span = left.span.file ? left.span.file->span(left.span.begin, right.span.end) : opSpan;
  if (isPoison(left) || isPoison(right)) return poison(span);
  if (op == ast::BinaryOp::Eq || op == ast::BinaryOp::Ne) {
    std::optional<bool> same = equal(left, right, opSpan);
    if (!same) return poison(span);
    return Value{op == ast::BinaryOp::Eq ? *same : !*same, span};
  }
  if (!requireKnown(left, "compared") || !requireKnown(right, "compared")) return poison(span);
  auto ordered = [&](const Value& v) -> std::optional<int64_t> {
    if (auto* i = v.as<int64_t>()) return *i;
    if (auto* s = v.as<Size>()) return s->megabytes;
    if (auto* d = v.as<Duration>()) return d->minutes;
    return std::nullopt;
  };
  int order = 0;
  if (left.data.index() == right.data.index() && ordered(left)) {
    int64_t a = *ordered(left), b = *ordered(right);
    order = a < b ? -1 : (a > b ? 1 : 0);
  } else if (left.is<std::string>() && right.is<std::string>()) {
    order = left.as<std::string>()->compare(*right.as<std::string>());
  } else {
    return operandError(op, left, right, span);
  }
  bool result = op == ast::BinaryOp::Lt   ? order < 0
                : op == ast::BinaryOp::Le ? order <= 0
                : op == ast::BinaryOp::Gt ? order > 0
                                          : order >= 0;
  return Value{result, span};
}

Value Evaluator::membership(const ast::InExpr& e, const Span& span) {
  Value element = eval(*e.element);
  Value collection = eval(*e.collection);
  if (isPoison(element) || isPoison(collection)) return poison(span);
  if (!requireKnown(collection, "searched with `in`")) return poison(span);
  bool found = false;
  if (const ValueList* list = collection.list()) {
    for (const Value& candidate : *list) {
      std::optional<bool> same = equal(element, candidate, span);
      if (!same) return poison(span);
      if (*same) found = true;
    }
  } else if (const ValueObject* object = collection.object()) {
    if (!requireKnown(element, "searched for with `in`")) return poison(span);
    const std::string* key = element.as<std::string>();
    if (!key) {
      sink_.report(DiagCode::OperandTypes, span, "in", describeType(element), "object")
          .help("look up an object's keys with a string");
      return poison(span);
    }
    for (const auto& entry : *object) found = found || entry.first == *key;
  } else if (const std::string* text = collection.as<std::string>()) {
    if (!requireKnown(element, "searched for with `in`")) return poison(span);
    const std::string* needle = element.as<std::string>();
    if (!needle) return operandError(ast::BinaryOp::Eq, element, collection, span);
    found = text->find(*needle) != std::string::npos;
  } else {
    sink_.report(DiagCode::OperandTypes, span, "in", describeType(element), describeType(collection))
        .help("`in` searches a list, an object's keys or a string");
    return poison(span);
  }
  return Value{e.negated ? !found : found, span};
}

Value Evaluator::member(const ast::MemberExpr& e, const Span& span) {
  Value object = eval(*e.object);
  if (isPoison(object)) return poison(span);
  if (object.is<BareName>()) {
    reportUndefined(object);
    return poison(span);
  }
  if (const ValueObject* entries = object.object()) {
    for (const auto& [key, value] : *entries) {
      if (key == e.member.name) return value;
    }
    std::vector<std::string> keys;
    for (const auto& entry : *entries) keys.push_back(entry.first);
    Diagnostic& d = sink_.report(DiagCode::UnknownMember, e.member.span, "the object",
                                 e.member.name);
    suggestName(d, e.member.name, keys);
    return poison(span);
  }
  if (auto value = scope_.member(object, e.member)) {
    Value v = *value;
    v.span = span;
    return v;
  }
  Diagnostic& d = sink_.report(DiagCode::UnknownMember, e.member.span,
                               "`" + render(object) + "`", e.member.name);
  suggestName(d, e.member.name, scope_.memberNames(object));
  return poison(span);
}

Value Evaluator::call(const ast::CallExpr& e, const Span& span) {
  const auto* callee = std::get_if<ast::NameRef>(&e.callee->node);
  if (!callee) {
    const Span& at = e.callee->span;
    std::string written = at.file->text().substr(at.begin, at.end - at.begin);
    sink_.report(DiagCode::NotCallable, at, "`" + written + "`")
        .help("the functions are " + listNames(builtinFunctionNames()));
    return poison(span);
  }
  std::vector<BuiltinArgument> arguments;
  for (const ast::Argument& a : e.arguments) {
    arguments.push_back({a.name ? std::optional<ast::Ident>(*a.name) : std::nullopt, eval(*a.value)});
  }
  return callBuiltin(callee->name, arguments, span, *this, sink_);
}

}  // namespace pgc::sema
