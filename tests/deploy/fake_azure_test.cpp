// The fake's sign-in and ARM front door: the token endpoint and IMDS with their errors,
// ARM's authentication, api-version and subscription checks, and resource groups.
#include <gtest/gtest.h>

#include "fake_azure_client.h"

namespace pgc::tests {
namespace {

httplib::Result postToken(FakeAzure& azure, httplib::Params form, const std::string& tenant = "") {
  httplib::Client client(azure.url());
  return client.Post(
      "/" + (tenant.empty() ? azure.options().tenantId : tenant) + "/oauth2/v2.0/token", form);
}

httplib::Params secretForm(const FakeAzure& azure, const std::string& secret) {
  return {{"grant_type", "client_credentials"},
          {"client_id", azure.options().clientId},
          {"client_secret", secret},
          {"scope", kArmScope}};
}

TEST(FakeAzureTokens, ClientSecretGetsAUniqueBearerTokenThatIsRemembered) {
  FakeAzure azure;
  auto first = postToken(azure, secretForm(azure, azure.options().clientSecret));
  auto second = postToken(azure, secretForm(azure, azure.options().clientSecret));
  ASSERT_TRUE(first && second);
  ASSERT_EQ(first->status, 200);
  json body = json::parse(first->body);
  EXPECT_EQ(body["token_type"], "Bearer");
  EXPECT_EQ(body["expires_in"], 3599);
  EXPECT_EQ(body["ext_expires_in"], 3599);
  EXPECT_NE(body["access_token"], json::parse(second->body)["access_token"]);
  ASSERT_EQ(azure.issuedTokens().size(), 2u);
  EXPECT_EQ(azure.issuedTokens()[0].accessToken, body["access_token"]);
  EXPECT_EQ(azure.issuedTokens()[0].scope, kArmScope);
  EXPECT_EQ(azure.issuedTokens()[0].via, "client_secret");
}

TEST(FakeAzureTokens, FederatedAssertionIsAccepted) {
  FakeAzure azure;
  auto result = postToken(
      azure, {{"grant_type", "client_credentials"},
              {"client_id", azure.options().clientId},
              {"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
              {"client_assertion", azure.options().federatedAssertion},
              {"scope", kArmScope}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(azure.issuedTokens().at(0).via, "client_assertion");
}

TEST(FakeAzureTokens, WrongSecretIsAADSTS7000215) {
  FakeAzure azure;
  auto result = postToken(azure, secretForm(azure, "not-the-secret"));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
  json body = json::parse(result->body);
  EXPECT_EQ(body["error"], "invalid_client");
  EXPECT_EQ(body["error_codes"], json::array({7000215}));
  EXPECT_EQ(body["error_description"].get<std::string>().rfind(
                "AADSTS7000215: Invalid client secret provided.", 0),
            0u);
  for (const char* field : {"timestamp", "trace_id", "correlation_id"}) {
    EXPECT_TRUE(body.contains(field)) << field;
  }
  EXPECT_TRUE(azure.issuedTokens().empty());
}

TEST(FakeAzureTokens, UnknownTenantIsAADSTS90002) {
  FakeAzure azure;
  auto result = postToken(azure, secretForm(azure, azure.options().clientSecret),
                          "00000000-0000-0000-0000-00000000dead");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(json::parse(result->body)["error_codes"], json::array({90002}));
}

TEST(FakeAzureTokens, ScopeWithoutDefaultSuffixIsRefused) {
  FakeAzure azure;
  httplib::Params form = secretForm(azure, azure.options().clientSecret);
  form.erase("scope");
  form.emplace("scope", "https://management.azure.com/");
  auto result = postToken(azure, form);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(json::parse(result->body)["error"], "invalid_scope");
}

TEST(FakeAzureTokens, ImdsNeedsTheMetadataHeaderAndAnswersInStrings) {
  FakeAzure azure;
  httplib::Client client(azure.url());
  const std::string path =
      "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2F"
      "management.azure.com%2F";
  auto refused = client.Get(path);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body)["error_description"],
            "Required metadata header not specified");

  auto granted = client.Get(path, {{"Metadata", "true"}});
  ASSERT_TRUE(granted);
  ASSERT_EQ(granted->status, 200);
  json body = json::parse(granted->body);
  for (const char* field : {"access_token", "refresh_token", "expires_in", "expires_on",
                            "not_before", "resource", "token_type"}) {
    EXPECT_TRUE(body[field].is_string()) << field;
  }
  EXPECT_EQ(body["resource"], "https://management.azure.com/");
  EXPECT_EQ(azure.issuedTokens().at(0).via, "imds");
}

TEST(FakeAzureArm, RequestsWithoutAValidArmTokenAreRefusedInArmsShape) {
  FakeAzure azure;
  httplib::Client client(azure.url());
  const std::string path =
      "/subscriptions/" + azure.options().subscriptionId + "/resourcegroups/rg" + kApi;

  auto missing = client.Get(path);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  EXPECT_EQ(json::parse(missing->body)["error"]["code"], "AuthenticationFailed");
  EXPECT_TRUE(missing->has_header("WWW-Authenticate"));

  auto unknown = client.Get(path, {{"Authorization", "Bearer made-up"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 401);
  EXPECT_EQ(json::parse(unknown->body)["error"]["code"], "InvalidAuthenticationToken");

  const std::string postgres =
      fetchToken(azure, "https://ossrdbms-aad.database.windows.net/.default");
  auto wrongAudience = client.Get(path, {{"Authorization", "Bearer " + postgres}});
  ASSERT_TRUE(wrongAudience);
  EXPECT_EQ(wrongAudience->status, 401);
  EXPECT_EQ(json::parse(wrongAudience->body)["error"]["code"],
            "InvalidAuthenticationTokenAudience");
}

TEST(FakeAzureArm, ApiVersionAndSubscriptionAreChecked) {
  FakeAzure azure;
  ArmTestClient arm(azure);
  auto noVersion = arm.get(arm.groupPath("rg"));
  ASSERT_TRUE(noVersion);
  EXPECT_EQ(noVersion->status, 400);
  EXPECT_EQ(json::parse(noVersion->body)["error"]["code"], "MissingApiVersionParameter");

  auto otherSubscription = arm.get(
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/rg" + std::string(kApi));
  ASSERT_TRUE(otherSubscription);
  EXPECT_EQ(otherSubscription->status, 404);
  EXPECT_EQ(json::parse(otherSubscription->body)["error"]["code"], "SubscriptionNotFound");
}

TEST(FakeAzureArm, ResourceGroupsAreCreatedThenUpdatedWhateverTheCaseOfThePath) {
  FakeAzure azure;
  ArmTestClient arm(azure);
  const std::string path = arm.groupPath("alerts-rg") + kApi;
  auto absent = arm.head(path);
  ASSERT_TRUE(absent);
  EXPECT_EQ(absent->status, 404);
  auto missing = arm.get(path);
  ASSERT_TRUE(missing);
  EXPECT_EQ(json::parse(missing->body)["error"]["code"], "ResourceGroupNotFound");

  auto created = arm.put(path, {{"location", "australiaeast"}, {"tags", {{"team", "alerts"}}}});
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201);
  auto updated = arm.put(path, {{"location", "australiaeast"}, {"tags", json::object()}});
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->status, 200);

  std::string mixedCase =
      "/subscriptions/" + azure.options().subscriptionId + "/resourceGroups/alerts-rg" + kApi;
  auto present = arm.head(mixedCase);
  ASSERT_TRUE(present);
  EXPECT_EQ(present->status, 204);
  auto read = arm.get(mixedCase);
  ASSERT_TRUE(read);
  json body = json::parse(read->body);
  EXPECT_EQ(body["id"],
            "/subscriptions/" + azure.options().subscriptionId + "/resourceGroups/alerts-rg");
  EXPECT_EQ(body["location"], "australiaeast");
  EXPECT_EQ(body["properties"]["provisioningState"], "Succeeded");
  EXPECT_TRUE(azure.hasResourceGroup("ALERTS-RG"));

  auto noLocation = arm.put(path, {{"tags", json::object()}});
  ASSERT_TRUE(noLocation);
  EXPECT_EQ(noLocation->status, 400);
}

TEST(FakeAzureArm, EveryRequestIsRecordedWithLowerCaseHeaders) {
  FakeAzure azure;
  ArmTestClient arm(azure);
  arm.get(arm.groupPath("rg") + kApi);
  std::vector<RecordedRequest> seen = azure.requests();
  ASSERT_EQ(seen.size(), 2u);  // the token, then the read
  EXPECT_EQ(seen[0].route, FakeRoute::Token);
  EXPECT_EQ(seen[1].route, FakeRoute::ResourceGroup);
  EXPECT_EQ(seen[1].method, "GET");
  EXPECT_EQ(seen[1].queryValue("api-version"), "2025-04-01");
  EXPECT_EQ(seen[1].headers.at("authorization").rfind("Bearer ", 0), 0u);
}

}  // namespace
}  // namespace pgc::tests
