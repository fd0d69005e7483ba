// Each token source against a loopback Entra and IMDS, and a fake `az` script: the requests
// they send, the errors they give, and that no secret reaches a message.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "credential_test_setup.h"

namespace pgc::tests {
namespace {

TEST(EnvironmentCredentialTest, PostsTheClientCredentialsForm) {
  TokenTestServer server;
  server.serveEntraTokens(kTenant, 3600s);
  server.start();
  auto settings = servicePrincipalSettings(server);
  QuickSender quick;
  auto credential = makeCredential("env", settings, quick.sender);
  const auto result = credential->token(kArm);
  ASSERT_TRUE(result.token) << result.error;
  EXPECT_EQ(result.token->token, "token-1");
  EXPECT_NEAR(secondsFromNow(result.token->expiresOn), 3600, 10);
  EXPECT_EQ(credential->name(), "environment (service principal)");

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].path, std::string("/") + kTenant + "/oauth2/v2.0/token");
  EXPECT_EQ(requests[0].headers.at("content-type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(requests[0].body,
            "client_id=app-id&scope=https%3A%2F%2Fmanagement.azure.com%2F.default"
            "&client_secret=s3cr%26t%3D%2Bvalue&grant_type=client_credentials");
  const std::map<std::string, std::string> form = {{"client_id", "app-id"},
                                                   {"scope", kArm},
                                                   {"client_secret", kSecret},
                                                   {"grant_type", "client_credentials"}};
  EXPECT_EQ(requests[0].form, form);
}

TEST(EnvironmentCredentialTest, AnInvalidSecretGivesEntrasErrorAndNeverTheSecret) {
  TokenTestServer server;
  server.serveEntraTokens(kTenant, 3600s, kSecret);
  server.start();
  auto settings = servicePrincipalSettings(server);
  QuickSender quick;
  const auto result = makeCredential("env", settings, quick.sender)->token(kArm);
  EXPECT_FALSE(result.token);
  EXPECT_FALSE(result.unavailable);
  EXPECT_EQ(result.error,
            "environment (service principal): invalid_client: AADSTS7000215: Invalid "
            "client secret provided. Ensure the secret being sent in the request is the client "
            "secret value, not the client secret ID.");
  EXPECT_EQ(server.requests().size(), 1u);  // a 401 is not retried
}

TEST(EnvironmentCredentialTest, NoAnswerFromEntraIsAnErrorWithoutTheSecret) {
  CredentialSettings settings;
  settings.authorityHost = closedLoopbackUrl();
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_CLIENT_SECRET", kSecret}};
  QuickSender quick;
  const auto result = makeCredential("env", settings, quick.sender)->token(kArm);
  EXPECT_FALSE(result.unavailable);
  EXPECT_NE(result.error.find("environment (service principal): no answer"), std::string::npos)
      << result.error;
  EXPECT_EQ(result.error.find("s3cr"), std::string::npos);
}

TEST(EnvironmentCredentialTest, IsUnavailableWithTheMissingVariablesNamed) {
  RecordingTransport transport;
  const deploy::Waiter waiter(deploy::Clock::now() + 30s, nullptr);
  deploy::RetryingSender sender(transport, waiter);
  CredentialSettings settings;
  settings.environment = {{"AZURE_CLIENT_ID", "app-id"}};
  auto credential = makeCredential("env", settings, sender);
  EXPECT_FALSE(credential->configured());
  EXPECT_FALSE(credential->describeRequest(kArm));
  const auto result = credential->token(kArm);
  EXPECT_TRUE(result.unavailable);
  EXPECT_NE(result.error.find("environment (service principal): AZURE_TENANT_ID and "
                              "AZURE_CLIENT_SECRET are not set"),
            std::string::npos)
      << result.error;
  EXPECT_NE(result.error.find("--auth env: AZURE_TENANT_ID"), std::string::npos);
  EXPECT_EQ(transport.sent, 0);
}

TEST(EnvironmentCredentialTest, RefusesToSendTheSecretOverPlainHttpOrToAStrangeTenant) {
  RecordingTransport transport;
  const deploy::Waiter waiter(deploy::Clock::now() + 30s, nullptr);
  deploy::RetryingSender sender(transport, waiter);
  CredentialSettings settings;
  settings.authorityHost = "http://login.example.com";
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_CLIENT_SECRET", kSecret}};
  const auto plain = makeCredential("env", settings, sender)->token(kArm);
  EXPECT_NE(plain.error.find("AZURE_AUTHORITY_HOST"), std::string::npos) << plain.error;
  settings.authorityHost = "https://login.microsoftonline.com";
  settings.environment["AZURE_TENANT_ID"] = "../common";
  const auto strange = makeCredential("env", settings, sender)->token(kArm);
  EXPECT_NE(strange.error.find("AZURE_TENANT_ID is not a tenant ID"), std::string::npos);
  EXPECT_EQ(transport.sent, 0);
}

TEST(EnvironmentCredentialTest, DescribesTheRequestWithTheSecretMasked) {
  RecordingTransport transport;
  const deploy::Waiter waiter(deploy::Clock::now() + 30s, nullptr);
  deploy::RetryingSender sender(transport, waiter);
  CredentialSettings settings;
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_CLIENT_SECRET", kSecret}};
  const auto request = makeCredential("env", settings, sender)->describeRequest(kArm);
  ASSERT_TRUE(request);
  EXPECT_EQ(request->url,
            std::string("https://login.microsoftonline.com/") + kTenant + "/oauth2/v2.0/token");
  EXPECT_NE(request->body.find("client_secret=***&"), std::string::npos) << request->body;
  EXPECT_EQ(request->body.find("s3cr"), std::string::npos);
  EXPECT_EQ(transport.sent, 0);
}

TEST(WorkloadIdentityCredentialTest, ReadsTheRotatedTokenFileForEveryRequest) {
  TokenTestServer server;
  server.serveEntraTokens(kTenant, 60s);  // inside the five-minute margin: never reused
  server.start();
  TempDir dir;
  const auto file = dir.write("azure-identity-token", "assertion-one\n");
  auto settings = loopbackSettings(server);
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_FEDERATED_TOKEN_FILE", file.string()}};
  QuickSender quick;
  auto credential = makeCredential("workload-identity", settings, quick.sender);
  ASSERT_TRUE(credential->token(kArm).token);
  dir.write("azure-identity-token", "  assertion-two  ");
  const auto second = credential->token(kArm);
  ASSERT_TRUE(second.token) << second.error;
  EXPECT_EQ(second.token->token, "token-2");

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].form.at("client_assertion"), "assertion-one");
  EXPECT_EQ(requests[1].form.at("client_assertion"), "assertion-two");
  EXPECT_EQ(requests[1].form.at("client_assertion_type"),
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  EXPECT_EQ(requests[1].form.at("grant_type"), "client_credentials");
  EXPECT_EQ(requests[1].form.count("client_secret"), 0u);

  const auto described = credential->describeRequest(kArm);
  ASSERT_TRUE(described);
  EXPECT_NE(described->body.find("client_assertion=***"), std::string::npos);
  EXPECT_EQ(described->body.find("assertion-two"), std::string::npos);
}

