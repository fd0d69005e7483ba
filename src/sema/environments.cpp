// Environment resolution, once for the whole program (environments do not depend on `env`).
#include "environments.h"

#include <fmt/format.h>

#include <algorithm>

#include "field_reader.h"
#include "suggest.h"

namespace pgc::sema {
namespace {

model::Tags mergeTags(model::Tags base, const model::Tags& over) {
  for (const auto& [key, value] : over) {
    auto it = std::find_if(base.begin(), base.end(), [&](const auto& kv) { return kv.first == key; });
    if (it == base.end()) base.emplace_back(key, value);
    else it->second = value;
  }
  std::sort(base.begin(), base.end());
  return base;
}

std::optional<model::Stage> stageNamed(const std::string& name) {
  if (name == "dev") return model::Stage::Dev;
  if (name == "test") return model::Stage::Test;
  if (name == "staging") return model::Stage::Staging;
  if (name == "prod") return model::Stage::Prod;
  return std::nullopt;
}

}  // namespace

std::string azureName(const std::string& raw) {
  std::string out;
  for (char c : raw) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (keep) out += lower;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 63) out.resize(63);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::optional<Declared<ast::EnvironmentDecl>> EnvironmentResolver::base(
    const Declared<ast::EnvironmentDecl>& env) {
  const ast::QualifiedName& name = *env.decl->extends;
  std::vector<const LoadedModule*> modules{env.module};
  std::string wanted = name.parts.back().name;
  if (name.parts.size() > 2) {
    sink_.report(DiagCode::UnknownEnvironment, name.span, name.str())
        .help("extend an environment of this file (`dev`) or of an imported module (`std.dev`)");
    return std::nullopt;
  }
  if (name.parts.size() == 2) {
    auto it = env.module->imports.find(name.parts[0].name);
    if (it == env.module->imports.end()) {
      std::vector<std::string> aliases;
      for (const auto& import : env.module->imports) aliases.push_back(import.first);
      Diagnostic& d = sink_.report(DiagCode::UndefinedName, name.parts[0].span, name.parts[0].name);
      if (auto best = closestName(name.parts[0].name, aliases)) d.help("did you mean `" + *best + "`?");
      else if (name.parts[0].name == "std") d.help("add `import \"std/environments\"`");
      return std::nullopt;
    }
    modules = it->second;
  }
  std::vector<std::string> known;
  for (const LoadedModule* module : modules) {
    const ModuleIndex& index = index_.moduleIndex(*module);
    auto found = index.environments.find(wanted);
    if (found != index.environments.end()) return found->second;
    for (const auto& e : index.environments) known.push_back(e.first);
  }
  Diagnostic& d = sink_.report(DiagCode::UnknownEnvironment, name.span, name.str());
  suggestName(d, wanted, known);
  return std::nullopt;
}

const EnvironmentResolver::Resolved& EnvironmentResolver::fields(
    const Declared<ast::EnvironmentDecl>& env) {
  if (auto it = resolved_.find(env.decl); it != resolved_.end()) return it->second;
  Resolved result;
  result.values = emptyBlock(environmentSpec(), fmt::format("environment `{}`", env.decl->name.name),
                             env.decl->name.span);
  auto cycleStart = std::find(inProgress_.begin(), inProgress_.end(), env.decl);
  if (cycleStart != inProgress_.end()) {
    std::string chain;
    for (auto it = cycleStart + 1; it != inProgress_.end(); ++it) chain += "`" + (*it)->name.name + "`, ";
    chain = chain.empty() ? "itself" : chain.substr(0, chain.size() - 2);
    sink_.report(DiagCode::ExtendsCycle, env.decl->extends->span, env.decl->name.name, chain)
        .help("an environment can extend only environments that do not extend it");
    result.ok = false;
    return resolved_.emplace(env.decl, std::move(result)).first->second;
  }
  inProgress_.push_back(env.decl);
  if (env.decl->extends) {
    if (auto parent = base(env)) {
      const Resolved& inherited = fields(*parent);
      result.ok = inherited.ok;
      result.values.fields = inherited.values.fields;
      result.tags = inherited.tags;
      result.variables = inherited.variables;
    } else {
      result.ok = false;
    }
  }
  ProgramScope scope(index_, *env.module, nullptr, lets_, sink_);
  Evaluator evaluator(scope, sink_);
  BlockValues own = emptyBlock(environmentSpec(), result.values.description, result.values.header);
  evaluateBlock(env.decl->body, own, evaluator, sink_);
  for (auto& [name, value] : own.fields) result.values.fields[name] = value;
  FieldReader reader(own, evaluator, sink_);
  std::vector<model::NamedValue> tags = reader.stringMap("tags");
  model::Tags ownTags;
  for (const auto& tag : tags) ownTags.emplace_back(tag.name, tag.value);
  result.tags = mergeTags(result.tags, ownTags);
  for (auto& [name, value] : own.lets) {
    auto same = [&](const auto& kv) { return kv.first == name; };
    auto it = std::find_if(result.variables.begin(), result.variables.end(), same);
    if (it == result.variables.end()) result.variables.emplace_back(name, value);
    else it->second = value;
  }
  inProgress_.pop_back();
  return resolved_.emplace(env.decl, std::move(result)).first->second;
}

std::optional<EnvContext> EnvironmentResolver::resolve(
    const Declared<ast::EnvironmentDecl>& environment, const std::string& projectName) {
  const Resolved& resolved = fields(environment);
  if (!resolved.ok) return std::nullopt;
  ProgramScope scope(index_, *environment.module, nullptr, lets_, sink_);
  Evaluator evaluator(scope, sink_);
  Diagnostics readErrors;
  FieldReader reader(resolved.values, evaluator, readErrors);
  EnvContext context;
  model::Environment& e = context.model;
  const std::string& name = environment.decl->name.name;
  e.name = name;
  e.span = environment.decl->name.span;
  model::Located<std::string> stage = reader.member("stage", "");
  bool stageKnown = true;
  if (stage.value.empty()) {
    if (auto fromName = stageNamed(name)) {
      e.stage = {*fromName, environment.decl->name.span, true};
    } else {
      stageKnown = false;
    }
    if (!stageKnown && !resolved.values.field("stage")) {
      sink_.report(DiagCode::MissingStage, environment.decl->name.span, name)
          .note("only environments named dev, test, staging or prod take their stage from the name")
          .help(fmt::format("extend a preset (`environment {} extends std.test`) or set `stage = test`",
                            name));
    }
  } else {
    e.stage = {*stageNamed(stage.value), stage.span, false};
  }
  e.location = reader.string("location", "");
  if (!reader.has("location")) {
    reader.reportMissing("location", "location = \"australiaeast\"");
  }
  e.subscription = reader.string("subscription", "");
  e.resourceGroup = reader.string("resource_group", azureName(projectName + "-" + name) + "-rg");
  model::Located<std::string> scopeName = reader.member("scope", "resource_group");
  e.scope = {scopeName.value == "subscription" ? model::Scope::Subscription
                                               : model::Scope::ResourceGroup,
             scopeName.span, scopeName.defaulted};
  e.tags = resolved.tags;
  for (const auto& [key, value] : resolved.variables) e.variables.emplace_back(key, toJsonText(value));
  context.variables = resolved.variables;
  sink_.append(readErrors);
  if (readErrors.hasErrors() || !stageKnown || e.location.value.empty()) return std::nullopt;
  return context;
}

}  // namespace pgc::sema
