// The deployment's name, paths and body: deterministic, within ARM's rules, and masked
// wherever it is shown.
#include <gtest/gtest.h>

#include <regex>

#include "pgc/deploy/arm_deployment.h"

namespace pgc::tests {
namespace {

using deploy::DeploymentPlan;
using Json = nlohmann::ordered_json;

const Json kTemplate = {{"$schema", "x"}, {"resources", Json::array()}};

TEST(DeploymentName, IsStableAndChangesWithTheContent) {
  Json parameters = {{"tier", {{"value", "gold"}}}};
  std::string name = deploy::deploymentName("emergency-alerts", "prod", kTemplate, parameters);
  EXPECT_EQ(name, deploy::deploymentName("emergency-alerts", "prod", kTemplate, parameters));
  EXPECT_TRUE(std::regex_match(name, std::regex("emergency-alerts-prod-[0-9a-f]{8}"))) << name;
  Json other = {{"tier", {{"value", "silver"}}}};
  EXPECT_NE(name, deploy::deploymentName("emergency-alerts", "prod", kTemplate, other));
  Json changed = kTemplate;
  changed["contentVersion"] = "1.0.0.1";
  EXPECT_NE(name, deploy::deploymentName("emergency-alerts", "prod", changed, parameters));
}

TEST(DeploymentName, KeepsToArmsCharactersAndLength) {
  std::string name =
      deploy::deploymentName(std::string(100, 'p') + " x/y", "prod", kTemplate, Json::object());
  EXPECT_LE(name.size(), 64u);
  EXPECT_TRUE(std::regex_match(name, std::regex(R"([-\w._()]{1,64})"))) << name;
  EXPECT_EQ(name.find(' '), std::string::npos);
}

DeploymentPlan plan(bool subscriptionScope) {
  DeploymentPlan plan;
  plan.name = "demo-prod-0123abcd";
  plan.subscription = "sub-1";
  plan.resourceGroup = "demo-rg";
  plan.subscriptionScope = subscriptionScope;
  plan.location = "westeurope";
  plan.armTemplate = kTemplate;
  plan.parameters = {{"location", {{"value", "westeurope"}}},
                     {"admin_password", {{"value", "hunter2-secret"}}}};
  plan.secureParameters = {"admin_password"};
  return plan;
}

TEST(DeploymentPlan, PathsFollowTheScope) {
  EXPECT_EQ(plan(false).deploymentPath(),
            "/subscriptions/sub-1/resourcegroups/demo-rg/providers/Microsoft.Resources/"
            "deployments/demo-prod-0123abcd");
  EXPECT_EQ(plan(true).deploymentPath(),
            "/subscriptions/sub-1/providers/Microsoft.Resources/deployments/demo-prod-0123abcd");
  EXPECT_EQ(plan(false).resourceGroupPath(), "/subscriptions/sub-1/resourcegroups/demo-rg");
}

TEST(DeploymentPlan, BodyCarriesSecretsOnlyUnmasked) {
  Json sent = plan(false).body(false);
  EXPECT_EQ(sent["properties"]["mode"], "Incremental");
  EXPECT_EQ(sent["properties"]["template"], kTemplate);
  EXPECT_EQ(sent["properties"]["parameters"]["admin_password"]["value"], "hunter2-secret");
  EXPECT_FALSE(sent.contains("location"));  // resource-group scope takes none

  Json shown = plan(true).body(true);
  EXPECT_EQ(shown["location"], "westeurope");  // subscription scope requires one
  EXPECT_EQ(shown["properties"]["parameters"]["admin_password"]["value"], "***");
  EXPECT_EQ(shown["properties"]["parameters"]["location"]["value"], "westeurope");
  EXPECT_EQ(shown.dump().find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace pgc::tests
