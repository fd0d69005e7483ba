// Workload identity federation (AKS, GitHub Actions via a token file): the client-credentials
// POST with the federated token as assertion, read again for every request since it rotates.
#include <fstream>
#include <sstream>

#include "client_credentials.h"

namespace pgc::deploy {
namespace {

class WorkloadIdentityCredential : public ClientCredentialsSource {
 public:
  WorkloadIdentityCredential(const CredentialSettings& settings, RetryingSender& sender)
      : ClientCredentialsSource(
            settings, sender, "workload identity",
            {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE"}) {}

 protected:
  std::string addProof(FormFields& fields, bool masked) const override {
    std::string assertion = "***";
    if (!masked) {
      if (std::string why = readAssertion(assertion); !why.empty()) return why;
    }
    fields.emplace_back("client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    fields.emplace_back("client_assertion", assertion);
    return "";
  }

 private:
  // The file's contents without surrounding whitespace, or why they cannot be had.
  std::string readAssertion(std::string& assertion) const {
    std::string path = variable("AZURE_FEDERATED_TOKEN_FILE");
    std::ifstream file(path, std::ios::binary);
    std::ostringstream contents;
    if (!file || !(contents << file.rdbuf())) {
      return "cannot read the federated token file " + path + " (AZURE_FEDERATED_TOKEN_FILE)";
    }
    assertion = contents.str();
    const char* space = " \t\r\n";
    assertion.erase(assertion.find_last_not_of(space) + 1);
    assertion.erase(0, assertion.find_first_not_of(space));
    if (assertion.empty()) return "the federated token file " + path + " is empty";
    return "";
  }
};

}  // namespace

std::unique_ptr<TokenCredential> makeWorkloadIdentityCredential(const CredentialSettings& settings,
                                                                RetryingSender& sender) {
  return std::make_unique<WorkloadIdentityCredential>(settings, sender);
}

}  // namespace pgc::deploy