TEST(WorkloadIdentityCredentialTest, AnUnreadableTokenFileIsAnErrorNamingIt) {
  TokenTestServer server;
  server.start();
  TempDir dir;
  const auto missing = (dir.path() / "no-such-token").string();
  auto settings = loopbackSettings(server);
  settings.environment = {{"AZURE_TENANT_ID", kTenant},
                          {"AZURE_CLIENT_ID", "app-id"},
                          {"AZURE_FEDERATED_TOKEN_FILE", missing}};
  QuickSender quick;
  const auto result = makeCredential("workload-identity", settings, quick.sender)->token(kArm);
  EXPECT_FALSE(result.unavailable);
  EXPECT_EQ(result.error, "workload identity: cannot read the federated token file " + missing +
                              " (AZURE_FEDERATED_TOKEN_FILE)");
  EXPECT_TRUE(server.requests().empty());
}

TEST(ManagedIdentityCredentialTest, AsksImdsWithTheMetadataHeaderAndResource) {
  TokenTestServer imds;
  imds.serveImdsTokens(3600s);
  imds.start();
  CredentialSettings settings = loopbackSettings(imds);
  settings.imdsEndpoint = imds.url();
  settings.environment = {{"AZURE_CLIENT_ID", "user-assigned-id"}};
  QuickSender quick;
  auto credential = makeCredential("managed-identity", settings, quick.sender);
  const auto result = credential->token(kArm);
  ASSERT_TRUE(result.token) << result.error;
  EXPECT_EQ(result.token->token, "mi-token-1");
  EXPECT_NEAR(secondsFromNow(result.token->expiresOn), 3600, 10);

  const auto requests = imds.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].path, "/metadata/identity/oauth2/token");
  EXPECT_EQ(requests[0].headers.at("metadata"), "true");
  const std::map<std::string, std::string> query = {{"api-version", "2018-02-01"},
                                                    {"resource", "https://management.azure.com"},
                                                    {"client_id", "user-assigned-id"}};
  EXPECT_EQ(requests[0].query, query);
  EXPECT_EQ(credential->describeRequest(kArm)->url,
            imds.url() +
                "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2F"
                "management.azure.com&client_id=user-assigned-id");
}

