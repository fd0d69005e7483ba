// Faults the fake injects on demand, each on the route it is aimed at and only for the
// next N requests: throttling, server errors, retryable conflicts, drops and slow answers.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "fake_azure_client.h"

namespace pgc::tests {
namespace {

std::string groupPath(const FakeAzure& azure) {
  return "/subscriptions/" + azure.options().subscriptionId + "/resourcegroups/rg" + kApi;
}

TEST(FakeAzureFaults, ThrottlingAnswers429WithRetryAfterThenRecovers) {
  FakeAzure azure;
  azure.addResourceGroup("rg", "australiaeast");
  ArmTestClient arm(azure);
  azure.injectFault(FakeRoute::ResourceGroup, {FaultKind::Throttle, 2, 0, 7});
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto throttled = arm.get(groupPath(azure));
    ASSERT_TRUE(throttled);
    EXPECT_EQ(throttled->status, 429);
    EXPECT_EQ(throttled->get_header_value("Retry-After"), "7");
    json error = json::parse(throttled->body)["error"];
    EXPECT_EQ(error["code"], "SubscriptionRequestsThrottled");
    EXPECT_NE(error["message"].get<std::string>().find("excessive volume of traffic"),
              std::string::npos);
  }
  EXPECT_EQ(arm.get(groupPath(azure))->status, 200);
}

TEST(FakeAzureFaults, ServerErrorsAndConflictsAreInArmsShape) {
  FakeAzure azure;
  azure.addResourceGroup("rg", "australiaeast");
  ArmTestClient arm(azure);
  azure.injectFault(FakeRoute::Any, {FaultKind::InternalError});
  azure.injectFault(FakeRoute::Any, {FaultKind::ServiceUnavailable, 1, 0, 3});
  azure.injectFault(FakeRoute::Any, {FaultKind::Conflict});
  auto internal = arm.get(groupPath(azure));
  EXPECT_EQ(internal->status, 500);
  EXPECT_EQ(json::parse(internal->body)["error"]["code"], "InternalServerError");
  auto unavailable = arm.get(groupPath(azure));
  EXPECT_EQ(unavailable->status, 503);
  EXPECT_EQ(unavailable->get_header_value("Retry-After"), "3");
  auto conflict = arm.get(groupPath(azure));
  EXPECT_EQ(conflict->status, 409);
  EXPECT_EQ(json::parse(conflict->body)["error"]["code"], "RetryableErrorDueToAnotherOperation");
  EXPECT_EQ(arm.get(groupPath(azure))->status, 200);
}

TEST(FakeAzureFaults, FaultsHitOnlyTheirRoute) {
  FakeAzure azure;
  azure.addResourceGroup("rg", "australiaeast");
  azure.injectFault(FakeRoute::DeploymentStatus, {FaultKind::InternalError});
  ArmTestClient arm(azure);  // its token request passes untouched
  EXPECT_EQ(arm.get(groupPath(azure))->status, 200);
}

TEST(FakeAzureFaults, TokenFaultsAnswerInOAuthShape) {
  FakeAzure azure;
  azure.injectFault(FakeRoute::Token, {FaultKind::Throttle, 1, 0, 1});
  httplib::Client client(azure.url());
  auto throttled = client.Post("/" + azure.options().tenantId + "/oauth2/v2.0/token",
                               httplib::Params{{"grant_type", "client_credentials"}});
  ASSERT_TRUE(throttled);
  EXPECT_EQ(throttled->status, 429);
  EXPECT_EQ(json::parse(throttled->body)["error"], "temporarily_unavailable");
  EXPECT_FALSE(fetchToken(azure).empty());
  EXPECT_EQ(azure.issuedTokens().size(), 1u);
}

TEST(FakeAzureFaults, ADroppedConnectionGivesTheClientNoResponse) {
  FakeAzure azure;
  azure.addResourceGroup("rg", "australiaeast");
  ArmTestClient arm(azure);
  azure.injectFault(FakeRoute::ResourceGroup, {FaultKind::DropConnection});
  EXPECT_FALSE(arm.get(groupPath(azure)));
  EXPECT_EQ(arm.get(groupPath(azure))->status, 200);
}

TEST(FakeAzureFaults, ASlowAnswerComesLateButWhole) {
  FakeAzure azure;
  azure.addResourceGroup("rg", "australiaeast");
  ArmTestClient arm(azure);
  azure.injectFault(FakeRoute::ResourceGroup, {FaultKind::Slow, 1, 200});
  const auto start = std::chrono::steady_clock::now();
  auto slow = arm.get(groupPath(azure));
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(200));
}

TEST(FakeAzureFaults, PollRetryAfterIsConfigurable) {
  FakeAzure azure;
  azure.addResourceGroup("rg", "australiaeast");
  azure.setPollRetryAfter(4);
  ArmTestClient arm(azure);
  json tmpl = {{"$schema",
                "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"},
               {"contentVersion", "1.0.0.0"},
               {"resources", json::array()}};
  auto put = arm.put(arm.deploymentPath("rg", "empty") + kApi, deploymentBody(tmpl, {}));
  ASSERT_TRUE(put);
  EXPECT_EQ(put->get_header_value("Retry-After"), "4");
}

TEST(FakeAzureFaults, WaitForWakesOnRequests) {
  FakeAzure azure;
  auto tokenIssued = [&] { return !azure.issuedTokens().empty(); };
  EXPECT_FALSE(azure.waitFor(tokenIssued, std::chrono::milliseconds(10)));
  std::thread client([&] { fetchToken(azure); });
  EXPECT_TRUE(azure.waitFor(tokenIssued, std::chrono::seconds(10)));
  client.join();
}

}  // namespace
}  // namespace pgc::tests
