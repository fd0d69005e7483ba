// A client of Azure Resource Manager: each call carries a bearer token, goes through the
// retrying sender, and comes back as JSON, with ARM's error (code, message, target, nested
// details) read out of a failure.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pgc/deploy/credentials.h"
#include "pgc/deploy/http.h"

namespace pgc::deploy {

// The API version of every ARM call pgc makes (platform.md §8).
inline constexpr const char* kArmApiVersion = "2025-04-01";

// ARM's error shape (common-types ErrorResponse): `{error: {code, message, target, details}}`.
struct ArmError {
  std::string code;
  std::string message;
  std::string target;
  std::vector<ArmError> details;
};

// The error in `body` (with or without the `error` wrapper); empty when it holds none.
ArmError parseArmError(const nlohmann::json& body);
// One line per level, indented two spaces a level: `Code: message (target: …)`.
std::string renderArmError(const ArmError& error, int indent = 0);

struct ArmReply {
  long status = 0;        // 0 when no response came
  nlohmann::json body;    // null when the body is empty or not JSON
  HttpResponse response;  // headers, for Location, Azure-AsyncOperation and Retry-After
  std::string failure;    // why no usable reply: no token, no connection after retries
  bool ok() const { return failure.empty() && status >= 200 && status < 300; }
  // What went wrong, in words: the failure, or the status with ARM's error.
  std::string describe() const;
};

class ArmClient {
 public:
  // `endpoint` like "https://management.azure.com"; tokens are asked for its `/.default`.
  ArmClient(std::string endpoint, TokenCredential& credential, RetryingSender& sender);
  // `target` is a path below the endpoint ("/subscriptions/…") or an absolute URL that ARM
  // returned (a polling URL). `api-version` is added to paths.
  ArmReply call(const std::string& method, const std::string& target,
                const nlohmann::json* body = nullptr);
  // The request `call` would send, with the token masked, for --dry-run.
  HttpRequest describe(const std::string& method, const std::string& target,
                       const std::string& body) const;
  const std::string& endpoint() const { return endpoint_; }
  std::string scope() const;

 private:
  std::string url(const std::string& target) const;
  std::string endpoint_;
  TokenCredential& credential_;
  RetryingSender& sender_;
};

}  // namespace pgc::deploy
