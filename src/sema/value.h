// Compile-time values of the pgc expression language, with the span that produced them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "pgc/model.h"
#include "pgc/source.h"

namespace pgc::sema {

struct Value;
using ValueList = std::vector<Value>;
using ValueObject = std::vector<std::pair<std::string, Value>>;  // in written order

struct Null {};
// The result of an expression that already produced an error: every use of it is silent.
struct Poison {};
struct Size {
  int64_t megabytes = 0;
};
struct Duration {
  int64_t minutes = 0;
};
// A `secret` parameter: known at deploy time only, never printed.
struct SecretRef {
  std::string param;
};
// A non-secret parameter: known at deploy time only.
struct DeployParam {
  std::string param;
  model::ParamType type = model::ParamType::String;
};
// A member of a known enum, such as `env.stage` evaluating to `prod`.
struct EnumValue {
  std::string enumName;
  std::string member;
};
// A bare name that is no name in scope: an enum member where the field expects one.
struct BareName {
  std::string name;
};
// `main.fqdn`: an attribute of a deployed resource.
struct ResourceAttribute {
  std::string cluster;
  std::string attribute;
};
// `main` alone, `std` alone: names that only make sense followed by `.member`.
struct ClusterName {
  std::string cluster;
};
struct ModuleName {
  std::string alias;
};
struct EnvName {};

struct Value {
  std::variant<Null, Poison, int64_t, bool, std::string, Size, Duration, SecretRef, DeployParam, EnumValue,
               BareName, model::Principal, ResourceAttribute, ClusterName, ModuleName, EnvName,
               std::shared_ptr<ValueList>, std::shared_ptr<ValueObject>>
      data;
  Span span;

  template <typename T>
  const T* as() const {
    return std::get_if<T>(&data);
  }
  template <typename T>
  bool is() const {
    return std::holds_alternative<T>(data);
  }
  const ValueList* list() const;
  const ValueObject* object() const;
};

Value makeList(ValueList elements, const Span& span);
Value makeObject(ValueObject entries, const Span& span);

// "int", "size", "enum member `prod`", "secret", … — for messages.
std::string describeType(const Value& value);
// The value as users write it: `128GB`, `"text"`, `[1, 2]`. Secrets print as `<secret>`.
std::string render(const Value& value);
// The value as JSON text, for the Model; secrets and deploy-time values are refused.
std::string toJsonText(const Value& value);

std::string formatSize(int64_t megabytes);
std::string formatDuration(int64_t minutes);

}  // namespace pgc::sema