TEST(ManagedIdentityCredentialTest, ChosenAloneWithoutImdsIsAnError) {
  TokenTestServer unused;
  QuickSender quick;
  const auto result =
      makeCredential("managed-identity", loopbackSettings(unused), quick.sender)->token(kArm);
  EXPECT_FALSE(result.unavailable);
  EXPECT_NE(result.error.find("managed identity: no answer"), std::string::npos) << result.error;
}

TEST(AzureCliCredentialTest, RunsTheCliAndReadsItsToken) {
  TempDir dir;
  TokenTestServer unused;
  const auto expires = std::time(nullptr) + 3000;
  auto settings = loopbackSettings(unused);
  settings.azCommand = fakeAz(dir, R"(echo '{"accessToken": "cli-token", "expiresOn": )"
                                   R"("2001-01-01 00:00:00.000000", "expires_on": )" +
                                       std::to_string(expires) +
                                       R"(, "subscription": "sub-1", "tenant": "t", )"
                                       R"("tokenType": "Bearer"}'
)");
  QuickSender quick;
  auto credential = makeCredential("azure-cli", settings, quick.sender);
  EXPECT_TRUE(credential->configured());
  const auto result = credential->token(kArm);
  ASSERT_TRUE(result.token) << result.error;
  EXPECT_EQ(result.token->token, "cli-token");
  EXPECT_EQ(result.token->expiresOn, std::chrono::system_clock::from_time_t(expires));
  EXPECT_EQ(readArgs(dir),
            "account get-access-token --resource https://management.azure.com --output json");
  EXPECT_EQ(credential->defaultSubscription(), "sub-1");
  EXPECT_EQ(credential->name(), "Azure CLI");
  EXPECT_FALSE(credential->describeRequest(kArm));
}

TEST(AzureCliCredentialTest, OlderClisGiveOnlyTheLocalExpiresOn) {
  TempDir dir;
  TokenTestServer unused;
  const std::time_t expires = std::time(nullptr) + 7200;
  std::tm local{};
  localtime_r(&expires, &local);
  char text[64];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S.123456", &local);
  auto settings = loopbackSettings(unused);
  settings.azCommand =
      fakeAz(dir, std::string(R"(echo '{"accessToken": "old-cli", "expiresOn": ")") + text + R"("}'
)");
  QuickSender quick;
  const auto result = makeCredential("azure-cli", settings, quick.sender)->token(kArm);
  ASSERT_TRUE(result.token) << result.error;
  EXPECT_EQ(result.token->expiresOn, std::chrono::system_clock::from_time_t(expires));
}

TEST(AzureCliCredentialTest, NotSignedInIsUnavailable) {
  TempDir dir;
  TokenTestServer unused;
  auto settings = loopbackSettings(unused);
  settings.azCommand =
      fakeAz(dir, "echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n");
  QuickSender quick;
  const auto result = makeCredential("azure-cli", settings, quick.sender)->token(kArm);
  EXPECT_TRUE(result.unavailable);
  EXPECT_NE(result.error.find("Azure CLI: not signed in (run `az login`)"), std::string::npos)
      << result.error;
}

TEST(AzureCliCredentialTest, OtherFailuresQuoteStderrNeverStdout) {
  TempDir dir;
  TokenTestServer unused;
  auto settings = loopbackSettings(unused);
  settings.azCommand = fakeAz(dir,
                              "echo 'eyJ0eXAi-partial-token'\n"
                              "printf '\\nERROR: AADSTS70043: The refresh token has expired.\\n"
                              "Trace ID: 1234\\n' >&2\nexit 1\n");
  QuickSender quick;
  const auto result = makeCredential("azure-cli", settings, quick.sender)->token(kArm);
  EXPECT_FALSE(result.unavailable);
  EXPECT_EQ(result.error, "Azure CLI: ERROR: AADSTS70043: The refresh token has expired.");
}

TEST(AzureCliCredentialTest, AMissingCliIsUnavailable) {
  TokenTestServer unused;
  QuickSender quick;
  auto credential = makeCredential("azure-cli", loopbackSettings(unused), quick.sender);
  EXPECT_FALSE(credential->configured());
  const auto result = credential->token(kArm);
  EXPECT_TRUE(result.unavailable);
  EXPECT_NE(result.error.find("is not installed or not on PATH"), std::string::npos);
}

}  // namespace
}  // namespace pgc::tests
