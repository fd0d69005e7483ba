// The sources in DefaultAzureCredential's order, the first one set up here deciding, and
// makeCredential, which turns `--auth` into a (cached) credential.
#include "oauth_token.h"

namespace pgc::deploy {
namespace {

// How to set each source up, for the message when none is.
constexpr const char* kSetUp =
    "set one up and choose it with --auth:\n"
    "  --auth env: AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET of a service "
    "principal\n"
    "  --auth workload-identity: AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE "
    "(AKS, GitHub Actions)\n"
    "  --auth managed-identity: run on an Azure VM or service with a managed identity\n"
    "  --auth azure-cli: install the Azure CLI and run `az login`";

class CredentialChain : public TokenCredential {
 public:
  explicit CredentialChain(std::vector<std::unique_ptr<TokenCredential>> sources)
      : sources_(std::move(sources)) {}

  TokenResult token(const std::string& scope) override {
    std::string tried;
    for (auto& source : sources_) {
      TokenResult result = source->token(scope);
      if (!result.unavailable) {
        // The first source set up here decides, even when it fails: falling through to
        // another identity would deploy as someone the user did not mean.
        served_ = source.get();
        return result;
      }
      tried += "\n  " + source->name() + ": " + result.error;
    }
    TokenResult none;
    none.unavailable = true;
    none.error = "no Azure credential is set up here; pgc tried, in order:" + tried + "\n" + kSetUp;
    return none;
  }

  std::string name() const override {
    if (served_ != nullptr) return served_->name();
    // Before a token, the source that would be asked first: what --dry-run shows.
    for (const auto& source : sources_) {
      if (source->configured()) return source->name();
    }
    return sources_.size() == 1 ? sources_.front()->name() : "the credential chain";
  }

  bool configured() const override {
    for (const auto& source : sources_) {
      if (source->configured()) return true;
    }
    return false;
  }

  std::optional<HttpRequest> describeRequest(const std::string& scope) const override {
    if (served_ != nullptr) return served_->describeRequest(scope);
    for (const auto& source : sources_) {
      if (source->configured()) return source->describeRequest(scope);
    }
    return std::nullopt;
  }

  std::optional<std::string> defaultSubscription() override {
    return served_ != nullptr ? served_->defaultSubscription() : std::nullopt;
  }

 private:
  std::vector<std::unique_ptr<TokenCredential>> sources_;
  TokenCredential* served_ = nullptr;
};

}  // namespace

std::unique_ptr<TokenCredential> makeCredentialChain(
    std::vector<std::unique_ptr<TokenCredential>> sources) {
  return std::make_unique<CredentialChain>(std::move(sources));
}

const std::vector<std::string>& credentialNames() {
  static const std::vector<std::string> names = {"env", "workload-identity", "managed-identity",
                                                 "azure-cli"};
  return names;
}

std::unique_ptr<TokenCredential> makeCredential(const std::string& auth,
                                                const CredentialSettings& settings,
                                                RetryingSender& sender) {
  // A choice is a chain of one, so that its "not set up" message names it and says how.
  std::vector<std::unique_ptr<TokenCredential>> sources;
  if (auth.empty() || auth == "env") sources.push_back(makeEnvironmentCredential(settings, sender));
  if (auth.empty() || auth == "workload-identity") {
    sources.push_back(makeWorkloadIdentityCredential(settings, sender));
  }
  if (auth.empty() || auth == "managed-identity") {
    sources.push_back(makeManagedIdentityCredential(settings, sender, /*probe=*/auth.empty()));
  }
  if (auth.empty() || auth == "azure-cli") sources.push_back(makeAzureCliCredential(settings));
  if (sources.empty()) return nullptr;
  return makeCachedCredential(makeCredentialChain(std::move(sources)));
}

}  // namespace pgc::deploy
