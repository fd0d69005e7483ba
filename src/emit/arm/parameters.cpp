// The template's parameters and the parameters file beside it. A `secret` is a securestring
// parameter with no default, and the parameters file never holds it: the deployer supplies
// it at deploy time (`pgc deploy`, or `--parameters admin_password=…` with the Azure CLI).
#include "arm_parts.h"
#include "pgc/emit/arm.h"

namespace pgc::emit::arm {
namespace {

const char* armType(model::ParamType type) {
  switch (type) {
    case model::ParamType::Int: return "int";
    case model::ParamType::Bool: return "bool";
    case model::ParamType::Secret: return "securestring";
    case model::ParamType::String: return "string";
  }
  return "string";
}

// A secret goes into the template only when a server takes it: a role's password is for the
// SQL bootstrap, and ARM would otherwise demand a value it never uses.
bool takenByTemplate(const model::Model& model, const model::Param& param) {
  if (param.type != model::ParamType::Secret) return true;
  for (const model::Cluster& cluster : model.clusters) {
    if (serverTakesPassword(cluster) && cluster.adminPassword.value->param == param.name) {
      return true;
    }
  }
  return false;
}

}  // namespace

Json templateParameters(const model::Model& model) {
  Json parameters = Json::object();
  parameters[kLocationParam] = {
      {"type", "string"},
      {"defaultValue", literal(model.environment.location.value)},
      {"metadata",
       {{"description", "Azure region of the servers that set no location of their own"}}}};
  for (const model::Param& param : model.params) {
    if (!takenByTemplate(model, param)) continue;
    Json entry = {{"type", armType(param.type)}};
    if (param.defaultValue && param.type != model::ParamType::Secret) {
      entry["defaultValue"] = literalJson(Json::parse(*param.defaultValue));
    }
    if (!param.description.empty())
      entry["metadata"] = {{"description", literal(param.description)}};
    parameters[param.name] = std::move(entry);
  }
  return parameters;
}

}  // namespace pgc::emit::arm

namespace pgc::emit {

nlohmann::ordered_json armParameters(const model::Model& model) {
  using arm::Json;
  Json values = Json::object();
  values[arm::kLocationParam] = {{"value", model.environment.location.value}};
  Json declared = arm::templateParameters(model);
  for (const model::Param& param : model.params) {
    if (param.type == model::ParamType::Secret || !param.defaultValue) continue;
    if (!declared.contains(param.name)) continue;
    values[param.name] = {{"value", Json::parse(*param.defaultValue)}};
  }
  return Json{{"$schema", arm::kParametersSchema},
              {"contentVersion", arm::kContentVersion},
              {"parameters", std::move(values)}};
}

}  // namespace pgc::emit
