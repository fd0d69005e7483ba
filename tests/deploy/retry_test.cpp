// The retry policy ARM asks for (what is retried, how long to wait), the sender that applies
// it against a loopback server, and waits cut short by Ctrl-C or the deadline.
#include <gtest/gtest.h>

#include <ctime>
#include <thread>

#include "pgc/deploy/http.h"
#include "token_test_server.h"

namespace pgc::tests {
namespace {

using namespace std::chrono_literals;
using deploy::Clock;
using deploy::HttpResponse;
using deploy::HttpResult;
using deploy::RetryPolicy;
using std::chrono::milliseconds;

HttpResult status(long code, std::map<std::string, std::string> headers = {},
                  std::string body = "") {
  HttpResult result;
  result.response = HttpResponse{code, std::move(headers), std::move(body)};
  return result;
}

HttpResult conflict(const std::string& code) {
  return status(409, {}, R"({"error":{"code":")" + code + R"(","message":"busy"}})");
}

TEST(RetryPolicyTest, RetriesThrottlingServerErrorsAndDroppedConnections) {
  const RetryPolicy policy;
  for (long code : {408, 429, 500, 502, 503, 504}) EXPECT_TRUE(policy.retryable(status(code)));
  HttpResult dropped;
  dropped.transportError = "Failure when receiving data from the peer";
  EXPECT_TRUE(policy.retryable(dropped));
}

TEST(RetryPolicyTest, DoesNotRetryWhatAnotherAttemptCannotFix) {
  const RetryPolicy policy;
  for (long code : {200, 201, 202, 204, 400, 401, 403, 404, 501}) {
    EXPECT_FALSE(policy.retryable(status(code))) << code;
  }
}

TEST(RetryPolicyTest, RetriesOnlyTheConflictsThatSayToRetry) {
  const RetryPolicy policy;
  for (const char* code :
       {"RetryableErrorDueToAnotherOperation", "AnotherOperationInProgress", "ServerIsBusy"}) {
    EXPECT_TRUE(policy.retryable(conflict(code))) << code;
  }
  EXPECT_FALSE(policy.retryable(conflict("InvalidTemplateDeployment")));
  EXPECT_FALSE(policy.retryable(status(409, {}, "not json")));
  EXPECT_FALSE(policy.retryable(status(409, {}, R"({"error":"ServerIsBusy"})")));
}

TEST(RetryPolicyTest, RetryAfterSecondsIsHonouredUpToTheCap) {
  RetryPolicy policy;
  policy.maxDelay = 30s;
  EXPECT_EQ(policy.delay(status(429, {{"retry-after", "7"}}), 1, 0.5), 7s);
  EXPECT_EQ(policy.delay(status(429, {{"retry-after", "0"}}), 3, 0.5), 0s);
  EXPECT_EQ(policy.delay(status(503, {{"retry-after", "3600"}}), 1, 0.5), 30s);
  EXPECT_EQ(policy.delay(status(503, {{"retry-after", "99999999999999"}}), 1, 0.5), 30s);
}

TEST(RetryPolicyTest, RetryAfterDateIsHonouredUpToTheCap) {
  RetryPolicy policy;
  policy.maxDelay = 30s;
  auto httpDate = [](std::time_t when) {
    char text[64];
    std::tm utc{};
    gmtime_r(&when, &utc);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return std::string(text);
  };
  const auto now = std::time(nullptr);
  const auto soon = policy.delay(status(429, {{"retry-after", httpDate(now + 10)}}), 1, 0.5);
  EXPECT_GE(soon, 8s);
  EXPECT_LE(soon, 10s);
  EXPECT_EQ(policy.delay(status(429, {{"retry-after", httpDate(now + 3600)}}), 1, 0.5), 30s);
  EXPECT_EQ(policy.delay(status(429, {{"retry-after", httpDate(now - 60)}}), 1, 0.5), 0s);
}

TEST(RetryPolicyTest, BackoffDoublesWithJitterNeverZeroAndIsCapped) {
  RetryPolicy policy;
  policy.baseDelay = 1000ms;
  policy.maxDelay = 10000ms;
  const auto transport = status(503);
  // attempt n waits between half and all of base·2^(n-1).
  EXPECT_EQ(policy.delay(transport, 1, 0.0), 500ms);
  EXPECT_EQ(policy.delay(transport, 1, 0.999), 999ms);
  EXPECT_EQ(policy.delay(transport, 2, 0.0), 1000ms);
  EXPECT_EQ(policy.delay(transport, 3, 0.5), 3000ms);
  EXPECT_EQ(policy.delay(transport, 4, 0.0), 4000ms);
  EXPECT_EQ(policy.delay(transport, 5, 0.0), 5000ms);  // 16 s, capped at 10 s
  EXPECT_EQ(policy.delay(transport, 60, 0.999), 9995ms);
  EXPECT_GT(policy.delay(status(429, {{"retry-after", "soon"}}), 1, 0.0), 0ms);
}

RetryPolicy quickPolicy(int attempts) {
  RetryPolicy policy;
  policy.maxAttempts = attempts;
  policy.baseDelay = 2ms;
  policy.maxDelay = 20ms;
  return policy;
}

TEST(RetryingSenderTest, WaitsOutThrottlingThenSucceeds) {
  TokenTestServer server;
  int calls = 0;
  server.on("GET", "/deployments", [&](const httplib::Request&, httplib::Response& response) {
    if (++calls <= 2) {
      response.status = 429;
      response.set_header("Retry-After", "0");
      return;
    }
    response.set_content(R"({"value":[]})", "application/json");
  });
  server.start();
  deploy::CurlTransport transport;
  const deploy::Waiter waiter(Clock::now() + 30s, nullptr);
  deploy::RetryingSender sender(transport, waiter, quickPolicy(5));
  std::vector<std::pair<std::string, milliseconds>> retries;
  sender.onRetry = [&](const std::string& reason, milliseconds wait) {
    retries.emplace_back(reason, wait);
  };
  const auto result = sender.send({"GET", server.url() + "/deployments", {}, ""});
  ASSERT_TRUE(result.response) << result.transportError;
  EXPECT_EQ(result.response->status, 200);
  EXPECT_EQ(server.count("/deployments"), 3u);
  ASSERT_EQ(retries.size(), 2u);
  EXPECT_EQ(retries[0].first, "429 Too Many Requests");
  EXPECT_EQ(retries[0].second, 0ms);
}

TEST(RetryingSenderTest, StopsAfterMaxAttemptsWithTheLastResult) {
  TokenTestServer server;
  server.on("PUT", "/busy", [](const httplib::Request&, httplib::Response& response) {
    response.status = 503;
    response.set_content("still busy", "text/plain");
  });
  server.start();
  deploy::CurlTransport transport;
  const deploy::Waiter waiter(Clock::now() + 30s, nullptr);
  deploy::RetryingSender sender(transport, waiter, quickPolicy(3));
  std::vector<std::string> reasons;
  sender.onRetry = [&](const std::string& reason, milliseconds) { reasons.push_back(reason); };
  const auto result = sender.send({"PUT", server.url() + "/busy", {}, "{}"});
  ASSERT_TRUE(result.response);
  EXPECT_EQ(result.response->status, 503);
  EXPECT_EQ(result.response->body, "still busy");
  EXPECT_EQ(server.count("/busy"), 3u);
  EXPECT_EQ(reasons, std::vector<std::string>(2, "503 Service Unavailable"));
}

TEST(RetryingSenderTest, RetriesADroppedConnection) {
  TokenTestServer server;
  int calls = 0;
  server.on("GET", "/flaky", [&](const httplib::Request&, httplib::Response& response) {
    if (++calls == 1) {
      // Promises 100 bytes, then hangs up before sending any.
      response.set_content_provider(100, "application/json",
                                    [](size_t, size_t, httplib::DataSink&) { return false; });
      return;
    }
    response.set_content("ok", "text/plain");
  });
  server.start();
  deploy::CurlTransport transport;
  const deploy::Waiter waiter(Clock::now() + 30s, nullptr);
  deploy::RetryingSender sender(transport, waiter, quickPolicy(3));
  std::vector<std::string> reasons;
  sender.onRetry = [&](const std::string& reason, milliseconds) { reasons.push_back(reason); };
  const auto result = sender.send({"GET", server.url() + "/flaky", {}, ""});
  ASSERT_TRUE(result.response) << result.transportError;
  EXPECT_EQ(result.response->body, "ok");
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].rfind("no response: ", 0), 0u) << reasons[0];
}

