// The OAuth pieces the token sources share: encoding, the client-credentials POST, and token
// responses read into a token or an error that quotes only the server's error code and text.
#include "oauth_token.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

namespace pgc::deploy {
namespace {

// Entra and IMDS send numbers either as JSON numbers or as strings of digits.
std::optional<long long> seconds(const nlohmann::json& value) {
  if (value.is_number_integer()) return value.get<long long>();
  if (value.is_number()) return static_cast<long long>(value.get<double>());
  if (!value.is_string()) return std::nullopt;
  const auto text = value.get<std::string>();
  if (text.empty() || text.size() > 18 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

std::string firstLine(const std::string& text) {
  return text.substr(0, text.find_first_of("\r\n"));
}

std::string stringField(const nlohmann::json& body, const char* name) {
  if (!body.is_object() || !body.contains(name) || !body[name].is_string()) return "";
  return body[name].get<std::string>();
}

bool tenantShaped(const std::string& tenant) {
  return !tenant.empty() && std::all_of(tenant.begin(), tenant.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.';
  });
}

}  // namespace

std::string percentEncode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '*') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return encoded;
}

std::string formEncode(const FormFields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += percentEncode(name) + "=" + percentEncode(value);
  }
  return body;
}

std::string resourceOfScope(const std::string& scope) {
  const std::string suffix = "/.default";
  if (scope.size() > suffix.size() &&
      scope.compare(scope.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return scope.substr(0, scope.size() - suffix.size());
  }
  return scope;
}

std::string environmentValue(const CredentialSettings& settings, const std::string& name) {
  auto found = settings.environment.find(name);
  return found == settings.environment.end() ? "" : found->second;
}

TokenRequest clientCredentialsRequest(const std::string& authorityHost, const std::string& tenant,
                                      const FormFields& fields) {
  TokenRequest result;
  // The secret goes to this host: it must be https (or this machine, for tests).
  if (auto why = checkEndpointUrl(authorityHost); !why.empty()) {
    result.error = "the authority host (AZURE_AUTHORITY_HOST) cannot be used: " + why;
    return result;
  }
  if (!tenantShaped(tenant)) {
    result.error = "AZURE_TENANT_ID is not a tenant ID or domain (letters, digits, '-' and '.')";
    return result;
  }
  std::string host = authorityHost;
  while (!host.empty() && host.back() == '/') host.pop_back();
  result.request.method = "POST";
  result.request.url = host + "/" + tenant + "/oauth2/v2.0/token";
  result.request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                            {"Accept", "application/json"}};
  result.request.body = formEncode(fields);
  return result;
}

TokenResult readTokenResponse(const HttpResult& result, const std::string& sourceName) {
  const std::string source = sourceName.empty() ? "" : sourceName + ": ";
  TokenResult token;
  if (!result.response) {
    token.error = source + "no answer from the token endpoint: " + result.transportError;
    return token;
  }
  const auto body = nlohmann::json::parse(result.response->body, nullptr, false);
  const std::string error = stringField(body, "error");
  if (!error.empty()) {
    const std::string description = firstLine(stringField(body, "error_description"));
    token.error = source + error + (description.empty() ? "" : ": " + description);
    return token;
  }
  if (result.response->status != 200) {
    token.error = source + "the token endpoint answered " + describeStatus(result.response->status);
    return token;
  }
  const std::string accessToken = stringField(body, "access_token");
  if (accessToken.empty()) {
    token.error = source + "the token endpoint's answer has no access_token";
    return token;
  }
  const auto now = std::chrono::system_clock::now();
  std::optional<std::chrono::system_clock::time_point> expiresOn;
  if (body.contains("expires_on")) {
    if (auto at = seconds(body["expires_on"])) {
      expiresOn = std::chrono::system_clock::from_time_t(static_cast<time_t>(*at));
    }
  }
  if (!expiresOn && body.contains("expires_in")) {
    if (auto in = seconds(body["expires_in"])) expiresOn = now + std::chrono::seconds(*in);
  }
  if (!expiresOn) {
    token.error = source + "the token endpoint's answer says neither expires_in nor expires_on";
    return token;
  }
  token.token = AccessToken{accessToken, *expiresOn};
  return token;
}

}  // namespace pgc::deploy
