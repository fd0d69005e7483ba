// Type names and renderings of compile-time values.
#include "value.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace pgc::sema {

const ValueList* Value::list() const {
  auto* p = as<std::shared_ptr<ValueList>>();
  return p ? p->get() : nullptr;
}

const ValueObject* Value::object() const {
  auto* p = as<std::shared_ptr<ValueObject>>();
  return p ? p->get() : nullptr;
}

Value makeList(ValueList elements, const Span& span) {
  return Value{std::make_shared<ValueList>(std::move(elements)), span};
}

Value makeObject(ValueObject entries, const Span& span) {
  return Value{std::make_shared<ValueObject>(std::move(entries)), span};
}

std::string formatSize(int64_t megabytes) {
  if (megabytes != 0 && megabytes % (1024 * 1024) == 0) return fmt::format("{}TB", megabytes / (1024 * 1024));
  if (megabytes != 0 && megabytes % 1024 == 0) return fmt::format("{}GB", megabytes / 1024);
  return fmt::format("{}MB", megabytes);
}

std::string formatDuration(int64_t minutes) {
  if (minutes != 0 && minutes % (24 * 60) == 0) return fmt::format("{}d", minutes / (24 * 60));
  if (minutes != 0 && minutes % 60 == 0) return fmt::format("{}h", minutes / 60);
  return fmt::format("{}m", minutes);
}

namespace {

struct TypeName {
  std::string operator()(const Null&) { return "null"; }
  std::string operator()(const Poison&) { return "error"; }
  std::string operator()(int64_t) { return "int"; }
  std::string operator()(bool) { return "bool"; }
  std::string operator()(const std::string&) { return "string"; }
  std::string operator()(const Size&) { return "size"; }
  std::string operator()(const Duration&) { return "duration"; }
  std::string operator()(const SecretRef&) { return "secret"; }
  std::string operator()(const DeployParam& p) { return std::string(model::name(p.type)) + " parameter"; }
  std::string operator()(const EnumValue& e) { return e.enumName; }
  std::string operator()(const BareName& b) { return "name `" + b.name + "`"; }
  std::string operator()(const model::Principal&) { return "principal"; }
  std::string operator()(const ResourceAttribute&) { return "resource attribute"; }
  std::string operator()(const ClusterName&) { return "cluster"; }
  std::string operator()(const ModuleName&) { return "module"; }
  std::string operator()(const EnvName&) { return "environment"; }
  std::string operator()(const std::shared_ptr<ValueList>&) { return "list"; }
  std::string operator()(const std::shared_ptr<ValueObject>&) { return "object"; }
};

struct Rendering {
  std::string operator()(const Null&) { return "null"; }
  std::string operator()(const Poison&) { return "<error>"; }
  std::string operator()(int64_t i) { return std::to_string(i); }
  std::string operator()(bool b) { return b ? "true" : "false"; }
  std::string operator()(const std::string& s) { return nlohmann::json(s).dump(); }
  std::string operator()(const Size& s) { return formatSize(s.megabytes); }
  std::string operator()(const Duration& d) { return formatDuration(d.minutes); }
  std::string operator()(const SecretRef& s) { return s.param; }
  std::string operator()(const DeployParam& p) { return p.param; }
  std::string operator()(const EnumValue& e) { return e.member; }
  std::string operator()(const BareName& b) { return b.name; }
  std::string operator()(const model::Principal& p) {
    return fmt::format("{}(\"{}\")", model::name(p.kind), p.name);
  }
  std::string operator()(const ResourceAttribute& r) { return r.cluster + "." + r.attribute; }
  std::string operator()(const ClusterName& c) { return c.cluster; }
  std::string operator()(const ModuleName& m) { return m.alias; }
  std::string operator()(const EnvName&) { return "env"; }
  std::string operator()(const std::shared_ptr<ValueList>& list) {
    std::string out = "[";
    for (size_t i = 0; i < list->size(); ++i) out += (i ? ", " : "") + render((*list)[i]);
    return out + "]";
  }
  std::string operator()(const std::shared_ptr<ValueObject>& object) {
    std::string out = "{";
    for (size_t i = 0; i < object->size(); ++i) {
      out += (i ? ", " : " ") + (*object)[i].first + " = " + render((*object)[i].second);
    }
    return out + (object->empty() ? "}" : " }");
  }
};

nlohmann::json toJson(const Value& value) {
  if (auto* i = value.as<int64_t>()) return *i;
  if (auto* b = value.as<bool>()) return *b;
  if (auto* s = value.as<std::string>()) return *s;
  if (auto* l = value.list()) {
    nlohmann::json out = nlohmann::json::array();
    for (const Value& v : *l) out.push_back(toJson(v));
    return out;
  }
  if (auto* o = value.object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : *o) out[k] = toJson(v);
    return out;
  }
  if (value.is<Null>()) return nullptr;
  return render(value);  // sizes, durations, enum members: as written
}

}  // namespace

std::string describeType(const Value& value) { return std::visit(TypeName{}, value.data); }

std::string render(const Value& value) { return std::visit(Rendering{}, value.data); }

std::string toJsonText(const Value& value) { return toJson(value).dump(); }

}  // namespace pgc::sema
