// HTTPS as pgc speaks it to Azure: a loopback TLS server with a certificate made for the test.
// The transport verifies it against the bundle CURL_CA_BUNDLE names and refuses it otherwise.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <thread>

#include "../cli/pgc_process.h"
#include "pgc/deploy/http.h"

namespace pgc::tests {
namespace {

// A self-signed certificate for 127.0.0.1, and its key, in `dir`.
bool makeCertificate(const TempDir& dir) {
  ProcessResult made =
      runProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                  "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout",
                  (dir.path() / "key.pem").string(), "-out", (dir.path() / "cert.pem").string()});
  EXPECT_EQ(made.exitCode, 0) << made.err;
  return made.exitCode == 0;
}

class HttpsTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(makeCertificate(dir_));
    server_ = std::make_unique<httplib::SSLServer>((dir_.path() / "cert.pem").c_str(),
                                                   (dir_.path() / "key.pem").c_str());
    ASSERT_TRUE(server_->is_valid());
    server_->Get("/secure", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("{\"tls\": true}", "application/json");
    });
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // stop() is lost on a server whose loop has not started yet: wait for it.
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  void TearDown() override {
    unsetenv("CURL_CA_BUNDLE");
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  deploy::HttpResult get() {
    deploy::CurlTransport transport(std::chrono::seconds(10));
    return transport.send(
        {"GET", "https://127.0.0.1:" + std::to_string(port_) + "/secure", {}, ""});
  }

  TempDir dir_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(HttpsTransportTest, TrustsAServerItsCaBundleVouchesFor) {
  setenv("CURL_CA_BUNDLE", (dir_.path() / "cert.pem").c_str(), 1);
  deploy::HttpResult result = get();
  ASSERT_TRUE(result.response) << result.transportError;
  EXPECT_EQ(result.response->status, 200);
  EXPECT_EQ(result.response->body, "{\"tls\": true}");
}

TEST_F(HttpsTransportTest, RefusesACertificateNoCaVouchesFor) {
  deploy::HttpResult result = get();
  EXPECT_FALSE(result.response);
  EXPECT_NE(result.transportError.find("certificate"), std::string::npos) << result.transportError;
}

}  // namespace
}  // namespace pgc::tests