TEST(RetryingSenderTest, DoesNotRetryAClientError) {
  TokenTestServer server;
  server.on("GET", "/missing",
            [](const httplib::Request&, httplib::Response& response) { response.status = 404; });
  server.start();
  deploy::CurlTransport transport;
  const deploy::Waiter waiter(Clock::now() + 30s, nullptr);
  deploy::RetryingSender sender(transport, waiter, quickPolicy(5));
  const auto result = sender.send({"GET", server.url() + "/missing", {}, ""});
  ASSERT_TRUE(result.response);
  EXPECT_EQ(result.response->status, 404);
  EXPECT_EQ(server.count("/missing"), 1u);
}

TEST(RetryingSenderTest, AnInterruptStopsTheRetriesWithTheLastResult) {
  TokenTestServer server;
  server.on("GET", "/throttled", [](const httplib::Request&, httplib::Response& response) {
    response.status = 429;
    response.set_header("Retry-After", "60");
  });
  server.start();
  std::atomic<bool> interrupted{false};
  deploy::CurlTransport transport;
  const deploy::Waiter waiter(Clock::now() + 30s, &interrupted);
  RetryPolicy policy;  // Retry-After: 60 would wait a minute
  deploy::RetryingSender sender(transport, waiter, policy);
  sender.onRetry = [&](const std::string&, milliseconds wait) {
    EXPECT_EQ(wait, 60s);
    interrupted = true;  // as Ctrl-C would, while the sender waits
  };
  const auto result = sender.send({"GET", server.url() + "/throttled", {}, ""});
  ASSERT_TRUE(result.response);
  EXPECT_EQ(result.response->status, 429);
  EXPECT_EQ(server.count("/throttled"), 1u);
}

