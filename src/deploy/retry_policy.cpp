// When and how long ARM's clients wait before trying a request again (platform.md §8.4):
// throttling, busy servers, retryable conflicts and dropped connections, within the deploy's
// deadline and stopped by Ctrl-C.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "pgc/deploy/http.h"

namespace pgc::deploy {
namespace {

using std::chrono::milliseconds;

// The 409 codes resource providers use for "another operation holds this resource".
bool retryableConflict(const HttpResponse& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return false;
  const auto& code = body["error"].value("code", nlohmann::json());
  if (!code.is_string()) return false;
  const auto text = code.get<std::string>();
  return text == "RetryableErrorDueToAnotherOperation" || text == "AnotherOperationInProgress" ||
         text == "ServerIsBusy";
}

std::string conflictCode(const HttpResponse& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return "";
  const auto& code = body["error"].value("code", nlohmann::json());
  return code.is_string() ? code.get<std::string>() : "";
}

std::string trim(const std::string& text) {
  auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

// `Retry-After` as delay-seconds or as an HTTP date; nullopt when absent or unreadable.
std::optional<milliseconds> retryAfter(const HttpResponse& response) {
  const std::string value = trim(response.header("retry-after"));
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 9) return milliseconds::max();  // more than any cap
    return milliseconds(std::stoll(value) * 1000);
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  const auto until =
      std::chrono::system_clock::from_time_t(when) - std::chrono::system_clock::now();
  return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(until));
}

std::string retryReason(const HttpResult& result) {
  if (!result.response) return "no response: " + result.transportError;
  std::string reason = describeStatus(result.response->status);
  if (result.response->status == 409) reason += " (" + conflictCode(*result.response) + ")";
  return reason;
}

double randomFraction() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

std::string HttpResponse::header(const std::string& name) const {
  std::string key = name;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto found = headers.find(key);
  return found == headers.end() ? "" : found->second;
}

std::string describeStatus(long status) {
  const char* phrase = "";
  switch (status) {
    case 200: phrase = "OK"; break;
    case 201: phrase = "Created"; break;
    case 202: phrase = "Accepted"; break;
    case 204: phrase = "No Content"; break;
    case 400: phrase = "Bad Request"; break;
    case 401: phrase = "Unauthorized"; break;
    case 403: phrase = "Forbidden"; break;
    case 404: phrase = "Not Found"; break;
    case 408: phrase = "Request Timeout"; break;
    case 409: phrase = "Conflict"; break;
    case 429: phrase = "Too Many Requests"; break;
    case 500: phrase = "Internal Server Error"; break;
    case 502: phrase = "Bad Gateway"; break;
    case 503: phrase = "Service Unavailable"; break;
    case 504: phrase = "Gateway Timeout"; break;
    default: break;
  }
  std::string text = std::to_string(status);
  return *phrase ? text + " " + phrase : text;
}

Waiter::Waiter(Clock::time_point deadline, const std::atomic<bool>* interrupted)
    : deadline_(deadline), interrupted_(interrupted) {}

bool Waiter::wait(std::chrono::milliseconds duration) const {
  // Slices, so that Ctrl-C is heard within a tenth of a second.
  const auto end = Clock::now() + duration;
  for (;;) {
    if (interrupted() || expired()) return false;
    const auto now = Clock::now();
    if (now >= end) return true;
    const auto slice = std::min({end - now, deadline_ - now, Clock::duration(milliseconds(100))});
    std::this_thread::sleep_for(slice);
  }
}

bool RetryPolicy::retryable(const HttpResult& result) const {
  if (!result.response) return true;
  switch (result.response->status) {
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504: return true;
    case 409: return retryableConflict(*result.response);
    default: return false;
  }
}

std::chrono::milliseconds RetryPolicy::delay(const HttpResult& result, int attempt,
                                             double random01) const {
  if (result.response) {
    if (auto wait = retryAfter(*result.response)) return std::min(*wait, maxDelay);
  }
  milliseconds backoff = baseDelay;
  for (int i = 1; i < attempt && backoff < maxDelay; ++i) backoff *= 2;
  backoff = std::min(backoff, maxDelay);
  // Half fixed so that a retry never comes at once; half random so that clients spread out.
  const auto half = backoff / 2;
  return half + milliseconds(static_cast<long long>(static_cast<double>((backoff - half).count()) *
                                                    random01));
}

RetryingSender::RetryingSender(HttpTransport& transport, const Waiter& waiter, RetryPolicy policy)
    : transport_(transport), waiter_(waiter), policy_(policy) {}

HttpResult RetryingSender::send(const HttpRequest& request) {
  HttpResult result;
  for (int attempt = 1;; ++attempt) {
    result = transport_.send(request);
    if (!result.response && result.transportError.empty()) {
      result.transportError = "the transport gave neither a response nor an error";
    }
    if (attempt >= policy_.maxAttempts || !policy_.retryable(result)) return result;
    const auto wait = policy_.delay(result, attempt, randomFraction());
    if (waiter_.interrupted() || waiter_.expired()) return result;
    if (onRetry) onRetry(retryReason(result), wait);
    if (!waiter_.wait(wait)) return result;
  }
}

}  // namespace pgc::deploy
