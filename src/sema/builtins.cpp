// Built-in functions. Principals take a display name and an optional `object_id` that pins
// the Entra identity (platform.md §5: pgaadauth_create_principal_with_oid).
#include "builtins.h"

#include <algorithm>
#include <cctype>

#include "evaluator.h"
#include "suggest.h"

namespace pgc::sema {
namespace {

Value poison(const Span& span) { return Value{Poison{}, span}; }

std::optional<model::PrincipalKind> principalKind(const std::string& name) {
  if (name == "user") return model::PrincipalKind::User;
  if (name == "group") return model::PrincipalKind::Group;
  if (name == "service_principal") return model::PrincipalKind::ServicePrincipal;
  return std::nullopt;
}

Value principal(model::PrincipalKind kind, const ast::Ident& function,
                const std::vector<BuiltinArgument>& arguments, const Span& span,
                Evaluator& evaluator, Diagnostics& sink) {
  const char* usage = "takes a name and an optional `object_id = \"…\"`";
  model::Principal out{kind, "", "", span};
  size_t positional = 0;
  for (const BuiltinArgument& a : arguments) {
    if (!evaluator.requireKnown(a.value, "a principal's name")) return poison(span);
    const std::string* text = a.value.as<std::string>();
    bool isObjectId = a.name && a.name->name == "object_id";
    if ((a.name && !isObjectId) || (!a.name && positional++ > 0) || !text) {
      sink.report(DiagCode::BadArguments, a.value.span, function.name, usage)
          .help(fmt::format("write `{}(\"name\", object_id = \"00000000-0000-0000-0000-000000000000\")`",
                            function.name));
      return poison(span);
    }
    (isObjectId ? out.objectId : out.name) = *text;
  }
  if (out.name.empty()) {
    sink.report(DiagCode::BadArguments, span, function.name, usage)
        .help(fmt::format("write `{}(\"name\")`", function.name));
    return poison(span);
  }
  return Value{out, span};
}

Value extremum(bool wantMax, const ast::Ident& function, const std::vector<BuiltinArgument>& arguments,
               const Span& span, Evaluator& evaluator, Diagnostics& sink) {
  std::vector<Value> values;
  for (const BuiltinArgument& a : arguments) {
    if (const ValueList* list = a.value.list(); list && arguments.size() == 1) {
      values.insert(values.end(), list->begin(), list->end());
    } else {
      values.push_back(a.value);
    }
  }
  auto quantity = [](const Value& v) -> std::optional<int64_t> {
    if (auto* i = v.as<int64_t>()) return *i;
    if (auto* s = v.as<Size>()) return s->megabytes;
    if (auto* d = v.as<Duration>()) return d->minutes;
    return std::nullopt;
  };
  if (values.empty()) {
    sink.report(DiagCode::BadArguments, span, function.name, "needs at least one value");
    return poison(span);
  }
  const Value* best = nullptr;
  for (const Value& v : values) {
    if (!evaluator.requireKnown(v, "passed to a function")) return poison(span);
    if (!quantity(v) || (best && best->data.index() != v.data.index())) {
      sink.report(DiagCode::BadArguments, v.span, function.name,
                  "takes ints, sizes or durations, all of one kind");
      return poison(span);
    }
    if (!best || (wantMax ? *quantity(v) > *quantity(*best) : *quantity(v) < *quantity(*best))) {
      best = &v;
    }
  }
  Value out = *best;
  out.span = span;
  return out;
}

Value changeCase(bool upper, const ast::Ident& function, const std::vector<BuiltinArgument>& arguments,
                 const Span& span, Evaluator& evaluator, Diagnostics& sink) {
  if (arguments.size() != 1 || arguments[0].name) {
    sink.report(DiagCode::BadArguments, span, function.name, "takes one string");
    return poison(span);
  }
  const Value& v = arguments[0].value;
  if (!evaluator.requireKnown(v, "passed to a function")) return poison(span);
  const std::string* text = v.as<std::string>();
  if (!text) {
    sink.report(DiagCode::BadArguments, v.span, function.name, "takes one string");
    return poison(span);
  }
  std::string out = *text;
  for (char& c : out) {
    c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                : std::tolower(static_cast<unsigned char>(c)));
  }
  return Value{out, span};
}

}  // namespace

const std::vector<std::string>& builtinFunctionNames() {
  static const std::vector<std::string> names = {"user", "group", "service_principal",
                                                 "min",  "max",   "lower", "upper"};
  return names;
}

Value callBuiltin(const ast::Ident& function, const std::vector<BuiltinArgument>& arguments,
                  const Span& span, Evaluator& evaluator, Diagnostics& sink) {
  for (const BuiltinArgument& a : arguments) {
    if (a.value.is<Poison>()) return poison(span);
  }
  if (auto kind = principalKind(function.name)) {
    return principal(*kind, function, arguments, span, evaluator, sink);
  }
  if (function.name == "min" || function.name == "max") {
    return extremum(function.name == "max", function, arguments, span, evaluator, sink);
  }
  if (function.name == "lower" || function.name == "upper") {
    return changeCase(function.name == "upper", function, arguments, span, evaluator, sink);
  }
  Diagnostic& d = sink.report(DiagCode::UnknownFunction, function.span, function.name);
  if (auto best = closestName(function.name, builtinFunctionNames())) {
    d.help("did you mean `" + *best + "`?");
  } else {
    d.help("the functions are " + listNames(builtinFunctionNames()));
  }
  return poison(span);
}

}  // namespace pgc::sema
