// Name lookup for expressions. Environments are not values: `prod` in `env.stage == prod`
// is the stage, never an environment called prod.
#include "program_scope.h"

namespace pgc::sema {
namespace {

const std::vector<std::string> kClusterAttributes = {"fqdn", "id", "name"};
const std::vector<std::string> kEnvironmentFields = {"name", "stage", "location", "subscription",
                                                     "resource_group", "scope", "tags"};

Value tagsObject(const model::Tags& tags, const Span& span) {
  ValueObject entries;
  for (const auto& [key, value] : tags) entries.emplace_back(key, Value{value, span});
  return makeObject(std::move(entries), span);
}

}  // namespace

Value ProgramScope::evaluateLet(const Declared<ast::LetDecl>& let, const Span& use) {
  if (auto it = lets_.values.find(let.decl); it != lets_.values.end()) return it->second;
  if (lets_.inProgress.count(let.decl)) {
    sink_.report(DiagCode::LetCycle, use, let.decl->name.name)
        .note(let.decl->name.span, "`" + let.decl->name.name + "` is defined here")
        .help("a constant cannot use its own value, directly or through others");
    return Value{Poison{}, use};
  }
  lets_.inProgress.insert(let.decl);
  ProgramScope scope(index_, *let.module, env_, lets_, sink_);
  Evaluator evaluator(scope, sink_);
  Value value = evaluator.eval(*let.decl->value);
  lets_.inProgress.erase(let.decl);
  lets_.values[let.decl] = value;
  return value;
}

std::optional<Value> ProgramScope::lookup(const ast::Ident& name) {
  if (name.name == "env" && env_) return Value{EnvName{}, name.span};
  const ModuleIndex& own = index_.moduleIndex(module_);
  if (auto it = own.lets.find(name.name); it != own.lets.end()) {
    return evaluateLet(it->second, name.span);
  }
  if (auto it = module_.imports.find(name.name); it != module_.imports.end()) {
    return Value{ModuleName{name.name}, name.span};
  }
  if (!isRoot()) return std::nullopt;
  for (const auto& param : index_.params) {
    if (param.decl->name.name != name.name) continue;
    const std::string& type = param.decl->type.name;
    if (type == "secret") return Value{SecretRef{name.name}, name.span};
    model::ParamType t = type == "int"    ? model::ParamType::Int
                         : type == "bool" ? model::ParamType::Bool
                                          : model::ParamType::String;
    return Value{DeployParam{name.name, t}, name.span};
  }
  if (index_.cluster(name.name)) return Value{ClusterName{name.name}, name.span};
  return std::nullopt;
}

std::optional<Value> ProgramScope::member(const Value& object, const ast::Ident& member) {
  const std::string& name = member.name;
  if (object.is<EnvName>() && env_) {
    const model::Environment& e = env_->model;
    if (name == "name") return Value{e.name, member.span};
    if (name == "stage") return Value{EnumValue{"stage", model::name(e.stage.value)}, member.span};
    if (name == "location") return Value{e.location.value, member.span};
    if (name == "subscription") return Value{e.subscription.value, member.span};
    if (name == "resource_group") return Value{e.resourceGroup.value, member.span};
    if (name == "scope") return Value{EnumValue{"scope", model::name(e.scope.value)}, member.span};
    if (name == "tags") return tagsObject(e.tags, member.span);
    for (const auto& [key, value] : env_->variables) {
      if (key == name) return value;
    }
    return std::nullopt;
  }
  if (auto* module = object.as<ModuleName>()) {
    for (const LoadedModule* imported : module_.imports.at(module->alias)) {
      const ModuleIndex& other = index_.moduleIndex(*imported);
      if (auto it = other.lets.find(name); it != other.lets.end()) {
        return evaluateLet(it->second, member.span);
      }
    }
    return std::nullopt;
  }
  if (auto* cluster = object.as<ClusterName>()) {
    for (const std::string& attribute : kClusterAttributes) {
      if (attribute == name) return Value{ResourceAttribute{cluster->cluster, name}, member.span};
    }
  }
  return std::nullopt;
}

std::vector<std::string> ProgramScope::memberNames(const Value& object) {
  std::vector<std::string> out;
  if (object.is<EnvName>() && env_) {
    out = kEnvironmentFields;
    for (const auto& variable : env_->variables) out.push_back(variable.first);
  } else if (auto* module = object.as<ModuleName>()) {
    for (const LoadedModule* imported : module_.imports.at(module->alias)) {
      for (const auto& let : index_.moduleIndex(*imported).lets) out.push_back(let.first);
    }
  } else if (object.is<ClusterName>()) {
    out = kClusterAttributes;
  }
  return out;
}

std::vector<std::string> ProgramScope::names() {
  std::vector<std::string> out;
  if (env_) out.push_back("env");
  for (const auto& let : index_.moduleIndex(module_).lets) out.push_back(let.first);
  for (const auto& import : module_.imports) out.push_back(import.first);
  if (isRoot()) {
    for (const auto& param : index_.params) out.push_back(param.decl->name.name);
    for (const auto& cluster : index_.clusters) out.push_back(cluster.decl->name.name);
  }
  return out;
}

}  // namespace pgc::sema
