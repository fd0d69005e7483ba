// The Model of one environment: project, parameters, outputs and the decorators they carry.
#include "model_builder.h"

#include <fmt/format.h>

#include <algorithm>

#include "field_reader.h"
#include "suggest.h"

namespace pgc::sema {
namespace {

const std::vector<std::string> kDecorators = {"description", "allow"};
const std::vector<std::string> kParamTypes = {"string", "int", "bool", "secret"};

}  // namespace

ModelBuilder::ModelBuilder(const ProgramIndex& index, const EnvContext& env, Diagnostics& sink)
    : index_(index),
      env_(env),
      sink_(sink),
      scope_(index, *index.program->root, &env, lets_, sink),
      evaluator_(scope_, sink) {}

model::Model ModelBuilder::build() {
  model_.environment = env_.model;
  buildProject();
  buildParams();
  buildClusters();
  buildSchemas();
  buildRoles();
  buildOutputs();
  return std::move(model_);
}

std::string ModelBuilder::describe(const std::vector<ast::Decorator>& decorators,
                                   const Span& item) {
  std::string description;
  const ast::Decorator* described = nullptr;
  for (const ast::Decorator& d : decorators) {
    const std::string& name = d.name.name;
    if (name == "description" && described) {
      sink_.report(DiagCode::BadDecorator, d.span, name, "appears twice")
          .note(described->span, "the first `@description`")
          .help("keep one description");
      continue;
    }
    if (name == "description") {
      described = &d;
      const ast::StringLiteral* text =
          d.arguments.size() == 1 && !d.arguments[0].name
              ? std::get_if<ast::StringLiteral>(&d.arguments[0].value->node)
              : nullptr;
      if (!text) {
        sink_.report(DiagCode::BadDecorator, d.span, name, "takes one string")
            .help("write `@description(\"what this is for\")`");
        continue;
      }
      Value value = evaluator_.eval(*d.arguments[0].value);
      if (auto* s = value.as<std::string>()) description = *s;
    } else if (name == "allow") {
      bool codeFirst = !d.arguments.empty() && !d.arguments[0].name &&
                       std::holds_alternative<ast::NameRef>(d.arguments[0].value->node);
      bool reason = std::any_of(d.arguments.begin(), d.arguments.end(), [](const ast::Argument& a) {
        return a.name && a.name->name == "reason" &&
               std::holds_alternative<ast::StringLiteral>(a.value->node);
      });
      if (!codeFirst || !reason || d.arguments.size() != 2) {
        sink_.report(DiagCode::BadDecorator, d.span, name,
                     "takes a diagnostic code and a reason")
            .help("write `@allow(PGC2101, reason = \"why this is fine here\")`");
        continue;
      }
      const auto& code = std::get<ast::NameRef>(d.arguments[0].value->node).name;
      const ast::Argument& because = d.arguments[1].name ? d.arguments[1] : d.arguments[0];
      std::string text = std::get<ast::StringLiteral>(because.value->node).plainText();
      model_.suppressions.push_back({code.name, text, item, d.span});
    } else {
      Diagnostic& diag = sink_.report(DiagCode::UnknownDecorator, d.name.span, name);
      if (auto best = closestName(name, kDecorators)) diag.help("did you mean `@" + *best + "`?");
      else diag.help("the decorators are `@description` and `@allow`");
    }
  }
  return description;
}

void ModelBuilder::buildProject() {
  const auto& project = index_.project;
  if (!project.decl) return;
  model::Project& p = model_.project;
  p.name = project.decl->name;
  p.span = project.decl->nameSpan;
  describe(project.item->decorators, project.item->span);
  BlockValues values = emptyBlock(projectSpec(), fmt::format("project `{}`", p.name), p.span);
  evaluateBlock(project.decl->body, values, evaluator_, sink_);
  FieldReader reader(values, evaluator_, sink_);
  p.description = reader.string("description", "").value;
  for (const model::NamedValue& tag : reader.stringMap("tags")) p.tags.emplace_back(tag.name, tag.value);
  std::sort(p.tags.begin(), p.tags.end());
  p.severities = reader.stringMap("severities");
}

void ModelBuilder::buildParams() {
  for (const auto& declared : index_.params) {
    const ast::ParamDecl& decl = *declared.decl;
    model::Param param;
    param.name = decl.name.name;
    param.span = decl.name.span;
    param.description = describe(declared.item->decorators, declared.item->span);
    const std::string& type = decl.type.name;
    if (std::find(kParamTypes.begin(), kParamTypes.end(), type) == kParamTypes.end()) {
      Diagnostic& d = sink_.report(DiagCode::UnknownParamType, decl.type.span, type);
      if (auto best = closestName(type, kParamTypes)) d.help("did you mean `" + *best + "`?");
      else d.help("parameters are " + listNames(kParamTypes));
      continue;
    }
    param.type = type == "secret" ? model::ParamType::Secret
                 : type == "int"  ? model::ParamType::Int
                 : type == "bool" ? model::ParamType::Bool
                                  : model::ParamType::String;
    if (decl.defaultValue) {
      Value value = evaluator_.eval(*decl.defaultValue);
      param.hasDefault = true;
      param.defaultSpan = value.span;
      bool matches = (param.type == model::ParamType::String && value.is<std::string>()) ||
                     (param.type == model::ParamType::Int && value.is<int64_t>()) ||
                     (param.type == model::ParamType::Bool && value.is<bool>()) ||
                     param.type == model::ParamType::Secret;
      if (!evaluator_.requireKnown(value, "a parameter's default")) continue;
      if (!matches) {
        sink_.report(DiagCode::TypeMismatch, value.span, param.name,
                     std::string("a default of type ") + type, describeType(value));
        continue;
      }
      if (!value.is<SecretRef>()) param.defaultValue = toJsonText(value);
    }
    model_.params.push_back(std::move(param));
  }
}

void ModelBuilder::buildOutputs() {
  for (const auto& declared : index_.outputs) {
    const ast::OutputDecl& decl = *declared.decl;
    describe(declared.item->decorators, declared.item->span);
    Value value = evaluator_.eval(*decl.value);
    model::Output output;
    output.name = decl.name.name;
    output.span = decl.name.span;
    if (auto* attribute = value.as<ResourceAttribute>()) {
      output.cluster = attribute->cluster;
      output.attribute = attribute->attribute;
      output.type = "string";
    } else if (value.is<SecretRef>()) {
      evaluator_.requireKnown(value, "an output");
      continue;
    } else if (!evaluator_.requireKnown(value, "an output")) {
      continue;
    } else {
      output.value = toJsonText(value);
      output.type = value.is<int64_t>() ? "int"
                    : value.is<bool>()  ? "bool"
                    : value.list()      ? "array"
                    : value.object()    ? "object"
                                        : "string";
    }
    model_.outputs.push_back(std::move(output));
  }
}

std::string ModelBuilder::clusterFor(const char* kind, const ast::Ident& name,
                                     const std::optional<ast::Ident>& on) {
  std::vector<std::string> clusters;
  for (const auto& c : index_.clusters) clusters.push_back(c.decl->name.name);
  if (on) {
    if (index_.cluster(on->name)) return on->name;
    Diagnostic& d = sink_.report(DiagCode::UnknownCluster, on->span, on->name);
    suggestName(d, on->name, clusters);
    return "";
  }
  if (clusters.size() == 1) return clusters.front();
  if (clusters.empty()) {
    sink_.report(DiagCode::NoCluster, name.span, kind, name.name)
        .help("declare one: `cluster main { kind = elastic }`");
    return "";
  }
  sink_.report(DiagCode::AmbiguousCluster, name.span, kind, name.name)
      .help(fmt::format("say which: `{} {} on {}`", kind, name.name, clusters.front()));
  return "";
}

}  // namespace pgc::sema
