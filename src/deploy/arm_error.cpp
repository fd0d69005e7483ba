// Reading and printing ARM's nested errors, so that a failed deployment shows every level:
// DeploymentFailed, then the resource's failure, then the provider's own words.
#include <fmt/format.h>

#include "pgc/deploy/arm_client.h"

namespace pgc::deploy {

namespace {

std::string text(const nlohmann::json& object, const char* key) {
  if (!object.is_object() || !object.contains(key)) return "";
  const nlohmann::json& value = object.at(key);
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

ArmError parseArmError(const nlohmann::json& body) {
  ArmError error;
  if (!body.is_object()) return error;
  const nlohmann::json& inner =
      body.contains("error") && body.at("error").is_object() ? body.at("error") : body;
  error.code = text(inner, "code");
  error.message = text(inner, "message");
  error.target = text(inner, "target");
  if (inner.contains("details") && inner.at("details").is_array()) {
    for (const nlohmann::json& detail : inner.at("details")) {
      ArmError nested = parseArmError(detail);
      if (!nested.code.empty() || !nested.message.empty()) error.details.push_back(nested);
    }
  }
  return error;
}

std::string renderArmError(const ArmError& error, int indent) {
  std::string pad(static_cast<size_t>(indent) * 2, ' ');
  std::string out = pad + (error.code.empty() ? "error" : error.code);
  if (!error.message.empty()) out += ": " + error.message;
  if (!error.target.empty()) out += fmt::format(" (target: {})", error.target);
  out += "\n";
  for (const ArmError& detail : error.details) out += renderArmError(detail, indent + 1);
  return out;
}

std::string ArmReply::describe() const {
  if (!failure.empty()) return failure;
  ArmError error = parseArmError(body);
  std::string out = fmt::format("ARM answered {}", status);
  if (error.code.empty() && error.message.empty()) return out;
  return out + ":\n" + renderArmError(error, 1);
}

}  // namespace pgc::deploy
