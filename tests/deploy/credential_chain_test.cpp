// The credential chain's order, what it says when nothing is set up, the token cache, the
// settings it reads and the --auth names.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "credential_test_setup.h"

namespace pgc::tests {
namespace {

TEST(CredentialChainTest, TheEnvironmentComesFirst) {
  TokenTestServer server;
  server.serveEntraTokens(kTenant, 3600s);
  server.start();
  TempDir dir;
  auto settings = loopbackSettings(server);
  settings.azCommand = fakeAz(dir, "exit 1\n");
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_CLIENT_SECRET", kSecret}};
  QuickSender quick;
  auto chain = makeCredential("", settings, quick.sender);
  EXPECT_EQ(chain->name(), "environment (service principal)") << "the source it would ask";
  ASSERT_TRUE(chain->token(kArm).token);
  EXPECT_EQ(chain->name(), "environment (service principal)");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "az-args"));
}

TEST(CredentialChainTest, WorkloadIdentityWhenTheSecretIsMissing) {
  TokenTestServer server;
  server.serveEntraTokens(kTenant, 3600s);
  server.start();
  TempDir dir;
  auto settings = loopbackSettings(server);
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_FEDERATED_TOKEN_FILE", dir.write("token", "federated").string()}};
  QuickSender quick;
  auto chain = makeCredential("", settings, quick.sender);
  ASSERT_TRUE(chain->token(kArm).token);
  EXPECT_EQ(chain->name(), "workload identity");
}

TEST(CredentialChainTest, ManagedIdentityWhenImdsAnswers) {
  TokenTestServer imds;
  imds.serveImdsTokens(3600s);
  imds.start();
  auto settings = loopbackSettings(imds);
  settings.imdsEndpoint = imds.url();
  QuickSender quick;
  auto chain = makeCredential("", settings, quick.sender);
  const auto result = chain->token(kArm);
  ASSERT_TRUE(result.token) << result.error;
  EXPECT_EQ(result.token->token, "mi-token-1");
  EXPECT_EQ(chain->name(), "managed identity");
}

TEST(CredentialChainTest, TheAzureCliWhenNothingElseIsSetUp) {
  TempDir dir;
  TokenTestServer unused;
  auto settings = loopbackSettings(unused);
  settings.azCommand = fakeAz(dir, R"(echo '{"accessToken": "cli", "expires_on": 4102444800, )"
                                   R"("subscription": "sub-9"}'
)");
  QuickSender quick;
  auto chain = makeCredential("", settings, quick.sender);
  const auto result = chain->token(kArm);
  ASSERT_TRUE(result.token) << result.error;
  EXPECT_EQ(chain->name(), "Azure CLI");
  EXPECT_EQ(chain->defaultSubscription(), "sub-9");
}

TEST(CredentialChainTest, AFailingSourceStopsTheChain) {
  TokenTestServer server;
  server.serveEntraTokens(kTenant, 3600s, kSecret);
  server.start();
  TempDir dir;
  auto settings = loopbackSettings(server);
  settings.azCommand = fakeAz(dir, R"(echo '{"accessToken": "cli", "expires_on": 4102444800}')");
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_CLIENT_SECRET", kSecret}};
  QuickSender quick;
  auto chain = makeCredential("", settings, quick.sender);
  const auto result = chain->token(kArm);
  EXPECT_FALSE(result.token);
  EXPECT_NE(result.error.find("invalid_client"), std::string::npos);
  EXPECT_EQ(result.error.find("s3cr"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "az-args"));
}

TEST(CredentialChainTest, WhenNothingIsSetUpItSaysWhyForEachAndHow) {
  TokenTestServer unused;
  QuickSender quick;
  auto chain = makeCredential("", loopbackSettings(unused), quick.sender);
  EXPECT_FALSE(chain->configured());
  EXPECT_FALSE(chain->describeRequest(kArm));
  const auto result = chain->token(kArm);
  EXPECT_TRUE(result.unavailable);
  const std::string expectedStart =
      "no Azure credential is set up here; pgc tried, in order:\n"
      "  environment (service principal): AZURE_TENANT_ID, AZURE_CLIENT_ID and "
      "AZURE_CLIENT_SECRET are not set\n"
      "  workload identity: AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE are "
      "not set\n"
      "  managed identity: no instance metadata service answered at http://127.0.0.1:";
  EXPECT_EQ(result.error.substr(0, expectedStart.size()), expectedStart) << result.error;
  EXPECT_NE(result.error.find("\n  Azure CLI: `/nonexistent/pgc-tests/az` is not installed or "
                              "not on PATH\nset one up and choose it with --auth:\n"),
            std::string::npos)
      << result.error;
  for (const auto& name : deploy::credentialNames()) {
    EXPECT_NE(result.error.find("--auth " + name + ":"), std::string::npos) << name;
  }
}

TEST(CredentialCacheTest, ReusesATokenUntilFiveMinutesBeforeItExpires) {
  TokenTestServer server;
  server.serveEntraTokens(kTenant, 3600s);
  server.start();
  auto settings = servicePrincipalSettings(server);
  QuickSender quick;
  auto credential = makeCredential("env", settings, quick.sender);
  EXPECT_EQ(credential->token(kArm).token->token, "token-1");
  EXPECT_EQ(credential->token(kArm).token->token, "token-1");
  EXPECT_EQ(server.requests().size(), 1u);
  const auto postgres = credential->token("https://ossrdbms-aad.database.windows.net/.default");
  EXPECT_EQ(postgres.token->token, "token-2");
  EXPECT_EQ(server.requests().size(), 2u);
  EXPECT_EQ(server.requests()[1].form.at("scope"),
            "https://ossrdbms-aad.database.windows.net/.default");
}

TEST(CredentialCacheTest, ATokenCloseToExpiryIsFetchedAgain) {
  TokenTestServer server;
  server.serveEntraTokens(kTenant, 299s);
  server.start();
  auto settings = servicePrincipalSettings(server);
  QuickSender quick;
  auto credential = makeCredential("env", settings, quick.sender);
  EXPECT_EQ(credential->token(kArm).token->token, "token-1");
  EXPECT_EQ(credential->token(kArm).token->token, "token-2");
}

TEST(CredentialSettingsTest, ReadsOnlyTheNamedVariables) {
  ::setenv("AZURE_TENANT_ID", "tenant-from-env", 1);
  ::setenv("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us", 1);
  ::setenv("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:2", 1);
  ::setenv("AZURE_USERNAME", "someone", 1);
  const auto settings = CredentialSettings::fromEnvironment();
  for (const char* name : {"AZURE_TENANT_ID", "AZURE_AUTHORITY_HOST",
                           "AZURE_POD_IDENTITY_AUTHORITY_HOST", "AZURE_USERNAME"}) {
    ::unsetenv(name);
  }
  EXPECT_EQ(settings.environment.at("AZURE_TENANT_ID"), "tenant-from-env");
  EXPECT_EQ(settings.environment.count("AZURE_USERNAME"), 0u);
  EXPECT_EQ(settings.authorityHost, "https://login.microsoftonline.us");
  EXPECT_EQ(settings.imdsEndpoint, "http://127.0.0.1:2");
}

TEST(CredentialNamesTest, UnknownAuthGivesNoCredential) {
  TokenTestServer unused;
  QuickSender quick;
  EXPECT_EQ(makeCredential("password", loopbackSettings(unused), quick.sender), nullptr);
  EXPECT_EQ(deploy::credentialNames(), (std::vector<std::string>{"env", "workload-identity",
                                                                 "managed-identity", "azure-cli"}));
}

}  // namespace
}  // namespace pgc::tests
