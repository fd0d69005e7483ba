// HTTP for the deploy backend: one request and its response, sent with libcurl, and the
// retry policy ARM asks of its clients (429, 503, retryable 409, dropped connections).
// Nothing here prints a header or a body: secrets pass through it.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pgc::deploy {

using Clock = std::chrono::steady_clock;

struct HttpRequest {
  std::string method;  // GET, PUT, POST, HEAD, DELETE
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  // The header's value, "" when absent; `name` in any case.
  std::string header(const std::string& name) const;
};

// The status with its reason phrase, for messages: "429 Too Many Requests".
std::string describeStatus(long status);

// The result of one exchange: a response, or why none came (refused, dropped, timed out).
struct HttpResult {
  std::optional<HttpResponse> response;
  std::string transportError;  // set when there is no response
};

// Sends one request; no retries. The real one is libcurl; tests use the same one.
// A result from send() has a response or a transportError, never neither.
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual HttpResult send(const HttpRequest& request) = 0;
};

// libcurl. `timeout` bounds each exchange; proxies come from the usual environment
// variables except for loopback and the instance metadata address. TLS is always verified,
// against the system's CAs or the bundle CURL_CA_BUNDLE names.
class CurlTransport : public HttpTransport {
 public:
  explicit CurlTransport(std::chrono::seconds timeout = std::chrono::seconds(100));
  HttpResult send(const HttpRequest& request) override;

 private:
  std::chrono::seconds timeout_;
  std::string caBundle_;
};

// Whether `url` may be used: https anywhere, plain http only to a loopback address
// (127.0.0.0/8, localhost, [::1]). Returns why not, or "" when it may.
std::string checkEndpointUrl(const std::string& url);

// Waits that can be cut short: by Ctrl-C (the flag) or by the deploy's overall deadline.
class Waiter {
 public:
  Waiter(Clock::time_point deadline, const std::atomic<bool>* interrupted);
  // Sleeps `duration`, or less when interrupted or past the deadline; false then.
  bool wait(std::chrono::milliseconds duration) const;
  bool expired() const { return Clock::now() >= deadline_; }
  bool interrupted() const { return interrupted_ != nullptr && interrupted_->load(); }
  Clock::time_point deadline() const { return deadline_; }

 private:
  Clock::time_point deadline_;
  const std::atomic<bool>* interrupted_;
};

// When to try a request again and how long to wait first: 408, 429, 500, 502, 503, 504,
// a 409 whose error code says to retry, and any transport error; `Retry-After` when the
// server gives one, else exponential backoff with jitter (half fixed, half random), bounded.
struct RetryPolicy {
  int maxAttempts = 8;
  std::chrono::milliseconds baseDelay{1000};
  std::chrono::milliseconds maxDelay{60000};
  // Whether `result` is worth another attempt.
  bool retryable(const HttpResult& result) const;
  // The wait before attempt `attempt + 1` (attempt counts from 1); `random01` in [0, 1).
  std::chrono::milliseconds delay(const HttpResult& result, int attempt, double random01) const;
};

// Sends with retries under a policy, waiting through `waiter`. Returns the last result; a
// result with neither a response nor an error never comes back. `onRetry` hears about each
// retry (for progress lines), with the reason in words ("429 Too Many Requests").
class RetryingSender {
 public:
  RetryingSender(HttpTransport& transport, const Waiter& waiter, RetryPolicy policy = {});
  HttpResult send(const HttpRequest& request);
  std::function<void(const std::string& reason, std::chrono::milliseconds wait)> onRetry;

 private:
  HttpTransport& transport_;
  const Waiter& waiter_;
  RetryPolicy policy_;
};

}  // namespace pgc::deploy