TEST(WaiterTest, WaitsTheWholeDurationWhenNothingStopsIt) {
  const deploy::Waiter waiter(Clock::now() + 30s, nullptr);
  const auto start = Clock::now();
  EXPECT_TRUE(waiter.wait(30ms));
  EXPECT_GE(Clock::now() - start, 30ms);
  EXPECT_TRUE(waiter.wait(0ms));
}

TEST(WaiterTest, TheInterruptFlagCutsAWaitShort) {
  std::atomic<bool> interrupted{false};
  const deploy::Waiter waiter(Clock::now() + 60s, &interrupted);
  std::thread ctrlC([&] {
    std::this_thread::sleep_for(50ms);
    interrupted = true;
  });
  const auto start = Clock::now();
  EXPECT_FALSE(waiter.wait(60s));
  EXPECT_GE(Clock::now() - start, 40ms);  // the flag is set 50 ms after the thread starts
  ctrlC.join();
  EXPECT_TRUE(waiter.interrupted());
  EXPECT_FALSE(waiter.wait(10s));  // already interrupted: no wait at all
}

TEST(WaiterTest, TheDeadlineCutsAWaitShort) {
  const deploy::Waiter waiter(Clock::now() + 150ms, nullptr);
  const auto start = Clock::now();
  EXPECT_FALSE(waiter.wait(60s));
  EXPECT_GE(Clock::now() - start, 100ms);  // the deadline was set just before `start`
  EXPECT_TRUE(waiter.expired());
  EXPECT_FALSE(waiter.wait(1ms));
}

}  // namespace
}  // namespace pgc::tests
