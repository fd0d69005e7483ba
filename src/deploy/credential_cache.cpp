// Tokens reused per scope until five minutes before they expire, so that a deploy asks Entra
// (or runs the Azure CLI) once per audience, and a long one still never sends a stale token.
#include <mutex>

#include "oauth_token.h"

namespace pgc::deploy {
namespace {

constexpr auto kRefreshMargin = std::chrono::minutes(5);

class CachedCredential : public TokenCredential {
 public:
  explicit CachedCredential(std::unique_ptr<TokenCredential> source) : source_(std::move(source)) {}

  TokenResult token(const std::string& scope) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto cached = tokens_.find(scope);
    if (cached != tokens_.end() &&
        std::chrono::system_clock::now() + kRefreshMargin < cached->second.expiresOn) {
      TokenResult result;
      result.token = cached->second;
      return result;
    }
    TokenResult result = source_->token(scope);
    if (result.token) {
      tokens_[scope] = *result.token;
    } else {
      tokens_.erase(scope);
    }
    return result;
  }

  std::string name() const override { return source_->name(); }
  bool configured() const override { return source_->configured(); }
  std::optional<HttpRequest> describeRequest(const std::string& scope) const override {
    return source_->describeRequest(scope);
  }
  std::optional<std::string> defaultSubscription() override {
    return source_->defaultSubscription();
  }

 private:
  std::unique_ptr<TokenCredential> source_;
  std::mutex mutex_;
  std::map<std::string, AccessToken> tokens_;
};

}  // namespace

std::unique_ptr<TokenCredential> makeCachedCredential(std::unique_ptr<TokenCredential> source) {
  return std::make_unique<CachedCredential>(std::move(source));
}

}  // namespace pgc::deploy
