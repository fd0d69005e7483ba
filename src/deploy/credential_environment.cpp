// A service principal with a client secret, from AZURE_TENANT_ID, AZURE_CLIENT_ID and
// AZURE_CLIENT_SECRET: the usual choice in CI pipelines.
#include "client_credentials.h"

namespace pgc::deploy {
namespace {

class EnvironmentCredential : public ClientCredentialsSource {
 public:
  EnvironmentCredential(const CredentialSettings& settings, RetryingSender& sender)
      : ClientCredentialsSource(settings, sender, "environment (service principal)",
                                {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"}) {}

 protected:
  std::string addProof(FormFields& fields, bool masked) const override {
    fields.emplace_back("client_secret", masked ? "***" : variable("AZURE_CLIENT_SECRET"));
    return "";
  }
};

}  // namespace

std::unique_ptr<TokenCredential> makeEnvironmentCredential(const CredentialSettings& settings,
                                                           RetryingSender& sender) {
  return std::make_unique<EnvironmentCredential>(settings, sender);
}

}  // namespace pgc::deploy
