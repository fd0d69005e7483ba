// What the token sources share: form and query encoding, the OAuth client-credentials POST
// (secret or federated assertion), reading Entra's and IMDS's token responses, and the
// settings every source reads. Internal to src/deploy.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pgc/deploy/credentials.h"

namespace pgc::deploy {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Percent-encoding for queries and forms: letters, digits and -._~* stay (so that a masked
// secret reads "***"); everything else is %XX.
std::string percentEncode(const std::string& text);
// name=value&… with both sides percent-encoded.
std::string formEncode(const FormFields& fields);

// "https://management.azure.com/.default" → "https://management.azure.com" (IMDS and the CLI
// take a resource, not a scope).
std::string resourceOfScope(const std::string& scope);

// The value of `name` in the settings' environment, "" when unset.
std::string environmentValue(const CredentialSettings& settings, const std::string& name);

// POST {authorityHost}/{tenant}/oauth2/v2.0/token with `fields` as a form. Returns why not
// when the authority host or the tenant cannot be used ("" in `error` otherwise).
struct TokenRequest {
  HttpRequest request;
  std::string error;
};
TokenRequest clientCredentialsRequest(const std::string& authorityHost, const std::string& tenant,
                                      const FormFields& fields);

// A token from an exchange's result, or the error in words, prefixed by `source` (which
// says who asked: "environment (service principal)"; "" for no prefix). Only `error` and the
// first line of `error_description` are quoted from the server, never a request or a body.
TokenResult readTokenResponse(const HttpResult& result, const std::string& sourceName);

// The sources, one a file; each takes the settings it needs when it is made.
std::unique_ptr<TokenCredential> makeEnvironmentCredential(const CredentialSettings& settings,
                                                           RetryingSender& sender);
std::unique_ptr<TokenCredential> makeWorkloadIdentityCredential(const CredentialSettings& settings,
                                                                RetryingSender& sender);
// `probe`: inside the chain, where no answer from IMDS (within a second) means unavailable.
std::unique_ptr<TokenCredential> makeManagedIdentityCredential(const CredentialSettings& settings,
                                                               RetryingSender& sender, bool probe);
std::unique_ptr<TokenCredential> makeAzureCliCredential(const CredentialSettings& settings);
std::unique_ptr<TokenCredential> makeCredentialChain(
    std::vector<std::unique_ptr<TokenCredential>> sources);
// Reuses each scope's token until five minutes before it expires.
std::unique_ptr<TokenCredential> makeCachedCredential(std::unique_ptr<TokenCredential> source);

}  // namespace pgc::deploy
