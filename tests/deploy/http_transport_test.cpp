// CurlTransport against a loopback server (methods, bodies, headers both ways, no redirects,
// failures in words), and the endpoint rule: https anywhere, plain http only to loopback.
#include <gtest/gtest.h>

#include <thread>

#include "pgc/deploy/http.h"
#include "token_test_server.h"

namespace pgc::tests {
namespace {

using deploy::CurlTransport;
using deploy::HttpRequest;

// Echoes what it received: method, body and the test header, in its body and headers.
void echoOn(TokenTestServer& server, const std::string& method) {
  server.on(method, "/echo", [](const httplib::Request& request, httplib::Response& response) {
    response.status = 201;
    response.set_header("X-Echo-Method", request.method);
    response.set_header("X-Request-Id", request.get_header_value("X-Request-Id"));
    response.set_content(request.method + ":" + request.body, "text/plain");
  });
}

TEST(CurlTransportTest, SendsEachMethodWithItsBodyAndHeaders) {
  TokenTestServer server;
  for (const char* method : {"GET", "PUT", "POST", "DELETE", "PATCH"}) echoOn(server, method);
  server.start();
  CurlTransport transport(std::chrono::seconds(10));
  for (const std::string method : {"PUT", "POST", "PATCH", "DELETE"}) {
    const auto result =
        transport.send({method,
                        server.url() + "/echo",
                        {{"X-Request-Id", "r-" + method}, {"Content-Type", "application/json"}},
                        R"({"properties":{"mode":"Incremental"}})"});
    ASSERT_TRUE(result.response) << result.transportError;
    EXPECT_EQ(result.response->status, 201);
    EXPECT_EQ(result.response->body, method + R"(:{"properties":{"mode":"Incremental"}})");
    // Names come back in lower case, and header() finds them in any case.
    EXPECT_EQ(result.response->headers.at("x-echo-method"), method);
    EXPECT_EQ(result.response->header("X-Request-ID"), "r-" + method);
  }
  const auto get = transport.send({"GET", server.url() + "/echo", {}, ""});
  ASSERT_TRUE(get.response) << get.transportError;
  EXPECT_EQ(get.response->body, "GET:");

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_EQ(requests[0].headers.at("user-agent"), std::string("pgc/") + PGC_VERSION);
  EXPECT_EQ(requests[0].headers.at("content-type"), "application/json");
  EXPECT_EQ(requests[0].headers.count("expect"), 0u);
}

TEST(CurlTransportTest, HeadReturnsTheStatusWithoutABody) {
  TokenTestServer server;
  server.on("GET", "/deployments/d1",
            [](const httplib::Request&, httplib::Response& response) { response.status = 204; });
  server.start();
  const auto result = CurlTransport().send({"HEAD", server.url() + "/deployments/d1", {}, ""});
  ASSERT_TRUE(result.response) << result.transportError;
  EXPECT_EQ(result.response->status, 204);
  EXPECT_EQ(server.requests().at(0).method, "HEAD");
}

TEST(CurlTransportTest, EmptyPutStillSaysContentLengthZero) {
  TokenTestServer server;
  echoOn(server, "PUT");
  server.start();
  const auto result = CurlTransport().send({"PUT", server.url() + "/echo", {}, ""});
  ASSERT_TRUE(result.response) << result.transportError;
  EXPECT_EQ(server.requests().at(0).headers.at("content-length"), "0");
}

TEST(CurlTransportTest, DoesNotFollowRedirects) {
  TokenTestServer server;
  server.on("GET", "/moved", [&](const httplib::Request&, httplib::Response& response) {
    response.set_redirect(server.url() + "/elsewhere", 302);
  });
  server.start();
  const auto result = CurlTransport().send({"GET", server.url() + "/moved", {}, ""});
  ASSERT_TRUE(result.response) << result.transportError;
  EXPECT_EQ(result.response->status, 302);
  EXPECT_EQ(result.response->header("location"), server.url() + "/elsewhere");
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(CurlTransportTest, RefusedConnectionIsATransportErrorInWords) {
  const auto result = CurlTransport().send({"GET", closedLoopbackUrl() + "/x", {}, ""});
  EXPECT_FALSE(result.response);
  EXPECT_NE(result.transportError.find("Couldn't connect to server"), std::string::npos)
      << result.transportError;
}

TEST(CurlTransportTest, ASlowServerTimesOut) {
  TokenTestServer server;
  server.on("GET", "/slow", [](const httplib::Request&, httplib::Response& response) {
    std::this_thread::sleep_for(std::chrono::seconds(2));
    response.set_content("late", "text/plain");
  });
  server.start();
  const auto result =
      CurlTransport(std::chrono::seconds(1)).send({"GET", server.url() + "/slow", {}, ""});
  EXPECT_FALSE(result.response);
  EXPECT_NE(result.transportError.find("Timeout"), std::string::npos) << result.transportError;
}

TEST(CurlTransportTest, OnlyHttpAndHttpsAreSpoken) {
  const auto result = CurlTransport().send({"GET", "file:///etc/hostname", {}, ""});
  EXPECT_FALSE(result.response);
  EXPECT_FALSE(result.transportError.empty());
}

TEST(EndpointUrlTest, AcceptsHttpsAnywhereAndHttpOnlyToLoopback) {
  for (const char* url :
       {"https://login.microsoftonline.com", "https://management.azure.com/",
        "https://127.0.0.1:8443/x", "http://localhost:8080", "http://LOCALHOST/",
        "http://127.0.0.1:1234/tenant", "http://127.12.0.9/", "http://[::1]:9000/"}) {
    EXPECT_EQ(deploy::checkEndpointUrl(url), "") << url;
  }
}

TEST(EndpointUrlTest, RejectsPlainHttpElsewhereWithTheReason) {
  const auto why = deploy::checkEndpointUrl("http://login.microsoftonline.com");
  EXPECT_EQ(why,
            "plain http to `login.microsoftonline.com` would send tokens unencrypted; use "
            "https://, or http:// only to localhost, 127.0.0.0/8 or [::1]");
  for (const char* url : {"http://127.example.com/", "http://128.0.0.1/", "http://10.0.0.1/",
                          "http://169.254.169.254/", "http://[::2]/"}) {
    EXPECT_NE(deploy::checkEndpointUrl(url), "") << url;
  }
}

TEST(EndpointUrlTest, RejectsOtherSchemesMissingHostsAndUserInfo) {
  EXPECT_NE(deploy::checkEndpointUrl("ftp://example.com/").find("scheme `ftp`"), std::string::npos);
  EXPECT_NE(deploy::checkEndpointUrl("login.microsoftonline.com"), "");
  EXPECT_NE(deploy::checkEndpointUrl(""), "");
  EXPECT_NE(deploy::checkEndpointUrl("https://"), "");
  const auto why = deploy::checkEndpointUrl("https://user:hunter2@example.com/");
  EXPECT_NE(why.find("user name or password"), std::string::npos) << why;
  EXPECT_EQ(why.find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace pgc::tests
