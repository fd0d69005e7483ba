// What-if on the fake: polled through its Location, Create before a deployment, NoChange
// after it, Modify with a property delta after a change, and Ignore or Delete for resources
// the template leaves out.
#include <gtest/gtest.h>

#include "fake_azure_client.h"

namespace pgc::tests {
namespace {

const char* kGroup = "alerts-rg";

class FakeAzureWhatIf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { prod_ = new json(exampleTemplate("prod")); }
  static void TearDownTestSuite() { delete prod_; }

  void SetUp() override { azure_.addResourceGroup(kGroup, "australiaeast"); }

  std::string deployment(const std::string& suffix = "") {
    return arm_.deploymentPath(kGroup, "alerts") + suffix + kApi;
  }
  json body(const json& tmpl, const std::string& mode = "Incremental") {
    return deploymentBody(tmpl, {{"admin_password", "s3cret!"}}, mode);
  }
  // Posts a what-if and polls its Location until the 200; returns the changes.
  json whatIf(const json& request) {
    auto posted = arm_.post(deployment("/whatIf"), request);
    if (!posted || posted->status != 202) throw std::runtime_error("what-if was refused");
    std::string location = posted->get_header_value("Location");
    for (int poll = 0; poll < 10; ++poll) {
      auto answer = arm_.follow(location);
      if (answer->status == 200) return json::parse(answer->body)["properties"]["changes"];
    }
    throw std::runtime_error("what-if never finished");
  }
  void deploy(const json& request) {
    auto put = arm_.put(deployment(), request);
    std::string status = put->get_header_value("Azure-AsyncOperation");
    for (int poll = 0; poll < 3; ++poll) arm_.follow(status);
    ASSERT_EQ(azure_.deploymentState("alerts"), "Succeeded");
  }

  static json* prod_;
  FakeAzure azure_;
  ArmTestClient arm_{azure_};
};

json* FakeAzureWhatIf::prod_ = nullptr;

std::vector<std::string> changeTypes(const json& changes) {
  std::vector<std::string> types;
  for (const json& change : changes) types.push_back(change["changeType"]);
  return types;
}

TEST_F(FakeAzureWhatIf, AnswersThroughLocationAfterTheConfiguredPolls) {
  auto posted = arm_.post(deployment("/whatIf"), body(*prod_));
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 202);
  EXPECT_EQ(posted->get_header_value("Retry-After"), "0");
  const std::string location = posted->get_header_value("Location");
  EXPECT_EQ(location.rfind(azure_.url() + "/subscriptions/", 0), 0u);
  EXPECT_NE(location.find("/operationresults/"), std::string::npos);
  EXPECT_NE(location.find("api-version=2025-04-01"), std::string::npos);
  EXPECT_EQ(arm_.follow(location)->status, 202);  // whatIfPolls defaults to one
  auto done = arm_.follow(location);
  ASSERT_EQ(done->status, 200);
  EXPECT_EQ(json::parse(done->body)["status"], "Succeeded");
}

TEST_F(FakeAzureWhatIf, CreateThenNoChangeThenModifyWithADelta) {
  json created = whatIf(body(*prod_));
  EXPECT_EQ(changeTypes(created), std::vector<std::string>(6, "Create"));
  EXPECT_EQ(created[0]["after"]["properties"]["cluster"]["clusterSize"], 3);
  // The password is write-only: what-if never shows it.
  EXPECT_FALSE(created[0]["after"]["properties"].contains("administratorLoginPassword"));
  EXPECT_EQ(created[2]["resourceId"],
            "/subscriptions/" + azure_.options().subscriptionId + "/resourceGroups/" + kGroup +
                "/providers/Microsoft.DBforPostgreSQL/flexibleServers/emergency-alerts-prod-main/"
                "firewallRules/office");

  deploy(body(*prod_));
  EXPECT_EQ(changeTypes(whatIf(body(*prod_))), std::vector<std::string>(6, "NoChange"));

  json grown = *prod_;
  grown["resources"][0]["properties"]["cluster"]["clusterSize"] = 4;
  json changes = whatIf(body(grown));
  EXPECT_EQ(changes[0]["changeType"], "Modify");
  ASSERT_EQ(changes[0]["delta"].size(), 1u);
  EXPECT_EQ(changes[0]["delta"][0], json({{"path", "properties.cluster.clusterSize"},
                                          {"propertyChangeType", "Modify"},
                                          {"before", 3},
                                          {"after", 4}}));
  EXPECT_EQ(changes[1]["changeType"], "NoChange");
}

TEST_F(FakeAzureWhatIf, ResourcesLeftOutAreIgnoredOrDeletedByMode) {
  deploy(body(*prod_));
  json fewer = *prod_;
  fewer["resources"].erase(5);  // the work_mem configuration
  EXPECT_EQ(changeTypes(whatIf(body(fewer))).back(), "Ignore");
  EXPECT_EQ(changeTypes(whatIf(body(fewer, "Complete"))).back(), "Delete");
}

TEST_F(FakeAzureWhatIf, RefusesWhatValidateRefuses) {
  auto refused = arm_.post(deployment("/whatIf"), deploymentBody(*prod_, json::object()));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body)["error"]["code"], "InvalidTemplate");
}

}  // namespace
}  // namespace pgc::tests
