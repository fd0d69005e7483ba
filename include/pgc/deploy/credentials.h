// Access tokens for ARM and for PostgreSQL, from the sources Azure's DefaultAzureCredential
// tries, in its order: a service principal in the environment, workload identity, managed
// identity, the Azure CLI. No token or secret is ever printed or logged.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pgc/deploy/http.h"

namespace pgc::deploy {

struct AccessToken {
  std::string token;
  std::chrono::system_clock::time_point expiresOn;
};

// A token, or why there is none. `unavailable`: this source is not set up here (the chain
// moves on); otherwise it is set up and failed (the chain stops and says why).
struct TokenResult {
  std::optional<AccessToken> token;
  bool unavailable = false;
  std::string error;  // names the source and, when the server said one, its error code
};

// Where tokens come from; the endpoints are Azure's public cloud unless overridden.
struct CredentialSettings {
  std::string authorityHost = "https://login.microsoftonline.com";  // AZURE_AUTHORITY_HOST
  // The instance metadata service; AZURE_POD_IDENTITY_AUTHORITY_HOST overrides it.
  std::string imdsEndpoint = "http://169.254.169.254";
  std::string azCommand = "az";  // the Azure CLI, found on PATH
  // The process environment, read once: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET,
  // AZURE_FEDERATED_TOKEN_FILE, AZURE_AUTHORITY_HOST, AZURE_POD_IDENTITY_AUTHORITY_HOST.
  std::map<std::string, std::string> environment;
  static CredentialSettings fromEnvironment();
};

class TokenCredential {
 public:
  virtual ~TokenCredential() = default;
  // `scope` as Entra spells it: "https://management.azure.com/.default".
  virtual TokenResult token(const std::string& scope) = 0;
  // "environment (service principal)", "workload identity", "managed identity", "Azure CLI".
  virtual std::string name() const = 0;
  // Whether the source looks set up, judged without any request (for --dry-run and errors).
  virtual bool configured() const = 0;
  // The request a token would take, secrets masked as "***"; none for the Azure CLI.
  virtual std::optional<HttpRequest> describeRequest(const std::string& scope) const = 0;
  // The subscription the source knows as its default (the Azure CLI's), if any.
  virtual std::optional<std::string> defaultSubscription() { return std::nullopt; }
};

// `--auth`: env, workload-identity, managed-identity, azure-cli; "" for the whole chain. The
// result caches tokens per scope until five minutes before they expire. `sender` carries
// the token requests (with retries); it must outlive the credential. nullptr for a name that
// is not one of credentialNames(). The chain's name() is the source that served the last
// token; when none is set up, the error lists each source, why not, and how to set one up.
std::unique_ptr<TokenCredential> makeCredential(const std::string& auth,
                                                const CredentialSettings& settings,
                                                RetryingSender& sender);

// The --auth values, in the chain's order.
const std::vector<std::string>& credentialNames();

}  // namespace pgc::deploy
