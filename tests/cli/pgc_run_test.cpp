// runPgc(PgcRun) and PgcProcess: the host's cloud settings never reach the child, the
// managed identity endpoint always points at loopback, stdin arrives, Ctrl-C is delivered.
#include <gtest/gtest.h>

#include <cstdlib>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

// Sets variables in this process for one test, and removes them after.
class HostVariables {
 public:
  explicit HostVariables(std::vector<std::pair<std::string, std::string>> variables)
      : variables_(std::move(variables)) {
    for (const auto& [name, value] : variables_) ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~HostVariables() {
    for (const auto& [name, value] : variables_) ::unsetenv(name.c_str());
  }

 private:
  std::vector<std::pair<std::string, std::string>> variables_;
};

TEST(FakeAzureEnvironment, HostCloudSettingsNeverReachTheChild) {
  HostVariables host({{"AZURE_CLIENT_SECRET", "host-secret"},
                      {"PGC_ARM_ENDPOINT", "https://management.azure.com"},
                      {"ACTIONS_ID_TOKEN_REQUEST_URL", "https://token.actions"},
                      {"IDENTITY_ENDPOINT", "http://169.254.169.254"},
                      {"MSI_ENDPOINT", "http://169.254.169.254"},
                      {"IMDS_ENDPOINT", "http://169.254.169.254"},
                      {"PGC_RUN_TEST_KEPT", "no"},
                      {"HARMLESS_SETTING", "kept"}});
  ProcessResult env = runProgram("/usr/bin/env", {{}, ".", {{"AZURE_TENANT_ID", "t"}}, ""});
  ASSERT_EQ(env.exitCode, 0) << env.err;
  EXPECT_EQ(env.out.find("host-secret"), std::string::npos);
  EXPECT_EQ(env.out.find("169.254.169.254"), std::string::npos);
  EXPECT_EQ(env.out.find("token.actions"), std::string::npos);
  EXPECT_EQ(env.out.find("PGC_"), std::string::npos);
  EXPECT_NE(env.out.find("HARMLESS_SETTING=kept\n"), std::string::npos);
  EXPECT_NE(env.out.find("AZURE_TENANT_ID=t\n"), std::string::npos);
  EXPECT_NE(env.out.find("AZURE_POD_IDENTITY_AUTHORITY_HOST=http://127.0.0.1:9\n"),
            std::string::npos);
  EXPECT_NE(env.out.find("PATH="), std::string::npos);
}

TEST(FakeAzureEnvironment, ATestGivenImdsHostWins) {
  std::vector<std::string> env =
      childEnvironment({{"AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:4242"}});
  EXPECT_NE(
      std::find(env.begin(), env.end(), "AZURE_POD_IDENTITY_AUTHORITY_HOST=http://127.0.0.1:4242"),
      env.end());
}

TEST(FakeAzureEnvironment, StdinReachesTheChild) {
  ProcessResult cat = runProgram("/bin/cat", {{}, ".", {}, "a password\n"});
  EXPECT_EQ(cat.exitCode, 0);
  EXPECT_EQ(cat.out, "a password\n");
}

TEST(FakeAzureEnvironment, RunPgcWithARunBehavesLikeTheOldOne) {
  ProcessResult run = runPgc(PgcRun{{"--version"}, ".", {}, ""});
  ProcessResult old = runPgc({"--version"}, ".");
  EXPECT_EQ(run.exitCode, old.exitCode);
  EXPECT_EQ(run.out, old.out);
}

TEST(FakeAzureEnvironment, InterruptDeliversSigint) {
  // sleep surely still runs when the signal comes, and has no handler: SIGINT ends it.
  PgcProcess waiting({{"30"}, ".", {}, ""}, "/bin/sleep");
  waiting.interrupt();
  ProcessResult result = waiting.wait();
  EXPECT_EQ(result.exitCode, -1);
}

}  // namespace
}  // namespace pgc::tests
