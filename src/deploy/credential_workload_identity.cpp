// Workload identity federation (AKS, GitHub Actions via a token file): the client-credentials
// POST with the federated token as assertion, read again for every request since it rotates.
#include <fstream>
#include <sstream>

#include "oauth_token.h"

namespace pgc::deploy {
namespace {

constexpr const char* kSource = "workload identity";

class WorkloadIdentityCredential : public TokenCredential {
 public:
  WorkloadIdentityCredential(const CredentialSettings& settings, RetryingSender& sender)
      : authorityHost_(settings.authorityHost),
        tenant_(environmentValue(settings, "AZURE_TENANT_ID")),
        clientId_(environmentValue(settings, "AZURE_CLIENT_ID")),
        tokenFile_(environmentValue(settings, "AZURE_FEDERATED_TOKEN_FILE")),
        sender_(sender) {}

  TokenResult token(const std::string& scope) override {
    TokenResult result;
    if (auto missing = missingVariable(); !missing.empty()) {
      result.unavailable = true;
      result.error = missing + " is not set";
      return result;
    }
    std::string assertion;
    if (auto why = readAssertion(assertion); !why.empty()) {
      result.error = std::string(kSource) + ": " + why;
      return result;
    }
    auto request = requestFor(scope, assertion);
    if (!request.error.empty()) {
      result.error = std::string(kSource) + ": " + request.error;
      return result;
    }
    return readTokenResponse(sender_.send(request.request), kSource);
  }

  std::string name() const override { return kSource; }
  bool configured() const override { return missingVariable().empty(); }

  std::optional<HttpRequest> describeRequest(const std::string& scope) const override {
    if (!configured()) return std::nullopt;
    auto request = requestFor(scope, "***");
    if (!request.error.empty()) return std::nullopt;
    return request.request;
  }

 private:
  std::string missingVariable() const {
    if (tenant_.empty()) return "AZURE_TENANT_ID";
    if (clientId_.empty()) return "AZURE_CLIENT_ID";
    if (tokenFile_.empty()) return "AZURE_FEDERATED_TOKEN_FILE";
    return "";
  }

  // The file's contents without surrounding whitespace, or why they cannot be had.
  std::string readAssertion(std::string& assertion) const {
    std::ifstream file(tokenFile_, std::ios::binary);
    std::ostringstream contents;
    if (!file || !(contents << file.rdbuf())) {
      return "cannot read the federated token file " + tokenFile_ + " (AZURE_FEDERATED_TOKEN_FILE)";
    }
    assertion = contents.str();
    const char* space = " \t\r\n";
    assertion.erase(assertion.find_last_not_of(space) + 1);
    assertion.erase(0, assertion.find_first_not_of(space));
    if (assertion.empty()) return "the federated token file " + tokenFile_ + " is empty";
    return "";
  }

  TokenRequest requestFor(const std::string& scope, const std::string& assertion) const {
    return clientCredentialsRequest(
        authorityHost_, tenant_,
        {{"client_id", clientId_},
         {"scope", scope},
         {"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
         {"client_assertion", assertion},
         {"grant_type", "client_credentials"}});
  }

  std::string authorityHost_;
  std::string tenant_;
  std::string clientId_;
  std::string tokenFile_;
  RetryingSender& sender_;
};

}  // namespace

std::unique_ptr<TokenCredential> makeWorkloadIdentityCredential(const CredentialSettings& settings,
                                                                RetryingSender& sender) {
  return std::make_unique<WorkloadIdentityCredential>(settings, sender);
}

}  // namespace pgc::deploy
