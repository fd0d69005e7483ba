// Gathers each param's deploy-time value and checks it against the param's type, so that a
// missing secret or `nodes=three` is reported before anything is sent to Azure.
#include "deploy_parameters.h"

#include <fmt/format.h>

#include <cstdlib>

namespace pgc::cli {

namespace {

std::optional<std::string> suppliedValue(const std::string& name,
                                         const std::map<std::string, std::string>& given) {
  auto found = given.find(name);
  if (found != given.end()) return found->second;
  if (const char* value = std::getenv(parameterVariable(name).c_str())) return std::string(value);
  return std::nullopt;
}

// The JSON value of `text` for a param of `type`, or a problem.
std::optional<nlohmann::json> typed(const model::Param& param, const std::string& text,
                                    std::vector<std::string>& problems) {
  switch (param.type) {
    case model::ParamType::Int: {
      char* end = nullptr;
      errno = 0;
      long long number = std::strtoll(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || errno == ERANGE) {
        problems.push_back(fmt::format("param `{}` is an int; `{}` is not", param.name, text));
        return std::nullopt;
      }
      return number;
    }
    case model::ParamType::Bool:
      if (text == "true" || text == "false") return text == "true";
      problems.push_back(
          fmt::format("param `{}` is a bool: `true` or `false`, not `{}`", param.name, text));
      return std::nullopt;
    default: return text;
  }
}

}  // namespace

std::string parameterVariable(const std::string& param) {
  std::string out = "PGC_PARAM_";
  for (char c : param) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += alnum ? static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c) : '_';
  }
  return out;
}

DeployParameters deployParameters(const model::Model& model,
                                  const nlohmann::ordered_json& armTemplate,
                                  const std::set<std::string>& sqlParams,
                                  const std::map<std::string, std::string>& given) {
  DeployParameters out;
  out.values = nlohmann::ordered_json::object();
  const nlohmann::ordered_json declared =
      armTemplate.is_object() ? armTemplate.value("parameters", nlohmann::ordered_json::object())
                              : nlohmann::ordered_json::object();
  for (const auto& [name, value] : given) {
    bool known = false;
    for (const model::Param& param : model.params) known = known || param.name == name;
    if (!known)
      out.problems.push_back(fmt::format("--param {}: the program has no such param", name));
  }
  out.values["location"] = {{"value", model.environment.location.value}};
  for (const model::Param& param : model.params) {
    bool secret = param.type == model::ParamType::Secret;
    std::optional<std::string> text = suppliedValue(param.name, given);
    if (!text && param.defaultValue) {
      nlohmann::json parsed = nlohmann::json::parse(*param.defaultValue);
      text = parsed.is_string() ? parsed.get<std::string>() : parsed.dump();
    }
    bool taken = declared.contains(param.name);
    if (!text) {
      if (taken || sqlParams.count(param.name) > 0) {
        out.problems.push_back(
            fmt::format("param `{}` has no value: set {} (or pass --param {}=…{})", param.name,
                        parameterVariable(param.name), param.name,
                        secret ? ", which leaves the secret in your shell history" : ""));
      }
      continue;
    }
    out.text[param.name] = *text;
    if (!taken) continue;
    std::optional<nlohmann::json> value = typed(param, *text, out.problems);
    if (!value) continue;
    out.values[param.name] = {{"value", *value}};
    if (secret) {
      out.secure.insert(param.name);
    } else {
      out.visible[param.name] = {{"value", *value}};
    }
  }
  return out;
}

}  // namespace pgc::cli
