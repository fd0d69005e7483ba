// What the credential tests share: settings that keep every endpoint on this machine, a
// sender with quick retries, a transport that sends nothing, and a fake `az` script (the
// real CLI cannot sign in without a network).
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "../cli/pgc_process.h"
#include "pgc/deploy/credentials.h"
#include "token_test_server.h"

namespace pgc::tests {

using namespace std::chrono_literals;
using deploy::CredentialSettings;
using deploy::makeCredential;

inline constexpr const char* kTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
inline constexpr const char* kArm = "https://management.azure.com/.default";
inline constexpr const char* kSecret = "s3cr&t=+value";

// Every endpoint on this machine: Entra on `server`, IMDS on a closed port, no `az`.
inline CredentialSettings loopbackSettings(const TokenTestServer& server) {
  CredentialSettings settings;
  settings.authorityHost = server.url();
  settings.imdsEndpoint = closedLoopbackUrl();
  settings.azCommand = "/nonexistent/pgc-tests/az";
  return settings;
}

// The same, with a service principal's three variables set.
inline CredentialSettings servicePrincipalSettings(const TokenTestServer& server) {
  CredentialSettings settings = loopbackSettings(server);
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_CLIENT_SECRET", kSecret}};
  return settings;
}

// A token sender with quick retries, good for a test.
struct QuickSender {
  deploy::CurlTransport transport{std::chrono::seconds(10)};
  deploy::Waiter waiter{deploy::Clock::now() + 30s, nullptr};
  deploy::RetryingSender sender{transport, waiter, policy()};
  static deploy::RetryPolicy policy() {
    deploy::RetryPolicy quick;
    quick.maxAttempts = 2;
    quick.baseDelay = 1ms;
    quick.maxDelay = 5ms;
    return quick;
  }
};

// Records what would be sent and sends nothing.
struct RecordingTransport : deploy::HttpTransport {
  int sent = 0;
  deploy::HttpResult send(const deploy::HttpRequest&) override {
    ++sent;
    return {std::nullopt, "not sent: a test transport"};
  }
};

// A fake `az` in `dir` that records its arguments in `az-args` and then runs `body`.
inline std::string fakeAz(const TempDir& dir, const std::string& body) {
  const auto path = dir.write(
      "az", "#!/bin/sh\necho \"$@\" > '" + (dir.path() / "az-args").string() + "'\n" + body);
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path.string();
}

inline std::string readArgs(const TempDir& dir) {
  std::ifstream file(dir.path() / "az-args");
  std::string line;
  std::getline(file, line);
  return line;
}

inline long secondsFromNow(std::chrono::system_clock::time_point when) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::seconds>(when - std::chrono::system_clock::now())
          .count());
}

}  // namespace pgc::tests
