// Managed identity from the instance metadata service (Azure VMs, scale sets, AKS nodes):
// a GET with `Metadata: true`, never through a proxy. Inside the chain a machine without IMDS
// must not stall the chain, so the first request is a one-second probe without retries.
#include "oauth_token.h"

namespace pgc::deploy {
namespace {

constexpr const char* kSource = "managed identity";

class ManagedIdentityCredential : public TokenCredential {
 public:
  ManagedIdentityCredential(const CredentialSettings& settings, RetryingSender& sender, bool probe)
      : endpoint_(settings.imdsEndpoint),
        clientId_(environmentValue(settings, "AZURE_CLIENT_ID")),
        overridden_(settings.environment.count("AZURE_POD_IDENTITY_AUTHORITY_HOST") > 0),
        sender_(sender),
        probe_(probe),
        probeTransport_(std::chrono::seconds(1)) {
    while (!endpoint_.empty() && endpoint_.back() == '/') endpoint_.pop_back();
  }

  TokenResult token(const std::string& scope) override {
    const HttpRequest request = requestFor(scope);
    if (probe_ && !answered_) {
      HttpResult first = probeTransport_.send(request);
      if (!first.response) {
        TokenResult result;
        result.unavailable = true;
        result.error = "no instance metadata service answered at " + endpoint_;
        return result;
      }
      answered_ = true;
      // IMDS answers 400 when this machine has no identity (or not the one asked for).
      if (first.response->status == 400) {
        TokenResult result = readTokenResponse(first, "");
        result.unavailable = true;
        result.error =
            "the instance metadata service has no identity for this machine (" + result.error + ")";
        return result;
      }
      if (first.response->status == 200) return readTokenResponse(first, kSource);
      // Anything else (throttled, busy): IMDS is here, so retry as for any request.
    }
    return readTokenResponse(sender_.send(request), kSource);
  }

  std::string name() const override { return kSource; }
  // IMDS cannot be seen without asking; it counts as set up when chosen or pointed at.
  bool configured() const override { return !probe_ || overridden_; }

  std::optional<HttpRequest> describeRequest(const std::string& scope) const override {
    return requestFor(scope);
  }

 private:
  HttpRequest requestFor(const std::string& scope) const {
    std::string url = endpoint_ +
                      "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=" +
                      percentEncode(resourceOfScope(scope));
    if (!clientId_.empty()) url += "&client_id=" + percentEncode(clientId_);
    return HttpRequest{"GET", url, {{"Metadata", "true"}}, ""};
  }

  std::string endpoint_;
  std::string clientId_;
  bool overridden_;
  RetryingSender& sender_;
  bool probe_;
  bool answered_ = false;
  CurlTransport probeTransport_;
};

}  // namespace

std::unique_ptr<TokenCredential> makeManagedIdentityCredential(const CredentialSettings& settings,
                                                               RetryingSender& sender, bool probe) {
  return std::make_unique<ManagedIdentityCredential>(settings, sender, probe);
}

}  // namespace pgc::deploy
