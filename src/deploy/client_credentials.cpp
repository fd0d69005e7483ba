// Entra's client-credentials grant (platform.md §9): POST {authority}/{tenant}/oauth2/v2.0/token
// with the client's id, the scope and its proof; the sources supply the proof.
#include "client_credentials.h"

namespace pgc::deploy {

ClientCredentialsSource::ClientCredentialsSource(const CredentialSettings& settings,
                                                 RetryingSender& sender, std::string sourceName,
                                                 std::vector<std::string> variables)
    : name_(std::move(sourceName)), authorityHost_(settings.authorityHost), sender_(sender) {
  for (const std::string& name : variables) {
    variables_.emplace_back(name, environmentValue(settings, name));
  }
}

std::string ClientCredentialsSource::variable(const std::string& name) const {
  for (const auto& [key, value] : variables_) {
    if (key == name) return value;
  }
  return "";
}

std::string ClientCredentialsSource::missingVariables() const {
  std::vector<std::string> missing;
  for (const auto& [name, value] : variables_) {
    if (value.empty()) missing.push_back(name);
  }
  if (missing.empty()) return "";
  std::string names;
  for (size_t i = 0; i < missing.size(); ++i) {
    names += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
  }
  return names + (missing.size() == 1 ? " is not set" : " are not set");
}

TokenRequest ClientCredentialsSource::requestFor(const std::string& scope, bool masked,
                                                 std::string& why) const {
  FormFields fields = {{"client_id", variable("AZURE_CLIENT_ID")}, {"scope", scope}};
  why = addProof(fields, masked);
  fields.emplace_back("grant_type", "client_credentials");
  return clientCredentialsRequest(authorityHost_, variable("AZURE_TENANT_ID"), fields);
}

TokenResult ClientCredentialsSource::token(const std::string& scope) {
  TokenResult result;
  if (std::string missing = missingVariables(); !missing.empty()) {
    result.unavailable = true;
    result.error = missing;
    return result;
  }
  std::string why;
  TokenRequest request = requestFor(scope, false, why);
  if (why.empty()) why = request.error;
  if (!why.empty()) {
    result.error = name_ + ": " + why;
    return result;
  }
  return readTokenResponse(sender_.send(request.request), name_);
}

std::optional<HttpRequest> ClientCredentialsSource::describeRequest(
    const std::string& scope) const {
  if (!configured()) return std::nullopt;
  std::string why;
  TokenRequest request = requestFor(scope, true, why);
  if (!why.empty() || !request.error.empty()) return std::nullopt;
  return request.request;
}

}  // namespace pgc::deploy
