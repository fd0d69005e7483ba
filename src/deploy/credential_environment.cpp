// A service principal with a client secret, from AZURE_TENANT_ID, AZURE_CLIENT_ID and
// AZURE_CLIENT_SECRET: the usual choice in CI pipelines.
#include "oauth_token.h"

namespace pgc::deploy {
namespace {

constexpr const char* kSource = "service principal from the environment";

class EnvironmentCredential : public TokenCredential {
 public:
  EnvironmentCredential(const CredentialSettings& settings, RetryingSender& sender)
      : authorityHost_(settings.authorityHost),
        tenant_(environmentValue(settings, "AZURE_TENANT_ID")),
        clientId_(environmentValue(settings, "AZURE_CLIENT_ID")),
        secret_(environmentValue(settings, "AZURE_CLIENT_SECRET")),
        sender_(sender) {}

  TokenResult token(const std::string& scope) override {
    TokenResult result;
    if (auto missing = missingVariables(); !missing.empty()) {
      result.unavailable = true;
      result.error = missing;
      return result;
    }
    auto request = requestFor(scope, secret_);
    if (!request.error.empty()) {
      result.error = std::string(kSource) + ": " + request.error;
      return result;
    }
    return readTokenResponse(sender_.send(request.request), kSource);
  }

  std::string name() const override { return "environment (service principal)"; }
  bool configured() const override { return missingVariables().empty(); }

  std::optional<HttpRequest> describeRequest(const std::string& scope) const override {
    if (!configured()) return std::nullopt;
    auto request = requestFor(scope, "***");
    if (!request.error.empty()) return std::nullopt;
    return request.request;
  }

 private:
  // "AZURE_CLIENT_SECRET is not set", naming every variable that is missing.
  std::string missingVariables() const {
    std::vector<std::string> missing;
    if (tenant_.empty()) missing.push_back("AZURE_TENANT_ID");
    if (clientId_.empty()) missing.push_back("AZURE_CLIENT_ID");
    if (secret_.empty()) missing.push_back("AZURE_CLIENT_SECRET");
    if (missing.empty()) return "";
    std::string names;
    for (size_t i = 0; i < missing.size(); ++i) {
      names += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
    }
    return names + (missing.size() == 1 ? " is not set" : " are not set");
  }

  TokenRequest requestFor(const std::string& scope, const std::string& secret) const {
    return clientCredentialsRequest(authorityHost_, tenant_,
                                    {{"client_id", clientId_},
                                     {"scope", scope},
                                     {"client_secret", secret},
                                     {"grant_type", "client_credentials"}});
  }

  std::string authorityHost_;
  std::string tenant_;
  std::string clientId_;
  std::string secret_;
  RetryingSender& sender_;
};

}  // namespace

std::unique_ptr<TokenCredential> makeEnvironmentCredential(const CredentialSettings& settings,
                                                           RetryingSender& sender) {
  return std::make_unique<EnvironmentCredential>(settings, sender);
}

}  // namespace pgc::deploy
