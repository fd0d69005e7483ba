// What the service-principal and workload-identity sources share: both are Entra's
// client-credentials grant, and differ only in how the client proves who it is (a secret,
// or a federated token as assertion). Internal to src/deploy.
#pragma once

#include <string>
#include <vector>

#include "oauth_token.h"

namespace pgc::deploy {

class ClientCredentialsSource : public TokenCredential {
 public:
  ClientCredentialsSource(const CredentialSettings& settings, RetryingSender& sender,
                          std::string sourceName, std::vector<std::string> variables);
  TokenResult token(const std::string& scope) override;
  std::string name() const override { return name_; }
  bool configured() const override { return missingVariables().empty(); }
  std::optional<HttpRequest> describeRequest(const std::string& scope) const override;

 protected:
  // Adds the fields that prove the client; with `masked`, "***" stands for their secret.
  // Returns why they cannot be had, "" when they can.
  virtual std::string addProof(FormFields& fields, bool masked) const = 0;
  // The value of a variable this source reads.
  std::string variable(const std::string& name) const;

 private:
  // "AZURE_CLIENT_SECRET is not set", naming every variable that is missing; "" when none is.
  std::string missingVariables() const;
  TokenRequest requestFor(const std::string& scope, bool masked, std::string& why) const;

  std::string name_;
  std::string authorityHost_;
  std::vector<std::pair<std::string, std::string>> variables_;  // name, value
  RetryingSender& sender_;
};

}  // namespace pgc::deploy
