// ARM calls: a bearer token from the credential, the api-version on every path, retries
// through the sender, and the reply's JSON. Polling URLs ARM hands back are followed only on
// ARM's own origin, so the token never goes anywhere else.
#include <fmt/format.h>

#include "pgc/deploy/arm_client.h"

namespace pgc::deploy {

namespace {

// "https://host:port" of a URL: everything before the path.
std::string originOf(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  size_t path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

}  // namespace

ArmClient::ArmClient(std::string endpoint, TokenCredential& credential, RetryingSender& sender)
    : endpoint_(std::move(endpoint)), credential_(credential), sender_(sender) {
  while (!endpoint_.empty() && endpoint_.back() == '/') endpoint_.pop_back();
}

std::string ArmClient::scope() const { return endpoint_ + "/.default"; }

std::string ArmClient::url(const std::string& target) const {
  if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0) return target;
  char separator = target.find('?') == std::string::npos ? '?' : '&';
  return fmt::format("{}{}{}api-version={}", endpoint_, target, separator, kArmApiVersion);
}

HttpRequest ArmClient::describe(const std::string& method, const std::string& target,
                                const std::string& body) const {
  HttpRequest request{method, url(target), {{"Authorization", "Bearer ***"}}, body};
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  return request;
}

ArmReply ArmClient::call(const std::string& method, const std::string& target,
                         const nlohmann::json* body) {
  ArmReply reply;
  std::string address = url(target);
  if (originOf(address) != originOf(endpoint_)) {
    reply.failure = fmt::format("ARM sent pgc to {}, outside {}; pgc does not follow it",
                                originOf(address), endpoint_);
    return reply;
  }
  TokenResult token = credential_.token(scope());
  if (!token.token) {
    reply.failure = "no access token for Azure Resource Manager: " + token.error;
    return reply;
  }
  HttpRequest request{method, address, {}, body ? body->dump() : ""};
  request.headers.emplace_back("Authorization", "Bearer " + token.token->token);
  request.headers.emplace_back("Accept", "application/json");
  if (body) request.headers.emplace_back("Content-Type", "application/json");
  HttpResult result = sender_.send(request);
  if (!result.response) {
    reply.failure = fmt::format("{} {}: {}", method, address.substr(0, address.find('?')),
                                result.transportError);
    return reply;
  }
  reply.response = std::move(*result.response);
  reply.status = reply.response.status;
  reply.body = nlohmann::json::parse(reply.response.body, nullptr, false);
  if (reply.body.is_discarded()) reply.body = nullptr;
  return reply;
}

}  // namespace pgc::deploy
